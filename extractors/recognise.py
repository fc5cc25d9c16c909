"""The generic figure recogniser: every stated figure of a text, with its unit, qualifier, subject,
kind, period and region, and the phrase that set each.

The stages, each in its own module:

1. the document model (:mod:`extractors.document`): paragraphs, headings, the title, sentences and
   clauses, the publication date;
2. quantities (:mod:`extractors.quantities`): every figure-like number with its unit and qualifier;
3. places (:mod:`extractors.places`): every place mention with its role, and the release's own area;
4. periods (:mod:`extractors.periods`): every period phrase, its role and level, resolved against
   what is in force where it stands;
5. scopes (:mod:`extractors.scopes`): the phrase in force at each figure, innermost first; a
   figure takes its period and its region from there, and keeps the phrase as its provenance;
6. subjects (:mod:`extractors.subjects`): what each figure counts;
7. headings: a heading's figure that restates a body figure takes that figure's period and region.

Everything runs on the normalised text (:mod:`extractors.textnorm`) and is mapped back to offsets
of the original text at the end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, fields
from datetime import date

from extractors import periods as P
from extractors import places, subjects, tables
from extractors.document import (
    BREAKDOWN_FRAME,
    Document,
    Paragraph,
    Sentence,
    is_label_row,
    is_name_value_row,
)
from extractors.gazetteer import gazetteer
from extractors.model import Figure, stored_by_slot
from extractors.periods import (
    Context,
    Mark,
    Period,
    day_of_month,
    find_day_only,
    find_marks,
    holiday_family,
    resolve,
)
from extractors.places import NATIONAL, Focus, Mention, Place
from extractors.quantities import Num, merge_table_values, read_numbers
from extractors.registry import register
from extractors.scopes import CLAUSE, DOCUMENT, PARAGRAPH, SENTENCE, Phrase, Scopes

NAME = "generic"
VERSION = "20.1"

_LEVEL = {"clause": CLAUSE, "sentence": SENTENCE, "paragraph": PARAGRAPH, "document": DOCUMENT}

# A sentence that tells one case: its quantities are the case's (an event): 一起……案, 该案, 打掉一个……团伙, a
# case's name in quotes. (Every alternative opens with a character written out, the verbs and the quotes
# one alternative each: a search then skips at C speed to a character one may open with, where a group or
# a class first makes it try every alternative at every character, about five times as long.)
_GANG_AFTER_VERB = r"一个[^,。;\n]{0,30}?(?:团伙|窝点|集团|工厂|网络)"
_CASE_NAME_AFTER_QUOTE = r"[^”\"\n]{0,16}?\d[^”\"\n]{0,16}?[”\"][^,。;\n]{0,14}?(?:案|团伙)"
_CASE_RE = re.compile(
    r"一[起宗](?:[^,。;\n]{0,24}?|[^,。;\n“\"]{0,6}[“\"][^”\"\n]{1,16}[”\"][^,。;\n]{0,16}?)案|最大一起|该案|此案|本案|典型案例中|专案组|该专案|此专案|"
    + "|".join(verb + _GANG_AFTER_VERB for verb in ("打掉", "捣毁", "摧毁", "端掉")) + "|"
    + "|".join(quote + _CASE_NAME_AFTER_QUOTE for quote in ("“", '"'))
)
# A word every match of _CASE_RE holds: a text without any is not searched.
_CASE_WORDS = ("案", "团伙", "一个", "最大一起")
_CASE_NARRATIVE = re.compile(r"经查(?!证|实的|处)|经审理查明|经审讯|供认不讳|该团伙|该案共|此案共|全案共")
# A sentence that tells the arrests of a case (专案组于5月16日凌晨收网).
_ARREST_RE = re.compile(r"收网|抓获|抓捕|捣毁|搗毀|收網|抓獲|落网|落網|归案|歸案|擒获|擒獲")
# A sentence that sums up one case told day by day: 至此,该案共抓获犯罪嫌疑人4名.
_CASE_TOTAL_RE = re.compile(r"\s*(?:至此|截至目前|目前)?[,，]?(?:该案|此案|全案|本案)(?:共|累计|先后)")
_CASE_NAMES = ("该案", "此案", "全案", "本案")  # one of them stands in every match of _CASE_TOTAL_RE
# What is counted for an area over a day, not in one incident: traffic, visitors, travellers.
_FLOW_STATISTIC = re.compile(r"车流量|客流|流量|接待游客|游客|发送旅客|旅客|出入境|通行|进出港|客运量|接处警|报警")
_SEIZURE = re.compile(r"查获|缴获|抓获|截获|起获|查扣")
# A clause that opens with an area's scope word: a statistic, also over one day.
_AREA_CLAUSE = re.compile(r"\s*(?:全国|全省|全市|全区|全县|全州)")
# A sentence that opens on a day of a month (8月6日, 6月20日凌晨).
_DAY_OPENS = re.compile(r"\s*\d{1,2}月\d{1,2}日")
# A clause of the sentence that opens with an area's scope word acting (6月26日,全省统一开展……).
_AREA_ACTS = re.compile(r"(?:^|[,，;；]\s*)(?:全国|全省|全市|全区|全县|全州)(?:各地|各级)?(?:公安机关|统一|集中|共|累计|同步)")
# A clause in which an area launches a campaign that day (10月5日,全县开展集中清查行动,出动警力……): what
# the figures after it count is the campaign's total over the area, not one incident's quantity.
_AREA_CAMPAIGN = re.compile(
    r"(?:^|[,，;；]\s*)(?:全国|全省|全市|全区|全县|全州)[^,，。;；]{0,8}?(?:开展|部署|组织)[^,，。;；]{0,12}?"
    r"(?:行动|整治|清查|排查|会战|攻坚)"
)
# The totals of a campaign or an operation (此次行动共破获, 集中统一行动,共破获): a statistic, not an
# incident, also when the operation took one day.
# Not 检查站 (a checkpoint), nor where 时 follows (开展例行检查时,……共计12.6千克), nor after 进行 (对一辆货车进行检查,
# ……共计21.3公斤): one incident.
# (not after 进行: read by _Words, not by a look-behind, which would make the search try every character)
_CAMPAIGN_RE = re.compile(r"(?:行动|整治|专项|战役|会战|攻坚|清查|清理|严打|扫黑|斗争|排查|检查)(?![时站])")
_CAMPAIGN_NOT_AFTER = "进行"
# A sentence that opens on one case (在一起……案中, 如在……一案中).
_IN_ONE_CASE = re.compile(r"\s*(?:如|例如|比如|其中[,，]?)?在[^,，。;；]{0,4}一[起宗个][^,，。;；]{1,30}?案(?:件)?中")
# A ； that turns from a case to the statistics of the period (;据统计,今年以来,该局已破获……).
_STATISTICS_AFTER_SEMI = re.compile(r"[;；]\s*(?=据统计|另据统计|据了解|今年以来|年初以来|此外|另外)")
# One traveller, vehicle or case named in the paragraph (or the sentence before, on a page that sets every
# sentence apart): what is counted after it is one incident's.
_ONE_INSTANCE = re.compile(r"一(?:名|辆|宗|艘|架|位)(?![次批])")
_TOTAL_WORDS = re.compile(r"共计|累计|总计|合计|共|先后")
# Right after a cut-off date: a count of flows follows (截至8月31日,共破获……).
_FLOW_AFTER_UNTIL = re.compile(r"[,，]?\s*(?:全省|全市|全县|全区)?(?:共|累计|共计)")
# A paragraph (or a sentence after 此外) that opens on the area's totals (全省累计, 全市共): after an incident told before it, the
# release's window is back.
_AREA_TOTAL_HEAD = r"\s*(?:(?P<aside>据介绍|据统计|据了解|另悉|此外|另外|同时)[,，]\s*)?(?:全国|全省|全市|全区|全县|全州)"
_AREA_TOTAL_TAIL = r"(?:还|也)?(?:累计|共计|共|总计|先后|还)"
_AREA_TOTAL_RE = re.compile(
    _AREA_TOTAL_HEAD + r"(?:公安机关|各地|各级|海关|法院|检察机关|[\u4e00-\u9fff]{1,4}?部门)?" + _AREA_TOTAL_TAIL
)
# The same without its last alternative, for a text without 部门: that alternative cannot match there, and its
# lazy run of one to four characters is tried at every sentence that opens on the area (全省共……) otherwise.
_AREA_TOTAL_NO_DEPARTMENT_RE = re.compile(_AREA_TOTAL_HEAD + r"(?:公安机关|各地|各级|海关|法院|检察机关)?" + _AREA_TOTAL_TAIL)
_TURN_WORDS = ("此外", "另外", "同时", "另悉")  # opening a sentence that turns from an incident back to the totals
_AREA_TOTAL_WORDS = ("全国", "全省", "全市", "全区", "全县", "全州")  # one of them stands in every match of it
_DURING_RE = re.compile(
    r"\s*(?:据[^,，。;；]{1,16}?(?:通报|统计|介绍|显示)[,，]?\s*)?"  # 据郴州市公安局通报，攻势期间……
    r"(?:(?:此|假期|节日|节假日|整治|行动|活动|会战|专项行动|集中整治|专项整治|攻势|春运|汛期)?期间|同期)"
)
# A sentence that opens a breakdown of the totals (分市看, 分行业看, 从贸易方式看): after an incident's day told
# before it, the release's window is back
_BREAKDOWN_RE = re.compile(r"\s*(?:分[\u4e00-\u9fff]{1,5}?看|从[\u4e00-\u9fff]{1,8}?(?:来)?看)(?=[,，:：])")
# After a day: something began that day (9月20日启动, 3月1日起开展).
_BEGAN_RULE = "a day something began"
# Inside a since-phrase (2018年1月专项斗争开展以来): the words of a launch.
_LAUNCH_WORDS = re.compile(r"开展|启动|部署|实施|发起|打响")
_START_AFTER = re.compile(r"[^,，。;；]{0,6}?(?:启动|开始|开展|启用|实施|部署|开通|上线|开赛|开幕|开园|开业|投运|投用)")
# The rule of the running total a named campaign gives its parts (read again by _parts_after_totals).
_NAMED_CAMPAIGN_RULE = "其中 a named campaign with no stated start: a running total as of publication"
# 其中,“夏安”行动破获……: a part of the totals by a named campaign whose start is not stated
_NAMED_CAMPAIGN_RE = re.compile(
    r"\s*其中[,，:：]?\s*[“\"][^”\"\n]{1,12}[”\"](?:专项行动|专项整治|专项斗争|行动|战役|会战|攻坚战)(?:中|期间)?(?=[,，]?[^,，。;；\n]{0,6}?(?:共|累计)?(?:破获|侦破|破|抓获|缴获|查获|查处|打掉|捣毁|摧毁|办理|立案))"
)
# A sentence that launches a campaign (今年4月，全省公安机关部署开展“清源”专项行动。): its month or day is the
# start of what the release counts after it
_LAUNCH_RE = re.compile(
    r"(?:部署开展|组织开展|启动|部署|开展|发起|打响)[^。;；!?\n]{0,30}?"
    r"(?:专项行动|专项整治|专项斗争|集中行动|统一行动|行动|战役|会战|攻坚战)"
)
_LAUNCH_RULE = "the month or day a campaign was launched: the start of what is counted after it"
# A paragraph that tells one case (an investigation, an arrest): the months and days in it are the story's
_CASE_STORY_RE = re.compile(_CASE_RE.pattern + "|" + _CASE_NARRATIVE.pattern + r"|缜密侦查|落网|收网|线索")
# A sentence that only looks back at the figures before it (以上是……, 这是……, 上述数据为……)
_LOOKS_BACK_RE = re.compile(r"\s*(?:以上|上述|这是|这些|这组|(?:该|此次|这次|本次)(?:专项)?(?:行动|活动|整治))")
# A since phrase that counts from a campaign's launch (去年3月启动“项目建设年”专项行动以来): news running to the
# day of the release, not a part of the year a January-to-April release reports on.
_CAMPAIGN_SINCE = re.compile(P.CAMPAIGN_NOUNS + "以来$")
# A clause about the campaign the release reports on (行动中冻结的涉案资金已返还……)
_CAMPAIGN_CLAUSE = re.compile(r"行动中|该行动|此次行动|本次行动|专项行动|行动以来|行动期间")
_SCENE_RE = re.compile(r"\s*(?:会上|会议上|发布会上|活动现场|仪式现场|会议现场|发布会现场|仪式上)")
_MEETING_VERB_RE = re.compile(r"召开|举行|举办")  # the verb every match of _MEETING_RE opens with
_MEETING_RE = re.compile(r"(?:召开|举行|举办)[^,。;\n]{0,24}?(?:会|活动|仪式)")
# Nouns of a stock (现有吸毒人员, 在册, 保有量): a cut-off date makes them a stock as of then.
# Verbs that count what was done (a flow), for a running total whose start is stated before it.
# Also 共 or 累计 right before any verb (共发布, 累计转移): a count of what was done, whatever the trade; not
# 共有 (a stock), 共同, 共建, 共享.
_FLOW_VERBS = re.compile(
    r"破获|侦破|抓获|缴获|查获|查处|办理|立案|接警|出动|发生|新增|查办|打掉|捣毁|查扣|冻结|返还|挽回|拦截|劝阻|检查|排查|整改|处罚|受理|审结|执结"
    r"|(?:(?<![总合])共|累计)(?![有同建享计])[\u4e00-\u9fff]"
)
# After 目前: a count of acts done so far (目前已完成整改, 目前全县共查处), not a stock on hand.
_SO_FAR_OPEN = re.compile(r"[,，]?\s*(?:全[省市县区州旗])?(?:已经|已累计|已|共计|共|累计)")
_STOCK_NOUNS = re.compile(r"现有|实有|已有|(?<!新)设立|在册|保有量|余额|结余|存栏|常住人口|户籍人口|总人口|共有|拥有|现存|建成|已建|累计建成|覆盖|库存|在库")
_HOLIDAY_GAP = re.compile(r"[“”\"]?[^,，。;；\n]{0,6}?[(（]")
_LOCAL_BIND = ("的", "(", "的(")
# 由2018年的412人、7.2%降至……: the later items of a list of numbers after 的 share the first one's phrase
_LIST_AFTER_DE = re.compile(r"的(?:\d[\d.]*(?:多|余)?[^\d、,，。;；:：]{0,4}、){1,5}$")
_SAME_PERIOD_STATED = re.compile(
    r"(?:[,，]\s*)?(?:共|累计|全市|全省|全县|全区|该[局院关队所])?(?:共|累计)?(?:发生|破获|侦破|查获|抓获|缴获|接报|立案|受理|新收|查处)"
    r"|为(?:逆差|顺差)?(?=\d)"  # 一季度……5.26亿元,去年同期为4.43亿元 (为逆差97.5亿元): last year's figure
    r"|(?:仅|只有|仅为|仅有|只)(?=\d)"  # ……办理案件6件,而去年同期仅1件
)
_LIST_JOIN = ("、", "和", "及", "与", "或", "以及")
_BREADCRUMB = re.compile(r"首页\s*[>＞]|当前位置|您的位置")


@stored_by_slot  # built for every mark and phrase: see extractors.model
@dataclass(frozen=True, slots=True)
class _TimeValue:
    period: Period
    mark: str  # the mark's name (since_day, until, ...)


@dataclass(slots=True)
class _MarkAt:
    """Where a period mark stands and what is in force there: looked up once per mark and read by every rule
    of _Times._add (each rule had asked the document again for the mark's sentence or paragraph, a binary
    search each, and the phrases in force for the period state)."""

    sent: Sentence
    para: Paragraph
    heading: bool
    here: list[Phrase[_TimeValue]]  # the phrases in force at the mark, before it opens (innermost first)
    state: Period | None  # the period the mark is read against: _state_of(here)


# ---------------------------------------------------------------- periods


def _report_sentence_day(doc: Document, pos: int, fig_starts: list[int]) -> bool:
    """A day in a sentence about a press conference with no figure after it: the report's date."""
    sent = doc.sentence(pos)
    if doc.s.find("发布会", sent.start, sent.end) < 0:
        return False
    k = bisect_right(fig_starts, pos)
    return not (k < len(fig_starts) and fig_starts[k] < sent.end)


# A forecast in a clause: 预计, 有望, 力争, 将 before what is expected.
# 计划 of a plan to come (计划新建), not of a programme's or a policy's name (计划生育, 计划免疫, 营养改善计划覆盖,
# 为计划怀孕夫妇) nor of the year's target a figure is measured against (完成年度计划的81.4%)
# (every alternative opens with a character of its own, the look-behinds of 计划 written after its 计 and 还将 as
# an alternative of its own: the engine then looks only where one of those characters stands, not at every
# position of the text; the same matches)
_FORECAST_ACTS = r"(?:达到?|突破|超过|稳定在|实现|保持|增长|提高|新建|新增|完成|建成|改造)"
_FORECAST = re.compile(
    r"预计|有望|力争|预期|计(?<!年度计)(?<!改善计)划(?!生育|怀孕|免疫|单列|的)|还将" + _FORECAST_ACTS + "|将" + _FORECAST_ACTS
)
# What is allotted or set for a year (a budget, a subsidy's standard), not done by the day of the release.
_ALLOTTED = re.compile(r"安排(?:[\u4e00-\u9fff]{0,12}?)(?:资金|经费|补助|补贴|预算)|下达(?:[\u4e00-\u9fff]{0,12}?)(?:资金|经费|计划|任务)|标准(?:提高|提升|调整)")
# A paragraph's opening up to the dates of the holiday it names (春节黄金周期间(1月22日至28日)).
_HOLIDAY_OPENING = re.compile(r"\s*[“\"]?(?:春节|元旦|清明|端午|中秋|五一|国庆|十一|春运)[^,，。;；\n(（]{0,8}[(（]\s*")
# Right after a month: the month alone (9月当月, 9月单月, 9月份当月).
_MONTH_ALONE_AFTER = re.compile(r"份?(?:当月|单月)")
# Right after a day: the flood season began on it (于3月28日入汛, 4月1日正式进入汛期).
_FLOOD_BEGINS = re.compile(r"\s*(?:[\u4e00-\u9fff]{1,3}?)?(?:正式)?(?:入汛|进入(?:主)?汛期)")
# Right after a day: what begins or ends on it (自1月26日开始, 已于3月5日结束).
_BEGINS_AFTER = re.compile(r"\s*(?:开始|起|启动|拉开帷幕)")
_ENDS_AFTER = re.compile(r"\s*(?:结束|落下帷幕|收官)")


def _holiday_dates(doc: Document, marks: list[Mark]) -> dict[str, Period]:
    """Holidays whose dates the release states: 春节假期(2月10日至17日), 春运自1月26日开始，已于3月5日结束."""
    out: dict[str, Period] = {}
    for i, (mk, nxt) in enumerate(zip(marks, marks[1:], strict=False)):
        if mk.name not in ("holiday", "holiday_other"):
            continue
        ctx = Context(doc.published, None)
        sent_end = doc.sentence(mk.start).end
        ends = [x for x in marks[i + 2 : i + 5] if x.name == "day" and x.end <= sent_end and _ENDS_AFTER.match(doc.s, x.end)]
        if nxt.name == "day_range" and _HOLIDAY_GAP.fullmatch(doc.s, mk.end, nxt.start):
            per = resolve(nxt, ctx)
        elif nxt.name == "day" and nxt.start - mk.end <= 2 and _BEGINS_AFTER.match(doc.s, nxt.end) and ends:
            # 2024年春运自1月26日开始，已于3月5日结束: the day it began and the day it ended
            first, last = resolve(nxt, ctx), resolve(ends[0], ctx)
            per = None
            if first is not None and last is not None and first.start is not None and last.end is not None:
                per = Period("span", first.start, last.end) if first.start <= last.end else None
        else:
            continue
        if per is not None and per.start is not None and per.end is not None:
            out.setdefault(holiday_family(mk.text), per)
    return out


def _meeting_day(doc: Document, marks: list[Mark]) -> Period | None:
    """The day of the meeting or event a release reports on (6月24日上午,……召开新闻发布会). ``marks``: the period
    marks of the whole text, in order (a sentence's own are those inside it: it is not searched again)."""
    s = doc.s
    # where a meeting's verb stands: _MEETING_RE is tried only at a sentence that holds one (it opens with one)
    verbs = [m.start() for m in _MEETING_VERB_RE.finditer(s)]
    if not verbs:
        return None  # no sentence can tell a meeting: none is searched
    starts = [mk.start for mk in marks]
    for sent in doc.sentences:
        k = bisect_right(verbs, sent.start - 1)
        if k == len(verbs) or verbs[k] >= sent.end or not _MEETING_RE.search(s, sent.start, sent.end):
            continue
        for i in range(bisect_right(starts, sent.start - 1), len(marks)):
            mk = marks[i]
            if mk.end > sent.end:
                break
            if mk.name in ("day", "today"):
                per = resolve(mk, Context(doc.published, None))
                if per is not None and per.kind == "day":
                    return per
    return None


# A clause that only tells the change of the item before it (，比上年末增加58家; ，增长5.8%)
_CHANGE_CLAUSE = re.compile(r"\s*(?:比|较|同比|环比|与|增长|下降|增加|减少|上升|提高|回落)")


def _first_flow_clause(s: str, i: int, end: int) -> int:
    """The start of the first clause after ``i`` (before ``end``) that states a flow (not the change of the
    stock before it: 年末……1021家，比上年末增加58家)."""
    for m in re.finditer(r"[,;:。!?，；：！？\n]", s[i:end]):
        a = i + m.end()
        b = re.search(r"[,;:。!?，；：！？\n]", s[a:end])
        clause = s[a : a + b.start() if b else end]
        if m.group(0) in ",，" and _CHANGE_CLAUSE.match(clause):
            continue
        if _states_a_flow(clause):
            return a
    return end


def _word_gong(clause: str, i: int) -> bool:
    """Whether the 共 at ``i`` belongs to a word (公共卫生机构, 共同, 共享, 中共, 共青团), not the total's 共."""
    before, after = clause[i - 1 : i] if i > 0 else "", clause[i + 1 : i + 2]
    return bool(before) and before in "公中" or bool(after) and after in "同享建青产识治"


def _states_a_flow(clause: str) -> bool:
    """Whether a clause states a flow: a flow word other than the 共 of 共有 (年末，全市共有消防站42个 is the
    stock the 年末 before it dates) or of a word (年末……专业公共卫生机构611个 is a stock too)."""
    return any(
        not clause.startswith("共有", m.start()) and not (m.group(0) == "共" and _word_gong(clause, m.start()))
        for m in subjects.FLOW_RE.finditer(clause)
    )


class _Times:
    """The period phrases of a document in scopes, built in text order."""

    def __init__(self, doc: Document, fig_starts: list[int]) -> None:
        self.doc = doc
        self._fig_starts = fig_starts
        self.scopes: Scopes[_TimeValue] = Scopes(doc, captions=True)
        self.case_days: list[tuple[int, date]] = []  # days of incidents outside headings
        self.case_resets: list[int] = []  # where a span is stated: the days before belong to another story
        self.arrest_days: list[tuple[int, date]] = []
        # the cut-offs of flows and the starts of running totals, each with where it is first stated
        self.until_ends: dict[date, int] = {}
        self.since_starts: dict[date, int] = {}
        self.main_span: Period | None = None  # the last span stated at document level
        self.first_span: Period | None = None  # the first span stated at document level (what the lead reports on)
        # the year before a release of January to April reports on, stated first at document level (去年,该院共
        # 受理…… in a work report): 全年 later is that year, and a span since a day inside it runs to its end
        self.report_year: Period | None = None
        self.launches: list[date] = []  # the starts of campaigns whose launch the release tells
        self.year_ranges: list[Period] = []  # ranges of whole years stated in the body (2019年至2023年)
        self._so_far_ends: list[int] = []  # where a 目前 read as "so far in the span in force" ends
        self.campaign_spans: list[Period] = []  # campaigns' spans told as a start and a cut-off
        self.flood_start: date | None = None  # the day the flood season began, as the release states it (于3月28日入汛)
        self.title_periods: set[tuple[date | None, date | None]] = set()  # the spans its title names
        self._multi_sentence: bool | None = None
        self.by_end: dict[int, Phrase[_TimeValue]] = {}
        self._weak_at: list[int] = []
        self._rate_at: list[int] = []
        self._span_at: list[int] = []
        self._spans: list[Phrase[_TimeValue]] = []
        self._until_at: list[int] = []
        self._untils: list[Phrase[_TimeValue]] = []
        self._weak: list[Phrase[_TimeValue]] = []
        self._forecasts: list[int] | None = None  # where _FORECAST matches: searched on the first question
        s = doc.s
        # whether a case's story may be told at all: every match of _CASE_NARRATIVE holds one of these words
        self._narrative = any(w in s for w in _NARRATIVE_WORDS)
        self._listed = "分别" in s  # whether periods may be listed for 分别 (_PERIOD_LISTED_AFTER needs it)
        found = find_marks(s)
        marks = [mk for mk in found if not doc.is_furniture(mk.start)]
        holidays = _holiday_dates(doc, marks)
        day_only = [
            Mark(a, b, "dayonly", s[a:b]) for a, b, _ in find_day_only(s)
            if (s[a - 1] if a > 0 else "\n") in ",)\n 。，" and not doc.is_furniture(a)
        ]
        meeting = _meeting_day(doc, found)
        extra: list[tuple[int, str, Period | None, str]] = []  # (position, text, period, rule) of sentence frames
        # a frame's pattern is tried at each sentence only where the text holds a word every match holds
        named, during, breakdown = "其中" in s, "期间" in s or "同期" in s, "看" in s
        area_total = any(w in s for w in _AREA_TOTAL_WORDS)  # (全 alone stands in most releases: 安全, 全面)
        area_total_re = _AREA_TOTAL_RE if "部门" in s else _AREA_TOTAL_NO_DEPARTMENT_RE
        paras = doc.paragraphs
        for sent in doc.sentences:
            if (pa := paras[sent.para]).heading and not pa.furniture:
                continue  # a heading's sentence (doc.is_heading, read off the paragraph the sentence knows)
            # each frame's pattern is tried only where the sentence opens, after its spaces (each pattern skips them
            # first), with a character the pattern can open with ("" after more spaces: every pattern is tried)
            c = s[sent.start : sent.start + 8].lstrip()[:1]
            if c not in _FRAME_FIRST:
                continue
            if meeting is not None and c in "会发活仪" and (m := _SCENE_RE.match(s, sent.start)):
                extra.append((sent.start, m.group(0).strip(), meeting, "会上/现场: the meeting's day"))
            elif named and c in "其" and (m := _NAMED_CAMPAIGN_RE.match(s, sent.start)) and doc.published is not None:
                extra.append((sent.start, m.group(0).strip(), Period("stock", None, doc.published),
                              _NAMED_CAMPAIGN_RULE))
            elif during and c in _DURING_FIRST and (m := _DURING_RE.match(s, sent.start)):
                extra.append((sent.start, m.group(0).strip(), None, "期间 after an incident: the release's window"))
            elif breakdown and c in "分从" and (m := _BREAKDOWN_RE.match(s, sent.start)):
                extra.append((sent.start, m.group(0).strip(), None, "a breakdown (分市看) after an incident: the release's window"))
            elif (
                area_total and c in "据另此同全" and (m := area_total_re.match(s, sent.start))
                and (doc.paragraphs[sent.para].start >= sent.start - 1 or m.group("aside"))
            ):
                # (also a sentence inside the paragraph that turns to the totals: 9月26日,……查获……。此外,全区海关共截获……)
                extra.append((sent.start, m.group(0).strip(), None, "a paragraph on the area's totals after an incident"))
        self._extra = sorted(extra)
        title = doc.title
        implied = doc.text_year if doc.published is None else None  # with no publication date: the text's year
        compare_end = -1  # the end of the comparison base just read, while a list of bases may go on
        if doc.published is not None and "汛" in s:
            # the day the release says the flood season began (于3月28日入汛, 自4月1日我省正式入汛以来), read
            # before the marks so that 入汛以来 in the title above it is dated too
            for mk in marks:
                if mk.name in ("day", "since_day", "since_day_from") and (
                    "入汛" in mk.text or mk.name == "day" and _FLOOD_BEGINS.match(s, mk.end)
                ):
                    start = resolve(mk, Context(doc.published, None))
                    if start is not None and start.start is not None and start.start <= doc.published:
                        self.flood_start = start.start
                        break
        # (the marks come in text order and do not overlap: sorted only when days of the month join them)
        for mk in sorted(marks + day_only, key=lambda m: m.start) if day_only else marks:
            self._frames_before(mk.start)
            # where the mark stands, looked up once for the rules below and _add's (doc.is_heading, written out)
            para = doc.paragraph(mk.start)
            heading = para.heading and not para.furniture
            role = P.classify(s, mk, heading=heading)
            if role is not None and compare_end >= 0 and s[compare_end : mk.start] in _LIST_JOIN:
                # 比2015年、2016年、2017年分别下降: every year listed after 比 is a comparison base
                role = P.Role(P.COMPARE, "clause", "listed after a comparison base")
            if role is not None and role.rule == "上年同期" and _SAME_PERIOD_STATED.match(s, mk.end):
                # 全市去年同期发生事故6起: last year's figure stated as such, for its clause
                # 全市去年同期发生事故15起,死亡5人: the clauses after it tell the same year, to the sentence's end
                role = P.Role(P.WHEN, "sentence", "去年同期 then what happened: last year's figures")
            compare_end = mk.end if role is not None and role.role == P.COMPARE else -1
            if role is None or role.role in (P.REPORT,):
                continue
            if mk.name in ("day", "today", "dayonly") and _report_sentence_day(doc, mk.start, fig_starts):
                continue
            here = self.scopes.in_force(mk.start, heading=heading)  # read again by _add: nothing opens before it
            if mk.name == "vague" and not heading and self._span_opens_sentence(mk.start, here):
                # 2012年青海省普通高校招生录取工作日前结束,全省共录取……: 日前 dates the end of the work; the
                # year stated before it in the sentence is what its figures cover
                continue
            state = _state_of(here)  # (so is the state read from them)
            ctx = Context(doc.published, state, implied)
            if mk.name == "dayonly":
                per = day_of_month(mk.text[:-1], ctx)
            elif mk.name == "campaign_since" and self.launches and doc.published is not None:
                # 今年4月，……部署开展……专项行动。……专项行动开展以来: since the launch the release told
                per = Period("span", self.launches[-1], doc.published)
            elif (
                mk.name == "years_since" and self.year_ranges and not mk.text.startswith(("近", "最近", "过去"))
                and (ranged := next((r for r in reversed(self.year_ranges) if r.start is not None and r.end is not None
                                     and r.end.year - r.start.year + 1 == P.years_counted(mk)), None)) is not None
            ):
                # 2019年至2023年,……。五年间,……: the N years the release stated before (五年来 runs to now: not past
                # the publication of a review of a plan period still running, 十四五 told in December 2025)
                per = ranged
                if mk.text.endswith("来") and doc.published is not None and ranged.end is not None and ranged.end > doc.published:
                    per = Period("span", ranged.start, doc.published)
            elif mk.name == "campaign_during":
                # 自4月20日起,……开展……行动。截至10月20日,……。\n……。行动期间,……: the campaign's span told before
                per = self.campaign_spans[-1] if self.campaign_spans else None
            elif mk.name == "season_since" and "汛" in mk.text and self.flood_start is not None and doc.published is not None:
                # 今年我省于3月28日入汛，汛期以来: since the day the release says the flood season began
                per = Period("span", self.flood_start, doc.published)
            elif mk.text == "全年" and self.report_year is not None:
                per = self.report_year  # 去年,该院……。(other spans)……该院全年审结……: the year reported on
            else:
                per = resolve(mk, ctx)
                ry = self.report_year
                if (
                    ry is not None and per is not None and per.kind == "span" and per.start is not None
                    and per.end == doc.published and ry.start is not None and ry.end is not None
                    and ry.start < per.start <= ry.end and mk.name.startswith("since")
                    and not _CAMPAIGN_SINCE.search(mk.text)
                ):
                    # 自去年5月1日立案登记制实施以来 in a report on last year: up to the end of that year
                    per = Period("span", per.start, ry.end)
                if (
                    mk.name in _SINCE_UNDATED_YEAR and per is not None and per.start is not None and doc.published is not None
                    and per.start.year < doc.published.year and "年" not in mk.text
                    and (this_year := _same_day_in(per.start, doc.published.year)) is not None and this_year <= doc.published
                ):
                    # 去年,全市共破获……。“严打”专项行动自6月1日开展以来,……: a start with no year, counted up to the day
                    # of publication, is this year's (not the year of the sentence before), and runs to that day
                    # (not to the end of the year a report on last year speaks of)
                    per = Period("span", this_year, per.end if per.end is not None and per.end >= this_year else doc.published)
                if mk.name == "quarter" and per is not None:
                    per = _quarter_read(s, mk, doc.sentence(mk.start), per)
                if mk.name in ("holiday", "holiday_other"):
                    per = _holiday_period(mk, holidays, per)
            if per is None:
                continue
            at = _MarkAt(doc.sentence(mk.start), para, heading, here, state)
            self._add(mk, per, role, at, title is not None and para.index == title.index)
        self._frames_before(len(s) + 1)

    def _span_opens_sentence(self, pos: int, here: list[Phrase[_TimeValue]]) -> bool:
        """Whether a closed span (2012年, 1至5月, not 今年以来 up to the release's day) is stated earlier in the
        sentence of ``pos`` and no case is told in that sentence (近日……破获一起……案 keeps its own vague day)."""
        sent = self.doc.sentence(pos)
        return any(
            ph.role == P.WHEN and ph.start >= sent.start and ph.value.period.kind == "span"
            and ph.value.period.start is not None and ph.value.period.end is not None
            and ph.value.period.end != self.doc.published
            for ph in here
        ) and not _CASE_RE.search(self.doc.s, sent.start, sent.end)

    def span_after(self, pos: int, end: int) -> Phrase[_TimeValue] | None:
        """The span stated in the body between ``pos`` and ``end`` with no figure after it before
        ``end``: a span told after the figures it governs (……386起,……这是记者从……1至5月……获悉的),
        not the period of a later clause's own figure."""
        k = bisect_right(self._span_at, pos)
        while k < len(self._span_at) and self._span_at[k] < end:
            ph = self._spans[k]
            f = bisect_right(self._fig_starts, ph.end - 1)
            if ph.value.period.start is not None and not (f < len(self._fig_starts) and self._fig_starts[f] < end):
                return ph
            k += 1
        return None

    def told_after(self, pos: int) -> Phrase[_TimeValue] | None:
        """The span stated after the figure at ``pos``: later in its sentence, or in the next sentence of its
        paragraph when that one only looks back at them (……1020名。以上是今年1至8月……的主要数据)."""
        doc = self.doc
        sent = doc.sentence(pos)
        later = self.span_after(pos, sent.end)
        if later is not None:
            return later
        nxt = doc.sentence(sent.end + 1)
        if nxt.index != sent.index + 1 or nxt.para != sent.para or not _LOOKS_BACK_RE.match(doc.s, nxt.start):
            return None
        k = bisect_right(self._fig_starts, nxt.start - 1)
        if k < len(self._fig_starts) and self._fig_starts[k] < nxt.end:
            return None
        a, b = bisect_right(self._span_at, nxt.start - 1), bisect_right(self._span_at, nxt.end)
        # the last span of that sentence: 该行动自6月1日开展，至8月31日结束 is one span, from the start to the end
        told = [ph for ph in self._spans[a:b] if ph.value.period.start is not None]
        return told[-1] if told else None

    def until_before(self, pos: int, sent_start: int) -> Phrase[_TimeValue] | None:
        """The cut-off (截至8月底) stated last before ``pos`` in its sentence, also when a span opened
        after it has closed it (截至8月底,……今年已累计……)."""
        k = bisect_right(self._until_at, pos - 1)
        return self._untils[k - 1] if k > 0 and self._until_at[k - 1] >= sent_start else None

    def rate_before(self, pos: int, clause_start: int) -> bool:
        """Whether a rate word (年均, 每年, 平均每天) stands in the clause before ``pos``."""
        k = bisect_right(self._rate_at, pos - 1)
        return k > 0 and self._rate_at[k - 1] >= clause_start

    def weak_after(self, pos: int) -> Phrase[_TimeValue] | None:
        """An 已 (已经) within sixteen characters after ``pos``, in the same clause."""
        k = bisect_right(self._weak_at, pos)
        if k >= len(self._weak_at):
            return None
        ph = self._weak[k]
        if ph.start - pos > 16 or _CLAUSE_BREAK.search(self.doc.s, pos, ph.start):
            return None
        return ph

    def _looks_back(self, per: Period) -> bool:
        """Whether ``per`` looks back from the period the release stated before it (within the publication
        year): a whole past year (2023年，……), or a span from a past year (2019年以来，……累计……)."""
        main, pub = self.main_span, self.doc.published
        if pub is None or main is None or main.kind != "span" or main.start is None or main.end is None:
            return False
        if main.start.year != pub.year or main.end.year != pub.year or per.start is None or per.end is None:
            return False
        whole_past_year = (per.start.month, per.start.day, per.end.month, per.end.day) == (1, 1, 12, 31) and (
            per.end.year < pub.year and main.end <= pub
        )
        return whole_past_year or (per.start.year < pub.year and per.end == pub)

    def _years_around_main(self, per: Period) -> bool:
        """Whether ``per`` runs over several years and ends with the whole-year span the release stated before it
        (2018年至2020年 in a release on 2020)."""
        main = self.main_span
        if main is None or main.kind != "span" or main.start is None or main.end is None:
            return False
        return (
            per.start is not None and per.end is not None and per.start.year < per.end.year
            and per.start < main.start and per.end == main.end
        )

    def _title_names_part_of(self, start: date, end: date | None) -> bool:
        """Whether the title names a span that ends at ``end`` and starts after ``start`` (the month of a release on
        one month, inside the year to date): a loop, not any() over a generator closed on its first hit."""
        for a, b in self.title_periods:
            if a is not None and b == end and a > start:
                return True
        return False

    def _forecast_in_clause(self, pos: int) -> bool:
        """Whether a forecast word (预计, 将达到) stands in the clause of ``pos``. The text is searched once, on
        the first question, and each clause asked by a binary search over the matches: every word of
        _FORECAST is Chinese characters only, so no match holds a clause break, and the matches found in a
        clause by the one search are those a search of that clause alone finds. ``pos`` -1 asks no clause."""
        if pos < 0:
            return False
        at = self._forecasts
        if at is None:
            at = self._forecasts = [m.start() for m in _FORECAST.finditer(self.doc.s)]
        if not at:
            return False  # (most releases forecast nothing: no clause is looked up)
        a, b = self.doc.clause(pos)
        k = bisect_right(at, a - 1)
        return k < len(at) and at[k] < b

    def _clause_after_alone(self, mk: Mark) -> int:
        """Where the clause after ``mk`` starts when ``mk`` stands alone in its clause (今年,全区将力争……), else -1,
        which no clause holds (see _forecast_in_clause)."""
        a, b = self.doc.clause(mk.start)
        if self.doc.s[a : b].strip(" ,，\u3000") != mk.text or b >= len(self.doc.s) or self.doc.s[b] not in ",，":
            return -1
        return b + 1

    def _launch_sentence(self, mk: Mark, sent: Sentence) -> bool:
        """Whether ``mk`` (in ``sent``) dates the launch of a campaign told in its sentence with no figure after it."""
        return _LAUNCH_RE.search(self.doc.s, mk.end, sent.end) is not None and self._no_figure_after(mk, sent)

    def _paragraphs_hold_sentences(self) -> bool:
        """Whether the page's paragraphs are units of their own: one of its prose paragraphs at least holds
        more than one sentence (a page that sets every sentence apart says nothing by a paragraph break)."""
        if self._multi_sentence is None:
            doc = self.doc
            counts: dict[int, int] = {}
            for sent in doc.sentences:
                if doc.s[sent.start : sent.end].strip(" \n。"):
                    counts[sent.para] = counts.get(sent.para, 0) + 1
            prose = [counts.get(p.index, 0) for p in doc.body_paragraphs]
            self._multi_sentence = any(c >= 2 for c in prose)
        return self._multi_sentence

    def _no_figure_after(self, mk: Mark, sent: Sentence) -> bool:
        """Whether no figure follows ``mk`` in its sentence ``sent``."""
        k = bisect_right(self._fig_starts, mk.end)
        return not (k < len(self._fig_starts) and self._fig_starts[k] < sent.end)

    def _inside_main(self, per: Period) -> bool:
        """Whether ``per`` lies inside the span the release stated last at document level (and is shorter)."""
        main = self.main_span
        if main is None or main.kind != "span" or None in (main.start, main.end, per.start, per.end):
            return False
        return main.start <= per.start and per.end <= main.end and (main.start, main.end) != (per.start, per.end)  # type: ignore[operator]

    def _frames_before(self, pos: int) -> None:
        """Phrases a sentence's opening sets without a period mark of its own: 会上 (the meeting's day),
        假期期间 after an incident (the release's window again)."""
        while self._extra and self._extra[0][0] <= pos:
            at, text, per, rule = self._extra.pop(0)
            if per is not None:
                role = P.STOCK if per.kind == "stock" else P.EVENT
                self.scopes.add(Phrase(at, at + len(text), text, _TimeValue(per, "frame"), role, SENTENCE, rule))
                continue
            top = self.scopes.innermost(at, heading=False)
            earlier_para = top is not None and self.doc.para_index(top.start) < self.doc.para_index(at)
            if self.main_span is not None and top is not None and (
                text == "同期" or top.role == P.EVENT and ("期间" in text or earlier_para or text.startswith(_TURN_WORDS))
                # 3月末，全省……存款余额……。\n分设区市看，合肥市地区生产总值……: a breakdown of flows after a paragraph
                # on a stock is the release's window again (not of a stock: 分市看，……存款余额)
                or top.role == P.STOCK and text.endswith("看") and earlier_para
                and _is_flow_clause(self.doc.s, at, self.doc.sentence(at).end)
            ):
                self.scopes.add(
                    Phrase(at, at + len(text), text, _TimeValue(self.main_span, "frame"), P.WHEN, DOCUMENT, rule),
                    heading=False,
                )

    def _so_far(self, mk: Mark, here: list[Phrase[_TimeValue]]) -> bool:
        """Whether 目前 opens a count of acts done (已完成, 共查处) while a span from a stated start up to the
        publication date is in force: the running total of that span so far."""
        doc = self.doc
        a, b = mk.end, doc.clause(mk.end)[1]
        if not _SO_FAR_OPEN.match(doc.s, a, b) or _STOCK_NOUNS.search(doc.s, a, b):
            return False
        if not (_FLOW_VERBS.search(doc.s, a, b) or doc.s.find("完成", a, b) >= 0):
            return False
        return any(
            ph.role == P.WHEN and ph.value.period.kind == "span" and ph.value.period.start is not None
            and doc.published is not None and ph.value.period.end == doc.published
            for ph in here
        )

    def _add(self, mk: Mark, per: Period, role: P.Role, at: _MarkAt, in_title: bool) -> None:
        """Open the phrase of ``mk``. ``at``: where it stands and the phrases in force there before it opens,
        looked up once by the caller (which reads the state from them too); every rule below reads them
        before anything is opened."""
        doc, s = self.doc, self.doc.s
        r, level, rule = role.role, _LEVEL[role.level], role.rule
        until: int | None = None
        sent, para, heading, here = at.sent, at.para, at.heading, at.here
        if not per.year_known:
            # 去年 with no publication date: a year stated earlier in this sentence stands
            if any(ph.start >= sent.start for ph in here if ph.role == P.WHEN):
                return
            per = Period("span", None, None)
        if heading and mk.name == "years_since" and per.start is not None and per.end == doc.published:
            # 三年来 in a headline: a rounded window; a body figure it restates says the window's true start
            per = Period("span", None, per.end)
        if r == P.EVENT and per.kind not in ("day", "vague"):
            r = P.WHEN  # 当日 after a span: the span's day is not known
        if para.cell and level > PARAGRAPH:
            # a table's header cell (1—5月(%)) names its column's period, not the text's after it
            level, rule = PARAGRAPH, "in a table's header cell: its column's period"
        if rule.startswith(("其中 before", "去年同期 then")):
            # 去年同期 also ends where a clause compares (……15起,同比下降20%: this year's change)
            stop = r"[;；]" if rule.startswith("其中") else r"[;；]|[,，]\s*(?=同比|环比|比|较|与)"
            semi = re.search(stop, s[mk.end : sent.end])
            until = mk.end + semi.start() if semi else None
        paren = _paren_close(s, mk.start) if not heading and r in P.GOVERNING else None
        if paren is not None and not s[s.rfind("(", 0, mk.start) + 1 : paren].replace(mk.text, "", 1).strip():
            paren = None  # 上周(9月4日至10日), 春运期间(1月26日至3月5日): the dates of the words before it
        if paren is not None and level > SENTENCE:
            # (含上年旧存), (2021年1-9月共发生8起): a period written inside a parenthesis with more words is
            # an aside of the parenthesis; the period in force outside it holds on after it
            level, rule = SENTENCE, "inside a parenthesis: holds to its close"
        if (
            r == P.WHEN and not heading and level > SENTENCE and per.kind == "span"
            and (self._listed and _PERIOD_LISTED_AFTER.match(s, mk.end) or _listed_after_a_period(s, mk.start))
        ):
            # 其中,5月、6月分别接待游客86.2万人次、102.4万人次: periods listed for 分别 are each their own figure's
            # (see _distribute_period_lists), for their sentence only
            level, rule = SENTENCE, "periods listed, then 分别: their sentence"
        if (
            r == P.WHEN and not heading and per.kind == "span" and per.start is not None
            and mk.name in _SINCE_LAUNCH_MARKS
            and (_LAUNCH_WORDS.search(mk.text) or _LAUNCH_RE.search(s, mk.end, sent.end) is not None)
        ):
            # 2018年1月专项斗争开展以来, 9月1日开学以来,县教育局联合各乡镇开展控辍保学专项行动: the campaign's
            # start, for its 开展以来 later
            self.launches.append(per.start)
        if r == P.EVENT and per.kind == "day" and _START_AFTER.match(s, mk.end) and not heading:
            # 9月20日启动,截至10月18日,……: a day something began is the start of what is counted after
            r, per, level, rule = P.WHEN, Period("span", per.start, doc.published), DOCUMENT, _BEGAN_RULE
            self.launches.append(per.start)  # type: ignore[arg-type]  # (…举办以来 later is since that day)
        if (
            r in (P.WHEN, P.EVENT) and not heading and mk.name in ("month", "month_part", "day", "since_month", "since_day")
            and per.start is not None
            and (doc.published is None or per.start <= doc.published) and self._launch_sentence(mk, sent)
        ):
            # 今年4月，全省公安机关部署开展……专项行动。截至目前，共破获……: the month a campaign was launched,
            # told with no figure of its own, is the start of what is counted after it
            r, per, level = P.WHEN, Period("span", per.start, doc.published), DOCUMENT
            rule = _LAUNCH_RULE
            self.launches.append(per.start)  # type: ignore[arg-type]
            if self._inside_main(Period("span", per.start, per.start)):
                # 上半年，……。今年2月，……部署开展……专项行动。截止目前，……: a campaign launched inside the period the
                # release reports on is that paragraph's story; the release's period holds on after it
                level = PARAGRAPH
        elif r == P.WHEN and not heading and level == DOCUMENT:
            # a period told in the body for the whole release: the rules below may narrow it (each opens with
            # what it asks of the mark; whether it lies inside the release's period is asked once, here)
            inside = self._inside_main(per)
            if (
                mk.name == "since_year" and mk.text.endswith("起") and self.main_span is not None
                and self._no_figure_after(mk, sent)
            ):
                # 二〇一三年至二〇一七年,……。从2014年起,各地……给予资助。: the year a policy took effect, told with no
                # figure of its own, dates the policy; the release's period holds on after it
                level, rule = SENTENCE, "the year a policy took effect (从2014年起), told with no figure: its sentence"
            elif mk.name in ("month", "month_part") and _CASE_STORY_RE.search(s, para.start, para.end):
                # 今年5月初，……在工作中发现……专案组经过……侦查: a month of a case story is the story's; it does not
                # become the release's period for the paragraphs after it
                level, rule = PARAGRAPH, "a month inside a case story: its paragraph only"
            elif (
                mk.name in ("month", "month_part")
                and inside and self._no_figure_after(mk, sent) and (per.start, per.end) not in self.title_periods
            ):
                # 2023年，全市夏粮……。今年5月下旬，我市遭遇持续“烂场雨”天气: a month told inside the release's period,
                # with no figure of its own, dates an episode of the story; it does not replace that period
                level, rule = SENTENCE, "a month inside the release's period, told with no figure: its sentence only"
            elif (
                mk.name == "month" and inside
                and not s[para.start : mk.start].strip() and (per.start, per.end) not in self.title_periods
                and self._paragraphs_hold_sentences()
            ):
                # 前三季度，……。\n9月份，宁波市进出口……。\n从贸易方式看，一般贸易……: one month of the release's period,
                # opening a paragraph of its own, is that paragraph's; the release's period is back after it (not the
                # month its title names: 5月份株洲市居民消费价格…… is a release on the month)
                level, rule = PARAGRAPH, "a month inside the release's period, opening a paragraph: that paragraph"
            elif (
                inside and mk.start - (pa := para.start) <= 24 and (
                    mk.name in ("holiday", "holiday_other") and not s[pa : mk.start].strip()
                    or _HOLIDAY_OPENING.fullmatch(s, pa, mk.start) is not None
                )
            ):
                # 今年一季度,……。\n春节黄金周期间(1月22日至28日),……。\n分县市看,……: a holiday inside the release's
                # period (or the dates written after it), opening a paragraph, is that paragraph's; the release's period
                # is back after it
                level, rule = PARAGRAPH, "a holiday inside the release's period, opening a paragraph: that paragraph"
            elif inside and mk.name in ("holiday", "holiday_other") and sent.start > para.start + 1:
                # 本雪季(2022年11月1日至2023年4月9日)……。春节假期7天,全区接待游客41.6万人次。(next paragraph) 雪季期间,……:
                # a holiday inside the release's period, told inside a paragraph, is its sentence's
                level, rule = SENTENCE, "a holiday inside the release's period, told inside a paragraph: its sentence"
            elif (
                mk.name == "month" and inside
                and self.main_span is not None and per.end == self.main_span.end
                and mk.start - sent.start <= 12
                and (not (lead := s[sent.start : mk.start].strip()) or BREAKDOWN_FRAME.fullmatch(lead.strip(" ,，")))
                and sent.start > para.start + 1
                and (per.start, per.end) not in self.title_periods
            ):
                # 1-8月,……。8月份,全市社会消费品零售总额412.36亿元。\n外贸……: the last month of the release's
                # period, opening a sentence inside a paragraph, is that sentence's; the period is back after it
                level, rule = SENTENCE, "the last month of the release's period, told inside a paragraph: its sentence"
            elif (
                mk.name == "month" and inside
                and _MONTH_ALONE_AFTER.match(s, mk.end) and (per.start, per.end) not in self.title_periods
            ):
                # 今年前三季度，……。9月当月，全省进出口……。\n从贸易方式看，……: the month alone, told after the
                # release's period, is its paragraph's; the paragraphs after it are of the release's period again
                level, rule = PARAGRAPH, "a month alone (当月, 单月) inside the release's period: its paragraph"
            elif (
                per.kind == "span" and per.start is not None and per.end is not None
                and (per.start.month, per.start.day) == (1, 1)
                and self._title_names_part_of(per.start, per.end)
                and not s[para.start : mk.start].strip() and self._paragraphs_hold_sentences()
            ):
                # 湘西州……10月份电信网络诈骗警情通报 / 10月，全州……。\n1至10月，全州累计……。\n二、……: the running total
                # since January of a release on one month is a remark of its paragraph; the month is back after it
                level, rule = PARAGRAPH, "the year to date, opening a paragraph of a release on one month: that paragraph"
            elif (
                per.kind == "span" and per.start is not None and per.end is not None
                and (per.start.month, per.start.day) == (1, 1)
                and self._title_names_part_of(per.start, per.end)
                and sent.start > para.start + 1 and mk.start - sent.start <= 2 and sent.end >= para.end - 1
                and (first := self.first_span) is not None and first.start is not None and first.end is not None
                and first.start.month == first.end.month and (first.start, first.end) in self.title_periods
            ):
                # 8月份全市居民消费价格同比上涨2.9% / 8月份,……。1-8月,全市居民消费价格总水平比去年同期上涨2.4%。\n八大类
                # ……: the year to date told in the last sentence of a paragraph of a release on one month (its title's, and
                # the first its body reports on) is that sentence's
                level, rule = SENTENCE, "the year to date, told inside a paragraph of a release on one month: its sentence"
            elif (
                mk.name == "year" and inside and self.main_span is not None and self.main_span.start is not None
                and self.main_span.end is not None and self.main_span.end.year > self.main_span.start.year
                and self.main_span in self.year_ranges
                and per.start is not None
                and (
                    _two_years_compared(s, sent, per.start.year, self.main_span)
                    or s[para.start : mk.start].strip() and "全年" not in s[mk.end : para.end]
                )
            ):
                # 2019年至2023年,……。2023年审结案件数较2019年下降56.7%。从罪名分布看,……: one year of the range of years
                # the release covers is that sentence's, the range back after it; but a year that opens an account of
                # its own (a paragraph that opens with it; 2016年,……。全年破获……) holds on over its paragraph, unless its
                # sentence compares it with another year of the range
                level, rule = SENTENCE, "a year inside the release's range of years, compared or told mid-paragraph: its sentence"
            elif (
                mk.name in ("since_year", "since_year_start") and mk.text in ("今年以来", "年初以来", "今年年初以来")
                and self.main_span is not None and self.main_span.start is not None
                and per.start is not None and per.start < self.main_span.start and s[para.start : sent.start].strip()
            ):
                # 1月24日……专项行动以来,……。\n……。截至3月4日,……。今年以来,全省共抽检口罩……。\n在网络市场监管方面,……:
                # the year to date told inside a paragraph of a release on a campaign is that paragraph's; the
                # campaign's window is back after it
                level, rule = PARAGRAPH, "今年以来 inside a paragraph of a release on a window of its own: that paragraph"
        if (
            r == P.WHEN and not heading and level > SENTENCE and P.is_stock(per) and per.end is not None
            and self.main_span is not None and per.end == self.main_span.end
            and (s[sent.start : mk.start].strip() or s[para.start : sent.start].strip())
        ):
            # 前三季度,全省生猪出栏……;9月末生猪存栏……。禽肉产量增长8.9%: the stock date at the end of the
            # release's period, told inside a sentence or a paragraph (……。10月末,全县规模以上工业企业达到97户。分行业看,
            # ……完成增加值21.47亿元), is that sentence's; the period is back after it
            level, rule = SENTENCE, "a stock date at the end of the release's period, inside a paragraph: its sentence"
        if (
            r == P.WHEN and not heading and level > SENTENCE and mk.text == "全年" and doc.published is not None
            and per.end is not None and per.end > doc.published and self.main_span is not None
        ):
            # 前三季度,……。全年粮食播种面积稳定在26.8万亩。夏粮总产量……: a year not over when the release is out
            # is a plan or a projection for its sentence; the release's period is back after it
            level, rule = SENTENCE, "全年 of a year not over at publication: its sentence"
        this_year = mk.text in ("今年", "本年") and per.start is not None and per.end == doc.published
        if r == P.WHEN and not heading and per.kind == "span" and (
            # (the clause after the mark is looked up only where the text holds a forecast word at all: the
            # first question has searched for them)
            (plan := self._forecast_in_clause(mk.start) or bool(self._forecasts) and self._forecast_in_clause(self._clause_after_alone(mk)))
            or this_year and _ALLOTTED.search(s, mk.end, sent.end) is not None
        ):
            # 预计今年全县秋粮播种面积将稳定在200万亩左右: a forecast's year is the whole year, and it holds for its
            # sentence only (what the release counts after it is not forecast); so does what is allotted or set for
            # the year (区财政今年安排老年助餐补贴资金620万元,截至8月底已拨付412.6万元: a budget, a standard)
            if this_year and per.start is not None:
                per = Period("span", per.start, date(per.start.year, 12, 31))
            if level > SENTENCE:
                level, rule = SENTENCE, (
                    "a forecast: its sentence only" if plan else "what is allotted for the year: the whole year, its sentence"
                )
        elif (
            r == P.WHEN and not heading and mk.text == "今年" and per.kind == "span" and per.start is not None
            and per.end == doc.published
            and (_HARVEST_TITLE.search(doc.title_text or "") or _CROP_OF_THE_YEAR.search(s, mk.end, sent.end))
            and "累计" not in s[mk.end : doc.clause(mk.end)[1]]
        ):
            # 滑县2013年夏粮再获丰收 / 今年,我县……夏粮生产再获丰收: the year of a crop brought in is the crop's
            # whole year, not the year to the day of the release (a running total of the work, 今年累计完成
            # 机收面积, stays to that day)
            per = Period("span", per.start, date(per.start.year, 12, 31))
        if r == P.WHEN and per.kind in ("stock", "until"):
            r = P.STOCK if per.kind == "stock" else P.UNTIL  # 该行动开展以来 with no stated start
        if r == P.WHEN and per.kind in ("stock", "stock_end"):
            r = P.STOCK  # 5月底, 年末: a stock as of then
        if r == P.WHEN and per.kind in ("null", "weak", "recent"):
            r = {"null": P.NULL, "weak": P.WEAK, "recent": P.RECENT}[per.kind]
        if r == P.STOCK and mk.text == "目前" and not heading and self._so_far(mk, here):
            self._so_far_ends.append(mk.end)
            return  # 自9月10日……以来,……。目前已完成整改41个: what was done so far in the span in force, no stock
        if r == P.WEAK and self._so_far_ends and _SO_FAR_OPEN.fullmatch(s, self._so_far_ends[-1], mk.end):
            return  # the 已 of that 目前已完成
        if r in (P.STOCK,) and not heading:
            open_here = [ph for ph in here if ph.start >= sent.start]
            if any(ph.role in (P.UNTIL, P.STOCK) or ph.value.mark == "since_until" for ph in open_here):
                return  # 截至2021年底，全市现有吸毒人员8736名; 目前……在册: the stock's date is already stated
            if per.kind == "stock_end" and s[max(0, mk.start - 3) : mk.start].endswith(("截至", "截止", "截止到")):
                r, per = P.UNTIL, Period("until", None, per.end)  # 截至去年底: an explicit cut-off
            elif per.kind == "stock_end":
                # 年末全区常住人口729万人,……其中,城镇常住人口491万人: the stock holds over the clauses
                # after it, up to one that states a flow (全市共发生事故2594起)
                # (over the sentences opening with 其中 that go on with it: 年末……养老机构186个。其中,延吉市……41个)
                last = doc.with_details(sent)
                until = _first_flow_clause(s, mk.end, last.end)
                if re.search(r"[;；]\s*$", s[sent.start : mk.start]):
                    # 全年城镇新增就业2.6万人；年末城镇登记失业率1.8%；农村劳动力转移就业1.4万人: 年末 opening
                    # one item of a list is that item's; the items after the next ； are the year's again
                    semi = re.search(r"[;；]", s[mk.end : sent.end])
                    if semi is not None:
                        until = min(until, mk.end + semi.start())
        if r == P.UNTIL and not heading:
            since_here = any(
                ph.role == P.WHEN and ph.value.period.start is not None and ph.start >= sent.start
                for ph in here
            )
            if per.end is not None and mk.name != "until_now" and not since_here and _is_flow_clause(s, mk.end, sent.end):
                self.until_ends.setdefault(per.end, mk.start)  # a cut-off of flows (not of a stock: 截至5月底,全市现有……)
            launch = next((ph for ph in here if ph.rule == _LAUNCH_RULE), None)
            main = launch.value.period if launch is not None else self.main_span
            if (
                mk.name == "until_now" and main is not None and main.kind == "span" and main.start is not None
                and (main.end == doc.published or _CAMPAIGN_CLAUSE.search(s, mk.end, sent.end))
                and (doc.published is None or main.start <= doc.published)
                and not since_here and not s[sent.start : mk.start].strip()
                and _FLOW_VERBS.search(s, mk.end, sent.end) and _is_flow_clause(s, mk.end, sent.end)
            ):
                # 今年以来，……(a case story)……截至目前，全市公安机关共侦破……: a running total from the start the
                # release stated before, held on like that start (全市还查处……); also after a campaign's span that
                # closed before publication when the clause is about the campaign (截至目前，行动中冻结的……)
                per = Period("span", main.start, doc.published)
                ph = Phrase(mk.start, mk.end, mk.text, _TimeValue(per, "since_until"), P.WHEN,
                            launch.level if launch is not None else DOCUMENT,
                            "截至目前 after the release's period: a running total from its start")
                self.scopes.add(ph)
                self.by_end[mk.end] = ph
                return
            start_ph = next(
                (ph for ph in here if ph.role == P.WHEN and (
                    ph.start >= sent.start
                    # 自4月20日起,……开展了……专项整治行动。截至10月20日,共查处……: the campaign launched in the
                    # sentence before, up to the cut-off, in one paragraph
                    or ph.rule in (_LAUNCH_RULE, _BEGAN_RULE) and doc.para_index(ph.start) == para.index
                ) and ph.value.period.start is not None and (per.end is None or ph.value.period.start <= per.end)),
                None,
            )
            if start_ph is not None and per.end is not None and start_ph.value.period.start is not None:
                # 自6月以来,……截至8月底,共破获……: one span, from the start to the cut-off, held on like a
                # period stated (行动期间,…… in the next paragraph); a stock named after the cut-off stays a
                # stock as of then (截至5月底,全省现有吸毒人员)
                per = Period("span", start_ph.value.period.start, per.end)
                if start_ph.rule == _LAUNCH_RULE:
                    self.campaign_spans.append(per)
                ph = Phrase(mk.start, mk.end, mk.text, _TimeValue(per, "since_until"), P.WHEN, DOCUMENT,
                            f"{start_ph.text} …… {mk.text}: one span")
                self.scopes.add(ph)
                self.by_end[mk.end] = ph
                self.main_span = per
                if paren is None:
                    self._span_at.append(mk.start)  # 该行动自6月1日开展，至8月31日结束: told after its figures
                    self._spans.append(ph)
                return
            if _FLOW_AFTER_UNTIL.match(s, mk.end) and not any(
                ph.role == P.WHEN and ph.value.period.start is not None for ph in here
            ):
                # 行动开展以来,……截至8月31日,共破获……: the cut-off of a count of flows holds on into the
                # next paragraphs (行动中,全省共破获……) until another period is stated
                level, rule = DOCUMENT, "截至 a date, then a count of flows: holds on"
                self.main_span = Period("until_stock", None, per.end)
        if r == P.WHEN and not heading and level == DOCUMENT and per.kind == "span" and _a_year_before(
            per, at.state
        ):
            # 1-9月……18起,去年1-9月份发生22起,比去年减少4起: the same months a year before are a comparison
            # told as a statement; they hold for their clause, the period in force for the rest
            level, rule = CLAUSE, "the period in force, a year before: its clause only"
            if not s[sent.start : mk.start].strip():
                # 2021年，全州破获毒品刑事案件333起。: a year before that opens its sentence is that
                # sentence's period, not a base inside a clause
                level, rule = SENTENCE, "the period in force, a year before, opening its sentence"
        if (
            r == P.WHEN and not heading and level == DOCUMENT and per.kind == "span" and self._looks_back(per)
        ):
            # 今年以来，……。\n2023年，全省共破获……: a past year (or 2019年以来) told after the release's own period
            # is a look back; it holds for its paragraph, and the release's period is back after it (5月份，……
            # is this year's)
            level, rule = PARAGRAPH, "a look back after the release's own period: its paragraph only"
        elif (
            r == P.WHEN and not heading and level == DOCUMENT and per.kind == "span" and self._years_around_main(per)
            and s[para.start : mk.start].strip()
        ):
            # 2020年,全省检察机关……。\n……二是……;2018年至2020年,累计起诉……。三是……起诉2604人: years that end with the
            # release's own, told inside a paragraph, sum up that one clause; the release's year holds on after it
            level, rule = SENTENCE, "years up to the release's own, told inside a paragraph: their sentence"
        if (
            r == P.WHEN and not heading and level == DOCUMENT and per.kind == "span"
            and self._narrative and _CASE_NARRATIVE.search(s, sent.start, mk.start) is not None
        ):
            # 5月12日,某分局查获……。经查,该团伙自今年2月以来……: a span told in a case's story (经查, 该团伙) is the
            # case's history; it holds for the case's paragraph, and the release's period is back after it
            level, rule = PARAGRAPH, "a span inside a case's story: its paragraph"
        if r == P.WHEN and not heading and mk.name in P.YEAR_RANGE_MARKS:
            self.year_ranges.append(per)
        if r == P.WHEN and not heading:
            if per.kind == "span" and mk.name in P.SINCE_MARKS and per.start is not None:
                self.since_starts.setdefault(per.start, mk.start)
            if level == DOCUMENT and per.kind == "span":
                self.main_span = per
                self.first_span = self.first_span or per
                if (
                    self.report_year is None and doc.published is not None and per.start is not None
                    and per.end is not None and per.end.year == doc.published.year - 1 and doc.published.month <= 4
                    and (per.start.month, per.start.day, per.end.month, per.end.day) == (1, 1, 12, 31)
                    and per.start.year == per.end.year
                ):
                    self.report_year = per
                self.case_resets.append(mk.start)
            if per.kind == "day":
                r, level = P.EVENT, PARAGRAPH
        if (
            r == P.EVENT and per.kind == "day" and not heading and level > SENTENCE and sent.start > para.start + 1
            and _IN_ONE_CASE.match(s, sent.start) is not None and any(
                ph.role == P.WHEN and ph.value.period.kind == "span" and ph.value.period.start is not None for ph in here
            )
        ):
            # 全省法院共受理……。在一起涉农民工工资执行案中,……于12月20日……。推进执行信息化建设,全省法院……: a case
            # told in one sentence inside a paragraph about a period; the period is back after it
            level, rule = SENTENCE, "a case told in one sentence inside a paragraph about a period: its sentence"
        elif r == P.EVENT and per.kind == "day" and not heading and (
            s.startswith("单日", mk.end)
            or mk.name == "today" and (
                _PEAK_DAY_BEFORE.search(s, max(sent.start, mk.start - 8), mk.start) or _PEAK_DAY_AFTER.match(s, mk.end)
            )
            or mk.name == "day" and _PEAK_DAY_AFTER.match(s, mk.end)
        ):
            # 长假期间……,10月3日单日入城车辆达2.1万辆次。交警大队……: one day's statistic told inside a period holds
            # for its sentence; the period is back after it
            level, rule = SENTENCE, "a single day's statistic (单日): its sentence"
        elif r == P.EVENT and per.kind == "day" and not heading and level == DOCUMENT and self._paragraphs_hold_sentences() and any(
            ph.role == P.WHEN and ph.level == DOCUMENT and ph.value.period.kind == "span"
            and ph.value.period.start is not None for ph in here
        ):
            # 自6月1日……以来,……。7月22日,县公安局打掉一个团伙,……。\n交通管理方面,……: a case's day told inside a
            # release about a period holds for the case's paragraph; the release's period is back after it
            level, rule = PARAGRAPH, "an incident's day inside a release about a period: its paragraph"
        if r == P.EVENT and per.kind == "vague" and not heading and any(
            ph.role == P.WHEN and doc.para_index(ph.start) == para.index
            for ph in here
        ):
            # 今年以来,……不久前打掉一个团伙,破获案件40余起。……共追回……: an incident told inside a
            # paragraph about a period is over with its sentence
            level, rule = SENTENCE, "an undated incident inside a paragraph about a period"
        if r == P.EVENT and per.kind == "day" and per.start is not None and not heading:
            self.case_days.append((mk.start, per.start))
            if _ARREST_RE.search(s, mk.end, para.end):
                self.arrest_days.append((mk.start, per.start))
        if paren is not None:
            level, until = min(level, SENTENCE), paren if until is None else min(until, paren)
        name = mk.name
        if name == "years_since" and per.start is not None and per == at.state:
            # 2021年至2023年，……近三年共起诉312人，年均增长26.4%: 近三年 restating the span in force is that
            # stated span (a rate over it keeps it)
            name = "years_restated"
        ph = Phrase(mk.start, mk.end, mk.text, _TimeValue(per, name), r, level, rule, until)
        self.scopes.add(ph, heading=heading)
        self.by_end[mk.end] = ph
        if r == P.UNTIL and not heading:
            self._until_at.append(mk.start)
            self._untils.append(ph)
        if r == P.WEAK:
            self._weak_at.append(mk.start)
            self._weak.append(ph)
        if mk.name == "rate":
            self._rate_at.append(mk.start)
        if r == P.WHEN and per.kind == "span" and not heading and paren is None:
            self._span_at.append(mk.start)
            self._spans.append(ph)
        if in_title and r == P.WHEN and per.kind == "span":
            self.title_periods.add((per.start, per.end))
            # the title's period frames the body until the body states its own
            self.scopes.add(
                Phrase(mk.start, mk.end, mk.text, _TimeValue(per, mk.name), P.WHEN, DOCUMENT, "the title's period"),
                heading=False,
            )
        elif heading and para.section and r == P.WHEN and per.kind == "span" and level >= PARAGRAPH:
            # 二、2022年1-9月份全市事故情况: a numbered section heading's period frames the section's text
            # until the text states its own
            self.scopes.add(
                Phrase(mk.start, mk.end, mk.text, _TimeValue(per, mk.name), P.WHEN, DOCUMENT,
                       "a section heading's period"),
                heading=False,
            )
            self.main_span = per


# A clause break (between a figure and the 已 after it).
_CLAUSE_BREAK = re.compile(r"[,;:。!?，；：！？\n]")
# The characters a sentence frame's pattern (_SCENE_RE, _NAMED_CAMPAIGN_RE, _DURING_RE, _BREAKDOWN_RE,
# _AREA_TOTAL_RE) can open with after its leading spaces.
_FRAME_FIRST = "会发活仪其据此假节整行专集攻春汛期同分从另全"
_DURING_FIRST = "据此假节整行活会专集攻春汛期同"  # (期 of 期间 alone)
# One of these stands in every match of _CASE_NARRATIVE (经审理查明 and 经审讯 hold 经审; 该案共 and the like 案共).
_NARRATIVE_WORDS = ("经查", "经审", "供认不讳", "该团伙", "案共")


def _state_of(in_force: list[Phrase[_TimeValue]]) -> Period | None:
    """The period a new phrase is read against, of those in force where it stands: the innermost span or day."""
    for ph in in_force:
        if ph.role in (P.WHEN, P.EVENT) and ph.value.period.kind in ("span", "day"):
            return ph.value.period
    return None


_SUB_QUARTER = re.compile(r"其中[,，]?\s*$")
# Quarters told one by one (分季度看,一季度……,二季度……, 从季度看): each is the quarter alone.
_QUARTERS_BEFORE = re.compile(r"[分从按]季度|(?<![前头])[一二三四1-4]季度")


def _quarter_read(s: str, mk: Mark, sent: Sentence, per: Period) -> Period:
    """A quarter is read cumulatively (三季度: January to September, as statistics bureaus report), but it is
    the quarter alone where it is a part of the total in force (其中，第四季度……: the cumulative reading would
    be the whole year again), one of quarters told one by one (分季度看,一季度……,二季度……), or compared with
    the quarter before it (第三季度,……环比下降12.4%: quarter on quarter)."""
    if per.start is None or per.end is None or per.end.month <= 3:
        return per
    if (
        _SUB_QUARTER.search(s, max(0, mk.start - 4), mk.start) or _QUARTERS_BEFORE.search(s, sent.start, mk.start)
        or s.find("环比", mk.end, sent.end) >= 0  # (the text is read in simplified characters: 環比 is 环比 here)
    ):
        return Period("span", date(per.end.year, per.end.month - 2, 1), per.end)
    return per


def _a_year_before(per: Period, state: Period | None) -> bool:
    """Whether ``per`` is ``state`` one year earlier (去年1-9月 under 1-9月)."""
    if state is None or state.kind != "span" or None in (per.start, per.end, state.start, state.end):
        return False
    if per.start.year != state.start.year - 1:  # type: ignore[union-attr]
        return False  # (then the dates below differ: they are not built)
    try:
        return (per.start, per.end) == (state.start.replace(year=state.start.year - 1), state.end.replace(year=state.end.year - 1))  # type: ignore[union-attr]
    except ValueError:
        return False


def _holiday_period(mark: Mark, holidays: dict[str, Period], per: Period | None) -> Period | None:
    """A holiday named in a release that states its dates: those dates; a bare 假期 in a release
    about one holiday: that holiday."""
    fam = holiday_family(mark.text)
    if fam in holidays:
        return holidays[fam]
    if fam == "" and len(set(holidays.values())) == 1:
        return next(iter(holidays.values()))
    return per


# Marks of a span since a day or month on which something was launched (4月15日……专项治理启动以来,
# 自3月起开展……以来): where a running total cut off later in the paragraph starts.
_SINCE_LAUNCH_MARKS = frozenset({"since_day_open", "since_day_from", "since_month_from", "since_month_open"})
# Spans since a day or a month that run to publication, whose year the text may leave unsaid (自6月1日开展以来).
_SINCE_UNDATED_YEAR = frozenset({"since_day", "since_day_from", "since_day_open", "since_month", "since_month_from"})


def _same_day_in(d: date, year: int) -> date | None:
    try:
        return d.replace(year=year)
    except ValueError:
        return None  # 2月29日


def _is_flow_clause(s: str, a: int, b: int) -> bool:
    return _STOCK_NOUNS.search(s, a, b) is None


# Before the base of a multiple or a share: 案值总额为前年的1.3倍, 相当于去年的85%
_RATIO_BASE_BEFORE = re.compile(r"(?:为|是|相当于|达到|达|恢复至|恢复到)$")


def _base_of_a_ratio(s: str, ph: Phrase[_TimeValue], n: Num) -> bool:
    """Whether the phrase before ``n``'s 的 is the base of a multiple or a share stated of the period in force
    (案值总额为前年的1.3倍), not the period of the number (由前年的3120件: that year's count)."""
    return (
        n.unit is not None and n.unit.family in ("ratio", "percent")
        and _RATIO_BASE_BEFORE.search(s, max(0, ph.start - 3), ph.start) is not None
    )


def _until_in_sentence(governing: list[Phrase[_TimeValue]], sent_start: int) -> Phrase[_TimeValue] | None:
    """The first cut-off (截至8月底) under the top phrase of ``governing`` stated in the sentence from ``sent_start``
    (a loop: no generator made and closed for every figure)."""
    for ph in governing[1:]:
        if ph.role == P.UNTIL and ph.start >= sent_start:
            return ph
    return None


def _period_of(
    doc: Document, times: _Times, n: Num, sent: Sentence, in_force: list[Phrase[_TimeValue]]
) -> tuple[Period | None, Phrase[_TimeValue] | None, str]:
    """The figure's period, the phrase that set it and the rule that composed it. ``sent`` is the figure's
    sentence and ``in_force`` the period phrases in force at it (looked up once by the caller, which
    reads them again); the caller has set ``n.para``, the figure's paragraph."""
    s = doc.s
    # a phrase written right before its number binds that number only: 从2006年的5.24人, 较一季度(-10.8%)
    for gap in (1, 2):
        ph = times.by_end.get(n.start - gap)
        if ph is not None and s[ph.end : n.start] in _LOCAL_BIND and ph.role in (P.SIDE, P.COMPARE, P.WHEN):
            if _base_of_a_ratio(s, ph, n):
                break
            return ph.value.period, ph, "written right before its number"
    lo = max(0, n.start - 60)
    # (the pattern ends on 、 at the end of the stretch, or before its last line break: tried only there)
    listed = _LIST_AFTER_DE.search(s[lo : n.start]) if s.endswith(("、", "、\n"), lo, n.start) else None
    if listed is not None:
        ph = times.by_end.get(lo + listed.start())
        if ph is not None and ph.role in (P.SIDE, P.COMPARE, P.WHEN):
            return ph.value.period, ph, "a list of numbers after the phrase's 的"
    governing = [ph for ph in in_force if ph.role in P.GOVERNING]
    weak_after = times.weak_after(n.end)
    sent0 = sent.start
    if weak_after is not None and (not governing or governing[0].role != P.WEAK) and not any(
        ph.start >= sent0 and ph.role in (P.UNTIL, P.STOCK, P.WHEN) for ph in governing
    ):
        # 我省17个市、130多个县市区都已发现……: the 已 of the clause, written after the number
        governing.insert(0, weak_after)
    if not governing:
        later = times.told_after(n.end)
        if later is not None:
            # ……破获案件386起,缴获毒品1.3吨,这是记者从……1至5月禁毒工作通报会上获悉的: a span
            # stated after the figures it governs, in their sentence
            return later.value.period, later, "a span stated later in the sentence"
        return None, None, "no period stated"
    top = governing[0]
    per = top.value.period
    clause = doc.clause(n.start)
    if top.level == DOCUMENT and top.role in (P.WHEN, P.EVENT) and doc.para_index(top.start) < n.para:
        later = times.told_after(n.end)
        if later is not None:
            # a paragraph that states its own time after its first figures: not the time carried in
            return later.value.period, later, "a span stated later in the sentence, not the one carried in"
    if top.role == P.WEAK:
        # 已 makes the clause a stock unless a period is stated in this sentence or an incident is being
        # told in this paragraph (我省17个市……都已发现; but 8月3日……已被刑事拘留)
        explicit_here = any(ph.start >= sent.start and ph.role in (P.WHEN, P.EVENT, P.UNTIL, P.STOCK) for ph in governing[1:])
        para = doc.para_index(n.start)
        done_of_found = (
            _DONE_AFTER_YI.match(doc.s, top.end) is not None and _FOUND_BEFORE.search(doc.s, sent.start, top.start) is not None
            and any(ph.role == P.WHEN and ph.value.period.kind == "span" for ph in governing[1:])
        )
        if explicit_here or done_of_found or any(ph.role == P.EVENT and doc.para_index(ph.start) == para for ph in governing[1:2]):
            top = next(ph for ph in governing[1:] if ph.role != P.WEAK)
            per = top.value.period
        else:
            return Period("stock", None, doc.published), top, "已: a stock as of publication"
    if top.role in (P.UNTIL, P.STOCK) and top.value.mark in (
        "until", "until_zhi", "until_zhi_after", "until_now", "campaign_since"
    ):
        # a running total from a start stated in the same sentence (今年以来……截至10月底,共破获), or
        # from a start stated just before (今年以来,全省公安机关重拳出击。截至目前,共破获……) when the
        # clause counts what was done (破获, 抓获) and names no stock
        start_ph = next(
            (ph for ph in governing[1:] if ph.role == P.WHEN and ph.value.period.start is not None
             and ph.start >= sent.start and (per.end is None or ph.value.period.start <= per.end)),
            None,
        )
        if start_ph is None:
            # 6月1日,全省部署开展……行动。截至7月15日,各地共查处……: a campaign launched just before the cut-off, in
            # its paragraph, is where the running total starts
            para = doc.para_index(n.start)
            start_ph = next(
                (ph for ph in governing[1:] if (ph.rule == _LAUNCH_RULE or ph.value.mark in _SINCE_LAUNCH_MARKS)
                 and ph.value.period.start is not None
                 and doc.para_index(ph.start) == para and (per.end is None or ph.value.period.start <= per.end)),
                None,
            )
        if start_ph is None and top.value.mark == "until_now":
            para = doc.para_index(n.start)
            start_ph = next(
                (ph for ph in governing[1:] if ph.role == P.WHEN and ph.value.period.start is not None
                 and ph.value.period.end == doc.published and para - doc.para_index(ph.start) <= 1
                 and _FLOW_VERBS.search(s, clause[0], n.start) and _is_flow_clause(s, clause[0], n.start)),
                None,
            )
        if start_ph is not None and _is_flow_clause(s, clause[0], n.start):
            return Period("span", start_ph.value.period.start, per.end), top, f"a running total from {start_ph.text}"
        return Period("stock", None, per.end), top, "a stock as of the cut-off"
    if times.rate_before(n.start, clause[0]) and (per.start is None or top.value.mark in ("years_since", "recent_years")):
        # 十年来,……年均增幅达15.6%; 近三年平均每年新增……: a rate over an open span has no period
        return Period("null", None, None), top, "a rate over an open span"
    if top.role == P.WHEN and per.start is not None and per.end == doc.published and top.start >= sent.start:
        # 截至8月底,……今年已累计验放……: a cut-off stated before the start, in one sentence
        cut = _until_in_sentence(governing, sent.start) or times.until_before(top.start, sent.start)
        if (cut is not None and cut.value.period.end is not None and per.start <= cut.value.period.end
                and (doc.published is None or _SEMICOLON.search(s, cut.end, top.start) is None)):
            # (截至5月底,全县共有医师612人;今年以来全县累计诊疗……: in a dated release, a start after a semicolon
            # opens a part of its own, which the cut-off of the stock before it does not close)
            return Period("span", per.start, cut.value.period.end), top, f"{cut.text} …… {top.text}: one span"
    if top.role == P.WHEN and top.value.mark == "since_until" and _STOCK_NOUNS.search(s, max(top.end, sent.start), n.start):
        return Period("stock", None, per.end), top, "a stock named after the cut-off"
    if top.role == P.RECENT:
        below = governing[1] if len(governing) > 1 else None
        if below is not None and below.role == P.EVENT:
            return below.value.period, below, "近年来 never over an incident's day"
        return Period("span", None, per.end), top, "近年来"
    return per, top, top.rule


# ---------------------------------------------------------------- places


_SEMICOLON = re.compile(r"[;；]")
# Before 当天: the peak day of a period (10月2日出行高峰当天, 返程高峰当日): a single day's statistic.
_PEAK_DAY_BEFORE = re.compile(r"(?:高峰|峰值|最高峰)(?:日)?$")
_PEAK_DAY_AFTER = re.compile(r"[^,，。;；]{0,10}?(?:高峰|峰值)")
# A zone after a place in a list: 、东津新区, 和经济技术开发区.
_ZONE_ITEM = re.compile(r"[、和及与](?P<zone>[\u4e00-\u9fff]{2,8}?(?:新区|开发区|高新区|经开区|保税区|示范区|试验区))(?=[、和及与]|[^,，。;；]{0,12}?分别)")
# Months or quarters listed, then 分别 in the clause: 5月、6月分别……, 一季度和二季度分别…….
_PERIOD_ITEM = r"(?:\d{1,2}月份?|[一二三四]季度|第[一二三四]季度)"
_PERIOD_LISTED_AFTER = re.compile(r"\s*[、和及与]\s*" + _PERIOD_ITEM + r"(?:\s*[、和及与]\s*" + _PERIOD_ITEM + r")*[^,，。;；]{0,16}?分别")
_PERIOD_LISTED_BEFORE = re.compile(_PERIOD_ITEM + r"\s*[、和及与]\s*$")
# 已 then the work done on what was found or received (发现隐患2874项,已整改2791项; 受理投诉138件,已办结136件): done
# in the span in force, like the finding; not a stock.
_DONE_AFTER_YI = re.compile(r"(?:整改|办结|结案|处置|化解|销号|答复|回复|查结|审结|执结|退赔|追回|改判|发回)")
# (also what a procuratorate protested: 提出抗诉19件,法院已改判7件)
_FOUND_BEFORE = re.compile(r"发现|受理|排查出?|接到|收到|接报|查处|立案|抗诉")
# A crop's area or yield, in the sentence after 今年 (今年全县粮食作物播种面积326.5万亩): the crop's whole year.
_CROP_OF_THE_YEAR = re.compile(r"(?:播种|种植|收获)面积|(?:粮食|夏粮|秋粮|早稻|晚稻|小麦|玉米|油菜|棉花)[^,，。;；]{0,6}?(?:总产|产量|单产|亩产)")
# A title on a crop brought in: 夏粮再获丰收, 早稻总产, 秋粮喜获丰收.
_HARVEST_TITLE = re.compile(r"(?:夏粮|早稻|秋粮|夏收|麦收|粮食|小麦|油菜)[^,，。]{0,8}(?:丰收|总产|产量|增产|单产|亩产)")


# After a place: one site of an incident in it, in one of its townships or not (某公司, 共和镇一出租屋; not 一带, 一线).
_INCIDENT_SITE_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{1,5}?(?:镇|乡|街道))?(?:某|一)(?![带线])")


def _place_scopes(doc: Document, ms: list[Mention], area: Focus) -> Scopes[Place | None]:
    """Area mentions as phrases: a named area holds to the end of its paragraph (or of its short
    parenthesis), 全国 in a local release for its sentence; scope words are resolved against the
    area in force."""
    scopes: Scopes[Place | None] = Scopes(doc)
    s = doc.s
    home = area.place
    inner = [x for x in _PART_INSIDE.finditer(s) if not doc.is_furniture(x.start())]
    # whether a case (_CASE_RE) or a part after 其中 (_PART_BEFORE) may be told at all: their patterns are tried for
    # a place's sentence only where the text holds a word every match holds
    may_tell_case, may_tell_part = _holds_any(s, _CASE_WORDS), "其中" in s

    def part_inside_before(pos: int) -> None:
        # 全国铁路累计发送旅客4.84亿人次，其中省内各站发送旅客……: the part inside the release's own area
        while inner and inner[0].start("w") < pos:
            x = inner.pop(0)
            current = scopes.innermost(x.start("w"), heading=False)
            if current is None or current.value is not NATIONAL or home is NATIONAL:
                continue
            place = places.scope_place(x.group("scope"), None, home)
            if place is not None:
                scopes.add(Phrase(x.start("w"), x.end("w"), x.group("w"), place, places.AREA, SENTENCE,
                                  "其中 the part inside (省内) of a national figure: the release's area"))

    scoped: list[Place] = []  # the areas scope words (全区, 全市) were resolved to, in text order
    for i, m in enumerate(ms):
        part_inside_before(m.start)
        whole = _joint_share_whole(doc, ms, i) if m.role == places.LIST and m.place is not None else None
        if whole is not None:
            place = places.scope_place(whole, m.place, home)
            if place is not None:
                # 九江、赣州两市进出口合计占全省的31.7%: a joint share of places listed together is of the
                # whole they are a share of (not of the place named in the sentence before)
                scopes.add(Phrase(m.start, m.end, m.text, place, m.role, SENTENCE,
                                  "places listed together with their joint share of a whole: the whole"),
                           heading=doc.is_heading(m.start))
                continue
        if m.role == places.LIST and m.place is not None and _heads_a_clause_list(s, ms, i):
            # 青岛、威海和东营进口增速超3成: places listed at the head of a clause are what its sentence
            # counts; the first stands for them (分别 with as many figures sets them one by one later)
            heading = doc.is_heading(m.start)
            sent = doc.sentence(m.start)
            semi = _SEMICOLON.search(s, m.end, sent.end)
            # ……分别完成投资312.5亿元、268.4亿元;南疆四地州完成投资386.9亿元: a semicolon closes the list's items,
            # and what follows it is not the first place's
            scopes.add(Phrase(m.start, m.end, m.text, m.place, m.role, SENTENCE,
                              "list: places listed at the head of a clause, the first for them all",
                              semi.start() if semi is not None else None), heading=heading)
            continue
        if (
            m.role == places.SITE and m.place is not None and m.place.division is not None
            and _INCIDENT_SITE_AFTER.match(s, m.end) is not None
        ):
            # 荷塘区某公司财务人员……转账36万元: the incident happened there; its sentence is that area's (not 孟定镇清水河
            # 一带, the stretch around a name: a river there, no county of its own)
            scopes.add(Phrase(m.start, m.end, m.text, m.place, m.role, SENTENCE,
                              "a site of an incident inside the area: its sentence"))
            continue
        if m.role not in places.AREA_ROLES:
            continue
        heading = doc.is_heading(m.start)
        para = doc.paragraph(m.start)
        if heading and m.place is not None and _PLACE_HEADING.fullmatch(s[para.start : m.start] + "|" + s[m.end : para.end]):
            # 【元阳县】 over a section of a bulletin: the place holds on through the section, up to the next
            # heading of the same shape (a place named in a paragraph is still narrower there)
            scopes.add(Phrase(m.start, m.end, m.text, m.place, m.role, DOCUMENT,
                              "a heading that is only a place: its section"), heading=False)
            continue
        current = scopes.innermost(m.start, heading=heading)
        if m.scope is not None:
            place = places.scope_place(m.scope, current.value if current else None, home)
            cur = current.value if current is not None else None
            if (
                current is not None and cur is not None and cur.division is not None and place is not cur
                and places.fits_scope(cur.division, m.scope)
                and (
                    not s[current.end : m.start].strip(" ：:，,\u3000")
                    or current.start >= doc.sentence(m.start).start
                    and (m.scope in ("县", "旗") or cur.division.level == "prefecture")
                )
            ):
                # 祥云县：全县共发生……, 安康市破获……,全市抓获: the division named right before the word, or in
                # its sentence at the word's own level (not a county-level city before 全市), is its area
                place = cur
            if place is None and m.scope == "国":
                place = NATIONAL
            if place is None:
                # 全区 again after 全市 (……在全市18个县(市、区)中排名第2位。\n1-11月,全区……): the area of that level
                # the text resolved last, if any
                place = next((q for q in reversed(scoped) if q.division is not None and places.fits_scope(q.division, m.scope)), None)
            if place is None:
                if _names_another_area(home, m.scope):
                    # 每日云南网讯……全州共破获: the word names a prefecture the text does not name; the
                    # province around it is not the figures' area
                    scopes.add(Phrase(m.start, m.end, m.text, None, m.role, PARAGRAPH,
                                      "a scope word for an area the text does not name"))
                continue
        elif m.place is not None:
            place = m.place
        else:
            continue
        level, until, rule = PARAGRAPH, None, f"{m.role}: {m.rule}"
        if place is NATIONAL and home is not NATIONAL:
            level, rule = SENTENCE, "全国 in a local release: its sentence only"
        sent = doc.sentence(m.start)
        if (
            m.scope is None and level == PARAGRAPH and not heading
            and sent.start > doc.paragraph(m.start).start + 1 and may_tell_case and _CASE_RE.search(s, sent.start, sent.end)
        ):
            # 全市共破获……。特别是某区公安分局破获的“10·24”案……: the unit that solved one case told inside
            # a paragraph of totals is that case's, for its sentence
            level, rule = SENTENCE, "an agency or place of one case told inside a paragraph: its sentence"
        if (
            m.scope is None and level == PARAGRAPH and not heading and may_tell_part
            and _PART_BEFORE.search(s, max(0, m.start - 4), m.start)
        ):
            # ……造成全国860余万人次受灾。其中湖南省受灾人口120.6万人次。与……相比,……下降21.4%: a place after
            # 其中 is a part of the figure before, for its sentence; the area before holds on after it
            level, rule = SENTENCE, "其中 before a place: a part, for its sentence"
        close = _paren_close(s, m.start)
        if close is not None:
            until, rule = close, "inside a short parenthesis"
        scopes.add(Phrase(m.start, m.end, m.text, place, m.role, level, rule, until), heading=heading)
        if place is not None and m.scope is not None:
            scoped.append(place)
    part_inside_before(len(s) + 1)
    return scopes


# Right before a place: 其中 (a part of the figure before).
_PART_BEFORE = re.compile(r"其中[,，:：]?\s*$")
# 其中省内, 其中市内: a part of a wider figure that lies inside the release's own area
_PART_INSIDE = re.compile(r"其中[,，]?\s*(?P<w>(?P<scope>省|市|县|州|区)内)")


def _names_another_area(home: Place | None, scope: str) -> bool:
    """Whether a scope word that found no area names one other than the release's own (全州 in a
    province's release, 我市 in a prefecture's named 州)."""
    if home is None or home.division is None or scope == "国":
        return False
    # the word asks for a level that neither the release's area nor any area above it has (全州 in a
    # province's release, 我市 in a 州's): some area the text does not name
    return not places.fits_scope(home.division, scope)


# A heading made of a place name alone, with its brackets or numbering: 【元阳县】, 二、蒙自市, (三)个旧市.
_PLACE_HEADING = re.compile(
    r"\s*(?:[【\[〔]|[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．])?\s*\|\s*[】\]〕]?[:：]?\s*"
)
# A count of the places listed right after them: 三地, 等3个城市, 等8个市(州).
_JOINT_COUNT = re.compile(
    r"(?:等)?[两三四五六七八九十\d]{1,2}个?(?:地|市|县|区|州|城市|地市|市州|县区|县市|县市区|市[(（]州[)）]|省份|省区市|省区|省市|省)"
)
# What may stand before places listed at the head of a clause: its start, 其中, 分……看.
_LIST_HEAD_BEFORE = re.compile(r"(?:^|[,，;；:：。!?！？\n]\s*)(?:其中|此外|另外|同时|分[\u4e00-\u9fff]{1,3}看[,，]?)?\s*$")


def _heads_a_clause_list(s: str, ms: list[Mention], i: int) -> bool:
    """Whether ``ms[i]`` opens a list of places (joined by 、 和 及) at the head of a clause."""
    m = ms[i]
    if i > 0 and ms[i - 1].end > m.start - 4 and s[ms[i - 1].end : m.start] in places.LIST_JOINERS:
        return False  # not the first of its list
    if i + 1 >= len(ms) or s[m.end : ms[i + 1].start] not in places.LIST_JOINERS or ms[i + 1].role != places.LIST:
        return False
    # 湖南永州、怀化: a province written before the first place is part of the head
    a = ms[i - 1].start if i > 0 and ms[i - 1].end == m.start else m.start
    if not _LIST_HEAD_BEFORE.search(s, max(0, a - 12), a):
        return False
    j = i + 1
    while j + 1 < len(ms) and s[ms[j].end : ms[j + 1].start] in (*places.LIST_JOINERS, ""):
        j += 1
    if _JOINT_COUNT.match(s, ms[j].end):
        # 福州、厦门、泉州三地破获的……占全省总数的61%, 贵阳、遵义等3个城市被命名: the places together, or
        # counted themselves, belong to the area in force; 均 (each of them) still names them
        end = s.find("。", ms[j].end)
        return "均" in s[ms[j].end : end if end >= 0 else len(s)]
    return True


# After places listed together: their joint share of a whole (合计占全省的, 共占全市).
_JOINT_SHARE = re.compile(r"[^,，。;；]{0,16}?(?:合计|共|总计|合共)(?:约)?占(?:同期)?全(?P<scope>省|市|县|州|区|国)")


def _joint_share_whole(doc: Document, ms: list[Mention], i: int) -> str | None:
    """The level word of the whole (省 of 全省) when ``ms[i]`` opens places listed together at the head of a
    clause and counted as one (两市, 三地) whose joint share of that whole the clause states."""
    s = doc.s
    m = ms[i]
    if i > 0 and s[ms[i - 1].end : m.start] in places.LIST_JOINERS:
        return None  # not the first of its list
    if not _LIST_HEAD_BEFORE.search(s, max(0, m.start - 12), m.start):
        return None
    j = i
    while j + 1 < len(ms) and s[ms[j].end : ms[j + 1].start] in places.LIST_JOINERS:
        j += 1
    count = _JOINT_COUNT.match(s, ms[j].end)
    if j == i or count is None:
        return None
    share = _JOINT_SHARE.match(s, count.end())
    return share.group("scope") if share is not None else None


def _paren_close(s: str, i: int) -> int | None:
    """The end of the parenthesis ``i`` is in, if it is in a short one."""
    a = s.rfind("(", max(0, i - 40), i)
    if a < 0 or ")" in s[a:i]:
        return None
    b = s.find(")", i, i + 60)
    return b if b >= 0 else None


def _holds_any(s: str, words: tuple[str, ...]) -> bool:
    """Whether ``s`` holds one of ``words``: a loop, not any() over a generator, which is closed by raising an
    exception in it when it stops at a hit (that costs more than the tests)."""
    for w in words:
        if w in s:
            return True
    return False


def _any_stock(nums: list[Num]) -> bool:
    """Whether a figure is a stock as of a cut-off (a loop, as in _holds_any)."""
    for n in nums:
        if P.is_stock(n.period):
            return True
    return False


def _local_names(doc: Document, ms: list[Mention], area: Focus) -> list[Mention]:
    """Two-character names of divisions inside the release's province at the start of a clause
    (;贵阳查处1720多人), which the gazetteer's matcher leaves alone without more context."""
    home = area.place.division if area.place is not None else None
    if home is None:
        return ms
    g = gazetteer()
    prov = g.province(home)
    taken = places._Spans([(m.start, m.end) for m in ms])
    extra = []
    ends = {x.end for x in ms if x.candidates}
    two = g.two_char_names
    for a, b in _clause_openings(doc.s):
        # (the name first: most clauses open with none, fewer with a place already found; a set lookup rules
        # out nearly every word before the gazetteer is asked for its divisions)
        word = doc.s[a:b]
        if word not in two:
            continue
        named = g.candidates(word, simplified=True)
        if not named:
            continue  # most clauses open with no name at all
        if taken.overlaps(a, b) or doc.s.startswith(places.NAME_AFTER, b):
            continue  # (成都平原经济区, 贵阳路: part of another name)
        if a > 0 and doc.s[a - 1] == "、" and a - 1 not in ends:
            continue  # after 、 only the next of a list of places (酒泉、定西), not any word of a list
        cands = [d for d in named if d.province_code == prov.code and d.level == "prefecture"]
        if len(cands) == 1:
            listed = doc.s.startswith("、", b) or (a > 0 and doc.s[a - 1] == "、")
            extra.append(Mention(a, b, word, places.LIST if listed else places.AREA, (cands[0],), None,
                                 "a short name inside the release's province", places.display(cands[0], word)))
            ends.add(b)
    return sorted(ms + extra, key=lambda m: m.start) if extra else ms


# Two characters at the start of the text or of a clause (after a comma, colon, stop, line break or 、).
_TWO_CJK = re.compile(r"[\u4e00-\u9fff]{2}")
_AFTER_CLAUSE_BREAK = re.compile(r"[,，;；:：。\n、]([\u4e00-\u9fff]{2})")


def _clause_openings(s: str) -> list[tuple[int, int]]:
    """The spans of two characters that open ``s`` or a clause of it (a pattern that consumes the break
    before them: a look-behind would be tried at every character)."""
    first = [(0, 2)] if _TWO_CJK.match(s) else []
    return first + [m.span(1) for m in _AFTER_CLAUSE_BREAK.finditer(s)]


_JOINT_RE = re.compile(r"合计|共计|总计|合共|两地共|三地共")


def _agencies_listed(s: str, prev: Mention, m: Mention) -> bool:
    """Two agencies of areas one after the other in a list (昌吉市人民法院、阜康市人民法院): their areas are
    listed as if named alone."""
    if prev.role != places.AGENCY or m.role != places.AGENCY:
        return False
    tail = places.AGENCY_AFTER.match(s, prev.end)
    return tail is not None and s[tail.end() : m.start] in places.LIST_JOINERS


def _listed_after_a_period(s: str, at: int) -> bool:
    """Whether a period listed before ``at`` ends there with a joiner (5月、|6月). The pattern opens with no fixed
    character: it is tried only where the last character before ``at`` that is no space is a joiner."""
    lo = max(0, at - 12)
    tail = s[lo:at].rstrip()
    return bool(tail) and tail[-1] in "、和及与" and _PERIOD_LISTED_BEFORE.search(s, lo, at) is not None


def _distribute_period_lists(doc: Document, times: _Times, nums: list[Num]) -> None:
    """Periods listed and then 分别 with as many figures (5月、6月分别接待游客86.2万人次、102.4万人次): each
    figure is of its period, in order."""
    s = doc.s
    if "分别" not in s:
        return
    phrases = sorted(
        (ph for ph in times.by_end.values() if ph.role == P.WHEN and (
            _PERIOD_LISTED_AFTER.match(s, ph.end) or _listed_after_a_period(s, ph.start)
        )),
        key=lambda ph: ph.start,
    )
    runs: list[list[Phrase[_TimeValue]]] = []
    for ph in phrases:
        if runs and s[runs[-1][-1].end : ph.start].strip() in ("、", "和", "及", "与"):
            runs[-1].append(ph)
        else:
            runs.append([ph])
    starts = [n.start for n in nums]
    for run in runs:
        k = len(run)
        sent = doc.sentence(run[-1].start)
        clause_end = doc.clause(run[-1].end)[1]
        if k < 2 or "分别" not in s[run[-1].end : clause_end]:
            continue
        i = bisect_right(starts, run[-1].end - 1)
        group = nums[i : i + k]
        if len(group) != k or group[-1].start >= sent.end or any(
            s[a.end : b.start].strip() not in ("、", "和", "及", "与") for a, b in zip(group, group[1:], strict=False)
        ):
            continue
        for n, ph in zip(group, run, strict=True):
            n.period = ph.value.period
            n.period_from = (ph.start, ph.end, "分别: the period listed in the same order")
    _distribute_years(doc, times, nums, starts)


def _distribute_years(doc: Document, times: _Times, nums: list[Num], starts: list[int]) -> None:
    """A range of years and 分别 with a figure for each year (2019年至2023年,……案件数分别为164件、188件、
    341件、257件、186件): each figure is of its year, in order."""
    s = doc.s
    for ph in times.by_end.values():
        p = ph.value.period
        if ph.role != P.WHEN or ph.value.mark not in P.YEAR_RANGE_MARKS or p.start is None or p.end is None:
            continue
        k = p.end.year - p.start.year + 1
        sent = doc.sentence(ph.start)
        at = s.find("分别", ph.end, sent.end)
        if not 2 <= k <= 12 or at < 0:
            continue
        i = bisect_right(starts, at)
        group = nums[i : i + k]
        if len(group) != k or group[-1].start >= sent.end or any(
            s[a.end : b.start].strip() not in ("、", "和", "及", "与") for a, b in zip(group, group[1:], strict=False)
        ):
            continue
        for y, n in enumerate(group, start=p.start.year):
            n.period = Period("span", date(y, 1, 1), date(y, 12, 31))
            n.period_from = (ph.start, ph.end, "分别 after a range of years: each year in order")


def _distribute_lists(doc: Document, ms: list[Mention], nums: list[Num]) -> None:
    """A list of places and 分别 with as many figures: each figure is of its place, in order
    (青岛、烟台……五市……分别进出口4588.6亿元、2800.7亿元……)."""
    s = doc.s
    if "分别" not in s:
        return  # every list hands out its figures only after 分别 (so do the townships): no sentence is read
    _distribute_townships(doc, nums)
    by_sentence: dict[int, list[Mention]] = {}
    for m in ms:
        if m.place is not None and m.role in (places.LIST, places.AREA, places.AGENCY):
            by_sentence.setdefault(doc.sentence(m.start).index, []).append(m)
    starts = [n.start for n in nums]
    for si, found in by_sentence.items():
        # the runs of places joined by 、 和 及 与 (or agencies of places listed so)
        runs: list[list[Mention]] = []
        for m in found:
            if runs and (
                s[runs[-1][-1].end : m.start] in places.LIST_JOINERS or _agencies_listed(s, runs[-1][-1], m)
            ):
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            # 襄城区、樊城区、襄州区、东津新区……分别: a zone the gazetteer does not hold (新区, 开发区) closing a list
            # of places is one more item
            while (z := _ZONE_ITEM.match(s, run[-1].end)) is not None:
                run.append(places.Mention(z.start("zone"), z.end("zone"), z.group("zone"), places.LIST,
                                          rule="a zone listed with places", place=Place(z.group("zone"))))
        sent = doc.sentences[si]
        lists = [r for r in runs if len(r) >= 2]
        for j, run in enumerate(lists):
            # each list's figures run up to the next list of the sentence (西昌市、昭觉县……分别为216起、143起和121起;
            # 金阳县、美姑县缴获毒品分别为188.4公斤和167公斤)
            _distribute_run(doc, run, nums, starts, lists[j + 1][0].start if j + 1 < len(lists) else sent.end)


def _distribute_run(doc: Document, run: list[Mention], nums: list[Num], starts: list[int], end: int) -> None:
    """The figures after the places of ``run`` and 分别, up to ``end``: one to each place, in order."""
    s = doc.s
    sent_start = doc.sentence(run[0].start).start
    k = len(run)
    if "分别" not in s[run[-1].end : end]:
        return
    in_sent = nums[bisect_right(starts, run[-1].end) : bisect_right(starts, end - 1)]
    distributed = False
    i = 0
    while i < len(in_sent):
        group = [in_sent[i]]
        while i + len(group) < len(in_sent) and (
            (gap := s[group[-1].end : in_sent[i + len(group)].start].strip()) in ("、", "和", "及", "与", ",", "，", "")
            or subjects.CHANGED_ITEM.fullmatch(gap)
        ):
            # (分别增长7.5%、12.1%和下降3.6%: an item that says its own direction is still an item)
            group.append(in_sent[i + len(group)])
        if len(group) > k and s[group[k - 1].end : group[k].start].strip() in (",", "，"):
            group = group[:k]  # ……分别为52起、41起和27起,三个城区合计……: the list ends at the comma
        if len(group) == k:
            for n, m in zip(group, run, strict=True):
                n.place = m.place
                n.region_from = (m.start, m.end, "分别: the place listed in the same order")
            distributed = True
        elif distributed and _JOINT_RE.search(s, max(sent_start, doc.clause(group[0].start)[0]), group[0].start):
            for n in group:  # ……分别为26.4万人和23.1万人,合计占全省的37.6%: the places together
                n.place = run[0].place
                n.region_from = (run[0].start, run[-1].end, "合计 after 分别: the places listed, together")
        i += len(group)


# Townships listed before their level word, then 分别: 粤海、南头、西丽等街道电诈警情分别下降……
_TOWNSHIP_LIST = re.compile(
    r"(?:(?<=[,，;；:：\s])|(?<=辖区)|(?<=全县)|(?<=全区)|(?<=全市)|(?<=其中))"
    r"(?P<items>(?:(?:(?!等)[\u4e00-\u9fff]){2,3}?、)+(?:(?!等)[\u4e00-\u9fff]){2,3}?)"
    r"(?:等|[两三四五六七八九十\d]{1,2}个?)?(?P<level>街道|镇|乡)"
    r"[^,，。;；]{0,16}?分别"
)


# A clause that counts places listed before it as one and states their joint share of a whole (……分别缴获……,
# 三地缴毒量合计占全省的53.6%): its share is the whole's.
_JOINT_SHARE_CLAUSE = re.compile(
    _JOINT_COUNT.pattern + r"[^,，。;；]{0,12}?(?:合计|共|总计|合共)(?:约)?占(?:同期)?全(?P<scope>省|市|县|州|区)[^,，。;；\d]{0,10}$"
)


def _joint_shares_of_listed_places(doc: Document, nums: list[Num], home: Place | None) -> None:
    """A share that places listed before count as one (三地缴毒量合计占全省的53.6%) is of the whole they share: its
    region is that whole (全省 of the release's area), not the first place of the list."""
    s = doc.s
    for n in nums:
        if n.unit is None or n.unit.family != "percent" or "占" not in s[max(0, n.start - 24) : n.start]:
            continue
        c0 = doc.clause(n.start)[0]
        m = _JOINT_SHARE_CLAUSE.match(s, c0, n.start)
        if m is None or m.end() != n.start:
            continue
        place = places.scope_place(m.group("scope"), None, home)
        if place is not None:
            n.place = place
            n.region_from = (m.start("scope") - 1, m.end("scope"), "places counted as one, their joint share of a whole")


def _changes_of_places_each(doc: Document, nums: list[Num]) -> None:
    """Places told each with its own figure, then their changes with 分别 (南关区……317起,二道区……254起,同比分别
    上升18.4%和12.9%): each change is of the place of the figure it stands for, in order."""
    s = doc.s
    if "分别" not in s:
        return  # the changes are handed out only after 分别 in their clause: no figure is grouped
    i = 0
    while i < len(nums):
        n = nums[i]
        j = i + 1
        while j < len(nums) and nums[j].sentence == n.sentence and (
            (gap := s[nums[j - 1].end : nums[j].start].strip()) in places.LIST_JOINERS or subjects.CHANGED_ITEM.fullmatch(gap)
        ):
            j += 1
        k = j - i
        if k >= 2 and "分别" in s[doc.clause(n.start)[0] : n.start]:
            before = [m for m in nums[max(0, i - k) : i] if m.sentence == n.sentence]
            names = [m.place.name if m.place is not None else None for m in before]
            if (
                len(before) == k and None not in names and len(set(names)) == k
                and all(m.region_from is not None and m.region_from[0] >= n.sentence[0] for m in before)
                # and the changes name no place of their own after those figures (金阳县、美姑县……分别为)
                and all(m.region_from is None or m.region_from[0] < before[-1].start for m in nums[i:j])
            ):
                for m, prev in zip(nums[i:j], before, strict=True):
                    m.place, m.region_from = prev.place, prev.region_from
        i = j


# Townships each named with its level word, then 分别: 龙溪街道、双龙湖街道改造项目数量较多,分别为9个和7个
_TOWNSHIPS_NAMED_EACH = re.compile(
    r"(?:(?<=[,，;；:：。\s])|(?<=其中))"
    r"(?P<items>(?:[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡)、)+[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡))"
    r"[^,，。;；]{0,16}?[,，]?分别"
)


def _distribute_townships(doc: Document, nums: list[Num]) -> None:
    """Townships (not in the gazetteer) listed with 分别 and as many figures: each figure is of its
    township, in order."""
    s = doc.s
    starts = [n.start for n in nums]
    if "分别" not in s or "、" not in s or not _holds_any(s, ("镇", "乡", "街道")):
        # the patterns open on any character and hold a 、, a township's level word and 分别: they are not tried
        # without all three
        return
    listed = [(m, [x + m.group("level") for x in m.group("items").split("、")]) for m in _TOWNSHIP_LIST.finditer(s)]
    listed += [(m, m.group("items").split("、")) for m in _TOWNSHIPS_NAMED_EACH.finditer(s)]
    for m, items in listed:
        k = len(items)
        sent = doc.sentence(m.start())
        lo = bisect_right(starts, m.end() - 1)
        group = [nums[lo]] if lo < len(nums) and nums[lo].start < sent.end else []
        while group and len(group) < k and lo + len(group) < len(nums):
            nx = nums[lo + len(group)]
            if nx.start >= sent.end or s[group[-1].end : nx.start].strip() not in ("、", "和", "及", ",", "，"):
                break
            group.append(nx)
        if len(group) != k:
            continue
        for n, name in zip(group, items, strict=True):
            n.place = Place(name)
            n.region_from = (m.start("items"), m.end("items"), "分别: the township listed in the same order")


# ---------------------------------------------------------------- kinds


class _Words:
    """Where the words of a pattern stand in a text, asked whether one lies in a span. The text is searched
    on the first question, not when the release is opened: most releases ask of one pattern at most (the
    campaign and total words only for a figure of an incident's day or of no period)."""

    def __init__(self, rx: re.Pattern[str], s: str, not_after: str = "") -> None:
        self._rx, self._s, self._not_after = rx, s, not_after
        self._at: list[int] | None = None

    def _find(self) -> list[int]:
        rx, s, not_after = self._rx, self._s, self._not_after
        if not not_after:
            return [m.start() for m in rx.finditer(s)]
        # the matches finditer gives for the pattern with (?<!not_after) before it: one found right after
        # ``not_after`` is passed over, and the search goes on from its next character
        at: list[int] = []
        pos = 0
        while (m := rx.search(s, pos)) is not None:
            a = m.start()
            if a >= len(not_after) and s.startswith(not_after, a - len(not_after)):
                pos = a + 1
                continue
            at.append(a)
            pos = m.end()
        return at

    def within(self, a: int, b: int) -> bool:
        at = self._at
        if at is None:
            at = self._at = self._find()
        k = bisect_right(at, a - 1)
        return k < len(at) and at[k] < b


_AREA_WORD = re.compile(r"全(?:国|省|市|区|县|州)")


def _day_statistic_before(s: str, a: int, b: int) -> bool:
    """An area's scope word and a flow statistic earlier in the sentence (10月2日当天,全省高速公路车流量
    达到峰值,为312.4万辆次): the number states the area's statistic for the day."""
    m = _AREA_WORD.search(s, a, b)
    return m is not None and _FLOW_STATISTIC.search(s, m.end(), b) is not None and not _SEIZURE.search(s, m.end(), b)


def _sentence_before(doc: Document, sent: Sentence) -> Sentence:
    """The sentence with text before ``sent`` (``sent`` itself when there is none)."""
    k = sent.index - 1
    while k >= 0 and not doc.s[doc.sentences[k].start : doc.sentences[k].end].strip():
        k -= 1
    return doc.sentences[k] if k >= 0 else sent


# One natural disaster or weather episode named as such (此次风雹灾害, 本轮强降雨过程): what it caused is one
# incident's, over the days it lasted.
_EPISODE = re.compile(
    r"(?:此次|这次|本次|该次|本轮|此轮|这轮)[^,，。;；]{0,8}?"
    r"(?:灾害|灾情|暴雨|降雨|台风|地震|冰雹|风雹|洪涝|洪水|山洪|泥石流|寒潮|大风|降雪|雪灾|过程)"
)
# The record of a single day, told before its day (单日最高发送量出现在2月17日): a day's statistic.
_DAY_RECORD = re.compile(r"单日|日最高|最高日")
# The course of one spell of weather (7月9日强降雨过程中): on a day, what was done in it is that episode's.
_WEATHER_COURSE = re.compile(r"(?:强降雨|暴雨|强降雪|台风|风雹|冰雹|寒潮|洪水|山洪)(?:天气)?过程(?:中|期间)")


def _is_event(doc: Document, n: Num, sent: Sentence, per: Period | None, top: Phrase[_TimeValue] | None,
              case_here: bool, words: dict[str, _Words]) -> bool:
    if n.unit is not None and n.unit.family in ("percent", "points", "ratio"):
        return False  # a share or a change is a statistic, not the quantity of an incident
    s = doc.s
    event = bool(top is not None and top.role == P.EVENT) or case_here
    if not event and (per is None or per.start is None and per.end is None) and _DAY_OPENS.match(s, sent.start) and (
        _SEIZURE.search(s, sent.start, n.start) and not words["total"].within(sent.start, n.start)
        and not _AREA_CLAUSE.match(s, doc.clause(n.start)[0])
    ):
        # 8月6日,某局在一冷库内查获……2.6吨 with no year to date it by: still one incident's quantity
        return True
    if words["narrative"].within(sent.start, sent.end):
        return True  # 经查，该团伙……累计倾倒三千五百余吨: one case's totals
    if (
        not event and top is not None and top.role == P.WHEN and per is not None and per.kind == "span"
        and per.start is not None and per.end is not None and (per.end - per.start).days <= 7
        and _EPISODE.search(s, top.end, n.start)
    ):
        # 6月12日至13日,……遭受冰雹、大风袭击。……此次风雹灾害共造成……1.26万人受灾: the losses of one storm,
        # over its days, and its breakdown by area after it
        return True
    if not event and words["episode"].within(sent.start, n.start):
        return True  # 截至6月23日18时,此次洪水共造成全市……受灾人口15.2万人: the losses of one flood, whatever its cut-off
    if event and not case_here and per is not None and per.kind == "day" and not _WEATHER_COURSE.search(s, sent.start, n.start) and (
        _AREA_CLAUSE.match(s, clause_start := doc.clause(n.start)[0])  # (looked up for the figures of a day only)
        or _AREA_ACTS.search(s, sent.start, n.start)  # 6月26日,全省统一开展……,共发放: the area's day
        or _AREA_CAMPAIGN.search(s, sent.start, n.start)
        or _FLOW_STATISTIC.search(s, max(clause_start, n.start - 8), n.start) and not _SEIZURE.search(s, clause_start, n.start)
        or _day_statistic_before(s, max(sent.start, n.start - 30), n.start)
        or top is not None and (s.startswith("单日", top.end) or _DAY_RECORD.search(s, sent.start, top.start) is not None)
    ):
        return False  # 5月3日当天，全市接待游客321.5万人次; 2月10日单日车流量: a day's statistic
    if (
        event and not case_here and words["campaign"].within(sent.start, n.start) and words["total"].within(sent.start, n.start)
        and not _ONE_INSTANCE.search(s, min(doc.paragraph(n.start).start, _sentence_before(doc, sent).start), n.start)
    ):
        return False  # 此次行动共破获……: the totals of an operation (not 一名旅客……经机检查验,……共计137件)
    return event


def _penalty_of_one(s: str, sent: Sentence, n: Num) -> bool:
    """判处陈某有期徒刑二年,并处罚金5万元; 徐州市一家商贸公司……被依法处以罚款80万元: one party's penalty, an
    event of its own day (told in its sentence, or not at all)."""
    # (every match of _PENALTY_BEFORE ends with 罚金, 罚款 or 人民币, at the figure or before a line break there:
    # most figures follow none, and the pattern is not tried)
    end = n.start - 1 if s.endswith("\n", 0, n.start) else n.start
    return bool(
        s.endswith(_PENALTY_LAST, 0, end)
        and _PENALTY_BEFORE.search(s, max(sent.start, n.start - 12), n.start) and _ONE_PARTY.search(s, sent.start, n.start)
    )


# A penalty written right before its amount (并处罚金, 被依法处以罚款), and one party it is laid on, named or
# counted as one (陈某, 一家商贸公司, 该企业), in the sentence before it.
_PENALTY_BEFORE = re.compile(r"(?:并处|处以|处)(?:罚金|罚款)(?:人民币)?$")
_PENALTY_LAST: tuple[str, ...] = ("罚金", "罚款", "人民币")  # what every match of _PENALTY_BEFORE ends with
_ONE_PARTY = re.compile(r"[\u4e00-\u9fff]某|一(?:家|名|个|户)|该(?:企业|公司|店|厂|单位|商户|男子|女子|药房|超市)")


# ---------------------------------------------------------------- post-steps (ported rules)


def _lead_case_days(nums: list[Num], arrest_days: list[tuple[int, date]], published: date | None) -> None:
    """An undated case told first in summary (近日,……捣毁一个窝点,抓获犯罪嫌疑人11名) and then day
    by day (专案组于5月16日凌晨收网): the summary's figures are of the days of the arrests told after it."""
    if published is not None:
        # 日前, 近日: recent; days a year before are those of a story told back (经审理查明,2023年3月12日)
        arrest_days = [(pos, d) for pos, d in arrest_days if 0 <= (published - d).days <= 60]
    if not arrest_days:
        return
    arrest_days.sort()
    at = [pos for pos, _ in arrest_days]
    lo: list[date] = [d for _, d in arrest_days]
    hi = list(lo)
    for k in range(len(lo) - 2, -1, -1):
        lo[k], hi[k] = min(lo[k], lo[k + 1]), max(hi[k], hi[k + 1])
    for n in nums:
        if n.heading or not n.event or n.period is None or n.period.kind != "vague":
            continue
        k = bisect_right(at, n.end)
        if k < len(at) and (hi[k] - lo[k]).days <= 7:
            n.period = Period("day" if lo[k] == hi[k] else "span", lo[k], hi[k])
            n.period_from = (arrest_days[k][0], arrest_days[k][0], "a case told in summary, then day by day")


def _reporting_window(
    doc: Document, nums: list[Num], until_ends: dict[date, int], since_starts: dict[date, int]
) -> None:
    """截至12月上旬 in one place and 自10月起……以来 in another describe one reporting window: figures
    since the start run to the cut-off date, and figures as of the cut-off date run from the start."""
    also_year = False  # a year to date told beside the campaign's start (……自4月1日开展以来……。今年以来,……)
    year_start: tuple[date, int] | None = None
    if len(since_starts) > 1:
        launched = {d: at for d, at in since_starts.items() if (d.month, d.day) != (1, 1)}
        also_year = len(launched) == 1 and len(since_starts) == 2
        year_start = next(((d, at) for d, at in since_starts.items() if (d.month, d.day) == (1, 1)), None)
        since_starts = launched if also_year else since_starts
    if len(until_ends) != 1 or len(since_starts) != 1 or doc.published is None:
        return
    ((until, until_at),), ((since, since_at),) = until_ends.items(), since_starts.items()
    if also_year and doc.para_index(since_at) != doc.para_index(until_at):
        # the cut-off is the year to date's (1-10月……截至10月底), not the campaign's: where the year to date is told
        # in the cut-off's paragraph (今年以来,……。截至8月底,全区共立案查处……), the window is that year's
        if year_start is None or doc.para_index(year_start[1]) != doc.para_index(until_at):
            return
        (since, since_at), also_year = year_start, False
    if not since < until < doc.published:
        return
    if since_at > until_at and not any(
        n.period is not None and n.period.start == since and n.period.end == doc.published for n in nums
    ):
        # a start told after the cut-off (自2022年9月起推广……) opens the window only where figures run from it; one
        # told before (年初以来,……全县安全生产形势总体稳定。截至10月底,……检查1274家次) opens it for what follows
        return
    for n in nums:
        p = n.period
        if p is None:
            continue
        if p.kind == "span" and p.start == since and p.end == doc.published:
            if (since.month, since.day) != (1, 1) and n.start > until_at:
                # 10月起部署……会战以来 with 截至12月10日 elsewhere: the campaign's window closes at the cut-off for
                # what is told after it (what is told before it, 9月1日开学以来,共劝返学生376名, runs to the day
                # of the release); the year to date (今年以来, 年初以来) runs to the day of the release, whatever
                # cut-off its data have
                n.period = Period("span", since, until)
        elif (
            not also_year and P.is_stock(p) and p.end == until and not STOCK_SUBJECTS.search(n.base or n.subject)
            and not (n.unit is not None and n.unit.family in ("percent", "points") and "率" in (n.base or n.subject))
            and _FLOW_VERBS.search(doc.s, n.sentence[0], n.start) and _is_flow_clause(doc.s, n.sentence[0], n.start)
        ):
            # a count of what was done (共破获, 累计劝阻), not a stock by its very name (参保人数, 存栏) nor one
            # held (实有经营主体, 在用特种设备, 失业率): the window makes it a flow
            n.period = Period("span", since, until)


def _cut_off_in_paragraph(doc: Document, nums: list[Num]) -> None:
    """4月15日……专项治理启动以来,……对全区1136家机构开展检查。截至9月20日,共查处……: a paragraph whose running
    total since a start is cut off at a date before publication reports up to that date; its figures since
    the same start, told before the cut-off, end there too."""
    if doc.published is None:
        return
    # (paragraph, start) -> the cut-off of a running total from it, and where that total is told; a start
    # inside a year only (a launch day), not New Year's Day that 今年以来 and 1-3月 share, nor the first of a
    # month told alone (10月以来,……累计接诊28.6万人次。10月份,……环比增长: that month, not a cut-off)
    cut: dict[tuple[int, date], tuple[date, int]] = {}
    for n in nums:
        p = n.period
        if (
            p is not None and p.kind == "span" and p.start is not None and p.end is not None and p.end < doc.published
            and (p.start.month, p.start.day) != (1, 1)
            and not (p.start.day == 1 and p.end == P.month_end(p.start.year, p.start.month))
        ):
            cut.setdefault((n.para, p.start), (p.end, n.start))
    if not cut:
        return
    for n in nums:
        p = n.period
        if p is None or p.kind != "span" or p.start is None or p.end != doc.published:
            continue
        c = cut.get((n.para, p.start))
        if c is not None and p.start < c[0] and n.start < c[1]:
            n.period = Period("span", p.start, c[0])


def _two_years_compared(s: str, sent: Sentence, year: int, span: Period) -> bool:
    """Whether the sentence of a mark of ``year`` also names another year of ``span`` as a base or an end of a
    change (较2019年, 由2019年的, 比2019年)."""
    assert span.start is not None and span.end is not None
    return any(
        (y := int(m.group(1))) != year and span.start.year <= y <= span.end.year
        for m in _COMPARED_YEAR.finditer(s, sent.start, sent.end)
    )


# A year named as the base or the far end of a change: 较2019年, 比2019年, 由2019年的, 从2019年的.
_COMPARED_YEAR = re.compile(r"(?:较|比|由|从|与)((?:19|20)\d{2})年")


def _short_span(per: Period | None, stated_here: bool) -> bool:
    """A span of days stated in the sentence itself (3月26日至29日……打掉一个团伙): the case's days."""
    return (
        stated_here and per is not None and per.kind == "span" and per.start is not None and per.end is not None
        and (per.end - per.start).days <= 31
    )


# ---------------------------------------------------------------- headings


def _rounded_match(n: Num, nums: list[Num]) -> Num | None:
    """The first body figure of the same unit that a heading's rounded figure (18万余元, 约3万人,
    近20公斤) stands for: within a tenth of its value, on the side its qualifier says."""
    fam = n.unit.family if n.unit else "count"
    v = n.value * (n.unit.factor if n.unit else 1)
    if v <= 0:
        return None
    for m in nums:
        if m.heading or (m.unit.family if m.unit else "count") != fam:
            continue
        w = m.value * (m.unit.factor if m.unit else 1)
        ok = {"over": v < w < v * 1.1, "under": v * 0.9 < w < v, "approx": v * 0.9 < w < v * 1.1 and w != v}.get(
            n.qualifier, False
        )
        if ok:
            return m
    return None


def _line_of(doc: Document, pos: int) -> str:
    p = doc.paragraph(pos)
    return doc.s[p.start : p.end]


def _settle_headings(doc: Document, nums: list[Num], times: _Times) -> None:
    """A heading's figure without a period of its own takes the period, kind and area of the body
    figure it restates, else of the first body figure after it; so does a figure of the page's
    breadcrumb line, which repeats the title (首页 > 新闻中心 > 闽前10月冻结止付被骗资金3.54亿元). A row of a
    list under a caption that states a period (1-10月主要交通安全数据:) takes the caption's."""

    def key(n: Num) -> tuple[str, float]:
        return (n.unit.family if n.unit else "count", round(n.value * (n.unit.factor if n.unit else 1), 9))

    head = [n.heading or doc.is_furniture(n.start) for n in nums]
    if not any(head):
        return  # no heading's figure to settle (most releases): the body's figures are not indexed
    first_body: dict[tuple[str, float], Num] = {}
    for n, h in zip(nums, head, strict=True):
        if not h:
            first_body.setdefault(key(n), n)
    next_body: Num | None = None
    following: list[Num | None] = [None] * len(nums)
    for idx in range(len(nums) - 1, -1, -1):
        following[idx] = next_body
        if not head[idx]:
            next_body = nums[idx]
    last_body: Num | None = None
    captioned: dict[int, Phrase[_TimeValue]] = {}  # a row's index -> the period its caption states
    for idx, n in enumerate(nums):
        # a row of a list written with spaces under the body's text (分领域情况如下:\n药品医疗器械  387件  罚没款……): of
        # the period told above it, not a headline of what comes after
        if head[idx] and last_body is not None and n.period is None and (
            is_name_value_row(line := _line_of(doc, n.start)) or is_label_row(line)
        ):
            following[idx] = last_body
            cap = times.scopes.innermost(doc.paragraph(n.start).start, heading=False)
            if cap is not None and cap.start > last_body.end and cap.role in (P.WHEN, P.UNTIL, P.STOCK):
                # 9月16日,……抓获42名。\n\n五、……\n1-10月主要交通安全数据:\n交通事故死亡人数  238人: the period of
                # the caption stated after the last figure of the body, not that figure's day
                captioned[idx] = cap
        elif not head[idx]:
            last_body = n
    for idx, n in enumerate(nums):
        if not head[idx]:
            continue
        if (cap := captioned.get(idx)) is not None:
            n.period, n.event = cap.value.period, False
            n.period_from = (cap.start, cap.end, "the period of the caption over the rows")
            continue
        own = n.period is not None
        match = first_body.get(key(n))
        if match is None and n.qualifier != "exact":
            match = _rounded_match(n, nums)
        if match is None and not own:
            match = following[idx]
        if match is None:
            continue
        restates = match is first_body.get(key(n)) or (n.qualifier != "exact" and match is _rounded_match(n, nums))
        if own and n.period is not None and match.period is not None and (n.period.kind == "vague" or restates):
            # a headline that restates a body figure takes its period, whatever its own says (今年以来 over the
            # body's 今年以来……截至8月15日, 三个月, 已); a case's headline takes the case's day
            own = False
        if not own:
            n.period = match.period
            n.event = match.event
            n.period_from = match.period_from and (match.period_from[0], match.period_from[1], "restates a body figure")
        if match.place is not None and (
            restates or n.region_from is None or n.region_from[2].startswith("the release's area")
        ):
            # a headline that restates a body figure takes its region too
            n.place = match.place
            n.region_from = match.region_from


# Subjects that are stocks whatever the period in force (存栏 is the herd on hand at the period's end,
# 出栏 the animals sold over it; 移动电话用户 the subscribers at its end, not 排查燃气用户 visited over it): a span in
# force becomes a stock as of its end.
STOCK_SUBJECTS = re.compile(r"实有|现有|持卡|有效灌溉面积|存栏|在册|保有量|余额|结余|常住人口|户籍人口|总人口|库存|在押|在校生|参保人数|参保人|参保率|参保$|持证|覆盖率|^(?!.*(?:排查|检查|走访|服务|新增|净增|发展)).*用户(?:数|总数)?$")
# A character each word of STOCK_SUBJECTS holds (实有 实, 存栏 栏, 常住人口 口, ……用户 户).
_STOCK_CHARS = frozenset("实现持溉栏册量额结口库押校保覆户")


def _names_a_stock(text: str) -> bool:
    """Whether ``text`` holds a word of STOCK_SUBJECTS (its pattern opens with no fixed character and is tried
    at every place of the text: it is not tried where none of its words' characters stands)."""
    return not _STOCK_CHARS.isdisjoint(text) and STOCK_SUBJECTS.search(text) is not None
# What a year's bulletin counts at the year's end (卫生技术人员1436人, 床位1512张), where a rate of its change
# stated after it (比上年增加1450人，增长4.2%) is the change over the year.
_COUNTED_AT_END = re.compile(r"床位|卫生技术人员|专任教师|执业(?:\(助理\))?医师|注册护士|装机容量|城镇化率|贫困发生率")
_COUNTED_AT_END_FIRST = frozenset("床卫专执注装城贫")  # the characters its words open with
# A change stated right before its rate (比上年增加1450人，增长4.2%): the change over the period, not a level at its end.
_CHANGED = re.compile(r"(?:增长|下降|增加|减少|提高|降低|上升|回落)了?$")
# What was added over the period, not what there is at its end (新增床位, 新建学校).
_ADDED = re.compile(r"(?:全年|当年|年内)?(?:新增|新建|新开工|新改建|新招|新录用|增加|减少)")


# A total that has reached a level (高速公路总里程达到148.2公里, 上市公司总数达到56家): what there is at the end of
# the period, not what was added over it.
_TOTAL_REACHED = re.compile(r"(?:总里程|总长度|通车里程|总数|总量)(?:已)?(?:达到|达|突破|超过)\s*$")
_TOTAL_REACHED_LAST: frozenset[str] = frozenset("到达破过")  # what its verbs end with


# A change against the start of the year (比上年末, 较年初): a change over the year, not a stock.
CHANGE_OVER_YEAR = re.compile(r"(?:比|较)(?:上年末|上年底|去年末|去年底|年初)")


def _stock_subjects(s: str, nums: list[Num]) -> None:
    # the comparison with last year's end (比上年末, 较年初) says 年末, 年底 or 年初: without them its pattern is not tried
    year_start_said = "年末" in s or "年底" in s or "年初" in s
    for n in nums:
        p = n.period
        if p is None or p.kind != "span" or p.start is None or p.end is None:
            continue
        if (
            year_start_said and (n.unit is None or n.unit.family not in ("percent", "points", "ratio"))
            and n.comparison is None and _LEVEL_BEFORE_CHANGE_OVER_YEAR.match(s, n.end)
        ):
            # 卫生技术人员2107人,比上年末增加96人: a level compared with the end of last year is the level at the
            # end of the period in force (the change after it is the change over it)
            n.period = Period("stock", None, p.end)
            if n.period_from is not None:
                n.period_from = (n.period_from[0], n.period_from[1], "a level compared with last year's end: a stock")
            continue
        if n.comparison == "yoy" and (p.start, p.end) == (date(p.end.year, 1, 1), date(p.end.year, 12, 31)):
            # 全年……森林覆盖率……比上年提高0.3个百分点: what changed over the year, not a stock (a quarter's
            # 存栏同比增长 stays a stock as of the quarter's end)
            continue
        subj = n.base or n.subject
        if (
            _names_a_stock(subj)
            # what a bulletin counts at the year's end (but not the rate of its change stated after a change)
            or not _COUNTED_AT_END_FIRST.isdisjoint(subj) and _COUNTED_AT_END.search(subj) is not None
            and not _ADDED.match(subj)
            and not (n.unit is not None and n.unit.family in ("percent", "points") and _CHANGED.search(n.raw_clause.rstrip()))
            # a total that has reached a level (its verb ends the clause: looked for only where the clause ends so)
            or n.raw_clause.rstrip()[-1:] in _TOTAL_REACHED_LAST and _TOTAL_REACHED.search(n.raw_clause) is not None
            and not _ADDED.match(subj)
            or n.table is not None and n.table.comparison is None and _names_a_stock(n.table.header)
        ) and not CHANGE_OVER_YEAR.search(n.table.header if n.table is not None and n.table.comparison else n.raw_clause):
            # (a table's column of a stock: 险种 | 参保人数, its rows named by what is insured)
            n.period = Period("stock", None, p.end)
            if n.period_from is not None:
                n.period_from = (n.period_from[0], n.period_from[1], "a stock (存栏, 在册……) as of the end of the period in force")


def _month_on_month(s: str, nums: list[Num]) -> None:
    """A change on the month before (环比上涨0.5%) under a year to date (1-11月) is the last month's: a month is
    compared with the month before it, not eleven months with one (a quarter's 环比, 一季度……环比下降, stays
    the quarter's)."""
    for n in nums:
        p = n.period
        if n.comparison != "mom" or p is None or p.kind != "span" or p.start is None or p.end is None:
            continue
        if (p.start.month, p.start.day) != (1, 1) or p.end.month == 1 or p.start.year != p.end.year:
            continue
        if p.end != P.month_end(p.end.year, p.end.month) or n.period_from is None:
            continue
        if "季" in s[n.period_from[0] : n.period_from[1]]:
            continue  # 前三季度……环比: quarter on quarter
        n.period = Period("span", date(p.end.year, p.end.month, 1), p.end)
        n.period_from = (n.period_from[0], n.period_from[1], "a change on the month before: the last month of the span")


# A comparison with the end of last year (比上年末, 较年初), in the two patterns below.
_YEAR_START_BASE = r"(?:比|较)(?:上年末|上年底|去年末|去年底|上年年末|年初)"
# Right after a figure: its unit's tail, then a clause comparing it with the end of last year (,比上年末增加).
_LEVEL_BEFORE_CHANGE_OVER_YEAR = re.compile(r"[^,，。;；\d]{0,4}?[,，]\s*" + _YEAR_START_BASE)
# (also the later items of a list: 分别比年初增加5.9万人、3.1万人和4.4万人)
_CHANGE_OVER_YEAR_BEFORE = re.compile(
    _YEAR_START_BASE + r"(?:[^,，。;；]{0,6}|[^,，。;；\d]{0,6}(?:\d[\d.]*[^\d,，。;；、和]{0,5}[、和]){1,6})$"
)


# Between the two values of a from-to clause (由25793.17亿元增加到33786.07亿元): the change and 到 or 至.
_FROM_TO_BETWEEN = re.compile(r"(?:增加|提高|增长|上升|下降|减少|扩大|缩小|降低|提升|跃升|攀升|升|降|增|减)(?:到|至)")


def _from_to_over_years(doc: Document, nums: list[Num]) -> None:
    """2019年至2023年,全省地区生产总值由25793.17亿元增加到33786.07亿元: under a range of whole years, the value a
    from-to clause starts from is the first year's and the value it reaches is the last year's, not the range's."""
    s = doc.s
    for a, b in zip(nums, nums[1:], strict=False):
        per = a.period
        if (
            per is None or per.kind != "span" or per.start is None or per.end is None or b.period != per
            or per.start.year >= per.end.year or (per.start.month, per.start.day) != (1, 1)
            or (per.end.month, per.end.day) != (12, 31) or s[a.start - 1 : a.start] not in ("由", "从")
            or _FROM_TO_BETWEEN.fullmatch(s, a.end, b.start) is None
        ):
            continue
        a.period = Period("span", per.start, date(per.start.year, 12, 31))
        b.period = Period("span", date(per.end.year, 1, 1), per.end)
        if a.period_from is not None and b.period_from is not None:
            a.period_from = (*a.period_from[:2], "the first year of the range: where a from-to clause starts")
            b.period_from = (*b.period_from[:2], "the last year of the range: what a from-to clause reaches")


def _changes_over_year(doc: Document, nums: list[Num]) -> None:
    """A change against the end of last year (较上年底减少8.2%, 比年初增加312.5亿元) under a stock as of a
    date: the change over the months from New Year to that date, not a stock."""
    s = doc.s
    for n in nums:
        p = n.period
        if p is None or p.end is None or p.start is not None and not P.is_stock(p):
            continue
        a = doc.clause(n.start)[0]
        if _CHANGE_OVER_YEAR_BEFORE.search(s, a, n.start):
            n.period = Period("span", date(p.end.year, 1, 1), p.end)
            if n.period_from is not None:
                n.period_from = (n.period_from[0], n.period_from[1], "a change since New Year up to the stock's date")


def _same_heading_segment(s: str, a: int, b: int) -> bool:
    """Whether ``a`` and ``b`` are in one part of a headline (parts are set apart by spaces)."""
    lo, hi = min(a, b), max(a, b)
    return lo >= 0 and not re.search(r"\s", s[lo:hi])


def _same_quantity(n: Num, m: Num) -> bool:
    """Whether two figures of one value may be one quantity stated twice: their subjects share a word
    (two characters), so 打掉贩毒团伙3个 is not 扣押涉案车辆3台."""
    a, b = n.base or n.subject, m.base or m.subject
    if a and b and n.unit is not None and n.unit.family == "percent":
        # a share or a rate is named by its last word (通硬化路比例, 通客车率): two rates of one value (100%) that
        # share an opening word (具备条件的) are two quantities
        return a[-2:] == b[-2:]
    return not a or not b or any(a[i:i + 2] in b for i in range(len(a) - 1))


def _unify_restated(s: str, nums: list[Num]) -> None:
    """One figure stated twice, once as of a cut-off with no start (截至今年4月……1047起, 截至目前……19.25
    万宗) and once over a window that closes there (去年12月至今年4月……1047起; a title's 今年来……十九万余
    宗): both are the window."""
    def fam(n: Num) -> str:
        return n.unit.family if n.unit else "count"

    # by the end of its span, each figure over a span with its period, its value in the base unit and its
    # family, read once (none of them changes below: only the stocks' periods are set)
    spans: dict[date, list[tuple[Num, Period, float, str]]] = {}
    for m in nums:
        mp = m.period
        if mp is not None and mp.kind == "span" and mp.start is not None and mp.end is not None:
            spans.setdefault(mp.end, []).append((m, mp, m.value * (m.unit.factor if m.unit else 1), fam(m)))
    if not spans:
        return  # no window for a stock to be restated over
    for n in nums:
        p = n.period
        if p is None or not P.is_stock(p) or p.end is None:
            continue
        v = n.value * (n.unit.factor if n.unit else 1)
        fam_n = fam(n)
        for m, mp, w, fam_m in spans.get(p.end, [])[:50]:
            if m is n or fam_m != fam_n:
                continue
            same = abs(v - w) <= 1e-9 * max(1.0, abs(v))
            rounded = m.heading and m.qualifier != "exact" and 0.9 * abs(w) <= abs(v) <= 1.1 * abs(w)
            if m.heading and (m.period_from is None or not _same_heading_segment(s, m.period_from[0], m.start)):
                continue  # a headline's period counts only for the part of the headline it opens
            if (same or rounded) and _same_quantity(n, m):
                n.period = mp
                n.period_from = m.period_from and (m.period_from[0], m.period_from[1], "the same figure, stated over its window")
                break


def _cut_offs(nums: list[Num]) -> dict[int, tuple[int, int, tuple[int, int]]]:
    """The phrase (截至目前, 截至9月底) each figure's period was read from, with its sentence."""
    return {
        id(n): (n.period_from[0], n.period_from[1], n.sentence) for n in nums
        if n.period is not None and n.period_from is not None and n.period_from[1] > n.period_from[0]
    }


# how a figure's cut-off was shown to close a window: a start before it, or the figure stated elsewhere over it
_WINDOW_READINGS = ("a running total from", "the same figure, stated over its window")


def _one_reading_per_cut_off(nums: list[Num], cut_offs: dict[int, tuple[int, int, tuple[int, int]]]) -> None:
    """A cut-off that one figure of a sentence shows to close a window (截至目前,……共查处案件19.25万宗
    under a title's 今年来……十九万余宗; 今年以来……截至目前,共查处) closes it for the rest of the
    sentence too (罚没金额11.72亿元), unless a figure names a stock (在册, 存栏)."""
    windows: dict[tuple[int, int, tuple[int, int]], Num] = {}
    for n in nums:
        key = cut_offs.get(id(n))
        p = n.period
        rule = n.period_from[2] if n.period_from is not None else ""
        if key is not None and p is not None and p.kind == "span" and p.start is not None and rule.startswith(_WINDOW_READINGS):
            windows.setdefault(key, n)
    if not windows:
        return
    for n in nums:
        key = cut_offs.get(id(n))
        m = windows.get(key) if key is not None else None
        p, mp = n.period, m.period if m is not None else None
        if m is None or mp is None or p is None or not P.is_stock(p) or p.end != mp.end:
            continue
        if _names_a_stock(n.base or n.subject) or _names_a_stock(n.raw_clause):
            continue  # (or one held by the words before it: 截至目前,全县现有吸毒人员1873名)
        n.period = mp
        n.period_from = m.period_from and (m.period_from[0], m.period_from[1], "its sentence's cut-off closes a window")


# 在查处的案件中, 在抓获的犯罪嫌疑人中: a sentence that breaks down a total stated before it
_AMONG_THE = re.compile(r"(?:据悉|据了解|据统计|另据统计)?[,，]?\s*在(?:已|所)?([\u4e00-\u9fff]{1,4})的([\u4e00-\u9fff]{1,10})中[,，]")


def _breakdowns_of_totals(doc: Document, nums: list[Num]) -> None:
    """The figures of a sentence opening 在查处的案件中 take the period of the total it breaks down: the
    last figure before it whose subject names the verb and the thing (查处各类经济违法案件19.25万宗),
    not the period carried from the paragraph."""
    s = doc.s
    if "中," not in s and "中，" not in s:
        return  # no sentence can open 在……的……中, : none is tried
    by_sentence: dict[tuple[int, int], list[Num]] = {}
    for n in nums:
        by_sentence.setdefault(n.sentence, []).append(n)
    for (a, _b), group in by_sentence.items():
        m = _AMONG_THE.match(s, a)
        if m is None:
            continue
        verb, thing = m.group(1), m.group(2)[-2:]
        total = next(
            (t for t in reversed(nums) if t.start < a and not t.heading and t.period is not None
             and verb in (t.base or t.subject) and thing in (t.base or t.subject)), None,
        )
        if total is None or total.period is None:
            continue
        for n in group:
            if n.period_from is not None and n.period_from[0] >= a:
                continue  # a period stated in the sentence itself
            n.period = total.period
            n.period_from = total.period_from and (
                total.period_from[0], total.period_from[1], f"{m.group(0).strip(',， ')}: the total it breaks down"
            )


def _parts_after_totals(doc: Document, nums: list[Num]) -> None:
    """A sentence opening 其中 gives parts of the totals of the sentence before it, in its paragraph: where the
    totals are counted from a start up to a cut-off (6月22日以来……截至7月9日,……共造成……受灾) and a part is read as
    a stock as of that cut-off (其中,长沙市直接经济损失93.5亿元), the part is counted over the same span."""
    s = doc.s
    if "其中" not in s:
        return
    groups: list[list[Num]] = []
    for n in nums:
        if groups and groups[-1][0].sentence == n.sentence:
            groups[-1].append(n)
        else:
            groups.append([n])
    for before, group in zip(groups, groups[1:], strict=False):
        # the totals: the last count before (not a change of it, 较去年底增长6.2%, nor a share)
        total = None
        for t in reversed(before):
            if t.comparison is None and not _is_rate(t):
                total = t
                break
        q = total.period if total is not None else None
        if (
            total is None or q is None or q.kind != "span" or q.start is None or total.heading
            or total.para != group[0].para or not _PARTS_OPEN.match(s, group[0].sentence[0])
        ):
            continue
        for m in group:
            p = m.period
            if p is not None and p.start is None and p.end == q.end and (
                m.period_from is None or m.period_from[0] < group[0].sentence[0]  # (not a stock the sentence states)
            ) and not (m.period_from and m.period_from[2] == _NAMED_CAMPAIGN_RULE):
                m.period = q
                m.period_from = total.period_from and (*total.period_from[:2], "其中: a part of the totals before, over their span")


def _is_rate(n: Num) -> bool:
    return n.unit is not None and n.unit.family in ("percent", "points", "ratio")


# A sentence that opens on the parts of what was just counted.
_PARTS_OPEN = re.compile(r"\s*其中[,，]")


def _duplicate_headings(doc: Document) -> set[int]:
    """Heading lines after the article's text that repeat an earlier heading word for word: page furniture
    (上一篇/下一篇 boxes) repeating the title, not a mention of its own."""
    seen: set[str] = set()
    dup: set[int] = set()
    in_body = False  # (a page that prints its title twice above the article, 来源 between: two mentions)
    for p in doc.paragraphs:
        if not p.heading:
            in_body = in_body or not p.furniture and p.end > p.start and doc.s.find("。", p.start, p.end) >= 0
            continue
        t = doc.s[p.start : p.end].strip()
        if t in seen and in_body:
            dup.add(p.index)
        seen.add(t)
    return dup


# ---------------------------------------------------------------- figures


# a phrase read back in the original text: its words, their offsets, and the rule that read it
_Provenance = tuple[str | None, int | None, int | None, str | None]


def _provenance(doc: Document, span: tuple[int, int, str] | None) -> _Provenance:
    if span is None:
        return None, None, None, None
    a, b, rule = span
    if b <= a:
        return None, None, None, rule
    oa, ob = doc.norm.to_original_span(a, b)
    return doc.text[oa:ob], oa, ob, rule


class _Originals:
    """Spans of the normalised text read back in the original, for the figures of one document: the figures
    of a sentence quote the same sentence, and one phrase sets the period or the region of many figures, so
    each span is mapped back (and cut out of the text) once, not once per figure."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._sentences: dict[tuple[int, int], tuple[int, int, str]] = {}
        self._phrases: dict[tuple[int, int, str] | None, _Provenance] = {}

    def sentence(self, span: tuple[int, int]) -> tuple[int, int, str]:
        """The sentence's offsets in the original text and its text there, stripped."""
        got = self._sentences.get(span)
        if got is None:
            sa, sb = self.doc.norm.to_original_span(*span)
            got = self._sentences[span] = (sa, sb, self.doc.text[sa:sb].strip())
        return got

    def provenance(self, span: tuple[int, int, str] | None) -> _Provenance:
        got = self._phrases.get(span)
        if got is None:
            got = self._phrases[span] = _provenance(self.doc, span)
        return got


_FULL_PARENS = str.maketrans("()", "（）")


def _parens_as_written(text: str, subject: str) -> str:
    """A subject read off the normalised text with the parentheses the release writes: 县（市）where it
    writes full-width ones, as the text names the quantity."""
    if "(" not in subject and ")" not in subject:
        return subject
    return subject.translate(_FULL_PARENS) if text.count("（") > text.count("(") else subject


# The order _to_figure passes a figure's fields in: checked against Figure once, on import.
_FIGURE_ORDER = (
    "mention", "start", "end", "value", "unit", "qualifier", "subject", "kind", "period_start", "period_end",
    "region", "sentence", "sentence_start", "sentence_end", "extractor", "extractor_version", "metric",
    "region_code", "comparison", "value_high", "unit_family", "value_normalised", "unit_normalised",
    "period_from", "period_from_start", "period_from_end", "period_rule", "region_from", "region_from_start",
    "region_from_end", "region_rule",
)
if tuple(fd.name for fd in fields(Figure)) != _FIGURE_ORDER:
    raise TypeError("Figure's fields changed: update _to_figure, which passes them by position")


def _to_figure(doc: Document, n: Num, originals: _Originals) -> Figure:
    a, b = doc.norm.to_original_span(n.start, n.end)
    sa, sb, sentence = originals.sentence(n.sentence)
    text = doc.text
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
    if P.is_stock(per):
        ps = None
    high = n.high
    if high is not None and n.sign < 0:
        high = -high
    pf, pfa, pfb, prule = originals.provenance(n.period_from)
    rf, rfa, rfb, rrule = originals.provenance(n.region_from)
    place = n.place
    # (by position, in the order of Figure's fields, named on each line: a figure is built by the dozen a
    # release, and its 31 fields passed by keyword cost a third more)
    return Figure(
        text[a:b],  # mention
        a,  # start
        b,  # end
        value,
        unit.text if unit else "",  # unit
        n.qualifier,  # type: ignore[arg-type]
        _parens_as_written(text, n.subject),  # subject
        "event" if n.event else "aggregate",  # kind
        ps,  # period_start
        pe,  # period_end
        place.name if place else None,  # region
        sentence,
        sa,  # sentence_start
        sb,  # sentence_end
        NAME,  # extractor
        VERSION,  # extractor_version
        None,  # metric
        place.code if place else None,  # region_code
        n.comparison,  # type: ignore[arg-type]
        high,  # value_high
        family,  # unit_family
        value * unit.factor if unit else value,  # value_normalised
        unit.normalised if unit else None,  # unit_normalised
        pf,  # period_from
        pfa,  # period_from_start
        pfb,  # period_from_end
        prule,  # period_rule
        rf,  # region_from
        rfa,  # region_from_start
        rfb,  # region_from_end
        rrule,  # region_rule
    )


def _assign(doc: Document, nums: list[Num]) -> tuple[Focus, _Times, dict[str, str]]:
    """Period, place and kind of every number, with the phrases that set them."""
    s = doc.s
    g = gazetteer()
    ms = places.mentions(doc, g)
    area = places.focus(doc, ms, g)
    ms = places.resolve(ms, area, g)
    ms = _local_names(doc, ms, area)
    place_scopes = _place_scopes(doc, ms, area)
    times = _Times(doc, [n.start for n in nums])
    cases = [m.start() for m in _CASE_RE.finditer(s)] if _holds_any(s, _CASE_WORDS) else []
    words = {
        "narrative": _Words(_CASE_NARRATIVE, s), "campaign": _Words(_CAMPAIGN_RE, s, _CAMPAIGN_NOT_AFTER),
        "total": _Words(_TOTAL_WORDS, s), "episode": _Words(_EPISODE, s),
    }
    # a sentence that sums up a case names it (该案, 此案): without such a name in the text its pattern is not
    # tried (案 alone stands in nearly every release: 案件)
    case_totals = any(w in s for w in _CASE_NAMES)
    # where a semicolon stands, for the test of each figure below (one lookup, not a copy of its sentence so far)
    semis = [m.start() for m in _SEMICOLON.finditer(s)]
    home_from: tuple[int, int, str] | None = None
    if area.start is not None and area.end is not None:
        home_from = (area.start, area.end, f"the release's area ({area.rule})")
    elif area.place is not None:
        home_from = (0, 0, f"the release's area ({area.rule})")
    paras = doc.paragraphs
    for n in nums:
        sent = doc.sentence(n.start)
        # the figure's paragraph is its sentence's (a sentence lies inside one paragraph): read off it, with
        # whether it is a heading (doc.is_heading), not searched for twice more
        n.para = sent.para
        pa = paras[sent.para]
        heading = pa.heading and not pa.furniture
        n.heading = heading
        n.sentence = (sent.start, sent.end)
        in_force = times.scopes.in_force(n.start, heading=heading)
        per, top, rule = _period_of(doc, times, n, sent, in_force)
        # a case told in this sentence: its quantities are the case's (up to a ； that turns to the statistics:
        # ……最大的一起毒品案件;据统计,今年以来,该局已破获……)
        told = sent
        last_semi = bisect_right(semis, n.start - 1) - 1  # (the last semicolon before the figure)
        if last_semi >= 0 and semis[last_semi] >= sent.start:
            turn = [m.end() for m in _STATISTICS_AFTER_SEMI.finditer(s, sent.start, n.start)]
            if turn:
                told = Sentence(sent.index, turn[-1], sent.end, sent.para)
        k = bisect_right(cases, n.start) - 1
        case_here = k >= 0 and cases[k] >= told.start
        n.event = _is_event(doc, n, told, per, top, case_here, words)
        stated_here = top is not None and top.start >= sent.start
        if not n.event and _penalty_of_one(s, told, n):
            n.event = True
            if per is None or per.kind != "day" or not stated_here:
                per, rule = Period("vague", None, None), "one party's penalty: its own day, not stated"
        if case_here and (per is None or per.kind != "day") and not _short_span(per, stated_here):
            per, rule = Period("vague", None, None), "a case told in this sentence: its own day, not stated"
        if not heading and case_totals and _CASE_TOTAL_RE.match(s, sent.start):
            since = max((r for r in times.case_resets if r < n.start), default=-1)
            days = [d for pos, d in times.case_days if since < pos < n.start]
            if len(days) >= 2:
                per, rule = Period("span", min(days), max(days)), "至此,该案共: all the case's days"
        n.period = per
        n.carried = None
        for ph in in_force:  # (the first span in force: a loop, not a generator made for every figure)
            if ph.role == P.WHEN and ph.value.period.kind == "span":
                n.carried = ph.value.period
                break
        if per is not None and per.kind == "stock_end" and per.end is not None and (per.end.month, per.end.day) == (12, 31):
            # 12月份，……。年末……1021家，比上年末增加58家: what changed up to the year's end changed over the
            # year, not over the month stated last
            n.carried = Period("span", date(per.end.year, 1, 1), per.end)
        n.period_from = (top.start, top.end, rule) if top is not None else (0, 0, rule) if per is not None else None
        pl = place_scopes.innermost(n.start, heading=heading)
        if pl is not None:
            n.place, n.region_from = pl.value, (pl.start, pl.end, pl.rule)
        else:
            n.place, n.region_from = area.place, home_from
    _distribute_lists(doc, ms, nums)
    _distribute_period_lists(doc, times, nums)
    _changes_of_places_each(doc, nums)
    _joint_shares_of_listed_places(doc, nums, area.place)
    _caught_in(doc, nums)
    _table_columns_and_rows(doc, nums, times, area)
    return area, times, _written_names(ms)


# After a count of people: where they were caught (其中2名在缅甸境内落网, 另外3名嫌疑人在澳门落网).
_CAUGHT_IN = re.compile(r"[^,，。;；]{0,8}?在(?P<place>[\u4e00-\u9fff]{2,6}?)(?:境内|当地|本地)?(?:落网|被抓获|被捕|归案|被抓)")


def _caught_in(doc: Document, nums: list[Num]) -> None:
    g = gazetteer()
    for n in nums:
        if n.unit is None or n.unit.text not in ("名", "人"):
            continue  # (a count of people only: the pattern is not tried after any other number)
        m = _CAUGHT_IN.match(doc.s, n.end)
        if m is None:
            continue
        name = m.group("place")
        d = g.lookup(name)
        n.place = places.display(d, name) if d is not None else Place(name)
        n.region_from = (m.start("place"), m.end("place"), "where they were caught (在……落网)")


def _table_columns_and_rows(doc: Document, nums: list[Num], times: _Times, area: Focus) -> None:
    """A table's value takes the period its column's header names (环比(%), 1—5月(%)), and the place
    its row's label names (上蔡县 | 523146 | -1.8), where they name one."""
    g = gazetteer()
    within = area.place.division if area.place is not None else None
    for n in nums:
        c = n.table
        if c is None:
            continue
        if c.header_start >= 0:
            at = (c.header_end if c.header_end >= 0 else c.header_start + len(c.header)) - 1
            ph = next((p for p in times.scopes.in_force(at, heading=doc.is_heading(at))
                       if p.start >= c.header_start and p.role in (P.WHEN, P.UNTIL, P.STOCK)), None)
            if ph is not None:
                n.period, n.period_from = ph.value.period, (ph.start, ph.end, "the period its column's header names")
        label = c.label
        d = g.lookup(label, within) if 2 <= len(label) <= 12 else None
        if d is not None and (label == d.name or label in d.short):
            n.place = places.display(d, label)
            n.region_from = (c.label_start, c.label_start + len(label), "the place its row's label names")
        elif d is None and places.TOWNSHIP_NAME.fullmatch(label):
            # 汲冢镇 | 8.4 | 452.3, 建北街道 49 -13.6%: a township or street the table lists, below the divisions
            # the gazetteer holds, is its row's place
            n.place = Place(label)
            n.region_from = (c.label_start, c.label_start + len(label), "the township its row's label names")


_CJK_NUMERALS = frozenset("一二两三四五六七八九十百千万")


def _township_rows(doc: Document, nums: list[Num]) -> None:
    """各乡镇查处吸毒人员情况如下:\n城郊乡\u300031人次: a row of a township under a caption, its label and its
    value on a line, is that township's (the caption names what it counts: see subjects._rows_header)."""
    s = doc.s
    if "如下" not in s:
        return  # no caption over rows: none is looked for
    for n in nums:
        if n.table is not None:
            continue
        ls = doc.paragraph(n.start).start
        label = s[ls : n.start]
        if not label.endswith(subjects.ROW_SPACES) or not places.TOWNSHIP_NAME.fullmatch(label := label.strip()):
            continue
        if (n.base or n.subject) != label:
            at = s.index(label, ls)
            n.place = Place(label)
            n.region_from = (at, at + len(label), "the township its row's label names")


def _inside_a_name(s: str, a: int, b: int) -> bool:
    """Whether the number written in words at ``a``..``b`` is part of a place's name (七里河区: no 7 里)."""
    lo = max(0, a - 4)
    g = gazetteer()
    # (a name around the number starts at most four characters before it: where no name begins with the two
    # characters at any of those places, none is looked for)
    for i in range(lo, a + 1):
        if g.may_start(s, i):
            break
    else:
        return False
    return any(h.start + lo <= a and b <= h.end + lo for h in g.find(s[lo : b + 6]))


@register(NAME, VERSION, stage="recognise")
def recognise(text: str, published: date | None = None, region: str | None = None) -> list[Figure]:
    """Every stated figure of ``text``."""
    if not text or not text.strip():
        return []
    doc = Document(text, published=published, region=region)
    furniture = [  # but a breadcrumb (首页 > 新闻 > the title) ends with the page's own title
        (p.start - 1, p.end + 1) for p in doc.paragraphs
        if p.furniture and not p.cell and not _BREADCRUMB.search(doc.s, p.start, p.end)
    ]
    nums = merge_table_values(read_numbers(doc.s, doc.norm, doc.text, furniture), tables.value_cells(doc) + tables.pipe_value_cells(doc))
    nums = [n for n in nums if not (doc.s[n.start] in _CJK_NUMERALS and _inside_a_name(doc.s, n.start, n.end))]
    if not nums:
        return []
    area, times, written = _assign(doc, nums)
    subjects.assign(doc, nums, area.place)
    subjects.breakdown_topics(doc, nums)
    subjects.averages(nums)
    _township_rows(doc, nums)
    _stock_subjects(doc.s, nums)
    _month_on_month(doc.s, nums)
    _changes_over_year(doc, nums)
    _from_to_over_years(doc, nums)
    _lead_case_days(nums, times.arrest_days, doc.published)
    _reporting_window(doc, nums, times.until_ends, times.since_starts)
    _cut_off_in_paragraph(doc, nums)
    dup = _duplicate_headings(doc)
    if dup:
        nums = [n for n in nums if n.para not in dup]
    if _any_stock(nums):
        # (the three steps settle figures that are stocks as of a cut-off, and make none: a release without
        # one, most of them, is not indexed by cut-off, window or end date for nothing)
        cut_offs = _cut_offs(nums)
        _unify_restated(doc.s, nums)
        _one_reading_per_cut_off(nums, cut_offs)
    _breakdowns_of_totals(doc, nums)
    _parts_after_totals(doc, nums)
    _settle_headings(doc, nums, times)
    _as_written(nums, written)
    originals = _Originals(doc)
    return [_to_figure(doc, n, originals) for n in nums]


def _written_names(ms: list[Mention]) -> dict[str, str]:
    """code -> the name to print a division by, as the text writes it: its short form where the text
    writes it only so, keeping its level word (延边州, never 延边朝鲜族自治州: a row reached through 全州, an
    agency or the outlet's name is printed by that name too); its official name where the text writes
    that anywhere (延边朝鲜族自治州民政局 under a title that says 延边州)."""
    short: dict[str, str] = {}
    official: dict[str, str] = {}
    for m in ms:
        pl = m.place
        if pl is None or pl.code is None or pl.division is None or m.scope:
            continue
        if m.text == pl.division.name:
            official[pl.code] = pl.division.name
        elif pl.name != pl.division.name:
            short.setdefault(pl.code, pl.name)
    return short | official


def _as_written(nums: list[Num], written: dict[str, str]) -> None:
    for n in nums:
        pl = n.place
        if pl is not None and pl.code in written and pl.division is not None and pl.name != written[pl.code]:
            n.place = Place(written[pl.code], pl.code, pl.division)
