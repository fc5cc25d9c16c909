"""The time limit per document (flows.limits): a worker over its time is killed and the document
left out; a worker that dies is one errors row; a stop kills a busy worker at once; workers die
with their process. Real worker processes, real documents."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from flows import limits, stopping
from flows.errors import DocumentError, LimitError
from flows.model import Page
from flows.stopping import Stopped
from tests import tally

pytestmark = pytest.mark.reliability

SLOW = Page(url="https://press.example.gov.cn/slow.txt", source="t",
            body=("今年1至5月，" + "全省共破获毒品刑事案件5453起，缴获毒品11689.4公斤，" * 40_000).encode())
GOOD = Page(url="https://press.example.gov.cn/good.html", source="t", body=(
    "<html><body><article><p>今年1至5月,全省共破获毒品刑事案件5453起，抓获犯罪嫌疑人5648人，"
    "各地持续开展专项行动。</p></article></body></html>").encode())


def workers_of_this_process() -> list[int]:
    mine = f", {os.getpid()})".encode()
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if b"m.serve(" in cmdline and mine in cmdline:
                out.append(int(entry))
    return out


def in_background(fn) -> tuple[threading.Thread, list]:
    result: list = []

    def go():
        try:
            result.append(fn())
        except BaseException as e:  # handed to the test
            result.append(e)

    t = threading.Thread(target=go)
    t.start()
    return t, result


def test_a_document_over_the_limit_is_left_out_at_its_stage_and_the_worker_replaced():
    start = time.monotonic()
    with pytest.raises(LimitError) as e:
        limits.clean_and_extract(SLOW, "云南省", seconds=1.5)
    assert 1.5 <= time.monotonic() - start < 6
    assert e.value.stage == "extract" and "took longer than 1.5 s to extract" in e.value.reason
    doc, figures = limits.clean_and_extract(GOOD, "云南省", seconds=30)
    assert figures and "破获毒品刑事案件" in doc.text
    tally.add(faults=1)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far (0.0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_worker_that_dies_is_one_failure_naming_the_signal():
    t, result = in_background(lambda: limits.clean_and_extract(SLOW, "云南省", seconds=120))
    # well into the document (it takes some twenty seconds of CPU): a worker that has worked three seconds
    # since it was first seen holds it, not one still starting or not yet handed it. The workers are
    # listed again at every look: the document may go to a worker started after the first look (a lane
    # whose worker was replaced), and on a busy machine the handover can take longer than any fixed
    # wait (a worker killed idle loses nothing: the page goes to the next one, as the test below asks)
    first_seen: dict[int, float] = {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for pid in workers_of_this_process():
            first_seen.setdefault(pid, cpu_seconds(pid))
        if any(cpu_seconds(pid) - at >= 3.0 for pid, at in first_seen.items()):
            break
        time.sleep(0.1)
    for pid in workers_of_this_process():
        os.kill(pid, signal.SIGKILL)
    t.join(30)
    (err,) = result
    assert isinstance(err, DocumentError) and "ended with signal 9 (SIGKILL)" in err.reason, err
    assert limits.clean_and_extract(GOOD, "云南省", seconds=30)[1]  # a new worker takes the next one
    tally.add(faults=1)


def test_a_worker_killed_while_idle_loses_no_document():
    # killed between documents, a worker may still look alive when the next one is handed to it:
    # that document was never begun, so a new worker takes it instead of it being reported failed
    assert limits.clean_and_extract(GOOD, "云南省", seconds=30)[1]
    for _ in range(5):
        for pid in workers_of_this_process():
            os.kill(pid, signal.SIGKILL)
        assert limits.clean_and_extract(GOOD, "云南省", seconds=30)[1]
    tally.add(faults=5)


def test_a_stop_kills_a_busy_worker_at_once():
    stopping.reset()
    t, result = in_background(lambda: limits.clean_and_extract(SLOW, "云南省", seconds=60))
    time.sleep(1.5)
    asked = time.monotonic()
    stopping.request_stop()
    try:
        t.join(10)
        (err,) = result
        assert isinstance(err, Stopped)
        assert time.monotonic() - asked < 1.0
    finally:
        stopping.reset()
    tally.add(faults=1)


def test_idle_workers_stop_when_closed():
    limits.clean_and_extract(GOOD, "云南省", seconds=30)
    assert workers_of_this_process()
    limits.close_workers()
    deadline = time.monotonic() + 5
    while workers_of_this_process() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers_of_this_process() == []


def test_a_worker_outlives_the_thread_that_first_needed_it():
    """Threads come and go (a source's batch pool, a Prefect task): the workers they started must
    stay alive for the documents of other threads."""
    limits.close_workers()
    t, result = in_background(lambda: limits.clean_and_extract(GOOD, "云南省", seconds=30))
    t.join(30)
    assert result and not isinstance(result[0], BaseException), result
    (pid,) = workers_of_this_process()
    time.sleep(0.5)  # the thread has ended; a death signal tied to it would have come by now
    assert Path(f"/proc/{pid}").exists()
    doc, figures = limits.clean_and_extract(GOOD, "云南省", seconds=30)
    assert figures and workers_of_this_process() == [pid]  # the same worker took the next document
