"""Runs, sources and incremental state: small statements around the batch loads.

A run's life in the warehouse (runs.status, and run_sources.status per source):

    running ──> completed | partial | failed      the run recorded its sources' outcomes
        ├────> interrupted                         stopped on request (Ctrl-C); kept what it loaded
        └────> abandoned                           its process died without a word (SIGKILL, power
                                                   loss): found by the next run or `pressetl status`,
                                                   because its live-run lock (warehouse.db) is free
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from warehouse.db import free_run_locks, release_run, run_alive
from warehouse.sql import load_sql, query_sql


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    source: str
    status: str  # completed | partial | failed | interrupted
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


def begin_source(con: duckdb.DuckDBPyConnection, run_id: str, source: str) -> None:
    """The source's row in the run, 'running' until its outcome is recorded."""
    con.execute(load_sql("begin_source"), {"run_id": run_id, "source": source, "now": _now()})


def finish_source(con: duckdb.DuckDBPyConnection, run_id: str, o: SourceOutcome) -> None:
    con.execute(load_sql("finish_source"), {
        "run_id": run_id, "source": o.source, "status": o.status, "discovered": o.discovered,
        "fetched": o.fetched, "skipped": o.skipped, "documents_new": o.documents_new,
        "documents_changed": o.documents_changed, "documents_unchanged": o.documents_unchanged,
        "figures": o.figures, "failures": o.failures, "fatal_reason": o.fatal_reason, "now": _now(),
    })


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, *, at: datetime | None = None) -> None:
    con.execute(load_sql("finish_run"), {"run_id": run_id, "status": status, "now": at or _now()})


_CLOSE_REASONS = {
    "interrupted": "interrupted on request (Ctrl-C) before this source finished",
    "abandoned": "the run's process ended without recording its end (killed, or the machine went down)",
    "failed": "the run stopped on an unexpected error before this source finished",
}


def close_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, *, at: datetime | None = None) -> None:
    """End a run whose sources did not all record an outcome: those still running take
    ``status`` and the counts of what the run stored for them; the run takes ``status``."""
    now = at or _now()
    con.execute(load_sql("close_sources"), {"run_id": run_id, "status": status, "now": now,
                                            "reason": _CLOSE_REASONS.get(status)})
    finish_run(con, run_id, status, at=now)


def abandon_dead_runs(con: duckdb.DuckDBPyConnection, db_path) -> list[str]:
    """Mark ``abandoned`` every run recorded as running whose process is gone (its live-run
    lock is free); its end is the last thing it stored. Returns their run ids."""
    gone = []
    for run_id, last_trace_at in con.execute(query_sql("running_runs")).fetchall():
        if run_alive(db_path, run_id):
            continue
        close_run(con, run_id, "abandoned", at=last_trace_at)
        release_run(db_path, run_id)
        gone.append(run_id)
    # a run killed after its end was recorded, before it removed its lock file: the file goes too
    free = free_run_locks(db_path)
    if free:
        for (run_id,) in con.execute(query_sql("ended_runs"), {"run_ids": free}).fetchall():
            release_run(db_path, run_id)
    return gone


def dead_runs(con: duckdb.DuckDBPyConnection, db_path) -> list[str]:
    """The runs recorded as running whose process is gone (read-only: marks nothing)."""
    return [run_id for run_id, _ in con.execute(query_sql("running_runs")).fetchall()
            if not run_alive(db_path, run_id)]


def seen_urls(con: duckdb.DuckDBPyConnection, source: str) -> list[tuple[str, str | None, str | None, str | None, bool]]:
    """(url, etag, last_modified, page_sha256, is_article) of every URL stored for the source."""
    return con.execute(query_sql("seen_urls"), {"source": source}).fetchall()
