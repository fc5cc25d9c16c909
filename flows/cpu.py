"""Cleaning and extraction on every core: a pool of worker processes per flow process.

Cleaning (trafilatura, ~9 ms a page) and extraction (~2 ms) are CPU-bound Python: threads
share one core under the GIL. `clean_extract` runs in worker processes instead; it takes
pages and returns warehouse records (documents and figure rows) or Failures, so the parent
only pairs them with its pages and loads them.

    results = run_pages(pages, region, workers=2)     # in order, one result per page

``workers=0`` runs in the calling process (a Dask worker, which is itself one of many
processes, and tests). The pool is started once per process, by forkserver with the cleaning
and extraction modules preloaded, so a worker starts in milliseconds and a parent that runs
threads (Prefect, httpx) is never forked.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from warehouse.records import FIGURE_COLUMNS, DocumentRecord, Failure

if TYPE_CHECKING:
    from flows.model import Page

log = logging.getLogger("pressetl")

CHUNK = 8  # pages per message to a worker: large enough to amortise the pipe, small enough to balance
_ATTR = {"module": "extractor", "module_version": "extractor_version"}  # row column -> Figure attribute

_ATTRS = tuple(_ATTR.get(c, c) for c in FIGURE_COLUMNS)

Result = tuple[DocumentRecord, list[tuple[Any, ...]]] | Failure


def figure_row(f) -> tuple[Any, ...]:
    """One extractor Figure as a row of extracted_figures' per-figure columns (FIGURE_COLUMNS)."""
    return tuple(getattr(f, a) for a in _ATTRS)


def clean_extract(pages: Sequence[Page], region: str | None) -> list[Result]:
    """Clean and extract each page; a page that fails becomes a Failure, the rest go on."""
    from extractors import extract
    from flows.cleaning.clean import clean
    from flows.errors import DocumentError
    from warehouse.stories import fingerprint

    out: list[Result] = []
    for page in pages:
        stage = "clean"
        try:
            doc = clean(page)
            stage = "extract"
            figures = extract(doc.text, published=doc.published_at, region=region)
        except DocumentError as e:
            out.append(Failure(page.source, e.url or page.url, e.stage, e.reason))
            continue
        except Exception as e:  # a defect on one page must not lose the others; it is recorded
            log.exception("unexpected error at %s of %s", stage, page.url)
            out.append(Failure(page.source, page.url, stage, f"unexpected {type(e).__name__}: {e}"))
            continue
        # the story fingerprint too: CPU work per document, better done here than in the loading process
        out.append((replace(doc.record(), simhash=fingerprint(doc.text)), [figure_row(f) for f in figures]))
    return out


def _watch(parent: int) -> None:
    """End this worker when the process that started the pool is gone (killed, even by
    SIGKILL): a worker waiting for pages would otherwise wait for ever."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass


def _warm(parent: int | None = None) -> None:
    """Load the cleaning modules and the extractor's tables before the first page arrives.

    Run first in every worker, which also leaves Ctrl-C to the parent: the terminal sends
    SIGINT to the whole process group, and the run stops through the parent (flows.stopping)."""
    if parent is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        threading.Thread(target=_watch, args=(parent,), name="pressetl-parent-watch", daemon=True).start()
    from extractors import extract
    from flows.cleaning import clean  # noqa: F401 (imported for its side: trafilatura loaded)

    extract("2024年1至5月,全省共破获毒品刑事案件5453起。", region="云南省")


_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def pool(workers: int) -> ProcessPoolExecutor:
    """This process's worker pool (started on first use, kept for the life of the process)."""
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size != workers:
            if _pool is not None:
                _pool.shutdown(wait=False, cancel_futures=True)
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["flows.cpu"])  # a small server: each worker loads the rest itself
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm,
                                        initargs=(os.getpid(),))
            _pool_size = workers
        return _pool


def shutdown() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None


atexit.register(shutdown)


def start(workers: int) -> None:
    """Start the workers now (they warm up while the first pages are fetched)."""
    if workers > 0:
        p = pool(workers)
        for _ in range(workers):
            p.submit(_warm)


def run_pages(pages: Sequence[Page], region: str | None, workers: int) -> list[Result]:
    """`clean_extract` over ``pages`` in ``workers`` processes (0: here), results in page order."""
    if workers <= 0 or len(pages) <= 1:
        return clean_extract(pages, region)
    p = pool(workers)
    futures = [p.submit(clean_extract, pages[i : i + CHUNK], region) for i in range(0, len(pages), CHUNK)]
    try:
        return [r for f in futures for r in f.result()]
    except BrokenProcessPool:
        _discard(p)  # a worker died (killed, out of memory): the next batch, or a retry, starts a new pool
        raise


def _discard(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)
