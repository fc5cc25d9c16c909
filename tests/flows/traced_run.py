"""`pressetl run` that writes the stage it is in to a file descriptor, for the kill tests.

    python -m tests.flows.traced_run FD run --plain --config sources.yaml --db w.duckdb

Each stage writes its name on a line as it starts: prepare (the run is recorded, after a line
"run RUN_ID"), fetch (discovery and fetching of a source), clean (a document is handed to a cleaning
worker), extract (the worker's board says it has cleaned one and extracts), load (a batch is merged; "/load" when it
has been, as other threads go on tracing meanwhile), finish (the run's end is recorded), then done.
The writes are single small os.write calls, so a process killed at any moment leaves the exact
stage it died in as the last line. Nothing else changes: this is the CLI's own main.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any


def main() -> int:
    fd = int(sys.argv[1])

    def mark(stage: str) -> None:
        os.write(fd, stage.encode() + b"\n")

    def traced(fn: Callable[..., Any], stage: str, after: str | None = None) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            mark(stage)
            result = fn(*args, **kwargs)
            if after:
                mark(after)
            return result

        return wrapper

    from flows import limits, pipeline

    prepare_run = pipeline.prepare_run

    @functools.wraps(prepare_run)
    def prepare(settings: Any, run_id: str, *args: Any, **kwargs: Any) -> Any:
        mark(f"run {run_id}")
        mark("prepare")
        return prepare_run(settings, run_id, *args, **kwargs)

    pipeline.prepare_run = prepare
    pipeline.acquire = traced(pipeline.acquire, "fetch")
    pipeline.load = traced(pipeline.load, "load", after="/load")
    pipeline.finish = traced(pipeline.finish, "finish", after="done")

    class TracedConnection:
        """The worker's socket, marking 'clean' when a document is handed to the worker."""

        def __init__(self, conn: Any) -> None:
            self._conn = conn

        def send(self, msg: Any) -> None:
            if msg[0] == "clean+extract":
                mark("clean")
            self._conn.send(msg)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._conn, name)

    def watch(worker: Any) -> None:
        """Mark 'extract' when the worker's board says it has moved on to extracting a document
        (the board is where a worker says how far it is; nothing is sent for it)."""
        last = 0
        while worker.proc.poll() is None:
            try:
                number, stage = limits._BOARD.unpack_from(worker.board)
            except ValueError:  # the board was closed: the worker is gone
                return
            if stage == limits._STAGES.index("extract") + 1 and number != last:
                last = number
                mark("extract")
            time.sleep(0.001)

    worker_init = limits._Worker.__init__

    def init(self: Any) -> None:
        worker_init(self)
        self.conn = TracedConnection(self.conn)
        threading.Thread(target=watch, args=(self,), name="trace-board", daemon=True).start()

    limits._Worker.__init__ = init  # type: ignore[method-assign]

    from flows.cli import main as cli

    return cli(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
