"""`pressetl report` on the sample warehouse, opened in headless Chromium with the network off."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.chromium import Browser, chromium_path
from warehouse.report import format_value, main_series


@pytest.fixture(scope="module")
def report(sample_warehouse, tmp_path_factory) -> Path:
    from flows.cli import main

    out = tmp_path_factory.mktemp("report") / "report.html"
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["report", "--db", str(sample_warehouse), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def page(report):
    if chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with Browser() as b:
        b.offline()
        b.open(report, ready="document.body.dataset.charts !== 'pending'")
        yield b


@pytest.fixture(scope="module")
def con(sample_warehouse):
    c = duckdb.connect(str(sample_warehouse), read_only=True)
    yield c
    c.close()


def test_the_file_stands_alone(report):
    text = report.read_text(encoding="utf-8")
    markup = re.sub(r"(?s)(<script[^>]*>).*?</script>", r"\1</script>", text)
    assert markup.count("<script") == 4 and "vegaEmbed" in text
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", markup)  # nothing loaded from elsewhere


def test_it_opens_offline_and_every_chart_draws(page, report):
    assert page.evaluate("document.body.dataset.charts") == "drawn"
    assert page.errors() == [] and page.evaluate("window.reportErrors") == []
    assert {u.split(":")[0] for u in page.requested_urls()} <= {"file", "data", "about", "blob"}
    specs = json.loads(page.evaluate("document.getElementById('chart-specs').textContent"))
    for s in specs:
        drawn = page.evaluate(f"""(() => {{
            const el = document.getElementById({json.dumps(s['id'])});
            return {{svg: el.querySelectorAll('svg').length, canvas: el.querySelectorAll('canvas').length,
                     symbols: el.querySelectorAll('g.mark-symbol.role-mark path').length,
                     shapes: el.querySelectorAll('g.mark-shape.role-mark path').length}};
        }})()""")
        assert drawn["svg"] + drawn["canvas"] >= 1, s["id"]
        if s["id"] == "map":
            assert drawn["shapes"] >= 30  # the provinces
            assert drawn["symbols"] == len(s["spec"]["layer"][1]["data"]["values"])  # a circle per region
        else:
            assert drawn["symbols"] >= len(s["spec"]["data"]["values"])  # a point per value at least


def test_the_charts_show_the_series_the_warehouse_holds(page, con):
    specs = {s["id"]: s["spec"] for s in json.loads(page.evaluate("document.getElementById('chart-specs').textContent"))}
    cur = con.execute("SELECT metric, comparison, unit, period_kind, region, region_code, period_start, period_end, "
                      "value, qualifiers, sources, stories, documents, conflicting_values FROM series")
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    expected = main_series(rows)
    charts = [k for k in specs if k.startswith("chart-")]
    assert len(charts) == len(expected) > 0
    for i, (key, group) in enumerate(expected):
        spec = specs[f"chart-{i}"]
        assert spec["title"]["subtitle"].startswith(key[0])
        got = sorted((v["region"], v["period_end"], v["value"]) for v in spec["data"]["values"])
        assert got == sorted((r["region"], r["period_end"].isoformat(), r["value"]) for r in group)
    # the map: one circle per placed region, sized by its figures
    points = specs["map"]["layer"][1]["data"]["values"]
    figures = dict(con.execute("SELECT region, count(*) FROM figures GROUP BY region").fetchall())
    assert {p["region"]: p["figures"] for p in points} == figures  # every region placed


def test_the_numbers_shown_are_the_warehouses(page, con):
    totals = page.evaluate("""Object.fromEntries(['documents', 'stories', 'figures', 'claims', 'conflicts']
        .map(k => [k, Number(document.getElementById('n-' + k).textContent)]))""")
    assert totals == {
        "documents": con.execute("SELECT count(*) FROM documents_current").fetchone()[0],
        "stories": con.execute("SELECT count(DISTINCT story_id) FROM documents_current").fetchone()[0],
        "figures": con.execute("SELECT count(*) FROM figures").fetchone()[0],
        "claims": con.execute("SELECT count(*) FROM claims").fetchone()[0],
        "conflicts": con.execute("SELECT count(*) FROM conflicts").fetchone()[0],
    }
    shown = page.evaluate("""[...document.querySelectorAll('#claims tbody tr')].map(tr => ({
        what: tr.dataset.what, region: tr.dataset.region, value: Number(tr.dataset.value),
        text: tr.querySelector('.value').textContent, cells: [...tr.cells].map(td => td.textContent),
        links: [...tr.querySelectorAll('a')].map(a => a.href), conflict: tr.classList.contains('conflict')}))""")
    newest = con.execute("""SELECT what, region, value, stories, documents, document_urls, last_published FROM claims
                            ORDER BY last_published DESC NULLS LAST, what, value LIMIT ?""", [len(shown)]).fetchall()
    assert len(shown) == min(60, con.execute("SELECT count(*) FROM claims").fetchone()[0])
    for row, (what, region, value, stories, documents, urls, _) in zip(shown, newest, strict=True):
        assert (row["what"], row["region"], row["value"]) == (what, region, value)
        assert row["text"] == format_value(value)
        assert row["cells"][5:7] == [str(stories), str(documents)]
        assert sorted(row["links"]) == sorted(urls)


def test_conflicts_are_highlighted(page, con):
    conflicts = con.execute("SELECT metric, region, values FROM conflicts").fetchall()
    assert conflicts  # the samples have one: a portal misstating Guangxi's cases
    shown = page.evaluate("""[...document.querySelectorAll('#claims tbody tr.conflict')].map(tr =>
        [tr.dataset.region, Number(tr.dataset.value), tr.querySelector('.badge').textContent])""")
    for metric, region, values in conflicts:
        assert sorted(v for r, v, _ in shown if r == region) == sorted(values)
        items = page.evaluate(f"[...document.querySelectorAll('.conflicts li')].filter(li => "
                              f"li.dataset.metric === {json.dumps(metric)} && li.dataset.region === {json.dumps(region)})"
                              f".map(li => [...li.querySelectorAll('.value')].map(v => v.textContent))")
        assert items == [[format_value(v) for v in values]]


def test_metric_and_region_narrow_the_report(sample_warehouse, tmp_path):
    from flows.cli import main

    out = tmp_path / "yn.html"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["report", "--db", str(sample_warehouse), "--metric", "narcotics.cases", "--region", "云南省",
                     "--region", "广西壮族自治区", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    specs = json.loads(re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', text, re.S).group(1))
    charts = [s["spec"] for s in specs if s["id"].startswith("chart-")]
    assert charts and all(s["title"]["subtitle"].startswith("narcotics.cases_solved") for s in charts)
    assert {v["region"] for s in charts for v in s["data"]["values"]} == {"云南省", "广西壮族自治区"}
    rows = re.findall(r'<tr[^>]* data-what="([^"]*)" data-region="([^"]*)"', text)
    assert rows and {r[1] for r in rows} == {"云南省", "广西壮族自治区"} and {r[0] for r in rows} == {"narcotics.cases_solved"}
    assert 'class="conflict"' in text  # Guangxi's 1826 against 1862
