"""Economy: GDP and its growth, value added, investment, retail sales, fiscal
revenue, disposable income, prices, population. The phrases are in
``data/metrics.tsv`` (keys ``economy.*``)."""

from __future__ import annotations

from dataclasses import replace

from extractors.metrics import match
from extractors.model import Figure
from extractors.registry import register

NAME = "economy"
VERSION = "1"


@register(NAME, VERSION)
def assign(figures: list[Figure]) -> list[Figure]:
    out = []
    for f in figures:
        if f.metric is None:
            m = match(f.subject, f.unit_family, NAME, simplified=True)
            if m is not None:
                f = replace(f, metric=m.key, extractor=NAME, extractor_version=VERSION)
        out.append(f)
    return out
