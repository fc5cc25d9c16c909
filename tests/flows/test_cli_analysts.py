"""What analysts run against the sample warehouse: `pressetl sql` as CSV, while a run writes, and `export`."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest


def pressetl(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, timeout=timeout)


def wc_l(path: Path) -> int:
    return int(subprocess.run(["wc", "-l", str(path)], capture_output=True, text=True, check=True).stdout.split()[0])


def figures_count(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM figures").fetchone()[0]
    finally:
        con.close()


def test_sql_csv_round_trips_and_has_one_line_per_record(sample_warehouse, tmp_path):
    out = pressetl("sql", "SELECT * FROM figures ORDER BY document_url, start", "--db", str(sample_warehouse),
                   "--format", "csv")
    assert out.returncode == 0, out.stderr.decode()
    assert b"\r\n" not in out.stdout
    path = tmp_path / "figures.csv"
    path.write_bytes(out.stdout)
    rows = list(csv.reader(io.StringIO(out.stdout.decode("utf-8"), newline="")))
    n = figures_count(sample_warehouse)
    assert len(rows) == n + 1 and rows[0][:3] == ["document_url", "published_at", "source"]
    assert wc_l(path) == n + 1  # `tail`, `grep` and `wc` see one record per line
    header = rows[0]
    sentences = [r[header.index("sentence")] for r in rows[1:]]
    assert all(s and not s.endswith("\n") for s in sentences)


def test_sql_csv_quotes_line_breaks_and_can_start_with_a_bom(sample_warehouse):
    out = pressetl("sql", "SELECT title, text, [1, 2] AS l FROM documents_current ORDER BY url", "--db",
                   str(sample_warehouse), "--format", "csv", "--bom")
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.stdout.decode("utf-8-sig"), newline="")))
    con = duckdb.connect(str(sample_warehouse), read_only=True)
    texts = [r[0] for r in con.execute("SELECT text FROM documents_current ORDER BY url").fetchall()]
    con.close()
    assert [r[1] for r in rows[1:]] == texts and any("\n" in t for t in texts)
    assert rows[1][2] == "[1, 2]"


def test_export_writes_every_view_and_partitions_figures_by_year(sample_warehouse, tmp_path):
    con = duckdb.connect(str(sample_warehouse), read_only=True)
    views = {r[0]: con.execute(f'SELECT count(*) FROM "{r[0]}"').fetchone()[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'").fetchall()}
    years = {r[0] for r in con.execute("SELECT DISTINCT year(published_at) FROM figures").fetchall()}
    con.close()
    assert {"figures", "claims", "series", "conflicts", "documents_current"} <= set(views)

    out = pressetl("export", str(tmp_path / "pq"), "--db", str(sample_warehouse))
    assert out.returncode == 0, out.stderr.decode()
    assert {p.name for p in (tmp_path / "pq" / "figures").iterdir()} == {f"year={y}" for y in years}
    check = duckdb.connect()
    for view, n in views.items():
        path = tmp_path / "pq" / (f"{view}/*/*.parquet" if view == "figures" else f"{view}.parquet")
        got = check.execute(f"SELECT count(*) FROM read_parquet('{path}', hive_partitioning = true)").fetchone()[0]
        assert got == n, view

    out = pressetl("export", str(tmp_path / "csv"), "--db", str(sample_warehouse), "--format", "csv", "--bom")
    assert out.returncode == 0, out.stderr.decode()
    parts = sorted((tmp_path / "csv" / "figures").rglob("*.csv"))
    assert len(parts) == len(years)
    records = 0
    for p in parts:
        raw = p.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert wc_l(p) == len(rows)  # a header and one line per record
        records += len(rows) - 1
    assert records == views["figures"]
    claims = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "claims.csv").read_text("utf-8-sig"), newline="")))
    assert len(claims) == views["claims"] and claims[0]["source_names"].startswith('["')


HOLD = """
import sys, time
from warehouse.db import writing
with writing(sys.argv[1], owner="run-holding-the-file"):
    print("writing", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def busy_copy(sample_warehouse, tmp_path):
    """A copy of the sample warehouse and a way to have another process write it for a while."""
    db = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, db)
    procs = []

    def hold(seconds: float) -> None:
        p = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
        procs.append(p)
        assert p.stdout.readline().strip() == "writing"

    yield db, hold
    for p in procs:
        p.wait(timeout=60)


def test_sql_waits_while_a_run_writes_and_then_answers(busy_copy):
    db, hold = busy_copy
    hold(2.0)
    t0 = time.monotonic()
    out = pressetl("sql", "SELECT count(*) AS n FROM claims", "--db", str(db), "--format", "csv", "--wait", "30")
    waited = time.monotonic() - t0
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.decode().splitlines()[0] == "n" and int(out.stdout.decode().splitlines()[1]) > 0
    assert waited >= 1.0  # it did wait for the writer rather than slip in


def test_sql_gives_up_with_a_clear_message(busy_copy):
    db, hold = busy_copy
    hold(2.0)
    out = pressetl("sql", "SELECT 1", "--db", str(db), "--wait", "0.5")
    err = out.stderr.decode()
    assert out.returncode == 2
    assert "being written by a run (run-holding-the-file)" in err and "gave up after waiting 0.5 s" in err
    assert "--wait" in err and "Traceback" not in err


def test_the_documented_python_reader_waits_too(busy_copy):
    """docs/analysts.md shows other clients how to wait; its Python function does."""
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "analysts.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Reading while a run writes"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    scope: dict = {}
    exec(code, scope)
    db, hold = busy_copy
    hold(1.5)
    t0 = time.monotonic()
    con = scope["connect_between_batches"](str(db), wait=30)
    try:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] > 0
    finally:
        con.close()
    assert time.monotonic() - t0 >= 0.5


def test_queries_during_a_real_run_all_answer(tmp_path):
    """`pressetl run --plain` loads the samples batch by batch while a reader queries in a loop: every
    query answers (some after waiting for a batch), none fails."""
    from warehouse.db import connect_waiting

    db = tmp_path / "w.duckdb"
    run = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--plain", "--db", str(db)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    answered, waits = [], []
    try:
        deadline = time.monotonic() + 120
        while not db.exists() and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        while run.poll() is None and time.monotonic() < deadline:
            t0 = time.monotonic()
            con = connect_waiting(db, wait=30)
            waits.append(time.monotonic() - t0)
            try:
                answered.append(con.execute("SELECT count(*) FROM documents").fetchone()[0])
            finally:
                con.close()
            time.sleep(0.02)
    finally:
        assert run.wait(timeout=120) == 0, run.stderr.read().decode()
    assert len(answered) >= 3 and answered == sorted(answered)  # documents only ever grow
    assert max(waits) < 30
