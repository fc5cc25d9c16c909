"""Per-source health for operators: which sources went quiet, keep failing, or drift.

    rows = source_status(con, configured=[Configured("yunnan-gat", stale_after_hours=72)])

stale     hours since the source's last new document (since its first run, when it never gave
          one) exceed its configured ``stale_after_hours``.
failing   the last ingest run of the source failed, was partial, or was abandoned (its process
          died); ``failure_streak`` counts such runs since the last completed one. An
          interrupted run (stopped on request) is shown as the last run but is not a failure.
drifting  the ``recent`` newest documents average far fewer figures per document than the
          source's own earlier documents (below ``drift_ratio`` of them): the usual sign that a
          site changed its template and cleaning now keeps the wrong part of the page.

Only ingest runs count; backfills and re-extractions say nothing about the live site.
The SQL is warehouse/queries/status.sql.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from warehouse.sql import query_sql

RECENT_DOCUMENTS = 10  # the newest documents compared against the rest
MIN_RECENT_DOCUMENTS = 5  # fewer recent documents than this: no drift verdict
MIN_HISTORY_DOCUMENTS = 10  # fewer earlier documents than this: no drift verdict
DRIFT_RATIO = 0.5  # recent figures per document below this share of history is drift
FAILING = ("failed", "partial", "abandoned")  # last-run results that flag a source as failing


@dataclass(frozen=True, slots=True)
class Configured:
    """What the sources file says of a source."""

    name: str
    group: str | None = None
    region: str | None = None
    stale_after_hours: float | None = None


@dataclass(frozen=True, slots=True)
class SourceStatus:
    source: str
    group: str | None
    region: str | None
    configured: bool  # False: in the warehouse, no longer in the sources file
    stale_after_hours: float | None
    last_run_at: datetime | None
    last_run_status: str  # completed | partial | failed | interrupted | abandoned | running | never run
    last_run_reason: str | None
    runs: int
    last_new_document_at: datetime | None
    documents: int
    hours_since_new: float | None
    failure_streak: int
    recent_documents: int
    recent_figures_per_document: float | None
    history_documents: int
    history_figures_per_document: float | None
    stale: bool
    failing: bool
    drifting: bool

    @property
    def flags(self) -> list[str]:
        out = [name for name, on in (("stale", self.stale), ("failing", self.failing), ("drift", self.drifting)) if on]
        if not self.configured:
            out.append("not configured")
        return out

    def to_json(self) -> dict:
        d = {k: getattr(self, k) for k in self.__slots__}
        for k in ("last_run_at", "last_new_document_at"):
            d[k] = d[k].isoformat() if d[k] is not None else None
        d["flags"] = self.flags
        return d


def _drifting(recent_n: int, recent: float | None, history_n: int, history: float | None, *,
              ratio: float, min_recent: int, min_history: int) -> bool:
    if recent is None or history is None or recent_n < min_recent or history_n < min_history:
        return False
    return history > 0 and recent < ratio * history


def source_status(
    con: duckdb.DuckDBPyConnection,
    *,
    configured: Iterable[Configured] | None = None,
    now: datetime | None = None,
    recent: int = RECENT_DOCUMENTS,
    drift_ratio: float = DRIFT_RATIO,
    min_recent: int = MIN_RECENT_DOCUMENTS,
    min_history: int = MIN_HISTORY_DOCUMENTS,
) -> list[SourceStatus]:
    """One row per source: the configured ones (never run ones too) and any others stored.

    With ``configured`` None, every stored source counts as configured, with the
    ``stale_after_hours`` stored with it at its last run.
    """
    now = now or datetime.now(UTC)
    cur = con.execute(query_sql("status"), {"now": now, "recent": recent})
    cols = [d[0] for d in cur.description]
    stored = {r["source"]: r for r in (dict(zip(cols, row, strict=True)) for row in cur.fetchall())}
    conf = {c.name: c for c in configured} if configured is not None else None

    names = (list(conf) + [n for n in stored if n not in conf]) if conf is not None else list(stored)
    out = []
    for name in names:
        r = stored.get(name, {})
        c = conf.get(name) if conf is not None else None
        is_configured = conf is None or c is not None
        limit = c.stale_after_hours if c is not None else (r.get("stale_after_hours") if conf is None else None)
        hours = r.get("hours_since_new")
        streak = int(r.get("failure_streak") or 0)
        status = r.get("last_run_status") or "never run"
        out.append(SourceStatus(
            source=name,
            group=c.group if c is not None else r.get("source_group"),
            region=c.region if c is not None else r.get("region"),
            configured=is_configured,
            stale_after_hours=limit,
            last_run_at=r.get("last_run_at"),
            last_run_status=status,
            last_run_reason=r.get("last_run_reason"),
            runs=int(r.get("runs") or 0),
            last_new_document_at=r.get("last_new_document_at"),
            documents=int(r.get("documents") or 0),
            hours_since_new=float(hours) if hours is not None else None,
            failure_streak=streak,
            recent_documents=int(r.get("recent_documents") or 0),
            recent_figures_per_document=r.get("recent_figures_per_document"),
            history_documents=int(r.get("history_documents") or 0),
            history_figures_per_document=r.get("history_figures_per_document"),
            stale=is_configured and limit is not None and hours is not None and hours > limit,
            failing=status in FAILING,
            drifting=_drifting(
                int(r.get("recent_documents") or 0), r.get("recent_figures_per_document"),
                int(r.get("history_documents") or 0), r.get("history_figures_per_document"),
                ratio=drift_ratio, min_recent=min_recent, min_history=min_history,
            ),
        ))
    return out
