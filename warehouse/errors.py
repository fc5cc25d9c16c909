"""Errors of the warehouse package.

    WarehouseError
    ├── WarehouseBusy        another process holds the warehouse (a run is writing it)
    ├── MigrationError       a migration failed; the warehouse stays at the previous version
    ├── WarehouseDamaged     the file is cut short, corrupt or not a DuckDB file (left as it is)
    ├── SchemaTooNew         the file was written by a newer pressetl (a migration this one lacks)
    ├── QueryError           an analyst's SQL failed (message from DuckDB, with the query)
    └── ReportError          the report cannot be built (a package it needs is not installed)
"""


class WarehouseError(Exception):
    """Base class of the warehouse package's errors."""


class WarehouseBusy(WarehouseError):
    """The warehouse file is locked by another writer."""


class MigrationError(WarehouseError):
    """A migration could not be applied."""


class WarehouseDamaged(WarehouseError):
    """The warehouse file is truncated, corrupt or not a DuckDB file; it is never written."""


class SchemaTooNew(WarehouseError):
    """The warehouse has a migration this pressetl does not know: a newer pressetl wrote it."""


class QueryError(WarehouseError):
    """A query against the warehouse failed."""


class ReportError(WarehouseError):
    """The report cannot be built."""
