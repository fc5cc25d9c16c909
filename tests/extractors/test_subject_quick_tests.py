"""The quick tests that let the subject's patterns be skipped never skip a match: wherever a pattern
matches, the test run before it passes (one that failed there would change what a figure counts)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import subjects as sj

# Words of the tables and of the clauses around them, so that generated clauses hold matches, near
# misses and words cut by their neighbours.
_PIECES = [
    *sj.CHANGE_VERBS, *sj.AGENCY_WORDS, *sj.BODY_KINDS, *sj.PERSON_WORDS, *sj.LEAD_WORDS[:40],
    "同比", "环比", "比上年", "较去年同期", "分别", "依次", "了", "上", "下", " ", "\n", "\u3000",
    "全年共", "共计", "累计", "共有", "共", "先后", "先后赴", "王某", "张某某", "在", "被", "通过",
    "海门区", "人民法院", "江海巡回法庭", "南昌铁路公安处", "各类粮食企业", "收购新麦", "负责人", "预算",
    "城关", "石屏", "两镇", "街道", "镇", "、", "等", "地", "粮食", "冻品", "走私团伙", "死亡人数", "受伤人数",
    "破获", "案件", "嫌疑人", "1", "12", ",", "。", "的", "“", "(", ")",
]
_CLAUSES = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


@settings(max_examples=600)
@given(_CLAUSES)
def test_a_stated_change_ends_in_a_character_of_its_quick_test(t: str) -> None:
    if sj.CHANGE_RE.search(t):
        assert t.rstrip()[-1:] in sj._CHANGE_LAST
    assert sj.strip_change(t) == sj.CHANGE_RE.sub("", t)


@settings(max_examples=600)
@given(_CLAUSES)
def test_the_lead_patterns_match_only_where_their_quick_tests_pass(t: str) -> None:
    if sj.AGENCY_RE.match(t) or sj._BODY_ACTS.match(t):
        assert sj._AGENCY_OR_BODY.search(t)
    if sj._AGENT_ADVERB_RE.match(t) or sj._ACTOR_ADVERB_RE.match(t):
        assert sj._ADVERB_HINT.search(t)
    if sj._PERSON_RE.match(t):
        assert sj._PERSON_HINT.search(t)
    if sj._LEAD_RE.match(t):
        assert t[:1] in sj._LEAD_FIRST


@settings(max_examples=600)
@given(_CLAUSES)
def test_lists_are_looked_for_only_where_their_marks_stand(t: str) -> None:
    if sj._ENUM_RE.search(t):
        assert "、" in t and "等" in t
    if sj._TOWNSHIPS_OPEN.match(t):
        assert "、" in t
    if sj._CASUALTY_COUNT.search(t):
        assert "人数" in t


def _last_change_word(t: str) -> tuple[int, str]:
    """The rule the pattern reads: the word that starts last, the longest of those starting there."""
    best, at = "", -1
    for w in sj.DECREASE_WORDS + sj.INCREASE_WORDS:
        k = t.rfind(w)
        if k > at or (k == at and len(w) > len(best)):
            best, at = w, k
    return (at, best) if at >= 0 else (-1, "")


@settings(max_examples=600)
@given(st.lists(st.sampled_from([*sj.DECREASE_WORDS, *sj.INCREASE_WORDS, "了", "为", "到", "幅度", "税"]), max_size=8).map("".join))
def test_the_last_change_word_is_the_one_starting_last(t: str) -> None:
    m = sj._LAST_CHANGE_WORD.match(t)
    assert ((m.start(1), m.group(1)) if m else (-1, "")) == _last_change_word(t)


def test_quick_tests_on_clauses_of_the_written_kind() -> None:
    assert sj.strip_change("破获案件同比上升") == "破获案件"
    assert sj.strip_change("破获案件") == "破获案件"
    assert sj.strip_lead("北京警方破获毒品案件") == "破获毒品案件"
    assert sj.strip_lead("乙类传染病共报告") == "乙类传染病报告"
    assert sj.strip_lead("家住椒江区的居民王女士在网上刷单被骗") == "刷单被骗"
    assert sj.change_sign("同比下降") == -1 and sj.change_sign("减税降费超过") == 1
    assert sj.noun_after("4名嫌疑人共破获案件", 2) == "嫌疑人"


@settings(max_examples=600)
@given(_CLAUSES, st.sampled_from([(), ("北京市", "北京"), ("海门区", "江苏省", "江苏")]))
def test_a_clause_the_quick_tests_pass_over_is_what_the_full_steps_leave(t: str, rw: tuple[str, ...]) -> None:
    # strip_lead, strip_tail and tidy return at once when no step can cut: the steps would say the same
    assert sj.strip_lead(t, rw) == sj._cut_lead(t.strip(), rw)
    assert sj.strip_tail(t) == sj._cut_tail(t)
    assert sj.tidy(t) == sj._cut_asides(t)


@settings(max_examples=600)
@given(_CLAUSES)
def test_the_cuts_of_a_clause_match_only_where_their_characters_stand(t: str) -> None:
    if sj._AGENT_ADVERB_RE.match(t):
        assert sj._AGENT_HINT.search(t)
    if sj._RATE_CHANGE_RE.fullmatch(t) or sj._AVERAGE_CHANGE_RE.fullmatch(t):
        assert sj._RATE_HINT.search(t)
    if sj._CLIPPED_DECREASE.search(t):
        assert t.rstrip().endswith("下")
    for rx, needed in ((sj._PENALISED, "被"), (sj._RANKED_LIST, "前"), (sj._CURRENCY_BASIS, "计")):
        if rx.search(t):
            assert needed in t


def _clause_before_stepping_back(s: str, pos: int, floor: int) -> tuple[int, str]:
    """clause_before as it reads without its search: a step back per character to the break before."""
    i = pos
    lo = max(floor, pos - 60)
    while True:
        while i > lo and s[i - 1] not in sj.CLAUSE_BREAKS:
            i -= 1
        if i > lo and s[i - 1] in " \u3000" and sj._SPACE_JOINS.fullmatch(s[i:pos].strip()):
            j = i - 1
            while j > lo and s[j - 1] in " \u3000":
                j -= 1
            k = j
            while k > lo and s[k - 1] not in sj.CLAUSE_BREAKS:
                k -= 1
            if j > lo and "\u4e00" <= s[j - 1] <= "\u9fff" and not any(c.isdecimal() for c in s[k:j]):
                i = j
                continue
        return i, s[i:pos]


@settings(max_examples=600)
@given(_CLAUSES, st.integers(0, 80), st.integers(0, 80))
def test_a_clause_starts_after_the_last_break_before_it(s: str, pos: int, floor: int) -> None:
    pos = min(pos, len(s))
    assert sj.clause_before(s, pos, floor) == _clause_before_stepping_back(s, pos, floor)
def test_newly_added_is_no_change_word() -> None:
    # 新增 counts what was added; only a change (增, 增长) is stripped from the subject
    assert sj.strip_change("新增") == "新增"
    assert sj.strip_change("病床同比增") == "病床"


def test_a_common_name_in_brackets_is_no_part_of_the_subject() -> None:
    # 冰毒片剂(俗称“麻古”): the bracket glosses the name, it does not say what is counted
    assert sj.tidy("冰毒片剂(俗称“麻古”)") == "冰毒片剂"


def test_items_listed_before_an_emission_share_its_head() -> None:
    # 氨氮、二氧化硫、氮氧化物排放量: every pollutant's emissions, the head written once after the last
    assert sj.split_list("氨氮、二氧化硫、氮氧化物排放量", 3) == ["氨氮排放量", "二氧化硫排放量", "氮氧化物排放量"]


@settings(max_examples=600)
@given(_CLAUSES)
def test_a_subject_too_short_for_a_cut_before_its_verb_is_what_the_cuts_leave(t: str) -> None:
    assert sj.from_verb(t) == sj._cut_before_verb(t)


def _noun_after_by_its_loop(s: str, pos: int) -> str:
    """noun_after without its test of the character right after the figure."""
    saved = sj._NP_STOP_AT_ONCE
    sj._NP_STOP_AT_ONCE = frozenset()
    try:
        return sj.noun_after(s, pos)
    finally:
        sj._NP_STOP_AT_ONCE = saved


@settings(max_examples=600)
@given(_CLAUSES, _CLAUSES)
def test_a_stop_right_after_a_figure_is_what_the_loop_stops_at(before: str, after: str) -> None:
    s = before + "12" + after
    assert sj.noun_after(s, len(before) + 2) == _noun_after_by_its_loop(s, len(before) + 2)


@settings(max_examples=600)
@given(_CLAUSES, st.sampled_from([(), ("北京市", "北京"), ("海门区", "江苏省", "江苏")]))
def test_a_clause_cut_once_is_what_two_passes_leave(t: str, rw: tuple[str, ...]) -> None:
    # _clean strips the places and lead words a second time only after something was cut
    opened = t.lstrip(" \u3000")
    placed = sj._strip_places(opened)
    led = sj.strip_lead(placed, rw)
    tail = sj.strip_tail(led)
    assert sj.strip_lead(sj._strip_places(tail), rw) == tail or not (tail == led == placed == opened)


def test_the_first_from_of_a_sentence() -> None:
    s = "全市共破获案件12起。吸毒人员由2018年的37人减至21人,从上年的45%提升到"
    assert sj._first_from(s, (0, 11)) == -1
    assert sj._first_from(s, (11, len(s))) == s.index("由")
    assert sj._first_from(s, (s.index("由") + 1, len(s))) == s.index("从")


# Words of the comparison tables and of the chain's rules, with their near misses.
_CHAIN_PIECES = [
    *sj.YOY_WORDS, *sj.MOM_WORDS, *sj.SHARE_WORDS, *sj.DECREASE_WORDS[:8], *sj.INCREASE_WORDS[:8],
    "与2020年相比", "同比2021年", "与曲靖市相比", "多出", "少了", "高出", "省级", "市属", "A类", "新型", "级", "类",
    "25岁", "(女,", "约", "大约", "全省的", "较一季度", "比上年", "(", ")", "两年平均", "均", "高于", "超过", "于",
    "年", "月", "上", "下", "同", "期", "案件", "破获", "1", ",", " ",
]
_CHAIN_CLAUSES = st.lists(st.sampled_from(_CHAIN_PIECES), max_size=8).map("".join)


@settings(max_examples=800)
@given(_CHAIN_CLAUSES)
def test_the_chain_passes_over_a_rule_only_where_its_pattern_cannot_match(t: str) -> None:
    # assign asks these characters before it runs the patterns of its rules: a match where the quick test
    # fails would change a figure's subject, comparison or sign
    if sj._MOM_RE.search(t) or sj._YOY_RE.search(t) or sj._SHARE_RE.search(t):
        assert not sj._COMPARISON_CHARS.isdisjoint(t)
    assert sj.comparison_of(t, "percent") == (
        "mom" if sj._MOM_RE.search(t) else "yoy" if sj._YOY_RE.search(t) else "share" if sj._SHARE_RE.search(t) else None
    )
    if sj._COMPARED_WITH.fullmatch(t):
        assert t[:1] in sj._COMPARED_FIRST
    if sj._MODIFIER_RE.fullmatch(t):
        assert t[-1:] in sj._MODIFIER_LAST
    assert (sj._RATE_HINT.search(t) is not None) == (not sj._RATE_HINT_CHARS.isdisjoint(t))
    if sj._AGE_RE.fullmatch(t):
        assert "岁" in t
    if sj._APPROX_BEFORE_SHARE.search(t):
        assert "占" in t
    if sj._COMPARED_RE.search(t):
        assert "(" in t
    m = sj._LAST_CHANGE_WORD.match(t[-12:])
    if m is not None and m.group(1) in sj.DECREASE_WORDS:
        assert not sj._DECREASE_FIRST.isdisjoint(t[-12:])


# Verbs, some overlapping (建设立: 建设 and 设立; 查获取: 查获 and 获取), with words around them.
_VERB_CLAUSES = st.lists(
    st.sampled_from([*sj.VERBS[:60], "建设立", "查获取", "收缴获", "毒品", "案件", "嫌疑人", "共", "的", "、"]), max_size=8
).map("".join)


@settings(max_examples=600)
@given(_VERB_CLAUSES)
def test_the_last_verb_is_the_last_match_of_a_search_through_the_clause(t: str) -> None:
    # last_verb searches again from the end of each verb found: the matches finditer gives, not overlapping
    assert sj.last_verb(t) == next((m.group(0) for m in reversed(list(sj._VERB_RE.finditer(t)))), "")


@settings(max_examples=600)
@given(_CLAUSES, st.sampled_from([(), ("北京市", "北京"), ("海门区", "江苏省", "江苏")]))
def test_the_cuts_inside_a_clause_leave_one_without_their_characters_as_it_is(t: str, rw: tuple[str, ...]) -> None:
    # _clean tries _cut_inside only where _INSIDE_HINT finds a character; the lead patterns' words are looked
    # for one by one only where one of them stands
    if sj._INSIDE_HINT.search(t) is None:
        assert sj._cut_inside(t, rw) == t
    if sj._CUT_ANYWHERE.search(t) is None:
        assert not any((sj._AGENCY_OR_BODY.search(t), sj._ADVERB_HINT.search(t), sj._PERSON_HINT.search(t)))
