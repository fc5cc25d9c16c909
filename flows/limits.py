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
    ("clean+extract", page, region)   ----->     board: document n, clean
                                                 clean(page)
                                                 board: document n, extract
                                                 extract(document.text, ...)
                                      <-----     ("done", document, figures)
                                               | ("failed", stage, url, reason, traceback)

One message each way per document. Where the worker is, the caller reads on a board: a few bytes
of memory both processes map, where the worker writes the number of the document it has begun
(the how-many-th it was handed) and its stage. The caller looks at it only when it needs to know:
when a document's time is up (which stage to name) and when the worker died (whether the
document was begun at all, or was handed to a worker already dead and goes to a new one).

A document still running when its time is up has its worker killed (SIGKILL) and replaced, and
becomes a LimitError at the stage it was in. A worker that dies on its own (a crash in C code,
out of memory) is reported the same way with the signal that ended it. Once a stop is requested
(Ctrl-C, flows.stopping) a busy worker is killed at once and Stopped raised, so a slow document
never delays the stop.

A worker is a Python process of its own (``python -c``, not multiprocessing, which would run the
caller's main module again in it), talking over a socket pair with multiprocessing's Connection.
It starts in about a second (the import of cleaning and extraction, and one small extraction to
load the extractor's tables), which is not counted in any document's time. Each worker is kept
busy by a lane, a thread of the caller that takes documents from one shared queue and hands its
worker up to DEPTH of them, so the next document is already in the worker's socket when it
answers the current one (no round trip through the caller, which is busy fetching and loading,
between two documents). Answers come in the order the documents went, so the lane knows which
document the worker is on and when it started (when the one before was answered); the board
tells at which stage it is. Workers are in a process group of their own and ignore SIGINT: a terminal
sends Ctrl-C to its whole foreground group, and the run decides what happens (a worker still
importing, before it could ignore the signal, printed a KeyboardInterrupt traceback when it shared
the group). They die with the process that uses them (PR_SET_PDEATHSIG on Linux, and end-of-file
on their pipe everywhere). Linux sends that signal when the *thread* that started the
worker ends, so every worker is started by one thread that lives as long as the process: a worker
started from a batch or task thread would be killed, perhaps in the middle of another thread's
document, when that thread's pool shut down.
"""

from __future__ import annotations

import atexit
import logging
import mmap
import os
import queue
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any

from flows.errors import DocumentError, LimitError
from flows.stopping import Stopped, stop_requested

if TYPE_CHECKING:
    from extractors.model import Figure
    from flows.model import Document, Page

log = logging.getLogger("pressetl")

DEFAULT_SECONDS = 60.0  # Settings.document_seconds: cleaning and extraction of one document
POLL_SECONDS = 0.05  # how often a waiting lane looks at the clock and the stop flag
START_SECONDS = 120.0  # a worker that has not started by then (imports, warm-up) is given up
DEPTH = 2  # documents handed to a worker at once: the next one waits in its socket while it works
_BOARD = struct.Struct("<QB")  # the worker's board: the number of the document it has begun (1, 2, ...), its stage
_STAGES = ("clean", "extract")  # a stage's code on the board is its index + 1 (0: none yet)
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
    reply = _run(("clean+extract", page, region, records), page.url, seconds)
    return reply[1], reply[2]


def run_pages(pages: Sequence[Page], region: str | None, *, seconds: float, workers: int) -> list:
    """`clean_and_extract` over ``pages`` on ``workers`` worker processes (all cores work, each
    with its next document already in hand), as flows.cpu's results in page order: the
    document's record (with its story fingerprint) and figure rows, or a Failure. Stopped once a
    stop is requested."""
    from warehouse.records import Failure

    if stop_requested():
        raise Stopped
    requests = [("clean+extract", p, region, True) for p in pages]
    futures = None
    if seconds > 0:
        _lanes_at_least(workers)
        futures = [_submit(r, p.url, seconds) for r, p in zip(requests, pages, strict=True)]
    out: list = []
    try:
        for i, page in enumerate(pages):
            try:
                # no time limit: each in this process (`_run`)
                reply = _run(requests[i], page.url, seconds) if futures is None else _reply(futures[i], page.url)
                out.append((reply[1], reply[2]))
            except DocumentError as e:
                out.append(Failure(page.source, e.url or page.url, e.stage, e.reason))
        return out
    finally:
        for f in futures or ():
            f.cancel()  # after a stop: documents not yet handed to a worker are not


def start(workers: int) -> None:
    """Start ``workers`` worker processes now: they import and warm up while the first pages are
    fetched."""
    _lanes_at_least(workers)


def extract_within(document: Document, region: str | None, *, seconds: float = DEFAULT_SECONDS) -> list[Figure]:
    """The figures of an already cleaned document, within ``seconds`` (re-extraction)."""
    reply = _run(("extract", document.text, document.published_at, region), document.url, seconds)
    return reply[1]


def _run(request: tuple, url: str, seconds: float) -> tuple:
    if seconds <= 0:  # no limit: in this process (a debugger, a profiler, a test's stand-in extractor)
        from extractors import extract
        from flows.cleaning.clean import clean

        return _check(_answer(request, lambda _: None, clean, extract), url)
    _lanes_at_least(1)
    return _reply(_submit(request, url, seconds), url)


def _reply(future: Future, url: str) -> tuple:
    """What the worker answered for one document (a DocumentError raised for a failure)."""
    while True:
        try:
            reply = future.result(timeout=POLL_SECONDS * 2)
            break
        except FutureTimeout:
            if stop_requested():
                if future.cancel():  # not handed to a worker yet; one that is, its lane stops
                    raise Stopped from None
    return _check(reply, url)


def _check(reply: tuple, url: str) -> tuple:
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


class _Job:
    """One document (or text) for a worker, and where its answer goes."""

    __slots__ = ("request", "url", "seconds", "stage", "future", "number", "handed_again")

    def __init__(self, request: tuple, url: str, seconds: float) -> None:
        self.request, self.url, self.seconds = request, url, seconds
        self.stage = "clean" if request[0] == "clean+extract" else "extract"
        self.future: Future = Future()
        self.number = 0  # the how-many-th document of its worker (the board names the one begun)
        self.handed_again = False  # once to a new worker, after the last one died before starting it


def _submit(request: tuple, url: str, seconds: float) -> Future:
    job = _Job(request, url, seconds)
    _jobs.put(job)
    return job.future


class _Lane(threading.Thread):
    """A thread that keeps one worker process busy: it hands the worker up to DEPTH documents
    from the shared queue, so the next one is there the moment the current one is done, and
    holds the worker to the time limit of the document it is working on (the documents reach
    the worker in order and are answered in order, so the oldest unanswered one is the one it
    is on; its time starts when the one before it was answered). A worker killed or dead takes
    only that document with it: the ones queued behind it go to its replacement."""

    def __init__(self) -> None:
        super().__init__(name="document-lane", daemon=True)
        self.worker: _Worker | None = None
        self.sent: deque[_Job] = deque()  # handed to the worker, not yet answered; the first is being worked on
        self.started = 0.0  # when the first of ``sent`` was started (monotonic)
        self.closing = False

    def run(self) -> None:
        try:
            while not (self.closing and not self.sent):
                while len(self.sent) < DEPTH and not self.closing:
                    try:
                        job = _jobs.get(timeout=POLL_SECONDS) if not self.sent else _jobs.get_nowait()
                    except queue.Empty:
                        break
                    if job.future.set_running_or_notify_cancel():
                        self._hand(job)
                if self.sent:
                    self._wait()
        finally:
            for job in self.sent:
                job.future.set_exception(Stopped())
            if self.worker is not None:
                self.worker.close()

    def _hand(self, job: _Job) -> None:
        """Give the worker one more document (a new worker if it has none)."""
        if stop_requested():
            job.future.set_exception(Stopped())
            return
        if not self.sent and self.worker is not None and self.worker.proc.poll() is not None:
            self.worker.close()  # it died while idle (killed from outside)
            self.worker = None
        try:
            if self.worker is None:
                self.worker = _new_worker()
            self.worker.wait_ready(job.url, job.stage)
        except (DocumentError, Stopped) as e:
            self.worker = None
            job.future.set_exception(e)
            return
        try:
            self.worker.conn.send(job.request)
            self.worker.handed += 1
            job.number = self.worker.handed
        except (BrokenPipeError, EOFError, OSError):
            if not self.sent:
                e = _Failed(job.url, f"the worker for cleaning and extraction {self.worker.ended()} before {job.stage}",
                            job.stage)
                self.worker.close()
                self.worker = None
                if not job.handed_again:
                    job.handed_again = True  # it died while idle: one new worker for the document
                    self._hand(job)
                    return
                job.future.set_exception(e)
                return  # else the worker died during the document it is on: `_wait` finds it out
        self.sent.append(job)
        if len(self.sent) == 1:
            self.started = time.monotonic()

    def _wait(self) -> None:
        """Wait a moment for the worker's next message about its current document."""
        assert self.worker is not None
        job = self.sent[0]
        left = self.started + job.seconds - time.monotonic()
        try:
            msg = self.worker.conn.recv() if self.worker.readable(max(0.0, min(POLL_SECONDS, left))) else None
        except (EOFError, OSError):
            if not self.worker.look(job) and not job.handed_again:
                # killed before it started on this document (a worker killed while idle may still
                # look alive when it is handed one): the document goes to a new worker
                job.handed_again = True
                self._lose(None)
                return
            self._lose(_Failed(job.url, f"the worker for cleaning and extraction {self.worker.ended()} during "
                                        f"{job.stage}", job.stage))
            return
        if msg is not None:
            self.sent.popleft()
            self.started = time.monotonic()  # the next document, already in the worker's hands, starts now
            job.future.set_result(msg)
            return
        if stop_requested():
            self.worker.close()
            self.worker = None
            for j in self.sent:
                j.future.set_exception(Stopped())
            self.sent.clear()
        elif time.monotonic() >= self.started + job.seconds:
            self.worker.look(job)
            self._lose(LimitError(job.url, f"took longer than {job.seconds:g} s to {job.stage} (the time limit per "
                                           "document); left out", job.stage))

    def _lose(self, error: DocumentError | None) -> None:
        """The worker is killed (or dead): its current document fails (or, with no error, goes to a
        new worker too), the ones behind it go to a new one."""
        assert self.worker is not None
        self.worker.close()
        self.worker = None
        if error is not None:
            self.sent.popleft().future.set_exception(error)
        waiting, self.sent = list(self.sent), deque()
        for job in waiting:
            self._hand(job)


_jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()  # documents for any lane, in the order they were given
_lanes: list[_Lane] = []
_lock = threading.Lock()


def _lanes_at_least(n: int) -> None:
    with _lock:
        _lanes[:] = [lane for lane in _lanes if lane.is_alive() and not lane.closing]
        while len(_lanes) < max(1, n):
            lane = _Lane()
            lane.worker = _new_worker()  # it imports and warms up from now on
            lane.start()
            _lanes.append(lane)


_spawner = None  # the one thread that starts workers (see the module's note on PR_SET_PDEATHSIG)


def _new_worker() -> _Worker:
    global _spawner
    from concurrent.futures import ThreadPoolExecutor

    with _spawn_lock:
        if _spawner is None:
            _spawner = ThreadPoolExecutor(1, thread_name_prefix="worker-starter")
        spawner = _spawner
    return spawner.submit(_Worker).result()


_spawn_lock = threading.Lock()


class _Worker:
    """One worker process and the caller's end of its socket."""

    def __init__(self) -> None:
        from multiprocessing.connection import Connection

        mine, theirs = socket.socketpair()
        board = _board_file()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))}
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c",
                 f"import flows.limits as m; m.serve({theirs.fileno()}, {board.fileno()}, {os.getpid()})"],
                pass_fds=[theirs.fileno(), board.fileno()], stdin=subprocess.DEVNULL, env=env, close_fds=True,
                process_group=0,  # out of the terminal's reach: a Ctrl-C is the run's to handle (module note)
            )
            self.board = mmap.mmap(board.fileno(), _BOARD.size)
        finally:
            theirs.close()
            board.close()
        self.handed = 0  # documents sent to it so far
        self.conn = Connection(mine.detach())
        # one poll object for the worker's life (Connection.poll builds a selector on every call)
        self._poll = select.poll()
        self._poll.register(self.conn.fileno(), select.POLLIN)
        self.pid = os.getpid()  # the process that owns it (a forked child must not use it)
        self.ready = False  # it says so once it has imported and warmed up: its start is not a document's time

    def wait_ready(self, url: str, stage: str) -> None:
        deadline = time.monotonic() + START_SECONDS
        while not self.ready:
            try:
                if self.readable(POLL_SECONDS):
                    self.ready = self.conn.recv() == ("ready",)
                    continue
            except (EOFError, OSError):
                reason = f"the worker for cleaning and extraction {self.ended()} as it started"
                self.close()
                raise _Failed(url, reason, stage) from None
            if stop_requested():
                self.close()
                raise Stopped
            if time.monotonic() >= deadline:
                self.close()
                raise _Failed(url, f"the worker for cleaning and extraction did not start in {START_SECONDS:g} s",
                              stage)

    def look(self, job: _Job) -> bool:
        """Whether the worker had begun ``job`` (its board names that document or a later one); the
        job's stage set from the board if the worker is on it."""
        number, stage = _BOARD.unpack_from(self.board)
        if number == job.number and stage:
            job.stage = _STAGES[stage - 1]
        return number >= job.number

    def readable(self, seconds: float) -> bool:
        """Whether a message (or the end of the pipe) is there, waiting up to ``seconds``."""
        return bool(self._poll.poll(seconds * 1000))

    def ended(self) -> str:
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
        self.board.close()


def _board_file() -> Any:
    """A file of _BOARD.size bytes for a worker's board, in memory and never named where it can
    be left behind (memfd on Linux, an unlinked temporary file elsewhere)."""
    if hasattr(os, "memfd_create"):
        f = os.fdopen(os.memfd_create("pressetl-worker-board", 0), "r+b")
    else:
        import tempfile

        f = tempfile.TemporaryFile()
    f.truncate(_BOARD.size)
    return f


def close_workers() -> None:
    """Stop every worker once it has answered what it was given (they stop by themselves when
    this process ends)."""
    with _lock:
        lanes, _lanes[:] = list(_lanes), []
    for lane in lanes:
        lane.closing = True
    for lane in lanes:
        if lane is not threading.current_thread():
            lane.join(10)


def _forget_after_fork() -> None:
    # a forked child shares the pipes of its parent's workers: it must neither use nor kill them
    global _lock, _spawn_lock, _spawner, _jobs
    _lanes.clear()
    _lock, _spawn_lock, _spawner, _jobs = threading.Lock(), threading.Lock(), None, queue.SimpleQueue()


os.register_at_fork(after_in_child=_forget_after_fork)
atexit.register(close_workers)  # reaped here, so their time counts as this process's children's

# ---------------------------------------------------------------- the worker's side


def serve(fd: int, board_fd: int, parent: int) -> None:
    """The worker's main: answer requests on the socket ``fd`` until it closes, writing where it
    is on the board mapped from ``board_fd``."""
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before we asked to die with it
        return
    conn = Connection(fd)
    board = mmap.mmap(board_fd, _BOARD.size)
    from extractors import extract
    from flows.cleaning.clean import clean

    extract("2024年1至5月,全省共破获毒品刑事案件5453起。", region="云南省")  # the gazetteer and tables, loaded once
    try:
        conn.send(("ready",))
    except (BrokenPipeError, OSError):
        return

    number = 0
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        number += 1

        def tell(stage: str, n: int = number) -> None:
            _BOARD.pack_into(board, 0, n, _STAGES.index(stage) + 1)

        try:
            conn.send(_answer(request, tell, clean, extract))
        except (BrokenPipeError, OSError):
            return


def _answer(request: tuple, tell: Callable[[str], None], clean: Any, extract: Any) -> tuple:
    stage = "clean" if request[0] == "clean+extract" else "extract"
    tell(stage)  # begun: a death from here on is this document's
    try:
        if request[0] == "clean+extract":
            _, page, region, records = request
            doc = clean(page)
            stage = "extract"
            tell(stage)
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
