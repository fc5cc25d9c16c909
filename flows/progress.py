"""What a run has done so far, per source, for the person or the log watching it.

    progress = LogProgress(logger)             # a line per source every `interval` seconds
    progress = LiveProgress(console)           # a live rich display on a terminal
    progress.discovered("yunnan-police", 280, to_fetch=280)
    progress.fetched("yunnan-police", ok=True) # from any thread
    progress.batch_loaded("yunnan-police", documents=50, figures=212)

The stages report to a ``Progress`` they are given (the base class counts and shows nothing).
Counts are kept under a lock: acquisition reports from its event loop's thread, batches from
the task runner's threads. The CLI picks the display (``install``); a flow run started by a
worker has none installed and logs periodic lines through its run logger.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

PERIODIC_SECONDS = 10.0  # LogProgress: at most one line per source this often


@dataclass(slots=True)
class SourceProgress:
    source: str
    phase: str = "waiting"  # waiting | discovering | fetching | loading | <the source's status>
    discovered: int | None = None  # article URLs (files, records) found
    to_fetch: int | None = None  # of them not skipped as already stored
    fetched: int = 0
    failed: int = 0
    unchanged: int = 0  # fetched but the same as stored (304 or same bytes)
    batches: int | None = None  # batches to clean, extract and load
    batches_loaded: int = 0
    documents: int = 0  # new or changed documents loaded
    figures: int = 0

    def line(self) -> str:
        found = "?" if self.discovered is None else str(self.discovered)
        out = f"source {self.source}: {self.phase}; discovered {found}, fetched {self.fetched}"
        if self.to_fetch is not None and self.phase in ("discovering", "fetching"):
            out += f" of {self.to_fetch}"
        out += f", failed {self.failed}"
        if self.batches is not None:
            out += f"; batches loaded {self.batches_loaded} of {self.batches}"
        return out


class Progress:
    """Counts per source; shows nothing (subclasses do)."""

    def __init__(self) -> None:
        self._lock = threading.RLock()  # re-entrant: the Ctrl-C handler marks sources stopping, maybe mid-update
        self.sources: dict[str, SourceProgress] = {}

    def _get(self, source: str) -> SourceProgress:
        sp = self.sources.get(source)
        if sp is None:
            sp = self.sources[source] = SourceProgress(source)
            self._added(sp)
        return sp

    # -- events (any thread) ----------------------------------------------------------------

    def start(self, sources: list[str]) -> None:
        with self._lock:
            for s in sources:
                self._get(s)
        self._changed(None)

    def discovering(self, source: str) -> None:
        with self._lock:
            self._set_phase(self._get(source), "discovering")
        self._changed(source)

    def discovered(self, source: str, n: int, *, to_fetch: int) -> None:
        with self._lock:
            sp = self._get(source)
            sp.discovered, sp.to_fetch = n, to_fetch
            self._set_phase(sp, "fetching")
        self._changed(source)

    def fetched(self, source: str, *, ok: bool = True, unchanged: bool = False) -> None:
        with self._lock:
            sp = self._get(source)
            if unchanged:
                sp.unchanged += 1
            elif ok:
                sp.fetched += 1
            else:
                sp.failed += 1
        self._changed(source)

    def loading(self, source: str, batches: int) -> None:
        with self._lock:
            sp = self._get(source)
            sp.batches = batches
            self._set_phase(sp, "loading")
        self._changed(source)

    def batch_loaded(self, source: str, *, documents: int, figures: int) -> None:
        with self._lock:
            sp = self._get(source)
            sp.batches_loaded += 1
            sp.documents += documents
            sp.figures += figures
        self._changed(source)

    def _set_phase(self, sp: SourceProgress, phase: str) -> None:
        if sp.phase != "stopping":  # a stopping source stays so until it has finished
            sp.phase = phase

    def finished(self, source: str, status: str) -> None:
        with self._lock:
            self._get(source).phase = status
        self._changed(source, final=True)

    def stopping(self) -> None:
        """A stop was requested: sources at work say so until they return."""
        with self._lock:
            for sp in self.sources.values():
                if sp.phase in ("waiting", "discovering", "fetching", "loading"):
                    sp.phase = "stopping"
        self._changed(None)

    def close(self) -> None:
        """The run is over (or stopped): stop refreshing, leave the last state shown."""

    # -- what subclasses show ------------------------------------------------------------------

    def _added(self, sp: SourceProgress) -> None:
        """Called under the lock when a source is first seen."""

    def _changed(self, source: str | None, *, final: bool = False) -> None:
        """Called (outside the lock) after every event."""


class LogProgress(Progress):
    """A line per source still at work, at most every ``interval`` seconds: for logs and pipes."""

    def __init__(self, logger: logging.Logger | logging.LoggerAdapter, interval: float = PERIODIC_SECONDS) -> None:
        super().__init__()
        self.logger = logger
        self.interval = interval
        self._last = time.monotonic()

    def _changed(self, source: str | None, *, final: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last < self.interval:
                return
            self._last = now
            lines = [sp.line() for sp in self.sources.values() if sp.phase in ("discovering", "fetching", "loading")]
        for line in lines:
            self.logger.info("progress: %s", line)


class LiveProgress(Progress):
    """A live display on a terminal: one row per source with a bar of the pages fetched."""

    def __init__(self, console: Any) -> None:
        from rich.progress import BarColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        super().__init__()
        self._tasks: dict[str, Any] = {}
        # explicit styles: the console may be Prefect's, whose theme has none of rich's names
        self._rich = RichProgress(
            TextColumn("{task.description}", style="bold"),
            BarColumn(bar_width=30, style="grey37", complete_style="green", finished_style="green",
                      pulse_style="cyan"),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=console,
            refresh_per_second=4,
            transient=False,
        )
        self._rich.start()

    def _added(self, sp: SourceProgress) -> None:
        self._tasks[sp.source] = self._rich.add_task(sp.source, total=None, counts=self._counts(sp))

    @staticmethod
    def _counts(sp: SourceProgress) -> str:
        found = "…" if sp.discovered is None else str(sp.discovered)
        out = f"{sp.phase:<11} discovered {found:>5}  fetched {sp.fetched:>5}  failed {sp.failed:>4}"
        if sp.batches is not None:
            out += f"  batches {sp.batches_loaded}/{sp.batches}  documents {sp.documents}  figures {sp.figures}"
        return out

    def _changed(self, source: str | None, *, final: bool = False) -> None:
        with self._lock:
            items = [self.sources[source]] if source is not None else list(self.sources.values())
            updates = []
            for sp in items:
                total = sp.to_fetch if sp.to_fetch is not None else None
                done = sp.fetched + sp.failed + sp.unchanged
                if final and total is None:
                    total = done
                updates.append((self._tasks[sp.source], total, done, self._counts(sp)))
        for task_id, total, done, counts in updates:
            self._rich.update(task_id, total=total, completed=done, counts=counts)

    def close(self) -> None:
        self._rich.stop()


_installed: Progress | None = None


def install(progress: Progress | None) -> None:
    """The display the CLI chose for flows run in this process (None: log lines)."""
    global _installed
    _installed = progress


def installed() -> Progress | None:
    return _installed
