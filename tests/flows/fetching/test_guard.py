"""Reaching only where it should: host names that resolve to private addresses, DNS answers that
change between check and connection, links to other schemes, and XML that tries to expand or
fetch entities. A real server on 127.0.0.1 wherever a connection is made; the names that resolve
to it ("2130706433", "127.1", "0x7f000001") are read as 127.0.0.1 by the system's resolver
itself, with no DNS server involved."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from pathlib import Path

import duckdb
import httpcore
import httpx
import pytest

from flows.cli import main
from flows.config import FeedSource, HttpSource, SitemapSource, address_is_public, check_url
from flows.errors import FetchError
from flows.fetching.acquire import acquire_source_sync
from flows.fetching.guard import GuardedTransport
from flows.fetching.http import PoliteClient
from flows.settings import Settings
from tests import tally
from tests.flows.fixture_site import Reply, html

pytestmark = pytest.mark.reliability

SETTINGS = Settings(user_agent="pressetl-test/0.1", timeout_seconds=2.0, retries=0, delay_seconds=0.0)
LOOPBACK_NAMES = ["2130706433", "127.1", "0x7f000001"]  # the resolver reads each as 127.0.0.1


def fetch(url: str, *, allow_private: bool, transport: httpx.AsyncBaseTransport | None = None):
    async def go():
        async with PoliteClient(SETTINGS, allow_private_network=allow_private, transport=transport) as client:
            return await client.fetch(url)

    return asyncio.run(go())


@pytest.mark.parametrize("name", LOOPBACK_NAMES)
def test_a_host_name_that_resolves_to_loopback_is_refused_before_any_request(site, name):
    site.route("/a.html", html("<p>内部</p>"))
    url = f"http://{name}:{site.port}/a.html"
    check_url(url, allow_private=False)  # the URL as written passes: only resolving tells
    with pytest.raises(FetchError) as e:
        fetch(url, allow_private=False)
    tally.add(hostile=1)
    assert f"{name} resolves to 127.0.0.1" in e.value.reason and "private or loopback" in e.value.reason
    assert site.hits() == 0  # not even robots.txt was asked
    assert fetch(url, allow_private=True).body == "<p>内部</p>".encode()  # allowed: the same name connects


def test_the_connection_goes_to_the_address_that_was_checked(site):
    """A resolver whose answer turns private after the first lookup (DNS rebinding): the
    connection is made to the address checked, and the name is resolved once per connection."""
    answers = iter([["93.184.215.14"], ["127.0.0.1"], ["127.0.0.1"]])
    lookups: list[str] = []
    connected: list[str] = []

    async def rebinding(host: str, port: int) -> list[str]:
        lookups.append(host)
        return next(answers)

    class Recording(httpcore.AsyncNetworkBackend):
        """Records the address asked for, then connects to the fixture site (never the internet)."""

        def __init__(self) -> None:
            self.real = httpcore.AnyIOBackend()

        async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            connected.append(host)
            return await self.real.connect_tcp("127.0.0.1", site.port, timeout=timeout)

        async def sleep(self, seconds):
            await self.real.sleep(seconds)

    site.route("/a.html", html("<p>公开</p>"))
    transport = GuardedTransport(limits=httpx.Limits(), resolver=rebinding, inner=Recording())
    got = fetch(f"http://press.example.gov.cn:{site.port}/a.html", allow_private=False, transport=transport)
    tally.add(hostile=1)
    assert got.body == "<p>公开</p>".encode()
    assert connected == ["93.184.215.14"] and lookups == ["press.example.gov.cn"]  # robots.txt and the page: one connection


def test_a_name_with_one_private_address_among_public_ones_is_refused(site):
    async def mixed(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "10.0.0.7"]

    transport = GuardedTransport(limits=httpx.Limits(), resolver=mixed)
    with pytest.raises(FetchError) as e:
        fetch("http://press.example.gov.cn/a.html", allow_private=False, transport=transport)
    tally.add(hostile=1)
    assert "resolves to 10.0.0.7" in e.value.reason


@pytest.mark.parametrize("address,public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
    ("::ffff:10.0.0.1", False), ("2002:7f00:1::", False), ("93.184.215.14", True),
    ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
])
def test_which_addresses_are_public(address, public):
    assert address_is_public(ipaddress.ip_address(address)) is public


def test_a_literal_ipv4_mapped_loopback_url_is_refused():
    with pytest.raises(ValueError, match="private or loopback"):
        check_url("http://[::ffff:127.0.0.1]:8080/a.html", allow_private=False)
    tally.add(hostile=1)


def test_a_source_whose_host_resolves_to_loopback_fails_with_an_errors_row(tmp_path, site):
    """End to end: `pressetl run` on a listing at 2130706433 (127.0.0.1) is refused, names why,
    and the site sees no request at all."""
    site.route("/list.html", html("<a href='/a/1.html'>1</a>"))
    cfg = tmp_path / "sources.yaml"
    cfg.write_text("sources:\n  - name: inside\n    kind: http\n"
                   f"    url: http://2130706433:{site.port}/list.html\n    link_pattern: '/a/'\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert main(["run", "--plain", "--config", str(cfg), "--db", str(db)]) == 1
    tally.add(hostile=1)
    con = duckdb.connect(str(db), read_only=True)
    (stage, reason), = con.execute("SELECT stage, reason FROM errors").fetchall()
    con.close()
    assert stage == "discover" and "2130706433 resolves to 127.0.0.1" in reason
    assert site.hits() == 0


# ---------------------------------------------------------------- schemes from page links


def test_links_to_other_schemes_are_never_followed(site, tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("<p>机密</p>", encoding="utf-8")
    others = [secret.as_uri(), "ftp://127.0.0.1/a.html", "data:text/html,<p>x</p>", "javascript:alert(1)",
              "gopher://127.0.0.1:70/", "file:///etc/passwd"]
    site.route("/list.html", html("".join(f"<a href='{u}'>{i}</a>" for i, u in enumerate(others))
                                  + "<a href='/a/1.html'>ok</a>"))
    site.route("/rss.xml", Reply(body=("<rss><channel>" + "".join(f"<item><link>{u}</link></item>" for u in others)
                                       + f"<item><link>{site.url('/a/1.html')}</link></item></channel></rss>").encode(),
                                 headers={"Content-Type": "application/rss+xml"}))
    site.route("/sitemap.xml", Reply(body=("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                                           + "".join(f"<url><loc>{u}</loc></url>" for u in others)
                                           + f"<url><loc>{site.url('/a/1.html')}</loc></url></urlset>").encode(),
                                     headers={"Content-Type": "application/xml"}))
    site.route("/a/1.html", html("<html><body><p>今年1至5月,全省共破获毒品刑事案件12起,抓获犯罪嫌疑人15名。</p></body></html>"))
    common = {"allow_private_network": True, "delay_seconds": 0}
    sources = [
        HttpSource(kind="http", name="l", url=site.url("/list.html"), link_pattern=".", **common),
        FeedSource(kind="feed", name="f", url=site.url("/rss.xml"), **common),
        SitemapSource(kind="sitemap", name="s", url=site.url("/sitemap.xml"), **common),
    ]
    for source in sources:
        got = acquire_source_sync(source, SETTINGS, {})
        tally.add(hostile=len(others))
        assert [p.url for p in got.pages] == [site.url("/a/1.html")], source.kind
        assert got.failures == [] and got.discovered == 1


# ---------------------------------------------------------------- XML entities


LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
          + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
          + "]>\n")


def billion_laughs(root: str, inner: str) -> bytes:
    """A feed or sitemap whose entity expands to 10^9 'lol's (3 GB) if anything expands it."""
    return (LAUGHS.replace("lolz", root) + inner.replace("BOMB", "&lol9;")).encode()


@pytest.mark.parametrize("kind,body", [
    ("feed", billion_laughs("rss", "<rss><channel><item><link>http://x.example/BOMB</link></item>"
                                   "<item><link>LINK</link></item></channel></rss>")),
    ("sitemap", billion_laughs("urlset", "<urlset><url><loc>http://x.example/BOMB</loc></url>"
                                         "<url><loc>LINK</loc></url></urlset>")),
])
def test_an_entity_bomb_in_a_feed_or_sitemap_never_expands(site, kind, body):
    """Expected: the source fails at once, saying the document declares entities; nothing expands."""
    site.route("/a/1.html", html("<p>x</p>"))
    site.route("/x.xml", Reply(body=body.replace(b"LINK", site.url("/a/1.html").encode()),
                               headers={"Content-Type": "application/xml"}))
    source = (FeedSource if kind == "feed" else SitemapSource)(kind=kind, name="x", url=site.url("/x.xml"),
                                                                 allow_private_network=True, delay_seconds=0)
    start = time.monotonic()
    got = acquire_source_sync(source, SETTINGS, {})
    tally.add(hostile=1)
    assert time.monotonic() - start < 5
    assert got.fatal and "declares XML entities" in got.fatal and got.pages == []
    assert site.hits("/a/1.html") == 0


def test_a_sitemap_index_child_with_entities_is_one_failure_and_the_rest_is_read(site):
    site.route("/index.xml", Reply(body=(
        b"<sitemapindex><sitemap><loc>/bomb.xml</loc></sitemap><sitemap><loc>/ok.xml</loc></sitemap></sitemapindex>"
    ), headers={"Content-Type": "application/xml"}))
    site.route("/bomb.xml", Reply(body=billion_laughs("urlset", "<urlset><url><loc>http://x.example/BOMB</loc></url></urlset>"),
                                  headers={"Content-Type": "application/xml"}))
    site.route("/ok.xml", Reply(body=f"<urlset><url><loc>{site.url('/a/1.html')}</loc></url></urlset>".encode(),
                                headers={"Content-Type": "application/xml"}))
    site.route("/a/1.html", html("<p>x</p>"))
    got = acquire_source_sync(SitemapSource(kind="sitemap", name="s", url=site.url("/index.xml"),
                                            allow_private_network=True, delay_seconds=0), SETTINGS, {})
    tally.add(hostile=1)
    assert [p.url for p in got.pages] == [site.url("/a/1.html")]
    (failure,) = got.failures
    assert failure.url == site.url("/bomb.xml") and "declares XML entities" in failure.reason


def test_external_entities_and_dtds_are_never_loaded(site, tmp_path: Path):
    """An entity naming a local file, one naming a URL, a parameter entity and an external DTD:
    none is read or asked for, and the feed is refused for declaring them."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    site.route("/evil.dtd", Reply(body=b'<!ENTITY leak "LEAKED">', headers={"Content-Type": "application/xml-dtd"}))
    site.route("/a/1.html", html("<p>x</p>"))
    article = site.url("/a/1.html")
    feed = (f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{site.url("/evil.dtd")}" [\n'
            f' <!ENTITY file SYSTEM "{secret.as_uri()}">\n <!ENTITY web SYSTEM "{site.url("/evil.dtd")}">\n'
            f' <!ENTITY % param SYSTEM "{site.url("/evil.dtd")}">\n %param;\n]>\n'
            f"<rss><channel><item><link>http://x.example/&file;</link></item>"
            f"<item><link>http://x.example/&web;&leak;</link></item><item><link>{article}</link></item></channel></rss>")
    site.route("/rss.xml", Reply(body=feed.encode(), headers={"Content-Type": "application/rss+xml"}))
    got = acquire_source_sync(FeedSource(kind="feed", name="f", url=site.url("/rss.xml"), allow_private_network=True,
                                         delay_seconds=0), SETTINGS, {})
    tally.add(hostile=4)
    assert got.fatal and "declares XML entities" in got.fatal
    assert "TOPSECRET" not in got.fatal and "LEAKED" not in got.fatal
    assert site.paths() == ["/robots.txt", "/rss.xml"]  # neither the DTD nor the article was asked for


def test_a_feed_with_a_public_doctype_and_no_entities_is_read(site):
    """RSS 0.91 feeds name Netscape's DTD; it is not loaded, and the feed is read."""
    site.route("/a/1.html", html("<p>x</p>"))
    site.route("/rss.xml", Reply(body=(
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">'
        f"<rss version='0.91'><channel><item><link>{site.url('/a/1.html')}</link></item></channel></rss>"
    ).encode(), headers={"Content-Type": "application/rss+xml"}))
    got = acquire_source_sync(FeedSource(kind="feed", name="f", url=site.url("/rss.xml"), allow_private_network=True,
                                         delay_seconds=0), SETTINGS, {})
    assert [p.url for p in got.pages] == [site.url("/a/1.html")] and not got.fatal
