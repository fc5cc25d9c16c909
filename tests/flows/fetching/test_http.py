"""PoliteClient against a real server on 127.0.0.1: every fault with its expected outcome."""

from __future__ import annotations

import asyncio
import gzip
import time
import tracemalloc
import zlib

import httpx
import pytest

from flows.errors import FetchError
from flows.fetching.http import PoliteClient, _retry_after
from flows.settings import Settings
from tests.flows.fixture_site import Reply, gzip_bomb, html

SETTINGS = Settings(
    user_agent="pressetl-test/0.1 (+https://example.invalid/pressetl)",
    timeout_seconds=0.5,
    max_bytes=1024 * 1024,
    max_redirects=5,
    retries=2,
    backoff_seconds=0.01,
    max_retry_after_seconds=2.0,
    delay_seconds=0.0,
    concurrency_per_host=2,
)


def fetch(url: str, settings: Settings = SETTINGS, **kw):
    async def go():
        async with PoliteClient(settings, allow_private_network=True, **kw) as client:
            return await client.fetch(url)

    return asyncio.run(go())


def fetch_error(url: str, settings: Settings = SETTINGS, **kw) -> str:
    with pytest.raises(FetchError) as e:
        fetch(url, settings, **kw)
    assert e.value.url == url
    return e.value.reason


def test_ok_sends_the_user_agent_and_lowercases_headers(site):
    site.route("/a.html", html("<p>你好</p>", headers={"X-Thing": "1"}))
    got = fetch(site.url("/a.html"))
    assert got.status == 200 and got.body == "<p>你好</p>".encode()
    assert got.headers["x-thing"] == "1" and got.headers["content-type"] == "text/html; charset=utf-8"
    assert got.final_url == site.url("/a.html")
    assert {h.headers["user-agent"] for h in site.log} == {SETTINGS.user_agent}
    assert site.paths() == ["/robots.txt", "/a.html"]


def test_500_then_success_is_retried(site):
    site.route("/a.html", Reply(status=500), html("ok"))
    assert fetch(site.url("/a.html")).body == b"ok"
    assert site.hits("/a.html") == 2


def test_persistent_503_fails_after_all_attempts(site):
    site.route("/a.html", Reply(status=503))
    assert fetch_error(site.url("/a.html")) == "HTTP 503 Service Unavailable (3 attempts)"
    assert site.hits("/a.html") == 3


def test_429_with_retry_after_waits_then_succeeds(site):
    site.route("/a.html", Reply(status=429, headers={"Retry-After": "1"}), html("ok"))
    assert fetch(site.url("/a.html")).body == b"ok"
    first, second = [h for h in site.log if h.path == "/a.html"]
    assert second.start - first.start >= 0.95


def test_retry_after_beyond_the_cap_fails_at_once(site):
    site.route("/a.html", Reply(status=429, headers={"Retry-After": "3600"}), html("ok"))
    reason = fetch_error(site.url("/a.html"))
    assert reason == "HTTP 429 Too Many Requests: Retry-After 3600 s exceeds the 2 s limit"
    assert site.hits("/a.html") == 1


def test_retry_after_parses_seconds_and_dates():
    assert _retry_after("7") == 7.0
    assert _retry_after(None) is None and _retry_after("soon") is None
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    future = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))
    assert 25 < _retry_after(future) <= 30


def test_response_slower_than_the_timeout_times_out(site):
    site.route("/slow.html", html("late", delay=3))
    t0 = time.monotonic()
    reason = fetch_error(site.url("/slow.html"))
    assert reason == "timed out after 0.5 s (3 attempts)"
    assert time.monotonic() - t0 < 2.5
    assert site.hits("/slow.html") == 3


def test_truncated_body_is_retried_then_reported(site):
    site.route("/t.html", Reply(body=b"x" * 5000, fault="truncate", truncate_at=1200))
    assert fetch_error(site.url("/t.html")) == "truncated body: got 1200 of 5000 bytes (3 attempts)"
    assert site.hits("/t.html") == 3


def test_truncated_then_complete_is_stored(site):
    site.route("/t.html", Reply(body=b"x" * 5000, fault="truncate", truncate_at=1200), Reply(body=b"x" * 5000))
    assert fetch(site.url("/t.html")).body == b"x" * 5000


def test_connection_reset_is_retried_then_reported(site):
    site.route("/r.html", Reply(fault="reset"))
    assert fetch_error(site.url("/r.html")) == "connection reset (3 attempts)"
    assert site.hits("/r.html") == 3


def test_404_is_not_retried(site):
    assert fetch_error(site.url("/missing.html")) == "HTTP 404 Not Found"
    assert site.hits("/missing.html") == 1


def test_redirect_within_the_host_is_followed(site):
    site.route("/old.html", Reply(status=301, headers={"Location": "/new.html"}))
    site.route("/new.html", html("new"))
    got = fetch(site.url("/old.html"))
    assert got.body == b"new" and got.url == site.url("/old.html") and got.final_url == site.url("/new.html")


def test_redirect_loop_stops_at_max_redirects(site):
    site.route("/loop1", Reply(status=302, headers={"Location": "/loop2"}))
    site.route("/loop2", Reply(status=302, headers={"Location": "/loop1"}))
    assert fetch_error(site.url("/loop1")) == "too many redirects (5)"
    assert site.hits("/loop1") + site.hits("/loop2") == 6  # the request and 5 redirects


def test_redirect_to_a_host_not_allowed_is_refused(site):
    site.route("/out.html", Reply(status=302, headers={"Location": "http://evil.example/steal"}))
    assert fetch_error(site.url("/out.html")) == "redirect to host evil.example not allowed"


def test_allowed_hosts_accept_subdomain_wildcards():
    client = PoliteClient(SETTINGS, allowed_hosts=["*.gov.example", "cdn.example"])
    assert client._host_allowed("www.gov.example", "a.example", ())
    assert client._host_allowed("gov.example", "a.example", ())
    assert client._host_allowed("cdn.example", "a.example", ())
    assert not client._host_allowed("evilgov.example", "a.example", ())
    assert client._host_allowed("a.example", "a.example", ())
    asyncio.run(client.aclose())


def test_redirect_to_a_private_address_is_refused_unless_allowed():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.url.host == "news.example.cn":
            return httpx.Response(302, headers={"Location": "http://127.0.0.1/admin"})
        return httpx.Response(200, content=b"internal")

    async def go(allow_private: bool):
        client = PoliteClient(
            SETTINGS, allowed_hosts=["127.0.0.1"], allow_private_network=allow_private,
            transport=httpx.MockTransport(handler),
        )
        async with client:
            return await client.fetch("http://news.example.cn/a.html")

    with pytest.raises(FetchError) as e:
        asyncio.run(go(False))
    assert "private or loopback" in e.value.reason
    assert asyncio.run(go(True)).body == b"internal"


def test_a_declared_50_mb_body_is_refused_before_reading(site):
    site.route("/big", Reply(fault="stream", stream_size=50 * 1024 * 1024, declare_length=True))
    assert fetch_error(site.url("/big")) == "response larger than 1048576 bytes"
    site.wait_idle()
    assert [h.bytes_sent for h in site.log if h.path == "/big"][0] < 20 * 1024 * 1024
    assert site.hits("/big") == 1  # too large is not retried


def test_an_undeclared_50_mb_body_is_cut_at_max_bytes(site):
    site.route("/big", Reply(fault="stream", stream_size=50 * 1024 * 1024))
    assert fetch_error(site.url("/big")) == "response larger than 1048576 bytes"
    site.wait_idle()
    assert [h.bytes_sent for h in site.log if h.path == "/big"][0] < 20 * 1024 * 1024


def test_a_compression_bomb_is_cut_on_its_decompressed_size(site):
    bomb = gzip_bomb()
    site.route("/bomb.html", Reply(body=bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}))
    tracemalloc.start()
    try:
        reason = fetch_error(site.url("/bomb.html"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason == "response larger than 1048576 bytes"
    assert peak < 16 * 1024 * 1024  # the 128 MiB never sits in memory


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("gzip", lambda b: gzip.compress(b[:10]) + gzip.compress(b[10:])),  # two members
        ("deflate", zlib.compress),
        ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send
    ],
)
def test_compressed_bodies_are_decompressed(site, encoding, compress):
    text = "<p>公安局通报：破获案件123起</p>".encode("gbk") * 200
    site.route("/c.html", Reply(body=compress(text), headers={"Content-Encoding": encoding}))
    assert fetch(site.url("/c.html")).body == text


def test_a_truncated_gzip_stream_is_reported(site):
    body = gzip.compress(b"x" * 100000)[:-20]
    site.route("/c.html", Reply(body=body, headers={"Content-Encoding": "gzip"}))
    assert fetch_error(site.url("/c.html")).startswith("truncated body: gzip stream ended early")


def test_conditional_get_gives_304(site):
    site.route("/a.html", html("a", etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT"))
    first = fetch(site.url("/a.html"))
    assert first.etag == '"v1"' and first.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT"

    async def again():
        async with PoliteClient(SETTINGS, allow_private_network=True) as client:
            return await client.fetch(site.url("/a.html"), etag='"v1"', last_modified=first.last_modified)

    second = asyncio.run(again())
    assert second.not_modified and second.body == b""
    assert site.log[-1].headers["if-none-match"] == '"v1"'


def test_robots_txt_disallowed_paths_are_never_requested(site):
    site.robots = "User-agent: *\nDisallow: /private/\n\nUser-agent: pressetl-test\nDisallow: /nobots/\n"
    site.route("/private/a.html", html("secret"))
    site.route("/nobots/a.html", html("secret"))
    site.route("/public.html", html("ok"))
    assert fetch_error(site.url("/nobots/a.html")) == "disallowed by robots.txt"
    assert fetch(site.url("/private/a.html")).body == b"secret"  # our own group replaces '*'
    assert fetch(site.url("/public.html")).body == b"ok"
    assert "/nobots/a.html" not in site.paths()


def test_robots_txt_is_fetched_once_per_run(site):
    for i in range(4):
        site.route(f"/a{i}.html", html("ok"))

    async def go():
        async with PoliteClient(SETTINGS, allow_private_network=True) as client:
            await asyncio.gather(*(client.fetch(site.url(f"/a{i}.html")) for i in range(4)))

    asyncio.run(go())
    assert site.hits("/robots.txt") == 1


def test_missing_robots_txt_allows_everything(site):
    site.robots = None
    site.route("/a.html", html("ok"))
    assert fetch(site.url("/a.html")).body == b"ok"


def test_unreachable_robots_txt_disallows_the_host(site):
    site.route("/robots.txt", Reply(status=503))
    site.route("/a.html", html("ok"))
    reason = fetch_error(site.url("/a.html"))
    assert reason == "disallowed: robots.txt unreachable (HTTP 503 Service Unavailable (3 attempts))"
    assert "/a.html" not in site.paths()


def test_politeness_from_the_server_log(site):
    for i in range(10):
        site.route(f"/a{i}.html", html(f"article {i}", delay=0.4))
    # a delay well above what a loaded machine (the suite runs in two processes) adds to a thread's start
    settings = Settings(**{**{f: getattr(SETTINGS, f) for f in SETTINGS.__slots__}, "delay_seconds": 0.2,
                           "timeout_seconds": 5.0})

    async def go():
        async with PoliteClient(settings, allow_private_network=True, concurrency=2) as client:
            return await asyncio.gather(*(client.fetch(site.url(f"/a{i}.html")) for i in range(10)))

    assert len(asyncio.run(go())) == 10
    assert site.max_in_flight() == 2  # used, and never exceeded
    gaps = sorted(site.start_gaps("127.0.0.1"))
    # the server stamps a request when its handler runs, later than the client sent it by however long
    # a loaded machine takes to schedule that thread: single gaps get the jitter, their middle does not
    assert gaps[len(gaps) // 2] >= 0.2 - 0.02, gaps
    assert gaps[0] >= 0.2 - 0.1, gaps  # requests sent together (no delay kept) would be ~0 s apart
    assert sum(gaps) >= 9 * 0.2 - 0.05, gaps


def test_crawl_delay_in_robots_txt_slows_the_host(site):
    site.robots = "User-agent: *\nCrawl-delay: 2\nDisallow:\n"
    site.route("/a.html", html("ok"))

    async def go():
        async with PoliteClient(SETTINGS, allow_private_network=True) as client:
            await client.fetch(site.url("/a.html"))
            return client._hosts["127.0.0.1"].delay

    assert asyncio.run(go()) == 2.0


def test_a_host_that_does_not_answer_is_unreachable_not_disallowed():
    """The site itself is down (nothing listens): say so, not that robots.txt disallows it."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    reason = fetch_error(f"http://127.0.0.1:{port}/a.html")
    assert reason.startswith("host unreachable (connection failed"), reason
    assert "robots" not in reason and "disallowed" not in reason
