"""canonical_url: one article, one URL."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.fetching.urls import canonical_url, fetch_form, host_of

BASE = "http://gaj.example.gov.cn/xwzx/jwdt/index_1.html"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://GAJ.Example.GOV.CN/a.html", "http://gaj.example.gov.cn/a.html"),
        ("http://example.cn:80/a.html", "http://example.cn/a.html"),
        ("https://example.cn:443/a.html", "https://example.cn/a.html"),
        ("http://example.cn:8080/a.html", "http://example.cn:8080/a.html"),
        ("http://example.cn./a.html", "http://example.cn/a.html"),
        ("http://example.cn", "http://example.cn/"),
        ("http://example.cn/", "http://example.cn/"),
        ("http://example.cn/news/", "http://example.cn/news"),
        ("http://example.cn/news//", "http://example.cn/news"),
        ("http://example.cn/a.html#top", "http://example.cn/a.html"),
        ("http://example.cn/a/./b/../c.html", "http://example.cn/a/c.html"),
        ("http://example.cn/a.html?", "http://example.cn/a.html"),
        ("http://example.cn/a.html?b=2&a=1", "http://example.cn/a.html?a=1&b=2"),
        ("http://example.cn/a.html?id=", "http://example.cn/a.html?id="),
        (
            "http://example.cn/a.html?utm_source=wx&utm_medium=x&id=7&spm=a.b&from=timeline&isappinstalled=0",
            "http://example.cn/a.html?id=7",
        ),
        ("http://example.cn/a.html?share_token=abc&fbclid=1", "http://example.cn/a.html"),
        ("http://example.cn/新闻/a b.html", "http://example.cn/%E6%96%B0%E9%97%BB/a%20b.html"),
        ("http://example.cn/%e6%96%b0.html", "http://example.cn/%E6%96%B0.html"),
        ("  http://example.cn/a.html \n", "http://example.cn/a.html"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("./t20240101_123.html", "http://gaj.example.gov.cn/xwzx/jwdt/t20240101_123.html"),
        ("../tzgg/", "http://gaj.example.gov.cn/xwzx/tzgg"),
        ("/xwzx/jwdt/index_2.html", "http://gaj.example.gov.cn/xwzx/jwdt/index_2.html"),
        ("//cdn.example.gov.cn/a.html", "http://cdn.example.gov.cn/a.html"),
        ("?page=2", "http://gaj.example.gov.cn/xwzx/jwdt/index_1.html?page=2"),
        ("#main", "http://gaj.example.gov.cn/xwzx/jwdt/index_1.html"),
    ],
)
def test_relative_links_resolve_against_the_base(href, expected):
    assert canonical_url(href, BASE) == expected


def test_two_spellings_of_one_article_are_one_url():
    a = canonical_url("./t20240101_1.html?utm_source=rss#content", BASE)
    b = canonical_url("HTTP://gaj.example.gov.cn:80/xwzx/jwdt/t20240101_1.html")
    assert a == b


def test_canonical_url_is_idempotent():
    for u in ["http://Example.cn/a/b/?z=1&a=2#x", "https://example.cn:8443/%e4%b8%ad/", "http://example.cn"]:
        once = canonical_url(u)
        assert canonical_url(once) == once


def test_non_http_urls_are_left_alone():
    assert canonical_url("mailto:press@example.cn") == "mailto:press@example.cn"
    assert canonical_url("javascript:void(0)") == "javascript:void(0)"
    assert canonical_url("file:///data/a.html#x") == "file:///data/a.html"


def test_fetch_form_keeps_the_site_spelling_minus_the_fragment():
    assert fetch_form("./a/?b=1&a=2#x", BASE) == "http://gaj.example.gov.cn/xwzx/jwdt/a/?b=1&a=2"


def test_host_of():
    assert host_of("http://WWW.Example.cn.:8080/a") == "www.example.cn"
    assert host_of("not a url") == ""


# A path segment, a parameter value or a fragment: any text but the characters that delimit them
# (a "?" inside a segment would start the query the test builds itself).
_segment = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="?#&=/"), max_size=8
)


@given(
    host=st.from_regex(r"[a-zA-Z][a-zA-Z0-9-]{0,10}(\.[a-zA-Z]{2,5}){1,2}", fullmatch=True),
    port=st.sampled_from(["", ":80", ":443", ":8080"]),
    segments=st.lists(_segment, max_size=4),
    slash=st.booleans(),
    params=st.lists(st.tuples(st.sampled_from(["id", "utm_source", "page", "spm", "b", "a"]), _segment), max_size=4),
    fragment=_segment,
)
def test_canonical_url_is_idempotent_for_generated_urls(host, port, segments, slash, params, fragment):
    url = f"http://{host}{port}/" + "/".join(segments) + ("/" if slash else "")
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params)
    url += "#" + fragment
    once = canonical_url(url)
    assert canonical_url(once) == once
    assert "#" not in once and "utm_source" not in once and once.startswith("http://" + host.lower())


def test_gbk_percent_encoded_queries_survive():
    # old ASP sites: ?keyword=公安 in GBK; a UTF-8 round trip would make both U+FFFD
    a = canonical_url("http://example.cn/search.asp?keyword=%b9%ab%b0%b2&page=2")
    b = canonical_url("http://example.cn/search.asp?keyword=%BD%BB%BE%AF&page=2")
    assert a == "http://example.cn/search.asp?keyword=%B9%AB%B0%B2&page=2"
    assert a != b
    assert canonical_url("http://example.cn/s?q=a+b&q2=中") == "http://example.cn/s?q=a+b&q2=%E4%B8%AD"
