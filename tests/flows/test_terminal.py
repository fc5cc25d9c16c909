"""`pressetl run` on a real terminal, as a person runs it: a pseudo-terminal whose line discipline
turns the byte Ctrl-C types (0x03) into SIGINT for the foreground process group.

A run shows its progress live, one Ctrl-C stops it within seconds in both modes with one line
saying what was kept (exit 130, the run recorded as interrupted), and a run against a Prefect
API that is not there says so in one line (exit 3).
"""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import duckdb
import pytest

from tests.flows.fixture_site import FixtureSite, html

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
NOISE = ("Traceback", "Crash detected", "Unable to connect", "websocket", "Finished in state Running",
         "KeyboardInterrupt", "telemetry", "anonymous usage")


class Terminal:
    """A command on a pseudo-terminal of ``cols`` x ``rows``, its output collected as it comes."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path, cols: int = 180, rows: int = 50) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # setsid -c: a session of its own with this terminal as its controlling terminal, so the
        # terminal's Ctrl-C reaches it as it would from a shell
        self.proc = subprocess.Popen(["setsid", "-c", *argv], stdin=slave, stdout=slave, stderr=slave,
                                     env=env, cwd=cwd, close_fds=True)
        os.close(slave)
        self._out = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:  # EIO: the other side is closed
                return
            if not data:
                return
            with self._lock:
                self._out += data

    def text(self) -> str:
        with self._lock:
            raw = self._out.decode("utf-8", "replace")
        return ANSI.sub("", raw).replace("\r", "")

    def wait_for(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = re.search(pattern, self.text())
            if m:
                return m
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        pytest.fail(f"{pattern!r} not on the terminal (exit {self.proc.poll()}):\n{self.text()[-4000:]}")

    def ctrl_c(self) -> None:
        os.write(self.master, b"\x03")

    def wait_exit(self, timeout: float) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self._reader.join(timeout=2)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


@pytest.fixture
def terminal():
    opened: list[Terminal] = []

    def open_(argv, env, cwd) -> Terminal:
        t = Terminal(argv, env, cwd)
        opened.append(t)
        return t

    yield open_
    for t in opened:
        t.close()


def user_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PRESSETL_"))}
    env.update({"HOME": str(home), "TERM": "xterm-256color", "PYTHONUNBUFFERED": "1", **extra})
    env.pop("NO_COLOR", None)
    return env


def article(i: int) -> str:
    return (f"<html><head><title>禁毒通报{i}</title></head><body><article><h1>禁毒通报{i}</h1>"
            f"<p>2024年6月26日,今年1至5月,全省共破获毒品刑事案件{5000 + i}起,缴获毒品11689.4公斤,"
            "抓获犯罪嫌疑人5648人。全省禁毒工作取得新进展,各地持续开展专项行动。</p></article></body></html>")


def serve_articles(site: FixtureSite, n: int, delay: float) -> None:
    links = "".join(f"<a href='/a/{i}.html'>通报{i}</a>" for i in range(n))
    site.route("/list.html", html(f"<html><body>{links}</body></html>"))
    for i in range(n):
        site.route(f"/a/{i}.html", html(article(i), delay=delay))


def sources_file(tmp_path: Path, site: FixtureSite) -> Path:
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: slow-bureau\n    kind: http\n    url: {site.url('/list.html')}\n"
                   "    link_pattern: '/a/'\n    allow_private_network: true\n    delay_seconds: 0\n"
                   "    concurrency: 2\n", encoding="utf-8")
    return cfg


def runs(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT status, finished_at IS NOT NULL, documents_new, figures FROM runs").fetchall()


def check_interrupted(t: Terminal, rc: int, took: float, db: Path, mode: str) -> tuple[int, int]:
    out = t.text()
    assert rc == 130, out[-3000:]
    assert took < 5.0, f"{mode}: Ctrl-C took {took:.1f} s to end the run"
    print(f"{mode}: Ctrl-C to exit {took:.2f} s")
    lines = [ln for ln in out.splitlines() if ln.startswith("interrupted")]
    assert len(lines) == 1, out[-3000:]
    for noise in NOISE:
        assert noise not in out, f"{noise!r} on the terminal:\n{out[-3000:]}"
    m = re.match(r"interrupted: kept (\d+) new or changed documents and (\d+) figures", lines[0])
    assert m, lines[0]
    ((status, ended, docs, figures),) = runs(db)
    assert (status, ended) == ("interrupted", True)
    assert (docs, figures) == (int(m.group(1)), int(m.group(2)))
    return docs, figures


@pytest.mark.timeout(180)
def test_prefect_run_shows_progress_and_one_ctrl_c_stops_it(tmp_path, terminal):
    home = tmp_path / "home"
    home.mkdir()
    db = tmp_path / "w.duckdb"
    with FixtureSite() as site:
        serve_articles(site, 120, delay=0.5)  # a polite crawl of a slow site: about 30 s
        t = terminal([sys.executable, "-m", "flows.cli", "run", "--config", str(sources_file(tmp_path, site)),
                      "--db", str(db)], user_env(home), tmp_path)
        # the live display: the source, its bar and counts, moving
        t.wait_for(r"slow-bureau\s.*fetching\s+discovered\s+120\s+fetched\s+[3-9]", timeout=120)
        t0 = time.monotonic()
        t.ctrl_c()
        rc = t.wait_exit(timeout=30)
        took = time.monotonic() - t0
    check_interrupted(t, rc, took, db, "prefect")
    assert "Finished in state Completed()" not in t.text()  # per-task lines are hidden by default


@pytest.mark.timeout(120)
def test_plain_run_keeps_the_batches_loaded_before_ctrl_c(tmp_path, terminal):
    db = tmp_path / "w.duckdb"
    with FixtureSite() as site:
        serve_articles(site, 400, delay=0.02)
        # pages stream into batches while fetching goes on: a slow site and small batches, so the
        # run is stopped once some batches are loaded and well before the last page is fetched
        t = terminal([sys.executable, "-m", "flows.cli", "run", "--plain", "--config",
                      str(sources_file(tmp_path, site)), "--db", str(db)],
                     user_env(tmp_path, PRESSETL_BATCH_SIZE="4"), tmp_path)
        t.wait_for(r"slow-bureau\s.*discovered\s+400\s+fetched\s+\d+.*batches [1-9]\d*/", timeout=90)
        t0 = time.monotonic()
        t.ctrl_c()
        rc = t.wait_exit(timeout=30)
        took = time.monotonic() - t0
    docs, figures = check_interrupted(t, rc, took, db, "plain")
    assert 0 < docs < 400 and figures > 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (docs,)


def test_a_stopped_api_is_one_line_with_its_own_exit_status(tmp_path, terminal):
    import socket

    with socket.socket() as s:  # a port nobody listens on: the server "was stopped"
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.monotonic()
    t = terminal([sys.executable, "-m", "flows.cli", "run", "--db", str(tmp_path / "w.duckdb")],
                 user_env(tmp_path, PREFECT_API_URL=f"http://127.0.0.1:{port}/api"), tmp_path)
    rc = t.wait_exit(timeout=60)
    out = [ln for ln in t.text().splitlines() if ln.strip()]
    assert rc == 3, out
    assert out == [f"pressetl run: the Prefect API at http://127.0.0.1:{port}/api is not reachable (connection "
                   "refused); start it with `prefect server start`, or run without it: `pressetl run --plain`"]
    assert time.monotonic() - t0 < 30
    assert not (tmp_path / "w.duckdb").exists()
