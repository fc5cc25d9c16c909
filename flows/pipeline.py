"""The pipeline's stages as plain functions, callable with or without Prefect.

    acquire (discover + fetch)  ->  process (clean + extract)  ->  load (warehouse)

Pages stream: each source is acquired in a thread of its own and hands its pages over as they
arrive (`PageStream`, through a bounded queue); `ingest_sources` cuts them into batches and
has each batch cleaned, extracted (in worker processes, flows/cpu.py) and loaded in one
transaction, a few batches in flight, while fetching goes on. A source is closed (its
acquisition failures and listing validators stored) once all its batches are in. An
interrupted run keeps every batch it loaded; the next run skips those pages.

`run_plain` strings the stages together with no orchestration (a thread pool runs the
batches, sources one after another in the order listed, so the same input makes the same
warehouse): `pressetl run --plain`, and what tests call to check a stage without a flow.

Every stage reports what it did to a ``Progress`` (flows.progress) and gives up early once a
stop is requested (flows.stopping): acquisition cancels its requests, a batch being cleaned is
dropped, a batch ready to load is loaded (one transaction). The run is then recorded as
``interrupted`` with what it loaded.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from flows import cpu
from flows.config import Source, load_sources, samples_config
from flows.errors import ConfigError, SourceError
from flows.model import Acquired, Failure, Page, SeenUrl
from flows.progress import Progress
from flows.settings import Settings
from flows.stopping import Stopped, stop_requested
from warehouse.load import LoadStats, load_batch
from warehouse.records import Processed
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
    from warehouse.db import claim_run, retry_conflicts, turn, writing

    def once() -> dict[str, dict[str, SeenUrl]]:
        seen: dict[str, dict[str, SeenUrl]] = {}
        with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning,
                     owner=run_id) as con, turn(con, run_id):
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

    return retry_conflicts(once, timeout=settings.lock_timeout_seconds, on_wait=log.warning)


def acquire(source: Source, settings: Settings, seen: dict[str, SeenUrl], progress: Progress | None = None,
            on_page: Callable[[Page], None] | None = None) -> Acquired:
    """Discover and fetch one source's new articles; never raises for one bad article.
    With ``on_page``, each page goes there as it arrives instead of into ``Acquired.pages``."""
    from flows.fetching.acquire import acquire_source_sync

    try:
        return acquire_source_sync(source, settings, seen, progress, on_page)
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
    """Clean and extract each page on ``settings.workers`` cores; a page that fails, or takes
    longer than ``settings.document_seconds`` (flows.limits), becomes a Failure, the rest go on.

    With a time limit every document runs in a worker process that can be killed
    (flows.limits); with none (``document_seconds=0``) pages go to the pool of flows.cpu in
    chunks, which costs a little less."""
    from flows import limits

    if stop_requested():
        raise Stopped
    settings = settings or Settings()
    pages = list(pages)
    ids = extractor_ids()
    if settings.document_seconds > 0:
        results = limits.run_pages(pages, region, seconds=settings.document_seconds, workers=settings.workers)
    else:
        results = cpu.run_pages(pages, region, settings.workers)
    done: list[Processed] = []
    failures: list[Failure] = []
    for page, result in zip(pages, results, strict=True):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            document, figures = result
            done.append(Processed(page=page.record(), document=document, figures=figures, extractors=ids))
    return done, failures


def start_workers(settings: Settings) -> None:
    """Start the processes that will clean and extract (those of flows.limits, or with no time
    limit flows.cpu's pool), so they warm up while listings are fetched."""
    from flows import limits

    if settings.document_seconds > 0:
        limits.start(settings.workers)
    else:
        cpu.start(settings.workers)


def load(settings: Settings, run_id: str, processed: Sequence[Processed], failures: Sequence[Failure],
         validators: Sequence[tuple] = ()) -> LoadStats:
    """Merge one batch into the warehouse, holding the writer lock only while loading."""
    from warehouse.db import retry_conflicts, writing

    def once() -> LoadStats:
        with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning,
                     owner=run_id, threads=settings.load_threads) as con:
            return load_batch(con, run_id=run_id, processed=processed, failures=failures, validators=validators)

    return retry_conflicts(once, timeout=settings.lock_timeout_seconds, on_wait=log.warning)


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
        rows[p.page.url] = (p.page.url, source, etag, lm, p.page.page_sha256, True)
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

    One function, so a Prefect task wraps the whole batch: no figure list crosses a task
    boundary (Prefect walks every task input), and a retried batch is idempotent. Cleaning and
    extraction run in ``settings.workers`` processes; the load holds the writer lock alone.
    Once a stop is requested a batch still being cleaned is dropped (``interrupted``); one ready
    to load is loaded."""
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
                acq.source, acq.discovered, acq.fetched, acq.skipped, len(acq.failures), extra=COUNTS)
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
        source=acq.source, status=status, discovered=acq.discovered, fetched=acq.fetched,
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
    from warehouse.db import release_run, retry_conflicts, turn, writing

    if interrupted or any(o.status == "interrupted" for o in outcomes):
        status = "interrupted"
    elif outcomes and all(o.status == "failed" for o in outcomes):
        status = "failed"
    elif any(o.status != "completed" for o in outcomes):
        status = "partial"
    else:
        status = "completed"
    def once() -> None:
        with writing(settings.db_path, timeout=settings.lock_timeout_seconds, on_wait=log.warning,
                     owner=run_id) as con, turn(con, run_id):
            for o in outcomes:
                finish_source(con, run_id, o)
            close_run(con, run_id, status)

    retry_conflicts(once, timeout=settings.lock_timeout_seconds, on_wait=log.warning)
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


# ---------------------------------------------------------------- streaming


class _Stopped(Exception):
    """The consumer of a PageStream has gone: acquisition stops."""


class PageStream:
    """Every source's acquisition in a thread of its own: ``(source, Page)`` as pages arrive,
    then ``(source, Acquired)`` when that source is done. At most ``maxsize`` pages wait
    between the fetchers and the consumer, so memory stays bounded whatever a source's size;
    a full queue holds the fetchers back. Leaving the iteration stops every acquisition."""

    def __init__(self, sources: Sequence[Source], settings: Settings, seen: Mapping[str, dict[str, SeenUrl]],
                 maxsize: int, progress: Progress | None = None) -> None:
        self._q: queue.Queue[tuple[str, Page | Acquired]] = queue.Queue(max(1, maxsize))
        self._stop = threading.Event()
        self._settings = settings
        self._progress = progress
        self._threads = [threading.Thread(target=self._acquire, args=(s, seen.get(s.name, {})),
                                          name=f"acquire-{s.name}", daemon=True) for s in sources]

    def _put(self, item: tuple[str, Page | Acquired]) -> None:
        while not self._stop.is_set():
            try:
                self._q.put(item, timeout=0.2)
                return
            except queue.Full:
                continue
        raise _Stopped

    def _acquire(self, source: Source, seen: dict[str, SeenUrl]) -> None:
        try:
            acq = acquire(source, self._settings, seen, self._progress, on_page=_Feed(self, source.name))
        except _Stopped:
            return
        except Exception as e:  # a defect in one source's acquisition fails that source, not the run
            log.exception("unexpected error acquiring %s", source.name)
            acq = Acquired(source=source.name, fatal=f"unexpected {type(e).__name__}: {e}")
        try:
            self._put((source.name, acq))
        except _Stopped:
            pass

    def __iter__(self) -> Iterator[tuple[str, Page | Acquired | None]]:
        """Items as they come; ``("", None)`` after a second with none (the consumer may flush)."""
        for t in self._threads:
            t.start()
        left = len(self._threads)
        try:
            while left:
                try:
                    name, item = self._q.get(timeout=1.0)
                except queue.Empty:
                    yield "", None
                    continue
                if isinstance(item, Acquired):
                    left -= 1
                yield name, item
        finally:
            self._stop.set()


class _Feed:
    """A source's pages into a PageStream: waiting for room (``feed(page)``), or only if there is
    room now (``feed.offer(page)``, False when the queue is full; see flows.fetching.acquire)."""

    def __init__(self, stream: PageStream, source: str) -> None:
        self._stream, self._source = stream, source

    def __call__(self, page: Page) -> None:
        self._stream._put((self._source, page))

    def offer(self, page: Page) -> bool:
        if self._stream._stop.is_set():
            raise _Stopped
        try:
            self._stream._q.put_nowait((self._source, page))
        except queue.Full:
            return False
        return True


Submit = Callable[..., Any]  # submit(*ingest_batch arguments) -> a future with .result()


@dataclass(slots=True)
class _SourceRun:
    source: Source
    buffer: list[Page] = field(default_factory=list)
    since: float = 0.0  # when the buffer's first page arrived (monotonic)
    sent: int = 0  # batches sent
    pending: int = 0  # batches sent, not yet settled
    results: list[BatchResult] = field(default_factory=list)
    acquired: Acquired | None = None
    closing: bool = False


def ingest_sources(settings: Settings, run_id: str, sources: Sequence[Source], seen: Mapping[str, dict[str, SeenUrl]],
                   submit: Submit, *, window: Window | None = None,
                   logger: logging.Logger | logging.LoggerAdapter = log,
                   progress: Progress | None = None) -> tuple[list[SourceOutcome], list[Failure]]:
    """Every source's pages through `ingest_batch`, batch by batch as they arrive.

    ``submit(settings, run_id, source, region, pages, validators, extra_failures, window)``
    runs a batch somewhere (a thread, a Prefect task) and returns a future; at most
    ``settings.batches_in_flight`` are outstanding. A source's last batch, which stores its
    acquisition failures and its listing pages' validators, is sent only when every batch of
    its pages is in: a run stopped before then leaves the listings unmarked, so the next run
    reads them in full and fetches what this one did not store. A stop ends acquisition at
    once; the batches in flight finish (or give up, if still cleaning) and what loaded stays."""
    progress = progress or Progress()
    runs = {s.name: _SourceRun(s) for s in sources}
    in_flight: deque[tuple[_SourceRun, Any]] = deque()
    outcomes: dict[str, SourceOutcome] = {}
    failures: dict[str, list[Failure]] = {}

    def send(sr: _SourceRun, pages: Sequence[Page], validators: Mapping, extra: Sequence[Failure]) -> None:
        in_flight.append((sr, submit(settings, run_id, sr.source.name, sr.source.region, pages, validators,
                                     extra, window)))
        sr.pending += 1
        sr.sent += 1
        progress.loading(sr.source.name, sr.sent)

    def finalize(sr: _SourceRun) -> None:
        acq = sr.acquired or Acquired(source=sr.source.name, interrupted=True)
        if not sr.closing:  # stopped before the source was closed: its listings stay unmarked
            acq.interrupted = True
        o = outcome(acq, sr.results)
        progress.finished(sr.source.name, o.status)
        if o.status != "interrupted":
            log_outcome(logger, o)
        outcomes[sr.source.name] = o
        failures[sr.source.name] = source_failures(acq) + [f for r in sr.results for f in r.failures]

    def close_if_done(sr: _SourceRun) -> None:
        acq = sr.acquired
        if acq is None or sr.pending or sr.source.name in outcomes:
            return
        if not sr.closing and not stop_requested():
            sr.closing = True
            send(sr, [], acq.validators, source_failures(acq))
            return
        finalize(sr)

    def flush(sr: _SourceRun) -> None:
        if sr.buffer:
            send(sr, sr.buffer, {}, ())
            sr.buffer = []

    def settle(limit: int) -> None:
        while len(in_flight) > limit:
            sr, fut = in_flight.popleft()
            r = fut.result()
            sr.pending -= 1
            sr.results.append(r)
            if not r.interrupted:
                progress.batch_loaded(sr.source.name, documents=r.stats.documents_new + r.stats.documents_changed,
                                      figures=r.stats.figures)
            log_failures(logger, r.failures)
            close_if_done(sr)

    for name, item in PageStream(sources, settings, seen, settings.batch_size, progress):
        if stop_requested():
            break
        if item is None:  # a quiet second: a slow (polite) crawl still stores what it has
            for sr in runs.values():
                if sr.buffer and time.monotonic() - sr.since >= settings.batch_seconds:
                    flush(sr)
        elif isinstance(item, Acquired):
            sr = runs[name]
            sr.acquired = item
            if item.interrupted:
                sr.buffer = []
                close_if_done(sr)
            else:
                log_acquired(logger, item)
                if sr.pending and item.validators:
                    flush(sr)  # the listings' validators wait until these pages are in
                    close_if_done(sr)
                elif sr.buffer or item.validators or source_failures(item):
                    # nothing to hold back: the last pages and the closing records in one batch
                    sr.closing = True
                    send(sr, sr.buffer, item.validators, source_failures(item))
                    sr.buffer = []
                else:  # nothing left to store (a folder's last batch is in flight): no empty batch
                    sr.closing = True
                    close_if_done(sr)
        else:
            sr = runs[name]
            if not sr.buffer:
                sr.since = time.monotonic()
            sr.buffer.append(item)
            if len(sr.buffer) >= settings.batch_size or time.monotonic() - sr.since >= settings.batch_seconds:
                flush(sr)
        settle(max(1, settings.batches_in_flight))
    settle(0)
    for sr in runs.values():  # sources a stop cut short
        if sr.source.name not in outcomes:
            finalize(sr)
    return ([outcomes[s.name] for s in sources], [f for s in sources for f in failures[s.name]])


# ---------------------------------------------------------------- the reference run


@dataclass(slots=True)
class RunResult:
    run_id: str
    status: str
    outcomes: list[SourceOutcome] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def ingest_source(settings: Settings, run_id: str, source: Source, seen: dict[str, SeenUrl],
                  window: Window | None = None, progress: Progress | None = None) -> tuple[SourceOutcome, list[Failure]]:
    """One source end to end, its pages streamed into batches that run in a few threads."""
    with ThreadPoolExecutor(max(1, settings.batches_in_flight), thread_name_prefix="batch") as batches:
        outcomes, failures = ingest_sources(settings, run_id, [source], {source.name: seen},
                                            lambda *args: batches.submit(ingest_batch, *args), window=window,
                                            progress=progress)
    return outcomes[0], failures


def run_plain(settings: Settings, source_names: Sequence[str] = (), *, group: str | None = None,
              window: Window | None = None, flow: str | None = None, progress: Progress | None = None) -> RunResult:
    """The whole pipeline with no orchestration (a backfill when a window is given).

    A stop requested before the run is recorded records nothing (``run_id`` is empty)."""
    sources = sources_for(settings, source_names, group)
    if stop_requested():
        return RunResult(run_id="", status="interrupted")
    progress = progress or Progress()
    run_id = new_run_id()
    start_workers(settings)
    seen = prepare_run(settings, run_id, flow or ("backfill" if window else "plain"), sources)
    progress.start([s.name for s in sources])
    result = RunResult(run_id=run_id, status="running")
    try:
        for source in sources:  # one source after another, as listed: the same input, the same warehouse
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
