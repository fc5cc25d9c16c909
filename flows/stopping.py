"""Stopping a run on request (Ctrl-C): a process-wide flag that the stages look at.

    with stop_on_interrupt(on_stop=lambda: print("stopping ...")):
        run()                           # stages return early once stop_requested() is true

A signal is process-wide, so the flag is too. The first Ctrl-C sets it and returns: nothing is
torn down in the middle of a statement. The stages look at it between units of work and come
back early with what they have: acquisition cancels its requests (``until_stopped``), a batch
that has not started loading is dropped, a batch that is loading commits (one transaction).
The run is then recorded as ``interrupted``. A second Ctrl-C ends the process at once; the
batch being loaded, if any, is rolled back by DuckDB, and the next run marks the run
``abandoned``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for a process ended by Ctrl-C

_requested = threading.Event()


def request_stop() -> None:
    _requested.set()


def stop_requested() -> bool:
    return _requested.is_set()


def reset() -> None:
    """Forget an earlier request (a new run in the same process, tests)."""
    _requested.clear()


class Stopped(Exception):
    """Raised inside ``until_stopped`` when a stop was requested; never leaves a stage."""


async def until_stopped(work: Awaitable[T], *, poll: float = 0.1) -> T:
    """Await ``work``; cancel it and raise Stopped as soon as a stop is requested."""
    task = asyncio.ensure_future(work)
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=poll)
            if done:
                return task.result()
            if _requested.is_set():
                task.cancel()
                try:
                    await task
                except (asyncio.CancelledError, Exception):
                    pass  # what it was doing is given up; its partial results are the caller's
                raise Stopped
    finally:
        if not task.done():
            task.cancel()


@contextmanager
def stop_on_interrupt(on_stop: Callable[[], None] | None = None) -> Iterator[None]:
    """While inside, the first SIGINT requests a stop (``on_stop`` is called once), the second
    ends the process with exit status 130. Only in the main thread; elsewhere a no-op."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        if _requested.is_set():
            try:
                sys.stderr.write("\nstopped at once: a batch being loaded is rolled back; "
                                 "the next run marks this one abandoned\n")
                sys.stderr.flush()
            finally:
                os._exit(EXIT_INTERRUPTED)
        _requested.set()
        if on_stop is not None:
            on_stop()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
