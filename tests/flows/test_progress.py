"""Progress as the stages report it: counts per source, from any thread, and what each display
makes of them."""

from __future__ import annotations

import io
import logging
import threading

from flows.progress import LiveProgress, LogProgress, Progress


def report(p: Progress) -> None:
    p.start(["a", "b"])
    p.discovering("a")
    p.discovered("a", 10, to_fetch=8)
    threads = [threading.Thread(target=p.fetched, args=("a",), kwargs={"ok": i != 0}) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    p.loading("a", 2)
    p.batch_loaded("a", documents=5, figures=20)


def test_counts_from_many_threads():
    p = Progress()
    report(p)
    a = p.sources["a"]
    assert (a.discovered, a.to_fetch, a.fetched, a.failed, a.batches, a.batches_loaded, a.documents, a.figures) == (
        10, 8, 7, 1, 2, 1, 5, 20)
    assert p.sources["b"].phase == "waiting"
    p.stopping()
    assert a.phase == "stopping" and p.sources["b"].phase == "stopping"
    p.loading("a", 2)  # a stopping source stays so until it has finished
    assert a.phase == "stopping"
    p.finished("a", "interrupted")
    assert a.phase == "interrupted"


def test_log_lines_at_most_every_interval(caplog):
    logger = logging.getLogger("pressetl.test-progress")
    with caplog.at_level(logging.INFO, logger=logger.name):
        report(LogProgress(logger, interval=3600))
    assert caplog.records == []  # nothing yet: the first line comes after the interval
    with caplog.at_level(logging.INFO, logger=logger.name):
        p = LogProgress(logger, interval=0)
        report(p)
    last = [r.getMessage() for r in caplog.records if "source a" in r.getMessage()][-1]
    assert last == "progress: source a: loading; discovered 10, fetched 7, failed 1; batches loaded 1 of 2"


def test_the_live_display_draws_with_rich():
    from rich.console import Console

    out = io.StringIO()
    p = LiveProgress(Console(file=out, force_terminal=True, width=160))
    report(p)
    p.finished("a", "completed")
    p.close()
    text = out.getvalue()
    assert "completed" in text and "discovered    10" in text and "batches 1/2" in text and "figures 20" in text
