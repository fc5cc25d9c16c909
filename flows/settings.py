"""One frozen settings object, built once at the edge (CLI or flow) and passed down."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

DEFAULT_DB = Path("data/pressetl.duckdb")
CORES = os.cpu_count() or 1
USER_AGENT = "pressetl/0.1 (+https://example.invalid/pressetl; press-release statistics)"


@dataclass(frozen=True, slots=True)
class Settings:
    # the warehouse: a DuckDB file (the default), or a ducklake+postgres://… URL (warehouse/lake.py)
    db_path: Path | str = DEFAULT_DB
    sources_path: Path | None = None  # None: the bundled samples
    user_agent: str = USER_AGENT
    timeout_seconds: float = 20.0
    max_bytes: int = 10 * 1024 * 1024  # largest body accepted, decompressed
    max_redirects: int = 5
    retries: int = 3  # per request, on 429, 5xx, timeouts and dropped connections
    backoff_seconds: float = 0.5  # first backoff; doubles, with jitter
    max_retry_after_seconds: float = 120.0  # a longer Retry-After fails the request instead
    delay_seconds: float = 1.0  # minimum delay between requests to one host
    concurrency_per_host: int = 2
    batch_size: int = 500  # documents per batch task (per load transaction): fewer tasks and commits, less overhead
    batch_seconds: float = 30.0  # a batch is sent when it is this old, full or not (slow, polite crawls)
    batches_in_flight: int = 3  # batch tasks at once per flow: enough to keep the workers busy while one loads
    workers: int = CORES  # processes that clean and extract (0: in the batch's own process)
    # DuckDB threads of a batch's load: one, as the cleaning workers have the cores meanwhile (two
    # threads beside them cost a third more CPU for the same load); 0: DuckDB's own choice (all
    # cores). The file warehouse only: a DuckLake connection is shared by the whole process
    load_threads: int = 1
    task_runner: str = "threads"  # threads | processes | dask (a local cluster) | dask:tcp://host:8786
    lock_timeout_seconds: float = 600.0  # how long a load waits for another writer
    document_seconds: float = 60.0  # cleaning and extraction of one document (flows.limits); over it: an errors row

    def with_(self, **changes) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> Settings:
        """PRESSETL_DB, PRESSETL_SOURCES, PRESSETL_USER_AGENT, PRESSETL_DELAY, PRESSETL_CONCURRENCY,
        PRESSETL_BATCH_SIZE, PRESSETL_BATCHES_IN_FLIGHT, PRESSETL_WORKERS, PRESSETL_LOAD_THREADS, PRESSETL_TASK_RUNNER,
        PRESSETL_DOCUMENT_SECONDS, PRESSETL_MAX_BYTES."""
        env = os.environ if env is None else env
        given: dict[str, Any] = {field: parse(env[name]) for name, (field, parse) in _ENV.items() if env.get(name)}
        return replace(cls(), **given).with_(**overrides)


def warehouse_target(db: str | Path) -> Path | str:
    """``--db`` / ``PRESSETL_DB`` / a flow's ``db`` as given: a DuckLake URL stays a string
    (a Path would fold its //), anything else is a file path."""
    return db if isinstance(db, str) and "://" in db else Path(db)


# PRESSETL_* environment variable -> (Settings field, how its text is read)
_ENV: dict[str, tuple[str, Callable[[str], Any]]] = {
    "PRESSETL_DB": ("db_path", warehouse_target),
    "PRESSETL_SOURCES": ("sources_path", Path),
    "PRESSETL_USER_AGENT": ("user_agent", str),
    "PRESSETL_DELAY": ("delay_seconds", float),
    "PRESSETL_BATCHES_IN_FLIGHT": ("batches_in_flight", int),
    "PRESSETL_BATCH_SIZE": ("batch_size", int),
    "PRESSETL_WORKERS": ("workers", int),
    "PRESSETL_LOAD_THREADS": ("load_threads", int),
    "PRESSETL_TASK_RUNNER": ("task_runner", str),
    "PRESSETL_DOCUMENT_SECONDS": ("document_seconds", float),
    "PRESSETL_MAX_BYTES": ("max_bytes", int),
    "PRESSETL_CONCURRENCY": ("concurrency_per_host", int),
}
