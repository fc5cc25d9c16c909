"""What the reliability tests did, summed over a test session and printed as one line at its end
(tests/conftest.py): kills survived, faults injected, hostile inputs tried, rows lost and doubled.

Each test adds what it actually did (a kill that landed, a fault that fired, an input that was
fed to the pipeline), never a planned number, and the rows it found lost or doubled (which
also fails it)."""

from __future__ import annotations

from collections import Counter

counts: Counter[str] = Counter()
stages: Counter[str] = Counter()  # where the kills and Ctrl-Cs landed
longest: dict[str, float] = {}  # the longest of a measured duration, e.g. Ctrl-C to exit

FIELDS = ("sigkill", "sigint", "faults", "hostile", "compared", "lost", "doubled")


def add(**kw: int) -> None:
    unknown = set(kw) - set(FIELDS)
    assert not unknown, f"unknown tally {unknown}"
    counts.update(kw)


def landed(stage: str | None) -> None:
    stages[stage or "?"] += 1


def measured(name: str, seconds: float) -> None:
    longest[name] = max(seconds, longest.get(name, 0.0))


def state() -> dict[str, dict]:
    """What this process counted, as plain data (a test worker hands it to the session's controller)."""
    return {"counts": dict(counts), "stages": dict(stages), "longest": dict(longest)}


def merge(other: dict[str, dict]) -> None:
    """Add what another process counted (tests/conftest.py, when the tests run in several workers)."""
    counts.update(other["counts"])
    stages.update(other["stages"])
    for name, seconds in other["longest"].items():
        measured(name, seconds)


def line() -> str | None:
    """The summary line, or None when no reliability test ran."""
    if not any(counts[f] for f in FIELDS[:4]):
        return None
    kills = counts["sigkill"] + counts["sigint"]
    where = ", ".join(f"{s} {n}" for s, n in sorted(stages.items()))
    exit_ = f", Ctrl-C to exit at most {longest['sigint_exit']:.1f} s" if "sigint_exit" in longest else ""
    return (f"reliability: kills survived {kills} ({counts['sigkill']} SIGKILL, {counts['sigint']} SIGINT"
            f"{'; at ' + where if where else ''}{exit_}), "
            f"faults injected {counts['faults']}, hostile inputs tried {counts['hostile']}, "
            f"rows compared {counts['compared']}, rows lost {counts['lost']}, rows doubled {counts['doubled']}")
