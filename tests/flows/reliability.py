"""The kill harness: a corpus served over HTTP on 127.0.0.1, `pressetl run` killed (SIGKILL) or
interrupted (SIGINT) at chosen stages, and the warehouse compared with one uninterrupted run.

    with Corpus(docs=300) as corpus:
        reference = corpus.reference_run(tmp / "clean.duckdb")
        outcome = stop_run(corpus.cfg, db, signal.SIGKILL, stage="load", occurrence=2, delay=0.01)
        ...
        finish_run(corpus.cfg, db)
        diff = compare(reference, db)          # lost, doubled, orphans, per table

The run is the CLI's own (tests/flows/traced_run.py adds a trace of its stage on a pipe), in a
process of its own; the stage it was in when the signal landed is the last line it traced.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from tests.flows.fixture_site import FixtureSite, Reply, html

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "flows" / "samples").rglob("*.html"))
STAGES = ("fetch", "clean", "extract", "load", "finish")
BATCH_SIZE = 20  # small batches: a corpus of 300 is 15 loads, so kills find work left in later runs


# ---------------------------------------------------------------- the corpus


class Corpus:
    """A fixture site with a listing of ``docs`` articles (the sample releases, each made distinct
    by a numbered paragraph with a figure of its own) and six pages that fail: three 404s, two
    empty pages and an image. Written as a sources.yaml in ``folder``."""

    BAD = {"/a/9001.html": Reply(status=404, body=b"gone"), "/a/9002.html": Reply(status=404, body=b"gone"),
           "/a/9003.html": Reply(status=404, body=b"gone"),
           "/a/9004.html": Reply(body=b"", headers={"Content-Type": "text/html"}),
           "/a/9005.html": Reply(body=b"   \n", headers={"Content-Type": "text/html"}),
           "/a/9006.html": Reply(body=b"\x89PNG\r\n\x1a\n" + bytes(200), headers={"Content-Type": "text/html"})}

    def __init__(self, folder: Path, docs: int) -> None:
        self.folder = folder
        self.docs = docs
        self.site = FixtureSite()

    def __enter__(self) -> Corpus:
        self.site.__enter__()
        paths = [f"/a/{i:04d}.html" for i in range(self.docs)]
        for i, path in enumerate(paths):
            self.site.route(path, Reply(body=article(i), headers={"Content-Type": "text/html"}))
        for path, reply in self.BAD.items():
            self.site.route(path, reply)
        links = [*paths[: self.docs // 2], *self.BAD, *paths[self.docs // 2:]]
        # the listing has an ETag: a run that stored it too early would get 304 and miss the rest
        self.site.route("/list.html", html("<html><body>" + "".join(f"<a href='{p}'>{p}</a>" for p in links)
                                           + "</body></html>", etag='"listing-1"'))
        self.cfg = self.folder / "sources.yaml"
        self.cfg.write_text(
            "sources:\n  - name: corpus\n    kind: http\n"
            f"    url: {self.site.url('/list.html')}\n    link_pattern: '/a/\\d+\\.html$'\n"
            "    region: 云南省\n    allow_private_network: true\n    delay_seconds: 0\n    concurrency: 4\n",
            encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        self.site.__exit__(*exc)


def article(i: int) -> bytes:
    """Sample release number i % 15 with a numbered paragraph first in its body (character
    references, so the bytes stay valid in the sample's own encoding)."""
    body = SAMPLES[i % len(SAMPLES)].read_bytes()
    marker = f"<p>第{i + 1}号通报：本期受理群众来信{i + 7}件，办结{i + 5}件。</p>".encode("ascii", "xmlcharrefreplace")
    return body.replace(b"<p", marker + b"<p", 1)


# ---------------------------------------------------------------- running and stopping runs


@dataclass
class Outcome:
    """How one run ended."""

    signal: str | None  # SIGKILL or SIGINT, None when it ran to its end
    stage: str | None  # the stage it was in when the signal landed (None: ran to its end)
    returncode: int
    stderr: str
    seconds_to_exit: float  # from the signal (or the start) to the process's end
    trace: list[str] = field(default_factory=list)
    leftover_workers: int = 0  # cleaning workers of this run still alive after it ended

    @property
    def run_id(self) -> str | None:
        return next((line.split(" ", 1)[1] for line in self.trace if line.startswith("run ")), None)

    def expected_status(self, reference: str) -> set[str | None]:
        """How the warehouse should have recorded this run (None: not at all)."""
        recorded = "fetch" in self.trace  # prepare_run had committed the run's row
        if self.signal is None:
            return {reference}
        if self.signal == "SIGKILL":
            if self.stage == "finish":  # killed as its end was being recorded: before or after the commit
                return {"abandoned", reference}
            return {"abandoned"} if recorded else {"abandoned", None}
        if self.stage in ("load", "finish", "done"):  # a batch being loaded commits; if it was the last,
            return {"interrupted", reference}  # or the end was being recorded, the run ends as it was ending
        return {"interrupted"} if recorded else {"interrupted", None}


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRESSETL_")}
    env.update({"PRESSETL_BATCH_SIZE": str(BATCH_SIZE), "PYTHONUNBUFFERED": "1"})
    return env


def stage_at(trace: list[str], stage: str | None) -> str | None:
    """The stage a run was in at the end of ``trace``: ``stage`` if one of its threads was inside it
    (a load is entered with "load" and left with "/load"), else the last stage any thread entered."""
    if stage and trace.count(stage) > trace.count("/" + stage):
        return stage
    return next((line for line in reversed(trace) if not line.startswith("/")), None)


def traced_run(cfg: Path, db: Path, *, sig: int | None = None, stage: str | None = None, occurrence: int = 1,
               delay: float = 0.0, plain: bool = True, timeout: float = 600.0) -> Outcome:
    """`pressetl run` over ``cfg`` into ``db``; with ``sig``, sent ``delay`` seconds after the run
    enters ``stage`` for the ``occurrence``-th time (if it gets there). SIGINT goes to the run's
    whole process group, as a terminal's Ctrl-C does; SIGKILL to the run's process alone."""
    read_fd, write_fd = os.pipe()
    argv = [sys.executable, "-m", "tests.flows.traced_run", str(write_fd), "run", "--config", str(cfg),
            "--db", str(db)] + (["--plain"] if plain else [])
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=err,
                                pass_fds=[write_fd], start_new_session=True)
        os.close(write_fd)
        trace: list[str] = []
        buf = b""
        seen: Counter[str] = Counter()
        sent_at: float | None = None
        at_signal: str | None = None
        started = time.monotonic()
        eof = False

        def read(wait: float) -> None:
            nonlocal buf, eof
            ready, _, _ = select.select([read_fd], [], [], wait)
            if not ready:
                return
            chunk = os.read(read_fd, 65536)
            if not chunk:
                eof = True
                return
            buf += chunk
            read_buffered()

        def read_buffered() -> None:
            nonlocal buf
            while b"\n" in buf:  # line by line, stopping at the one that triggers the signal
                line, buf = buf.split(b"\n", 1)
                trace.append(line.decode())
                seen[line.decode()] += 1
                if sig is not None and sent_at is None and line.decode() == stage and seen[stage] >= occurrence:
                    return

        try:
            while not eof:
                if time.monotonic() - started > timeout:
                    raise TimeoutError(f"run did not end in {timeout} s; trace ends {trace[-5:]}")
                if b"\n" not in buf:
                    read(0.05)
                else:  # lines left over from the last read
                    read_buffered()
                if sig is not None and sent_at is None and stage is not None and seen[stage] >= occurrence:
                    if delay:
                        time.sleep(delay)
                    while not eof and select.select([read_fd], [], [], 0)[0]:
                        read(0)
                    while b"\n" in buf:
                        read_buffered()
                    at_signal = stage_at(trace, stage)
                    if sig == signal.SIGINT:
                        os.killpg(proc.pid, signal.SIGINT)
                    else:
                        os.kill(proc.pid, sig)
                    sent_at = time.monotonic()
            while b"\n" in buf:
                read_buffered()
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            os.close(read_fd)
        ended = time.monotonic()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if sig == signal.SIGKILL and sent_at is not None:
        at_signal = stage_at(trace, stage)  # nothing was written after the kill: exact
    return Outcome(
        signal=signal.Signals(sig).name if sig is not None and sent_at is not None else None,
        stage=at_signal if sent_at is not None else None,
        returncode=proc.returncode, stderr=stderr,
        seconds_to_exit=ended - (sent_at if sent_at is not None else started), trace=trace,
        leftover_workers=_workers_of(proc.pid),
    )


def _workers_of(pid: int, wait: float = 2.0) -> int:
    """Cleaning workers started by process ``pid`` that are still alive (they die with it)."""
    needle = b"m.serve("
    tail = f", {pid})".encode()
    deadline = time.monotonic() + wait
    while True:
        alive = 0
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
                state = Path(f"/proc/{entry}/stat").read_text().split(") ", 1)[1][:1]
            except OSError:
                continue
            if needle in cmdline and tail in cmdline and state != "Z":
                alive += 1
        if alive == 0 or time.monotonic() >= deadline:
            return alive
        time.sleep(0.05)


# ---------------------------------------------------------------- comparing warehouses


# table -> (natural key, the columns compared besides it)
TABLES: dict[str, tuple[str, str]] = {
    "documents": ("url, version", "text_sha256, page_sha256, source, title, published_at"),
    "raw_pages": ("url, page_sha256", "source, status"),
    "extractions": ("document_url, document_version, extractor, extractor_version", "figures"),
    "extracted_figures": ('document_url, document_version, extractor, extractor_version, start, "end"',
                          "mention, value, unit, qualifier, subject, metric, kind, period_start, period_end, region"),
    "document_stories": ("url, version", "simhash"),
    "fetch_state": ("url", "source, etag, last_modified, page_sha256, is_article"),
    "regions": ("code", "name, level"),
    "sources": ("name", "kind, region"),
}

ORPHANS = {
    "documents without an extraction": "SELECT count(*) FROM documents d ANTI JOIN extractions e "
                                       "ON e.document_url = d.url AND e.document_version = d.version",
    "extractions without a document": "SELECT count(*) FROM extractions e ANTI JOIN documents d "
                                      "ON e.document_url = d.url AND e.document_version = d.version",
    "figures without an extraction": "SELECT count(*) FROM extracted_figures f ANTI JOIN extractions e "
                                     "ON e.document_url = f.document_url AND e.document_version = f.document_version "
                                     "AND e.extractor = f.extractor AND e.extractor_version = f.extractor_version",
    "raw pages without a document": "SELECT count(*) FROM raw_pages p ANTI JOIN documents d "
                                    "ON d.url = p.url AND d.page_sha256 = p.page_sha256",
    "documents without their raw page": "SELECT count(*) FROM documents d ANTI JOIN raw_pages p "
                                        "ON d.url = p.url AND d.page_sha256 = p.page_sha256",
    "documents without a story": "SELECT count(*) FROM documents d ANTI JOIN document_stories s "
                                 "ON s.url = d.url AND s.version = d.version",
    "stories without a document": "SELECT count(*) FROM document_stories s ANTI JOIN documents d "
                                  "ON s.url = d.url AND s.version = d.version",
    "run sources without a run": "SELECT count(*) FROM run_sources s ANTI JOIN runs r USING (run_id)",
    "errors without a run": "SELECT count(*) FROM errors e ANTI JOIN runs r USING (run_id)",
    "runs still running": "SELECT count(*) FROM runs WHERE status = 'running'",
}


@dataclass
class Diff:
    lost: Counter[str] = field(default_factory=Counter)  # per table: rows of the reference missing
    doubled: Counter[str] = field(default_factory=Counter)  # per table: rows beyond the reference's
    orphans: Counter[str] = field(default_factory=Counter)
    rows: int = 0  # rows compared

    @property
    def clean(self) -> bool:
        return not (+self.lost or +self.doubled or +self.orphans)

    def __str__(self) -> str:
        return f"lost {dict(+self.lost)}, doubled {dict(+self.doubled)}, orphans {dict(+self.orphans)}"


def _multiset(con: duckdb.DuckDBPyConnection, sql: str) -> Counter:
    return Counter(con.execute(sql).fetchall())


def compare(reference: Path, db: Path, outcomes: list[Outcome] | None = None) -> Diff:
    """``db`` against ``reference`` (one uninterrupted run): every table's rows as multisets,
    the failures recorded against the reference's, each run's recorded end against how it ended
    (``outcomes``, every run made on ``db``; without them every run must end as the reference's
    did), its sources, and orphans."""
    diff = Diff()
    ref = duckdb.connect(str(reference), read_only=True)
    got = duckdb.connect(str(db), read_only=True)
    try:
        for table, (key, cols) in TABLES.items():
            sql = f"SELECT {key}, {cols} FROM {table}"
            want, have = _multiset(ref, sql), _multiset(got, sql)
            diff.rows += sum(want.values())
            diff.lost[table] += sum((want - have).values())
            diff.doubled[table] += sum((have - want).values())
        # errors: every failure of the reference is recorded by some run, no other failure is, and
        # no run records one twice (a page that failed is asked again only until a run completes)
        failures = "SELECT DISTINCT url, stage, reason FROM errors"
        want, have = _multiset(ref, failures), _multiset(got, failures)
        diff.rows += sum(want.values())
        diff.lost["errors"] += sum((want - have).values())
        diff.doubled["errors"] += sum((have - want).values())
        diff.doubled["errors"] += got.execute(
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM errors GROUP BY run_id, source, url, stage)"
        ).fetchone()[0]
        # runs: each recorded as it ended (abandoned, interrupted, or as the reference run ended)
        (ref_status,), = ref.execute("SELECT status FROM runs").fetchall()
        recorded = dict(got.execute("SELECT run_id, status FROM runs").fetchall())
        for o in outcomes or []:
            if recorded.pop(o.run_id, None) not in o.expected_status(ref_status):
                diff.lost["runs"] += 1
        if outcomes is None:
            diff.lost["runs"] += sum(1 for status in recorded.values() if status != ref_status)
            recorded = {}
        diff.doubled["runs"] += len(recorded)  # runs nobody made
        diff.doubled["runs"] += got.execute(
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM runs GROUP BY run_id)").fetchone()[0]
        diff.doubled["run_sources"] += got.execute(
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM run_sources GROUP BY run_id, source)"
        ).fetchone()[0]
        diff.lost["run_sources"] += got.execute(
            "SELECT count(*) FROM runs r ANTI JOIN run_sources s USING (run_id) WHERE r.flow <> 'reextract'"
        ).fetchone()[0]
        for name, sql in ORPHANS.items():
            diff.orphans[name] += got.execute(sql).fetchone()[0]
    finally:
        ref.close()
        got.close()
    runs_dir = db.with_name(db.name + ".runs")
    diff.orphans["live-run lock files left"] += len(list(runs_dir.iterdir())) if runs_dir.exists() else 0
    return diff


def run_count(db: Path) -> Counter[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return Counter(dict(con.execute("SELECT status, count(*) FROM runs GROUP BY status").fetchall()))
    finally:
        con.close()
