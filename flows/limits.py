"""Every document bounded in time: cleaning and extraction run in a worker process that is
stopped when one document takes longer than its limit.

    doc, figures = clean_and_extract(page, region, seconds=60)   # or DocumentError (an errors row)
    doc, figures = clean_and_extract(page, region, seconds=0)    # no limit, in this process
    figures = extract_within(document, region, seconds=60)       # re-extraction of stored text

Sizes are bounded where bytes arrive, all at ``Settings.max_bytes``: HTTP bodies (decompressed)
in flows.fetching.http, files and archive records in flows.fetching.discover. Time cannot be
bounded from inside the work: a regular expression that backtracks or a parser deep in C code
looks at no flag, and a Prefect task runs in a thread, which no signal reaches. So each document
is cleaned and extracted by a worker process:

    caller                                       worker
    ("clean+extract", page, region)   ----->     clean(page)
                                      <-----     ("stage", "extract")
                                                 extract(document.text, ...)
                                      <-----     ("done", document, figures)
                                               | ("failed", stage, url, reason, traceback)

A document still running when its time is up has its worker killed (SIGKILL) and replaced, and
becomes a LimitError at the stage it was in. A worker that dies on its own (a crash in C code,
out of memory) is reported the same way with the signal that ended it. Once a stop is requested
(Ctrl-C, flows.stopping) a busy worker is killed at once and Stopped raised, so a slow document
never delays the stop.

A worker is a Python process of its own (``python -c``, not multiprocessing, which would run the
caller's main module again in it), talking over a socket pair with multiprocessing's Connection.
It starts in about a second (the import of cleaning and extraction, and one small extraction to
load the extractor's tables), which is not counted in any document's time; idle workers are kept
for the next document, one per thread that works at a time. They ignore SIGINT (a terminal sends it to
the whole process group; the run decides what happens) and die with the process that uses them
(PR_SET_PDEATHSIG on Linux, and end-of-file on their pipe everywhere). Linux sends that signal when
the *thread* that started the worker ends, so every worker is started by one thread that lives as
long as the process: a worker started from a batch or task thread would be killed, perhaps in the
middle of another thread's document, when that thread's pool shut down.
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from flows.errors import DocumentError, LimitError
from flows.stopping import Stopped, stop_requested

if TYPE_CHECKING:
    from extractors.model import Figure
    from flows.model import Document, Page

log = logging.getLogger("pressetl")

DEFAULT_SECONDS = 60.0  # Settings.document_seconds: cleaning and extraction of one document
POLL_SECONDS = 0.05  # how often a waiting caller looks at the clock and the stop flag
START_SECONDS = 120.0  # a worker that has not started by then (imports, warm-up) is given up
MAX_IDLE = 4  # idle workers kept; more are closed when they come back
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # where the flows package is


# ---------------------------------------------------------------- the caller's side


def clean_and_extract(page: Page, region: str | None, *, seconds: float = DEFAULT_SECONDS,
                      records: bool = False) -> tuple[Any, list[Any]]:
    """The page cleaned and its figures extracted, within ``seconds`` for both together.

    Returns (Document, [Figure]), or with ``records`` what the warehouse loads: the document's
    record with its story fingerprint, and figure rows (flows.cpu; the fingerprint is work on the
    whole text, so it too runs in the worker and within the limit).

    A page that cannot be cleaned raises the DocumentError cleaning raised (its stage and
    reason); one that takes too long raises LimitError; a defect in cleaning or extraction
    (any other exception) raises DocumentError with the exception's type and message, and its
    traceback is logged. Stopped when a stop is requested meanwhile."""
    reply = _run(("clean+extract", page, region, records), "clean", page.url, seconds)
    return reply[1], reply[2]


def run_pages(pages: Sequence[Page], region: str | None, *, seconds: float, workers: int) -> list:
    """`clean_and_extract` over ``pages``, ``workers`` documents at a time (each in a worker
    process of its own, so all cores work), as flows.cpu's results in page order: the document's
    record (with its story fingerprint) and figure rows, or a Failure. Stopped once a stop is
    requested."""
    from warehouse.records import Failure

    def one(page: Page):
        if stop_requested():
            raise Stopped
        try:
            return clean_and_extract(page, region, seconds=seconds, records=True)  # looked up here: tests trace it
        except DocumentError as e:
            return Failure(page.source, e.url or page.url, e.stage, e.reason)

    if workers <= 1 or len(pages) <= 1:
        return [one(p) for p in pages]
    futures = [_threads(workers).submit(one, p) for p in pages]
    try:
        return [f.result() for f in futures]
    finally:
        for f in futures:
            f.cancel()


_pool = None  # the threads that wait on the workers, shared by every batch of the process: at most `workers` at once
_pool_size = 0


def _threads(workers: int):
    global _pool, _pool_size
    from concurrent.futures import ThreadPoolExecutor

    with _lock:
        if _pool is None or _pool_size != workers:
            if _pool is not None:
                _pool.shutdown(wait=False)
            _pool, _pool_size = ThreadPoolExecutor(workers, thread_name_prefix="document"), workers
        return _pool


_spawner = None  # the one thread that starts workers (see the module's note on PR_SET_PDEATHSIG)


def _new_worker() -> _Worker:
    global _spawner
    from concurrent.futures import ThreadPoolExecutor

    with _lock:
        if _spawner is None:
            _spawner = ThreadPoolExecutor(1, thread_name_prefix="worker-starter")
        spawner = _spawner
    return spawner.submit(_Worker).result()


def start(workers: int) -> None:
    """Start ``workers`` worker processes now: they import and warm up while the first pages are
    fetched (up to MAX_IDLE are kept)."""
    fresh = [_new_worker() for _ in range(max(0, min(workers, MAX_IDLE) - len(_idle)))]
    with _lock:
        _idle.extend(fresh)


def extract_within(document: Document, region: str | None, *, seconds: float = DEFAULT_SECONDS) -> list[Figure]:
    """The figures of an already cleaned document, within ``seconds`` (re-extraction)."""
    reply = _run(("extract", document.text, document.published_at, region), "extract", document.url, seconds)
    return reply[1]


def _run(request: tuple, stage: str, url: str, seconds: float) -> tuple:
    if seconds <= 0:  # no limit: in this process (a debugger, a profiler, a test's stand-in extractor)
        from extractors import extract
        from flows.cleaning.clean import clean

        reply = _answer(request, lambda _: None, clean, extract)
    else:
        with _worker() as worker:
            reply = worker.ask(request, stage, url, seconds)
    if reply[0] == "failed":
        _, stage, failed_url, reason, trace = reply
        if trace:
            log.error("unexpected error at %s of %s:\n%s", stage, url, trace.rstrip())
        raise _Failed(failed_url or url, reason, stage)
    return reply


class _Failed(DocumentError):
    """Cleaning or extraction failed in the worker; carries the stage it failed at."""

    def __init__(self, url: str, reason: str, stage: str) -> None:
        super().__init__(url, reason)
        self.stage = stage


class _Worker:
    """One worker process and the caller's end of its socket."""

    def __init__(self) -> None:
        from multiprocessing.connection import Connection

        mine, theirs = socket.socketpair()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", f"import flows.limits as m; m.serve({theirs.fileno()}, {os.getpid()})"],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env=env, close_fds=True,
        )
        theirs.close()
        self.conn = Connection(mine.detach())
        self.pid = os.getpid()  # the process that owns it (a forked child must not use it)
        self.ready = False  # it says so once it has imported and warmed up: its start is not a document's time

    def _wait_ready(self, url: str, stage: str) -> None:
        deadline = time.monotonic() + START_SECONDS
        while not self.ready:
            try:
                if self.conn.poll(POLL_SECONDS):
                    self.ready = self.conn.recv() == ("ready",)
                    continue
            except (EOFError, OSError):
                self.close()
                raise _Failed(url, f"the worker for cleaning and extraction {self._ended()} as it started",
                              stage) from None
            if stop_requested():
                self.close()
                raise Stopped
            if time.monotonic() >= deadline:
                self.close()
                raise _Failed(url, f"the worker for cleaning and extraction did not start in {START_SECONDS:g} s",
                              stage)

    @property
    def alive(self) -> bool:
        return self.pid == os.getpid() and self.proc.poll() is None

    def ask(self, request: tuple, stage: str, url: str, seconds: float) -> tuple:
        self._wait_ready(url, stage)
        try:
            self.conn.send(request)
        except (BrokenPipeError, EOFError, OSError):
            self.close()
            raise _Failed(url, f"the worker for cleaning and extraction {self._ended()} before {stage}", stage) from None
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            try:
                ready = self.conn.poll(max(0.0, min(POLL_SECONDS, left)))
                msg = self.conn.recv() if ready else None
            except (EOFError, OSError):
                self.close()
                raise _Failed(url, f"the worker for cleaning and extraction {self._ended()} during {stage}",
                              stage) from None
            if msg is not None:
                if msg[0] == "stage":
                    stage = msg[1]
                    continue
                return msg
            if stop_requested():
                self.close()
                raise Stopped
            if time.monotonic() >= deadline:
                self.close()
                raise LimitError(url, f"took longer than {seconds:g} s to {stage} (the time limit per document); "
                                      "left out", stage)

    def _ended(self) -> str:
        try:
            code = self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            code = None
        if code is not None and code < 0:
            try:
                return f"ended with signal {-code} ({signal.Signals(-code).name})"
            except ValueError:
                return f"ended with signal {-code}"
        return f"ended (exit status {code})"

    def close(self) -> None:
        """Kill the process (it may be in the middle of a document) and close the pipe."""
        if self.pid != os.getpid():
            return
        try:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.conn.close()


_idle: list[_Worker] = []
_lock = threading.Lock()


@contextmanager
def _worker() -> Iterator[_Worker]:
    """An idle worker, or a new one; given back for the next document unless it was closed."""
    with _lock:
        worker = _idle.pop() if _idle else None
    if worker is not None and not worker.alive:  # it died while idle (killed from outside)
        worker.close()
        worker = None
    if worker is None:
        worker = _new_worker()
    try:
        yield worker
    finally:
        if worker.alive and not worker.conn.closed:
            with _lock:
                if len(_idle) < MAX_IDLE:
                    _idle.append(worker)
                    worker = None  # type: ignore[assignment]
            if worker is not None:
                worker.close()


def close_workers() -> None:
    """Stop every idle worker (they stop by themselves when this process ends)."""
    with _lock:
        workers, _idle[:] = list(_idle), []
    for w in workers:
        w.close()


def _forget_after_fork() -> None:
    # a forked child shares the pipes of its parent's workers: it must neither use nor kill them
    global _lock, _pool, _pool_size, _spawner
    _idle.clear()
    _lock = threading.Lock()
    _pool, _pool_size, _spawner = None, 0, None


os.register_at_fork(after_in_child=_forget_after_fork)
atexit.register(close_workers)  # reaped here, so their time counts as this process's children's

# ---------------------------------------------------------------- the worker's side


def serve(fd: int, parent: int) -> None:
    """The worker's main: answer requests on the socket ``fd`` until it closes."""
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before we asked to die with it
        return
    conn = Connection(fd)
    from extractors import extract
    from flows.cleaning.clean import clean

    extract("2024年1至5月,全省共破获毒品刑事案件5453起。", region="云南省")  # the gazetteer and tables, loaded once
    try:
        conn.send(("ready",))
    except (BrokenPipeError, OSError):
        return

    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(_answer(request, conn.send, clean, extract))
        except (BrokenPipeError, OSError):
            return


def _answer(request: tuple, tell: Callable[[tuple], None], clean: Any, extract: Any) -> tuple:
    stage = "clean" if request[0] == "clean+extract" else "extract"
    try:
        if request[0] == "clean+extract":
            _, page, region, records = request
            doc = clean(page)
            stage = "extract"
            tell(("stage", stage))
            figures = extract(doc.text, published=doc.published_at, region=region)
            if not records:
                return ("done", doc, figures)
            from dataclasses import replace

            from flows.cpu import figure_row
            from warehouse.stories import fingerprint

            return ("done", replace(doc.record(), simhash=fingerprint(doc.text)), [figure_row(f) for f in figures])
        _, text, published, region = request
        return ("done", extract(text, published=published, region=region))
    except DocumentError as e:
        return ("failed", e.stage, e.url, e.reason, None)
    except Exception as e:  # a defect on one document must not lose the others; it is recorded
        return ("failed", stage, None, f"unexpected {type(e).__name__}: {e}", traceback.format_exc())


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (best effort elsewhere)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


__all__: Sequence[str] = ["clean_and_extract", "extract_within", "close_workers", "LimitError"]
