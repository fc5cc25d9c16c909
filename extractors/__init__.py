"""Figures from Chinese regional press releases.

    from extractors import extract
    figures = extract(text, published=date(2018, 6, 26), region="云南省")

``extract`` runs the registered recognisers (:mod:`extractors.recognise`), then
the domain modules that assign a canonical ``metric`` (:mod:`extractors.narcotics`,
:mod:`extractors.public_security`, :mod:`extractors.economy`). It never raises
on odd text: no figures is ``[]``.
"""

from __future__ import annotations

import datetime
from operator import attrgetter

from extractors import economy, narcotics, public_security, recognise  # noqa: F401  (they register)
from extractors.model import Figure
from extractors.registry import EXTRACTORS, stage

# Bump when what extract() returns changes: the warehouse keeps figures per version.
EXTRACTOR_VERSION: str = "0.26.0"

__all__ = ["EXTRACTORS", "EXTRACTOR_VERSION", "Figure", "extract"]

# A figure's place in the text, to sort by: (start, end), read by one call of C, not a lambda per figure.
_BY_POSITION = attrgetter("start", "end")


def extract(text: str, *, published: datetime.date | None = None, region: str | None = None) -> list[Figure]:
    """Every stated figure of ``text``, in text order.

    ``published`` resolves relative periods (今年, 去年); without it a date in
    the dateline is used where there is one. ``region`` is the source's area
    (云南省), used for 全省 and the like where the text names no area itself.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    figures: list[Figure] = []
    for e in stage("recognise"):
        figures.extend(e.func(text, published, region))
    for e in stage("refine"):
        figures = e.func(figures)
    figures.sort(key=_BY_POSITION)
    return figures
