"""Quantities in text: every figure-like number with its unit and qualifier.

A number (Arabic or Chinese numerals, 万/亿 multipliers, 百分之二十一, 四成) is read with what the
release writes around it: a qualifier word before or after it (约, 近, 超过, 余, 以上), a unit
(起, 名, 公斤, 元, %), a range's upper end (3至5人). Numbers that are not figures (dates, codes,
ordinals, case names in quotes, counters of page furniture, lists of other articles) are left out.
Offsets are into the normalised text (:mod:`extractors.textnorm`).

:class:`Num` is also the working record the recogniser fills in (subject, period, place, kind).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from extractors.numbers import (
    MAX_NUMERAL_LEN,
    MULTIPLIER_FIRST,
    multiplier_at,
    parse_arabic,
    parse_chinese,
    scale,
)
from extractors.periods import Period
from extractors.places import Place
from extractors.tables import ValueCell
from extractors.textnorm import Normalised
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
    counted_at,
    not_unit_at,
    unit_at,
)

_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
# A number in digits (1,234.5; 14..3, a typing slip) or in Chinese numerals (三千五百): after a digit, more
# digits with their separators, after a numeral more numerals. (Written to open with one class of every
# character a number starts with: a search skips to one at C speed, where two alternatives first would be
# tried at every character.)
NUM_RE = re.compile(rf"[\d{_NUMERALS}](?:(?<=\d)\d*(?:,\d{{3}})*(?:\.{{1,2}}\d+)?|[{_NUMERALS}]*)")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CN_DIGITS = "零一二三四五六七八九〇"
_BARE_MULTIPLIERS = frozenset({"百", "千", "万", "亿", "千万", "百万", "万亿", "亿万"})
# Characters before 过/约/近 that make them part of another word (通过, 签约, 附近): no qualifier there, and
# no word subjects strip before the number either.
WORD_BEFORE_QUALIFIER: dict[str, str] = {
    "过": "通经不度越跳错看去做办走路穿闯渡熬挺见听有说超",
    "约": "预签制节契违履婚公条相邀特大",
    "大约": "扩增加放壮强长",  # 扩大约150万亩: the verb 扩大 (its 约 is the qualifier)
    "近": "附最临接亲靠将走贴",
    "超": "赶高",
}
_AFTER_CHENG_DENY = "为功立员本果都交绩效就长"
_NAME_QUOTE_RE = re.compile(r"“[^“”\n,，。]{0,18}”|\"[^\"\n,，。]{0,18}\"|《[^《》\n]{0,40}》")
_CONNECT = frozenset({"、", "和", "及", "与", "以及"})

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
    # filled by the recogniser
    subject: str = ""
    raw_clause: str = ""
    period: Period | None = None
    event: bool = False
    place: Place | None = None
    heading: bool = False
    para: int = 0
    sign: int = 1
    comparison: str | None = None
    carried: Period | None = None
    sentence: tuple[int, int] = (0, 0)
    np_end: int = 0  # the end of a subject written after the number
    compared: str = ""  # 较一季度 of 较一季度(-10.8%): the figure is of a comparison base
    base: str = ""  # the measured quantity, without a change phrase (发案 of 发案同比下降)
    table: ValueCell | None = None  # a value read from a flattened table: its row label and column
    # provenance: the phrase (start, end, rule) that set the period and the one that set the region
    period_from: tuple[int, int, str] | None = None
    region_from: tuple[int, int, str] | None = None


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_QUALIFIER_LAST: frozenset[str] = frozenset(w[-1] for w, _ in QUALIFIER_PREFIXES)
# The characters the qualifiers after a number open with: the tables are tried only after one of them.
_INNER_FIRST: frozenset[str] = frozenset(w[0] for w, _ in QUALIFIER_INNER)
_SUFFIX_FIRST: frozenset[str] = frozenset(w[0] for w, _ in QUALIFIER_SUFFIXES)
# The characters that open what may be read right after a number: 余/多, a multiplier (万, 亿), 千 of 千公顷.
_AFTER_NUMBER_FIRST: frozenset[str] = _INNER_FIRST | MULTIPLIER_FIRST | {"千"}
_RANGE_JOINER_SET: frozenset[str] = frozenset(RANGE_JOINERS)  # (asked of every number: a set, not a tuple)
# What may follow a Chinese numeral that still makes it a figure without a unit right after it: 余/多, a
# multiplier, 成, a range's joiner (三至五人).
_CN_GOES_ON: frozenset[str] = _AFTER_NUMBER_FIRST | {"成"} | _RANGE_JOINER_SET


def _scaled(core: str, factor: int) -> float:
    """ASCII ``core`` (digits, maybe a decimal part, no comma: 3.2, 14..3) times ``factor`` (万, 亿), exactly
    as :func:`extractors.numbers.scale` reads it, without a Decimal: the digits as one integer, times the
    factor, over the power of ten of the decimals; Python divides two integers to the nearest float, as it
    reads a Decimal's exact value, so the two are the same float."""
    whole, _, frac = core.replace("..", ".").partition(".")
    return int(whole + frac) * factor / 10 ** len(frac) if frac else float(int(whole) * factor)


def _prefix_qualifier(s: str, p: int) -> tuple[str, int] | None:
    """The qualifier word right before offset ``p``: (qualifier, its start)."""
    if s[p - 1 : p] not in _QUALIFIER_LAST:
        return None  # no qualifier word ends with the character there
    for w, q in QUALIFIER_PREFIXES:
        a = p - len(w)
        if a >= 0 and s.startswith(w, a):
            deny = WORD_BEFORE_QUALIFIER.get(w)
            if deny and a > 0 and s[a - 1] in deny:
                if w == "大约":
                    return q, a + 1  # 扩大约150万亩: the verb 扩大, then 约
                continue
            return q, a
    return None


def _core_at(s: str, i: int, j: int, norm: Normalised, text: str) -> tuple[float, int, bool] | None:
    """(value, end, is_chinese) of the numeral run ``s[i:j]``, trimmed where needed."""
    core = s[i:j]
    if core.isascii() and "," not in core:
        # ASCII digits, maybe with a decimal part (nearly every number): no comma to check, and NUM_RE
        # has matched what parse_arabic would check; the same value as the general path below
        return (float(core.replace("..", ".")), j, False) if len(core.partition(".")[0]) <= 15 else None
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
_LINKS_HEAD = re.compile(
    r"^\s*[【\[]?(?:相关新闻|相关阅读|相关链接|相关文章|推荐阅读|延伸阅读|热点推荐|猜你喜欢|往期回顾|更多新闻)[】\]]?\s*[:：]?\s*$"
)
_LINK_LINE = re.compile(
    r"^\s*(?:[·•●▪■◆>・]\s*[^。\n]*|[^。\n]{4,60}?[\s　]*[(（]?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[)）]?\s*)$"
)


# What a text needs for any line to list other articles: a heading's word (which _LINKS_HEAD opens with) or a
# bullet; most texts hold none, and their lines are not read one by one. (Looked for with ``in``: a pattern of
# these alternatives would be tried at every character.)
_LINKS_ANY: tuple[str, ...] = ("相关", "推荐", "延伸阅读", "猜你喜欢", "往期回顾", "更多新闻", "·", "•", "●")  # (热点推荐: 推荐)


def _link_lines(s: str) -> list[tuple[int, int]]:
    """Spans of the lines that list other articles."""
    for w in _LINKS_ANY:
        if w in s:
            break
    else:
        return []  # no heading of links to open a block, no bullet to start a line: no line matches
    out = []
    pos = 0
    in_block = False
    for line in s.split("\n"):
        end = pos + len(line)
        if _LINKS_HEAD.match(line):
            in_block = True
            out.append((pos, end))
        elif (in_block or line.lstrip().startswith(("·", "•", "●"))) and _LINK_LINE.match(line):
            out.append((pos, end))
        elif line.strip():
            in_block = False
        pos = end + 1
    return out


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, in order: a quoted name inside a furniture line (下一篇：……“法律进乡村”
    活动 发放资料5000余份) must not hide the line around it from a search by start."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def read_numbers(s: str, norm: Normalised, text: str, skip: list[tuple[int, int]] | None = None) -> list[Num]:
    """Every figure-like number of ``s`` with its unit and qualifier; none inside the spans of
    ``skip`` (the page furniture the document model found: other articles' titles, counters)."""
    out: list[Num] = []
    names = _union([m.span() for m in _NAME_QUOTE_RE.finditer(s)] + _link_lines(s) + list(skip or []))
    name_starts = [a for a, _ in names]
    consumed = 0
    counters = any(w in s for w in _COUNTER_WORDS)
    shares = "占" in s  # (asked once here: a share's 约 is looked for only before 占)
    for m in NUM_RE.finditer(s):
        i, j = m.span()
        if i < consumed:
            continue
        k = bisect_right(name_starts, i) - 1
        if k >= 0 and names[k][0] < i < names[k][1]:
            continue
        n = _read_one(s, i, j, norm, text, counters, shares)
        if n is None:
            continue
        consumed = n.end
        if not math.isfinite(n.value) or (n.high is not None and not math.isfinite(n.high)):
            continue
        out.append(n)
    return out


# After 座 or 吨: the bound of a class of vehicles (7座及以下小型客车, 10吨以上的货车).
_CLASS_BOUND = re.compile(r"(?:及)?(?:以下|以上)(?:的)?[\u4e00-\u9fff]{0,4}?(?:客车|货车|车辆|汽车|船舶|轿车)")


# Rates per population written after the number: 孕产妇死亡率为7.6/10万.
_PER_POPULATION: tuple[str, ...] = ("/10万", "/万", "/千")


def merge_table_values(nums: list[Num], cells: list[ValueCell]) -> list[Num]:
    """The numbers with the values of flattened tables: a cell read already (162817吨) learns its row
    and column; a bare one (8.5 under 比上年增长(%)) becomes a figure with its column's unit."""
    if not cells:
        return nums
    by_start = {n.num_start: n for n in nums}
    out = list(nums)
    for c in cells:
        n = by_start.get(c.start) or by_start.get(c.start + 1)
        if n is not None:
            n.table = c
            continue
        if c.unit is None:
            continue
        value = c.value * c.multiplier
        if not math.isfinite(value):
            continue
        out.append(Num(c.start, c.end, c.start, value, c.unit, "exact", None, -1 if c.value < 0 else 1, table=c))
    out.sort(key=lambda n: n.start)
    return out


def _unit_follows(s: str, j: int) -> bool:
    """A counting unit right after ``j`` (after 余 or 多): 逾千宗, 近百余名."""
    if s[j : j + 1] in ("余", "多"):
        j += 1
    u = unit_at(s, j)
    return u is not None and u.family in ("count", "mass") and not not_unit_at(s, j)


def _read_one(
    s: str, i: int, j: int, norm: Normalised, text: str, counters: bool = True, shares: bool = True
) -> Num | None:
    """The figure of the numeral run ``s[i:j]``, or ``None`` where it is no figure. ``counters``: whether the
    text holds a page counter's word at all (阅读, 点击: read once by the caller), else none is looked for;
    ``shares``: whether it holds 占 at all (a share written 约占……的), else no 约 before 占 is looked for."""
    prev = s[i - 1] if i > 0 else ""
    core = s[i:j]
    is_cn = not core[0].isdigit()
    # for digits with nothing read after them: whether a non-unit word (年, 月) follows them, where a count of
    # classes (类) must then follow, as the test for a date's number found; None where it was not asked
    unit_tests_at_j: bool | None = None
    if prev.isascii() and prev.isalpha():
        return None  # PM2.5, F15, G20
    if prev in _WORD_BEFORE_LAST:  # (the words below are looked for only after a character one ends with)
        if s.endswith(_PICTURE_BEFORE, 0, i):
            return None  # 文章图片2, 附图1: a picture's number
        if s.endswith(ORDINAL_BEFORE, 0, i):
            return None
    if is_cn:
        percent_words = s.endswith("百分之", 0, i)
        if prev in ("星", "周", "初", "统", "唯", "之", "万", "逐", "同", "单", "不", "专", "划", "进") and not percent_words:
            return None  # but 百分之二十一 is a percentage
        if core in ("零", "〇", "百", "千") and not (
            core in ("百", "千") and _prefix_qualifier(s, i) is not None and _unit_follows(s, j)
        ):
            return None  # 零包, 千家万户: words, not counts (逾千宗, 逾百公斤 are)
        if core in _BARE_MULTIPLIERS or (core[0] in "百千万亿" and core != "十"):
            if not percent_words and _prefix_qualifier(s, i) is None:
                return None
        if not percent_words and s[j : j + 1] not in _CN_GOES_ON and not core.endswith("千") and unit_at(s, j) is None:
            # 一线, 下一步, 前三季度: a Chinese numeral counts only in a unit (or a percentage, 成, a range's
            # unit, after 余/多 or a multiplier): with none of them after it, every step below ends in None, so
            # it is left before its value is read (千 may lend itself to the unit: 两千米)
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
        if s.startswith("-", j) and _DASHED_DATE.match(s, j, j + 6):
            return None  # 2009-6-26
        if s[j : j + 1] not in _AFTER_NUMBER_FIRST and "," not in core:
            # 2023年, 5月, 10日, 3天: the test of the unit below, made before the value is read (about one number in
            # five is a date's). Nothing is read after these digits (no comma, no 余/多 or multiplier), so the
            # unit is read at j below, and these tests stand for that step's own.
            unit_tests_at_j = not_unit_at(s, j)
            if unit_tests_at_j and counted_at(s, j, "." in core) is None:
                return None
    if prev in _RANGE_JOINER_SET and i >= 2 and (s[i - 2].isdigit() or s[i - 2] in _CN_DIGITS):
        up = _range_end(s, i, norm, text)
        if up is not None and s.startswith(_RANGE_DESCRIBES, up[3]):
            return None  # the upper end of a range that describes (核载10-15吨的)
    if core.isascii() and "," not in core:
        # ASCII digits (nearly every number): the first case of _core_at, read in place
        if len(core.partition(".")[0]) > 15:
            return None
        value, k = float(core.replace("..", ".")), j
    else:
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
    for _ in range(2) if s[k : k + 1] in _AFTER_NUMBER_FIRST else ():
        if s[k : k + 1] not in _AFTER_NUMBER_FIRST:
            break  # neither 余/多 nor a multiplier opens there: nothing to read, now or on the next turn
        for w, q in QUALIFIER_INNER if inner_q is None and s[k : k + 1] in _INNER_FIRST else ():
            if s.startswith(w, k):
                # 30多名 yes; 多家 after a number is also 'more than' (10多家)
                inner_q = q
                k += len(w)
                break
        mm = multiplier_at(s, k)
        if mm is None and s.startswith("千公顷", k):
            mm = ("千", 1000)  # 13.3千公顷: thousands of hectares
        if mm is not None and not (is_cn and core.endswith(("万", "亿"))):
            # 亿元 yes, but not 万克 in 查破万克案件 (handled: no digits) nor 亿人民
            mult *= mm[1]
            k += len(mm[0])
    if inner_q is not None and s.startswith(("年", "个月", "天", "岁", "小时", "次产业"), k):
        return None
    if mult != 1:
        if is_cn:
            exact: float | None = value * mult
        elif core_end == j and core.isascii() and "," not in core:
            exact = _scaled(core, mult)  # (the digits read in place above, nearly every such number)
        else:
            exact = scale(s[i:core_end], mult)
        if exact is None:
            return None
        value = exact

    unit: Unit | None = None
    high: float | None = None
    # a word of NOT_UNITS that counts after digits (14类, 5期, 21.36小时): None where there is none
    counted = None if is_cn else counted_at(s, k, mult != 1 or "." in core)
    if unit_tests_at_j is None and counted is None and not_unit_at(s, k):
        return None
    if percent_words:
        unit = UNITS["%"]
    elif counted is not None:
        unit = counted
        k += len(counted.text)
    else:
        unit = unit_at(s, k)
        if (
            unit is None and not is_cn and s[k : k + 1] == " " and s[i - 1 : i] == " " and i >= 2
            and _is_cjk(s[i - 2]) and s[i - 2] != "第"
            and (spaced := unit_at(s, k + 1)) is not None and spaced.text in _SPACED_UNITS
        ):
            unit, k = spaced, k + 1  # 死亡 9 人: a page that sets a number off with spaces
        if unit is not None:
            if is_cn and core == "一" and (unit.text in ONE_ARTICLE_UNITS or prev == "另"):
                return None  # 一起, 另一名: an article or 'another', not a count
            if is_cn and unit.text in ("种", "位") and core != "十":
                return None
            if is_cn and unit.text in ("大类", "城"):
                return None  # 八大类 (the CPI basket), 三城: names, not counts
            if is_cn and unit.text in ("项", "个") and s.startswith(("指数", "指标"), k + len(unit.text)):
                return None  # 四项指数分别下降: the count of the measures a list goes on to give, not a figure
            if unit.text in ("座", "吨") and _CLASS_BOUND.match(s, k + len(unit.text)):
                return None  # 7座及以下小型客车, 10吨以上货车: a class of vehicles, not a figure
            k += len(unit.text)
            if unit.text == "个" and _POINTS_LATER.match(s, k):
                unit = UNITS["个百分点"]  # 分别下降0.2个、0.6个百分点: the points written once, at the end
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
        if s[k : k + 1] in _RANGE_JOINER_SET:
            rng = _range_end(s, k + 1, norm, text)
            if rng is not None and s.startswith(_RANGE_DESCRIBES, rng[3]):
                return None  # 核载10-15吨的中型货车, 以3至5人为一组: a range that describes, not a figure
            if rng is not None:
                v2, m2, u2, k2 = rng
                if mult == 1 and m2 > 1:
                    value *= m2
                high, unit, k = v2, u2, k2
        if unit is None and s[k : k + 1] in _CONNECT and not is_cn:
            # 3.5和1.8个百分点, 1286和1187.9亿元: the unit (and its multiplier) written once after the
            # last number of a list; for counts and money only where the list before it has that unit
            listed, mm2, _ = _list_unit(s, k)
            if listed is not None and listed.family in ("percent", "points", "mass", "other"):
                unit = listed  # 17、25、29微克/立方米: a measure written once, after the list's last number
                if mult == 1 and mm2 is not None and listed.family in ("mass", "other"):
                    value *= mm2[1]
            elif listed is not None and _RESPECTIVELY_BEFORE.search(s[max(0, i - 40) : i]) and (
                mult == 1 or mm2 is not None and mm2[1] == mult
            ):
                # 三县分别破获12、9和7起: each item of a 分别 list, counted in the unit after the last; so too
                # where each item writes its own 万 (分别为218万、165万和142万人次)
                unit = listed
                if mm2 is not None and mult == 1:
                    value *= mm2[1]
            elif listed is not None and mult == 1 and s[max(0, i - 1) : i] in ("、", "，", ","):
                before = s[max(0, i - 12) : i - 1]
                if before.endswith((mm2[0] if mm2 else "") + listed.text):
                    unit = listed
                    if mm2 is not None:
                        value *= mm2[1]
        if unit is None and mult > 1 and not is_cn and _POPULATION_AFTER.match(s, k):
            unit = UNITS["人"]  # 7.76万贫困人口, 16.8万农村人口: people counted by the noun, no counting word
        if unit is None:
            if is_cn:
                return None
            if inner_q is not None and k < len(s) and _is_cjk(s[k]) and s[i - 1 : i] != "第":
                pass  # 280余运毒嫌疑人: a count with its noun, no counting word
            elif not _bare_ok(s, start, k, value, core):
                return None

    suffix_q: str | None = None
    for w, q in QUALIFIER_SUFFIXES if s[k : k + 1] in _SUFFIX_FIRST else ():
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

    pq = _prefix_qualifier(s, start) if s[start - 1 : start] in _QUALIFIER_LAST else None  # (its quick test, in place)
    if pq is not None:
        start = pq[1]
    if is_cn and (core in _BARE_MULTIPLIERS) and pq is None and not percent_words:
        return None
    qualifier = suffix_q or inner_q or (pq[0] if pq else "exact")
    if qualifier == "exact" and shares and s.find("占", max(0, start - 24), start) >= 0 and _APPROX_SHARE.search(s, max(0, start - 24), start):
        qualifier = "approx"  # 约占火灾总数的65%: the 约 is written before 占 (looked for only where 占 is)
    if s[start - 1 : start] in _THRESHOLD_SIGNS:
        return None  # 日最高气温≥35℃: a threshold that defines what is counted, not a figure
    if s[start - 1 : start] in _FURNITURE_LAST and s.endswith(FURNITURE_BEFORE, 0, start) or (
        counters and _COUNTER_BEFORE.search(s[max(0, start - 8) : start])
    ):
        return None
    return Num(start, k, i, value * literal_sign, unit, qualifier, high, literal_sign)


# A noun of people after a number with 万 or 亿 and no counting word: 7.76万贫困人口, 16.8万农村人口.
_POPULATION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?人口")
# A date written with dashes after a number: 2009-6-26.
_DASHED_DATE = re.compile(r"-\d{1,2}-\d")
# A page's counter before a number: 阅读量：, 点击数 .
_COUNTER_WORDS: tuple[str, ...] = ("阅读", "浏览", "点击", "访问")
_COUNTER_BEFORE = re.compile(r"(?:" + "|".join(_COUNTER_WORDS) + r")(?:量|数)?[:：\s]*$")
# After 个, the rest of a list whose last item is in percentage points: 、下降0.6个、提高0.8个百分点.
_POINTS_LATER = re.compile(
    r"(?:[、和及与,，][^\d、和及与,，。;；\n]{0,4}\d+(?:\.\d+)?个)*[、和及与,，][^\d、和及与,，。;；\n]{0,4}\d+(?:\.\d+)?个?百分点"
)
# Before the number of a picture or a chart on the page.
_PICTURE_BEFORE: tuple[str, ...] = ("图片", "附图", "图表", "组图")
# The last characters of the words before a number that make it no figure (a picture's number, an ordinal,
# page furniture): the words are looked for only after one of them.
_WORD_BEFORE_LAST: frozenset[str] = frozenset(w[-1] for w in _PICTURE_BEFORE + ORDINAL_BEFORE)
_THRESHOLD_SIGNS: frozenset[str] = frozenset("≥≤>＞<＜⩾⩽")
_FURNITURE_LAST: frozenset[str] = frozenset(w[-1] for w in FURNITURE_BEFORE)
# 分别 and what is done (为, 破获毒品案件) before the first number of a list, and the list's numbers so far.
_RESPECTIVELY_BEFORE = re.compile(r"分别[\u4e00-\u9fff]{0,10}?(?:\d+(?:\.\d+)?[万亿]?(?:、|和|及|与))*$")


def _list_unit(s: str, k: int) -> tuple[Unit | None, tuple[str, int] | None, int]:
    """The unit (and multiplier) written after the last number of the list that goes on at ``k``
    (、25、29微克/立方米; 和1187.9亿元), with where the list ends; no unit if none is written."""
    kk = k
    for _ in range(12):
        if s[kk : kk + 1] not in _CONNECT:
            break
        nb = NUM_RE.match(s, kk + 1)
        if nb is None or not nb.group(0)[0].isdigit():
            break
        kk = nb.end()
        mm2 = multiplier_at(s, kk)
        if mm2 is not None:
            kk += len(mm2[0])
        listed = unit_at(s, kk)
        if listed is not None:
            return listed, mm2, kk
    return None, None, kk


# Counting words a page may set off from their number with a space (死亡 9 人).
_SPACED_UNITS: frozenset[str] = frozenset({"人", "名", "起", "宗", "件", "辆", "公斤", "千克", "克", "吨", "元", "%", "人次", "户"})
# 约占……的 right before a share: the share is approximate.
_APPROX_SHARE = re.compile(r"(?:约|大约|大致)占[^,，。;；]{0,20}?的?$")
# After a range: it describes something (a class of vehicle, the size of groups), it counts nothing.
_RANGE_DESCRIBES: tuple[str, ...] = ("的", "为一组", "一组", "为一伙", "一伙", "不等")


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


_RATIO_BEFORE = re.compile(r"比值|收入比|倍差|系数|指数|比率")
# Before a number: the item before it in a list, a bare value with decimals (3.71、).
_BARE_ITEM_BEFORE = re.compile(r"(?<![\d.])\d{1,3}\.\d{1,3}[、和]$")


def _bare_ok(s: str, start: int, k: int, value: float, core: str) -> bool:
    """A number without a unit counts only in a clause of its own, right after
    the words naming it (刑拘电诈犯罪嫌疑人1088, 城乡居民收入倍差1.65)."""
    prev = s[start - 1] if start > 0 else ""
    nxt = s[k : k + 1]
    if prev in "、和" and "." in core and _BARE_ITEM_BEFORE.search(s, max(0, start - 10), start) and (
        _RATIO_BEFORE.search(s, max(0, start - 40), start)
    ):
        prev = "值"  # 综合指数分别为3.71、4.02、4.15: the list of a ratio's values goes on
    if not _is_cjk(prev) or prev in "第号年月日期版至到":
        return False
    if nxt not in ("", ",", ";", "。", "、", ")", "\n", "；") and not (
        "." in core and _RATIO_BEFORE.search(s, max(0, start - 16), start) and (not nxt or _is_cjk(nxt))
    ):
        return False  # but 收入比由上年同期的1.59缩小为1.57: a ratio, named before it
    return not ("." not in core and len(core) == 4 and 1900 <= value <= 2100)
