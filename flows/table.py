"""Plain-text tables for the terminal: column widths by display width (CJK counts double)."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cell(v: Any, limit: int = 40) -> str:
    s = "" if v is None else str(v)
    s = s.replace("\n", " ")
    if _width(s) > limit:
        while _width(s) > limit - 1:
            s = s[:-1]
        s += "…"
    return s


def print_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO, *, limit: int = 40) -> None:
    cells = [[_cell(v, limit) for v in r] for r in rows]
    widths = [_width(c) for c in columns]
    for r in cells:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], _width(c))

    def line(vals: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(vals)).rstrip()

    out.write(line(list(columns)) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write(line(r) + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def _csv_value(v: Any) -> Any:
    if isinstance(v, list | dict | tuple):
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO, *, bom: bool = False) -> None:
    """CSV that scripts and spreadsheets read: a header, \\n line endings, fields quoted where they hold
    a comma, a quote or a line break, lists as JSON; ``bom`` starts it with a UTF-8 byte order mark."""
    if bom:
        out.write("\ufeff")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_csv_value(v) for v in r])
