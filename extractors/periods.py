"""Period expressions: what span of time a figure covers.

``find_marks(text)`` finds every period expression (a *mark*) in normalised
text with one regex built from the table ``PATTERNS``; ``resolve(mark, ...)``
turns a mark into dates against the publication date and the period already
in force. How marks are carried across a sentence, a paragraph and from a
heading is the recogniser's business (:mod:`extractors.recognise`).

Mark kinds (``Period.kind``):

* ``span``   an explicit span (2021年, 今年1至5月, 上半年, 2016年以来): carried on
* ``day``    one day (8月28日, 当日): carried on; a figure under it is an event
* ``vague``  a recent, undated incident (近日, 日前): an event with no dates
* ``stock``  a stock as of a date (目前, 现有, 截至目前): start null, this sentence only
* ``null``   a rate or bare duration (年均, 一个月): no dates, this sentence only
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from extractors.numbers import parse_chinese

_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_Y = r"(?P<y>(?:19|20)\d{2}年|今年|去年|前年|上年|本年|当年|同年)"
_Y2 = _Y.replace("?P<y>", "?:")

# (name, pattern): the first that matches at a position wins, so the specific
# come before the general. Named groups: y year, m/m2 month, d/d2 day, q quarter,
# n a count, h half, part 上旬/中旬/下旬/底/末, hol a holiday.
_JOIN = r"(?:至|到|-|—|–|~|～)"

PATTERNS: tuple[tuple[str, str], ...] = (
    ("ym_range", rf"(?P<y>(?:19|20)\d{{2}})年(?P<m>{_N})月份?{_JOIN}(?P<y2>(?:19|20)\d{{2}})年(?P<m2>{_N})月份?(?:间|期间)?"),
    ("year_range", rf"(?P<y>(?:19|20)\d{{2}})年?{_JOIN}(?P<y2>(?:19|20)\d{{2}})年(?:间|期间)?"),
    ("since_day_from", rf"(?:自|从){_Y}?(?P<m>{_N})月(?P<d>{_N})日[^,。;!?\n]{{0,24}}?(?:以来|至今)"),
    ("day_range", rf"{_Y}?(?P<m>{_N})月(?P<d>{_N})日(?:至|到|-|—|–|~)(?:(?P<m2>{_N})月)?(?P<d2>{_N})日"),
    ("day_list", rf"{_Y}?(?P<m>{_N})月(?P<d>{_N})日(?:、|和|及)(?:(?P<m2>{_N})月)?(?P<d2>{_N})日"),
    ("since_day", rf"(?:自|从)?{_Y}?(?P<m>{_N})月(?P<d>{_N})日(?:起|以来|至今)"),
    ("since_month", rf"(?:自|从)?{_Y}?(?P<m>{_N})月份?(?:起|以来|至今)"),
    ("since_month_from", rf"(?:自|从){_Y}?(?P<m>{_N})月份?(?![\d日])[^,。;!?\n]{{0,16}}?(?:以来|至今)"),
    # 今年9月秋季开学以来: a month with its year and a few words before 以来, without 自
    ("since_month_open", rf"{_Y}(?P<m>{_N})月份?(?![\d日])[\u4e00-\u9fff]{{1,8}}?以来"),
    ("until", rf"(?:截至|截止到|截止|到)(?:{_Y}?(?P<m>{_N})月(?:(?P<d>{_N})日|(?P<part>底|末|上旬|中旬|下旬)|份)?)"),
    ("until_zhi", rf"至{_Y}?(?P<m>{_N})月份?(?:底|末)?止"),
    ("month_range", rf"{_Y}?(?P<m>{_N})月?(?:至|到|-|—|–|~|～)(?P<m2>{_N})月份?"),
    ("first_n", rf"{_Y}?前(?P<n>{_N})个?月"),
    ("first_q", rf"{_Y}?前(?P<q>[一二三123])个?季度"),
    ("quarter", rf"{_Y}?(?:第)?(?P<q>[一二三四1-4])季度"),
    ("half", rf"{_Y}?(?P<h>上半年|下半年)"),
    ("month_part", rf"{_Y}?(?P<m>{_N})月(?P<part>上旬|中旬|下旬|初|底|末)"),
    ("day", rf"{_Y}?(?P<m>{_N})月(?P<d>{_N})日"),
    # 2023.5.12凌晨, 5.14当天: a date written with dots, known by the time of day after it
    ("day_dot", r"(?<![\d.])(?:(?P<y>(?:19|20)\d{2})\.)?(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?=当天|当日|凌晨|上午|中午|下午|晚上|晚间|早上|傍晚|夜间)"),
    ("month", rf"{_Y}?(?P<m>{_N})月份?(?![\d日])"),
    ("since_year", rf"(?:自|从)?{_Y}(?:以来|来|至今|起)"),
    ("same_period_last_year", r"(?:上年|去年)同期"),
    ("year_end", rf"(?:{_Y}(?:末|底))|年(?:末|底)"),
    ("year", rf"(?:{_Y}(?:度)?(?:全年|一年)?)|全年"),
    ("years_since", rf"(?:近|这|最近)?(?P<n>{_N}|几|多)年(?:来|间|以来)"),
    ("recent_years", r"近(?:年来|几年来|些年来|年)|多年来"),
    ("holiday", r"(?P<hol>[“\"]?(?:五一|国庆|十一)[”\"]?(?:中秋)?(?:黄金周|长假|小长假|假期|期间)|黄金周|国庆|五一)"),
    # Holidays whose dates vary (春节) and bare holiday words (假期, 节日期间): dated
    # only where the release states the holiday's dates (see ``holiday_family``).
    ("holiday_other", r"(?P<hol>[“\"]?(?:春节|元旦|清明|端午|中秋)[”\"]?(?:黄金周|长假|小长假|假期|期间)|"
     r"(?:假期|节日|节假日|长假|双节|节)期间|假期(?!间))"),
    ("today", r"(?P<rel>今日|今天|今早|今晨|昨日|昨天|昨晚|当日|当天|当晚|当夜|次日|当场)"),
    ("vague", r"近日|日前|近期|不久前|前不久|前段时间|前些天|近来"),
    ("stock", r"截至目前|截止目前|截至今日|目前|现已|现有|当前|至今|现登记"),
    ("stock_implicit", r"在册|保有量|余额"),
    ("weak_stock", r"(?<!早)(?:已经|已)"),
    ("rate", r"(?<![\d一二三四五六七八九十])年均|每年|日增量|月均|每月|每天|平均每天|每周"),
    ("duration", rf"(?:为期)?(?:{_N}|半)个多?月|连续(?:{_N}|两|\d+)年|(?:{_N})(?:周|个星期)"),
)


def _plain(p: str) -> str:
    return re.sub(r"\?P<\w+>", "?:", p)


_COMBINED = re.compile("|".join(f"(?P<{name}>{_plain(p)})" for name, p in PATTERNS))
# Resolving reads the mark's own text, without what a pattern looks ahead at.
_SINGLE = {name: re.compile(p.split("(?=当天")[0]) for name, p in PATTERNS}
_Y_ONLY = re.compile(_Y2)

# Text right before a mark that makes it a comparison base, not a period:
# 比上年, 较去年, 与2007年相比, 同比2010年.
COMPARE_BEFORE: tuple[str, ...] = ("同比", "环比", "比", "较", "与", "对比", "相比", "相较")
# Text right before a date that makes it a report date, not the date of what is reported.
REPORT_AFTER: tuple[str, ...] = ("电", "讯", "消息", "通报", "获悉", "透露", "披露", "发布消息", "报道", "从")


@dataclass(frozen=True, slots=True)
class Mark:
    """A period expression found in text (offsets into that text)."""

    start: int
    end: int
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Period:
    kind: str  # span | day | vague | stock | null | weak
    start: date | None
    end: date | None
    year_known: bool = True  # False when a relative year could not be resolved


def find_marks(text: str) -> list[Mark]:
    """Every period expression in ``text``, in order, non-overlapping."""
    out: list[Mark] = []
    for m in _COMBINED.finditer(text):
        name = m.lastgroup
        if name is None:
            continue
        out.append(Mark(m.start(), m.end(), name, m.group(0)))
    return out


def _num(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    return parse_chinese(s)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Context:
    """What a mark is resolved against."""

    published: date | None
    state: Period | None  # the period in force before the mark


def _year_of(ytext: str | None, ctx: Context, month: int | None = None) -> int | None:
    """The calendar year a mark names, or the year it is in when it names none."""
    pub = ctx.published
    if ytext:
        if ytext[:4].isdigit():
            return int(ytext[:4])
        if ytext in ("当年", "同年"):
            st = ctx.state
            if st is not None and st.start is not None and st.end is not None and st.start.year == st.end.year:
                return st.start.year
            return pub.year if pub else None
        if pub is None:
            return None
        return pub.year + {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}[ytext]
    st = ctx.state
    if st is not None and st.end is not None and st.start is not None and st.start.year == st.end.year:
        if (
            month is not None
            and pub is not None
            and st.start.year < pub.year
            and (st.end - st.start).days < 31
            and month < st.start.month
            and (st.start.year + 1, month) <= (pub.year, pub.month)
        ):
            # 2023年10月，……报警。……3月26日凌晨收网 (published 2024): the story has moved on a year
            return st.start.year + 1
        return st.start.year
    if st is not None and st.kind == "day" and st.end is not None:
        return st.end.year
    if pub is None:
        return None
    if month is not None and month > pub.month:
        return pub.year - 1  # 12月15日 read in January is last December
    return pub.year


def resolve(mark: Mark, ctx: Context) -> Period | None:
    """Dates of ``mark``; ``None`` when it carries no period (or cannot be read)."""
    name = mark.name
    pat = _SINGLE[name]
    m = pat.fullmatch(mark.text) or pat.match(mark.text)
    if m is None:
        return None
    g = m.groupdict()
    pub = ctx.published
    ytext = g.get("y")
    unresolved = Period("span", None, None, year_known=False)

    if name in ("since_day_from", "since_day", "day", "day_range", "day_list", "day_dot"):
        mo, d = _num(g.get("m")), _num(g.get("d"))
        if mo is None or d is None or not 1 <= mo <= 12:
            return None
        y = _year_of(ytext, ctx, mo)
        if y is None:
            return unresolved
        day = _safe_date(y, mo, d)
        if day is None:
            return None
        if name in ("day", "day_dot"):
            return Period("day", day, day)
        if name in ("day_range", "day_list"):
            mo2 = _num(g.get("m2")) or mo
            d2 = _num(g.get("d2"))
            end = _safe_date(y, mo2, d2) if d2 else None
            return Period("span", day, end) if end else None
        return Period("span", day, pub)
    if name in ("since_month", "since_month_from", "since_month_open"):
        mo = _num(g.get("m"))
        if mo is None or not 1 <= mo <= 12:
            return None
        y = _year_of(ytext, ctx, mo)
        return Period("span", date(y, mo, 1), pub) if y else unresolved
    if name in ("until", "until_zhi"):
        mo = _num(g.get("m"))
        if mo is None or not 1 <= mo <= 12:
            return None
        y = _year_of(ytext, ctx, mo)
        if y is None:
            return Period("until", None, None, year_known=False)
        d = _num(g.get("d"))
        part = g.get("part")
        if d:
            end = _safe_date(y, mo, d)
        elif part == "上旬":
            end = date(y, mo, 10)
        elif part == "中旬":
            end = date(y, mo, 20)
        else:
            end = _month_end(y, mo)
        return Period("until", None, end)
    if name == "month_range":
        m1, m2 = _num(g.get("m")), _num(g.get("m2"))
        if m1 is None or m2 is None or not 1 <= m1 <= m2 <= 12:
            return None
        y = _year_of(ytext, ctx, m2)
        return Period("span", date(y, m1, 1), _month_end(y, m2)) if y else unresolved
    if name == "first_n":
        n = _num(g.get("n"))
        if n is None or not 1 <= n <= 12:
            return None
        y = _year_of(ytext, ctx, n)
        return Period("span", date(y, 1, 1), _month_end(y, n)) if y else unresolved
    if name in ("first_q", "quarter"):
        q = _num(g.get("q")) if not (g.get("q") or "").isdigit() else int(g["q"])
        if q is None or not 1 <= q <= 4:
            return None
        y = _year_of(ytext, ctx, 3 * q)
        # Statistics bureaus report quarters cumulatively: 三季度 is January to September.
        return Period("span", date(y, 1, 1), _month_end(y, 3 * q)) if y else unresolved
    if name == "half":
        y = _year_of(ytext, ctx, 6 if g.get("h") == "上半年" else 12)
        if y is None:
            return unresolved
        if g.get("h") == "上半年":
            return Period("span", date(y, 1, 1), date(y, 6, 30))
        return Period("span", date(y, 7, 1), date(y, 12, 31))
    if name == "month_part":
        mo = _num(g.get("m"))
        if mo is None or not 1 <= mo <= 12:
            return None
        y = _year_of(ytext, ctx, mo)
        if y is None:
            return unresolved
        part = g.get("part")
        if part in ("底", "末"):
            return Period("stock", None, _month_end(y, mo))
        lo, hi = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20)}.get(part or "", (21, 0))
        end = _month_end(y, mo) if hi == 0 else date(y, mo, hi)
        return Period("span", date(y, mo, lo), end)
    if name == "month":
        mo = _num(g.get("m"))
        if mo is None or not 1 <= mo <= 12:
            return None
        y = _year_of(ytext, ctx, mo)
        return Period("span", date(y, mo, 1), _month_end(y, mo)) if y else unresolved
    if name == "since_year":
        y = _year_of(ytext, ctx)
        return Period("span", date(y, 1, 1), pub) if y else unresolved
    if name == "same_period_last_year":
        st = ctx.state
        if st is None or st.start is None or st.end is None:
            return None
        try:
            return Period("span", st.start.replace(year=st.start.year - 1), st.end.replace(year=st.end.year - 1))
        except ValueError:
            return None
    if name == "year_end":
        y = _year_of(ytext, ctx, 12) if ytext else _year_of(None, ctx, 12)
        return Period("stock_end", None, date(y, 12, 31)) if y else unresolved
    if name == "year":
        if mark.text == "全年":
            y = _year_of(None, ctx)
            if ctx.state is None and pub is not None and pub.month <= 4:
                y = pub.year - 1  # an annual bulletin is published early the next year
        else:
            y = _year_of(ytext, ctx)
        if y is None:
            return unresolved
        if ytext in ("今年", "本年") and pub is not None and "全年" not in mark.text:
            return Period("span", date(y, 1, 1), pub)
        return Period("span", date(y, 1, 1), date(y, 12, 31))
    if name == "years_since":
        # 近五年来: the last N whole years (a white paper's 2019—2023), or the
        # span in force when it is N years long
        n = _num(g.get("n"))
        st = ctx.state
        if n and st is not None and st.kind == "span" and st.start is not None and st.end is not None:
            if st.end.year - st.start.year + 1 == n and (st.start.month, st.start.day) == (1, 1):
                return Period("span", st.start, st.end)
        if n and pub is not None and mark.text.startswith(("近", "最近")):
            return Period("span", date(pub.year - n, 1, 1), date(pub.year - 1, 12, 31))
        return Period("span", None, pub)
    if name == "recent_years":
        return Period("recent", None, pub)
    if name in ("ym_range", "year_range"):
        y, y2 = int(g["y"][:4]), int(g["y2"][:4])
        if not y < y2 <= y + 30:
            return None
        if name == "year_range":
            return Period("span", date(y, 1, 1), date(y2, 12, 31))
        m1, m2 = _num(g.get("m")), _num(g.get("m2"))
        if m1 is None or m2 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return None
        return Period("span", date(y, m1, 1), _month_end(y2, m2))
    if name == "holiday_other":
        return None
    if name == "holiday":
        hol = g.get("hol") or ""
        y = _year_of(None, ctx) if pub is None else pub.year
        if y is None:
            return unresolved
        if "五一" in hol or (hol == "黄金周" and pub is not None and pub.month in (4, 5, 6)):
            return Period("span", date(y, 5, 1), date(y, 5, 7))
        if "国庆" in hol or "十一" in hol or (hol == "黄金周" and pub is not None and pub.month in (9, 10, 11)):
            return Period("span", date(y, 10, 1), date(y, 10, 8 if "中秋" in hol else 7))
        return None
    if name == "today":
        rel = g.get("rel") or ""
        st = ctx.state
        if rel in ("当日", "当天", "当晚", "当夜", "次日", "当场"):
            if st is not None and st.kind == "day" and st.end is not None:
                d0 = st.end + timedelta(days=1 if rel == "次日" else 0)
                return Period("day", d0, d0)
            return Period("vague", None, None)
        if pub is None:
            return Period("vague", None, None)
        d0 = pub - timedelta(days=1) if rel.startswith("昨") else pub
        return Period("day", d0, d0)
    if name == "vague":
        return Period("vague", None, None)
    if name == "stock":
        return Period("stock", None, pub)
    if name == "stock_implicit":
        st = ctx.state
        if st is not None and st.kind == "span" and st.end is not None and (pub is None or st.end < pub):
            return Period("stock_end", None, st.end)
        return Period("stock_end", None, pub)
    if name == "weak_stock":
        return Period("weak", None, pub)
    if name in ("rate", "duration"):
        return Period("null", None, None)
    return None


HOLIDAY_NAMES: tuple[str, ...] = ("五一", "国庆", "十一", "春节", "元旦", "清明", "端午", "中秋")


def holiday_family(mark_text: str) -> str:
    """The holiday a holiday mark names (中秋国庆 -> 国庆), "" for a bare 假期."""
    for h in HOLIDAY_NAMES:
        if h in mark_text:
            return "国庆" if h in ("十一", "中秋") and "国庆" in mark_text else h
    return ""


def day_of_month(day_text: str, ctx: Context) -> Period | None:
    """A day written without its month (24日): in the month of the period in
    force or of the publication date."""
    d = _num(day_text)
    st, pub = ctx.state, ctx.published
    base = st.end if st is not None and st.kind == "day" and st.end is not None else pub
    if d is None or base is None:
        return None
    y, mo = base.year, base.month
    if d > base.day and base is pub:
        mo -= 1
        if mo == 0:
            y, mo = y - 1, 12
    day = _safe_date(y, mo, d)
    return Period("day", day, day) if day else None


_DAY_ONLY = re.compile(r"(?<![\d月号])(\d{1,2})日")


def find_day_only(text: str) -> list[tuple[int, int, str]]:
    """Days written without a month (24日,), as (start, end, digits)."""
    return [(m.start(), m.end(), m.group(1)) for m in _DAY_ONLY.finditer(text)]


_DATELINE = re.compile(
    r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?"
)


def infer_published(text: str) -> date | None:
    """A publication date from a dateline or page furniture (a short line that
    holds a full date), else ``None``. Only the first and last lines are read."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in lines[:6] + lines[-3:]:
        if len(ln) > 60 or "。" in ln:
            continue
        m = _DATELINE.search(ln)
        if m is None:
            continue
        y, mo, d = (int(x) for x in m.groups())
        day = _safe_date(y, mo, d)
        if day is not None:
            return day
    return None
