"""Public security: fraud cases and losses recovered, criminal cases, traffic
accidents and deaths, fires and their losses, smuggling cases. The phrases are
in ``data/metrics.tsv`` (keys ``public_security.*``)."""

from __future__ import annotations

from dataclasses import replace

from extractors.metrics import match
from extractors.model import Figure
from extractors.registry import register

NAME = "public_security"
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
