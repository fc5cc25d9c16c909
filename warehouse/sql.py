"""SQL kept in .sql files inside the package, read once."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_sql(name: str) -> str:
    """The statement in warehouse/loads/<name>.sql."""
    return resources.files("warehouse").joinpath("loads", f"{name}.sql").read_text(encoding="utf-8")


@cache
def query_sql(name: str) -> str:
    """The query in warehouse/queries/<name>.sql."""
    return resources.files("warehouse").joinpath("queries", f"{name}.sql").read_text(encoding="utf-8")
