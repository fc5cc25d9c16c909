"""The metric taxonomy: ``data/metrics.tsv`` (metric key, English label, unit
family, the Chinese phrases it covers), and the one helper that matches a
figure's subject against it. Domain modules pick their rows by key prefix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from extractors.textnorm import to_simplified

DATA_PATH: Path = Path(__file__).resolve().parent / "data" / "metrics.tsv"


@dataclass(frozen=True, slots=True)
class Metric:
    key: str
    label: str
    family: str  # count | mass | money | percent (the unit family of its figures)
    phrases: tuple[str, ...]

    @property
    def domain(self) -> str:
        return self.key.split(".", 1)[0]


@cache
def all_metrics() -> tuple[Metric, ...]:
    rows = []
    with DATA_PATH.open(encoding="utf-8") as f:
        f.readline()
        for line in f:
            if not line.strip():
                continue
            key, label, family, phrases = line.rstrip("\n").split("\t")
            rows.append(Metric(key, label, family, tuple(p.strip() for p in phrases.split(",") if p.strip())))
    return tuple(rows)


@cache
def metrics_of(domain: str) -> tuple[Metric, ...]:
    return tuple(m for m in all_metrics() if m.domain == domain)


# The unit families of figures each metric family accepts.
_FAMILY_OK: dict[str, frozenset[str]] = {
    "count": frozenset({"count"}),
    "mass": frozenset({"mass"}),
    "money": frozenset({"money"}),
    "percent": frozenset({"percent"}),  # percentage points are changes of a rate, never the rate
}


@cache
def _matcher(domain: str, unit_family: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, Metric]]:
    """(any phrase, every phrase at every place it starts, the metric of each phrase). The first is
    the quick test: one search that stops at the first phrase, where the second tries its look-ahead
    at every character, and nine subjects in ten hold no phrase."""
    by_phrase: dict[str, Metric] = {}
    for m in metrics_of(domain):
        if unit_family in _FAMILY_OK.get(m.family, frozenset()):
            for p in m.phrases:
                by_phrase.setdefault(p, m)
    if not by_phrase:
        return None, None, by_phrase
    alt = "|".join(re.escape(p) for p in sorted(by_phrase, key=len, reverse=True))
    return re.compile(alt), re.compile(f"(?=({alt}))"), by_phrase


def match(subject: str, unit_family: str, domain: str, *, simplified: bool = False) -> Metric | None:
    """The metric of ``domain`` whose longest phrase occurs in ``subject``, among
    those of the figure's unit family. ``simplified``: the subject is already in
    simplified characters (as the recogniser's subjects are)."""
    quick, rx, by_phrase = _matcher(domain, unit_family)
    if quick is None or rx is None or not subject:
        return None
    subj = subject if simplified else to_simplified(subject)
    first = quick.search(subj)
    if first is None:
        return None  # no phrase in the subject
    best = ""
    for m in rx.finditer(subj, first.start()):  # (no phrase starts before the first one found)
        if len(m.group(1)) > len(best):
            best = m.group(1)
    return by_phrase[best] if best else None


def register_domain(name: str, version: str) -> None:
    """Register the refiner of one domain: it gives a figure without a metric the metric of
    ``name`` whose phrase its subject holds, and records itself as the figure's extractor. Changes
    (comparison yoy or mom) get no metric."""
    from dataclasses import fields
    from operator import attrgetter

    from extractors.model import Figure
    from extractors.registry import register

    # A figure given its metric is rebuilt from all its fields read in one call, three of them set anew:
    # most figures get one, and dataclasses.replace, which reads them one by one and passes them by
    # keyword, takes twice as long.
    names = tuple(fd.name for fd in fields(Figure))
    read = attrgetter(*names)
    at_extractor = names.index("extractor")
    if names[at_extractor : at_extractor + 3] != ("extractor", "extractor_version", "metric"):
        raise TypeError("Figure's fields changed: with_metric passes extractor, extractor_version and metric together")

    def with_metric(f: Figure, key: str) -> Figure:
        values: tuple[Any, ...] = read(f)
        return Figure(*(values[:at_extractor] + (name, version, key) + values[at_extractor + 3 :]))

    @register(name, version)
    def assign(figures: list[Figure]) -> list[Figure]:
        out = []
        # the quick test of match (any phrase of the domain for the unit family), looked up once per unit
        # family of the release, and asked here: most subjects hold no phrase, and match is not called for them
        quick: dict[str, re.Pattern[str] | None] = {}
        for f in figures:
            if f.metric is None and not (f.comparison in ("yoy", "mom") and f.unit_family not in ("percent", "points")):
                # a change in the level's own unit (较去年同期增加0.4吨) is not the level it changes: it
                # never takes the level's metric, its comparison says what it is (growth rates in
                # percent have metrics of their own)
                family = f.unit_family
                q = quick[family] if family in quick else quick.setdefault(family, _matcher(name, family)[0])
                if q is None or not f.subject or q.search(f.subject) is None:
                    out.append(f)  # what match would say: no phrase of the domain in the subject
                    continue
                m = match(f.subject, family, name, simplified=True)
                if m is not None:
                    f = with_metric(f, m.key)
            out.append(f)
        return out
