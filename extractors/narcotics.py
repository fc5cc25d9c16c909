"""Narcotics enforcement: cases solved, suspects arrested, drugs and precursor
chemicals seized (in total and by drug), drug users found, rehabilitation,
gangs broken up. The phrases are in ``data/metrics.tsv`` (keys ``narcotics.*``)."""

from __future__ import annotations

from dataclasses import replace

from extractors.metrics import match
from extractors.model import Figure
from extractors.registry import register

NAME = "narcotics"
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
