"""The pipeline's stages as plain functions, callable with or without Prefect.

    acquire (discover + fetch)  ->  process (clean + extract)  ->  load (warehouse)

`run_plain` strings them together with no orchestration: the reference the Prefect flow is
benchmarked against, and what tests call to check a stage without a flow around it.

Every stage reports what it did to a ``Progress`` (flows.progress) and gives up early once a
stop is requested (flows.stopping): acquisition cancels its requests, a batch being cleaned is
dropped, a batch ready to load is loaded (one transaction). The run is then recorded as
``interrupted`` with what it loaded.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from flows.config import Source, load_sources, samples_config
from flows.errors import ConfigError, DocumentError, SourceError
from flows.model import Acquired, Failure, Page, SeenUrl
from flows.progress import Progress
from flows.settings import Settings
from flows.stopping import Stopped, stop_requested
from warehouse.load import LoadStats, Processed, load_batch
from warehouse.runs import (
    SourceOutcome,
    abandon_dead_runs,
    begin_source,
    close_run,
    finish_source,
    seen_urls,
    start_run,
    upsert_source,
)

log = logging.getLogger("pressetl")
T = TypeVar("T")
COUNTS = {"pressetl_counts": True}  # marks the per-source count lines, which a live display already shows


# ---------------------------------------------------------------- settings and sources


def sources_for(settings: Settings, names: Sequence[str] = (), group: str | None = None) -> list[Source]:
    """The configured sources (the bundled samples by default), filtered by name and group."""
    path = settings.sources_path or samples_config()
    sources = load_sources(path)
    if names:
        known = {s.name for s in sources}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise ConfigError(f"{path}: no source named {unknown[0]!r} (known: {', '.join(sorted(known))})")
        sources = [s for s in sources if s.name in names]
    if group is not None:
        in_group = [s for s in sources if s.group == group]
        if not in_group:
            groups = sorted({s.group for s in sources if s.group})
            raise ConfigError(f"{path}: no source in group {group!r} (groups: {', '.join(groups) or 'none'})")
        sources = in_group
    return sources


def new_run_id() -> str:
    return uuid.uuid4().hex


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), max(1, size)):
        yield items[i : i + size]


# ---------------------------------------------------------------- stages


def prepare_run(settings: Settings, run_id: str, flow: str, sources: Sequence[Source],
                prefect_flow_run_id: str | None = None) -> dict[str, dict[str, SeenUrl]]:
    """Record the run and its sources (as running); return what each source has seen before.

    Runs recorded as running whose process is gone are marked abandoned first."""
    from warehouse.db import claim_run, writing

    seen: dict[str, dict[str, SeenUrl]] = {}
    with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning, owner=run_id) as con:
        for gone in abandon_dead_runs(con, settings.db_path):
            log.warning("run %s ended without recording its end (its process is gone): marked abandoned", gone)
        claim_run(settings.db_path, run_id)  # before the row: a recorded running run always has its lock
        start_run(con, run_id=run_id, flow=flow, prefect_flow_run_id=prefect_flow_run_id)
        for s in sources:
            upsert_source(con, name=s.name, kind=s.kind, region=s.region, group=s.group,
                          config=s.model_dump(mode="json"))
            begin_source(con, run_id, s.name)
            seen[s.name] = {
                url: SeenUrl(url=url, etag=etag, last_modified=lm, page_sha256=sha)
                for url, etag, lm, sha, _is_article in seen_urls(con, s.name)
            }
    return seen


def acquire(source: Source, settings: Settings, seen: dict[str, SeenUrl], progress: Progress | None = None) -> Acquired:
    """Discover and fetch one source's new articles; never raises for one bad article."""
    from flows.fetching.acquire import acquire_source_sync

    try:
        return acquire_source_sync(source, settings, seen, progress)
    except SourceError as e:
        return Acquired(source=source.name, fatal=e.reason)


def extractor_ids() -> list[tuple[str, str]]:
    """The extraction's identity: ("figures", "<EXTRACTOR_VERSION>+<module><version>...").

    Every registered module's version is part of it, so a change to any module makes a new
    extraction of every document and no figure is kept from a mix of versions.
    """
    import extractors
    from extractors.registry import EXTRACTORS

    modules = ".".join(f"{e.name}{e.version}" for e in EXTRACTORS)
    return [("figures", f"{extractors.EXTRACTOR_VERSION}+{modules}")]


def process(pages: Iterable[Page], region: str | None,
            settings: Settings | None = None) -> tuple[list[Processed], list[Failure]]:
    """Clean and extract each page within the time limit per document (flows.limits); a page
    that fails or runs over becomes a Failure, the rest go on."""
    from flows.limits import clean_and_extract

    seconds = (settings or Settings()).document_seconds
    ids = extractor_ids()
    done: list[Processed] = []
    failures: list[Failure] = []
    for page in pages:
        if stop_requested():
            raise Stopped
        stage = "clean"
        try:
            doc, figures = clean_and_extract(page, region, seconds=seconds)
        except DocumentError as e:
            failures.append(Failure(page.source, e.url or page.url, e.stage, e.reason))
            continue
        except Stopped:  # a stop while the page was being cleaned: the batch is dropped, not the page recorded
            raise
        except Exception as e:  # a defect on one page must not lose the others; it is recorded
            log.exception("unexpected error at %s of %s", stage, page.url)
            failures.append(Failure(page.source, page.url, stage, f"unexpected {type(e).__name__}: {e}"))
            continue
        done.append(Processed(page=page, document=doc, figures=figures, extractors=ids))
    return done, failures


def load(settings: Settings, run_id: str, processed: Sequence[Processed], failures: Sequence[Failure],
         validators: Sequence[tuple] = ()) -> LoadStats:
    """Merge one batch into the warehouse, holding the writer lock only while loading."""
    from warehouse.db import writing

    with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning, owner=run_id) as con:
        return load_batch(con, run_id=run_id, processed=processed, failures=failures, validators=validators)


Window = tuple[date, date]  # a backfill's publication-date range, both days included


def listing_validators(acq: Acquired, index: int, batches: int) -> Mapping[str, tuple[str | None, str | None]]:
    """What batch ``index`` of ``batches`` stores of the source's validators: all of them with the
    last batch, none before. A listing's ETag stored with the first batch would make the next run
    get 304 for the listing and never find the articles of the batches a kill or a stop left
    unloaded (so the last batch must also start after the others have committed)."""
    return acq.validators if index == batches - 1 else {}


def validator_rows(source: str, validators: Mapping[str, tuple[str | None, str | None]],
                   processed: Sequence[Processed], *, listings: bool = True) -> list[tuple]:
    """Rows for fetch_state: every stored article, and (unless a backfill) the listing pages'
    validators; a listing's (None, None) makes the warehouse forget its validators."""
    rows: dict[str, tuple] = {}
    if listings:
        for url, (etag, lm) in validators.items():
            rows[url] = (url, source, etag, lm, None, False)
    for p in processed:
        etag, lm = validators.get(p.page.url, (p.page.headers.get("etag"), p.page.headers.get("last-modified")))
        rows[p.page.url] = (p.page.url, source, etag, lm, p.page.sha256, True)
    return list(rows.values())


@dataclass(slots=True)
class BatchResult:
    stats: LoadStats
    failures: list[Failure]  # the batch's cleaning and extraction failures
    outside: int = 0  # documents left out of a backfill: published outside its window, or undated
    interrupted: bool = False  # a stop was requested before the batch was ready: nothing loaded


def ingest_batch(settings: Settings, run_id: str, source: str, region: str | None, pages: Sequence[Page],
                 validators: Mapping[str, tuple[str | None, str | None]], extra_failures: Sequence[Failure] = (),
                 window: Window | None = None, progress: Progress | None = None) -> BatchResult:
    """Clean, extract and load one batch of a source's pages, in one transaction.

    One function, so a Prefect task wraps the whole batch: no page or figure list crosses a task
    boundary (Prefect walks every task input), and a retried batch is idempotent. Once a stop
    is requested a batch still being cleaned is dropped (``interrupted``); one ready to load
    is loaded."""
    try:
        if stop_requested():
            raise Stopped
        processed, fails = process(pages, region, settings)
    except Stopped:
        return BatchResult(LoadStats(), [], interrupted=True)
    outside = 0
    if window is not None:
        start, end = window
        kept = [p for p in processed if p.document.published_at and start <= p.document.published_at <= end]
        outside, processed = len(processed) - len(kept), kept
    stats = load(settings, run_id, processed, [*fails, *extra_failures],
                 validator_rows(source, validators, processed, listings=window is None))
    if progress is not None:
        progress.batch_loaded(source, documents=stats.documents_new + stats.documents_changed, figures=stats.figures)
    return BatchResult(stats, fails, outside)


def source_failures(acq: Acquired) -> list[Failure]:
    """What failed while acquiring a source, the whole source's failure included."""
    return list(acq.failures) + ([Failure(acq.source, None, "discover", acq.fatal)] if acq.fatal else [])


def log_acquired(logger: logging.Logger | logging.LoggerAdapter, acq: Acquired) -> None:
    if acq.fatal:
        logger.error("source %s: failed at discovery: %s", acq.source, acq.fatal)
    logger.info("source %s: discovered %d, fetched %d, skipped %d unchanged, %d fetch failures",
                acq.source, acq.discovered, len(acq.pages), acq.skipped, len(acq.failures), extra=COUNTS)
    log_failures(logger, acq.failures)


def log_failures(logger: logging.Logger | logging.LoggerAdapter, failures: Sequence[Failure]) -> None:
    for f in failures:
        logger.warning("source %s: %s failed: %s: %s", f.source, f.stage, f.url or "-", f.reason)


def outcome(acq: Acquired, results: Sequence[BatchResult]) -> SourceOutcome:
    stats = LoadStats()
    for r in results:
        stats.add(r.stats)
    process_failures = sum(len(r.failures) for r in results)
    failures = len(acq.failures) + process_failures
    if acq.interrupted or any(r.interrupted for r in results):
        status = "interrupted"
    elif acq.fatal:
        status = "failed"
    elif failures:
        status = "partial"
    else:
        status = "completed"
    return SourceOutcome(
        source=acq.source, status=status, discovered=acq.discovered, fetched=len(acq.pages),
        skipped=acq.skipped + sum(r.outside for r in results), documents_new=stats.documents_new,
        documents_changed=stats.documents_changed, documents_unchanged=stats.documents_unchanged,
        figures=stats.figures, failures=failures + (1 if acq.fatal else 0), fatal_reason=acq.fatal,
    )


def log_outcome(logger: logging.Logger | logging.LoggerAdapter, o: SourceOutcome) -> None:
    logger.info("source %s: %d new, %d changed, %d unchanged documents, %d figures, %d failures",
                o.source, o.documents_new, o.documents_changed, o.documents_unchanged, o.figures, o.failures,
                extra=COUNTS)


def finish(settings: Settings, run_id: str, outcomes: Sequence[SourceOutcome], *, interrupted: bool = False) -> str:
    """Record each source's outcome and the run's status: failed when every source failed,
    interrupted when it was stopped (its sources not reached are recorded as interrupted too)."""
    from warehouse.db import release_run, writing

    if interrupted or any(o.status == "interrupted" for o in outcomes):
        status = "interrupted"
    elif outcomes and all(o.status == "failed" for o in outcomes):
        status = "failed"
    elif any(o.status != "completed" for o in outcomes):
        status = "partial"
    else:
        status = "completed"
    with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning, owner=run_id) as con:
        for o in outcomes:
            finish_source(con, run_id, o)
        close_run(con, run_id, status)
    release_run(settings.db_path, run_id)
    return status


def end_failed(settings: Settings, run_id: str) -> None:
    """Record as failed a run that stopped on an unexpected error (best effort: the error that
    stopped it is what the caller reports)."""
    from warehouse.db import release_run, writing

    try:
        with writing(settings.db_path, timeout=min(settings.lock_timeout_seconds, 30.0), owner=run_id) as con:
            close_run(con, run_id, "failed")
        release_run(settings.db_path, run_id)
    except Exception:  # the warehouse itself may be what failed; the next run marks it abandoned
        log.debug("could not record run %s as failed", run_id, exc_info=True)


def summary_rows(outcomes: Sequence[SourceOutcome]) -> list[dict]:
    """One plain row per source: what the CLI prints, the artifacts show and the flow returns."""
    return [
        {"source": o.source, "status": o.status, "discovered": o.discovered, "fetched": o.fetched,
         "skipped": o.skipped, "new": o.documents_new, "changed": o.documents_changed,
         "unchanged": o.documents_unchanged, "failed": o.failures, "figures": o.figures}
        for o in outcomes
    ]


def failure_rows(failures: Sequence[Failure]) -> list[dict]:
    return [{"source": f.source, "stage": f.stage, "url": f.url, "reason": f.reason} for f in failures]


# ---------------------------------------------------------------- the reference run


@dataclass(slots=True)
class RunResult:
    run_id: str
    status: str
    outcomes: list[SourceOutcome] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def ingest_source(settings: Settings, run_id: str, source: Source, seen: dict[str, SeenUrl],
                  window: Window | None = None, progress: Progress | None = None) -> tuple[SourceOutcome, list[Failure]]:
    """One source end to end, batch by batch (up to the first batch interrupted by a stop)."""
    progress = progress or Progress()
    acq = acquire(source, settings, seen, progress)
    results: list[BatchResult] = []
    first = source_failures(acq)
    if not acq.interrupted:
        log_acquired(log, acq)
        batches = list(batched(acq.pages, settings.batch_size)) or [[]]
        progress.loading(source.name, len(batches))
        for i, batch in enumerate(batches):
            results.append(ingest_batch(settings, run_id, source.name, source.region, batch,
                                        listing_validators(acq, i, len(batches)), first if i == 0 else (), window,
                                        progress))
            if results[-1].interrupted:
                break
        for r in results:
            log_failures(log, r.failures)
    o = outcome(acq, results)
    progress.finished(source.name, o.status)
    if o.status != "interrupted":
        log_outcome(log, o)
    return o, first + [f for r in results for f in r.failures]


def run_plain(settings: Settings, source_names: Sequence[str] = (), *, group: str | None = None,
              window: Window | None = None, flow: str | None = None, progress: Progress | None = None) -> RunResult:
    """The whole pipeline with no orchestration (a backfill when a window is given).

    A stop requested before the run is recorded records nothing (``run_id`` is empty)."""
    sources = sources_for(settings, source_names, group)
    if stop_requested():
        return RunResult(run_id="", status="interrupted")
    progress = progress or Progress()
    run_id = new_run_id()
    seen = prepare_run(settings, run_id, flow or ("backfill" if window else "plain"), sources)
    progress.start([s.name for s in sources])
    result = RunResult(run_id=run_id, status="running")
    try:
        for source in sources:
            if stop_requested():
                break
            o, f = ingest_source(settings, run_id, source, seen[source.name], window, progress)
            result.outcomes.append(o)
            result.failures += f
        stopped = len(result.outcomes) < len(sources)
        result.status = finish(settings, run_id, result.outcomes, interrupted=stopped)
    except Exception:
        end_failed(settings, run_id)
        raise
    return result
