"""What the extractor tests ask of a release: its figures by the mention they were read from, and a
figure's period as one pair."""

from __future__ import annotations

from datetime import date

from extractors import extract
from extractors.model import Figure


def by_mention(text: str, published: date | None = date(2024, 6, 1), region: str | None = None) -> dict[str, Figure]:
    return {f.mention: f for f in extract(text, published=published, region=region)}


def period(f: Figure) -> tuple[date | None, date | None]:
    return f.period_start, f.period_end
