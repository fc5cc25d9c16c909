"""Fuzz: cleaning and extraction over mutated real releases, through the pipeline's bounded call
(the worker process, a time limit per document): no exception, no hang.

The releases are the evaluation set's (../shared/eval/dev), read where they are and never copied
into the repository; without that folder the test is skipped. Each example takes one release and
mutates it: spans deleted, repeated, swapped or cut off, pieces that figures are made of inserted
(digits, Chinese numerals, units, percentages, dates, brackets, control characters, markup,
very long numbers), random Unicode inserted, and bytes flipped once it is encoded; then it is
served as plain text, as HTML, or as GB18030 HTML that says so.

A failure here is a defect: cleaning raised something other than a DocumentError, extraction
raised at all, or a document took longer than the limit (a hang). CI tries 60 examples;
`make reliability` 600.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows import pipeline
from flows.model import Page
from flows.settings import Settings
from tests import tally
from warehouse.records import FIGURE_COLUMNS

pytestmark = pytest.mark.reliability

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"
FULL = os.environ.get("PRESSETL_RELIABILITY") == "full"
EXAMPLES = int(os.environ.get("PRESSETL_FUZZ_EXAMPLES", 600 if FULL else 60))
LIMIT = 20.0  # seconds per document: a release of a few thousand characters takes milliseconds


def releases() -> list[tuple[str, str]]:
    if not DEV.is_dir():
        return []
    out = []
    for f in sorted(DEV.glob("*.json")):
        item = json.loads(f.read_text(encoding="utf-8"))
        if item.get("text"):
            out.append((item["text"], item.get("published") or ""))
    return out


RELEASES = releases()

PIECES = st.sampled_from([
    "5453", "11689.4", "1,234,567", "0.5", "９９８", "一千二百三十四", "两万", "三成", "百分之五十",
    "起", "人", "公斤", "吨", "亿元", "万元", "%", "个百分点", "同比增长", "下降", "分别为", "其中",
    "今年1至5月", "2024年6月", "上半年", "一季度", "截至6月底", "同比", "全省", "全市", "昆明市",
    "（", "）", "“", "”", "【", "】", "、", "，", "。", "；", "\n", "\n\n", "\t", "\x00", "\x1b", "\u200b",
    "\ufeff", "<p>", "</p>", "<div>", "<script>", "&nbsp;", "&#x4e00;", "9" * 400, "1." * 50, "-" * 30,
])


@st.composite
def mutated(draw) -> tuple[bytes, str, dict[str, str]]:
    text, published = draw(st.sampled_from(RELEASES))
    for _ in range(draw(st.integers(0, 6))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 2000)))
        kind = draw(st.sampled_from(["delete", "repeat", "insert", "unicode", "swap", "cut"]))
        if kind == "delete":
            text = text[:a] + text[b:]
        elif kind == "repeat":
            text = text[:b] + text[a:b] * draw(st.integers(1, 5)) + text[b:]
        elif kind == "insert":
            text = text[:a] + "".join(draw(st.lists(PIECES, min_size=1, max_size=20))) + text[a:]
        elif kind == "unicode":
            text = text[:a] + draw(st.text(max_size=50)) + text[a:]
        elif kind == "swap":
            text = text[a:b] + text[:a] + text[b:]
        else:
            text = text[:a]
    form = draw(st.sampled_from(["txt", "html", "gb18030"]))
    if form == "txt":
        body, url, headers = text.encode("utf-8", "surrogatepass"), "https://press.example.gov.cn/r.txt", {}
    else:
        paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n"))
        page = f"<html><head><title>通报</title></head><body><article>{paragraphs}</article></body></html>"
        if form == "html":
            body, headers = page.encode("utf-8", "surrogatepass"), {"content-type": "text/html; charset=utf-8"}
        else:
            body, headers = page.encode("gb18030", "replace"), {"content-type": "text/html; charset=gb2312"}
        url = "https://press.example.gov.cn/r.html"
    flips = draw(st.lists(st.integers(0, max(0, len(body) - 1)), max_size=3))
    data = bytearray(body)
    for i in flips:
        if data:
            data[i] ^= 0xA5
    return bytes(data), url, headers


@pytest.mark.skipif(not RELEASES, reason=f"no evaluation releases at {DEV}")
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_releases_never_raise_and_never_hang(example):
    body, url, headers = example
    done, failures = pipeline.process([Page(url=url, source="fuzz", body=body, headers=headers)], "云南省",
                                      Settings(document_seconds=LIMIT))
    tally.add(hostile=1)
    for f in failures:
        assert not f.reason.startswith("unexpected"), f"defect: {f.stage}: {f.reason}"
        assert "took longer than" not in f.reason, f"hang: {f.reason}"
        assert f.stage in ("decode", "clean"), f
    for p in done:
        assert p.document.text.strip()
        for row in p.figures:
            fig = dict(zip(FIGURE_COLUMNS, row, strict=True))
            assert 0 <= fig["start"] <= fig["end"] <= len(p.document.text)
