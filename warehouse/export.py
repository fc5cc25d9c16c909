"""Every view of the warehouse as files: Parquet, or CSV that scripts and spreadsheets read.

`figures` is Hive-partitioned by the year of publication (figures/year=2024/...), the others are one
file each. CSV has a header, ``\\n`` line endings and fields quoted where they hold a comma, a quote
or a line break; lists are written as JSON. ``bom`` puts a UTF-8 byte order mark first, which
spreadsheet programs need to read Chinese text as UTF-8.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

PARTITIONED = {"figures": "year(published_at)"}  # view -> the expression it is partitioned by (as `year`)
BOM = "\ufeff".encode()


@dataclass(frozen=True, slots=True)
class Exported:
    view: str
    path: Path  # a file, or the folder of a partitioned view
    rows: int


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def view_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The warehouse's own views, by name."""
    return [r[0] for r in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY view_name"
    ).fetchall()]


def _select(con: duckdb.DuckDBPyConnection, view: str, fmt: str) -> str:
    """SELECT of a view; for CSV, list and struct columns as JSON text."""
    ident = quote_identifier(view)
    if fmt != "csv":
        return f"SELECT * FROM {ident}"
    cols = con.execute(f"DESCRIBE SELECT * FROM {ident}").fetchall()
    nested = [c[0] for c in cols if c[1].endswith("]") or c[1].startswith(("STRUCT", "MAP"))]
    if not nested:
        return f"SELECT * FROM {ident}"
    repl = ", ".join(f"to_json({quote_identifier(c)})::VARCHAR AS {quote_identifier(c)}" for c in nested)
    return f"SELECT * REPLACE ({repl}) FROM {ident}"


def export(con: duckdb.DuckDBPyConnection, out_dir: Path, *, fmt: str = "parquet", bom: bool = False,
           views: list[str] | None = None) -> list[Exported]:
    """Write each view under ``out_dir``; a partitioned view's folder is replaced, other files overwritten."""
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown export format {fmt!r} (parquet or csv)")
    out_dir.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    done = []
    for view in views or view_names(con):
        select = _select(con, view, fmt)
        rows = con.execute(f"SELECT count(*) FROM {quote_identifier(view)}").fetchone()[0]  # type: ignore[index]
        if view in PARTITIONED:
            target = out_dir / view
            if target.exists():
                shutil.rmtree(target)
            con.execute(f"COPY (SELECT *, {PARTITIONED[view]} AS year FROM ({select})) TO {_literal(target)} "
                        f"({options}, PARTITION_BY (year))")
            files = sorted(target.rglob(f"*.{fmt}"))
        else:
            target = out_dir / f"{view}.{fmt}"
            con.execute(f"COPY ({select}) TO {_literal(target)} ({options})")
            files = [target]
        if bom and fmt == "csv":
            for f in files:
                f.write_bytes(BOM + f.read_bytes())
        done.append(Exported(view, target, int(rows)))
    return done
