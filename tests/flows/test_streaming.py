"""Pages stream from acquisition to batches: bounded on the way, stored batch by batch, so an
interrupted crawl keeps what it loaded and the next run fetches only the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb

from flows import pipeline
from flows.config import load_sources
from flows.settings import Settings
from tests.flows.fixture_site import Reply

SAMPLES = Path(__file__).resolve().parents[2] / "flows" / "samples"


def serve_articles(site, n: int) -> None:
    pages = sorted(SAMPLES.rglob("*.html"))
    for i in range(n):
        body = pages[i % len(pages)].read_bytes()
        body = body.replace(b"</body>", f"<p>No. {i:04d}</p>".encode() + b"</body>", 1)
        ctype = "text/html; charset=gb18030" if b"charset=gb" in body[:2000].lower() else "text/html"
        site.route(f"/a/{i}.html", Reply(body=body, headers={"Content-Type": ctype}))
    links = "".join(f'<li><a href="/a/{i}.html">稿件{i}</a></li>' for i in range(n))
    site.route("/list.html", Reply(body=f"<html><body><ul>{links}</ul></body></html>".encode(),
                                   headers={"Content-Type": "text/html; charset=utf-8"}, etag='"list1"'))


def sources_yaml(path: Path, site, *, delay: float) -> Path:
    path.write_text(
        "sources:\n  - name: crawl\n    kind: http\n    region: 云南省\n"
        f"    url: {site.url('/list.html')}\n    link_pattern: '/a/\\d+\\.html$'\n"
        f"    allow_private_network: true\n    delay_seconds: {delay}\n    concurrency: 1\n",
        encoding="utf-8")
    return path


def test_the_stream_holds_back_the_fetchers_when_batches_fall_behind(site, tmp_path):
    serve_articles(site, 40)
    cfg = sources_yaml(tmp_path / "s.yaml", site, delay=0)
    settings = Settings(sources_path=cfg, db_path=tmp_path / "w.duckdb")
    stream = pipeline.PageStream(load_sources(cfg), settings, {}, maxsize=5)
    taken = 0
    for _name, item in stream:
        if item is None or not hasattr(item, "body"):
            continue
        taken += 1
        time.sleep(0.05)  # a slow consumer: the fetchers may run at most the queue (and one page each) ahead
        fetched = sum(1 for p in site.paths() if p.startswith("/a/"))
        assert fetched <= taken + 5 + 8, (fetched, taken)  # the queue, and a page held by each of 8 fetchers
        if taken == 10:
            assert fetched < 40, "the fetchers ran to the end while the consumer held ten pages"
            break
    time.sleep(0.5)  # leaving the loop stops the acquisition: no page is fetched after that
    settled = sum(1 for p in site.paths() if p.startswith("/a/"))
    time.sleep(0.5)
    assert sum(1 for p in site.paths() if p.startswith("/a/")) == settled


def test_an_interrupted_crawl_keeps_its_batches_and_the_next_run_fetches_the_rest(site, tmp_path):
    n = 60
    serve_articles(site, n)
    cfg = sources_yaml(tmp_path / "s.yaml", site, delay=0.15)  # a polite crawl: about 7 pages a second
    db = tmp_path / "w.duckdb"
    env = {**os.environ, "PRESSETL_BATCH_SIZE": "10"}
    p = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--plain", "--config", str(cfg), "--db", str(db)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # until a batch is stored (read between two batches' loads)
        try:
            with duckdb.connect(str(db), read_only=True) as con:
                if con.execute("SELECT count(*) FROM documents").fetchone()[0] >= 10:
                    break
        except duckdb.Error:
            pass  # not created yet, or a batch is loading
        time.sleep(0.1)
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    first_hits = {q for q in site.paths() if q.startswith("/a/")}
    assert len(first_hits) < n, "the crawl was not interrupted half-way"

    con = duckdb.connect(str(db), read_only=True)
    try:
        kept = {u.rsplit("/", 1)[1] for (u,) in con.execute("SELECT url FROM documents").fetchall()}
        assert con.execute("SELECT count(*) FROM fetch_state WHERE NOT is_article").fetchone()[0] == 0, \
            "the listing's validators were stored before the source was done"
    finally:
        con.close()
    assert len(kept) >= 10, "no batch was stored before the crawl was interrupted"

    site.clear_log()
    out = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--plain", "--config", str(cfg), "--db", str(db)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    again = [q.rsplit("/", 1)[1] for q in site.paths() if q.startswith("/a/")]
    assert "/list.html" in site.paths(), "the listing was not read again"
    assert not kept & set(again), "pages stored by the interrupted run were fetched again"
    assert len(again) == len(set(again)) == n - len(kept)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT url) FROM documents").fetchone() == (n, n)
    finally:
        con.close()


def _ingest_counting_batches(settings: Settings, cfg: Path) -> tuple[list, list[int]]:
    """The sources of ``cfg`` ingested batch by batch in this thread: their outcomes, and the number
    of pages of each batch sent."""
    from concurrent.futures import Future

    sizes: list[int] = []
    lock = threading.Lock()

    def submit(*args):
        with lock:
            sizes.append(len(args[4]))
        f: Future = Future()
        f.set_result(pipeline.ingest_batch(*args))
        return f

    run_id = pipeline.new_run_id()
    sources = load_sources(cfg)
    seen = pipeline.prepare_run(settings, run_id, "test", sources)
    outcomes, _ = pipeline.ingest_sources(settings, run_id, sources, seen, submit)
    return outcomes, sizes


def test_a_slow_crawl_commits_a_batch_before_it_is_full(site, tmp_path):
    serve_articles(site, 6)
    cfg = sources_yaml(tmp_path / "s.yaml", site, delay=0.4)
    settings = Settings(sources_path=cfg, db_path=tmp_path / "w.duckdb", batch_size=100, batch_seconds=0.5,
                        workers=0)
    outcomes, sizes = _ingest_counting_batches(settings, cfg)
    assert outcomes[0].documents_new == 6
    assert len([s for s in sizes if s]) >= 2 and max(sizes) < 6, f"batch sizes: {sizes}"


def test_a_folder_whose_pages_all_went_out_sends_no_empty_batch(tmp_path):
    # a folder has no listing validators to hold back: once its last page is in a batch there is
    # nothing left to store, and an empty batch would be one more load transaction at the run's end
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, page in enumerate(sorted(SAMPLES.rglob("*.html"))[:4]):
        (folder / f"{i}.html").write_bytes(page.read_bytes())
    cfg = tmp_path / "s.yaml"
    cfg.write_text(f"sources:\n  - name: folder\n    kind: directory\n    region: 云南省\n    path: {folder}\n",
                   encoding="utf-8")
    settings = Settings(sources_path=cfg, db_path=tmp_path / "w.duckdb", batch_size=2, workers=0)
    outcomes, sizes = _ingest_counting_batches(settings, cfg)
    assert outcomes[0].documents_new == 4 and outcomes[0].status == "completed", outcomes[0]
    assert sizes == [2, 2], f"batch sizes: {sizes}"
