"""Runs, sources and incremental state: small statements around the batch loads."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from warehouse.sql import load_sql, query_sql


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    source: str
    status: str  # completed | partial | failed
    discovered: int = 0
    fetched: int = 0
    skipped: int = 0
    documents_new: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    figures: int = 0
    failures: int = 0
    fatal_reason: str | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def upsert_source(con: duckdb.DuckDBPyConnection, *, name: str, kind: str, region: str | None,
                  group: str | None, config: Mapping[str, Any]) -> None:
    con.execute(load_sql("upsert_source"), {
        "name": name, "kind": kind, "region": region, "source_group": group,
        "config": json.dumps(config, ensure_ascii=False, default=str), "now": _now(),
    })


def start_run(con: duckdb.DuckDBPyConnection, *, run_id: str, flow: str, prefect_flow_run_id: str | None) -> None:
    con.execute(load_sql("start_run"), {"run_id": run_id, "flow": flow, "now": _now(),
                                        "prefect_flow_run_id": prefect_flow_run_id})


def finish_source(con: duckdb.DuckDBPyConnection, run_id: str, o: SourceOutcome) -> None:
    con.execute(load_sql("finish_source"), {
        "run_id": run_id, "source": o.source, "status": o.status, "discovered": o.discovered,
        "fetched": o.fetched, "skipped": o.skipped, "documents_new": o.documents_new,
        "documents_changed": o.documents_changed, "documents_unchanged": o.documents_unchanged,
        "figures": o.figures, "failures": o.failures, "fatal_reason": o.fatal_reason, "now": _now(),
    })


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str) -> None:
    con.execute(load_sql("finish_run"), {"run_id": run_id, "status": status, "now": _now()})


def seen_urls(con: duckdb.DuckDBPyConnection, source: str) -> list[tuple[str, str | None, str | None, str | None, bool]]:
    """(url, etag, last_modified, page_sha256, is_article) of every URL stored for the source."""
    return con.execute(query_sql("seen_urls"), {"source": source}).fetchall()
