"""Hostile pages: whatever bytes arrive, cleaning gives a Document or a DocumentError, never
another exception, and a Document always has text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.cleaning.clean import clean
from flows.errors import DocumentError
from flows.model import Page

HTML_BITS = st.sampled_from([
    b"<html>", b"</html>", b"<body>", b"</body>", b"<p>", b"</p>", b"<div class='article'>", b"</div>",
    b"<meta charset='gb2312'>", b"<meta charset='big5'>", b"<meta charset='utf-8'>", b"<script>", b"</script>",
    b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<title>", b"</title>", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
    "今年1至5月,全省共破获毒品刑事案件5453起。".encode(), "發佈時間:2024年06月20日".encode("big5"),
    "缴获毒品11689.4公斤".encode("gbk"), b"&#x4e00;&amp;&lt;&#0;&#xD800;", b"<" * 50, b"<a href='javascript:x'>",
])


def check(body: bytes, headers: dict[str, str]) -> None:
    try:
        doc = clean(Page(url="https://example.invalid/a.html", source="t", body=body, headers=headers))
    except DocumentError as e:
        assert e.url and e.reason
        return
    assert doc.text.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HTML_BITS, max_size=40), st.sampled_from([{}, {"content-type": "text/html; charset=gbk"},
                                                            {"content-type": "text/html; charset=utf-8"},
                                                            {"content-type": "text/plain"},
                                                            {"content-type": "application/pdf"}]))
def test_assembled_markup_never_raises_anything_else(parts, headers):
    check(b"".join(parts), headers)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_never_raise_anything_else(body):
    check(body, {})


def test_deeply_nested_markup():
    check(b"<div>" * 5000 + "正文内容,全市破获案件12起。".encode() + b"</div>" * 5000, {})
