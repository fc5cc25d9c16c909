from __future__ import annotations

import pytest

from flows.model import Failure
from warehouse.db import writing
from warehouse.load import load_batch

from .conftest import make_processed


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("raw_pages", "documents", "extracted_figures", "extractions", "errors", "figures")}


def test_loading_twice_adds_nothing(db_path):
    batch = [make_processed("https://a.example/1", "全省共破获毒品刑事案件5453起"),
             make_processed("https://a.example/2", "缴获毒品11689.4公斤", values=(11689.4, 3.0))]
    with writing(db_path) as con:
        s1 = load_batch(con, run_id="r1", processed=batch)
        first = counts(con)
        s2 = load_batch(con, run_id="r2", processed=batch)
        assert counts(con) == first
    assert (s1.documents_new, s1.figures) == (2, 3)
    assert (s2.documents_new, s2.documents_unchanged, s2.figures) == (0, 2, 0)
    assert first["figures"] == 3 and first["documents"] == 2


def test_changed_text_adds_a_version_and_keeps_the_old(db_path):
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[make_processed("https://a.example/1", "旧文本5453起")])
        s = load_batch(con, run_id="r2", processed=[make_processed("https://a.example/1", "新文本5460起", values=(5460.0,))])
        versions = con.execute("SELECT version, text FROM documents ORDER BY version").fetchall()
        current = con.execute("SELECT value, document_version FROM figures").fetchall()
    assert s.documents_changed == 1
    assert versions == [(1, "旧文本5453起"), (2, "新文本5460起")]
    assert current == [(5460.0, 2)]


def test_new_extractor_version_replaces_current_figures_but_keeps_history(db_path):
    url = "https://a.example/1"
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[make_processed(url, "x", extractor_version="1")])
        load_batch(con, run_id="r2", processed=[make_processed(url, "x", extractor_version="2", values=(1.0, 2.0))])
        assert con.execute("SELECT count(*) FROM extracted_figures").fetchone()[0] == 3
        assert sorted(r[0] for r in con.execute("SELECT value FROM figures").fetchall()) == [1.0, 2.0]
        assert {r[0] for r in con.execute("SELECT extractor_version FROM figures").fetchall()} == {"2"}


def test_extraction_with_no_figures_is_recorded(db_path):
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[make_processed("https://a.example/1", "无数字", values=())])
        assert con.execute("SELECT figures FROM extractions").fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 0


def test_failures_are_recorded_once_per_run(db_path):
    fails = [Failure("s1", "https://a.example/404", "fetch", "HTTP 404 Not Found")]
    with writing(db_path) as con:
        load_batch(con, run_id="r1", failures=fails)
        load_batch(con, run_id="r1", failures=fails)  # a retried task
        load_batch(con, run_id="r2", failures=fails)
        rows = con.execute("SELECT run_id, url, stage, reason FROM errors ORDER BY run_id").fetchall()
    assert rows == [("r1", "https://a.example/404", "fetch", "HTTP 404 Not Found"),
                    ("r2", "https://a.example/404", "fetch", "HTTP 404 Not Found")]


def test_a_batch_that_fails_midway_leaves_nothing_behind(db_path, monkeypatch):
    import warehouse.load as load

    real = load.load_sql

    def broken(name: str) -> str:
        return "SELECT * FROM no_such_table" if name == "extractions" else real(name)

    monkeypatch.setattr(load, "load_sql", broken)
    with writing(db_path) as con:
        with pytest.raises(Exception, match="no_such_table"):
            load_batch(con, run_id="r1", processed=[make_processed("https://a.example/1", "x")])
        c = counts(con)
    assert c["documents"] == 0 and c["raw_pages"] == 0 and c["extracted_figures"] == 0


def test_raw_bytes_and_headers_are_kept(db_path):
    p = make_processed("https://a.example/1", "x")
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[p])
        body, sha = con.execute("SELECT body, page_sha256 FROM raw_pages").fetchone()
    assert bytes(body) == p.page.body and sha == p.page.sha256


def test_validators_upsert_per_url(db_path):
    with writing(db_path) as con:
        load_batch(con, run_id="r1", validators=[("https://a.example/1", "s1", '"e1"', None, "abc", True)])
        load_batch(con, run_id="r2", validators=[("https://a.example/1", "s1", '"e2"', "Mon", None, True)])
        rows = con.execute("SELECT url, etag, last_modified, page_sha256 FROM fetch_state").fetchall()
    assert rows == [("https://a.example/1", '"e2"', "Mon", "abc")]


def test_claims_join_a_release_and_its_reprint_and_conflicts_show_disagreement(db_path):
    release = make_processed("https://gov.example/1", "全省破获5453起", source="police")
    reprint = make_processed("https://portal.example/9", "转载:全省破获5453起", source="portal")
    other = make_processed("https://paper.example/3", "报道:全省破获5460起", source="paper", values=(5460.0,))
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[release, reprint])
        claims = con.execute("SELECT what, value, documents, sources, source_names FROM claims").fetchall()
        assert claims == [("drug_cases_solved", 5453.0, 2, 2, ["police", "portal"])]
        assert con.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0
        load_batch(con, run_id="r2", processed=[other])
        rows = con.execute("SELECT metric, claims, values FROM conflicts").fetchall()
    assert rows == [("drug_cases_solved", 2, [5453.0, 5460.0])]


def test_figures_keep_their_provenance_and_region_coordinates(db_path):
    from datetime import date

    from extractors import EXTRACTOR_VERSION, extract

    text = "缙云上半年经济运行稳中有进\n上半年，全县实现生产总值145.17亿元，同比增长6.4%。"
    figures = extract(text, published=date(2023, 7, 27))
    p = make_processed("https://a.example/jy", text)
    p = type(p)(page=p.page, document=p.document, figures=figures, extractors=[("figures", EXTRACTOR_VERSION)])
    with writing(db_path) as con:
        load_batch(con, run_id="r1", processed=[p])
        load_batch(con, run_id="r2", processed=[p])  # the regions are not doubled either
        row = con.execute(
            "SELECT region, region_code, region_level, region_lng, region_lat, region_from, period_from, "
            "period_start, period_end, substr(d.text, period_from_start + 1, period_from_end - period_from_start) "
            "FROM figures JOIN documents_current d ON d.url = figures.document_url WHERE mention = '145.17亿元'"
        ).fetchone()
        n_regions = con.execute("SELECT count(*) FROM regions WHERE code = '331122'").fetchone()[0]
    region, code, level, lng, lat, region_from, period_from, start, end, phrase = row
    assert (region, code, level) == ("缙云县", "331122", "county")
    assert 119.5 < lng < 120.5 and 28 < lat < 29.5
    assert region_from == "全县"
    assert period_from == "上半年" == phrase  # the offsets point at the phrase in the stored text
    assert (str(start), str(end)) == ("2023-01-01", "2023-06-30")
    assert n_regions == 1
