"""The whole pipeline (no Prefect) against a real HTTP site on 127.0.0.1 and a real DuckDB file."""

from __future__ import annotations

import duckdb
import pytest

from flows.pipeline import run_plain
from flows.settings import Settings
from tests.flows.fixture_site import Reply, html

ARTICLE_UTF8 = """<html><head><meta charset="utf-8"><title>全省禁毒工作通报</title></head><body>
<div class="nav">首页 | 警务公开 | 新闻发布</div>
<div class="article"><h1>全省禁毒工作通报</h1>
<p class="date">发布时间:2019年03月12日 09:30</p>
<p>记者从省公安厅获悉,今年1至2月,全省共破获毒品刑事案件1203起,抓获犯罪嫌疑人1388人,缴获毒品2461.5公斤。</p>
<p>与去年同期相比,破获案件数同比上升6.2%,禁毒部门将继续保持严打高压态势,深入开展各项专项行动,切实维护社会稳定。</p>
</div><div class="footer">版权所有 省公安厅 备案号 00000000</div></body></html>"""

ARTICLE_GBK = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>省公安厅通报电信诈骗案件情况</title></head><body>
<div class="crumb">您当前的位置:首页 &gt; 公安要闻</div>
<div class="content"><h2>省公安厅通报电信诈骗案件情况</h2>
<div class="info">2019-04-02 来源:市公安局</div>
<p>今年一季度,全省共破获电信网络诈骗案件356起,抓获犯罪嫌疑人512名,为群众挽回经济损失1260万元。</p>
<p>市公安局提醒广大群众,凡是要求转账汇款到所谓安全账户的,都是诈骗,请提高警惕,谨防上当受骗。</p>
</div><div class="foot">主办单位:市公安局 技术支持:某某网络</div></body></html>"""


def listing(*links: str) -> Reply:
    items = "".join(f'<li><a href="{u}">稿件</a></li>' for u in links)
    return html(f"<html><body><ul>{items}</ul><a href='/about.html'>关于</a></body></html>")


@pytest.fixture
def config(tmp_path, site):
    site.route("/news/index.html", listing("/news/1.html", "/news/2.html", "/news/3.html"))
    site.route("/news/1.html", html(ARTICLE_UTF8))
    site.route("/news/2.html", Reply(body=ARTICLE_GBK.encode("gbk"), headers={"Content-Type": "text/html"}))
    site.route("/news/3.html", Reply(status=404, body=b"not here"))
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(
        "sources:\n"
        "  - name: police\n"
        "    kind: http\n"
        "    region: 云南省\n"
        f"    url: {site.url('/news/index.html')}\n"
        "    link_pattern: '/news/\\d+\\.html$'\n"
        "    allow_private_network: true\n"
        "    delay_seconds: 0\n",
        encoding="utf-8",
    )
    return cfg


def settings(cfg, db) -> Settings:
    return Settings(sources_path=cfg, db_path=db, delay_seconds=0, timeout_seconds=5, retries=1,
                    backoff_seconds=0.01)


def test_http_source_into_duckdb(config, tmp_path, site):
    db = tmp_path / "w.duckdb"
    res = run_plain(settings(config, db))
    assert res.status == "partial"  # one article is a 404
    (o,) = res.outcomes
    assert (o.discovered, o.fetched, o.documents_new, o.failures) == (3, 2, 2, 1)

    con = duckdb.connect(str(db), read_only=True)
    docs = dict(con.execute("SELECT url, encoding FROM documents").fetchall())
    errs = con.execute("SELECT url, stage, reason FROM errors").fetchall()
    gbk_text = con.execute("SELECT text FROM documents WHERE url LIKE '%/news/2.html'").fetchone()[0]
    published = dict(con.execute("SELECT url, published_at::VARCHAR FROM documents").fetchall())
    con.close()
    assert {u.rsplit("/", 1)[1] for u in docs} == {"1.html", "2.html"}
    assert docs[site.url("/news/2.html")] == "gb18030"
    assert "电信网络诈骗案件356起" in gbk_text
    assert published[site.url("/news/1.html")] == "2019-03-12"
    assert published[site.url("/news/2.html")] == "2019-04-02"
    assert errs == [(site.url("/news/3.html"), "fetch", "HTTP 404 Not Found")]


def test_second_run_fetches_no_unchanged_article_and_adds_nothing(config, tmp_path, site):
    db = tmp_path / "w.duckdb"
    run_plain(settings(config, db))
    con = duckdb.connect(str(db), read_only=True)
    before = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM extracted_figures)").fetchone()
    con.close()
    site.clear_log()
    res = run_plain(settings(config, db))
    (o,) = res.outcomes
    assert o.documents_new == 0 and o.documents_changed == 0
    assert site.hits("/news/1.html") == 0 and site.hits("/news/2.html") == 0
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM extracted_figures)").fetchone()
    con.close()
    assert after == before


def test_figures_of_the_site_land_in_the_view(config, tmp_path):
    db = tmp_path / "w.duckdb"
    run_plain(settings(config, db))
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "SELECT value, unit, period_start::VARCHAR, period_end::VARCHAR, region FROM figures "
        "WHERE mention IN ('1203起', '1260万元') ORDER BY value"
    ).fetchall()
    con.close()
    assert rows == [
        (1203.0, "起", "2019-01-01", "2019-02-28", "云南省"),
        (12600000.0, "元", "2019-01-01", "2019-03-31", "云南省"),
    ]


def test_faults_through_the_warehouse_leave_whole_documents_and_error_rows(tmp_path, site):
    from tests.flows.fixture_site import gzip_bomb

    good = ARTICLE_UTF8
    site.route("/f/index.html", listing(*[f"/f/{n}.html" for n in
                                          ("retry", "busy", "ok", "slow", "truncated", "reset", "loop", "away",
                                           "big", "bomb", "missing")]))
    site.route("/f/retry.html", Reply(status=500), html(good.replace("1203起", "1301起")))
    site.route("/f/busy.html", Reply(status=429, headers={"Retry-After": "1"}), html(good.replace("1203起", "1302起")))
    site.route("/f/ok.html", html(good))
    site.route("/f/slow.html", html(good, delay=3))
    site.route("/f/truncated.html", Reply(body=good.encode() * 3, fault="truncate", truncate_at=900,
                                          headers={"Content-Type": "text/html; charset=utf-8"}))
    site.route("/f/reset.html", Reply(fault="reset"))
    site.route("/f/loop.html", Reply(status=302, headers={"Location": "/f/loop.html"}))
    site.route("/f/away.html", Reply(status=302, headers={"Location": "http://evil.example/a.html"}))
    site.route("/f/big.html", Reply(fault="stream", stream_size=50 * 1024 * 1024))
    site.route("/f/bomb.html", Reply(body=gzip_bomb(), headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}))
    cfg = tmp_path / "sources.yaml"
    cfg.write_text("sources:\n  - name: faults\n    kind: http\n    region: 云南省\n"
                   f"    url: {site.url('/f/index.html')}\n    link_pattern: '/f/[a-z]+\\.html$'\n"
                   "    allow_private_network: true\n    delay_seconds: 0\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    s = Settings(sources_path=cfg, db_path=db, delay_seconds=0, timeout_seconds=1, retries=1,
                 backoff_seconds=0.01, max_bytes=1024 * 1024, max_redirects=3)
    res = run_plain(s)
    assert res.status == "partial"
    con = duckdb.connect(str(db), read_only=True)
    docs = {u.rsplit("/", 1)[1]: t for u, t in con.execute("SELECT url, text FROM documents").fetchall()}
    errs = {u.rsplit("/", 1)[1]: (st, r) for u, st, r in con.execute("SELECT url, stage, reason FROM errors").fetchall()}
    values = sorted(v for (v,) in con.execute("SELECT value FROM figures WHERE unit = '起'").fetchall())
    con.close()
    assert set(docs) == {"retry.html", "busy.html", "ok.html"}
    assert all("全省共破获毒品刑事案件" in t for t in docs.values())  # whole documents only
    assert set(errs) == {"slow.html", "truncated.html", "reset.html", "loop.html", "away.html", "big.html",
                         "bomb.html", "missing.html"}
    assert all(stage == "fetch" for stage, _ in errs.values())
    assert errs["bomb.html"][1] == "response larger than 1048576 bytes"
    assert errs["away.html"][1] == "redirect to host evil.example not allowed"
    assert errs["missing.html"][1] == "HTTP 404 Not Found"
    assert values == [1203.0, 1301.0, 1302.0]
