"""Many writers: DuckLake on PostgreSQL, the Dask task runner, several Prefect process workers.

One Prefect server (`prefect server start` on a free port of 127.0.0.1) and one PostgreSQL
server (Debian's package, initdb and pg_ctl in a temporary folder, see tests/postgres.py) serve
every test of this module. The corpus is a folder per group of generated release pages (the
bundled samples, each made a distinct document), loaded in small batches so that writers
overlap many times.

- three `pressetl run` processes at once into one DuckLake warehouse while an analyst queries
  it: nothing lost, nothing doubled, the query answered; the views answer the analysts'
  queries as on the file warehouse;
- the flow with task_runner=dask (prefect-dask, a LocalCluster of 2 worker processes) builds
  the same warehouse as with threads;
- two process workers on one work pool drain a queue of four deployment runs into the lake.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.flows.test_deployment_e2e import PREFECT, REPO, Processes, free_port, prefect, start_server, tail
from tests.postgres import PostgresServer, postgres_bin

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(420)]

PRESSETL = str(Path(sys.executable).parent / "pressetl")
GROUPS = ["yunnan", "guangxi", "guizhou", "guangdong", "sichuan", "stats"]  # as the deployments of prefect.yaml
PAGES_PER_GROUP = 12
QUEUED = GROUPS[:4]  # the queue of deployment runs: two workers with room for two runs each


@pytest.fixture(scope="module")
def procs():
    ps = Processes()
    try:
        yield ps
    finally:
        ps.stop_all()


@pytest.fixture(scope="module")
def pg():
    if postgres_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed: .ci/run installs Debian's postgresql package")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    with PostgresServer() as server:
        yield server


@pytest.fixture(scope="module")
def server(tmp_path_factory, procs):
    """A Prefect server for the module; yields (api_url, env for the CLI and the workers)."""
    home = tmp_path_factory.mktemp("prefect")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PRESSETL_"))}
    env.update({
        "PREFECT_HOME": str(home / "home"), "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false", "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        "PREFECT_CLI_PROMPT": "false", "PREFECT_CLI_COLORS": "false", "PYTHONUNBUFFERED": "1",
    })
    start_server(procs, port, env, home / "server.log")
    yield api, env


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """sources.yaml with one directory source per group, PAGES_PER_GROUP distinct pages each."""
    root = tmp_path_factory.mktemp("corpus")
    samples = sorted((REPO / "flows" / "samples").rglob("*.htm*"))
    lines = ["sources:"]
    for g, group in enumerate(GROUPS):
        folder = root / group
        folder.mkdir()
        for i in range(PAGES_PER_GROUP):
            body = samples[(g * PAGES_PER_GROUP + i) % len(samples)].read_bytes()
            marker = f"<p>No. {group}-{i:03d}</p>".encode()
            (folder / f"{i:03d}.html").write_bytes(body.replace(b"</body>", marker + b"</body>", 1))
        lines += [f"  - name: {group}-releases", "    kind: directory", f"    path: {folder}",
                  "    glob: ['*.html']", "    region: 云南省", f"    group: {group}"]
    cfg = root / "sources.yaml"
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cfg


def lake_url(pg: PostgresServer, name: str, data: Path) -> str:
    pg.create_database(name)
    return f"ducklake+postgres://postgres@127.0.0.1:{pg.port}/{name}?data_path={data}"


def run_cli(env: dict[str, str], *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    res = subprocess.run([PRESSETL, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout,
                         stdin=subprocess.DEVNULL)
    assert res.returncode == 0, f"pressetl {' '.join(args)} exited {res.returncode}:\n{res.stdout}\n{res.stderr[-3000:]}"
    return res


def query(db, sql: str) -> list[tuple]:
    from warehouse.db import reading

    with reading(db) as con:
        return con.execute(sql).fetchall()


# What no writer may double: each table's natural key (the comments of 001_init.sql).
NATURAL_KEYS = {
    "raw_pages": "url, page_sha256",
    "documents": "url, version",
    "extractions": "document_url, document_version, extractor, extractor_version",
    "extracted_figures": "document_url, document_version, extractor, extractor_version, start, \"end\"",
    "fetch_state": "url",
    "sources": "name",
    "runs": "run_id",
    "run_sources": "run_id, source",
}


def assert_nothing_doubled(db) -> None:
    for table, key in NATURAL_KEYS.items():
        doubled = query(db, f"SELECT {key}, count(*) FROM {table} GROUP BY ALL HAVING count(*) > 1 LIMIT 3")
        assert doubled == [], f"{table}: rows doubled on ({key}): {doubled}"


# Analyst queries (docs/analysts.md) whose answers do not depend on when or by which run rows came.
ANALYST_QUERIES = [
    "SELECT document_url, metric, region, period_start, period_end, value, unit, qualifier, mention "
    "FROM figures ORDER BY ALL",
    "SELECT url, version, text_sha256, source, title, published_at FROM documents_current ORDER BY ALL",
    "SELECT what, region, period_start, period_end, value, unit, documents FROM claims ORDER BY ALL",
    "SELECT metric, region, period_start, period_end, claims, \"values\" FROM conflicts ORDER BY ALL",
    "SELECT metric, count(*), sum(value_normalised::DECIMAL(38, 4)) FROM figures GROUP BY metric ORDER BY ALL",
]


def test_three_ingest_flows_at_once_into_one_ducklake_while_an_analyst_queries(pg, server, corpus, tmp_path):
    from warehouse import lake

    _, env = server
    url = lake_url(pg, "lake3", tmp_path / "lake-data")
    env = {**env, "PRESSETL_DB": url, "PRESSETL_BATCH_SIZE": "4"}
    from warehouse.db import writing

    with writing(url):  # creates the lake and its schema once, so the three race on loads
        pass

    groups = GROUPS[:3]
    flows = [subprocess.Popen([PRESSETL, "run", "--config", str(corpus), "--group", g], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
             for g in groups]
    answers, errors = [], []
    deadline = time.monotonic() + 300
    while any(f.poll() is None for f in flows) and time.monotonic() < deadline:
        try:  # an analyst's query while the flows write
            answers.append(query(url, "SELECT count(*) FROM figures")[0][0])
        except Exception as e:  # noqa: BLE001 (reported below: the query must answer)
            errors.append(repr(e))
        time.sleep(0.3)
    outs = [f.communicate(timeout=60) for f in flows]
    for g, f, (out, err) in zip(groups, flows, outs, strict=True):
        assert f.returncode == 0, f"run of {g} exited {f.returncode}:\n{out}\n{err[-3000:]}"
    assert answers and not errors, f"the analyst's query failed while the flows ran: {errors[:3]}"
    assert answers == sorted(answers), "the analyst saw the figures go back"

    expected = PAGES_PER_GROUP * len(groups)
    assert query(url, "SELECT count(*) FROM documents") == [(expected,)]
    assert query(url, "SELECT count(*) FROM raw_pages") == [(expected,)]
    assert query(url, "SELECT flow, status, count(*) FROM runs GROUP BY ALL") == [("ingest", "completed", 3)]
    assert_nothing_doubled(url)
    total = query(url, "SELECT count(*) FROM extracted_figures")[0][0]
    assert total > expected and answers[-1] <= total

    # the same views answer the same queries as on the file warehouse
    db = tmp_path / "file.duckdb"
    for g in groups:
        run_cli({**env, "PRESSETL_DB": str(db)}, "run", "--plain", "--config", str(corpus), "--group", g)
    for sql in ANALYST_QUERIES:
        assert query(url, sql) == query(db, sql), sql
    lake.close_all()


def warehouse_rows(db: Path) -> dict[str, list[tuple]]:
    """What a run stores, without the times and run ids that differ between two runs."""
    return {
        "documents": query(db, "SELECT url, version, text_sha256, page_sha256, source, title, published_at "
                               "FROM documents ORDER BY ALL"),
        "raw_pages": query(db, "SELECT url, page_sha256, source, status FROM raw_pages ORDER BY ALL"),
        "extractions": query(db, "SELECT document_url, document_version, extractor, extractor_version, figures "
                                 "FROM extractions ORDER BY ALL"),
        "figures": query(db, "SELECT * FROM extracted_figures ORDER BY ALL"),
        "fetch_state": query(db, "SELECT url, source, page_sha256, is_article FROM fetch_state ORDER BY ALL"),
        "run_sources": query(db, "SELECT source, status, discovered, fetched, skipped, documents_new, figures, "
                                 "failures FROM run_sources ORDER BY ALL"),
    }


def test_the_dask_runner_builds_the_same_warehouse(server, corpus, tmp_path):
    _, env = server
    env = {**env, "PRESSETL_BATCH_SIZE": "5"}
    threads, dask = tmp_path / "threads.duckdb", tmp_path / "dask.duckdb"
    run_cli(env, "run", "--config", str(corpus), "--group", "sichuan", "--db", str(threads))
    res = run_cli({**env, "PRESSETL_TASK_RUNNER": "dask"}, "run", "--config", str(corpus), "--group", "sichuan",
                  "--db", str(dask))
    assert "completed" in res.stdout
    assert "LocalCluster" in res.stdout + res.stderr, "the run did not go through Dask"
    got, want = warehouse_rows(dask), warehouse_rows(threads)
    assert len(want["documents"]) == PAGES_PER_GROUP and len(want["figures"]) > PAGES_PER_GROUP
    for table in want:
        assert got[table] == want[table], table


def test_process_workers_drain_a_queue_of_deployment_runs_into_ducklake(pg, server, corpus, procs, tmp_path):
    from warehouse import lake

    api, env = server
    url = lake_url(pg, "lakeq", tmp_path / "lake-data")
    env = {**env, "PRESSETL_BATCH_SIZE": "4"}
    prefect(env, "work-pool", "create", "pressetl", "--type", "process", "--overwrite")
    prefect(env, "deploy", "--all")
    runs = []
    for g in QUEUED:  # the queue: one run of each group's deployment, all into the lake
        out = prefect(env, "deployment", "run", f"ingest/{g}", "--param", f"config={corpus}", "--param", f"db={url}")
        m = re.search(r"UUID:\s*([0-9a-f-]{36})", out)
        assert m, out
        runs.append(m.group(1))
    logs = [tmp_path / f"worker{i}.log" for i in range(2)]
    for i, log in enumerate(logs):
        procs.start([PREFECT, "worker", "start", "--pool", "pressetl", "--name", f"worker-{i}", "--limit", "2"],
                    env, log)
    deadline = time.monotonic() + 300
    with httpx.Client(base_url=api, timeout=10) as client:
        while True:
            states = {r: client.get(f"/flow_runs/{r}").raise_for_status().json()["state"]["type"] for r in runs}
            if all(s in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") for s in states.values()):
                break
            if time.monotonic() > deadline:
                pytest.fail(f"the workers did not drain the queue in 300 s: {states}\n{tail(logs[0])}\n{tail(logs[1])}")
            time.sleep(1)
        assert set(states.values()) == {"COMPLETED"}, f"{states}\n{tail(logs[0], 80)}\n{tail(logs[1], 80)}"
        spans = []
        for r in runs:
            fr = client.get(f"/flow_runs/{r}").raise_for_status().json()
            spans.append((fr["start_time"], fr["end_time"]))
    # a worker names each run it submits ("Worker 'worker-0' submitting flow run '<id>'")
    took = [sum(f"submitting flow run '{r}'" in log.read_text(errors="replace") for r in runs) for log in logs]
    assert min(took) >= 1, f"runs submitted per worker: {took}"
    assert any(a[0] < b[1] and b[0] < a[1] for i, a in enumerate(spans) for b in spans[i + 1:]), \
        "no two flow runs wrote at the same time"

    assert query(url, "SELECT count(*) FROM documents") == [(PAGES_PER_GROUP * len(QUEUED),)]
    assert query(url, "SELECT count(*), count(DISTINCT prefect_flow_run_id) FROM runs WHERE status = 'completed'") \
        == [(len(QUEUED), len(QUEUED))]
    assert_nothing_doubled(url)
    lake.close_all()
    shutil.rmtree(tmp_path / "lake-data", ignore_errors=True)
