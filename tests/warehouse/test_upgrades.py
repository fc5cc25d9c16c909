"""Schema upgrades: a warehouse written by the first schema version migrates with nothing lost; one
written by a newer pressetl is refused; a truncated or corrupt file is refused with a clear error
and never written. The old warehouse is a real file made by the old code (fixtures/README.md)."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from tests import tally
from warehouse.db import migrations, writing

pytestmark = pytest.mark.reliability

FIXTURE = Path(__file__).parent / "fixtures" / "schema_001.duckdb.gz"
SAMPLES = Path(__file__).resolve().parents[2] / "flows" / "samples"
V1_TABLES = ["sources", "runs", "run_sources", "raw_pages", "fetch_state", "documents", "extractions",
             "extracted_figures", "errors", "schema_migrations"]


@pytest.fixture
def old_warehouse(tmp_path) -> Path:
    db = tmp_path / "old.duckdb"
    with gzip.open(FIXTURE, "rb") as src, db.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return db


def rows(con: duckdb.DuckDBPyConnection, table: str, columns: list[str]) -> list[tuple]:
    cols = ", ".join(f'"{c}"' for c in columns)
    return con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_first_schema_warehouse_migrates_with_nothing_lost(old_warehouse, tmp_path, capsys):
    con = duckdb.connect(str(old_warehouse), read_only=True)
    assert con.execute("SELECT name FROM schema_migrations").fetchall() == [("001_init.sql",)]
    before = {t: (columns(con, t), rows(con, t, columns(con, t))) for t in V1_TABLES}
    figures_before = con.execute("SELECT count(*) FROM figures").fetchone()[0]
    con.close()
    assert len(before["documents"][1]) == 4 and len(before["extracted_figures"][1]) == 65
    assert len(before["errors"][1]) == 2

    with writing(old_warehouse) as con:
        applied = [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]
        assert applied == [n for n, _ in migrations()]
        for table, (cols, old_rows) in before.items():
            if table == "schema_migrations":
                continue
            assert rows(con, table, cols) == old_rows, f"{table} changed in the upgrade"
        # the provenance columns are there, empty for figures stored before them
        assert con.execute("SELECT count(*) FROM extracted_figures WHERE period_rule IS NULL").fetchone()[0] == 65
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == figures_before
        for view in ("claims", "series", "conflicts", "documents_current", "source_health"):
            con.execute(f"SELECT count(*) FROM {view}").fetchone()
    tally.add(hostile=1)

    # the new code writes into it: the samples load, and the old documents get their stories
    db = str(old_warehouse)
    assert main(["run", "--plain", "--db", db]) == 0
    capsys.readouterr()
    con = duckdb.connect(db, read_only=True)
    try:
        for table, (cols, old_rows) in before.items():
            if table in ("schema_migrations", "fetch_state", "sources"):
                continue  # the samples' sources and their validators are added to these
            now = set(rows(con, table, cols))
            assert set(old_rows) <= now, f"{table} lost rows after a run of the new code"
        unstoried = con.execute("SELECT count(*) FROM documents d ANTI JOIN document_stories s "
                                "ON s.url = d.url AND s.version = d.version").fetchone()[0]
        assert unstoried == 0
    finally:
        con.close()


def test_a_warehouse_from_a_newer_pressetl_is_refused(old_warehouse, capsys):
    with writing(old_warehouse) as con:
        con.execute("INSERT INTO schema_migrations VALUES ('999_from_a_newer_pressetl.sql', now())")
    digest = sha(old_warehouse)
    for argv in (["run", "--plain"], ["sql", "select count(*) from documents"], ["status"]):
        assert main([*argv, "--db", str(old_warehouse)]) == 2
        err = capsys.readouterr().err
        assert "has schema 999_from_a_newer_pressetl, newer than this pressetl knows" in err
        assert f"up to {migrations()[-1][0].removesuffix('.sql')}" in err and "Upgrade pressetl" in err
    assert sha(old_warehouse) == digest
    tally.add(hostile=1)


def _cut_in_half(p: Path) -> None:
    os.truncate(p, p.stat().st_size // 2)


def _cut_in_the_header(p: Path) -> None:
    os.truncate(p, 3000)


def _emptied(p: Path) -> None:
    os.truncate(p, 0)


def _random_bytes(p: Path) -> None:
    p.write_bytes(bytes(range(256)) * 1000)


def _a_block_flipped(p: Path) -> None:
    data = bytearray(p.read_bytes())
    for i in range(300_000, 304_096):
        data[i] ^= 0xFF
    p.write_bytes(bytes(data))


@pytest.mark.parametrize("damage,says", [
    (_cut_in_half, "the file has 2758656 bytes where the blocks its header counts in use need 4468736"),
    (_cut_in_the_header, "Could not read enough bytes"),
    (_emptied, "not a valid DuckDB database file"),
    (_random_bytes, "not a valid DuckDB database file"),
    (_a_block_flipped, "does not match stored checksum"),
])
def test_a_damaged_warehouse_is_refused_and_never_written(old_warehouse, damage, says, capsys):
    damage(old_warehouse)
    digest = sha(old_warehouse)
    for argv in (["run", "--plain"], ["sql", "select count(*) from documents"], ["status"]):
        assert main([*argv, "--db", str(old_warehouse)]) == 2, argv
        err = capsys.readouterr().err
        assert "damaged" in err and says in err and "left as it is" in err and "Traceback" not in err
        assert err.count("\n") == 1  # one line
    assert sha(old_warehouse) == digest
    assert not old_warehouse.with_name(old_warehouse.name + ".wal").exists()
    tally.add(hostile=1)
