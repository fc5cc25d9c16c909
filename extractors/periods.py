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

from extractors.model import stored_by_slot
from extractors.numbers import parse_chinese
from extractors.scan import Alternation

_N = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_CN_YEAR = r"[一二][〇零0○九][〇零0○一二三四五六七八九]{2}年"  # 二〇一九年, 二0一九年
_Y = rf"(?P<y>(?:19|20)\d{{2}}年|{_CN_YEAR}|今年|去年|前年|上年|本年|当年|同年)"
_Y2 = _Y.replace("?P<y>", "?:")

# (name, pattern): the first that matches at a position wins, so the specific
# come before the general. Named groups: y year, m/m2 month, d/d2 day, q quarter,
# n a count, h half, part 上旬/中旬/下旬/底/末, hol a holiday.
_JOIN = r"(?:至|到|-|—|–|~|～)"
# 起 that opens a span (5月1日起), not the 起 of 起诉, 起草, 起火 (2023年起诉毒品犯罪3176人)
_QI = r"起(?![诉草火步点飞义获])"
# The part of a month a start names (上旬, 中旬, 下旬, 初): the day it begins is read by resolve.
_MONTH_PART = r"(?P<since_part>上旬|中旬|下旬|初)"
_PART_FIRST_DAY: dict[str, int] = {"上旬": 1, "初": 1, "中旬": 11, "下旬": 21}
# What names a campaign (专项行动, 集中整治, 攻坚战): read by the since phrases of a launch, here and in recognise.
CAMPAIGN_NOUNS = r"(?:行动|活动|斗争|整治|战役|会战|攻坚战)"
# A five-year plan by its number, quoted or not: 十一五 (2006-2010) .. 十五五 (2026-2030).
_PLAN = r"[“\"「]?十(?P<plan>[一二三四五])五[”\"」]?"
_PLAN_FIRST_YEAR: dict[str, int] = {c: 2006 + 5 * i for i, c in enumerate("一二三四五")}
# 至今 that means up to now, not the 至 of a range whose other end is this year (自去年10月至今年8月)
_ZHIJIN = r"至今(?!年)"

PATTERNS: tuple[tuple[str, str], ...] = (
    # 2022年11月1日至2023年4月9日: a range of days across years, each end with its year
    ("ymd_range", rf"(?P<y>(?:19|20)\d{{2}})年(?P<m>{_N})月(?P<d>{_N})日{_JOIN}(?P<y2>(?:19|20)\d{{2}})年(?P<m2>{_N})月(?P<d2>{_N})日"),
    ("ym_range", rf"(?P<y>(?:19|20)\d{{2}})年(?P<m>{_N})月份?{_JOIN}(?P<y2>(?:19|20)\d{{2}})年(?P<m2>{_N})月份?(?:间|期间)?"),
    # 去年12月至今年4月, 2022年10月至今年3月: a range of months across years named each
    ("ym_range_rel", rf"{_Y}(?P<m>{_N})月份?{_JOIN}(?P<y2>今年|本年|去年|上年|(?:19|20)\d{{2}}年)(?P<m2>{_N})月(?:份|底|末)?"),
    ("year_range", rf"(?P<y>(?:19|20)\d{{2}})年?{_JOIN}(?P<y2>(?:19|20)\d{{2}})年(?:间|期间)?"),
    # 二〇〇八年至二〇一二年: the same, the years in Chinese numerals
    ("year_range_cn", rf"(?P<y>{_CN_YEAR}){_JOIN}(?P<y2>{_CN_YEAR})(?:间|期间)?"),
    # 自前年年底至今年8月: from the last month of a year to a month named after it
    ("yearend_range", rf"(?:自|从){_Y}(?:年底|年末|底|末){_JOIN}(?P<y2>今年|本年|去年|上年|(?:19|20)\d{{2}}年)?(?P<m2>{_N})月(?:份|底|末)?"),
    # 自2023年10月县域医共体建设启动至今年5月底: a month, what began then, and the month it runs to
    ("month_words_range", rf"(?:自|从){_Y}?(?P<m>{_N})月份?(?![\d日])[^,，。;；!?\n\d]{{2,16}}?(?:至|到)(?P<y2>今年|本年|去年|上年|(?:19|20)\d{{2}}年)?(?P<m2>{_N})月(?:份|底|末)?"),
    # 自3月10日全省春季造林全面启动至4月底: a day, what began then, and the day or month it runs to
    ("day_words_range", rf"(?:自|从){_Y}?(?P<m>{_N})月(?P<d>{_N})日[^,，。;；!?\n\d]{{2,16}}?[,，]?(?:至|到)(?P<y2>今年|本年|去年|上年|(?:19|20)\d{{2}}年)?(?P<m2>{_N})月(?:(?P<d2>{_N})日|份|底|末)?"),
    ("since_day_from", rf"(?:自|从){_Y}?(?P<m>{_N})月(?P<d>{_N})日[^,。;!?\n]{{0,24}}?(?:以来|{_ZHIJIN})"),
    ("day_range", rf"{_Y}?(?P<m>{_N})月(?P<d>{_N})日(?:至|到|-|—|–|~)(?:(?P<m2>{_N})月)?(?P<d2>{_N})日"),
    ("day_list", rf"{_Y}?(?P<m>{_N})月(?P<d>{_N})日(?:、|和|及)(?:(?P<m2>{_N})月)?(?P<d2>{_N})日"),
    # 4月15日全区……专项治理启动以来: a day, what was launched on it and 以来, without 自
    ("since_day_open", rf"{_Y}?(?P<m>{_N})月(?P<d>{_N})日(?![起以至])[\u4e00-\u9fff“”、]{{2,24}}?"
                       r"(?:开展|启动|部署|实施|发起|打响|开始|开学|成立|施行|实行|开通|上线)以来"),
    ("since_day", rf"(?:自|从)?{_Y}?(?P<m>{_N})月(?P<d>{_N})日(?:{_QI}|以来|{_ZHIJIN})"),
    # (6月下旬以来, 自3月下旬……开展以来: from the part of the month named, its 21st)
    ("since_month", rf"(?:自|从)?{_Y}?(?P<m>{_N})月(?:份|{_MONTH_PART})?(?:{_QI}|以来|{_ZHIJIN})"),
    # 5月入汛以来: the month a season began, and since then
    ("since_month_season", rf"{_Y}?(?P<m>{_N})月份?(?:{_MONTH_PART})?(?:入汛|进入汛期|汛期|主汛期|入冬|入夏|开学|雨季|防汛期)以来"),
    ("since_month_from", rf"(?:自|从){_Y}?(?P<m>{_N})月(?:份|{_MONTH_PART})?(?![\d日])[^,。;!?\n]{{0,16}}?(?:以来|{_ZHIJIN})"),
    # 今年9月秋季开学以来: a month with its year and a few words before 以来, without 自; or the campaign launched
    # then (去年11月开展“冬季攻势”集中执行行动以来, 今年5月农村低保专项治理开展以来)
    ("since_month_open", rf"{_Y}(?P<m>{_N})月(?:份|{_MONTH_PART})?(?![\d日])(?:[\u4e00-\u9fff]{{1,8}}?|(?:启动|开展|部署|实施|发起|打响)"
                         rf"[\u4e00-\u9fff“”、]{{2,20}}?{CAMPAIGN_NOUNS}[”\"]?"
                         rf"|[\u4e00-\u9fff“”、]{{2,16}}?(?:{CAMPAIGN_NOUNS}|治理)(?:开展|启动|部署|实施))以来"),
    ("until", rf"(?:截至|截止到|截止|到)(?:{_Y}?(?P<m>{_N})月(?:(?P<d>{_N})日|(?P<part>底|末|上旬|中旬|下旬)|份)?)"),
    ("until_zhi", rf"至{_Y}?(?P<m>{_N})月(?:(?P<d>{_N})日|份)?(?:底|末)?(?:止|结束|截止)"),
    # 至10月底 right after a since phrase, without 止 (专项斗争开展以来至10月底): the cut-off of that span
    ("until_zhi_after", rf"(?<![^来])至{_Y}?(?P<m>{_N})月(?:(?P<d>{_N})日|份)?(?:底|末)?"),
    # 1-本月累计, 1至本月: from January to the month the release reports on (a monthly table's header)
    ("to_this_month", r"1\s*(?:至|到|-|—|–|~|～)\s*本月(?:止)?"),
    ("month_range", rf"{_Y}?(?P<m>{_N})月?(?:至|到|-|—|–|~|～)(?P<m2>{_N})月份?(?:期间|间)?"),
    ("first_n", rf"{_Y}?前(?P<n>{_N})个?月"),
    # 二季度末, 前三季度末, 上半年末: a stock at the quarter's (or the half's) end (before
    # the spans they open with)
    ("quarter_end", rf"{_Y}?(?:(?:第|前)?(?P<q>[一二三四1-4])个?季度|(?P<half>上半年))(?:末|底)"),
    ("first_q", rf"{_Y}?前(?P<q>[一二三123])个?季度"),
    ("quarter", rf"{_Y}?(?:第)?(?P<q>[一二三四1-4])季度"),
    ("half", rf"{_Y}?(?P<h>上半年|下半年)"),
    # 6月中下旬: two parts of a month together, from the first's first day to the second's last
    ("month_part", rf"{_Y}?(?P<m>{_N})月(?P<part>上中旬|中下旬|上旬|中旬|下旬|初|底|末)"),
    ("day", rf"{_Y}?(?P<m>{_N})月(?P<d>{_N})日"),
    # 2023.5.12凌晨, 5.14当天: a date written with dots, known by the time of day after it
    ("day_dot", r"(?<![\d.])(?:(?P<y>(?:19|20)\d{2})\.)?(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?=当天|当日|凌晨|上午|中午|下午|晚上|晚间|早上|傍晚|夜间)"),
    ("month", rf"{_Y}?(?P<m>{_N})月份?(?![\d日])"),
    # 本月: the month the release reports on (2018年7月……主要指标 / 本月,全市……)
    ("this_month", r"本月份?(?![底末初止以来])"),
    # 自2014年开展禁毒人民战争以来: a year, what began in it and 以来 (the running total of its sentence)
    ("since_year_from", rf"(?:自|从)(?P<y>(?:19|20)\d{{2}}年|{_CN_YEAR})(?![底末初])[^,，。;；!?\n\d]{{2,20}}?以来"),
    ("since_year", rf"(?:自|从)?{_Y}(?:以来|来|{_ZHIJIN}|{_QI})"),
    # A five-year plan's period (“十三五”期间: 2016-2020), its start (“十四五”以来) and its end (“十二五”末),
    # named by the plan's number (十一五 .. 十五五); the plan's name alone (纳入“十四五”考核) is no period
    ("plan_since", rf"{_PLAN}(?:时期|期间)?以来"),
    ("plan_range", rf"{_PLAN}(?:时期|期间)"),
    ("plan_end", rf"{_PLAN}(?:末|期末)"),
    ("since_year_start", r"(?:今年)?年初(?:以来|至今(?!年))|开年以来|新年以来"),
    # 该行动开展以来: since a campaign began, whose start the text states before (or not at all)
    ("campaign_since", r"(?:该|此|这一?|本次|此次|专项)?(?:行动|活动|斗争|整治|战役|会战|攻坚战|专项行动|专项斗争|专项整治|工作)(?:开展|启动|部署|实施|发起|打响|开始)以来"
                       r"|[”\"](?:举办|开赛|开幕|启动|开展|实施)以来"
                       # 开展“两违”整治专项行动以来: a campaign named by its kind, its verb before it
                       r"|(?:专项行动|专项整治|专项斗争|集中整治|攻坚战|会战)以来"),
    # 行动期间: during a campaign whose span the release states elsewhere (resolved by the recogniser)
    ("campaign_during", r"(?:该|此|本次|此次|专项)?(?:行动|活动|整治|会战|战役|专项行动|专项整治)期间"),
    # 汛期以来, 入冬以来, 开学以来: since a season or a term began, whose day the text does not state
    # and since a body or a service began, undated too (反诈中心成立以来, 热线开通以来; 自2016年成立以来 is dated)
    ("season_since", r"(?:入汛|主汛期|汛期|入冬|入夏|入春|开学|雨季|防汛期)以来"
                     r"|(?:中心|平台|热线|专线|专班|机制|系统|联盟|工作站|服务站|基地)(?:正式)?"
                     r"(?:成立|组建|挂牌|开通|上线|运行|启用|投用|投运|建立|设立)以来"),
    ("same_period_last_year", r"(?:上年|去年)同期"),
    # 较上月(3859例): the month before the month in force, as a comparison base
    ("month_before", r"(?<=[较比与])上个?月(?![底末初份])"),
    ("year_end", rf"(?:{_Y}(?:末|底))|年(?:末|底)"),
    # 年内 as the year in force, as 全年 (not 1年内, within a year)
    ("year", rf"(?:{_Y}(?:度)?(?:全年|一年)?)|全年|(?<![\d一两二三四五六七八九十])年内(?!外)"),
    # 近两年 without 来 reads as 近两年来 (not 近两年前, 近两年内, 近5年均值)
    ("years_since", rf"(?:近|这|最近|过去)?(?P<n>{_N}|两|几|多)年(?:来|间|以来)|(?:近|最近|过去)(?P<n2>{_N}|两)年(?![来间以前内度均])"),
    ("recent_years", r"近(?:年来|几年来|些年来|年)|多年来"),
    ("holiday", r"(?P<hol>[“\"]?(?:五一|国庆|十一)[”\"]?(?:中秋)?(?:黄金周|长假|小长假|假期|期间)|黄金周|国庆|五一)"),
    # Holidays whose dates vary (春节) and bare holiday words (假期, 节日期间): dated
    # only where the release states the holiday's dates (see ``holiday_family``).
    ("holiday_other", r"(?P<hol>[“\"]?(?:春节|元旦|清明|端午|中秋)[”\"]?(?:黄金周|长假|小长假|假期|期间)|"
     r"(?:假期|节日|节假日|长假|双节|节)期间|假期(?!间)|"
     # 春运 (the travel season around the Spring Festival): its own dates, where the release states them
     # (2024年春运（1月26日至3月5日）, 春运期间); a bare 春运 elsewhere (春运返程高峰) is a word, not a period
     r"春运(?:期间|(?=[(（]))|(?<=年)春运)"),
    ("today", r"(?P<rel>今日|今天|今早|今晨|昨日|昨天|昨晚|当日|当天|当晚|当夜|次日|当场)"),
    ("vague", r"近日|日前|近期|不久前|前不久|前段时间|前些天|近来"),
    ("until_now", r"截至目前|截止目前|截至今日|截止到目前|到目前为止|至今(?!年)"),
    ("stock", r"目前|现已|现有|当前|现登记|设有|建有"),
    ("stock_implicit", r"在册|保有量|余额"),
    ("weak_stock", r"(?<!早)(?:已经|已)"),
    ("rate", r"(?<![\d一二三四五六七八九十])年均|每年|日增量|月均|每月|每天|平均每天|每周"),
    ("duration", rf"(?:为期)?(?:{_N}|半)个多?月|连续(?:{_N}|两|\d+)年|(?:{_N})(?:周(?!岁)|个星期)"),
)


def _plain(p: str) -> str:
    return re.sub(r"\?P<\w+>", "?:", p)


# Every character a period expression can open with (a lookahead before the alternation lets the
# engine skip any other position at once: five times faster on running text). A test keeps it true.
MARK_FIRST_CHARS = (
    "\\d〇零○一二两三四五六七八九十今去前上下本当同自从截到至第近这最多几年开新该此专行活斗整战会攻工设建"
    "全五国春元清端中集“”\"「黄假节长双昨次日不目现在保余已每月平为连半入汛主雨防过热机系联服基"
)
_COMBINED = re.compile(f"(?=[{MARK_FIRST_CHARS}])(?:" + "|".join(f"(?P<{name}>{_plain(p)})" for name, p in PATTERNS) + ")")
# The same search, trying at each position only the patterns that can open with its character
# (extractors.scan): the marks of _COMBINED, found several times faster.
# Words one of which every match of a pattern holds (or looks ahead at): a text without any of them is searched
# without that pattern (most releases write no 本月, no dotted date before 当天).
_SINCE = ("以来",)
_NEEDS: dict[str, tuple[str, ...]] = {
    "since_day_from": ("以来", "至今"), "since_day_open": _SINCE, "since_month_season": _SINCE,
    "since_month_from": ("以来", "至今"), "since_month_open": _SINCE, "until_zhi": ("止", "结束"),  # (截止 holds 止)
    "to_this_month": ("本月",), "day_dot": ("当", "午", "晚", "凌晨", "早上", "夜间"),  # (当天, 上午, 傍晚, ...)
    "since_year_from": _SINCE, "plan_since": _SINCE, "campaign_since": _SINCE, "season_since": _SINCE,
}
_ALTERNATION = Alternation([(name, _plain(p)) for name, p in PATTERNS], MARK_FIRST_CHARS, _NEEDS)
# Resolving reads the mark's own text, without what a pattern looks ahead at.
_SINGLE = {name: re.compile(p.split("(?=当天")[0]) for name, p in PATTERNS}
_Y_ONLY = re.compile(_Y2)

# Text right before a mark that makes it a comparison base, not a period:
# 比上年, 较去年, 与2007年相比, 同比2010年.
COMPARE_BEFORE: tuple[str, ...] = ("同比", "环比", "比", "较", "与", "对比", "相比", "相较")
# Text right before a date that makes it a report date, not the date of what is reported.
REPORT_AFTER: tuple[str, ...] = ("电", "讯", "消息", "通报", "获悉", "透露", "披露", "发布消息", "报道", "从")


@stored_by_slot  # built for every mark and phrase: see extractors.model
@dataclass(frozen=True, slots=True)
class Mark:
    """A period expression found in text (offsets into that text)."""

    start: int
    end: int
    name: str
    text: str


@stored_by_slot  # built for every mark and phrase: see extractors.model
@dataclass(frozen=True, slots=True)
class Period:
    kind: str  # span | day | vague | stock | null | weak
    start: date | None
    end: date | None
    year_known: bool = True  # False when a relative year could not be resolved


def find_marks(text: str) -> list[Mark]:
    """Every period expression in ``text``, in order, non-overlapping; none that opens with the digits after a
    decimal point (PM2.5月均浓度: no 5月)."""
    return [
        Mark(a, b, name, t) for a, b, name, t in _ALTERNATION.finditer(text)
        if name and not (a > 1 and text[a - 1] in ".．" and t[:1].isdigit() and text[a - 2].isdigit())
    ]


def _num(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    return parse_chinese(s)


# The days of each month (index 1..12) in a common year: read for the last day of a month, resolved for most
# marks (calendar.monthrange works out the month's first weekday too).
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_end(y: int, m: int) -> date:
    """The last day of month ``m`` (1 to 12, as every caller has checked) of year ``y``."""
    return date(y, m, 29 if m == 2 and calendar.isleap(y) else _MONTH_DAYS[m])


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@stored_by_slot  # built for every mark and phrase: see extractors.model
@dataclass(frozen=True, slots=True)
class Context:
    """What a mark is resolved against."""

    published: date | None
    state: Period | None  # the period in force before the mark
    year: int | None = None  # the year the text itself fixes when no publication date is known


_CN_YEAR_DIGITS: dict[str, int] = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "0": 0, "○": 0}


def _year_number(t: str) -> int:
    """The year written as four digits or four Chinese numerals (2012, 二〇一二年)."""
    if t[:4].isdigit():
        return int(t[:4])
    return int("".join(str(_CN_YEAR_DIGITS.get(c, 0)) for c in t[:4]))


def _year_of(ytext: str | None, ctx: Context, month: int | None = None) -> int | None:
    """The calendar year a mark names, or the year it is in when it names none."""
    pub = ctx.published
    if ytext:
        if ytext[:4].isdigit() or len(ytext) == 5 and ytext[0] in "一二":
            return _year_number(ytext)  # 2019年, 二〇一九年
        if ytext in ("当年", "同年"):
            st = ctx.state
            if st is not None and st.start is not None and st.end is not None and st.start.year == st.end.year:
                return st.start.year
            return pub.year if pub else None
        st = ctx.state
        if ytext == "上年" and st is not None and st.start is not None and st.end is not None and (
            st.start.year == st.end.year and (pub is None or st.start.year < pub.year)
        ):
            # 2023年,……成功率由上年的38.6%提高到 (published 2024): the year before the year reported on
            return st.start.year - 1
        base = pub.year if pub is not None else ctx.year
        if base is None:
            return None
        return base + {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}[ytext]
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
    if pub is None and st is not None and st.start is not None and st.end is None:
        # 2024年……自4月1日开展以来,截至9月30日 with no publication date: a running total's start, open for
        # want of the day it runs to, dates the months after it (those before it are the next year's)
        return st.start.year if month is None or month >= st.start.month else st.start.year + 1
    if pub is None:
        return ctx.year
    if month is not None and month > pub.month:
        return pub.year - 1  # 12月15日 read in January is last December
    return pub.year


# A relative year with nothing to resolve it against (a Period is frozen: one value serves every mark).
_UNRESOLVED = Period("span", None, None, year_known=False)


# The marks of a range of whole years (2019年至2023年, 二〇〇八年至二〇一二年).
YEAR_RANGE_MARKS = frozenset({"year_range", "year_range_cn", "plan_range"})
# The marks of a running total from a start (自3月1日起, 4月以来, 2016年以来, 年初以来, 该行动开展以来).
SINCE_MARKS = frozenset({
    "since_day", "since_day_from", "since_day_open", "since_month", "since_month_from", "since_month_open", "since_month_season",
    "since_year", "since_year_start", "campaign_since", "plan_since",
})


def years_counted(mark: Mark) -> int | None:
    """How many years a years_since mark counts (五年间: 5, 近三年来: 3), None for 多年 and the like."""
    m = _SINGLE[mark.name].match(mark.text) if mark.name == "years_since" else None
    return _num(m.group("n") or m.group("n2")) if m is not None else None


def _month_before(st: Period | None) -> Period | None:
    """较上月: the month before the month in force, and only under a month (上月 of anything else is not read)."""
    if st is None or st.start is None or st.end is None or st.start.day != 1 or st.end != month_end(st.start.year, st.start.month):
        return None
    prev = st.start - timedelta(days=1)
    return Period("span", date(prev.year, prev.month, 1), prev)


def resolve(mark: Mark, ctx: Context) -> Period | None:
    """Dates of ``mark``; ``None`` when it carries no period (or cannot be read)."""
    name = mark.name
    if name == "month_before":
        return _month_before(ctx.state)  # (its pattern looks behind the mark, at 较: not matched on its text)
    pat = _SINGLE[name]
    m = pat.fullmatch(mark.text) or pat.match(mark.text)
    if m is None:
        return None
    g = m.groupdict()
    pub = ctx.published
    ytext = g.get("y")
    unresolved = _UNRESOLVED

    if name in ("since_day_from", "since_day_open", "since_day", "day", "day_range", "day_list", "day_dot"):
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
    if name == "ymd_range":
        ends = [_num(g.get(k)) for k in ("m", "d", "m2", "d2")]
        m1, d1, m2, d2_ = ends
        if m1 is None or d1 is None or m2 is None or d2_ is None:
            return None
        first, last = _safe_date(int(g["y"][:4]), m1, d1), _safe_date(int(g["y2"][:4]), m2, d2_)
        return Period("span", first, last) if first is not None and last is not None and first <= last else None
    if name == "ym_range_rel":
        m1, m2 = _num(g.get("m")), _num(g.get("m2"))
        y1 = _year_of(ytext, ctx, m1)
        y2 = _year_of(g.get("y2"), ctx, m2)
        if m1 is None or m2 is None or y1 is None or y2 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return unresolved if (y1 is None or y2 is None) and m1 and m2 else None
        if (y1, m1) > (y2, m2):
            return None
        return Period("span", date(y1, m1, 1), month_end(y2, m2))
    if name == "day_words_range":
        m1, d1, m2, d2 = _num(g.get("m")), _num(g.get("d")), _num(g.get("m2")), _num(g.get("d2"))
        if m1 is None or d1 is None or m2 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return None
        y1, y2 = _year_of(ytext, ctx, m1), _year_of(g.get("y2"), ctx, m2)
        if y1 is None or y2 is None:
            return unresolved
        first, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2) if d2 else month_end(y2, m2)
        if first is None or last is None or first > last:
            return None
        return Period("span", first, last)
    if name == "month_words_range":
        m1, m2 = _num(g.get("m")), _num(g.get("m2"))
        if m1 is None or m2 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return None
        y1, y2 = _year_of(ytext, ctx, m1), _year_of(g.get("y2"), ctx, m2)
        if y1 is None or y2 is None:
            return unresolved
        if (y1, m1) > (y2, m2):
            return None
        return Period("span", date(y1, m1, 1), month_end(y2, m2))
    if name == "yearend_range":
        y1 = _year_of(ytext, ctx)
        m2 = _num(g.get("m2"))
        y2 = _year_of(g.get("y2"), ctx, m2) if g.get("y2") else (pub.year if pub else None)
        if y1 is None or y2 is None or m2 is None or not 1 <= m2 <= 12 or (y1, 12) > (y2, m2):
            return None
        return Period("span", date(y1, 12, 1), month_end(y2, m2))
    if name == "since_year_start":
        y = _year_of(None, ctx)
        return Period("span", date(y, 1, 1), pub) if y else unresolved
    if name == "campaign_since":
        st = ctx.state
        if st is not None and st.start is not None and st.kind in ("span", "day") and (
            pub is None or st.start <= pub
        ) and not (
            st.end is not None and (st.start.month, st.start.day) == (1, 1) and (st.end - st.start).days > 31
        ):
            return Period("span", st.start, pub)  # 并于当年11月实施……专项行动。该行动开展以来: from then
        return Period("stock", None, pub)  # the campaign's start is not stated: a running total as of now
    if name == "campaign_during":
        return None  # known only from the span the release states for the campaign
    if name == "season_since":
        return Period("stock", None, pub)  # a running total from an undated start: as of now
    if name == "until_now":
        return Period("until", None, pub)
    if name in ("since_month", "since_month_from", "since_month_open", "since_month_season"):
        mo = _num(g.get("m"))
        if mo is None or not 1 <= mo <= 12:
            return None
        y = _year_of(ytext, ctx, mo)
        return Period("span", date(y, mo, _PART_FIRST_DAY.get(g.get("since_part") or "", 1)), pub) if y else unresolved
    if name in ("until", "until_zhi", "until_zhi_after"):
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
            end = month_end(y, mo)
        return Period("until", None, end)
    if name == "month_range":
        m1, m2 = _num(g.get("m")), _num(g.get("m2"))
        if m1 is None or m2 is None or not 1 <= m1 <= m2 <= 12:
            return None
        y = _year_of(ytext, ctx, m2)
        return Period("span", date(y, m1, 1), month_end(y, m2)) if y else unresolved
    if name == "first_n":
        n = _num(g.get("n"))
        if n is None or not 1 <= n <= 12:
            return None
        y = _year_of(ytext, ctx, n)
        return Period("span", date(y, 1, 1), month_end(y, n)) if y else unresolved
    if name == "quarter_end":
        q = 2 if g.get("half") else _num(g.get("q")) if not (g.get("q") or "").isdigit() else int(g["q"])
        if q is None or not 1 <= q <= 4:
            return None
        y = _year_of(ytext, ctx, 3 * q)
        return Period("stock_end", None, month_end(y, 3 * q)) if y else unresolved
    if name in ("first_q", "quarter"):
        q = _num(g.get("q")) if not (g.get("q") or "").isdigit() else int(g["q"])
        if q is None or not 1 <= q <= 4:
            return None
        y = _year_of(ytext, ctx, 3 * q)
        # Statistics bureaus report quarters cumulatively: 三季度 is January to September.
        return Period("span", date(y, 1, 1), month_end(y, 3 * q)) if y else unresolved
    if name == "half":
        # 下半年 read in July is the half under way (下半年重点工作), not last year's: the month it opens decides
        y = _year_of(ytext, ctx, 6 if g.get("h") == "上半年" else 7)
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
            return Period("stock", None, month_end(y, mo))
        lo, hi = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "上中旬": (1, 20), "中下旬": (11, 0)}.get(part or "", (21, 0))
        end = month_end(y, mo) if hi == 0 else date(y, mo, hi)
        return Period("span", date(y, mo, lo), end)
    if name == "month":
        mo = _num(g.get("m"))
        if mo is None or not 1 <= mo <= 12:
            return None
        y = _year_of(ytext, ctx, mo)
        return Period("span", date(y, mo, 1), month_end(y, mo)) if y else unresolved
    if name in ("this_month", "to_this_month"):
        # the month in force (a title's 2018年7月), or the last month of the months in force (1-7月); with no
        # month stated, not the month of publication (a monthly release comes out the month after)
        st = ctx.state
        if (
            st is None or st.kind != "span" or st.start is None or st.end is None or st.start.day != 1
            or st.start.year != st.end.year or st.end != month_end(st.end.year, st.end.month)
        ):
            return None  # (the state is not whole months of one year)
        first = date(st.end.year, st.end.month, 1)
        return Period("span", first if name == "this_month" else date(first.year, 1, 1), st.end)
    if name in ("since_year", "since_year_from"):
        y = _year_of(ytext, ctx)
        return Period("span", date(y, 1, 1), pub) if y else unresolved
    if name in ("plan_since", "plan_range", "plan_end"):
        y = _PLAN_FIRST_YEAR[g["plan"]]
        if name == "plan_since":
            return Period("span", date(y, 1, 1), pub) if pub is None or pub.year >= y else None
        if name == "plan_end":
            return Period("stock_end", None, date(y + 4, 12, 31))
        return Period("span", date(y, 1, 1), date(y + 4, 12, 31))
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
        if y is None:
            return unresolved
        if not ytext and pub is not None and date(y, 12, 31) > pub and (ctx.state is None or ctx.state.end is None or ctx.state.end.year < y):
            y = pub.year - 1  # 年末 read before the year is out: the end of last year (an annual bulletin)
        return Period("stock_end", None, date(y, 12, 31))
    if name == "year":
        if mark.text in ("全年", "年内"):
            y = _year_of(None, ctx)
            if (ctx.state is None or ctx.state.kind == "day") and pub is not None and pub.month <= 4:
                # an annual bulletin is published early the next year (also after the day of its release:
                # 1月15日，市统计局发布数据。全年……)
                y = pub.year - 1
        else:
            y = _year_of(ytext, ctx)
        if y is None:
            return unresolved
        st = ctx.state
        if (
            ytext == "本年" and mark.text == "本年" and st is not None and st.kind == "span" and st.start == date(y, 1, 1)
            and st.end is not None and st.end.year == y
        ):
            return st  # 1—11月,……其中本年新开工项目186个: the statistics' own year to date, the months in force
        if ytext in ("今年", "本年") and pub is not None and "全年" not in mark.text:
            return Period("span", date(y, 1, 1), pub)
        return Period("span", date(y, 1, 1), date(y, 12, 31))
    if name == "years_since":
        # 近五年来: the last N whole years (a white paper's 2019—2023), or the
        # span in force when it is N years long
        n = _num(g.get("n") or g.get("n2"))
        st = ctx.state
        if n and st is not None and st.kind == "span" and st.start is not None and st.end is not None:
            if st.end.year - st.start.year + 1 == n and (st.start.month, st.start.day) == (1, 1):
                return Period("span", st.start, st.end)
        if n and pub is not None and mark.text.startswith(("近", "最近", "过去")):
            return Period("span", date(pub.year - n, 1, 1), date(pub.year - 1, 12, 31))
        if n and pub is not None and n <= 5 and pub.month <= 2 and not mark.text.startswith("这"):
            # 五年来 in a review published in January or February (a government's work report): the N
            # whole years just ended
            return Period("span", date(pub.year - n, 1, 1), date(pub.year - 1, 12, 31))
        if n and pub is not None and n <= 5 and not mark.text.startswith("这"):
            # 五年来 (published December 2025): the N years up to the publication date, from the start of
            # the year nearest to N years before it (2021-01-01); a decade (十年来) stays open
            return Period("span", date(pub.year - n + (1 if pub.month >= 7 else 0), 1, 1), pub)
        return Period("span", None, pub)
    if name == "recent_years":
        return Period("recent", None, pub)
    if name == "ym_range" or name in YEAR_RANGE_MARKS:
        y, y2 = _year_number(g["y"]), _year_number(g["y2"])
        if not y < y2 <= y + 30:
            return None
        if name != "ym_range":
            return Period("span", date(y, 1, 1), date(y2, 12, 31))
        m1, m2 = _num(g.get("m")), _num(g.get("m2"))
        if m1 is None or m2 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            return None
        return Period("span", date(y, m1, 1), month_end(y2, m2))
    if name == "holiday_other":
        hol = g.get("hol") or mark.text
        if "春运" not in hol and not ("春节" in hol and hol.endswith(("假期", "长假", "黄金周"))):
            # 元旦, 清明, 端午, 中秋, a bare 假期, and 春节期间 (the festival season, wider than its days off):
            # dated only where the release states the dates
            return None
        y = _year_of(None, ctx, 1)  # (both open in January or February: a release of late January is that year's)
        if y is None:
            return unresolved
        if "春运" in hol:
            new_year = LUNAR_NEW_YEAR.get(y)
            if new_year is None:
                return None
            # the travel season: forty days from the fifteenth day before the lunar New Year
            first = new_year - timedelta(days=15)
            return Period("span", first, first + timedelta(days=39))
        days = HOLIDAY_DAYS["春节"].get(y)
        return Period("span", *days) if days is not None else None
    if name == "holiday":
        hol = g.get("hol") or ""
        # the year of the period in force (全年……其中，国庆假期 in a bulletin on last year), else the latest
        # such holiday up to publication (国庆 read in February is last October's)
        month = 5 if "五一" in hol else 10 if ("国庆" in hol or "十一" in hol) else None
        y = _year_of(None, ctx, month)
        if y is None:
            return unresolved
        if "五一" in hol or (hol == "黄金周" and pub is not None and pub.month in (4, 5, 6)):
            days = HOLIDAY_DAYS["五一"].get(y)
            return Period("span", *(days or (date(y, 5, 1), date(y, 5, 7 if y < 2008 else 3))))
        if "国庆" in hol or "十一" in hol or (hol == "黄金周" and pub is not None and pub.month in (9, 10, 11)):
            days = HOLIDAY_DAYS["国庆"].get(y)
            return Period("span", *(days or (date(y, 10, 1), date(y, 10, 8 if "中秋" in hol else 7))))
        return None
    if name == "today":
        rel = g.get("rel") or ""
        st = ctx.state
        if rel in ("当日", "当天", "当晚", "当夜", "次日", "当场"):
            if st is not None and st.kind == "day" and st.end is not None:
                d0 = st.end + timedelta(days=1 if rel == "次日" else 0)
                return Period("day", d0, d0)
            if rel == "当场":
                return None  # 检查期间……当场责令整改197个: on the spot, no day of its own; the span in force holds
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


def _on(y: int, month_day: str) -> date:
    """``"09-29"`` of year ``y``."""
    return date(y, int(month_day[:2]), int(month_day[3:]))


def _days(spans: dict[int, str]) -> dict[int, tuple[date, date]]:
    """``{2023: "09-29 10-06"}`` as first and last days."""
    return {y: (_on(y, text[:5]), _on(y, text[6:])) for y, text in spans.items()}


# The days off of the two holidays a release names without their dates (五一假期, 国庆黄金周), as the State
# Council's yearly notice on public holidays set them: 五一 was a week up to 2007, three days from 2008
# (four in 2019), five from 2020; 国庆 is a week from 1 October, eight days where 中秋 joins it, and some
# years open it on the last days of September. Years not listed take the usual days.
HOLIDAY_DAYS: dict[str, dict[int, tuple[date, date]]] = {
    "五一": _days({
        2008: "05-01 05-03", 2009: "05-01 05-03", 2010: "05-01 05-03", 2011: "04-30 05-02", 2012: "04-29 05-01",
        2013: "04-29 05-01", 2014: "05-01 05-03", 2015: "05-01 05-03", 2016: "04-30 05-02", 2017: "04-29 05-01",
        2018: "04-29 05-01", 2019: "05-01 05-04", 2020: "05-01 05-05", 2021: "05-01 05-05", 2022: "04-30 05-04",
        2023: "04-29 05-03", 2024: "05-01 05-05", 2025: "05-01 05-05", 2026: "05-01 05-05",
    }),
    "春节": _days({
        2008: "02-06 02-12", 2009: "01-25 01-31", 2010: "02-13 02-19", 2011: "02-02 02-08", 2012: "01-22 01-28",
        2013: "02-09 02-15", 2014: "01-31 02-06", 2015: "02-18 02-24", 2016: "02-07 02-13", 2017: "01-27 02-02",
        2018: "02-15 02-21", 2019: "02-04 02-10", 2020: "01-24 02-02", 2021: "02-11 02-17", 2022: "01-31 02-06",
        2023: "01-21 01-27", 2024: "02-10 02-17", 2025: "01-28 02-04", 2026: "02-15 02-23",
    }),
    "国庆": _days({
        2008: "09-29 10-05", 2009: "10-01 10-08", 2012: "09-30 10-07", 2017: "10-01 10-08", 2020: "10-01 10-08",
        2023: "09-29 10-06", 2025: "10-01 10-08",
    }),
}

# The first day of the lunar year (正月初一), from which the travel season (春运) is counted.
LUNAR_NEW_YEAR: dict[int, date] = {
    y: _on(y, md) for y, md in {
        2008: "02-07", 2009: "01-26", 2010: "02-14", 2011: "02-03", 2012: "01-23", 2013: "02-10", 2014: "01-31",
        2015: "02-19", 2016: "02-08", 2017: "01-28", 2018: "02-16", 2019: "02-05", 2020: "01-25", 2021: "02-12",
        2022: "02-01", 2023: "01-22", 2024: "02-10", 2025: "01-29", 2026: "02-17", 2027: "02-06",
    }.items()
}

HOLIDAY_NAMES: tuple[str, ...] = ("五一", "国庆", "十一", "春节", "元旦", "清明", "端午", "中秋", "春运")


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


# 日 after a digit: the engine looks for 日 (one character, searched at C speed), not for a digit at every
# digit of the text; the digits before it are read back by find_day_only.
_DAY_AFTER_DIGIT = re.compile(r"日(?<=\d日)")


def find_day_only(text: str) -> list[tuple[int, int, str]]:
    """Days written without a month (24日,), as (start, end, digits): one or two digits before 日, not right
    after a digit, 月 or 号 (three digits or more go on a number: 2024日; 5月24日 is a day with its month).
    These are the matches of ``(\\d{1,2})日`` that do not follow a digit, 月 or 号, found from each 日."""
    out = []
    for m in _DAY_AFTER_DIGIT.finditer(text):
        end = m.end()
        a = end - 2  # the digit before 日
        if a > 0 and text[a - 1].isdecimal():
            a -= 1
        if a > 0 and (text[a - 1].isdecimal() or text[a - 1] in "月号"):
            continue
        out.append((a, end, text[a : end - 1]))
    return out


def is_stock(p: Period | None) -> bool:
    """Whether ``p`` is a stock as of a date (no start)."""
    return p is not None and p.kind in ("stock", "stock_end", "until_stock")


# ---------------------------------------------------------------- roles and levels
#
# What a period phrase does for the figures around it, and how far it holds (see extractors.scopes).
# The recogniser asks classify() once per phrase, in text order; the tables and rules are here.

WHEN = "when"  # the period figures cover: 今年1至5月, 2021年, 上半年, 2016年以来
EVENT = "event"  # the day of an incident, or an undated recent one: 8月28日, 近日
UNTIL = "until"  # a cut-off: 截至10月底 (a flow from a stated start, else a stock as of then)
STOCK = "stock"  # a stock as of a date: 目前, 现有, 年末, 在册
NULL = "null"  # a rate or a bare duration: 年均, 一个月
RECENT = "recent"  # 近年来: to the publication date, this sentence only
WEAK = "weak"  # 已: a stock, where nothing else is stated
COMPARE = "compare"  # a comparison base: 比上年, 较一季度, 同比2022年, 快于上年全年
REPORT = "report"  # the date of the report, not of what it reports: 5月9日电, 13日通报
SIDE = "side"  # a side remark: 由前年的……调整为, 继2010年以来首次, 近五年来最高
GOVERNING: frozenset[str] = frozenset({WHEN, EVENT, UNTIL, STOCK, NULL, RECENT, WEAK})

# After a mark: the date of the report (新华社南宁12月17日电, 13日通报, 10月9日,记者从……获悉).
_REPORTER_AFTER = re.compile(r"[,，]?\s*记者(?:从|在|日前从|近日从)")
# After a day: a clause that is only the report (8月17日，州应急管理局通报，全州累计……).
_REPORT_CLAUSE_AFTER = re.compile(r"[,，]\s*[^,，。;；:：\d]{2,14}?(?:通报|发布|介绍|透露|披露)(?:称)?[,，:：]")
# After a day: what ended that day (春运……已于3月5日结束, 于10月7日落下帷幕).
_ENDED_AFTER = re.compile(r"(?:正式|圆满|顺利)?(?:结束|落下帷幕|落幕|闭幕|收官)")
_CLOCK = re.compile(r"\s?\d{1,2}:\d{2}")
# After a year: the prices a figure is reckoned in (按照上年不变价计算), not its period.
_PRICE_BASE_AFTER: tuple[str, ...] = ("不变价", "可比价", "价格计算", "价计算", "价格水平")
# The total a share is taken of, named right after its span (占前三季度破案总数的, 占当年筹资总额的).
_WHOLE_TOTAL_AFTER = re.compile(r"[^,，。;；\d]{0,6}?总(?:数|额|量|和|计)")
# A month in Chinese numerals, by its number (十月份 beside 1—10月).
_CN_MONTHS: tuple[str, ...] = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
# After a year to date: the cumulative it states (1—10月,全市居民消费价格累计上涨).
_CUMULATIVE_AFTER = re.compile(r"[,，]?[^,，。;；\d]{0,12}?累计")
# Before 次日: the hour a span of hours starts at (18时至次日6时).
_HOURS_FROM = re.compile(r"\d{1,2}(?:时|点)(?:至|到|-|—)$")
# Around a mark: a comparison base (快于上年全年, 与2019年同期相比, 较前一周).
COMPARE_AFTER: tuple[str, ...] = ("同期", "相比", "相较", "比较")
COMPARE_LEAD = re.compile(r"(?:快于|慢于|高于|低于|好于|超过|超出|多于|少于|不及|持平于|相当于|恢复到|恢复至)$")
# A side remark: the phrase is the time of a comparison inside the clause, not of what follows.
_SIDE_BEFORE = re.compile(r"(?:由|从|继|是|为|创|达到|仅次于|超过|刷新)$")
_SIDE_AFTER = re.compile(r"(?:[^,，。;；]{0,10}?(?:有|自)?[^,，。;；]{0,6}?(?:记录|记载|统计|观测)以来|的[^,，。;；]{0,12}?(?:调整为|提高到|提高至|下降到|下降至|增加到|增加至|减少到|减少至|上升到|上升至|降至|升至|增至|减至)|以来(?:的)?(?:首次|最高|最低|最大|最多|最少|新高|新低|之最)|来(?:的)?(?:首次|最高|最低|最大|最多|最少|新高|新低)|(?:的)?(?:最高|最低|新高|新低|之最|同期水平|水平))")
# Quick tests before the two patterns above (classify asks them of every mark): a comparison word before
# ends with one of these characters (or the text before ends with a line break, which $ passes over); a side
# remark after opens with one of these or holds 以来 (记录以来, 以来首次).
_COMPARE_LEAD_LAST = "于过出及到至\n"
_SIDE_AFTER_FIRST = "的以来最新之同水"
# After 创 and a period: the record it sets (创今年单个案件最大缴获数, 创2010年以来新高).
_RECORD_AFTER = re.compile(r"[^,，。;；]{0,14}?(?:最|新高|新低|纪录|记录|之最)")
# After a since phrase (继2010年以来, 近五年来): a record, not the figures' period.
_SIDE_AFTER_SINCE = re.compile(
    r"(?:的)?(?:首次|最高|最低|最大|最多|最少|最好|最差|新高|新低|之最|同期最|(?:同期)?第[二三四五六七八九十\d]{1,3}(?:多|少|高|低|大))"
)
# A mark in parentheses after a comparison base: the base's dates (较去年同期(2023年1至4月)).
_COMPARE_PAREN = re.compile(r"(?:同比|环比|较|比|与)[^,，。;；]{0,8}[(（]$")
# What the text right before such a mark ends with ($ also matches before a last line break): classify tries
# the pattern only there.
_PAREN_LAST = ("(", "（", "(\n", "（\n")
# The words before a mark that make it a sub-period of its clause only: 其中,今年6月……. (Tried only where
# 其中 stands in the few characters before the mark.)
_SUB_BEFORE = re.compile(r"其中[,，]?\s*$")
_SUB_SENTENCE_BEFORE = re.compile(r"(?:^|[。；;!?！？\n])\s*其中[,，][^。；;!?！？\n,，]{0,16}[(（]?$")
_CAUSE = re.compile(r"受[^,，。;；]{0,10}$")  # tried only where 影响 follows the mark
# 2003年“12·9”积案: a year before a case's name
_CASE_NAME_AFTER = re.compile(r"[“\"]\d")
# 2024年第一批重大项目: a year before the number of a batch names the batch, not the figures' period
_BATCH_AFTER = re.compile(r"度?第[一二三四五六七八九十\d]{1,3}批")
# 较前, 比上 before a duration (较前一周): a comparison base
_COMPARE_LAST = re.compile(r"(?:较|比|与)(?:前|上)$")
# After a year: the target it names (全年20万套任务, 年度目标).
# (also the year of a plan a count is part of: 全区2025年城镇老旧小区改造计划内的52个小区)
_TARGET_AFTER = re.compile(r"[^,，。;；:：]{0,10}?(?:任务|目标|计划(?:内|中|的))")
# After a duration: the rest of the name of a rate it limits (3个月内办理过程或结果答复率).
_TIME_LIMIT_OF_RATE = re.compile(r"(?:以)?内[^,，。;；:：\d]{0,12}率")
_STOCK_DENY_BEFORE = "实发表出呈体展再兑涌显浮"
# After 近三年: an average over the span (近三年平均每年新增……), a rate.
_RATE_AFTER = re.compile(r"(?:来)?(?:的)?(?:平均|年均|每年|日均|月均|累计平均)")

# A cut-off (截至6月底) holds to the end of its paragraph: the stocks told in the sentences after it
# (全区行政村通达率达到92.5%) are as of the same date, until another period is stated.
LEVEL_OF_ROLE: dict[str, str] = {
    WHEN: "document", EVENT: "document", UNTIL: "paragraph", STOCK: "sentence", NULL: "clause",
    RECENT: "sentence", WEAK: "clause",
}
_ROLE_OF_MARK: dict[str, str] = {
    "day": EVENT, "day_dot": EVENT, "today": EVENT, "vague": EVENT, "dayonly": EVENT,
    "until": UNTIL, "until_zhi": UNTIL, "until_zhi_after": UNTIL, "until_now": UNTIL,
    "stock": STOCK, "stock_implicit": STOCK, "year_end": STOCK, "plan_end": STOCK,
    "weak_stock": WEAK, "rate": SIDE, "duration": NULL, "recent_years": RECENT,
    "same_period_last_year": COMPARE, "month_before": COMPARE,
}


@stored_by_slot  # built for every mark and phrase: see extractors.model
@dataclass(frozen=True, slots=True)
class Role:
    role: str
    level: str  # clause | sentence | paragraph | document (extractors.scopes.Level by name)
    rule: str


# After a year that opens a line: the values of a table's row (2023年  193417件, 2023年 | 8.2), not a sentence.
_ROW_VALUES_AFTER = re.compile(r"[ \t\u3000]*[|｜]?[ \t\u3000]+[-+]?\d")
# The role of each kind of mark where no rule around it changes it, at its role's own level: made once (a
# Role is frozen), not for every mark.
_PLAIN_ROLE: dict[str, Role] = {
    name: Role(role, LEVEL_OF_ROLE[role], f"{name}: {role}")
    for name in [n for n, _ in PATTERNS] + ["dayonly"]
    if (role := _ROLE_OF_MARK.get(name, WHEN)) in LEVEL_OF_ROLE
} | {"since_year_from": Role(WHEN, "sentence", "自2014年……以来: a running total from that year, for its sentence")}


def classify(s: str, mark: Mark, *, heading: bool) -> Role | None:
    """The role and level of ``mark`` in the normalised text ``s``; ``None`` when it is no period at
    all (a clock time of page furniture, 现 inside 实现, a year naming a case)."""
    before = s[max(0, mark.start - 6) : mark.start]
    after = s[mark.end : mark.end + 16]
    name = mark.name
    # (a clock time opens with a digit, after one space at most: the pattern is tried only there)
    if (after[:1].isdigit() or after[1:2].isdigit()) and _CLOCK.match(s, mark.end):
        return None  # 2018年06月26日 15:00:04: page furniture
    if name == "today" and mark.text == "次日" and _HOURS_FROM.search(before):
        return None  # 18时至次日6时: the hours of a day, counted over the period in force
    if name == "stock" and mark.text.startswith("现") and before[-1:] and before[-1] in _STOCK_DENY_BEFORE:
        return None  # 实现, 发现, 表现
    if name == "year" and after.startswith(_PRICE_BASE_AFTER):
        return None  # 按照上年不变价计算, 按2020年价格计算: the prices a figure is reckoned in, not its period
    if name == "year" and after[:1] in "“\"" and _CASE_NAME_AFTER.match(after):
        return None  # 2003年“12·9”积案: the year names a case
    if name == "year" and after[:1] in "第度" and _BATCH_AFTER.match(after):
        return None  # 2024年第一批重大项目集中开工: the year names the batch
    if name == "duration" and _TIME_LIMIT_OF_RATE.match(after):
        return None  # 3个月内办理答复率: a time limit inside the name of a rate, not a span
    if name == "year" and ("任务" in after or "目标" in after or "计划" in after) and _TARGET_AFTER.match(after):
        # 上半年,……完成全年20万套任务的53%: the year of the target a figure is measured against, not its period
        return Role(SIDE, "clause", "the year of a target (全年……任务): not the figures' period")
    if name == "dayonly" and after.startswith(("内", "以内")):
        return None  # 7日内回复: within seven days, not the 7th of a month
    if name in ("day", "today", "dayonly", "day_dot") and (
        after.startswith(REPORT_AFTER) or "记者" in after and _REPORTER_AFTER.match(after)
        or after[:1] in ",，" and _REPORT_CLAUSE_AFTER.match(s, mark.end)
    ):
        return Role(REPORT, "clause", "a report word follows (电, 通报, 记者从……获悉)")
    if name in ("day", "dayonly") and before.endswith(("于", "已于", "在")) and _ENDED_AFTER.match(after):
        return Role(SIDE, "clause", "the day something ended (已于3月5日结束): not what is counted")
    if before.endswith("占") and name not in ("same_period_last_year", "month_before") and _WHOLE_TOTAL_AFTER.match(after):
        # 占前三季度总数的50%, 佔上半年破案總數的55.8%: the span of the whole a share is taken of, not the share's
        return Role(COMPARE, "clause", "the whole of a share (占前三季度总数)")
    if before.endswith(COMPARE_BEFORE) or (name == "duration" and _COMPARE_LAST.search(before)) or (
        before.endswith(_PAREN_LAST) and _COMPARE_PAREN.search(s[max(0, mark.start - 12) : mark.start])
    ):
        return Role(COMPARE, "clause", "a comparison word before (比, 较, 同比)")
    if (
        before[-1:] in _COMPARE_LEAD_LAST and COMPARE_LEAD.search(before)
        or after.startswith(COMPARE_AFTER) and name != "same_period_last_year"
    ):
        return Role(COMPARE, "clause", "快于/高于 before or 同期/相比 after")
    if (
        before.endswith("创") or (mark.text.endswith("来") or name == "years_since") and before.endswith(("是", "为"))
    ) and _RECORD_AFTER.match(after):
        # 是今年以来全市缴毒量最大的案件: a record, like 创
        return Role(SIDE, "clause", "创今年……最大: a record, not the figures' period")
    if (after[:1] in _SIDE_AFTER_FIRST or "以来" in after) and _SIDE_AFTER.match(after) or (
        after.startswith("的") and _SIDE_BEFORE.search(before)
    ) or (
        mark.text.endswith("来") and after[:1] in "的首最新之同第" and _SIDE_AFTER_SINCE.match(after)
    ):
        return Role(SIDE, "clause", "a side remark (由……的……调整为, ……以来首次, ……最高)")
    role = _ROLE_OF_MARK.get(name, WHEN)
    if role == COMPARE:
        return Role(COMPARE, "clause", "上年同期")
    if role == SIDE:
        return Role(SIDE, "clause", "a rate (每天, 年均): of the period in force, none of its own")
    if role == WHEN and name in ("years_since", "recent_years") and _RATE_AFTER.match(after):
        return Role(NULL, "clause", "近三年平均每年: the span of an average, not of what follows")
    if (
        role == WHEN and not heading and name == "month_range" and "累计" in after and _CUMULATIVE_AFTER.match(after)
        and (mm := _SINGLE[name].match(mark.text)) is not None and _num(mm.group("m")) == 1
        and (m2 := _num(mm.group("m2"))) is not None and m2 > 1
        and re.search(rf"(?<![\d—\-至到~～一二三四五六七八九十])(?:{m2}|{_CN_MONTHS[m2]})月(?:份|当月)", s[max(0, mark.start - 600) : mark.start])
    ):
        # 10月份,全市居民消费价格同比上涨1.8%……。1—10月,全市居民消费价格累计上涨1.6%。从同比看,八大类……: the year to
        # date told aside in a release on its last month, for its sentence; the month holds on after it
        return Role(WHEN, "sentence", "the year to date (累计) told aside in a release on its last month")
    if role == WHEN and not heading and name in ("month_range", "first_n") and after.startswith("平均"):
        # 5月份,……。1—5月平均,全省居民消费价格比去年同期下降0.2%: an average over the months told aside, for its
        # sentence; the month the release reports on holds on after it
        return Role(WHEN, "sentence", "an average over the months (1—5月平均): its sentence")
    if role == WHEN and name == "year" and (mark.start == 0 or s[mark.start - 1] == "\n") and _ROW_VALUES_AFTER.match(after):
        # 2023年  193417件  97.0%: the label of a table's row, for its row; the span told above the table holds on
        # after it
        return Role(WHEN, "sentence", "a year labelling a table's row: its row")
    if heading:
        natural = LEVEL_OF_ROLE[role]
        level = natural if natural in ("clause", "sentence") else "paragraph"
        return Role(role, level, "in a heading: holds for the heading")
    if role in (WHEN, EVENT) and "其中" in before and _SUB_BEFORE.search(s[max(0, mark.start - 4) : mark.start]):
        return Role(role, "sentence", "其中 before: a sub-period of its sentence (to the next ；)")
    if (
        role in (WHEN, EVENT) and s.find("其中", max(0, mark.start - 24), mark.start) >= 0  # (the pattern needs 其中)
        and _SUB_SENTENCE_BEFORE.search(s, max(0, mark.start - 24), mark.start)
    ):
        # 其中,受第14号台风影响期间(9月16日至19日),全省……: the days of a part, told in a sentence that opens with
        # 其中; the span before holds on after it
        return Role(role, "sentence", "in a sentence that opens with 其中: a sub-period of its sentence")
    if name == "day" and before.endswith(("出现在", "出现于", "发生在")):
        # 单日最高发送量出现在2月17日,达28.7万人次: the day of a record, for its sentence; the span told before
        # holds on after it
        return Role(EVENT, "sentence", "the day a record fell on (出现在): its sentence")
    if "影响" in after and _CAUSE.search(s[max(0, mark.start - 12) : mark.start]):
        return Role(SIDE, "clause", "inside 受……影响: a cause, not the figures' period")
    return _PLAIN_ROLE.get(name) or Role(role, LEVEL_OF_ROLE[role], f"{name}: {role}")
