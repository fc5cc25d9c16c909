"""Retries: a batch task that fails part-way, at an injected fault, and is retried by Prefect
leaves the same rows as a clean pass. Three places a batch can fail: in the middle of cleaning
(after some of its documents), in the load's transaction (after its pages and documents were
merged, before it commits), and after it committed (before the task returns, so the retry loads
the batch a second time). The flow and its retries are Prefect's own, under a temporary API."""

from __future__ import annotations

import threading

import duckdb
import pytest

import warehouse.load
from flows import pipeline
from tests import tally
from tests.flows.reliability import BATCH_SIZE, Corpus, compare

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.reliability]

DOCS = 60


class Fault:
    """Raises once, at the ``at``-th call of what it stands in for (before it, or with ``after``
    once it returned); counts what fired."""

    def __init__(self, real, at: int, error: Exception, *, after: bool = False) -> None:
        self.real, self.at, self.error, self.after = real, at, error, after
        self.calls = 0
        self.fired = 0
        self.lock = threading.Lock()

    def __call__(self, *args, **kwargs):
        with self.lock:  # batches run in threads: each call gets a number of its own
            self.calls += 1
            fire = self.calls == self.at
        if fire and not self.after:
            self.fired += 1
            raise self.error
        result = self.real(*args, **kwargs)
        if fire:  # ``after``: once the real call has done its work
            self.fired += 1
            raise self.error
        return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    with Corpus(tmp_path_factory.mktemp("retries"), DOCS) as c:
        yield c


@pytest.fixture
def ingest(monkeypatch):
    monkeypatch.setenv("PRESSETL_BATCH_SIZE", str(BATCH_SIZE))
    monkeypatch.setenv("PRESSETL_BATCHES_IN_FLIGHT", "1")  # one batch at a time: each fault in a batch of its own
    from flows.ingest import ingest

    return ingest


@pytest.fixture(scope="module")
def clean_pass(corpus, tmp_path_factory):
    import os

    from flows.ingest import ingest

    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    os.environ["PRESSETL_BATCH_SIZE"] = str(BATCH_SIZE)
    try:
        summary = ingest(config=str(corpus.cfg), db=str(db))
    finally:
        del os.environ["PRESSETL_BATCH_SIZE"]
    assert summary["status"] == "partial" and summary["sources"][0]["new"] == DOCS
    return db


def faults(monkeypatch) -> list[Fault]:
    """The three faults, each in a different batch."""
    processed = Fault(pipeline.Processed, at=7, error=RuntimeError("injected: cleaning host lost"))
    monkeypatch.setattr(pipeline, "Processed", processed)

    # in the load's transaction, after the second batch's pages and documents were merged
    mid_load = Fault(warehouse.load.assign_stories, at=2, error=duckdb.IOException("injected: the disk went away"))
    monkeypatch.setattr(warehouse.load, "assign_stories", mid_load)
    # the third batch's load commits, then the task fails before it returns
    after_commit = Fault(pipeline.load, at=5, error=ConnectionError("injected: lost the API after commit"), after=True)
    monkeypatch.setattr(pipeline, "load", after_commit)
    return [processed, mid_load, after_commit]


def test_batches_that_fail_part_way_and_are_retried_leave_the_rows_of_a_clean_pass(
        corpus, clean_pass, ingest, tmp_path, monkeypatch):
    injected = faults(monkeypatch)
    db = tmp_path / "retried.duckdb"
    summary = ingest(config=str(corpus.cfg), db=str(db))
    fired = sum(f.fired for f in injected)
    tally.add(faults=fired)
    assert [f.fired for f in injected] == [1, 1, 1]
    # the six bad pages make it partial; the batch retried after its commit counts as unchanged the
    # second time (its rows are not doubled: the counts say what each attempt found)
    assert summary["status"] == "partial"
    assert summary["sources"][0]["new"] + summary["sources"][0]["unchanged"] == DOCS
    diff = compare(clean_pass, db)
    tally.add(compared=diff.rows, lost=sum(diff.lost.values()),
              doubled=sum(diff.doubled.values()))
    assert diff.clean, str(diff)
    con = duckdb.connect(str(db), read_only=True)
    try:
        reasons = [r for (r,) in con.execute("SELECT reason FROM errors").fetchall()]
    finally:
        con.close()
    assert not any("injected" in r for r in reasons)  # the retries succeeded: no fault is left as a failure
