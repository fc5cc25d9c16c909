"""Opening the warehouse: one DuckDB file, migrations applied and views rebuilt on open.

Writers take an exclusive lock on ``<db>.lock`` first, so two runs never write at once (DuckDB
itself refuses a second process, even a reader, while one writes: that refusal becomes
WarehouseBusy with a plain message).

A ``ducklake+postgres://…`` URL instead of a path selects DuckLake (warehouse/lake.py): a
PostgreSQL catalog and a data path that writers on many machines share while analysts read.
There is no file to lock: every write runs in `turn`, a transaction that first updates the one
row of ``writer_turn``, so two writers that overlap conflict at commit and the later one is
retried (`retry_conflicts`) against what the first committed. Nothing is lost or doubled, and
the SQL of migrations, views and loads is the same on both.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import random
import re
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse import lake
from warehouse.errors import MigrationError, SchemaTooNew, WarehouseBusy, WarehouseDamaged, WarehouseError

T = TypeVar("T")
_MIGRATION_NAME = re.compile(r"^\d{3}_[a-z0-9_]+\.sql$")


def _sql_files(folder: str) -> list[tuple[str, str]]:
    root = resources.files("warehouse").joinpath(folder)
    out = [(p.name, p.read_text(encoding="utf-8")) for p in root.iterdir() if p.name.endswith(".sql")]
    return sorted(out)


def migrations() -> list[tuple[str, str]]:
    """(name, sql) of every migration, in order."""
    found = _sql_files("migrations")
    for name, _ in found:
        if not _MIGRATION_NAME.match(name):
            raise MigrationError(f"migration file {name!r} is not named NNN_name.sql")
    return found


def views() -> list[tuple[str, str]]:
    """(name, sql) of every view, the ones others build on first
    (documents_current, figures_as_of <- figures <- claims <- conflicts, series)."""
    found = dict(_sql_files("views"))
    order = ["documents_current.sql", "figures_as_of.sql", "figures.sql", "claims.sql"]
    return [(n, found[n]) for n in order if n in found] + [(n, s) for n, s in sorted(found.items()) if n not in order]


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet recorded, each in one transaction with its record.

    A warehouse with a migration this code does not know (written by a newer pressetl) is
    refused before anything is applied: SchemaTooNew."""
    check_schema(con)
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)")
    done = {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, sql in migrations():
        if name in done:
            continue
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, datetime.now(UTC)])
            con.execute("COMMIT")
        except duckdb.Error as e:
            con.execute("ROLLBACK")
            raise MigrationError(f"migration {name} failed: {e}") from e
        applied.append(name)
    return applied


def check_schema(con: duckdb.DuckDBPyConnection, db_path: Path | str | None = None) -> None:
    """SchemaTooNew when the warehouse records a migration this code does not have."""
    try:
        applied = {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
    except duckdb.CatalogException:
        return  # a new file: nothing applied yet
    known = [name for name, _ in migrations()]
    newer = sorted(applied - set(known))
    if newer:
        where = f"the warehouse {db_path}" if db_path else "the warehouse"
        raise SchemaTooNew(
            f"{where} has schema {newer[-1].removesuffix('.sql')}, newer than this pressetl knows "
            f"(up to {known[-1].removesuffix('.sql') if known else 'none'}): it was written by a newer pressetl. "
            "Upgrade pressetl to use it; the file was left as it is")


# DuckDB's words for a file it cannot read as a database (IOException messages)
_DAMAGED = ("not a valid DuckDB database file", "Could not read enough bytes", "Corrupt database file",
            "checksum", "Failed to read", "database file with version number")

HEADER_BYTES = 3 * 4096  # DuckDB's main header and its two database headers, before the first block


def check_intact(con: duckdb.DuckDBPyConnection, db_path: Path | str) -> None:
    """WarehouseDamaged when the file is shorter than the blocks its header counts in use (a copy
    that did not finish, a full disk): DuckDB opens such a file and fails only when it reads a
    missing block, and a write could land on top of what is left."""
    row = con.execute("SELECT block_size, used_blocks FROM pragma_database_size() "
                      "WHERE database_name = current_database()").fetchone()
    if row is None:
        return
    # blocks in use must all be in the file (free blocks at its end are cut off by DuckDB itself)
    needed = HEADER_BYTES + int(row[0]) * int(row[1])
    actual = os.path.getsize(db_path)
    if actual < needed:
        raise WarehouseDamaged(
            f"the warehouse {db_path} is damaged: the file has {actual} bytes where the blocks its header "
            f"counts in use need {needed} (cut short: a copy or a disk that filled up). It was left as it is; "
            "restore it from a backup (docs/operations.md, section 8)")


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for name, sql in views():
        try:
            con.execute(sql)
        except duckdb.Error as e:
            raise MigrationError(f"view {name} failed: {e}") from e


def ensure_views(con: duckdb.DuckDBPyConnection, *, force: bool = False) -> bool:
    """Rebuild the views when their SQL differs from the last build (or ``force``); True if rebuilt.

    Rebuilding on every open rewrote the catalog once per batch; a hash of the views' SQL in
    schema_views makes an open with unchanged views a single small read."""
    digest = hashlib.sha256("\n".join(f"{n}\n{sql}" for n, sql in views()).encode()).hexdigest()
    con.execute("CREATE TABLE IF NOT EXISTS schema_views (sha256 VARCHAR NOT NULL, built_at TIMESTAMPTZ NOT NULL)")
    row = con.execute("SELECT max(sha256) FROM schema_views").fetchone()
    if not force and row and row[0] == digest:
        return False
    create_views(con)
    con.execute("DELETE FROM schema_views")
    con.execute("INSERT INTO schema_views VALUES (?, ?)", [digest, datetime.now(UTC)])
    return True


def schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT max(name) FROM schema_migrations").fetchone()
    return row[0] if row else None


@contextmanager
def writer_lock(
    db_path: Path, *, timeout: float = 600.0, on_wait: Callable[[str], None] | None = None, owner: str = ""
) -> Iterator[None]:
    """Hold the warehouse's writer lock; wait up to ``timeout`` seconds for another writer.

    The holder writes ``owner`` (a run id) into the lock file, so a waiter can tell another run
    from a sibling batch of its own run: only another run is reported through ``on_wait``.
    """
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(lock_path)
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"the warehouse {db_path} is being written by another run ({holder or 'unknown'}); "
                        f"gave up after {timeout:.0f} s"
                    ) from None
                # a holder that has not written its name yet (it just took the lock) is not
                # reported at once: it may be a sibling batch of this run
                waited = time.monotonic() - (deadline - timeout)
                if on_wait and not told and (not owner or (holder and holder != owner) or (not holder and waited > 1.0)):
                    on_wait(f"the warehouse {db_path} is being written by another run ({holder or 'unknown'}); "
                            f"waiting up to {timeout:.0f} s")
                    told = True
                time.sleep(0.05)
        data = owner.encode()
        os.pwrite(fd, data, 0)  # write, then cut: a waiter never reads an empty file between the two
        os.ftruncate(fd, len(data))
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


# Live-run locks: <db>.runs/<run_id>, held (flock) by the process running the run from its start
# to its end. The kernel releases it however the process ends, SIGKILL included, so a run
# recorded as running whose lock is free has no process any more: it was abandoned.
_claims: dict[Path, int] = {}  # this process's live-run locks -> their descriptors


def _run_lock_path(db_path: Path | str, run_id: str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".runs") / run_id


def claim_run(db_path: Path | str, run_id: str) -> None:
    """Hold the run's live-run lock until ``release_run`` or the end of this process."""
    if lake.is_lake(db_path):
        return  # DuckLake: no file to hold; see run_alive
    path = _run_lock_path(db_path, run_id)
    if path in _claims:
        return  # a retried start of the same run
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise WarehouseError(f"run {run_id} is already running in another process") from None
    data = f"pid {os.getpid()} on {socket.gethostname()}\n".encode()
    os.pwrite(fd, data, 0)
    os.ftruncate(fd, len(data))
    _claims[path] = fd


def release_run(db_path: Path | str, run_id: str) -> None:
    """Let go of the run's live-run lock and remove its file (the run has ended)."""
    if lake.is_lake(db_path):
        return  # DuckLake: no file to hold; see run_alive
    path = _run_lock_path(db_path, run_id)
    fd = _claims.pop(path, None)
    try:
        path.unlink(missing_ok=True)
    finally:
        if fd is not None:
            os.close(fd)


def free_run_locks(db_path: Path | str) -> list[str]:
    """The run ids whose live-run lock file is left with no process holding it."""
    if lake.is_lake(db_path):
        return []
    folder = _run_lock_path(db_path, "-").parent
    names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    return [run_id for run_id in names if not run_alive(db_path, run_id)]


def run_alive(db_path: Path | str, run_id: str) -> bool:
    """Whether a process still holds the run's live-run lock (this one included)."""
    if lake.is_lake(db_path):
        return True  # writers on other machines hold no lock here: a lake's runs are never judged dead
    path = _run_lock_path(db_path, run_id)
    if path in _claims:
        return True
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False  # never claimed (or already released): nobody runs it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also releases the lock taken just now
    return False


def _holder(lock_path: Path) -> str:
    try:
        return lock_path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


_LOCKED = re.compile(r"Conflicting lock is held in (?P<prog>.*?) \(PID (?P<pid>\d+)\)")


def target(db: str | Path) -> Path | str:
    """A warehouse as named by an operator: a DuckLake URL stays a string, anything else is a path."""
    return db if lake.is_lake(db) else Path(db)


def connect(db_path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection; 'file locked by another process' becomes WarehouseBusy."""
    if lake.is_lake(db_path):
        return lake.connect(lake.parse(str(db_path)), read_only=read_only)
    db_path = Path(db_path)
    if read_only and not db_path.exists():
        raise WarehouseError(f"no warehouse at {db_path} (run `pressetl run` first, or pass --db)")
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    # a file with a WAL beside it is checked by DuckDB's replay instead: the replay's blocks are not on disk yet
    existed = db_path.exists() and not db_path.with_name(db_path.name + ".wal").exists()
    try:
        con = duckdb.connect(str(db_path), read_only=read_only)
    except duckdb.Error as e:
        if any(w in str(e) for w in _DAMAGED):
            raise WarehouseDamaged(
                f"the warehouse {db_path} cannot be read: it is damaged or not a DuckDB file ({e}). "
                "It was left as it is; restore it from a backup (docs/operations.md, section 8)") from None
        m = _LOCKED.search(str(e))
        if isinstance(e, duckdb.IOException) and (m or re.search(r"\block\b", str(e), re.I)):
            pid = f" (PID {m.group('pid')})" if m else ""
            raise WarehouseBusy(
                f"the warehouse {db_path} is open for writing by another process{pid}; "
                "try again when that run has finished"
            ) from None
        raise WarehouseError(f"cannot open the warehouse {db_path}: {e}") from None
    try:
        if existed:
            check_intact(con, db_path)
        check_schema(con, db_path)
    except Exception:
        con.close()
        raise
    return con


def open_for_write(db_path: Path | str) -> duckdb.DuckDBPyConnection:
    """Connect read-write, apply migrations and rebuild views if they changed. Take writer_lock first."""
    if lake.is_lake(db_path):
        return _open_lake_for_write(lake.parse(str(db_path)))
    con = connect(db_path)
    try:
        applied = apply_migrations(con)
        ensure_views(con, force=bool(applied))
    except Exception:
        con.close()
        raise
    return con


def _open_lake_for_write(lk: lake.Lake) -> duckdb.DuckDBPyConnection:
    """A lake connection; the process's first one applies migrations and views, retried when
    another process does the same at the same moment."""
    con = lake.connect(lk)
    if lake.prepared(lk):
        return con
    try:
        def prepare() -> None:
            applied = apply_migrations(con)
            ensure_views(con, force=bool(applied))

        retry_conflicts(prepare, timeout=120.0, catalog_too=True)
    except Exception:
        con.close()
        raise
    lake.mark_prepared(lk)
    return con


def _conflict(e: BaseException, catalog_too: bool = False) -> bool:
    """A DuckLake commit that lost to a concurrent one (or, preparing, a migration another
    process applied first)."""
    if isinstance(e, MigrationError) and e.__cause__ is not None:
        e = e.__cause__
    if isinstance(e, duckdb.TransactionException) or "conflict" in str(e).lower():
        return True
    return catalog_too and isinstance(e, duckdb.CatalogException)


def retry_conflicts(fn: Callable[[], T], *, timeout: float = 600.0, on_wait: Callable[[str], None] | None = None,
                    catalog_too: bool = False) -> T:
    """``fn()``, again after a short random pause while it fails on a DuckLake write conflict
    (the file warehouse never has one: its writers take turns on the lock)."""
    deadline = time.monotonic() + timeout
    pause = 0.02
    tries = 0
    while True:
        try:
            return fn()
        except (duckdb.Error, MigrationError) as e:
            if not _conflict(e, catalog_too) or time.monotonic() >= deadline:
                raise
            tries += 1
            if on_wait and tries == 20:
                on_wait(f"the warehouse is busy with other writers; retrying for up to {timeout:.0f} s")
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 1.0)


@contextmanager
def turn(con: duckdb.DuckDBPyConnection, owner: str = "") -> Iterator[None]:
    """One transaction that holds the writer's turn: it updates writer_turn first, so any two
    writes that overlap conflict and one of them is retried; committed on exit."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("UPDATE writer_turn SET holder = ?, taken_at = ?", [owner, datetime.now(UTC)])
        yield
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # a failed COMMIT has already rolled back
        raise


@contextmanager
def writing(
    db_path: Path | str, *, timeout: float = 600.0, on_wait: Callable[[str], None] | None = None, owner: str = "",
    threads: int = 0,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The writer lock and a migrated read-write connection, closed on exit. On DuckLake there
    is no lock: write inside `turn`, under `retry_conflicts`. ``threads``: DuckDB threads of the
    file's connection (0: DuckDB's own choice); a lake's connection is shared by the whole process
    and keeps its own."""
    if lake.is_lake(db_path):
        lk = lake.parse(str(db_path))
        with lake.writer(lk):  # this process's writers take turns; other processes' are retried
            con = _open_lake_for_write(lk)
            try:
                yield con
            finally:
                con.close()
        return
    with writer_lock(Path(db_path), timeout=timeout, on_wait=on_wait, owner=owner):
        deadline = time.monotonic() + timeout
        while True:  # a reader (an analyst's query) may hold the file for a moment
            try:
                con = open_for_write(db_path)
                break
            except WarehouseBusy:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)
        try:
            if threads > 0:
                con.execute(f"SET threads = {int(threads)}")
            yield con
        finally:
            con.close()


@contextmanager
def reading(db_path: Path | str, *, wait: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection. While a run writes, DuckDB lets no reader in: wait up to ``wait``
    seconds for it (WarehouseBusy after that, or at once when ``wait`` is 0)."""
    con = connect_waiting(db_path, wait=wait)
    try:
        yield con
    finally:
        con.close()


def connect_waiting(db_path: Path | str, *, wait: float, poll: float = 0.05) -> duckdb.DuckDBPyConnection:
    """A read-only connection, taken between two batches of a run.

    Runs hold the writer lock (``<db>.lock``, exclusive) for as long as a batch has the file open.
    A reader takes the same lock shared, which it gets only while no batch loads, opens the file and
    lets the lock go at once: the open connection keeps the next batch out until it is closed (the
    batch waits for it). Writers that do not use the lock are waited for by retrying the open.
    """
    if lake.is_lake(db_path):
        return connect(db_path, read_only=True)  # DuckLake: readers never wait for writers
    db_path = Path(db_path)
    if wait <= 0 or not db_path.exists():
        return connect(db_path, read_only=True)  # at once; or the plain "no warehouse" error
    lock_path = db_path.with_name(db_path.name + ".lock")
    deadline = time.monotonic() + wait
    while True:
        fd = None
        try:
            fd = os.open(lock_path, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except FileNotFoundError:
            pass  # never written by pressetl: nothing to wait for but DuckDB's own lock
        except BlockingIOError:
            os.close(fd)  # type: ignore[arg-type]
            fd = None
            if time.monotonic() >= deadline:
                holder = _holder(lock_path)
                raise WarehouseBusy(
                    f"the warehouse {db_path} is being written by a run ({holder or 'unknown'}); "
                    f"gave up after waiting {wait:g} s"
                ) from None
            time.sleep(poll)
            continue
        try:
            return connect(db_path, read_only=True)
        except WarehouseBusy:
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"the warehouse {db_path} is open for writing by another process; gave up after waiting {wait:g} s"
                ) from None
        finally:
            if fd is not None:
                os.close(fd)  # closing the descriptor releases the shared lock
        time.sleep(poll)
