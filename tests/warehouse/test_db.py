from __future__ import annotations

import threading
import time

import duckdb
import pytest

from warehouse.db import apply_migrations, migrations, reading, writer_lock, writing
from warehouse.errors import WarehouseBusy, WarehouseError


def test_migrations_apply_once_and_are_recorded(db_path):
    with writing(db_path) as con:
        names = [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]
        assert names == [n for n, _ in migrations()]
        assert apply_migrations(con) == []  # nothing left to apply
    with writing(db_path) as con:
        assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(migrations())


def test_views_exist_after_open(db_path):
    with writing(db_path) as con:
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"figures", "documents_current", "source_health"} <= views


def test_figures_view_has_the_analyst_columns(db_path):
    with writing(db_path) as con:
        cols = [d[0] for d in con.execute("SELECT * FROM figures LIMIT 0").description]
    for c in ("document_url", "published_at", "source", "region", "metric", "subject", "value", "unit",
              "qualifier", "kind", "period_start", "period_end", "mention", "sentence", "extractor",
              "extractor_version"):
        assert c in cols


def test_reading_a_missing_warehouse_names_the_path(tmp_path):
    with pytest.raises(WarehouseError, match="no warehouse at .*nothere.duckdb"):
        with reading(tmp_path / "nothere.duckdb"):
            pass


def test_reader_is_told_plainly_when_another_process_writes(db_path):
    import subprocess
    import sys

    with writing(db_path):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb,time,sys; c=duckdb.connect({str(db_path)!r}); print('open', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(WarehouseBusy, match="open for writing by another process"):
            with reading(db_path):
                pass
    finally:
        holder.kill()
        holder.wait()


def test_writer_lock_serialises_writers(db_path):
    order: list[str] = []

    def second():
        with writer_lock(db_path, timeout=5):
            order.append("second")

    with writer_lock(db_path, timeout=5):
        t = threading.Thread(target=second)
        t.start()
        time.sleep(0.3)
        order.append("first")
    t.join(5)
    assert order == ["first", "second"]


def test_writer_lock_gives_up_with_a_clear_message(db_path):
    waits: list[str] = []
    with writer_lock(db_path, timeout=5):
        result: list[BaseException] = []

        def other():
            try:
                with writer_lock(db_path, timeout=0.3, on_wait=waits.append):
                    pass
            except WarehouseBusy as e:
                result.append(e)

        t = threading.Thread(target=other)
        t.start()
        t.join(5)
    assert result and "being written by another run" in str(result[0])
    assert waits and "waiting" in waits[0]


def test_failed_migration_leaves_previous_state(db_path, monkeypatch):
    import warehouse.db as db

    good = db.migrations()
    monkeypatch.setattr(db, "migrations", lambda: good + [("999_broken.sql", "CREATE TABLE x (a INT); SELEC 1;")])
    con = duckdb.connect(str(db_path))
    with pytest.raises(db.MigrationError, match="999_broken.sql"):
        db.apply_migrations(con)
    names = {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert "999_broken.sql" not in names and "x" not in tables


def test_batches_of_one_run_wait_for_each_other_silently(db_path):
    waits: list[str] = []

    def batch():
        with writer_lock(db_path, timeout=5, on_wait=waits.append, owner="run-1"):
            time.sleep(0.05)

    threads = [threading.Thread(target=batch) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert waits == []
    with writer_lock(db_path, timeout=5, owner="run-2"):
        other: list[str] = []

        def other_run():
            with pytest.raises(WarehouseBusy):
                with writer_lock(db_path, timeout=0.3, on_wait=other.append, owner="run-3"):
                    pass

        t = threading.Thread(target=other_run)
        t.start()
        t.join(5)
    assert other and "(run-2)" in other[0]
