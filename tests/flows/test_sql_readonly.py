"""`pressetl sql` is read-only unless asked: every kind of statement that would change the warehouse
is refused with one line that says how to allow it, and the file is not touched; with --write
the same statement changes it, under the writer lock."""

from __future__ import annotations

import hashlib
import shutil

import duckdb
import pytest

from flows.cli import main
from tests import tally

pytestmark = pytest.mark.reliability

WRITES = [
    "INSERT INTO errors SELECT * FROM errors",
    "DELETE FROM documents",
    "UPDATE runs SET status = 'completed'",
    "DROP TABLE extracted_figures",
    "CREATE TABLE notes (a INTEGER)",
    "ALTER TABLE runs ADD COLUMN x INTEGER",
    "CREATE OR REPLACE VIEW figures AS SELECT 1 AS x",
    "TRUNCATE raw_pages",
]


@pytest.fixture
def warehouse(sample_warehouse, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, db)
    return db


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("statement", WRITES)
def test_a_statement_that_writes_is_refused_and_the_file_is_untouched(warehouse, statement, capsys):
    before = digest(warehouse)
    assert main(["sql", statement, "--db", str(warehouse)]) == 2
    err = capsys.readouterr().err
    tally.add(hostile=1)
    assert "read-only" in err and "add --write to change the warehouse" in err and err.count("\n") == 1
    assert digest(warehouse) == before


def test_attaching_the_warehouse_again_for_writing_is_refused(warehouse, capsys):
    before = digest(warehouse)
    assert main(["sql", f"ATTACH '{warehouse}' AS again (READ_WRITE)", "--db", str(warehouse)]) == 2
    tally.add(hostile=1)
    assert "already attached" in capsys.readouterr().err
    assert digest(warehouse) == before


def test_with_write_the_statement_changes_the_warehouse(warehouse, capsys):
    assert main(["sql", "DELETE FROM errors", "--db", str(warehouse), "--write"]) == 0
    assert main(["sql", "CREATE TABLE notes AS SELECT 'checked' AS note", "--db", str(warehouse), "--write"]) == 0
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 0
        assert con.execute("SELECT note FROM notes").fetchall() == [("checked",)]
    finally:
        con.close()
    assert warehouse.with_name(warehouse.name + ".lock").read_text() == "pressetl sql --write"  # it took the writer lock
    assert main(["sql", "SELECT count(*) AS n FROM documents", "--db", str(warehouse), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].isdigit()
