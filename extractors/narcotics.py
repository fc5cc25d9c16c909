"""Narcotics enforcement: cases solved, suspects arrested, drugs and precursor
chemicals seized (in total and by drug), drug users found, rehabilitation,
gangs broken up. The phrases are in ``data/metrics.tsv`` (keys ``narcotics.*``)."""

from extractors.metrics import register_domain

NAME = "narcotics"
VERSION = "1"

register_domain(NAME, VERSION)
