"""Two ingest runs at once against one warehouse leave the rows of one run.

Each run is its own process (as two deployments' flow runs are); the loads take turns through
the warehouse's writer lock, and the second run to load a document finds it unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 240

# natural keys of what a run stores; run ids and timestamps differ between runs by design
SNAPSHOT = {
    "sources": "SELECT name, kind, region, source_group FROM sources",
    "raw_pages": "SELECT url, page_sha256, source FROM raw_pages",
    "documents": "SELECT url, version, text_sha256, page_sha256, source, title, published_at FROM documents",
    "extractions": "SELECT document_url, document_version, extractor, extractor_version, figures FROM extractions",
    "extracted_figures": 'SELECT document_url, document_version, extractor, extractor_version, start, "end", '
                         "value, unit, metric, period_start, period_end, region FROM extracted_figures",
    "fetch_state": "SELECT url, source, page_sha256, is_article FROM fetch_state",
    "errors": "SELECT DISTINCT source, url, stage, reason FROM errors",
    "figures": "SELECT document_url, metric, value, unit, period_start, period_end, region FROM figures",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in SNAPSHOT.items()}
    finally:
        con.close()


def start_run(db: Path, home: Path, plain: bool) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PRESSETL_"))}
    env.update({"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    cmd = [sys.executable, "-m", "flows.cli", "run", "--db", str(db)] + (["--plain"] if plain else [])
    return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, text=True, start_new_session=True)


def finish(p: subprocess.Popen) -> tuple[int, str]:
    try:
        out, _ = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        out, _ = p.communicate(timeout=10)
        pytest.fail(f"`{' '.join(p.args)}` did not finish in {TIMEOUT} s:\n{out[-3000:]}")
    return p.returncode, out


@pytest.fixture(scope="module")
def one_run(tmp_path_factory) -> tuple[int, dict[str, list[tuple]]]:
    """The exit code and rows of one run alone (a plain run: the flow stores the same rows, as
    tests/flows/test_ingest_flow.py shows), the reference of both tests."""
    root = tmp_path_factory.mktemp("one-run")
    code, out = finish(start_run(root / "one.duckdb", root / "home", plain=True))
    assert code in (0, 1), out
    expected = snapshot(root / "one.duckdb")
    assert expected["documents"] and expected["extracted_figures"], "the reference run stored nothing"
    return code, expected


@pytest.mark.parametrize("plain", [False, True], ids=["flow", "plain"])
def test_two_runs_at_once_leave_the_rows_of_one(tmp_path, plain, one_run):
    code, expected = one_run
    shared = tmp_path / "shared.duckdb"
    runs = [start_run(shared, tmp_path / f"home{i}", plain) for i in (1, 2)]
    results = [finish(p) for p in runs]
    for c, o in results:
        assert c == code, o

    assert snapshot(shared) == expected
    con = duckdb.connect(str(shared), read_only=True)
    try:
        statuses = con.execute("SELECT status FROM runs").fetchall()
    finally:
        con.close()
    assert len(statuses) == 2 and all(s != "running" for (s,) in statuses)
