"""Tests of extractors.textnorm: conversion, deletions and the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.textnorm import Normalised, normalise, to_simplified


def _offsets(n: Normalised) -> list[int]:
    return [n.to_original(i) for i in range(len(n.text) + 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("寧夏回族自治區", "宁夏回族自治区"),
        ("溫州市公安局破獲販毒案件", "温州市公安局破获贩毒案件"),
        ("１２３．５％", "123.5%"),
        ("ＡＢＣ　ｘｙｚ", "ABC xyz"),
        ("（同比下降１２．５％），", "(同比下降12.5%),"),
        ("a\u00a0b\u3000c", "a b c"),
        ("简体文字不变：昆明市公安局。", "简体文字不变：昆明市公安局。"),
        ("著名 乾隆 蒜薹", "著名 乾隆 蒜薹"),  # ordinary simplified characters stay
        ("於是", "于是"),
    ],
)
def test_character_conversion(text: str, expected: str) -> None:
    n = normalise(text)
    assert n.text == expected
    assert _offsets(n) == list(range(len(text) + 1))  # same length: identity map


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("發(fā)", "发"),
        ("萬(wàn)", "万"),
        ("24.1萬(wàn)起", "24.1万起"),
        ("區(qū)", "区"),
        ("全區(qū)共發(fā)生", "全区共发生"),
        ("萬（wàn）起", "万起"),  # full-width parentheses
        ("万(wan)起", "万起"),  # no tone marks but lower case
        ("西双版纳(xī shuāng bǎn nà)州", "西双版纳州"),
    ],
)
def test_pinyin_glosses_removed(text: str, expected: str) -> None:
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "(记者 张三)",
        "（记者 张三）报道",
        "增长(2.9个百分点)",
        "国内生产总值(GDP)增长",
        "居民消费价格(CPI)上涨",
        "(wàn) at the start has no CJK before it",
        "abc(wàn)",
        "数据(see below)",
    ],
)
def test_other_parentheses_kept(text: str) -> None:
    n = normalise(text)
    assert len(n.text) == len(text)


def test_offsets_after_gloss() -> None:
    text = "共24.1萬(wàn)起案件"
    n = normalise(text)
    assert n.text == "共24.1万起案件"
    i = n.text.index("起")
    assert text[n.to_original(i)] == "起"
    start = n.text.index("24.1")
    a, b = n.to_original_span(start, i)  # 24.1万, the gloss after it left out
    assert text[a:b] == "24.1萬"
    a, b = n.to_original_span(start, i + 1)  # 24.1万起 covers the gloss inside
    assert text[a:b] == "24.1萬(wàn)起"
    assert n.to_original(len(n.text)) == len(text)


def test_zero_width_removed() -> None:
    text = "1\u200b234\ufeff起"
    n = normalise(text)
    assert n.text == "1234起"
    assert text[n.to_original(n.text.index("起"))] == "起"


def test_to_original_range_checked() -> None:
    n = normalise("發(fā)")
    with pytest.raises(IndexError):
        n.to_original(len(n.text) + 1)
    with pytest.raises(IndexError):
        n.to_original(-1)


def test_to_simplified() -> None:
    assert to_simplified("寧夏") == "宁夏"
    assert to_simplified("萬(wàn)") == "万"
    assert to_simplified("") == ""


_ALPHABET = st.sampled_from(
    list("发發万萬区區温溫宁寧州市起名公斤的了，。()（）[] \u3000\u00a0１２.．%％")
    + list("abcxyzāáǎàwànfāqūABC0123456789")
    + ["\u200b", "\ufeff", "(wàn)", "(fā)", "(GDP)", "(记者 张三)"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=80))
def test_offset_map_property(text: str) -> None:
    n = normalise(text)
    offs = _offsets(n)
    assert all(0 <= o <= len(text) for o in offs)
    assert all(a <= b for a, b in zip(offs, offs[1:], strict=False))
    assert offs[-1] <= len(text)
    for i, ch in enumerate(n.text):
        o = offs[i]
        assert o < len(text)
        if text[o] == ch:
            continue
        # a character that changed must come from the per-character conversion
        assert normalise(text[o]).text == ch


def test_ten_megabytes_are_normalised_whole() -> None:
    # how fast is measured in bench/ (bench_extract.py), not here: on a loaded machine a time limit fails
    # what is not slow
    base = "2023年，全省公安機關共破獲毒品犯罪案件１２３４起，繳獲毒品24.1萬(wàn)公斤。昆明市公安局\u3000聯合行動。"
    text = base * (10_000_000 // len(base))
    n = normalise(text)
    assert n.to_original(len(n.text)) == len(text)
    assert n.text.count("破获毒品犯罪案件1234起") == text.count(base)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=80))
def test_the_quick_conversion_is_the_table(text: str) -> None:
    # the common marks replaced first and the rest translated only where the table changes something:
    # the same text as the whole table read character by character
    from extractors.textnorm import _char_table, _convert

    assert _convert(text) == text.translate(_char_table())


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.integers(-2, 45), st.integers(-2, 45))
def test_a_span_maps_back_as_its_two_ends_do(text: str, start: int, end: int) -> None:
    n = normalise(text)
    try:
        expected: tuple[int, int] | str = (
            (n.to_original(start),) * 2 if end <= start else (n.to_original(start), n.to_original(end - 1) + 1)
        )
    except IndexError:
        expected = "IndexError"
    try:
        got: tuple[int, int] | str = n.to_original_span(start, end)
    except IndexError:
        got = "IndexError"
    assert got == expected
