"""Public security: fraud cases and losses recovered, criminal cases, traffic
accidents and deaths, fires and their losses, smuggling cases. The phrases are
in ``data/metrics.tsv`` (keys ``public_security.*``)."""

from extractors.metrics import register_domain

NAME = "public_security"
VERSION = "1"

register_domain(NAME, VERSION)
