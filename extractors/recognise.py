"""The generic figure recogniser: every stated figure of a text, with its unit,
qualifier, subject, kind, period and region.

One pass finds the numbers (:func:`read_numbers`); a second walks the text
sentence by sentence, in order, keeping the period and the area in force
(:func:`walk`): a period stated once holds for the rest of the sentence and on
into the next sentences and paragraphs until another is stated; a stock (目前),
a rate (年均) or a bare duration (一个月) holds for its own sentence only; an
undated incident (近日) for its paragraph. Headings do not set the period of
what follows: a heading's figure takes its own period, or that of the body
figure it repeats (:func:`_settle_headings`).

Everything runs on the normalised text (:mod:`extractors.textnorm`) and is
mapped back to offsets of the original text at the end.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from extractors import places, subjects
from extractors.model import Figure
from extractors.numbers import MAX_NUMERAL_LEN, multiplier_at, parse_arabic, parse_chinese, scale
from extractors.periods import (
    COMPARE_BEFORE,
    REPORT_AFTER,
    Context,
    Mark,
    Period,
    day_of_month,
    find_day_only,
    find_marks,
    holiday_family,
    infer_published,
    resolve,
)
from extractors.registry import register
from extractors.textnorm import Normalised, normalise
from extractors.units import (
    FURNITURE_BEFORE,
    ONE_ARTICLE_UNITS,
    ORDINAL_BEFORE,
    QUALIFIER_INNER,
    QUALIFIER_PREFIXES,
    QUALIFIER_SUFFIXES,
    RANGE_JOINERS,
    UNITS,
    Unit,
    not_unit_at,
    unit_at,
)

NAME = "generic"
VERSION = "8"

NUM_RE = re.compile(r"\d+(?:,\d{3})*(?:\.{1,2}\d+)?|[零〇一二两三四五六七八九十百千万亿]+")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CN_DIGITS = "零一二三四五六七八九〇"
_BARE_MULTIPLIERS = frozenset({"百", "千", "万", "亿", "千万", "百万", "万亿", "亿万"})
# Characters before 过/约/近 that make them part of another word (通过, 签约, 附近).
_PREFIX_DENY: dict[str, str] = {
    "过": "通经不度越跳错看去做办走路穿闯渡熬挺见听有说超",
    "约": "预签制节契违履婚公条相邀特大",
    "近": "附最临接亲靠将走贴",
    "超": "赶高",
}
_AFTER_CHENG_DENY = "为功立员本果都交绩效就长"
_NAME_QUOTE_RE = re.compile(r"“[^“”\n,，。]{0,18}”|\"[^\"\n,，。]{0,18}\"|《[^《》\n]{0,40}》")
_CASE_RE = re.compile(
    r"一[起宗][^,。;\n]{0,16}?案|最大一起|该案|此案|本案|专案|"
    r"(?:打掉|捣毁|摧毁|端掉)一个[^,。;\n]{0,30}?(?:团伙|窝点|集团|工厂|网络)|"
    r"[“\"][^”\"\n]{0,16}?\d[^”\"\n]{0,16}?[”\"][^,。;\n]{0,14}?(?:案|团伙)"
)
_SENT_END = re.compile(r"[。!?！？\n]")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_CONNECT = frozenset({"、", "和", "及", "与", "以及"})
# A figure in parentheses after a comparison base is the quantity in that base:
# 较一季度(-10.8%), 较上年同期(3.2%).
_COMPARED_RE = re.compile(r"^(?:较|比)([^,;。()]{1,8})\($")
# A change against the stock at the start of the year: 较上年末, 比去年底, 比年初.
_YEAR_START_BASE = re.compile(r"(?:比|较)(?:上年末|上年底|去年末|去年底|年初)")
_STOCK_DENY_BEFORE = "实发表出呈体展再兑涌显浮"
# Characters without which a clause holds no period expression (a fast pre-check).
_MAYBE_PERIOD = re.compile(r"[年月日季今去前近期现目当已来间均每底末册保余旬周场初]")


# ---------------------------------------------------------------- numbers


@dataclass(slots=True)
class Num:
    """A number read in the normalised text, with its unit and qualifier."""

    start: int  # the mention: qualifier word, number, unit
    end: int
    num_start: int  # the number itself (after any qualifier word)
    value: float
    unit: Unit | None
    qualifier: str
    high: float | None = None
    literal_sign: int = 1
    # filled by the walk
    subject: str = ""
    raw_clause: str = ""
    period: Period | None = None
    event: bool = False
    place: places.Place | None = None
    heading: bool = False
    para: int = 0
    sign: int = 1
    comparison: str | None = None
    carried: Period | None = None
    sentence: tuple[int, int] = (0, 0)
    np_end: int = 0  # the end of a subject written after the number
    compared: str = ""  # 较一季度 of 较一季度(-10.8%): the figure is of a comparison base
    base: str = ""  # the measured quantity, without a change phrase (发案 of 发案同比下降)


def _is_stock(p: Period | None) -> bool:
    return p is not None and p.kind in ("stock", "stock_end", "until_stock")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _prefix_qualifier(s: str, p: int) -> tuple[str, int] | None:
    """The qualifier word right before offset ``p``: (qualifier, its start)."""
    for w, q in QUALIFIER_PREFIXES:
        a = p - len(w)
        if a >= 0 and s.startswith(w, a):
            deny = _PREFIX_DENY.get(w)
            if deny and a > 0 and s[a - 1] in deny:
                continue
            return q, a
    return None


def _core_at(s: str, i: int, j: int, norm: Normalised, text: str) -> tuple[float, int, bool] | None:
    """(value, end, is_chinese) of the numeral run ``s[i:j]``, trimmed where needed."""
    core = s[i:j]
    if core[0].isdigit():
        # A comma is a thousands separator only where the original has an ASCII one.
        k = core.find(",")
        while k >= 0:
            o = norm.to_original(i + k)
            if o >= len(text) or text[o] != ",":
                core = core[:k]
                break
            k = core.find(",", k + 1)
        intpart = core.split(".")[0].replace(",", "")
        if len(intpart) > 15:
            return None
        v = parse_arabic(core)
        return (v, i + len(core), False) if v is not None else None  # scaled exactly in _read_one
    if len(core) > MAX_NUMERAL_LEN:
        return None
    # 一千克, 两千米: 千 belongs to the unit.
    if core.endswith("千") and s[j : j + 1] in ("克", "米", "瓦") and len(core) > 1:
        core = core[:-1]
    # 十多亿, 两万余: the run may stop at 余/多 and go on with a multiplier.
    cv = parse_chinese(core)
    if cv is None:
        return None
    return float(cv), i + len(core), True


# Page furniture that lists other articles: a heading (相关新闻) and the lines
# of links under it (· 标题　2022-06-15). Their numbers belong to other releases.
_LINKS_HEAD = re.compile(r"^\s*(?:相关新闻|相关阅读|相关链接|相关文章|推荐阅读|延伸阅读|热点推荐|猜你喜欢|往期回顾|更多新闻)\s*[:：]?\s*$")
_LINK_LINE = re.compile(
    r"^\s*(?:[·•●▪■◆>]\s*[^。\n]*|[^。\n]{4,60}?[\s　]+(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*)$"
)


def _link_lines(s: str) -> list[tuple[int, int]]:
    """Spans of the lines that list other articles."""
    out = []
    pos = 0
    in_block = False
    for line in s.split("\n"):
        end = pos + len(line)
        if _LINKS_HEAD.match(line):
            in_block = True
            out.append((pos, end))
        elif _LINK_LINE.match(line) and (in_block or line.lstrip().startswith(("·", "•", "●"))):
            out.append((pos, end))
        elif line.strip():
            in_block = False
        pos = end + 1
    return out


def read_numbers(s: str, norm: Normalised, text: str) -> list[Num]:
    """Every figure-like number of ``s`` with its unit and qualifier."""
    out: list[Num] = []
    names = [m.span() for m in _NAME_QUOTE_RE.finditer(s)] + _link_lines(s)
    names.sort()
    name_starts = [a for a, _ in names]
    consumed = 0
    for m in NUM_RE.finditer(s):
        i, j = m.span()
        if i < consumed:
            continue
        k = bisect_right(name_starts, i) - 1
        if k >= 0 and names[k][0] < i < names[k][1]:
            continue
        n = _read_one(s, i, j, norm, text)
        if n is None:
            continue
        consumed = n.end
        if not math.isfinite(n.value) or (n.high is not None and not math.isfinite(n.high)):
            continue
        out.append(n)
    return out


# Rates per population written after the number: 孕产妇死亡率为7.6/10万.
_PER_POPULATION: tuple[str, ...] = ("/10万", "/万", "/千")


def _unit_follows(s: str, j: int) -> bool:
    """A counting unit right after ``j`` (after 余 or 多): 逾千宗, 近百余名."""
    if s[j : j + 1] in ("余", "多"):
        j += 1
    u = unit_at(s, j)
    return u is not None and u.family == "count" and not not_unit_at(s, j)


def _read_one(s: str, i: int, j: int, norm: Normalised, text: str) -> Num | None:
    prev = s[i - 1] if i > 0 else ""
    core = s[i:j]
    is_cn = not core[0].isdigit()
    if prev.isascii() and prev.isalpha():
        return None  # PM2.5, F15, G20
    if s.endswith(ORDINAL_BEFORE, 0, i):
        return None
    if is_cn:
        percent_words = s.endswith("百分之", 0, i)
        if prev in ("星", "周", "初", "统", "唯", "之", "万", "逐", "同", "单", "不", "专", "划", "进") and not percent_words:
            return None  # but 百分之二十一 is a percentage
        if core in ("零", "〇", "百", "千") and not (
            core == "千" and _prefix_qualifier(s, i) is not None and _unit_follows(s, j)
        ):
            return None  # 零包, 千家万户, 超过百人: words, not counts (逾千宗 is one)
        if core in _BARE_MULTIPLIERS or (core[0] in "百千万亿" and core != "十"):
            if not percent_words and _prefix_qualifier(s, i) is None:
                return None
    else:
        percent_words = False
        if len(core) > 1 and core[0] == "0" and core[1].isdigit():
            return None  # 海巡06906轮, 0571: a code written with a leading zero, not a count
        if prev and prev in ".:/·" and i >= 2 and s[i - 2].isdigit():
            return None
        nxt2 = s[j : j + 2]
        if len(nxt2) == 2 and nxt2[0] in ".:/·" and nxt2[1].isdigit() and not s.startswith(_PER_POPULATION, j):
            return None  # 26.12.2014, 10:11, 6·26
        if re.match(r"-\d{1,2}-\d", s[j : j + 6]):
            return None  # 2009-6-26
    core_read = _core_at(s, i, j, norm, text)
    if core_read is None:
        return None
    value, k, _ = core_read
    start = i
    if percent_words:
        start = i - 3  # 百分之二十一: the mention is the whole percentage
        if s[k : k + 1] == "点" and s[k + 1 : k + 2] in _CN_DIGITS:
            # 百分之十六点五: the decimals are read digit by digit
            e = k + 1
            while e < len(s) and s[e] in _CN_DIGITS:
                e += 1
            value = float(f"{int(value)}." + "".join(str(_CN_DIGITS.index(c) % 10) for c in s[k + 1 : e]))
            k = e
    core_end = k
    literal_sign = 1
    if not is_cn and prev and prev in "-−" and (i < 2 or not s[i - 2].isdigit()):
        literal_sign = -1
        start = i - 1

    inner_q: str | None = None
    mult = 1
    for _ in range(2):
        for w, q in QUALIFIER_INNER:
            if inner_q is None and s.startswith(w, k):
                # 30多名 yes; 多家 after a number is also 'more than' (10多家)
                inner_q = q
                k += len(w)
                break
        mm = multiplier_at(s, k)
        if mm is not None and not (is_cn and core.endswith(("万", "亿"))):
            # 亿元 yes, but not 万克 in 查破万克案件 (handled: no digits) nor 亿人民
            mult *= mm[1]
            k += len(mm[0])
    if inner_q is not None and s.startswith(("年", "个月", "天", "岁", "小时", "次产业"), k):
        return None
    if mult != 1:
        exact = scale(s[i:core_end], mult) if not is_cn else value * mult
        if exact is None:
            return None
        value = exact

    unit: Unit | None = None
    high: float | None = None
    if not_unit_at(s, k):
        return None
    if percent_words:
        unit = UNITS["%"]
    else:
        unit = unit_at(s, k)
        if unit is not None:
            if is_cn and core == "一" and unit.text in ONE_ARTICLE_UNITS:
                return None
            if is_cn and unit.text in ("种", "位") and core != "十":
                return None
            k += len(unit.text)
            if unit.text == "元" and s.startswith("人民币", k):
                k += 3
        elif s.startswith("成", k) and value <= 10 and s[k + 1 : k + 2] not in _AFTER_CHENG_DENY and (
            is_cn or value == int(value)
        ):
            unit = UNITS["%"]
            value *= 10
            k += 1
    if unit is None:
        # 3至5人, 10-15吨: a range written once with its unit at the end.
        if s[k : k + 1] in RANGE_JOINERS:
            rng = _range_end(s, k + 1, norm, text)
            if rng is not None:
                v2, m2, u2, k2 = rng
                if mult == 1 and m2 > 1:
                    value *= m2
                high, unit, k = v2, u2, k2
        if unit is None and s[k : k + 1] in _CONNECT and not is_cn:
            # 3.5和1.8个百分点: the unit written once after the last number.
            nb = NUM_RE.match(s, k + 1)
            if nb and nb.group(0)[0].isdigit():
                kk = nb.end()
                mm2 = multiplier_at(s, kk)
                if mm2 is not None:
                    kk += len(mm2[0])
                listed = unit_at(s, kk)
                if listed is not None and listed.family in ("percent", "points"):
                    unit = listed
        if unit is None:
            if is_cn:
                return None
            if inner_q is not None and k < len(s) and _is_cjk(s[k]) and s[i - 1 : i] != "第":
                pass  # 280余运毒嫌疑人: a count with its noun, no counting word
            elif not _bare_ok(s, start, k, value, core):
                return None

    suffix_q: str | None = None
    for w, q in QUALIFIER_SUFFIXES:
        if s.startswith(w, k):
            if w in ("以上", "以下", "以内"):
                after = s[k + len(w) : k + len(w) + 2]
                fam = unit.family if unit is not None else "count"
                if fam in ("count", "mass", "money", "other") and after and (
                    _is_cjk(after[0]) or (after[0] == "、" and after[1:2].isdigit())
                ):
                    return None  # 5人以上涉毒团伙, 100克以上、500克以下: a category, not a figure
            suffix_q = q
            k += len(w)
            break

    pq = _prefix_qualifier(s, start)
    if pq is not None:
        start = pq[1]
    if is_cn and (core in _BARE_MULTIPLIERS) and pq is None and not percent_words:
        return None
    qualifier = suffix_q or inner_q or (pq[0] if pq else "exact")
    if s.endswith(FURNITURE_BEFORE, 0, start) or re.search(r"(?:阅读|浏览|点击|访问)(?:量|数)?[:：\s]*$", s[max(0, start - 8) : start]):
        return None
    return Num(start, k, i, value * literal_sign, unit, qualifier, high, literal_sign)


def _range_end(s: str, k: int, norm: Normalised, text: str) -> tuple[float, int, Unit, int] | None:
    m = NUM_RE.match(s, k)
    if m is None:
        return None
    read = _core_at(s, m.start(), m.end(), norm, text)
    if read is None:
        return None
    v2, kk, _ = read
    mult = 1
    mm = multiplier_at(s, kk)
    if mm is not None:
        mult = mm[1]
        kk += len(mm[0])
    if not_unit_at(s, kk):
        return None
    u = unit_at(s, kk)
    if u is None:
        return None
    return v2 * mult, mult, u, kk + len(u.text)


def _bare_ok(s: str, start: int, k: int, value: float, core: str) -> bool:
    """A number without a unit counts only in a clause of its own, right after
    the words naming it (刑拘电诈犯罪嫌疑人1088, 城乡居民收入倍差1.65)."""
    prev = s[start - 1] if start > 0 else ""
    nxt = s[k : k + 1]
    if not _is_cjk(prev) or prev in "第号年月日期版至到":
        return False
    if nxt not in ("", ",", ";", "。", "、", ")", "\n", "；"):
        return False
    return not ("." not in core and len(core) == 4 and 1900 <= value <= 2100)


# ---------------------------------------------------------------- document


@dataclass(slots=True)
class Doc:
    text: str
    norm: Normalised
    s: str
    published: date | None
    region: str | None
    paras: list[tuple[int, int]] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)


def _paragraphs(s: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in s.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_heading(line: str) -> bool:
    t = line.strip()
    if not t or len(t) > 50 or not _CJK_RE.search(t):
        return False
    if any(ch in t for ch in "。;；") or any(ch in t[-1:] for ch in "!?！？"):
        return False  # but 刷单返利又来了！市民王女士被骗18万余元 is a title
    return not t.endswith((",", ":", "：", "、"))


def _sentences(s: str) -> list[tuple[int, int]]:
    out = []
    a = 0
    for m in _SENT_END.finditer(s):
        b = m.end()
        if b > a:
            out.append((a, b))
        a = b
    if a < len(s):
        out.append((a, len(s)))
    return out


@dataclass(frozen=True, slots=True)
class _Ev:
    pos: int
    order: int  # ties: marks before figures
    kind: str  # period | day | place | case | fig | paren_open | paren_close
    payload: object


def _report_day(doc: Doc, pos: int, fig_starts: list[int]) -> bool:
    """A day in a sentence about a press conference with no figure after it."""
    si = bisect_right(doc.sentence_starts, pos) - 1
    if si < 0:
        return False
    a, b = doc.sentences[si]
    if "发布会" not in doc.s[a:b]:
        return False
    k = bisect_right(fig_starts, pos)
    return not (k < len(fig_starts) and fig_starts[k] < b)


def _period_events(doc: Doc, fig_starts: list[int]) -> list[_Ev]:
    s = doc.s
    evs: list[_Ev] = []
    for mk in find_marks(s):
        before = s[max(0, mk.start - 4) : mk.start]
        after = s[mk.end : mk.end + 12]
        if mk.name == "stock" and mk.text.startswith("现") and before[-1:] and before[-1] in _STOCK_DENY_BEFORE:
            continue
        if mk.name in ("day", "today") and (
            after.startswith(REPORT_AFTER) or _REPORTER_AFTER.match(after) or _report_day(doc, mk.start, fig_starts)
        ):
            continue  # 新华社南宁12月17日电, 13日通报: the report's date
        if _CLOCK.match(s, mk.end) or _CLOCK.match(s, mk.end + 1):
            continue  # 2018年06月26日 15:00:04: page furniture
        # 较前一周, 比上一个月: the week before is a comparison base, not a period
        compare = before.endswith(COMPARE_BEFORE) or (
            mk.name == "duration" and re.search(r"(?:较|比|与)(?:前|上)$", before) is not None
        )
        if mk.name == "year" and re.match(r"[“\"]\d", s[mk.end : mk.end + 2]):
            continue  # 2003年“12·9”积案: the year names a case
        evs.append(_Ev(mk.start, 0, "period", (mk, compare)))
    for a, b, digits in find_day_only(s):
        prev = s[a - 1] if a > 0 else "\n"
        after = s[b : b + 12]
        if prev not in ",)\n 。，" or after.startswith(REPORT_AFTER) or _report_day(doc, a, fig_starts):
            continue
        evs.append(_Ev(a, 0, "dayonly", (a, b, digits)))
    return evs


# A sentence that tells one case (经查, 经审理查明, 该团伙): its quantities are the case's.
# After a date: a reporter learning of the news (10月9日,记者从长沙市公安局获悉): the report's date.
_REPORTER_AFTER = re.compile(r"[,，]?\s*记者(?:从|在|日前从|近日从)")
# A sentence that tells the arrests of a case (专案组于5月16日凌晨收网).
_ARREST_RE = re.compile(r"收网|抓获|抓捕|捣毁|搗毀|收網|抓獲")
# A sentence that sums up one case told day by day: 至此,该案共抓获犯罪嫌疑人4名.
_CASE_TOTAL_RE = re.compile(r"\s*(?:至此|截至目前|目前)?[,，]?(?:该案|此案|全案|本案)(?:共|累计|先后)")
_CASE_NARRATIVE = re.compile(r"经查|经审理查明|经审讯|供认不讳|该团伙|该案共|此案共|全案共")
# A clause that opens with an area's scope word: a statistic, also over one day.
_AREA_CLAUSE = re.compile(r"\s*(?:全国|全省|全市|全区|全县|全州)")


def _clause_start(s: str, i: int) -> int:
    k = max(s.rfind(c, 0, i) for c in ",，;；:：。\n") + 1
    return k


_HOLIDAY_GAP = re.compile(r"[“”\"]?[^,，。;；\n]{0,6}?[(（]")


def _holiday_dates(doc: Doc, evs: list[_Ev]) -> dict[str, Period]:
    """Holidays whose dates the release states: 春节假期(2月10日至17日)."""
    marks = [cast(tuple[Mark, bool], e.payload)[0] for e in evs if e.kind == "period"]
    out: dict[str, Period] = {}
    for mk, nxt in zip(marks, marks[1:], strict=False):
        if mk.name not in ("holiday", "holiday_other") or nxt.name != "day_range":
            continue
        if not _HOLIDAY_GAP.fullmatch(doc.s, mk.end, nxt.start):
            continue
        per = resolve(nxt, Context(doc.published, None))
        if per is not None and per.start is not None and per.end is not None:
            out.setdefault(holiday_family(mk.text), per)
    return out


def _holiday_period(mark: Mark, holidays: dict[str, Period], per: Period | None) -> Period | None:
    """A holiday named in a release that states its dates: those dates; a bare
    假期 in a release about one holiday: that holiday."""
    fam = holiday_family(mark.text)
    if fam in holidays:
        return holidays[fam]
    if fam == "" and len(set(holidays.values())) == 1:
        return next(iter(holidays.values()))
    return per


def _local_binding(s: str, mark_end: int, fig_start: int) -> bool:
    """A period written right before its number binds that number only:
    从2006年的5.24人, 较一季度(-10.8%)."""
    gap = s[mark_end:fig_start]
    return gap in ("的", "(", "的(") or (gap.startswith("(") and len(gap) <= 2)


# A sentence set at the meeting or event the release reports on: 会上, 活动现场.
# A clause opening with an area's scope word and a total (全省累计, 全市共): the area's figures.
_AREA_TOTAL_RE = re.compile(r"\s*(?:全国|全省|全市|全区|全县|全州)(?:公安机关|各地|各级)?(?:累计|共计|共|总计|先后)")
# Right after a cut-off date: a count of flows follows (截至8月31日,共破获……).
_FLOW_AFTER_UNTIL = re.compile(r"[,，]?\s*(?:全省|全市|全县|全区)?(?:共|累计|共计)")
_DURING_RE = re.compile(r"\s*(?:此|假期|节日|节假日|整治|行动|活动|会战|专项行动|集中整治|专项整治)期间")
_SCENE_RE = re.compile(r"\s*(?:会上|会议上|发布会上|活动现场|仪式现场|会议现场|发布会现场|仪式上)")
_MEETING_RE = re.compile(r"(?:召开|举行|举办)[^,。;\n]{0,24}?(?:会|活动|仪式)")


def _meeting_day(doc: Doc) -> Period | None:
    """The day of the meeting or event a release reports on (6月24日上午,……召开新闻发布会)."""
    for a, b in doc.sentences:
        if not _MEETING_RE.search(doc.s, a, b):
            continue
        for mk in find_marks(doc.s[a:b]):
            if mk.name in ("day", "today"):
                per = resolve(mk, Context(doc.published, None))
                if per is not None and per.kind == "day":
                    return per
    return None


def walk(doc: Doc, nums: list[Num]) -> None:
    """Assign period, event, place and subject to every number, in text order."""
    s = doc.s
    scan = places.scan(s)
    home = places.home_place(scan, doc.region)
    scan = places.add_local_aliases(s, scan, home)
    evs = _period_events(doc, [n.start for n in nums])
    for pm in scan.marks:
        evs.append(_Ev(pm.start, 1, "place", pm))
    for m in _CASE_RE.finditer(s):
        evs.append(_Ev(m.start(), 2, "case", m.end()))
    for idx, n in enumerate(nums):
        evs.append(_Ev(n.start, 3, "fig", idx))
    evs.sort(key=lambda e: (e.pos, e.order))
    weak_at = [cast(tuple[Mark, bool], e.payload)[0].start for e in evs if mk_name(e) == "weak_stock"]

    holidays = _holiday_dates(doc, evs)
    meeting_day = _meeting_day(doc)
    case_days: set[date] = set()
    arrest_days: list[tuple[int, date]] = []
    totals_here = False
    para_starts = [a for a, _ in doc.paras]
    sent_starts = doc.sentence_starts
    carried: Period | None = None  # explicit periods, across sentences and paragraphs
    carried_para = -1
    vague: Period | None = None  # an undated incident, until a period is stated
    cur_para = -1
    cur_sent = -1
    cur: Period | None = None
    explicit_here = False
    dated_stock_here = False
    since_here: Period | None = None
    until_here: date | None = None
    main_span: Period | None = None  # the last span stated outside headings (the release's window)
    case_here = False
    place_cur: places.Place | None = home
    paren_place: places.Place | None = None
    paren_close = -1
    pending_local: tuple[int, Period] | None = None
    revert_at = -1
    revert_to: Period | None = None
    event_para = -1
    until_ends: set[date] = set()
    since_starts: set[date] = set()
    heading = False
    head_state: Period | None = None
    for ev in evs:
        if 0 <= revert_at <= ev.pos:
            cur, revert_at = revert_to, -1
        p = bisect_right(para_starts, ev.pos) - 1
        if p != cur_para:
            cur_para = p
            heading = p in doc.headings
            place_cur = home
            head_state = None
        si = bisect_right(sent_starts, ev.pos) - 1
        if si != cur_sent:
            cur_sent = si
            if place_cur is places.NATIONAL and home is not places.NATIONAL:
                # a local release speaks of the country in passing (汇集全国禁毒数据资源, 全国共破获……):
                # 全国 holds for its own sentence, then the release's own area is back in force
                place_cur = home
            if vague is not None and carried is not None and carried_para == cur_para:
                # 今年以来,……不久前打掉一个团伙,破获案件40余起。……共追回……: an incident
                # told inside a paragraph about a period is over with its sentence
                vague = None
            cur = head_state if heading else (vague or carried)
            if (
                not heading
                and main_span is not None
                and cur is not None
                and cur.kind in ("day", "vague")
                and _DURING_RE.match(s, doc.sentences[si][0])
            ):
                # 假期期间,管内各站共发送旅客……: after an incident, 期间 is the release's window again
                cur = carried = main_span
                vague = None
            elif (
                not heading
                and main_span is not None
                and carried is not None
                and carried.kind == "day"
                and carried_para < cur_para
                and (si == 0 or sent_starts[si] <= para_starts[cur_para] + 1 or s[sent_starts[si] - 1 : sent_starts[si]] == "\n")
                and _AREA_TOTAL_RE.match(s, doc.sentences[si][0])
            ):
                # 8月17日,……打掉一个团伙。\n全省累计出动警力……: a new paragraph on the area's
                # totals leaves the incident's day for the release's window
                cur = carried = main_span
                carried_para = cur_para
                vague = None
            totals_here = False
            if not heading and len(case_days) >= 2 and _CASE_TOTAL_RE.match(s, doc.sentences[si][0]):
                cur = Period("span", min(case_days), max(case_days))  # 至此,该案共抓获……: all the case's days
                totals_here = True
            if meeting_day is not None and not heading and _SCENE_RE.match(s, doc.sentences[si][0]):
                cur = meeting_day  # 活动现场,……集中销毁毒品356千克: the meeting's day
                event_para = cur_para
            explicit_here = False
            dated_stock_here = False
            since_here = None
            until_here = None
            case_here = False
            pending_local = None
            revert_at = -1
        if ev.kind in ("period", "dayonly"):
            state_for_resolve = cur if cur is not None and cur.kind in ("span", "day") else carried
            ctx = Context(doc.published, state_for_resolve)
            if ev.kind == "period":
                mark, compare = cast(tuple[Mark, bool], ev.payload)
                per = resolve(mark, ctx)
                if mark.name in ("holiday", "holiday_other"):
                    per = _holiday_period(mark, holidays, per)
                end = mark.end
            else:
                _, day_end, digits = cast(tuple[int, int, str], ev.payload)
                per = day_of_month(digits, ctx)
                compare = False
                end = day_end
            if per is None:
                continue
            pending_local = (end, per)
            if compare or re.match(r"(?:的|\()[-\d]", s[end : end + 2]):
                # 较一季度(-10.8%), 从2006年的5.24人: binds only the number written right after it.
                continue
            if per.kind == "weak":
                if not explicit_here and (
                    cur is None or cur.kind not in ("day", "vague") or event_para != cur_para
                ):
                    cur = Period("stock", None, per.end)
                continue
            if per.kind == "stock" and dated_stock_here:
                continue  # 截至2021年底，全市现有吸毒人员8736名: the stock's date is stated
            if per.kind == "stock" and until_here is not None:
                # 今年以来,……;截至5月底,全省现有吸毒人员4.3万名: a stock at the cut-off, not since January
                cur = Period("until_stock", None, until_here)
                dated_stock_here = True
                continue
            if per.kind == "stock_end" and s[max(0, ev.pos - 3) : ev.pos].endswith(("截至", "截止", "截止到")):
                # 截至去年底,全市累计建成……148个: an explicit cut-off, held over the flow words after it
                per = Period("until", None, per.end)
            if per.kind == "stock_end":
                if per.end is not None and per.end != doc.published:
                    dated_stock_here = True
                if _is_stock(cur):
                    continue  # 目前……在册, 截至5月底……在册: the stock's date is already stated
                # 年末全区常住人口729万人,……其中,城镇常住人口491万人: the stock holds over the
                # clauses after it, up to one that states a flow (全市共发生事故2594起)
                sent_end = doc.sentences[si][1] if 0 <= si < len(doc.sentences) else len(s)
                revert_to, revert_at = cur, _flow_clause(s, end, sent_end)
                cur = per
                continue
            if per.kind == "null" and revert_at >= 0:
                revert_to = per  # 在册吸毒人员年均增幅: the rate outlives the stock word
            if not heading and s[max(0, ev.pos - 4) : ev.pos].endswith(("其中,", "其中", "其中，")) and per.kind == "span":
                # 其中,今年6月,……100%;: a sub-period for its clause only
                revert_to, revert_at = cur, _next_break(s, end, ";。；")
                cur = per
                continue
            if per.kind == "recent":
                # 近年来 inside a clause (近年来最大一起): this sentence only, never over an incident's date
                if cur is None or cur.kind not in ("day", "vague"):
                    cur = Period("span", None, per.end)
                continue
            if not per.year_known:
                # 去年 with no publication date: keep a year stated earlier in this sentence
                if explicit_here:
                    continue
                per = Period("span", None, None)
            if per.kind == "until":
                until_here = per.end
            if per.kind == "until" and since_here is not None:
                per = Period("span", since_here.start, per.end)
            elif per.kind == "until":
                if per.end is not None and not heading:
                    until_ends.add(per.end)
                dated_stock_here = True
                per = Period("until_stock", None, per.end)
                if not heading and _FLOW_AFTER_UNTIL.match(s, end) and (carried is None or carried.start is None):
                    # 行动开展以来,……截至8月31日,共破获……: the cut-off of a count of flows holds on
                    # into the next paragraphs (行动中,全省共破获……) until another period is stated
                    carried = main_span = per
                    carried_para = cur_para
                    vague = None
            if (
                per.kind == "span"
                and ev.kind == "period"
                and mk_name(ev) in ("since_day", "since_day_from", "since_month", "since_month_from", "since_month_open", "since_year")
                and per.start is not None
                and not heading
            ):
                since_starts.add(per.start)
            cur = per
            if per.kind in ("span", "day"):
                explicit_here = True
                if per.start is not None and per.end == doc.published:
                    since_here = per
                if not heading:
                    carried = per
                    carried_para = cur_para
                    vague = None
                    if per.kind == "span":
                        main_span = per
                else:
                    head_state = per
            elif per.kind == "vague" and not heading:
                vague = per
            if per.kind in ("day", "vague"):
                event_para = cur_para
            if per.kind == "day" and per.start is not None and not heading:
                case_days.add(per.start)
                if 0 <= si < len(doc.sentences) and _ARREST_RE.search(s, *doc.sentences[si]):
                    arrest_days.append((ev.pos, per.start))
            elif per.kind == "span" and not heading:
                case_days = set()
            continue
        if ev.kind == "place":
            place_mark = cast(places.PlaceMark, ev.payload)
            if place_mark.place is not None:
                newp: places.Place | None = place_mark.place
            else:
                newp = places.resolve_scope(place_mark.scope or "", place_cur, home)
                if newp is None and place_mark.scope == "国":
                    newp = places.NATIONAL
            if newp is None:
                continue
            close = _paren_close(s, place_mark.start)
            if close is not None:
                paren_place, paren_close = newp, close
            else:
                place_cur = newp
            continue
        if ev.kind == "case":
            case_here = True
            continue
        n = nums[cast(int, ev.payload)]
        n.heading = heading
        n.para = cur_para
        n.sentence = doc.sentences[si] if 0 <= si < len(doc.sentences) else (0, len(s))
        per = cur
        if pending_local is not None and _local_binding(s, pending_local[0], n.start):
            per = pending_local[1]
        elif (
            not explicit_here
            and not case_here
            and (cur is None or cur.kind not in ("day", "vague") or event_para != cur_para)
            and _weak_stock_after(s, n.end, weak_at)
        ):
            # 我省17个市、130多个县市区都已发现……: the 已 of the clause makes its figures a stock
            per = Period("stock", None, doc.published)
        n.period = per
        n.carried = carried
        n.event = bool(per is not None and per.kind in ("day", "vague")) or case_here
        if _CASE_NARRATIVE.search(s, *n.sentence):
            n.event = True  # 经查，该团伙……累计倾倒三千五百余吨: one case's totals
        elif n.event and per is not None and per.kind == "day" and _AREA_CLAUSE.match(s, _clause_start(s, n.start)):
            n.event = False  # 5月3日当天，全市接待游客321.5万人次: a day's statistic for an area
        if n.unit is not None and n.unit.family in ("percent", "points", "ratio"):
            n.event = False  # a share or a change is a statistic, not the quantity of an incident
        if case_here and (per is None or per.kind != "day") and not _short_span(per, explicit_here or totals_here):
            n.period = Period("vague", None, None)
        if paren_close > n.start:
            n.place = paren_place
        else:
            n.place = place_cur
        pending_local = None
    _lead_case_days(nums, arrest_days)
    _subjects(doc, nums, home)
    _averages(nums)
    _reporting_window(doc, nums, until_ends, since_starts)


_CLAUSE_BREAK_RE = re.compile(r"[,;:。!?，；：！？\n]")
AVERAGE_WORDS: tuple[str, ...] = ("日均", "月均", "年均", "人均", "户均")


def _lead_case_days(nums: list[Num], arrest_days: list[tuple[int, date]]) -> None:
    """An undated case told first in summary (近日,……捣毁一个窝点,抓获犯罪嫌疑人11名)
    and then day by day (专案组于5月16日凌晨收网): the summary's figures are of the
    days of the arrests told after it."""
    if not arrest_days:
        return
    arrest_days.sort()
    at = [pos for pos, _ in arrest_days]
    lo: list[date] = [d for _, d in arrest_days]
    hi = list(lo)
    for k in range(len(lo) - 2, -1, -1):  # the earliest and latest day told from each point on
        lo[k], hi[k] = min(lo[k], lo[k + 1]), max(hi[k], hi[k + 1])
    for n in nums:
        if n.heading or not n.event or n.period is None or n.period.kind != "vague":
            continue
        k = bisect_right(at, n.end)
        if k < len(at) and (hi[k] - lo[k]).days <= 7:
            n.period = Period("day" if lo[k] == hi[k] else "span", lo[k], hi[k])


def _short_span(per: Period | None, explicit_here: bool) -> bool:
    """A span of days stated in the sentence itself (3月26日至29日……打掉一个团伙): the case's days."""
    return (
        explicit_here
        and per is not None
        and per.kind == "span"
        and per.start is not None
        and per.end is not None
        and (per.end - per.start).days <= 31
    )


def _averages(nums: list[Num]) -> None:
    """A subject that is only an average word (车流量达1286万辆次，日均160.8万辆次)
    is the average of the figure before it in the sentence."""
    prev: Num | None = None
    for n in nums:
        head, rest = n.subject[:2], n.subject[2:]
        if (
            prev is not None
            and prev.sentence == n.sentence
            and head in AVERAGE_WORDS
            and (not rest or not subjects.strip_change(rest))
            and not prev.subject.startswith(AVERAGE_WORDS)
        ):
            base = prev.subject
            for w in AVERAGE_WORDS:
                base = base.split(w, 1)[0]
            n.subject = base + n.subject
        if n.unit is None or n.unit.family not in ("percent", "points", "ratio"):
            prev = n


def _weak_stock_after(s: str, i: int, weak_at: list[int]) -> bool:
    """Whether an 已 (已经) follows ``i`` in the same clause, within 16 characters."""
    k = bisect_right(weak_at, i)
    if k >= len(weak_at) or weak_at[k] - i > 16:
        return False
    return _CLAUSE_BREAK_RE.search(s, i, weak_at[k]) is None


def _flow_clause(s: str, i: int, end: int) -> int:
    """The start of the first clause after ``i`` (before ``end``) that states a flow."""
    for m in _CLAUSE_BREAK_RE.finditer(s, i, end):
        a = m.end()
        b = _CLAUSE_BREAK_RE.search(s, a, end)
        clause = s[a : b.start() if b else end]
        if subjects.FLOW_RE.search(clause):
            return a
    return end


def _next_break(s: str, i: int, chars: str) -> int:
    hits = [k for k in (s.find(c, i, i + 200) for c in chars) if k >= 0]
    return min(hits) if hits else i + 200


def _reporting_window(doc: Doc, nums: list[Num], until_ends: set[date], since_starts: set[date]) -> None:
    """截至12月上旬 in one place and 自10月起……以来 in another describe one
    reporting window: figures since the start run to the cut-off date, and
    figures as of the cut-off date run from the start."""
    if len(until_ends) != 1 or len(since_starts) != 1 or doc.published is None:
        return
    (until,), (since,) = until_ends, since_starts
    if not since < until < doc.published:
        return
    if not any(n.period is not None and n.period.start == since and n.period.end == doc.published for n in nums):
        return  # 自9月15日……以来，截至10月31日: the window is closed where it is opened
    for n in nums:
        p = n.period
        if p is None:
            continue
        if p.kind == "span" and p.start == since and p.end == doc.published:
            n.period = Period("span", since, until)
        elif p.kind == "until_stock" and p.end == until:
            n.period = Period("span", since, until)


def mk_name(ev: _Ev) -> str:
    return cast(tuple[Mark, bool], ev.payload)[0].name if ev.kind == "period" else ""


def _paren_close(s: str, i: int) -> int | None:
    """The end of the parenthesis ``i`` is in, if it is in a short one."""
    a = s.rfind("(", max(0, i - 40), i)
    if a < 0 or ")" in s[a:i]:
        return None
    b = s.find(")", i, i + 60)
    return b if b >= 0 else None


# ---------------------------------------------------------------- subjects


def _family(n: Num) -> str:
    return n.unit.family if n.unit is not None else "count"


def _region_words(home: places.Place | None, n: Num) -> tuple[str, ...]:
    words: list[str] = []
    for p in (n.place, home):
        if p is None:
            continue
        words.append(p.name)
        if p.region is not None:
            words.extend(p.region.aliases)
            words.append(p.region.province.name)
            words.extend(p.region.province.aliases)
    return tuple(sorted(set(words), key=len, reverse=True))


def _strip_marks(t: str) -> str:
    """Drop period expressions from a clause (今年1至5月共破获 -> 共破获)."""
    if not _MAYBE_PERIOD.search(t):
        return t
    out = []
    pos = 0
    for mk in find_marks(t):
        before = t[max(0, mk.start - 3) : mk.start]
        if mk.name in ("weak_stock", "stock_implicit") or before.endswith(COMPARE_BEFORE):
            continue
        if mk.name == "duration" and re.search(r"(?:较|比|与)(?:前|上)$", before):
            continue  # 较前一周减少: a comparison base stays in the clause
        if mk.name == "rate" and t[mk.start : mk.end].endswith("量"):
            continue  # 数据日增量: a rate that is a noun names the quantity itself
        out.append(t[pos : mk.start])
        pos = mk.end
    out.append(t[pos:])
    return "".join(out)


def _clean(t: str, rw: tuple[str, ...]) -> str:
    t = _strip_marks(t)
    t = subjects.strip_lead(t, rw)
    t = subjects.strip_tail(t)
    t = subjects.strip_lead(t, rw)
    return t.strip(" \u3000,、“")


_SHARE_OF_SCOPE = re.compile(r"占(?:全国|全省|全市|全区|全县|全州)?(?:总量|总数|总额)?(?:的)?$")


_AGE_RE = re.compile(r"[\d一二三四五六七八九十]{1,3}(?:周)?岁\)?")
_TABLE_CELL_BAD = re.compile(r"[\d%％]")


def _table_row_name(s: str, i: int) -> str:
    """The first cell of a flattened table row (指标 | 数值 | 同比) holding position ``i``."""
    ls = s.rfind("\n", 0, i) + 1
    line = s[ls:i]
    if "|" not in line:
        return ""
    first = line.split("|", 1)[0].strip()
    if not first or len(first) > 20 or _TABLE_CELL_BAD.search(first):
        return ""
    return first


_CHANGE_VERB_TAIL = re.compile(r"(?:增长|下降|上升|增加|减少|提高|提升|降低|回升|回落|下滑|下跌|缩小|扩大|上涨|增产|减产|增收|减收|增亏|减亏)了?$")


def _fit_change(chg: str, base: str) -> str:
    """A change against a named base (较1月份, 较2019年底) glued to a short subject keeps
    only its verb, so it does not outweigh the subject: 检查车辆 + 较1月份增长 -> 检查车辆增长.
    同比 and 环比 phrases stay as written (同比分别上升)."""
    if len(chg) <= len(base) or chg.startswith("分别"):
        return chg
    if chg.startswith(("同比", "环比")):
        # 案值 + 同比增长 -> 案值增长: the verb alone, like a named base (同比分别上升 stays)
        return chg if chg.startswith("分别", 2) or len(chg) <= 2 else chg[2:]
    m = _CHANGE_VERB_TAIL.search(chg)
    return m.group(0) if m else chg


_RANK_TAIL = re.compile(r"(?:占比|比重|所占比重)?(?:最高|最大|最多|居首|第一)?$")


def _clause_between(s: str, prev: Num, cstart: int, rw: tuple[str, ...]) -> str:
    """A clause without numbers between the figure before and this figure's own
    clause (which names nothing), cleaned; else ''."""
    floor = max(prev.end, prev.np_end)
    if cstart - 1 <= floor:
        return ""
    _, raw = subjects.clause_before(s, cstart - 1, floor)
    if not raw.strip() or re.search(r"[\d%％]", raw):
        return ""
    t = _RANK_TAIL.sub("", _clean(raw, rw))
    return t if len(t) >= 2 and not subjects.is_filler(t) else ""


def _subjects(doc: Doc, nums: list[Num], home: places.Place | None) -> None:
    s = doc.s
    prev_sent: tuple[int, int] | None = None
    in_sent: list[Num] = []
    i = 0
    while i < len(nums):
        n = nums[i]
        if n.sentence != prev_sent:
            prev_sent = n.sentence
            in_sent = []
        # the list this number leads: 27.6%、32.6%和26.2%
        group = [n]
        while i + len(group) < len(nums):
            nx = nums[i + len(group)]
            if nx.sentence != n.sentence or s[group[-1].end : nx.start].strip() not in _CONNECT:
                break
            group.append(nx)
        floor = max(n.sentence[0], max(in_sent[-1].end, in_sent[-1].np_end) if in_sent else 0)
        cstart, raw = subjects.clause_before(s, n.start, floor)
        if len(raw.strip(" 、")) <= 1 and in_sent:
            # 、33万元毒资 / ,逾23公斤: the list goes on; read signs and comparisons further back
            _, raw_back = subjects.clause_before(s, n.start, n.sentence[0])
            raw = raw_back if raw_back.endswith(raw) else raw
        rw = _region_words(home, n)
        sign = subjects.change_sign(raw)
        fam = n.unit.family if n.unit is not None else "count"
        comp = subjects.comparison_of(raw, fam)
        own = s[cstart : n.start] if floor > n.sentence[0] else raw
        core = _clean(own, rw)
        core_nc = subjects.strip_change(core)
        if core_nc and core_nc != core:
            core_nc = subjects.strip_tail(core_nc)
        core_nc = subjects.named_drug(subjects.balance(subjects.from_verb(subjects.tidy(core_nc))))
        if _AGE_RE.fullmatch(core_nc):
            core_nc = ""  # (女,25岁)2名犯罪嫌疑人: an age in an aside names nothing
        if comp == "share" and _SHARE_OF_SCOPE.search(own):
            # 海洛因、冰毒片剂缴获量占全国80%以上: a share of a whole area is of what stands before
            # 占, list and all (a share of a named denominator, 占全区总人口的比例, keeps it)
            whole = _clean(own.rsplit("占", 1)[0], rw)
            if len(whole) >= 2 and not subjects.is_filler(whole):
                core_nc = subjects.balance(subjects.tidy(whole))
        if len(core_nc) == 1 and core_nc in subjects.EMPTY_ONE or not core_nc.strip() or subjects.is_filler(core_nc):
            core_nc = ""
        elif (
            core_nc in subjects.VERBS
            and in_sent
            and in_sent[-1].unit == n.unit
            and (prev_np := subjects.noun_after(s, in_sent[-1].end))
            and not subjects.noun_after(s, n.end)
        ):
            # 13公里综合管控护栏已建成8.6公里 -> 建成综合管控护栏
            core_nc += prev_np
        if not core_nc and (row := _table_row_name(s, n.start)):
            core_nc = row  # 出口 | 7432.9亿元 | 5.6%: a table flattened into lines, named by its first cell
        names: list[str]
        bases: list[str] | None = None
        compared = ""
        k = len(group)
        if core_nc.endswith(subjects.OBJECTLESS_VERBS) and (
            parent := next((m for m in reversed(in_sent) if _family(m) == fam and m.base), None)
        ):
            # 原煤产量1657.8万吨;其中,县属企业完成1094.2万吨 -> 县属企业原煤产量
            stem = core_nc[: -2]
            core_nc = stem + parent.base if stem and parent.base not in stem else core_nc
        after_np = subjects.noun_after(s, group[-1].end)
        if (
            after_np
            and fam not in ("percent", "points", "ratio")
            and (k == 1 or not core_nc)
            and subjects.wants_noun_after(core_nc, own)
        ):
            verb = subjects.last_verb(core)
            if core_nc and len(core_nc) <= 4:
                names = [core_nc + after_np] * k
            else:
                names = [verb + after_np] * k
            group[-1].np_end = group[-1].end + len(after_np)
        elif not core_nc and s.startswith("的", group[-1].end) and (np2 := subjects.noun_after(s, group[-1].end + 1, clause=True)):
            names = [np2] * k  # 97.6%的群众对……表示满意
        elif k > 1 and core_nc and (parts := subjects.split_list(core_nc, k)) is not None:
            names = parts
        elif k > 1 and comp == "share" and core_nc.startswith("占") and len(in_sent) >= k:
            # 纠纷1236件、782件、514件,分别占审结总数的46.1%、29.2%和19.2%: each item's share
            names = [m.base + core_nc for m in in_sent[-k:]]
        elif in_sent and (cmp_base := _COMPARED_RE.search(own)) and in_sent[-1].base:
            # 增长-8.7%,较一季度(-10.8%): the same quantity in the period compared with
            names = [cmp_base.group(1) + in_sent[-1].base] * k
            bases = [in_sent[-1].base] * k
            compared = "较" + cmp_base.group(1)
        elif not core_nc and in_sent and (chg := subjects.change_phrase(own, rw)):
            # 破获案件21起,同比上升160% -> 破获案件同比上升; 37起、8.3千克、61名,同比分别上升
            # 27.6%、32.6%和26.2%: each the quantity before it, with the change as written
            before = in_sent[-k:] if k > 1 and len(in_sent) >= k else [in_sent[-1]] * k
            bases = [subjects.share_base(m.base) if m.comparison == "share" else m.base for m in before]
            names = [b + _fit_change(chg, b) if chg not in b else b for b in bases]
            if in_sent[-1].compared:
                names = [in_sent[-1].compared + chg] * k  # 较一季度(-10.8%)回升2.1个百分点 -> 较一季度回升
        elif not core_nc and k > 1 and len(in_sent) >= k:
            names = [m.subject for m in in_sent[-k:]]
        elif (
            k == 1
            and comp == "share"
            and core_nc.startswith("占")
            and not any(w in core_nc for w in ("比重", "比例", "占比", "("))
            and (item := next((m for m in reversed(in_sent) if _family(m) not in ("percent", "points", "ratio") and m.base), None))
        ):
            # 仓储场所火灾31起,占火灾总数的6.4%: the share of the item counted before it
            names = [item.base + core_nc]
        elif core_nc:
            names = [core_nc] * k
        elif in_sent and (not core or subjects.is_filler(core)) and (named := _clause_between(s, in_sent[-1], cstart, rw)):
            # 住宅火灾1021起;电气原因引发的火灾占比最高,达到31.7%: the clause in between names it
            names = [named] * k
        elif in_sent:
            inherited = in_sent[-1].subject
            if core and fam not in ("percent", "points", "ratio") and core not in inherited and not subjects.is_filler(core):
                inherited += core  # 总产量为7.8万吨,较去年增加1.4万吨 -> 总产量较去年增加
            names = [inherited] * k
        else:
            # 为67起: the subject is in the clause before (火灾数最多,为67起)
            c2s, raw2 = subjects.clause_before(s, max(floor, cstart - 1), floor)
            prev_clause = _clean(raw2, rw) if cstart - 1 > floor else ""
            if "是" in prev_clause:
                prev_clause = prev_clause.rsplit("是", 1)[1]
            names = [prev_clause or core] * k
        for idx, (m, name) in enumerate(zip(group, names, strict=False)):
            m.base = bases[idx] if bases is not None else name
            m.compared = compared
            if comp == "yoy" and m.period is not None and m.period.kind == "stock_end" and m.carried is not None:
                m.period = m.carried  # 比上年末增加1万人: a change over the year, not a stock
            elif (
                (comp == "yoy" or raw.startswith(("比年初", "较年初")))
                and _is_stock(m.period)
                and m.period is not None
                and m.period.end is not None
                and _YEAR_START_BASE.search(raw)
            ):
                # 截至10月底,在册吸毒人员2315名,较上年末减少186名: the change since the year began
                m.period = Period("span", date(m.period.end.year, 1, 1), m.period.end)
            m.subject = name
            m.raw_clause = raw
            m.comparison = comp
            if m.literal_sign < 0:
                m.sign = 1  # 增长-8.7%: the sign is written
            else:
                m.sign = sign if fam in ("percent", "points", "ratio") or comp is not None or sign < 0 else 1
            in_sent.append(m)
        i += k


# ---------------------------------------------------------------- headings


def _rounded_match(n: Num, nums: list[Num]) -> Num | None:
    """The first body figure of the same unit that a heading's rounded figure
    (18万余元, 约3万人, 近20公斤) stands for: within a tenth of its value, on the side
    its qualifier says."""
    fam = n.unit.family if n.unit else "count"
    v = n.value * (n.unit.factor if n.unit else 1)
    if v <= 0:
        return None
    for m in nums:
        if m.heading or (m.unit.family if m.unit else "count") != fam:
            continue
        w = m.value * (m.unit.factor if m.unit else 1)
        ok = {
            "over": v < w < v * 1.1,
            "under": v * 0.9 < w < v,
            "approx": v * 0.9 < w < v * 1.1 and w != v,
        }.get(n.qualifier, False)
        if ok:
            return m
    return None


def _settle_headings(nums: list[Num]) -> None:
    """A heading's figure without a period of its own takes the period, kind and
    area of the body figure it repeats, else of the first body figure after it."""
    def key(n: Num) -> tuple[str, float]:
        return (n.unit.family if n.unit else "count", round(n.value * (n.unit.factor if n.unit else 1), 9))

    first_body: dict[tuple[str, float], Num] = {}
    for n in nums:
        if not n.heading:
            first_body.setdefault(key(n), n)
    next_body: Num | None = None
    following: list[Num | None] = [None] * len(nums)
    for idx in range(len(nums) - 1, -1, -1):
        following[idx] = next_body
        if not nums[idx].heading:
            next_body = nums[idx]
    for idx, n in enumerate(nums):
        if not n.heading:
            continue
        own = n.period is not None
        match = first_body.get(key(n))
        if match is None and n.qualifier != "exact":
            match = _rounded_match(n, nums)  # 被骗18万余元 heading, 被骗18.6万元 in the body
        if match is None and not own:
            match = following[idx]
        if match is None:
            continue
        if own and n.period is not None and n.period.kind == "vague" and match.period is not None:
            own = False  # 破获一起运输毒品案 缴获冰毒12.6千克: the case's day, told in the body
        if not own:
            n.period = match.period
            n.event = match.event
        if match.place is not None:
            n.place = match.place


# ---------------------------------------------------------------- figures


def _duplicate_headings(doc: Doc) -> set[int]:
    """Heading lines that repeat an earlier heading word for word: page furniture
    (上一篇/下一篇 boxes) repeating the title, not a mention of its own."""
    seen: set[str] = set()
    dup: set[int] = set()
    for i in sorted(doc.headings):
        a, b = doc.paras[i]
        t = doc.s[a:b].strip()
        if t in seen:
            dup.add(i)
        seen.add(t)
    return dup


def _to_figure(doc: Doc, n: Num) -> Figure:
    norm = doc.norm
    a, b = norm.to_original_span(n.start, n.end)
    sa, sb = norm.to_original_span(*n.sentence)
    text = doc.text
    sentence = text[sa:sb]
    if len(sentence) > 400:
        rel_a = a - sa
        sentence = sentence[max(0, rel_a - 200) : rel_a + 200]
    unit = n.unit
    value = n.value
    if n.sign < 0 and value > 0:
        value = -value
    family = unit.family if unit else "count"
    per = n.period
    ps = per.start if per is not None else None
    pe = per.end if per is not None else None
    if per is not None and per.kind in ("vague", "null"):
        ps = pe = None
    if _is_stock(per):
        ps = None
    high = n.high
    if high is not None and n.sign < 0:
        high = -high
    return Figure(
        mention=text[a:b],
        start=a,
        end=b,
        value=value,
        unit=unit.text if unit else "",
        qualifier=n.qualifier,  # type: ignore[arg-type]
        subject=n.subject,
        kind="event" if n.event else "aggregate",
        period_start=ps,
        period_end=pe,
        region=n.place.name if n.place else None,
        sentence=sentence,
        sentence_start=sa,
        sentence_end=sb,
        extractor=NAME,
        extractor_version=VERSION,
        region_code=n.place.code if n.place else None,
        comparison=n.comparison,  # type: ignore[arg-type]
        value_high=high,
        unit_family=family,
        value_normalised=value * unit.factor if unit else value,
        unit_normalised=unit.normalised if unit else None,
    )


def prepare(text: str, published: date | None, region: str | None) -> Doc:
    norm = normalise(text)
    s = norm.text
    if published is None:
        published = infer_published(s)
    doc = Doc(text, norm, s, published, region)
    doc.paras = _paragraphs(s)
    doc.headings = {i for i, (a, b) in enumerate(doc.paras) if _is_heading(s[a:b])}
    doc.sentences = _sentences(s)
    doc.sentence_starts = [a for a, _ in doc.sentences]
    return doc


@register(NAME, VERSION, stage="recognise")
def recognise(text: str, published: date | None = None, region: str | None = None) -> list[Figure]:
    """Every stated figure of ``text``."""
    if not text or not text.strip():
        return []
    doc = prepare(text, published, region)
    nums = read_numbers(doc.s, doc.norm, doc.text)
    if not nums:
        return []
    walk(doc, nums)
    dup = _duplicate_headings(doc)
    if dup:
        nums = [n for n in nums if n.para not in dup]
    _settle_headings(nums)
    return [_to_figure(doc, n) for n in nums]
