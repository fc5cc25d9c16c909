"""The warehouse on DuckLake: a PostgreSQL catalog and a data path, for many writers at once.

    ducklake+postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME?data_path=/srv/lake/data

selects it wherever a warehouse is named (``--db``, ``PRESSETL_DB``, a flow's ``db``); any other
query parameter is passed on to libpq (``host=/run/postgresql`` for a socket, ``sslmode=...``).
``data_path`` is a folder every writer can reach, or object storage (``s3://bucket/prefix/``,
with DuckDB's httpfs extension and credentials configured).

The ducklake and postgres extensions are not built into DuckDB and cannot be downloaded at run
time here: they come from the duckdb-extension-ducklake and duckdb-extension-postgres packages
(``pip install 'pressetl[lake]'``), built for one DuckDB version, which pyproject.toml pins.
The postgres package ships its file as ``postgres.duckdb_extension`` while DuckDB looks for the
entry point of ``postgres_scanner``: it is loaded through a link of that name.

One in-memory DuckDB per process attaches the lake once (loading the extensions and attaching
costs about a second); each connection is a cursor on it. Migrations and views are applied by
the first writer of a process.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import duckdb

from warehouse.errors import WarehouseError

SCHEME = "ducklake+postgres"
ALIAS = "lake"


@dataclass(frozen=True, slots=True)
class Lake:
    url: str  # as given
    conninfo: str  # libpq key=value pairs
    data_path: str

    @property
    def display(self) -> str:
        """The URL without its password, for messages."""
        parts = urlsplit(self.url)
        if parts.password is None:
            return self.url
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return parts._replace(netloc=netloc).geturl()


def is_lake(target: object) -> bool:
    return isinstance(target, str) and target.startswith(f"{SCHEME}://")


def parse(url: str) -> Lake:
    """A Lake from its URL; WarehouseError naming what is missing."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME:
        raise WarehouseError(f"{url!r}: a DuckLake warehouse URL starts with {SCHEME}://")
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    data_path = params.pop("data_path", "")
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname:
        raise WarehouseError(f"{url!r}: no catalog database (…/DBNAME)")
    if not data_path:
        raise WarehouseError(f"{url!r}: no data_path (?data_path=/folder or s3://bucket/prefix/)")
    pairs = {"dbname": dbname}
    if parts.hostname:
        pairs["host"] = parts.hostname
    if parts.port:
        pairs["port"] = str(parts.port)
    if parts.username:
        pairs["user"] = unquote(parts.username)
    if parts.password:
        pairs["password"] = unquote(parts.password)
    pairs.update(params)
    conninfo = " ".join(f"{k}={_quote(v)}" for k, v in pairs.items())
    return Lake(url=url, conninfo=conninfo, data_path=data_path)


def _quote(value: str) -> str:
    if value and not any(c in value for c in " '\\"):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _package_extension(package: str, name: str) -> Path:
    version = f"v{duckdb.__version__}"
    try:
        path = Path(str(resources.files(package) / "extensions" / version / f"{name}.duckdb_extension"))
    except ModuleNotFoundError:
        path = None
    if path is None or not path.exists():
        raise WarehouseError(
            f"a DuckLake warehouse needs the {package.replace('_', '-')} package built for DuckDB "
            f"{duckdb.__version__} (pip install 'pressetl[lake]')"
        )
    return path


def extension_files() -> list[Path]:
    """The ducklake and postgres_scanner extension files, from their packages."""
    ducklake = _package_extension("duckdb_extension_ducklake", "ducklake")
    postgres = _package_extension("duckdb_extension_postgres", "postgres")
    links = Path(tempfile.gettempdir()) / f"pressetl-duckdb-{duckdb.__version__}-{os.getuid()}"
    links.mkdir(mode=0o700, exist_ok=True)
    link = links / "postgres_scanner.duckdb_extension"
    if not link.exists() or link.resolve() != postgres.resolve():
        tmp = links / f".postgres_scanner.{os.getpid()}.{threading.get_ident()}"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(postgres)
        os.replace(tmp, link)
    return [ducklake, link]


_lock = threading.Lock()
_bases: dict[tuple[str, bool], duckdb.DuckDBPyConnection] = {}
_prepared: set[str] = set()


def _base(lake: Lake, read_only: bool) -> duckdb.DuckDBPyConnection:
    key = (lake.url, read_only)
    with _lock:
        base = _bases.get(key)
        if base is not None:
            return base
        base = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        try:
            for path in extension_files():
                base.execute(f"LOAD '{path}'")
            options = f"DATA_PATH '{lake.data_path}'" + (", READ_ONLY" if read_only else "")
            for attempt in range(5):
                try:
                    base.execute(f"ATTACH 'ducklake:postgres:{lake.conninfo}' AS {ALIAS} ({options})")
                    break
                except duckdb.Error as e:  # two processes creating a new lake at once: one wins
                    if attempt == 4 or not any(w in str(e).lower() for w in ("duplicate", "already exists", "conflict")):
                        raise
                    time.sleep(0.2 * (attempt + 1))
        except duckdb.Error as e:
            base.close()
            raise WarehouseError(f"cannot open the DuckLake warehouse {lake.display}: {e}") from None
        _bases[key] = base
        return base


def connect(lake: Lake, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalog is the lake (a cursor on this process's attachment)."""
    con = _base(lake, read_only).cursor()
    con.execute(f"USE {ALIAS}")
    return con


_writers: dict[str, threading.RLock] = {}


def writer(lake: Lake) -> threading.RLock:
    """This process's writer lock for a lake: threads of one run take turns instead of
    conflicting with each other (other processes and machines are met by retries)."""
    with _lock:
        return _writers.setdefault(lake.url, threading.RLock())


def prepared(lake: Lake) -> bool:
    return lake.url in _prepared


def mark_prepared(lake: Lake) -> None:
    _prepared.add(lake.url)


def close_all() -> None:
    """Detach every lake of this process (tests; a process's exit does it anyway)."""
    with _lock:
        for base in _bases.values():
            base.close()
        _bases.clear()
        _prepared.clear()
