"""The ingest flow on the bundled samples, under a real (temporary) Prefect API, into a real DuckDB file."""

from __future__ import annotations

import duckdb
import pytest

from flows.pipeline import run_plain
from flows.settings import Settings

pytestmark = pytest.mark.usefixtures("prefect_harness")

# (source, mention) -> (value, unit, period_start, period_end, region): figures from four samples
EXPECTED = {
    ("yunnan-police", "4127起"): (4127.0, "起", "2024-01-01", "2024-05-31", "云南省"),
    ("guangxi-police", "1862起"): (1862.0, "起", "2024-01-01", "2024-06-30", "广西壮族自治区"),
    ("yunnan-statistics", "14327.15亿元"): (1432715000000.0, "元", "2024-01-01", "2024-06-30", "云南省"),
    ("shenzhen-police", "3486起"): (3486.0, "起", "2024-01-01", "2024-05-31", "深圳市"),
    ("dehong-police", "600余起"): (600.0, "起", "2024-01-01", "2024-05-23", "德宏傣族景颇族自治州"),
}


def table(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def flow_db(tmp_path_factory):
    from flows.ingest import ingest

    db = tmp_path_factory.mktemp("flow") / "w.duckdb"
    first = ingest(db=str(db))
    return db, first


def test_flow_loads_the_samples(flow_db):
    db, summary = flow_db
    assert summary["status"] == "completed", summary["failures"]
    assert len(summary["sources"]) >= 12
    rows = table(db, "SELECT source, mention, value, unit, period_start::VARCHAR, period_end::VARCHAR, region FROM figures")
    got = {(r[0], r[1]): r[2:] for r in rows}
    for key, want in EXPECTED.items():
        assert key in got, f"{key} not among the figures"
        value, unit, ps, pe, region = got[key]
        assert (pytest.approx(value), unit, ps, pe) == (want[0], want[1], want[2], want[3])
        assert region == want[4]


def test_every_sample_became_a_document(flow_db):
    db, summary = flow_db
    n_docs = table(db, "SELECT count(*) FROM documents")[0][0]
    assert n_docs == sum(s["new"] for s in summary["sources"]) >= 12
    assert table(db, "SELECT count(*) FROM documents WHERE published_at IS NULL")[0][0] == 0


def test_second_flow_run_adds_nothing(flow_db):
    from flows.ingest import ingest

    db, _ = flow_db
    counts = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM extracted_figures), (SELECT count(*) FROM raw_pages)"
    before = table(db, counts)
    again = ingest(db=str(db))
    assert table(db, counts) == before
    assert sum(s["new"] + s["changed"] for s in again["sources"]) == 0
    runs = table(db, "SELECT status FROM runs ORDER BY started_at")
    assert [r[0] for r in runs] == ["completed", "completed"]


def test_plain_reference_gives_the_same_rows(flow_db, tmp_path):
    db, _ = flow_db
    plain = tmp_path / "plain.duckdb"
    result = run_plain(Settings(db_path=plain))
    assert (result.status, result.failures) == ("completed", []), table(plain, "SELECT * FROM errors")
    plain_sources = {o.source: (o.documents_new, o.figures) for o in result.outcomes}
    assert plain_sources == {s["source"]: (s["new"], s["figures"]) for s in flow_db[1]["sources"]}
    q = "SELECT source, mention, value, unit, period_start, period_end, region, metric FROM figures ORDER BY ALL"
    assert table(plain, q) == table(db, q)
