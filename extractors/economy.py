"""Economy: GDP and its growth, value added, investment, retail sales, fiscal
revenue, disposable income, prices, population. The phrases are in
``data/metrics.tsv`` (keys ``economy.*``)."""

from extractors.metrics import register_domain

NAME = "economy"
VERSION = "2"

register_domain(NAME, VERSION)
