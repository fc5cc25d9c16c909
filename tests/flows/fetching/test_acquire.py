"""acquire_source end to end against the fixture site: faults, politeness, incremental runs."""

from __future__ import annotations

import asyncio
import gzip
import os
from datetime import UTC

from flows.cleaning.decode import decode
from flows.config import DirectorySource, FeedSource, HttpSource, SitemapSource, UrlListSource, WarcSource
from flows.fetching.acquire import acquire_source, acquire_source_sync
from flows.fetching.http import PoliteClient
from flows.model import Acquired, SeenUrl
from flows.settings import Settings
from tests.flows.fetching.test_discover import write_warc
from tests.flows.fixture_site import Reply, gzip_bomb, html

SETTINGS = Settings(
    timeout_seconds=0.5, retries=2, backoff_seconds=0.01, max_retry_after_seconds=2.0,
    delay_seconds=0.0, concurrency_per_host=4, max_bytes=1024 * 1024, max_redirects=3,
)

# (path, text, how it is served): the encodings the issue names, each labelled differently
ARTICLES = {
    "/jwdt/t20240101_1.html": ("市公安局破获电信诈骗案件123起", "gbk-header"),
    "/jwdt/t20240102_2.html": ("全市刑事案件同比下降12.5%，镕堃", "gbk-meta"),
    "/jwdt/t20240103_3.html": ("交警支队查处酒驾违法行为 45 起", "gb2312-none"),
    "/jwdt/t20240104_4.html": ("粤港澳大湾区警务合作𠀀", "gb18030-header"),
    "/jwdt/t20240105_5.html": ("臺北市政府警察局破獲詐騙集團共計十二人", "big5-none"),
    "/jwdt/t20240106_6.html": ("UTF-8 通报：抓获嫌疑人 7 名", "utf8-header"),
    "/jwdt/t20240107_7.html": ("标题说是 UTF-8 其实是 GBK 编码的警情通报", "gbk-wrong-header"),
}


def article_reply(text: str, how: str, n: int) -> Reply:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gbk">' if how == "gbk-meta" else ""
    page = f"<html><head>{meta}<title>{text[:6]}</title></head><body><p>{text}</p></body></html>"
    codec, header = {
        "gbk-header": ("gbk", "gbk"), "gbk-meta": ("gbk", None), "gb2312-none": ("gb2312", None),
        "gb18030-header": ("gb18030", "gb18030"), "big5-none": ("big5", None), "utf8-header": ("utf-8", "utf-8"),
        "gbk-wrong-header": ("gbk", "utf-8"),
    }[how]
    ctype = "text/html" + (f"; charset={header}" if header else "")
    return Reply(body=page.encode(codec), headers={"Content-Type": ctype}, etag=f'"a{n}-v1"')


def police_site(site) -> dict[str, bytes]:
    """A paginated GBK police listing: 3 pages, 7 articles, one article on two pages."""
    paths = list(ARTICLES)
    pages = [paths[0:3], paths[2:5], paths[5:7]]  # t20240103_3 is on pages 1 and 2
    for i, group in enumerate(pages):
        name = "index.html" if i == 0 else f"index_{i}.html"
        links = "".join(f'<li><a href=".{p[5:]}?utm_source=list{i}">{ARTICLES[p][0][:8]}</a></li>' for p in group)
        nxt = f'<a href="index_{i + 1}.html">下一页</a>' if i < len(pages) - 1 else ""
        body = f"<html><body><ul>{links}</ul><a href='/'>首页</a>{nxt}</body></html>"
        site.route(f"/jwdt/{name}", Reply(body=body.encode("gbk"), headers={"Content-Type": "text/html; charset=gbk"},
                                          etag=f'"L{i}"'))
    served = {}
    for n, (path, (text, how)) in enumerate(ARTICLES.items(), 1):
        reply = article_reply(text, how, n)
        site.route(path, reply)
        served[path] = reply.body
    return served


def police_source(site, **kw) -> HttpSource:
    return HttpSource(
        kind="http", name="police", url=site.url("/jwdt/index.html"), link_pattern=r"/jwdt/t\d+_\d+\.html$",
        next_page_pattern="下一页", max_pages=5, allow_private_network=True, **kw,
    )


def seen_from(acquired: Acquired, *, with_listings: bool = True) -> dict[str, SeenUrl]:
    """What the warehouse would hand the next run: stored pages plus the validators it kept."""
    seen = {}
    for url, (etag, last_modified) in acquired.validators.items():
        if with_listings or any(p.url == url for p in acquired.pages):
            seen[url] = SeenUrl(url, etag, last_modified, None)
    for p in acquired.pages:
        etag, last_modified = acquired.validators.get(p.url, (None, None))
        seen[p.url] = SeenUrl(p.url, etag, last_modified, p.sha256)
    return seen


def article_hits(site) -> int:
    return sum(site.hits(p) for p in ARTICLES)


def test_paginated_gbk_listing_is_fetched_once_per_article(site):
    served = police_site(site)
    got = acquire_source_sync(police_source(site), SETTINGS, {})
    assert got.fatal is None and got.failures == []
    assert got.discovered == 7 and got.skipped == 0
    assert {p.url for p in got.pages} == {site.url(p) for p in ARTICLES}
    for p in ARTICLES:
        assert site.hits(p) == 1  # t20240103_3 is linked from two pages, fetched once
    for page in got.pages:
        path = page.url.removeprefix(site.url(""))
        assert page.body == served[path]  # raw bytes kept, not decoded
        assert page.status == 200 and page.source == "police"
        assert page.headers["content-type"].startswith("text/html") and page.headers["etag"]
        assert page.fetched_at is not None and page.fetched_at.tzinfo is UTC
        assert page.final_url is None
    assert got.validators[site.url("/jwdt/index.html")] == ('"L0"', None)
    assert got.validators[site.url("/jwdt/t20240101_1.html")] == ('"a1-v1"', None)


def test_every_encoding_decodes_from_the_kept_bytes(site):
    police_site(site)
    got = acquire_source_sync(police_source(site), SETTINGS, {})
    for page in got.pages:
        text, encoding = decode(page.body, page.headers, url=page.url)
        expected, how = ARTICLES[page.url.removeprefix(site.url(""))]
        assert expected in text, (how, encoding)
        assert encoding == {"big5-none": "big5hkscs", "utf8-header": "utf-8"}.get(how, "gb18030"), how


def test_second_run_against_an_unchanged_site_fetches_no_article(site):
    police_site(site)
    first = acquire_source_sync(police_source(site), SETTINGS, {})
    assert len(first.pages) == 7
    site.clear_log()
    second = acquire_source_sync(police_source(site), SETTINGS, seen_from(first, with_listings=False))
    assert article_hits(site) == 0
    assert second.pages == [] and second.failures == [] and second.fatal is None
    assert second.discovered == 7 and second.skipped == 7
    assert sorted(set(site.paths())) == ["/jwdt/index.html", "/jwdt/index_1.html", "/jwdt/index_2.html", "/robots.txt"]


def test_second_run_with_listing_validators_gets_304_for_the_listing(site):
    police_site(site)
    first = acquire_source_sync(police_source(site), SETTINGS, {})
    site.clear_log()
    second = acquire_source_sync(police_source(site), SETTINGS, seen_from(first))
    assert article_hits(site) == 0 and second.pages == []
    assert [(h.path, h.status) for h in site.log if h.path != "/robots.txt"] == [("/jwdt/index.html", 304)]
    assert site.log[-1].headers["if-none-match"] == '"L0"'


def test_recheck_seen_uses_conditional_get_and_a_changed_article_is_a_new_page(site):
    police_site(site)
    first = acquire_source_sync(police_source(site), SETTINGS, {})
    changed = "/jwdt/t20240101_1.html"
    site.route(changed, Reply(body="<p>更正：破获案件124起</p>".encode("gbk"),
                              headers={"Content-Type": "text/html; charset=gbk"}, etag='"a1-v2"'))
    site.clear_log()
    second = acquire_source_sync(police_source(site, recheck_seen=True), SETTINGS, seen_from(first, with_listings=False))
    assert [p.url for p in second.pages] == [site.url(changed)]
    assert second.pages[0].sha256 != next(p.sha256 for p in first.pages if p.url == site.url(changed))
    assert second.skipped == 6  # 304 Not Modified
    assert second.validators[site.url(changed)] == ('"a1-v2"', None)
    rechecked = [h for h in site.log if h.path.split("?")[0] in ARTICLES and not h.path.startswith(changed)]
    assert len(rechecked) == 6 and {h.status for h in rechecked} == {304}


def test_faults_become_failures_and_the_run_goes_on(site):
    base = site.url("")
    site.route("/a/retry.html", Reply(status=500), html("<p>second time lucky</p>"))
    site.route("/a/busy.html", Reply(status=429, headers={"Retry-After": "1"}), html("<p>after waiting</p>"))
    site.route("/a/slow.html", html("<p>late</p>", delay=3))
    site.route("/a/truncated.html", Reply(body=b"<p>" + b"x" * 4997, fault="truncate", truncate_at=1200))
    site.route("/a/reset.html", Reply(fault="reset"))
    site.route("/a/loop.html", Reply(status=302, headers={"Location": "/a/loop.html"}))
    site.route("/a/away.html", Reply(status=302, headers={"Location": "http://evil.example/a.html"}))
    site.route("/a/big.html", Reply(fault="stream", stream_size=50 * 1024 * 1024))
    site.route("/a/bomb.html", Reply(body=gzip_bomb(), headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}))
    site.route("/a/ok.html", html("<p>fine</p>"))
    expected = {
        "/a/slow.html": "timed out after 0.5 s (3 attempts)",
        "/a/truncated.html": "truncated body: got 1200 of 5000 bytes (3 attempts)",
        "/a/reset.html": "connection reset (3 attempts)",
        "/a/loop.html": "too many redirects (3)",
        "/a/away.html": "redirect to host evil.example not allowed",
        "/a/big.html": "response larger than 1048576 bytes",
        "/a/bomb.html": "response larger than 1048576 bytes",
        "/a/missing.html": "HTTP 404 Not Found",
    }
    urls = ["/a/retry.html", "/a/busy.html", "/a/ok.html", *expected]
    source = UrlListSource(kind="urls", name="faults", urls=[base + u for u in urls], allow_private_network=True)
    got = acquire_source_sync(source, SETTINGS, {})
    assert got.fatal is None and got.discovered == len(urls)
    assert sorted(p.url for p in got.pages) == sorted(base + u for u in ["/a/retry.html", "/a/busy.html", "/a/ok.html"])
    assert {f.url: f.reason for f in got.failures} == {base + u: r for u, r in expected.items()}
    assert {f.stage for f in got.failures} == {"fetch"}
    assert site.hits("/a/retry.html") == 2 and site.hits("/a/busy.html") == 2 and site.hits("/a/missing.html") == 1
    busy = [h.start for h in site.log if h.path == "/a/busy.html"]
    assert busy[1] - busy[0] >= 0.95  # Retry-After honoured
    bodies = {p.url.removeprefix(base): p.body for p in got.pages}  # whole documents only
    assert bodies == {"/a/retry.html": b"<p>second time lucky</p>", "/a/busy.html": b"<p>after waiting</p>",
                      "/a/ok.html": b"<p>fine</p>"}


def test_an_unreachable_listing_fails_the_source_without_raising(site):
    site.route("/jwdt/index.html", Reply(status=503))
    got = acquire_source_sync(police_source(site), SETTINGS, {})
    assert got.fatal == (f"listing page {site.url('/jwdt/index.html')} unreachable: "
                         "HTTP 503 Service Unavailable (3 attempts)")
    assert got.pages == [] and got.failures == []


def test_a_failed_article_makes_the_next_run_read_the_listing_in_full(site):
    police_site(site)
    site.route("/jwdt/t20240102_2.html", Reply(status=500))
    first = acquire_source_sync(police_source(site), SETTINGS, {})
    assert [f.url for f in first.failures] == [site.url("/jwdt/t20240102_2.html")]
    assert first.validators[site.url("/jwdt/index.html")] == (None, None)  # forget: re-read next time
    police_site(site)  # the article is back
    site.clear_log()
    second = acquire_source_sync(police_source(site), SETTINGS, seen_from(first))
    assert [p.url for p in second.pages] == [site.url("/jwdt/t20240102_2.html")]
    assert article_hits(site) == 1


def test_politeness_asserted_from_the_server_log(site):
    site.robots = "User-agent: *\nDisallow: /jwdt/secret/\n"
    links = "".join(f'<a href="t2024_{i}.html">{i}</a>' for i in range(12))
    links += '<a href="secret/t2024_99.html">内部</a>'
    site.route("/jwdt/index.html", html(f"<html><body>{links}</body></html>", charset="gbk"))
    for i in range(12):
        site.route(f"/jwdt/t2024_{i}.html", html(f"<p>{i}</p>", delay=0.4))
    site.route("/jwdt/secret/t2024_99.html", html("<p>secret</p>"))
    source = HttpSource(kind="http", name="polite", url=site.url("/jwdt/index.html"),
                        link_pattern=r"/t2024_\d+\.html$", allow_private_network=True,
                        concurrency=2, delay_seconds=0.2)  # well above a loaded machine's lateness
    settings = Settings(**{**{f: getattr(SETTINGS, f) for f in SETTINGS.__slots__}, "timeout_seconds": 5.0})
    got = acquire_source_sync(source, settings, {})
    assert len(got.pages) == 12
    assert [(f.url, f.reason) for f in got.failures] == [
        (site.url("/jwdt/secret/t2024_99.html"), "disallowed by robots.txt")
    ]
    assert "/jwdt/secret/t2024_99.html" not in site.paths()  # never requested
    assert site.max_in_flight() == 2  # the limit is used and never exceeded
    gaps = site.start_gaps("127.0.0.1")
    # every start at least the delay after the one before, as the server saw them. A request the busy server
    # logs late makes the next gap look shorter by as much, but the lateness does not add up: over k gaps the
    # starts are k delays apart less one late log (50 ms), and no single gap is below half the delay
    assert min(gaps) >= 0.2 / 2, gaps
    assert all(sum(gaps[i : j + 1]) >= (j - i + 1) * 0.2 - 0.05 for i in range(len(gaps)) for j in range(i, len(gaps))), gaps


def test_max_articles_limits_one_run(site):
    police_site(site)
    got = acquire_source_sync(police_source(site, max_articles=2), SETTINGS, {})
    assert len(got.pages) == 2 and got.discovered == 7 and article_hits(site) == 2


def test_feed_and_sitemap_sources(site):
    police_site(site)
    items = "".join(f"<item><link>{site.url(p)}</link></item>" for p in list(ARTICLES)[:2])
    site.route("/rss.xml", Reply(body=f"<rss><channel>{items}</channel></rss>".encode(), etag='"F1"'))
    urls = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in list(ARTICLES)[2:5])
    site.route("/sitemap.xml", Reply(body=f"<urlset>{urls}</urlset>".encode()))
    feed = acquire_source_sync(FeedSource(kind="feed", name="f", url=site.url("/rss.xml"), allow_private_network=True),
                               SETTINGS, {})
    assert len(feed.pages) == 2 and feed.validators[site.url("/rss.xml")] == ('"F1"', None)
    sitemap = acquire_source_sync(
        SitemapSource(kind="sitemap", name="s", url=site.url("/sitemap.xml"), allow_private_network=True), SETTINGS, {})
    assert len(sitemap.pages) == 3


def test_a_shared_client_serves_several_sources(site):
    police_site(site)

    async def go():
        async with PoliteClient(SETTINGS, allow_private_network=True) as client:
            a = await acquire_source(police_source(site), SETTINGS, {}, client=client)
            b = await acquire_source(police_source(site), SETTINGS, seen_from(a, with_listings=False), client=client)
            return a, b

    a, b = asyncio.run(go())
    assert len(a.pages) == 7 and b.pages == [] and b.skipped == 7
    assert site.hits("/robots.txt") == 1


def test_directory_source(tmp_path):
    (tmp_path / "a.html").write_bytes("<p>公安</p>".encode("gbk"))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress("通报".encode()))
    (tmp_path / "empty.htm").write_bytes(b"")
    os.symlink(tmp_path / "nowhere.html", tmp_path / "broken.html")
    source = DirectorySource(kind="directory", name="d", path=tmp_path)
    got = acquire_source_sync(source, SETTINGS, {})
    assert got.fatal is None and got.discovered == 4
    assert [(p.url.rsplit("/", 1)[1], p.body, p.headers) for p in got.pages] == [
        ("a.html", "<p>公安</p>".encode("gbk"), {"content-type": "text/html"}),
        ("b.txt.gz", "通报".encode(), {"content-type": "text/plain"}),
        ("empty.htm", b"", {"content-type": "text/html"}),  # cleaning rejects it, by name
    ]
    assert got.pages[0].url == (tmp_path / "a.html").resolve().as_uri()
    assert len(got.failures) == 1 and got.failures[0].url == str(tmp_path / "broken.html")
    assert got.failures[0].stage == "fetch" and str(tmp_path / "broken.html") in got.failures[0].reason
    # a second run skips unchanged files; a changed one is a new page
    (tmp_path / "a.html").write_bytes("<p>公安 更正</p>".encode("gbk"))
    again = acquire_source_sync(source, SETTINGS, seen_from(got))
    assert [p.url.rsplit("/", 1)[1] for p in again.pages] == ["a.html"] and again.skipped == 2


def test_missing_directory_is_fatal(tmp_path):
    got = acquire_source_sync(DirectorySource(kind="directory", name="d", path=tmp_path / "gone"), SETTINGS, {})
    assert got.fatal and "does not exist" in got.fatal and got.pages == []


def test_warc_source(tmp_path):
    path = tmp_path / "backfill.warc.gz"
    write_warc(path, [
        ("http://gaj.example.cn/a/1.html", 200, [("Content-Type", "text/html; charset=gbk")], "<p>一</p>".encode("gbk")),
        ("http://gaj.example.cn/a/1.html#again", 200, [("Content-Type", "text/html")], b"<p>dup</p>"),
        ("http://gaj.example.cn/a/2.html", 500, [], b"oops"),
    ])
    got = acquire_source_sync(WarcSource(kind="warc", name="w", path=path), SETTINGS, {})
    assert got.fatal is None
    assert [(p.url, p.body) for p in got.pages] == [("http://gaj.example.cn/a/1.html", "<p>一</p>".encode("gbk"))]
    assert got.pages[0].fetched_at is not None
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"garbage\n" * 5)
    assert acquire_source_sync(WarcSource(kind="warc", name="w", path=bad), SETTINGS, {}).fatal.startswith("cannot read WARC")
