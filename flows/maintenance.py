"""Maintenance runs, on demand: re-extract stored documents, backfill a date range.

    reextract(db=None, since=None, sources=None)
        Runs the current extractors over the stored text of every current document (published
        on or after ``since``; of ``sources``) and loads the figures under the current
        extractor versions. Nothing is fetched or cleaned again. An extractor whose version is
        unchanged adds nothing (the load is idempotent on (document version, extractor,
        extractor version)); a new version adds its figures, and the ``figures`` view shows
        the newest extraction of each document.

    backfill(start, end, config=None, sources=None, group=None, db=None)
        An ingest that keeps only the documents whose ``published_at`` (the date cleaning reads
        from the page) falls within [start, end], both days included. Documents outside the
        range, or with no date, are not stored, so a later backfill of another range, or the
        scheduled ingest, still finds them. Meant for directory and WARC sources (an archive
        of a site); on a live site it sees only what the listing pages show today. Listing
        pages' validators are not stored, so a backfill never makes a scheduled run skip a
        listing.

    status(config=None, db=None)
        `pressetl status` as a flow, for a schedule: publishes the per-source table as the
        artifact ``source-status`` and emits one Prefect event per source in trouble,
        ``pressetl.source.stale``, ``pressetl.source.failing`` or ``pressetl.source.drift``
        (resource ``pressetl.source.<name>``), for automations to notify on
        (docs/automations.yaml). It writes nothing but the end of runs found abandoned.

reextract and backfill record a run in the warehouse (runs.flow = 'reextract' | 'backfill') and publish the same
summary artifacts as ingest; `pressetl status` ignores them when judging a source's health.

The plain functions (`run_reextract`, `run_backfill`) need no Prefect; the flows below wrap
their stages as tasks at the call site.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NONE as NO_CACHE
from prefect.runtime import flow_run
from prefect.states import State

from flows import pipeline
from flows.cpu import figure_row
from flows.errors import ConfigError
from flows.ingest import finish_task, run_sources, settings_for
from flows.ingest import publish as publish_summary
from flows.model import Document, Failure, Page
from flows.settings import Settings
from warehouse.load import LoadStats, Processed
from warehouse.runs import SourceOutcome
from warehouse.sql import query_sql

log = logging.getLogger("pressetl")


# ---------------------------------------------------------------- choosing sources


@dataclass(slots=True)
class MaintenanceResult:
    run_id: str
    status: str
    db: str
    outcomes: list[SourceOutcome]
    failures: list[Failure]

    def to_json(self) -> dict:
        return {"run_id": self.run_id, "status": self.status, "db": self.db,
                "sources": pipeline.summary_rows(self.outcomes), "failures": pipeline.failure_rows(self.failures)}


# ---------------------------------------------------------------- re-extraction


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A current document with the raw page it was cleaned from."""

    page: Page
    document: Document
    region: str | None


def documents_to_reextract(settings: Settings, since: date | None = None,
                           sources: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(url, source) of the current documents to re-extract."""
    from warehouse.db import writing

    with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning) as con:
        return [(u, s) for u, s in con.execute(
            query_sql("stored_documents"), {"since": since, "sources": list(sources)}).fetchall()]


def read_stored(settings: Settings, urls: Sequence[str]) -> list[StoredDocument]:
    """The stored text and raw page of each URL's current document."""
    from warehouse.db import writing

    with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning) as con:
        cur = con.execute(query_sql("stored_pages"), {"urls": list(urls)})
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    out = []
    for r in rows:
        headers = r["headers"]
        if isinstance(headers, str):
            headers = json.loads(headers or "{}")
        page = Page(url=r["page_url"], source=r["source"], body=bytes(r["body"]), status=r["status"] or 200,
                    headers=headers or {}, final_url=r["final_url"], fetched_at=r["fetched_at"])
        doc = Document(url=r["url"], source=r["source"], text=r["text"], title=r["title"],
                       published_at=r["published_at"], author=r["author"], site=r["site"],
                       encoding=r["encoding"] or "utf-8", page_sha256=r["page_sha256"])
        out.append(StoredDocument(page=page, document=doc, region=r["region"]))
    return out


def extract_stored(items: Sequence[StoredDocument], seconds: float | None = None
                   ) -> tuple[list[Processed], list[Failure]]:
    """Run the current extractors over stored texts, within the time limit per document
    (flows.limits); a document that fails or runs over becomes a Failure."""
    from flows.errors import DocumentError
    from flows.limits import extract_within
    from flows.stopping import Stopped

    ids = pipeline.extractor_ids()
    done: list[Processed] = []
    failures: list[Failure] = []
    for it in items:
        doc = it.document
        try:
            figures = extract_within(doc, it.region,
                                     seconds=Settings().document_seconds if seconds is None else seconds)
        except DocumentError as e:
            failures.append(Failure(doc.source, doc.url, e.stage, e.reason))
            continue
        except Stopped:
            raise
        except Exception as e:  # a defect on one document must not lose the others; it is recorded
            log.exception("unexpected error extracting %s", doc.url)
            failures.append(Failure(doc.source, doc.url, "extract", f"unexpected {type(e).__name__}: {e}"))
            continue
        done.append(Processed(page=it.page.record(), document=doc.record(),
                              figures=[figure_row(f) for f in figures], extractors=ids))
    return done, failures


def reextract_outcomes(docs: Sequence[tuple[str, str]], stats: dict[str, LoadStats],
                       failures: Sequence[Failure]) -> list[SourceOutcome]:
    per_source: dict[str, int] = {}
    for _, source in docs:
        per_source[source] = per_source.get(source, 0) + 1
    out = []
    for source, n in per_source.items():
        st = stats.get(source, LoadStats())
        failed = sum(1 for f in failures if f.source == source)
        out.append(SourceOutcome(
            source=source, status="partial" if failed else "completed", discovered=n,
            documents_unchanged=st.documents_unchanged, documents_changed=st.documents_changed,
            documents_new=st.documents_new, figures=st.figures, failures=failed,
        ))
    return out


def reextract_batch(settings: Settings, run_id: str, urls: Sequence[str]) -> tuple[dict[str, LoadStats], list[Failure]]:
    """Re-extract and load one batch of stored documents (one task: no figure list crosses a task
    boundary). Returns the load counts per source and the documents that failed."""
    processed, fails = extract_stored(read_stored(settings, urls), settings.document_seconds)
    by_source: dict[str, list[Processed]] = {}
    for p in processed:
        by_source.setdefault(p.document.source, []).append(p)
    stats: dict[str, LoadStats] = {}
    for source in sorted(set(by_source) | {f.source for f in fails}):
        stats[source] = pipeline.load(settings, run_id, by_source.get(source, []),
                                      [f for f in fails if f.source == source])
    return stats, fails


def _merge(total: dict[str, LoadStats], part: dict[str, LoadStats]) -> None:
    for source, st in part.items():
        total.setdefault(source, LoadStats()).add(st)


def run_reextract(settings: Settings, since: date | None = None, sources: Sequence[str] = (),
                  *, logger: logging.Logger | logging.LoggerAdapter = log) -> MaintenanceResult:
    """Re-extract stored documents with the current extractors, batch by batch, no Prefect."""
    run_id = pipeline.new_run_id()
    pipeline.prepare_run(settings, run_id, "reextract", [])
    docs = documents_to_reextract(settings, since, sources)
    logger.info("re-extracting %d stored documents with %s", len(docs),
                ", ".join(f"{n} {v}" for n, v in pipeline.extractor_ids()))
    stats: dict[str, LoadStats] = {}
    failures: list[Failure] = []
    for batch in pipeline.batched(docs, settings.batch_size):
        part, fails = reextract_batch(settings, run_id, [u for u, _ in batch])
        _merge(stats, part)
        pipeline.log_failures(logger, fails)
        failures += fails
    outcomes = reextract_outcomes(docs, stats, failures)
    status = pipeline.finish(settings, run_id, outcomes)
    return MaintenanceResult(run_id, status, str(settings.db_path), outcomes, failures)


# ---------------------------------------------------------------- backfill


def check_range(start: date, end: date) -> None:
    if start > end:
        raise ConfigError(f"backfill: start {start} is after end {end}")


def run_backfill(settings: Settings, start: date, end: date, sources: Sequence[str] = (), group: str | None = None,
                 ) -> MaintenanceResult:
    """Ingest only the documents published within [start, end], no Prefect."""
    check_range(start, end)
    res = pipeline.run_plain(settings, sources, group=group, window=(start, end))
    return MaintenanceResult(res.run_id, res.status, str(settings.db_path), res.outcomes, res.failures)


# ---------------------------------------------------------------- the Prefect flows

# Stages as tasks at the call site; inputs hold page bytes, so nothing is cached or hashed.
start_task = task(pipeline.prepare_run, name="start-run", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
list_task = task(documents_to_reextract, name="list-documents", cache_policy=NO_CACHE, retries=2,
                 retry_delay_seconds=2)


reextract_task = task(reextract_batch, name="re-extract-load", cache_policy=NO_CACHE, retries=2,
                      retry_delay_seconds=2)


@flow(name="reextract", log_prints=False)
def reextract(db: str | None = None, since: date | None = None, sources: list[str] | None = None) -> dict:
    """Re-run the current extractors over stored documents (no fetching, no cleaning).

    db: the DuckDB file (data/pressetl.duckdb by default); since: only documents published on or
    after this day; sources: only these sources' documents.
    """
    logger = get_run_logger()
    settings = settings_for(None, db)
    run_id = str(flow_run.id or pipeline.new_run_id())
    start_task(settings, run_id, "reextract", [], str(flow_run.id) if flow_run.id else None)
    docs = list_task(settings, since, sources or [])
    logger.info("re-extracting %d stored documents with %s", len(docs),
                ", ".join(f"{n} {v}" for n, v in pipeline.extractor_ids()))
    futures = [reextract_task.submit(settings, run_id, [u for u, _ in b])
               for b in pipeline.batched(docs, settings.batch_size)]
    stats: dict[str, LoadStats] = {}
    failures: list[Failure] = []
    for fut in futures:
        part, fails = fut.result()
        _merge(stats, part)
        pipeline.log_failures(logger, fails)
        failures += fails
    for source, st in sorted(stats.items()):
        logger.info("source %s: re-extracted, %d new figures, %d failures", source, st.figures, st.failures)
    outcomes = reextract_outcomes(docs, stats, failures)
    status = finish_task(settings, run_id, outcomes)
    result = MaintenanceResult(run_id, status, str(settings.db_path), outcomes, failures)
    publish_summary("reextract", result.run_id, result.status, result.outcomes, result.failures)
    logger.info("reextract %s %s: %d documents of %d sources, %d new figures", run_id, status, len(docs),
                len(outcomes), sum(o.figures for o in outcomes))
    return result.to_json()


@flow(name="backfill", log_prints=False)
def backfill(start: date, end: date, config: str | None = None, sources: list[str] | None = None,
             group: str | None = None, db: str | None = None) -> dict | State:
    """Ingest only the documents published within [start, end] (both days included).

    Documents outside the range, or undated, are not stored (a later run still finds them), and
    listing pages' validators are not recorded, so a backfill never makes a scheduled run skip.
    config: sources.yaml (the bundled samples by default); sources / group: which sources;
    db: the DuckDB file (data/pressetl.duckdb by default).
    """
    check_range(start, end)
    settings = settings_for(config, db)
    return run_sources("backfill", settings, pipeline.sources_for(settings, sources or [], group), (start, end))


# ---------------------------------------------------------------- status as a flow


def read_status(settings: Settings) -> list:
    """`pressetl status` rows; waits for the writer lock, so a loading run delays it instead of failing it."""
    from warehouse.db import writing
    from warehouse.runs import abandon_dead_runs
    from warehouse.status import Configured, source_status

    configured = [Configured(s.name, s.group, s.region, s.stale_after_hours) for s in pipeline.sources_for(settings)]
    with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning) as con:
        for run_id in abandon_dead_runs(con, settings.db_path):
            log.warning("run %s ended without recording its end (its process is gone): marked abandoned", run_id)
        return source_status(con, configured=configured)


def status_events(rows: Sequence) -> list[tuple[str, str, dict]]:
    """(event, source, payload) for every source in trouble."""
    out = []
    for r in rows:
        payload = {"hours_since_new": r.hours_since_new, "stale_after_hours": r.stale_after_hours,
                   "last_run_status": r.last_run_status, "last_run_reason": r.last_run_reason,
                   "failure_streak": r.failure_streak, "recent_figures_per_document": r.recent_figures_per_document,
                   "history_figures_per_document": r.history_figures_per_document}
        for flag, on in (("stale", r.stale), ("failing", r.failing), ("drift", r.drifting)):
            if on:
                out.append((f"pressetl.source.{flag}", r.source, payload))
    return out


status_task = task(read_status, name="read-status", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)


@flow(name="status", log_prints=False)
def status(config: str | None = None, db: str | None = None) -> list[dict]:
    """Per source: last run, failure streak, staleness, drift; an event per source in trouble.

    config: sources.yaml (the bundled samples by default); db: the DuckDB file.
    """
    from prefect.events import emit_event

    logger = get_run_logger()
    rows = status_task(settings_for(config, db))
    create_table_artifact(
        table=[{"source": r.source, "group": r.group or "", "last_run": str(r.last_run_at or ""),
                "result": r.last_run_status, "streak": r.failure_streak,
                "last_new": str(r.last_new_document_at or ""),
                "hours": round(r.hours_since_new, 1) if r.hours_since_new is not None else "",
                "flags": " ".join(r.flags)} for r in rows],
        key="source-status", description="pressetl sources: stale, failing or drifting ones are flagged",
    )
    for event, source, payload in status_events(rows):
        logger.warning("source %s: %s %s", source, event.rsplit(".", 1)[-1],
                       json.dumps({k: v for k, v in payload.items() if v is not None}, ensure_ascii=False))
        emit_event(event=event, resource={"prefect.resource.id": f"pressetl.source.{source}",
                                          "prefect.resource.name": source}, payload=payload)
    logger.info("%d sources: %d stale, %d failing, %d drifting", len(rows), sum(r.stale for r in rows),
                sum(r.failing for r in rows), sum(r.drifting for r in rows))
    return [r.to_json() for r in rows]
