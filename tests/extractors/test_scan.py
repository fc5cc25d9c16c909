"""The faster scans find what the plain patterns find: same positions, ends and names."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.periods import _COMBINED, MARK_FIRST_CHARS, PATTERNS, _plain, find_marks
from extractors.scan import Alternation, class_at, optional_groups_as_branches, readings


def _plain_marks(text: str) -> list[tuple[int, int, str, str]]:
    # (find_marks leaves out what opens with the digits after a decimal point: PM2.5月均浓度 holds no 5月)
    return [
        (m.start(), m.end(), m.lastgroup or "", m.group(0)) for m in _COMBINED.finditer(text)
        if m.lastgroup and not (m.start() > 1 and text[m.start() - 1] in ".．" and m.group(0)[:1].isdigit()
                                and text[m.start() - 2].isdigit())
    ]


def _marks(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.name, m.text) for m in find_marks(text)]


# Pieces of period expressions and of the text around them, so that generated texts hold marks,
# near misses and marks that overlap or touch.
_PIECES = [
    "2023年", "二〇二三年", "今年", "去年", "同年", "1", "12", "5", "一", "十二", "月", "日", "份", "至", "-", "—", "~", "、",
    "和", "以来", "起", "截至", "底", "末", "上旬", "季度", "第二", "上半年", "前", "个", "近三年", "年均", "每年", "已",
    "早已", "目前", "现有", "实现", "在册", "余额", "春节", "国庆", "假期", "期间", "当天", "当日", "凌晨", ".", "自",
    "行动开展以来", "年底", "全年", "同期", "连续", "为期", "周", "破获", "案件", "起诉", ",", "。", "\n", "“", "”", "(", ")",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_find_marks_is_the_plain_alternation(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _marks(text) == _plain_marks(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=MARK_FIRST_CHARS.replace("\\d", "0123456789") + "起案件,。的", max_size=60))
def test_find_marks_on_any_text_of_the_opening_characters(text: str) -> None:
    assert _marks(text) == _plain_marks(text)


def test_find_marks_on_the_written_releases() -> None:
    text = (
        "云南禁毒工作新闻发布会\n2018年06月26日 15:00 来源:某某日报\n据悉,今年1至5月,全省共破获毒品刑事案件5453起,"
        "2016年以来,共收戒吸毒人员14万余人次。截至6月底,全区现有吸毒人员较去年同期减少12.3%,5.14当天查获。"
        "自2023年12月至今,近三年年均增长,该行动开展以来,春节假期(2月10日至17日)期间,第二季度末,上半年。"
    )
    assert _marks(text) == _plain_marks(text)
    assert len(_marks(text)) > 10


def test_every_pattern_has_an_opening_class_within_the_listed_characters() -> None:
    # a pattern whose opening characters cannot be read is tried everywhere (still right, slower)
    lead = re.compile(f"[{MARK_FIRST_CHARS}]")
    for name, pattern in PATTERNS:
        cls = class_at(_plain(pattern), 0)
        assert cls is not None, name
        chars = re.findall(r"\\.|.", cls.replace("\\d", "0"))
        assert any(lead.match(c[-1]) for c in chars), name


def test_optional_groups_as_branches() -> None:
    assert optional_groups_as_branches(r"(?:a|bc)?d") == r"(?:a|bc|)d"
    assert optional_groups_as_branches(r"(?:a)??b(?:c)+[(?:)]?\(?:x\)?") == r"(?:a)??b(?:c)+[(?:)]?\(?:x\)?"
    assert optional_groups_as_branches(r"(?P<y>x)?(?=(?:a)?)") == r"(?P<y>x)?(?=(?:a|))"
    for _name, pattern in PATTERNS:
        p = _plain(pattern)
        for text in ("2023年1至5月", "今年以来", "截至6月底", "5.14当天", "近三年来", "早已"):
            a = re.compile(p).search(text)
            b = re.compile(optional_groups_as_branches(p)).search(text)
            assert (a and a.span()) == (b and b.span())


def test_alternation_tries_a_pattern_that_may_open_anywhere() -> None:
    alt = Alternation([("any", r"[^x]b"), ("c", r"cd")], "a-z")
    assert alt.finditer("xxab cd") == [(2, 4, "any", "ab"), (5, 7, "c", "cd")]


def test_class_at() -> None:
    assert class_at(r"\d{1,2}月(?=份)", 0) == r"\d"
    assert class_at(r"\d{1,2}月(?=份)", 1) == r"\d月"  # a look-ahead consumes nothing
    assert class_at(r"\d{1,2}月(?=份)", 2) is None  # 5月 is two characters long: the third says nothing
    assert class_at(r"(?:19|20)\d{2}年", 1) == "90"
    assert class_at(r"(?:a|b[c-e])x?y", 1) == "c-exy"
    assert class_at(r"(?:a|b[c-e])x?yz", 2) == "xyz"  # ayz, axyz, bcyz, bcxyz
    assert class_at(r"x{2,}y", 2) == "xy"
    assert class_at(r"(?:ab)+c", 2) == "ac"  # abc, ababc: as many copies as may reach the offset
    assert class_at(r"a?b", 0) == "ab"
    assert class_at(r"a*", 0) is None  # a match may be empty
    assert class_at(r"a(?:b)?", 1) is None
    assert class_at(r"a[^b]", 1) is None
    assert class_at(r"a\s", 1) is None
    assert class_at(r"a\sc", 2) == "c"
    assert class_at(r"(?i:a)b", 0) is None  # a flag: not read here


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([p for _, p in PATTERNS]), st.lists(st.sampled_from(_PIECES), max_size=12), st.integers(0, 2))
def test_class_at_holds_every_match(pattern: str, pieces: list[str], k: int) -> None:
    rx, cls = re.compile(_plain(pattern)), class_at(_plain(pattern), k)
    text = "".join(pieces)
    for i in range(len(text)):
        m = rx.match(text, i)
        if m is not None and cls is not None:
            assert re.fullmatch(f"[{cls}]", text[i + k]), (m.group(0), k)


def test_readings() -> None:
    assert readings(r"(?:19|20)\d{2}年|\d{1,2}月", 3) == [("1", "9", r"\d"), ("2", "0", r"\d"), (r"\d", r"\d", "月"), (r"\d", "月")]
    assert readings(r"a(?=b)c?", 3) == [("a",), ("a", "c")]  # a look-ahead consumes nothing; a match may end
    assert readings(r"a[^b]c", 3) == [("a", None, "c")]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([p for _, p in PATTERNS]), st.lists(st.sampled_from(_PIECES), max_size=12))
def test_every_match_fits_a_reading(pattern: str, pieces: list[str]) -> None:
    rx, reads = re.compile(_plain(pattern)), readings(_plain(pattern), 3)
    text = "".join(pieces)
    for i in range(len(text)):
        m = rx.match(text, i)
        if m is not None and reads is not None:
            assert any(
                all(c is None or i + k < len(text) and re.fullmatch(f"[{c}]", text[i + k]) for k, c in enumerate(r))
                for r in reads
            ), m.group(0)


def test_alternation_tries_a_pattern_by_its_first_three_characters() -> None:
    from extractors.periods import _ALTERNATION

    def left(text: str) -> list[str]:
        mask = _ALTERNATION._mask(0, text[0]) & _ALTERNATION._mask(1, text[1:2]) & _ALTERNATION._mask(2, text[2:3])
        alts = _ALTERNATION.alternatives_of(mask)
        return [name for i, (name, _) in enumerate(_ALTERNATION._alts) if alts >> i & 1]

    assert left("2.3%") == ["day_dot"]
    assert left("3起") == left("全省") == []
    assert left("5月起") == ["since_month", "month"]


def test_alternation_leaves_out_a_pattern_by_the_character_after_the_first() -> None:
    alt = Alternation([("ab", r"ab"), ("a", r"a"), ("ac", r"a[c-d]")], "a")
    assert alt.finditer("ab ac ad a") == [(0, 2, "ab", "ab"), (3, 4, "a", "a"), (6, 7, "a", "a"), (9, 10, "a", "a")]
    alt = Alternation([("ac", r"ac"), ("a", r"a")], "a")
    assert alt.finditer("ab ac a") == [(0, 1, "a", "a"), (3, 5, "ac", "ac"), (6, 7, "a", "a")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["昆明", "昆明市", "公安局", "云南省", "南山区", "广州", "白云", "、", "破获", "全省", "凤庆", "红河",
                                 "个旧市", "州", "县", "市", "1", "。", "西双版纳", "中山西路", "山西"]), max_size=30))
def test_gazetteer_hits_are_the_automatons(pieces: list[str]) -> None:
    from extractors.gazetteer import gazetteer

    g = gazetteer()
    text = "".join(pieces)
    assert g._hits(text) == list(g._auto.iter(text))
    assert g._hits(text * 30) == list(g._auto.iter(text * 30))  # long runs go to the automaton


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="12３٣日月号a ", max_size=12))
def test_days_without_a_month_are_the_plain_patterns(text: str) -> None:
    from extractors.periods import find_day_only

    plain = [
        (m.start(), m.end(), m.group(1)) for m in re.finditer(r"(\d{1,2})日", text)
        if m.start() == 0 or not (text[m.start() - 1].isdecimal() or text[m.start() - 1] in "月号")
    ]
    assert find_day_only(text) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["快于", "超过", "不及", "恢复至", "的", "最高", "水平", "记录", "首次", "调整为"]), max_size=8))
def test_classify_quick_tests_rule_out_only_what_the_patterns_would(pieces: list[str]) -> None:
    from extractors import periods as P

    text = "".join(pieces)
    for i in range(len(text) + 1):
        before, after = text[max(0, i - 6) : i], text[i : i + 16]
        if P.COMPARE_LEAD.search(before):
            assert before[-1:] in P._COMPARE_LEAD_LAST
        if P._SIDE_AFTER.match(after):
            assert after[:1] in P._SIDE_AFTER_FIRST or "以来" in after
