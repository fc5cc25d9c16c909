"""One frozen settings object, built once at the edge (CLI or flow) and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB = Path("data/pressetl.duckdb")
USER_AGENT = "pressetl/0.1 (+https://example.invalid/pressetl; press-release statistics)"


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path = DEFAULT_DB
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
    batch_size: int = 50  # documents per Prefect task
    batches_in_flight: int = 2  # batch tasks running at once per flow (CPU-bound: about the cores)
    lock_timeout_seconds: float = 600.0  # how long a load waits for another writer
    document_seconds: float = 60.0  # cleaning and extraction of one document (flows.limits); over it: an errors row

    def with_(self, **changes) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> Settings:
        """PRESSETL_DB, PRESSETL_SOURCES, PRESSETL_USER_AGENT, PRESSETL_DELAY, PRESSETL_CONCURRENCY,
        PRESSETL_BATCH_SIZE, PRESSETL_BATCHES_IN_FLIGHT, PRESSETL_DOCUMENT_SECONDS, PRESSETL_MAX_BYTES."""
        env = os.environ if env is None else env
        s = cls()
        if env.get("PRESSETL_DB"):
            s = replace(s, db_path=Path(env["PRESSETL_DB"]))
        if env.get("PRESSETL_SOURCES"):
            s = replace(s, sources_path=Path(env["PRESSETL_SOURCES"]))
        if env.get("PRESSETL_USER_AGENT"):
            s = replace(s, user_agent=env["PRESSETL_USER_AGENT"])
        if env.get("PRESSETL_DELAY"):
            s = replace(s, delay_seconds=float(env["PRESSETL_DELAY"]))
        if env.get("PRESSETL_BATCHES_IN_FLIGHT"):
            s = replace(s, batches_in_flight=int(env["PRESSETL_BATCHES_IN_FLIGHT"]))
        if env.get("PRESSETL_BATCH_SIZE"):
            s = replace(s, batch_size=int(env["PRESSETL_BATCH_SIZE"]))
        if env.get("PRESSETL_DOCUMENT_SECONDS"):
            s = replace(s, document_seconds=float(env["PRESSETL_DOCUMENT_SECONDS"]))
        if env.get("PRESSETL_MAX_BYTES"):
            s = replace(s, max_bytes=int(env["PRESSETL_MAX_BYTES"]))
        if env.get("PRESSETL_CONCURRENCY"):
            s = replace(s, concurrency_per_host=int(env["PRESSETL_CONCURRENCY"]))
        return s.with_(**overrides)
