"""The small typed values the extractors return."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

Qualifier = Literal["exact", "approx", "over", "under"]
Kind = Literal["aggregate", "event"]
Comparison = Literal["yoy", "mom", "share"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One stated figure of a text, with what it counts, when and where.

    Offsets are character offsets into the text given to the extractor (the
    original text, not a converted copy).
    """

    mention: str
    start: int
    end: int
    value: float
    unit: str  # the base unit as written, without the 万/亿 multiplier: 起, 名, 公斤, 元, %
    qualifier: Qualifier
    subject: str
    kind: Kind
    period_start: date | None
    period_end: date | None
    region: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    extractor: str
    extractor_version: str
    metric: str | None = None  # a canonical key where a domain module knows the subject
    region_code: str | None = None  # GB/T 2260 code, where the region is a division
    comparison: Comparison | None = None
    value_high: float | None = None  # the upper end of a range (3至5人); value is the lower end
    unit_family: str = "count"  # count | mass | money | percent | points | ratio | other
    value_normalised: float | None = None  # kilograms for mass, yuan for money, else value
    unit_normalised: str | None = None  # kg | yuan | % | the unit itself
    # provenance: the phrase of the text that set the period and the one that set the region (offsets
    # into the original text), and the rule that read them (None where nothing did)
    period_from: str | None = None
    period_from_start: int | None = None
    period_from_end: int | None = None
    period_rule: str | None = None
    region_from: str | None = None
    region_from_start: int | None = None
    region_from_end: int | None = None
    region_rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("period_start", "period_end"):
            v = d[k]
            d[k] = v.isoformat() if v is not None else None
        return d
