"""Exactly once under SIGKILL and Ctrl-C: `pressetl run` over a corpus served on 127.0.0.1, stopped
at every stage (fetch, clean, extract, load, finish) at random moments, then run to its end,
leaves the same documents, versions, figures, errors and runs as one undisturbed run: nothing
lost, nothing doubled, no orphans. Every batch commits in one transaction, every load is
idempotent on natural keys, and a source's validators are stored with its last batch, so a
stopped run is repaired by running again.

CI runs one round of each (a kill or a Ctrl-C at each stage, over 100 documents);
`make reliability` sets PRESSETL_RELIABILITY=full: 300 documents, six rounds of kills in plain
runs and one in Prefect runs, two rounds of Ctrl-C. PRESSETL_RELIABILITY_SEED picks other moments.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests import tally
from tests.flows.reliability import BATCH_SIZE, STAGES, Corpus, Outcome, compare, traced_run

FULL = os.environ.get("PRESSETL_RELIABILITY") == "full"
DOCS = 300 if FULL else 100
KILL_ROUNDS = 6 if FULL else 1
PREFECT_KILL_ROUNDS = 1 if FULL else 0
SIGINT_ROUNDS = 2 if FULL else 1
SEED = int(os.environ.get("PRESSETL_RELIABILITY_SEED", "20261206"))
TRIES_PER_STAGE = 16  # a signal meant for a stage the run has already left (other threads trace too; a loaded
# machine, where a 4 ms clean step is often over before the signal lands) is tried again

pytestmark = pytest.mark.reliability

SAMPLES = Path(__file__).resolve().parents[2] / "flows" / "samples"


def make_corpus(folder: Path, n: int) -> Path:
    pages = sorted(SAMPLES.rglob("*.html"))
    folder.mkdir()
    for i in range(n):
        body = pages[i % len(pages)].read_bytes()
        marker = f"<p>No. {i:04d}</p>".encode()  # ASCII: valid in every encoding of the samples
        (folder / f"p{i:04d}.html").write_bytes(body.replace(b"</body>", marker + b"</body>", 1))
    cfg = folder.parent / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: bulk\n    kind: directory\n    path: {folder}\n    region: 云南省\n",
                   encoding="utf-8")
    return cfg


def run(cfg: Path, db: Path, *, kill_after: float | None = None) -> int | None:
    env = {**os.environ, "PRESSETL_BATCH_SIZE": "10"}
    p = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--plain", "--config", str(cfg), "--db", str(db)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if kill_after is None:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()[-2000:]
        return p.returncode
    time.sleep(kill_after)
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    return None


def test_a_copy_of_the_warehouse_taken_mid_run_is_consistent(tmp_path):
    """Kill mid-run and open what is on disk: every stored document has its extraction."""
    cfg = make_corpus(tmp_path / "pages", 80)
    db = tmp_path / "w.duckdb"
    run(cfg, db, kill_after=2.5)
    assert db.exists()  # the run records itself before its first batch
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    wal = db.with_name(db.name + ".wal")
    if wal.exists():
        shutil.copy(wal, copy.with_name(copy.name + ".wal"))
    con = duckdb.connect(str(copy))
    orphans = con.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM extractions e WHERE e.document_url = d.url AND e.document_version = d.version)"
    ).fetchone()[0]
    pages_without_doc = con.execute(
        "SELECT count(*) FROM raw_pages p WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.url = p.url)"
    ).fetchone()[0]
    con.close()
    assert orphans == 0 and pages_without_doc == 0


# ---------------------------------------------------------------- kills and Ctrl-C at every stage


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    with Corpus(folder, DOCS) as c:
        c.reference = folder / "reference.duckdb"  # type: ignore[attr-defined]
        first = traced_run(c.cfg, c.reference)  # type: ignore[attr-defined]
        assert first.returncode == 0, first.stderr[-3000:]
        c.reference_trace = first.trace  # type: ignore[attr-defined]
        yield c


def moment(rng: random.Random, stage: str) -> tuple[int, float]:
    """(occurrence, delay): which time the run enters the stage, and how long after it the signal goes."""
    if stage == "fetch":
        return 1, rng.uniform(0.0, 0.4)
    if stage in ("clean", "extract"):
        return rng.randint(1, BATCH_SIZE), 0.0  # a document of the run's first batch: work is left for the next
    if stage == "load":
        return rng.randint(1, 2), rng.uniform(0.0, 0.05)
    return 1, rng.uniform(0.0, 0.02)  # finish


def check_stopped(o: Outcome, sig: signal.Signals) -> None:
    assert o.leftover_workers == 0, "a cleaning worker outlived its run"
    assert "Traceback" not in o.stderr, o.stderr[-3000:]
    if o.signal is None:
        assert o.returncode == 0, o.stderr[-3000:]
    elif sig == signal.SIGKILL:
        assert o.returncode == -signal.SIGKILL
    elif o.stage in ("load", "finish", "done") and o.returncode == 0:
        # the batch being loaded commits; when it was the last one, or the run's end was being
        # recorded, the run ends as it was ending: all its work is stored
        assert "Traceback" not in o.stderr
    else:
        assert o.returncode == 130, o.stderr[-3000:]
        last = o.stderr.strip().splitlines()[-1]
        assert last.startswith(("interrupted: kept", "interrupted before the run started")), last
        assert o.seconds_to_exit < 10, f"{o.seconds_to_exit:.1f} s from Ctrl-C to exit"


def stop_at_every_stage(corpus, db: Path, sig: signal.Signals, rng: random.Random, *, plain: bool = True) -> list[Outcome]:
    """One round: runs stopped by ``sig`` at fetch, clean, extract, load (in a random order), then
    at finish, each run resuming what the previous left; then one run to its end."""
    stages = ["fetch", "clean", "extract", "load"]
    rng.shuffle(stages)
    outcomes: list[Outcome] = []
    for stage in [*stages, "finish"]:
        for _ in range(TRIES_PER_STAGE):
            occurrence, delay = moment(rng, stage)
            o = traced_run(corpus.cfg, db, sig=sig, stage=stage, occurrence=occurrence, delay=delay, plain=plain)
            outcomes.append(o)
            check_stopped(o, sig)
            if o.signal is None or o.stage == stage:
                break  # landed where meant, or the run ended before it got there (nothing left to do)
    last = traced_run(corpus.cfg, db, plain=plain)
    outcomes.append(last)
    assert last.returncode == 0 and last.signal is None, last.stderr[-3000:]
    return outcomes


def account(corpus, db: Path, outcomes: list[Outcome], sig: signal.Signals) -> set[str]:
    diff = compare(corpus.reference, db, outcomes)
    landed = [o for o in outcomes if o.signal]
    tally.add(**{"sigkill" if sig == signal.SIGKILL else "sigint": len(landed)},
              compared=diff.rows, lost=sum(diff.lost.values()),
              doubled=sum(diff.doubled.values()))
    for o in landed:
        tally.landed(o.stage)
        if sig == signal.SIGINT:
            tally.measured("sigint_exit", o.seconds_to_exit)
    assert diff.clean, str(diff)
    assert diff.rows > DOCS * 10  # documents, pages, figures ... all compared
    return {o.stage for o in landed if o.stage}


def test_runs_killed_at_every_stage_then_finished_equal_one_clean_run(corpus, tmp_path):
    rng = random.Random(SEED)
    hit: set[str] = set()
    for n in range(KILL_ROUNDS):
        db = tmp_path / f"killed-{n}.duckdb"
        outcomes = stop_at_every_stage(corpus, db, signal.SIGKILL, rng)
        hit |= account(corpus, db, outcomes, signal.SIGKILL)
    assert set(STAGES) <= hit, f"stages hit: {sorted(hit)}"


@pytest.mark.skipif(not PREFECT_KILL_ROUNDS, reason="Prefect runs are killed in `make reliability` (each starts a server)")
def test_prefect_runs_killed_at_every_stage_then_finished_equal_one_clean_run(corpus, tmp_path):
    rng = random.Random(SEED + 1)
    hit: set[str] = set()
    for n in range(PREFECT_KILL_ROUNDS):
        db = tmp_path / f"killed-prefect-{n}.duckdb"
        outcomes = stop_at_every_stage(corpus, db, signal.SIGKILL, rng, plain=False)
        hit |= account(corpus, db, outcomes, signal.SIGKILL)
    assert set(STAGES) <= hit, f"stages hit: {sorted(hit)}"


def test_ctrl_c_at_every_stage_ends_with_its_line_and_the_next_run_completes(corpus, tmp_path):
    rng = random.Random(SEED + 2)
    hit: set[str] = set()
    for n in range(SIGINT_ROUNDS):
        db = tmp_path / f"interrupted-{n}.duckdb"
        outcomes = stop_at_every_stage(corpus, db, signal.SIGINT, rng)
        hit |= account(corpus, db, outcomes, signal.SIGINT)
        interrupted = [o for o in outcomes if o.signal and o.returncode == 130]
        con = duckdb.connect(str(db), read_only=True)
        try:
            statuses = dict(con.execute("SELECT run_id, status FROM runs").fetchall())
        finally:
            con.close()
        assert all(statuses.get(o.run_id, "interrupted") == "interrupted" for o in interrupted)
    assert set(STAGES) <= hit, f"stages hit: {sorted(hit)}"
