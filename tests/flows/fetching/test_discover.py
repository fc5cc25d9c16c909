"""Discovery per source kind, against the fixture site (HTTP kinds) and temp files (local)."""

from __future__ import annotations

import asyncio
import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.config import DirectorySource, FeedSource, HttpSource, SitemapSource, UrlListSource, WarcSource
from flows.errors import SourceError
from flows.fetching.discover import ArchivedRecord, discover, discover_directory, iter_warc
from flows.fetching.http import PoliteClient
from flows.model import Failure, SeenUrl
from flows.settings import Settings
from tests.flows.fixture_site import Reply, html

SETTINGS = Settings(timeout_seconds=0.5, retries=1, backoff_seconds=0.01, delay_seconds=0.0, max_bytes=1024 * 1024)


def run(source, seen=None):
    async def go():
        async with PoliteClient.for_source(source, SETTINGS) as client:
            return await discover(source, client, seen or {})

    return asyncio.run(go())


def listing(links: list[tuple[str, str]], *, charset="gbk", extra="") -> Reply:
    items = "\n".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    page = f"<html><head><title>警务动态</title></head><body><ul>{items}</ul>{extra}</body></html>"
    return html(page, charset=charset)


def http_source(site, **kw) -> HttpSource:
    return HttpSource(
        kind="http", name="police", url=site.url("/jwdt/index.html"),
        link_pattern=r"/jwdt/t\d+_\d+\.html$", allow_private_network=True, **kw,
    )


# -- listing pages -----------------------------------------------------------------------


def test_listing_links_match_the_pattern_on_canonical_urls(site):
    site.route("/jwdt/index.html", listing([
        ("./t20240101_1.html", "一"),
        ("t20240101_2.html?utm_source=wx#top", "二"),
        (site.url("/jwdt/t20240101_1.html"), "一 again"),
        ("/about.html", "关于"),
        ("javascript:void(0)", "打印"),
        ("mailto:x@example.cn", "信箱"),
    ]))
    found = run(http_source(site))
    assert list(found.urls) == [site.url("/jwdt/t20240101_1.html"), site.url("/jwdt/t20240101_2.html")]
    # the site's own spelling is what gets requested (minus the fragment)
    assert found.urls[site.url("/jwdt/t20240101_2.html")] == site.url("/jwdt/t20240101_2.html?utm_source=wx")
    assert found.listing_requests == 1 and site.hits("/jwdt/index.html") == 1


def test_base_href_is_respected(site):
    site.route("/jwdt/index.html", html('<html><head><base href="/archive/jwdt/"></head><body>'
                                        '<a href="t20240101_1.html">一</a></body></html>'))
    found = run(http_source(site))
    assert list(found.urls) == [site.url("/archive/jwdt/t20240101_1.html")]


def test_pagination_by_next_link_text(site):
    site.route("/jwdt/index.html", listing([("t1_1.html", "一")], extra='<a href="index_1.html">下一页</a>'))
    site.route("/jwdt/index_1.html", listing(
        [("t1_2.html", "二"), ("t1_1.html", "一 (again)")],
        extra='<a href="index.html">上一页</a><a href="index_2.html">下一页</a>',
    ))
    site.route("/jwdt/index_2.html", listing([("t1_3.html", "三")], extra='<a href="index_1.html">上一页</a>'))
    found = run(http_source(site, next_page_pattern="下一页", max_pages=10))
    assert [u.rsplit("/", 1)[1] for u in found.urls] == ["t1_1.html", "t1_2.html", "t1_3.html"]
    assert site.hits("/jwdt/index.html") == 1 and site.hits("/jwdt/index_2.html") == 1


def test_pagination_stops_at_max_pages(site):
    for i in range(6):
        name = "index.html" if i == 0 else f"index_{i}.html"
        site.route(f"/jwdt/{name}", listing([(f"t1_{i}.html", str(i))], extra=f'<a href="index_{i + 1}.html">下一页</a>'))
    found = run(http_source(site, next_page_pattern="下一页", max_pages=3))
    assert len(found.urls) == 3
    assert site.hits("/jwdt/index_3.html") == 0


def test_pagination_by_url_template_trs_style(site):
    # TRS sites: index.html is page 1, index_1.html page 2, ... ; {page0} is the page number - 1
    site.route("/jwdt/index.html", listing([("t1_1.html", "一")]))
    site.route("/jwdt/index_1.html", listing([("t1_2.html", "二")]))
    site.route("/jwdt/index_2.html", listing([("t1_3.html", "三")]))
    found = run(http_source(site, page_url_template=site.url("/jwdt/index_{page0}.html"), max_pages=10))
    assert len(found.urls) == 3
    assert site.hits("/jwdt/index_3.html") == 1  # a 404 ends the listing quietly
    assert found.failures == []


def test_a_failing_later_page_is_a_discover_failure(site):
    site.route("/jwdt/index.html", listing([("t1_1.html", "一")], extra='<a href="index_1.html">下一页</a>'))
    site.route("/jwdt/index_1.html", Reply(status=500))
    found = run(http_source(site, next_page_pattern="下一页", max_pages=5))
    assert len(found.urls) == 1
    assert found.failures == [
        Failure("police", site.url("/jwdt/index_1.html"), "discover", "HTTP 500 Internal Server Error (2 attempts)")
    ]


def test_an_unreachable_first_page_fails_the_source(site):
    site.route("/jwdt/index.html", Reply(fault="reset"))
    with pytest.raises(SourceError, match="listing page .* unreachable: connection reset"):
        run(http_source(site))


def test_listing_pages_use_conditional_get(site):
    site.route("/jwdt/index.html", Reply(
        body=b'<a href="t1_1.html">1</a><a href="index_1.html">next</a>', etag='"L1"',
        headers={"Content-Type": "text/html"},
    ))
    site.route("/jwdt/index_1.html", listing([("t1_2.html", "二")]))
    source = http_source(site, next_page_pattern="next", max_pages=3)
    first = run(source)
    key = site.url("/jwdt/index.html")
    assert first.validators[key] == ('"L1"', None) and len(first.urls) == 2
    seen = {key: SeenUrl(key, '"L1"', None, None)}
    again = run(source, seen)
    assert again.urls == {} and again.validators[key] == ('"L1"', None)
    assert site.log[-1].status == 304 and site.hits("/jwdt/index_1.html") == 1


# -- feeds and sitemaps ------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="gb2312"?>
<rss version="2.0"><channel><title>公安新闻</title>
<item><title>一</title><link>{base}/a/1.html?utm_source=rss</link></item>
<item><title>二</title><guid>{base}/a/2.html</guid></item>
<item><title>无链接</title><guid isPermaLink="false">abc</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>新闻</title>
<entry><title>一</title><link rel="alternate" href="/a/1.html"/><link rel="enclosure" href="/x.mp3"/></entry>
<entry><title>二</title><link href="{base}/a/2.html"/></entry>
</feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="x"><title>t</title></channel>
<item rdf:about="{base}/a/1.html"><title>一</title><link>{base}/a/1.html</link></item>
</rdf:RDF>"""


@pytest.mark.parametrize(("template", "encoding", "expected"), [(RSS, "gb2312", 2), (ATOM, "utf-8", 2), (RDF, "utf-8", 1)])
def test_feeds(site, template, encoding, expected):
    site.route("/feed.xml", Reply(body=template.format(base=site.url("")).encode(encoding),
                                  headers={"Content-Type": "application/xml"}))
    found = run(FeedSource(kind="feed", name="f", url=site.url("/feed.xml"), allow_private_network=True))
    assert list(found.urls) == [site.url("/a/1.html"), site.url("/a/2.html")][:expected]


def test_something_that_is_not_a_feed_fails_the_source(site):
    site.route("/feed.xml", html("<html><body>维护中</body></html>"))
    with pytest.raises(SourceError, match="is not an RSS or Atom feed"):
        run(FeedSource(kind="feed", name="f", url=site.url("/feed.xml"), allow_private_network=True))


def _urlset(*locs: str) -> bytes:
    urls = "".join(f"<url><loc>{loc}</loc><lastmod>2024-01-01</lastmod></url>" for loc in locs)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def test_sitemap_with_link_pattern(site):
    site.route("/sitemap.xml", Reply(body=_urlset(site.url("/a/1.html"), site.url("/about.html"), site.url("/a/2.html"))))
    source = SitemapSource(kind="sitemap", name="s", url=site.url("/sitemap.xml"), link_pattern=r"/a/\d+\.html$",
                           allow_private_network=True)
    assert list(run(source).urls) == [site.url("/a/1.html"), site.url("/a/2.html")]


def test_sitemap_index_with_gzipped_and_failing_children(site):
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/sm1.xml')}</loc></sitemap>"
        f"<sitemap><loc>{site.url('/sm2.xml.gz')}</loc></sitemap>"
        f"<sitemap><loc>{site.url('/sm3.xml')}</loc></sitemap>"
        "</sitemapindex>"
    ).encode()
    site.route("/sitemap.xml", Reply(body=index))
    site.route("/sm1.xml", Reply(body=_urlset(site.url("/a/1.html"))))
    site.route("/sm2.xml.gz", Reply(body=gzip.compress(_urlset(site.url("/a/2.html"), site.url("/a/1.html"))),
                                    headers={"Content-Type": "application/x-gzip"}))
    found = run(SitemapSource(kind="sitemap", name="s", url=site.url("/sitemap.xml"), allow_private_network=True))
    assert list(found.urls) == [site.url("/a/1.html"), site.url("/a/2.html")]
    assert [(f.url, f.stage, f.reason) for f in found.failures] == [
        (site.url("/sm3.xml"), "discover", "HTTP 404 Not Found")
    ]


def test_url_list_is_canonical_and_deduplicated():
    source = UrlListSource(kind="urls", name="u", urls=[
        "http://news.example.cn/a/1.html#x", "HTTP://NEWS.example.cn/a/1.html?utm_medium=x", "http://news.example.cn/a/2.html",
    ])
    found = run(source)
    assert found.urls == {
        "http://news.example.cn/a/1.html": "http://news.example.cn/a/1.html",
        "http://news.example.cn/a/2.html": "http://news.example.cn/a/2.html",
    }
    assert found.listing_requests == 0


# -- local kinds ---------------------------------------------------------------------------


def test_directory_files_sorted_with_glob_and_gz(tmp_path):
    (tmp_path / "b.html").write_bytes(b"b")
    (tmp_path / "a.htm").write_bytes(b"a")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"c"))
    (tmp_path / "d.pdf").write_bytes(b"d")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.html").write_bytes(b"e")
    flat = DirectorySource(kind="directory", name="d", path=tmp_path)
    assert [p.name for p in discover_directory(flat)] == ["a.htm", "b.html", "c.txt.gz"]
    deep = DirectorySource(kind="directory", name="d", path=tmp_path, recursive=True, glob=["*.html"])
    assert [p.relative_to(tmp_path).as_posix() for p in discover_directory(deep)] == ["b.html", "sub/e.html"]


def test_missing_directory_fails_the_source(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        discover_directory(DirectorySource(kind="directory", name="d", path=tmp_path / "nope"))


def write_warc(path, records):
    """records: (url, status, headers, body) or ('request', url)."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for rec in records:
            if rec[0] == "request":
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
                writer.write_record(writer.create_warc_record(rec[1], "request", payload=io.BytesIO(b""), http_headers=req))
                continue
            url, status, headers, body = rec
            http = StatusAndHeaders(f"{status} X", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def test_warc_response_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    gbk = "<p>公安局通报</p>".encode("gbk")
    write_warc(path, [
        ("request", "http://gaj.example.cn/a/1.html"),
        ("http://gaj.example.cn/a/1.html?utm_source=x", 200, [("Content-Type", "text/html; charset=gbk")], gbk),
        ("http://gaj.example.cn/a/2.html", 404, [("Content-Type", "text/html")], b"gone"),
        ("http://gaj.example.cn/about.html", 200, [("Content-Type", "text/html")], b"about"),
        ("http://gaj.example.cn/a/3.html", 200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
         gzip.compress(b"<p>three</p>")),
    ])
    items = list(iter_warc(WarcSource(kind="warc", name="w", path=path, link_pattern=r"/a/\d+\.html$"), 1024 * 1024))
    assert all(isinstance(i, ArchivedRecord) for i in items)
    assert [(i.url, i.status, i.body) for i in items] == [
        ("http://gaj.example.cn/a/1.html", 200, gbk),
        ("http://gaj.example.cn/a/3.html", 200, b"<p>three</p>"),
    ]
    assert items[0].headers["content-type"] == "text/html; charset=gbk"
    assert items[0].target_uri == "http://gaj.example.cn/a/1.html?utm_source=x" and items[0].date is not None


def test_unreadable_warc_fails_the_source(tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"this is not a warc file at all\n" * 10)
    with pytest.raises(SourceError, match="cannot read WARC"):
        list(iter_warc(WarcSource(kind="warc", name="w", path=bad), 1024))
    with pytest.raises(SourceError, match="cannot open WARC"):
        list(iter_warc(WarcSource(kind="warc", name="w", path=tmp_path / "missing.warc"), 1024))


def test_a_bad_page_url_template_fails_the_source(site):
    site.route("/jwdt/index.html", listing([("t1_1.html", "一")]))
    with pytest.raises(SourceError, match="page_url_template"):
        run(http_source(site, page_url_template=site.url("/jwdt/index_{n}.html"), max_pages=2))
