"""Errors of the warehouse package.

    WarehouseError
    ├── WarehouseBusy        another process holds the warehouse (a run is writing it)
    ├── MigrationError       a migration failed; the warehouse stays at the previous version
    ├── QueryError           an analyst's SQL failed (message from DuckDB, with the query)
    └── ReportError          the report cannot be built (a package it needs is not installed)
"""


class WarehouseError(Exception):
    """Base class of the warehouse package's errors."""


class WarehouseBusy(WarehouseError):
    """The warehouse file is locked by another writer."""


class MigrationError(WarehouseError):
    """A migration could not be applied."""


class QueryError(WarehouseError):
    """A query against the warehouse failed."""


class ReportError(WarehouseError):
    """The report cannot be built."""
