"""Places in a release: every mention with its role, and the area the release speaks for.

A release names places in many roles (the geoparsers' distinction between finding a toponym and
deciding what it does): the reporting area or a part of it (全省, 昆明市破获……, 凤庆县公安局), but
also origins, destinations and routes (来自四川, 赴全国12个省份, 运往广东), the dateline and the
newspaper (新华社昆明5月9日电, 昆明日报, 每日某省网), the base of a reporter (驻福州记者), parts of
names (某某博览会, “云南禁毒”), honours and rankings (全国先进集体, 居全省第二, 高于全省, 占全国总量的),
rhetoric (全省乃至全国) and lists of places (青岛、烟台). :func:`mentions` finds them (division names
through :mod:`extractors.gazetteer`, scope words such as 全省 and 我市) and gives each a role by the
rules in the tables below; only the roles in :data:`AREA_ROLES` may set a figure's region.

:func:`focus` decides the release's own area from its structure: the title, the agencies that speak
(凤庆县公安局, 记者从云南省公安厅获悉), the scope words it uses (全县 asks for a county), the mentions
of its lead, the source line and the newspaper, the source's configured region last. The narrowest
area that this evidence supports wins; names several divisions share are then resolved inside it.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass

from extractors.document import LOCAL_DATELINE, Document
from extractors.gazetteer import NATIONAL_CODE, Division, Gazetteer, gazetteer


@dataclass(frozen=True, slots=True)
class Place:
    """An area a figure may belong to: a division (with its code), 全国, or an agency's own name
    where the text names no division."""

    name: str  # as the text names it (德宏州, 凤庆县), else the official name
    code: str | None = None
    division: Division | None = None


NATIONAL = Place("全国", NATIONAL_CODE)

# Roles of a place mention.
AREA = "area"  # the reporting area or a part of it: sets a figure's region
AGENCY = "agency"  # an agency of the area speaks (凤庆县公安局, 昆明警方): sets the region too
LIST = "list"  # one of several places listed (青岛、烟台): set element by element (分别)
# What joins the places of a list (青岛、烟台和威海, 甲县及乙县): read here and by the recogniser's list rules.
LIST_JOINERS: tuple[str, ...] = ("、", "和", "及", "与", "以及")
ORIGIN = "origin"  # where something came from or went: 来自, 赴, 运往, 途经, 湖南籍
HELPER = "helper"  # 在……协助下
MEDIA = "media"  # a newspaper, site or station named after a place
DATELINE = "dateline"  # 新华社昆明5月9日电
REPORTER = "reporter"  # 驻福州记者
NAME = "name"  # part of another name: an event, an honour, a street, a school
COMPARE = "compare"  # a ranking, a comparison or the whole of a share: 居全省第二, 高于全省, 占全国
RHETORIC = "rhetoric"  # 全省乃至全国
VENUE = "venue"  # where a meeting was held: 在昆明召开
SITE = "site"  # where an incident happened inside the area: 合浦县一所学校附近, 越秀区某物流公司
FURNITURE = "furniture"  # page furniture around the article
AREA_ROLES: frozenset[str] = frozenset({AREA, AGENCY})

# Scope words and the level they name.
SCOPE_WORDS: tuple[tuple[str, str], ...] = (
    ("全国", "国"), ("我国", "国"), ("全省", "省"), ("我省", "省"), ("本省", "省"), ("该省", "省"), ("省里", "省"),
    ("全市", "市"), ("我市", "市"), ("本市", "市"), ("该市", "市"), ("全区", "区"),
    ("我区", "区"), ("本区", "区"), ("该区", "区"), ("全自治区", "区"), ("全县", "县"), ("我县", "县"),
    ("本县", "县"), ("该县", "县"), ("全州", "州"), ("我州", "州"), ("本州", "州"),
    ("该州", "州"), ("全盟", "盟"), ("全旗", "旗"), ("全疆", "省"),
)
_SCOPE = dict(SCOPE_WORDS)
_SCOPE_RE = re.compile("|".join(w for w, _ in SCOPE_WORDS))

# ---- the rules that give a mention its role (looked at in this order) ----
# After a name: a newspaper, site or station (昆明日报, 云南网), not where the figure is.
MEDIA_AFTER: tuple[str, ...] = (
    "日报", "晚报", "早报", "青年报", "商报", "都市报", "法制报", "电视台", "广播电视", "在线", "新闻网",
    "网", "报", "卫视", "广播", "发布", "头条", "融媒体",
)
MEDIA_AFTER_EXCEPT: tuple[str, ...] = ("网站", "网格", "网络", "网吧", "网点", "报警", "报案", "报告", "报送", "报道")
_DATELINE_AFTER = re.compile(r"\s*\d{1,2}月\d{1,2}日(?:电|讯|消息|报道|\d)")
# Before a name: an origin, a destination or a route.
ORIGIN_BEFORE: tuple[str, ...] = (
    "来自", "赴", "前往", "通过", "途经", "经由", "运往", "发往", "寄往", "流入", "流向", "销往", "飞往", "从",
    "到", "至", "往", "抵达", "返回", "回到", "逃往", "潜逃", "押解", "辗转", "遍布", "涉及", "波及", "覆盖",
    "外省", "跨", "远赴", "奔赴", "转战", "追至", "追到", "窜至", "流窜", "押回", "带回", "运至", "购自",
    "源于", "来源地为", "产自", "产于",  # 毒品来源于云南的占62.3%: where it came from, not the area counting
)
# After a name: an origin (湖南籍) or a list of other places (两地, 等地).
ORIGIN_AFTER: tuple[str, ...] = ("籍", "方向", "方面的", "户籍", "口音", "牌照", "号牌")
LIST_AFTER: tuple[str, ...] = ("两地", "三地", "四地", "等地", "等省", "等市", "等县", "等周边", "、")
# After a name: part of another name (an event, an honour, a street, a school, an organisation).
NAME_AFTER: tuple[str, ...] = (
    "博览会", "交易会", "展览会", "论坛", "峰会", "运动会", "马拉松", "大学", "学院", "中学", "小学", "医院",
    "路", "大道", "大街", "街道", "机场", "火车站", "高铁站", "高速", "大桥", "码头", "宾馆", "酒店",
    "先进", "优秀", "文明", "十佳", "模范", "示范", "表彰", "劳动模范", "五一劳动奖", "青年五四奖", "三八红旗",
    "禁毒工作先进", "人民满意", "最美", "卷", "籍贯", "特产", "品牌", "名片",
    # a region named after a place, wider or other than its division (成都平原经济区, 长株潭都市圈)
    "平原", "盆地", "经济区", "经济圈", "经济带", "都市圈", "城市群",
)
# Around a scope word or a name: a ranking, a comparison or the whole of a share.
RANK_AFTER: tuple[str, ...] = (
    "第", "平均", "率先", "前列", "先列", "首", "百城", "十大", "统一", "领先", "水平", "同类", "总量", "排名",
    "各地", "各县", "各区", "各市", "各州", "范围内", "性", "人民", "上下", "各族", "重点", "最", "增速", "增幅", "的比重", "比重", "占比",
    "总数", "总额", "均值", "同期", "进出口总值", "一盘棋",
)
# After a scope word, what makes it part of a system's name: 全国打拐DNA数据库, 全省一体化平台.
_SYSTEM_AFTER = re.compile(r"[^,，。;；\d]{0,8}?(?:数据库|信息库|信息系统|平台)")
# After a scope word, a total with its value (全省进出口总值1407.6亿元, 全市总额为……): the area's own figure,
# not the whole of a share (占全省进出口总值的).
_TOTAL_STATED = re.compile(r"(?:进出口总值|总数|总额)(?:为|达到?|是)?\s*\d")
# After a name: the place is the one ranked (酒泉排名第二), the area of what follows.
RANKED_AFTER: tuple[str, ...] = ("排名第", "排名前", "排在第", "位列第", "位居第")
# After a name: the place is the one ranked, its value right after (张家口市最高，达91.6%; 邯郸市最低，为61.3%).
_RANKED_VALUE = re.compile(r"最(?:高|低|多|少|大|小|快|慢)[,，]?(?:为|达到?|是|仅为?)?\s*\d")
RANK_BEFORE: tuple[str, ...] = (
    "占", "居", "位居", "位列", "列", "评", "获评", "成为", "是", "属", "高于", "低于", "快于", "慢于", "好于", "超过",
    "超出", "多于", "少于", "领跑", "跑赢", "跻身", "排", "在全国和", "比", "较", "与", "同", "和", "向",
    "对", "面向", "辐射", "服务", "支援", "援助", "联合", "协助", "配合",
)
RHETORIC_BEFORE: tuple[str, ...] = ("乃至", "甚至", "以至", "直至")
RHETORIC_AFTER: tuple[str, ...] = ("乃至", "甚至", "和全国", "及全国", "、全国")
# After 由 and a place: where something came in from (由香港入境).
_ENTRY_AFTER = re.compile(r"(?:入境|出境|进入|流入|运入|转运|发出|出发|运抵|运往|入关|过境)")
_HELPER_FRAME = re.compile(r"在[^,。;\n]{0,30}?(?:协助|配合|支持|帮助|指导|参与|见证)下")
# After a name: a site inside it, where something happened (某小区, 环城路一带, 一所学校附近); not a mode of
# transport or a word that ends in 路 (平南县水路货运量, 公路客运量, 思路).
SITE_AFTER = re.compile(
    r"(?:某|一[所处家个辆间栋座片条])|[^,，。;；\n]{0,6}?(?:(?<![道水公铁陆海航线网思出销])路|街|一带|附近|小区|酒店|宾馆|公寓|出租屋|仓库|物流|"
    r"收费站|服务区|码头|机场|车站|火车站|客运站|山谷|景区内|河段|水域)"
)
# The characters SITE_AFTER's words open with: one of them stands within seven characters of the name in every
# match (a word after at most six others), and the pattern, with no fixed first character, is tried only then.
_SITE_FIRST = frozenset("某一路街附小酒宾公出仓物收服码机车火客山景河水")
_VENUE_AFTER = re.compile(r"[^,。;\n]{0,12}?(?:召开|举行|举办)")
_REPORTER_BEFORE = ("驻", "派驻")
# Before a name: a partner of the acting agency (重庆市公安局联合铜梁区公安局破获……).
PARTNER_BEFORE: tuple[str, ...] = ("联合", "会同", "协同", "配合", "协助", "携手", "联手")
# After a name: an agency of that area speaks (凤庆县公安局, 昆明警方, 云南省统计局).
AGENCY_AFTER = re.compile(
    r"(?:省|市|县|区|州|盟|旗|自治区|自治州)?(?:人民)?[\u4e00-\u9fff]{0,6}?"
    r"(?:公安厅|公安局|公安分局|分局|公安机关|公安|警方|检察院|法院|统计局|调查队|政府|党委|市委|县委|州委|区委|"
    r"禁毒委|禁毒办|市场监管局|市场监督管理局|卫生健康委|卫健委|应急管理局|生态环境局|消防救援|交警|"
    r"税务局|海事局|边境管理|出入境|商务局|发改委|人社局|教育局|农业农村局|住建局|交通运输局|文旅局|"
    # any other bureau or department of the area's government (民政局, 林业和草原局, 自然资源厅)
    r"(?<![格结布大骗赌饭])局|厅)"
)
# A township or a street named with its level word (汲冢镇, 城郊乡, 建北街道): below the divisions the gazetteer holds.
TOWNSHIP_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:镇|乡|街道|苏木)")
# An agency whose name holds no division (拱北海关): the area is not known from it.
_SOURCE_LINE = re.compile(r"来源[:：]\s*([^\s　|]{2,30})")
# The site's owner in the page's footer (主办:三明市林业局, 主办单位：绵阳市人民政府办公室).
_OWNER_LINE = re.compile(r"主办(?:单位)?[:：]\s*([^\s　|]{2,30})")
# Where a dateline was filed: 新华社合肥1月26日电.
_DATELINE_PLACE = re.compile(r"(?:社|网|报|台|讯)\s*([\u4e00-\u9fff]{2,4}?)\s*\d{1,2}月\d{1,2}日")
_MEDIA_WORDS = ("日报", "晚报", "早报", "都市报", "商报", "时报")
# The outlet that opens a dateline: 泉州网12月22日讯, 每日云南网讯, 大理日报讯.
_DATELINE_OUTLET = re.compile(r"\s*([\u4e00-\u9fff]{2,6}?)(?:日报|晚报|网|报|电视台|广播电视台)")
_MEDIA_NAME = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:" + "|".join(_MEDIA_WORDS) + ")")  # (tried only where one is)
_NATIONAL_AGENCY = re.compile(
    r"国家统计局|国务院新闻办|国新办|公安部|国家禁毒委|海关总署|最高人民法院|最高人民检察院|国务院|应急管理部|生态环境部"
    r"|交通运输部|农业农村部|水利部|商务部|财政部|国家税务总局|国家卫生健康委|国家卫健委|民政部|人力资源和?社会保障部"
    r"|住房和城乡建设部|工业和信息化部|自然资源部|文化和旅游部|国家市场监督管理总局|市场监管总局|国家能源局|国家医保局"
    r"|国家发展改革委|国家发改委|国家邮政局|中国人民银行|国家林草局|国家林业和草原局|中国地震局|中国气象局"
)
# A title that opens with a province's one-character abbreviation (闽前10月……, 滇警方……).
_TITLE_ABBR = re.compile(r"\s*[【\[]?[^】\]]{0,8}?[】\]]?\s*([\u4e00-\u9fff])(?=[前今去上下一二三四五六七八九十\d]|警方|公安|破|查|缴|打|抓|侦)")


# An item's number before a name (3、弥渡县): its 、 lists nothing.
_ITEM_NUMBER_BEFORE = re.compile(r"(?:^|[\n。;；:：])\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})、$")


# After a name: the place's own average of a measure (怀化市平均降雨量达1136毫米, 益阳市平均亩产), not a
# comparison with an average (高于全省平均水平).
_OWN_AVERAGE = re.compile(r"平均(?!水平|值|数|线|增速|增幅)[\u4e00-\u9fff]{2}")
# Before a name: the places ranked at the top or bottom are named (增速居前三位的是会泽县、……; 改善幅度最大的是阳泉市;
# 排名末位的是运城市).
_TOP_RANKS_BEFORE = re.compile(
    r"(?:前[一二三四五六七八九十两\d]{1,2}(?:位|名)?的?|最[高低多少大小快慢好差]的|(?:末位|首位|第一|倒数第一)的)"
    r"(?:是|为|依次为|依次是|分别为|分别是)$"
)
# A figure before the 、 (吉首市89起、凤凰县41起): the items are places each with its figure, and the name
# opens its own item rather than going on with a list of names.
_FIGURE_ITEM_BEFORE = re.compile(r"\d[^\s\d、,，。;；:：()（）]{0,6}、$")


@dataclass(slots=True, unsafe_hash=True)  # not frozen, never changed after: see document.Paragraph
class Mention:
    """A place named in the text (offsets into the document's normalised text)."""

    start: int
    end: int
    text: str
    role: str
    candidates: tuple[Division, ...] = ()  # the divisions a name may mean
    scope: str | None = None  # 国 省 市 区 县 州 盟 旗 for 全国, 全省, 我市 ...
    rule: str = ""  # the rule that gave the role
    place: Place | None = None  # the named division, once resolved against the release's area


@dataclass(frozen=True, slots=True)
class Focus:
    """The area a release speaks for, and the evidence that decided it."""

    place: Place | None
    start: int | None = None  # a mention that names it (offsets into the normalised text)
    end: int | None = None
    rule: str = "none"  # title | agency | reporter | lead | mentions | source line | media | dateline | configured | national


def display(d: Division, surface: str) -> Place:
    """The division as the text names it: an official name stays; a short form of an autonomous
    division keeps its level word (德宏 -> 德宏州, 南涧 -> 南涧县) so the row reads like the release."""
    if surface == d.name:
        return Place(d.name, d.code, d)
    if surface not in d.name and d.suffix and surface.endswith(d.suffix):
        return Place(surface, d.code, d)  # 德宏州, 南涧县: as written (the level word read only for such a form)
    if surface[-1:] in "县市" and d.name[-1:] == "区" and len(surface) >= 2 and surface not in d.short:
        return Place(surface, d.code, d)  # 安县, 南康市: a former name, the name of the time the release writes of
    return Place(d.name, d.code, d)  # 大理, 甘南, 云南: the official name


def _role(doc: Document, a: int, b: int, furniture: bool, helper_frames: list[tuple[int, int]]) -> tuple[str, str]:
    """(role, rule) of a place named at ``s[a:b]``."""
    s = doc.s
    before = s[max(0, a - 4) : a]
    after = s[b : b + 8]
    if furniture:
        return FURNITURE, "in a furniture line"
    if (s[b : b + 1].isdecimal() or s[b : b + 1].isspace()) and _DATELINE_AFTER.match(s, b):
        # (the pattern opens with a space or a digit: after any other character it is not tried)
        return DATELINE, "a day and 电/讯 follow"
    if before.endswith(_REPORTER_BEFORE):
        return REPORTER, "驻 before"
    if after.startswith(MEDIA_AFTER) and not after.startswith(MEDIA_AFTER_EXCEPT):
        return MEDIA, "a newspaper or site word follows"
    if any(x <= a < y for x, y in helper_frames):
        return HELPER, "inside 在……协助下"
    if before.endswith(RHETORIC_BEFORE) or after.startswith(RHETORIC_AFTER):
        return RHETORIC, "乃至 around"
    if before.endswith(("和", "及", "与")) and _listed_before(s, a - 1):
        return LIST, "the last of a list of places (会泽县、富源县和师宗县)"
    # (whether an agency's name goes on after the place: asked by several rules below, looked for once)
    agency = AGENCY_AFTER.match(s, b) is not None
    if before.endswith(RANK_BEFORE) and not agency and not _TOP_RANKS_BEFORE.search(s, max(0, a - 12), a):
        return COMPARE, "a comparison word before"
    if before.endswith(PARTNER_BEFORE):
        return HELPER, "a partner (联合, 会同, 协同)"
    if before.endswith(("从",)) and agency:
        return AGENCY, "从 an agency (the source of the news)"
    if before.endswith(ORIGIN_BEFORE) or (before.endswith("由") and _ENTRY_AFTER.match(s, b)):
        return ORIGIN, "an origin or destination word before"
    if agency and not after.startswith(("人民群众", "人民生活")):
        return AGENCY, "an agency of the area"
    if _RANKED_VALUE.match(s, b):
        return AREA, "the place ranked, with its value after it (张家口市最低，为17)"
    if after.startswith(ORIGIN_AFTER):
        return ORIGIN, "籍 or a direction after"  # (安徽、四川方向客流分别占: also the last of a list before 分别)
    if before.endswith("、") and _DISTRIBUTED_AFTER.match(s, b) and _place_ends_at(s, a - 1):
        # 乌鲁木齐市、昌吉州、伊犁州重点项目分别完成投资……: the last of a list handing out its figures, whatever
        # word follows it (重点, 增速 name what each place counts, not a ranking)
        return LIST, "the last of a list of places before 分别"
    if after.startswith(RANK_AFTER) and not after.startswith(RANKED_AFTER) and not _OWN_AVERAGE.match(after):
        return COMPARE, "a ranking word after"
    if after.startswith(LIST_AFTER) or (
        before.endswith("、") and a >= 2 and not _ITEM_NUMBER_BEFORE.search(s, max(0, a - 5), a)
        and not _FIGURE_ITEM_BEFORE.search(s, max(0, a - 10), a)
    ):
        return LIST, "listed with other places"
    if before.endswith("在") and _VENUE_AFTER.match(s, b):
        return VENUE, "在 … 召开"
    if not _SITE_FIRST.isdisjoint(s[b : b + 7]) and SITE_AFTER.match(s, b):
        return SITE, "a site inside the area (某小区, 环城路一带, 一所学校附近)"
    if after.startswith(NAME_AFTER):
        return NAME, "part of a name"
    q_open = s.rfind("“", max(0, a - 12), a)
    if q_open >= 0 and s.find("”", q_open, a) < 0 and 0 <= s.find("”", b, b + 14):
        return NAME, "inside quotes"
    if agency:
        return AGENCY, "an agency of the area"
    return AREA, "a place in the text"


# After the last place of a list: what each counts, then 分别 in the same clause.
_DISTRIBUTED_AFTER = re.compile(r"[^,，。;；:：、]{0,12}分别")


def _places_ending_at(s: str, end: int) -> list[int]:
    """The starts of the place names (of twelve characters at most) that end at ``end``."""
    lo = max(0, end - 12)
    return [lo + h.start for h in gazetteer().find(s[lo:end]) if h.end == end - lo]


def _place_ends_at(s: str, end: int) -> bool:
    """Whether a place's name ends at ``end``."""
    return bool(_places_ending_at(s, end))


def _listed_before(s: str, end: int) -> bool:
    """Whether a place listed after a 、 ends at ``end`` (before a 和 or 及 that closes the list: 甲县、乙县和……)."""
    return any(a > max(0, end - 12) and s[a - 1] == "、" for a in _places_ending_at(s, end))


class _Spans:
    """Sorted, non-overlapping spans, asked whether ``[a, b)`` overlaps one of them."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [x for x, _ in self._spans]

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_right(self._starts, b - 1) - 1
        return k >= 0 and self._spans[k][1] > a


def mentions(doc: Document, gaz: Gazetteer | None = None) -> list[Mention]:
    """Every place named in ``doc`` and every scope word, with its role, in text order."""
    g = gaz or gazetteer()
    s = doc.s
    frames = [m.span() for m in _HELPER_FRAME.finditer(s)]
    out: list[Mention] = []
    prev: Mention | None = None
    for h in g.find(s):
        role, rule = _role(doc, h.start, h.end, doc.is_furniture(h.start), frames)
        if h.kind == "agency" and role in (AREA, LIST):
            role, rule = AGENCY, "an agency named in the place table"
        if prev is not None and prev.role not in (AREA, AGENCY, LIST) and role in (AREA, AGENCY, LIST, SITE):
            gap = s[prev.end : h.start]
            if gap in ("、", "和", "及", "与", "以及", "或"):
                role, rule = prev.role, f"listed after a place in the role {prev.role}"
            elif gap == "" and any(g.contains(a, d) for a in prev.candidates for d in h.candidates):
                role, rule = prev.role, f"inside the place before it ({prev.role})"
        if (
            role == ORIGIN and prev is not None and prev.end == h.start and prev.role in (AREA, LIST)
            and any(g.contains(a, d) for a in prev.candidates for d in h.candidates)
        ):
            # 贵州毕节籍: the province written before an origin is part of that origin
            out[-1] = Mention(prev.start, prev.end, prev.text, ORIGIN, prev.candidates, None, "the area of an origin after it")
        if role == ORIGIN and s.startswith(ORIGIN_AFTER, h.end):
            # 安徽、江苏、河南、四川方向客流: every place of a list before a direction or 籍 is one too
            k, end = len(out) - 1, h.start
            while k >= 0 and out[k].role == LIST and s[out[k].end : end] in LIST_JOINERS:
                out[k] = Mention(out[k].start, out[k].end, out[k].text, ORIGIN, out[k].candidates, None,
                                 "listed before an origin or a direction")
                end, k = out[k].start, k - 1
        prev = Mention(h.start, h.end, h.surface, role, h.candidates, None, rule)
        out.append(prev)
    taken = _Spans([(x.start, x.end) for x in out])
    # a system's or database's name ends with one of these: without any in the text its pattern is not tried
    systems = "库" in s or "系统" in s or "平台" in s
    for m in _SCOPE_RE.finditer(s):
        a, b = m.span()
        if taken.overlaps(a, b):
            continue
        word = m.group(0)
        if doc.is_furniture(a):
            role, rule = FURNITURE, "in a furniture line"
        elif s[max(0, a - 3) : a].endswith(RHETORIC_BEFORE) or s.startswith(RHETORIC_AFTER, b):
            role, rule = RHETORIC, "乃至 around"
        elif (
            s.startswith(RANK_AFTER, b) and not _TOTAL_STATED.match(s, b)
            or s[max(0, a - 3) : a].endswith(RANK_BEFORE)
        ):
            role, rule = COMPARE, "a ranking or comparison around"
        elif systems and _SYSTEM_AFTER.match(s, b):
            role, rule = RHETORIC, "the name of a system or database (全国打拐DNA数据库)"
        elif s.startswith("、", b) or s[max(0, a - 1) : a] == "、":
            role, rule = COMPARE, "listed beside another scope (全国、全省平均)"
        elif word == "全国" and s.startswith(NAME_AFTER, b):
            role, rule = NAME, "an honour or title (全国先进集体)"
        elif word == "全国" and s[max(0, a - 4) : a].endswith(ORIGIN_BEFORE):
            role, rule = ORIGIN, "a destination across the country (赴全国)"
        else:
            role, rule = AREA, "a scope word"
        out.append(Mention(a, b, word, role, (), _SCOPE[word], rule))
    out.sort(key=lambda m: m.start)
    return out


# ---------------------------------------------------------------- the release's own area

_LEVEL_OF_SCOPE: dict[str, tuple[str, ...]] = {
    # scope word -> (what a candidate's official name ends with) that the word asks for
    "省": ("省", "自治区"),
    "市": ("市",),
    "县": ("县", "自治县"),
    "州": ("州",),
    "区": ("区", "自治区"),
    "盟": ("盟",),
    "旗": ("旗",),
}


def fits_scope(d: Division, scope: str) -> bool:
    if scope == "省":
        return d.level == "province"
    if scope == "市":
        return d.name.endswith("市") and d.level != "province" or d.level == "province" and d.name.endswith("市")
    if scope == "区":
        return d.name.endswith("区")
    return d.name.endswith(_LEVEL_OF_SCOPE.get(scope, ("\0",)))


def focus(doc: Document, ms: list[Mention], gaz: Gazetteer | None = None) -> Focus:
    """The area ``doc`` speaks for (see the module docstring)."""
    g = gaz or gazetteer()
    s = doc.s
    score: dict[str, float] = {}
    up: dict[str, float] = {}
    first: dict[str, tuple[Mention | None, str]] = {}

    said: set[str] = set()  # areas the text itself names (not only a dateline, a paper or the page around it)

    def vote(d: Division, w: float, m: Mention | None, rule: str) -> None:
        score[d.code] = score.get(d.code, 0.0) + w
        if rule not in ("dateline", "media", "page furniture (a section of the site)"):
            said.add(d.code)
        first.setdefault(d.code, (m, rule))
        for a in g.ancestors(d)[1:]:
            # a place inside an area is weak evidence for the area (石家庄市公安局 in a release that says 全省)
            up[a.code] = up.get(a.code, 0.0) + 0.25 * w

    title = doc.title
    lead = doc.lead
    early = {p.index for p in doc.body_paragraphs[:3]}
    counted: set[tuple[str, str]] = set()
    reporter = doc.reporter_source
    # a name several divisions share (南山区: 深圳, 鹤岗) is the one inside the areas the text's other,
    # unshared names lie in (宝安区 -> 深圳市)
    anchors: dict[str, int] = {}
    for m in ms:
        if len(m.candidates) == 1 and m.role in (AREA, AGENCY, LIST, SITE):
            for a in g.ancestors(m.candidates[0]):
                anchors[a.code] = anchors.get(a.code, 0) + 1
    for m in ms:
        if not m.candidates:
            continue
        d = m.candidates[0]
        if len(m.candidates) > 1 and anchors:
            d = max(m.candidates, key=lambda c: sum(anchors.get(a.code, 0) for a in g.ancestors(c)[1:]))
        para = doc.paragraph(m.start)
        in_title = title is not None and para.index == title.index
        if m.role in (FURNITURE, MEDIA):
            if m.role == FURNITURE and _SOURCE_LINE.search(s, doc.paragraphs[para.index].start, m.start + 1):
                vote(d, 2.0, m, "source line")
            elif (m.role, d.code) in counted:
                pass  # a site names its own province on every line of its furniture: once is evidence enough
            elif m.role == MEDIA:
                vote(d, 1.0, m, "media")
            else:
                vote(d, 0.5, m, "page furniture (a section of the site)")
            counted.add((m.role, d.code))
            continue
        if m.role == DATELINE:
            vote(d, 1.0, m, "dateline")
            continue
        if m.role not in (AREA, AGENCY, LIST):
            continue
        if in_title:
            vote(d, 4.0 if m.role != LIST else 1.0, m, "title")
        elif reporter is not None and reporter[0] <= m.start < reporter[1]:
            vote(d, 3.0, m, "reporter")
        elif m.role == AGENCY:
            vote(d, 3.0 if (lead is not None and para.index == lead.index) else 1.5, m, "agency")
        elif para.index in early and m.role == AREA:
            vote(d, 1.5, m, "lead")
        elif m.role == AREA:
            vote(d, 1.0, m, "mentions")
        else:
            vote(d, 0.3, m, "mentions")
    if title is not None:
        # a title that opens with a division's short form the matcher leaves alone (缙云上半年……)
        opening = s[title.start : title.start + 6].lstrip("【[ ")
        at = title.start + (len(s[title.start : title.start + 6]) - len(opening))
        for k in (4, 3, 2):
            cands = g.candidates(opening[:k], simplified=True)
            if cands and not _mention_at(ms, at) and opening[:k] not in g.abbr:
                d = cands[0]
                vote(d, 4.0, None, "title")
                first[d.code] = (Mention(at, at + k, opening[:k], AREA, cands, None, "a name opening the title"), "title")
                break
        tm = _TITLE_ABBR.match(s, title.start, title.end)
        if tm is not None and tm.group(1) in g.abbr:
            d = g.abbr[tm.group(1)]
            vote(d, 4.0, None, "title")
            first[d.code] = (Mention(tm.start(1), tm.end(1), tm.group(1), AREA, (d,), None, "abbreviation"), "title")
    if doc.dateline is not None:
        dm = _DATELINE_PLACE.search(s, doc.dateline[0], doc.dateline[1]) or LOCAL_DATELINE.fullmatch(
            s, doc.dateline[0], doc.dateline[1]
        )
        if dm is not None and (dd := g.lookup(dm.group(1))) is not None:
            vote(dd, 1.0, None, "dateline")
        om = _DATELINE_OUTLET.match(s, doc.dateline[0], doc.dateline[1])
        if om is not None:
            # 泉州网12月22日讯, 每日云南网讯: a local outlet is named after the area it serves, weak evidence as
            # a paper's name is
            for h in g.find(om.group(1))[:1]:
                d = h.candidates[0]
                if h.kind == "short" and d.level == "county" and d.name.endswith("区"):
                    continue  # 天山网讯: a district's short name (天山区) names no outlet; a portal is named so
                vote(d, 1.0, None, "media")
    for parent in _listed_under(s, ms, g):
        # 晋江市、石狮市、南安市……分别: places listed side by side are parts of the area that reports on
        # them, the narrowest one holding them all (one list is as much evidence as one mention of it)
        vote(parent, 1.0, None, "places listed under it")
    # 来源:凤庆县公安局, and 主办:三明市林业局 at the foot of the page (the site's owner, a body of the area it
    # reports on)
    for sm in itertools.chain(_SOURCE_LINE.finditer(s), _OWNER_LINE.finditer(s) if "主办" in s else ()):
        for h in g.find(sm.group(1))[:1]:
            if h.start == 0:
                vote(h.candidates[0], 2.0, None, "source line")
    for mm in _MEDIA_NAME.finditer(s) if any(w in s for w in _MEDIA_WORDS) else ():
        d0 = g.lookup(mm.group(1))
        if d0 is not None:
            vote(d0, 1.0, None, "media")
    configured = g.lookup(doc.source_region) if doc.source_region else None
    if configured is not None:
        vote(configured, 1.5, None, "configured")
    scopes_used: dict[str, int] = {}
    for m in ms:
        if m.scope and m.role == AREA:
            scopes_used[m.scope] = scopes_used.get(m.scope, 0) + 1
    local = len(scopes_used) > ("国" in scopes_used)  # (a scope word other than 全国 used)
    if not score:
        # a national agency named in a release that speaks of 全市 or 全县 only (公安部督办的案件) is not its voice
        if _NATIONAL_AGENCY.search(s) and not local or "国" in scopes_used:
            return Focus(NATIONAL, None, None, "national")
        if doc.source_region:
            return Focus(Place(doc.source_region), None, None, "configured")
        return Focus(None)
    total: dict[str, float] = {}
    for code in sorted(set(score) | set(up)):  # in a fixed order: the answer must not depend on hashing
        d = g.by_code[code]
        anc = sum(score.get(a.code, 0.0) for a in g.ancestors(d)[1:])
        bonus = 0.0
        for sc, count in scopes_used.items():
            if sc != "国" and fits_scope(d, sc):
                bonus += (1.5 if sc in ("县", "州", "旗", "盟") else 1.0) * min(count, 3)
        total[code] = score.get(code, 0.0) + up.get(code, 0.0) + 0.5 * anc + bonus
    def named_at(code: str) -> int:  # where the text first names the place (a tie goes to the earlier)
        m0 = first.get(code, (None, ""))[0]
        return m0.start if m0 is not None else len(s)

    best = max(total, key=lambda c: (total[c], -len(c), -named_at(c)))
    d = g.by_code[best]
    if first.get(best, (None, ""))[1] in ("dateline", "media", "page furniture (a section of the site)") and (
        _NATIONAL_AGENCY.search(s) or scopes_used.get("国", 0) >= 2
    ) and (score.get(best, 0.0) <= 1.5 or best not in said):
        # 新华社北京……电 over a national report that speaks of 全国 (我国): the country, not the dateline's
        # city, when only the dateline, a paper or the page names that city
        return Focus(NATIONAL, None, None, "national")
    if not local and scopes_used.get("国", 0) >= 2 and title is not None and (
        "全国" in doc.title_text or "我国" in doc.title_text or _NATIONAL_AGENCY.search(doc.title_text)
    ):
        # 应急管理部发布2024年上半年全国自然灾害情况 / ……造成全国2476.4万人次受灾……其中广东省……: a national
        # release that speaks of no local area; the provinces it names are parts of the country
        return Focus(NATIONAL, None, None, "national")
    levels = {sc for sc in scopes_used if sc != "国"}
    if levels == {"省"} and d.level != "province":
        # the release speaks of 全省 and 我省 only: it is the province's, whatever city acts in it
        d = g.province(d)
        best = d.code
    elif levels and levels <= {"县", "旗"} and d.level != "county":
        inside = [c for c in total if g.by_code[c].level == "county" and g.contains(d, g.by_code[c])]
        if inside:
            best = max(inside, key=lambda c: total[c])
            d = g.by_code[best]
    if best not in first:
        return Focus(Place(d.name, d.code, d), None, None, "places inside it and the scope words used")
    named, rule = first[best]
    if named is not None:
        return Focus(display(d, named.text), named.start, named.end, rule)
    return Focus(Place(d.name, d.code, d), None, None, rule)


def _listed_under(s: str, ms: list[Mention], g: Gazetteer) -> list[Division]:
    """For every list of two or more different places joined by 、 和 及 (their mentions next to one
    another), the narrowest division that holds them all, when it is not one of them."""
    out: list[Division] = []
    run: list[Division] = []
    prev: Mention | None = None
    for m in [*ms, None]:
        joined = (
            m is not None and prev is not None and m.role == LIST and prev.role == LIST and m.candidates
            and s[prev.end : m.start] in LIST_JOINERS
        )
        if not joined:
            if len({d.code for d in run}) >= 2:
                common = _narrowest_common(run, g)
                if common is not None and all(common.code != d.code for d in run):
                    out.append(common)
            run = []
        if m is not None and m.role == LIST and m.candidates:
            run.append(m.candidates[0])
        prev = m
    return out


def _narrowest_common(ds: list[Division], g: Gazetteer) -> Division | None:
    """The narrowest division that holds every one of ``ds`` (or is one of them)."""
    for a in g.ancestors(ds[0]):
        for d in ds[1:]:
            if not g.contains(a, d):
                break
        else:
            return a
    return None


def _mention_at(ms: list[Mention], at: int) -> bool:
    """Whether a mention starts at ``at`` (a loop: a generator left at its first hit is closed by an exception)."""
    for m in ms:
        if m.start == at:
            return True
    return False


def resolve(ms: list[Mention], area: Focus, gaz: Gazetteer | None = None) -> list[Mention]:
    """The mentions with their division chosen inside the release's area."""
    g = gaz or gazetteer()
    within = area.place.division if area.place is not None else None
    out = []
    for m in ms:
        if m.candidates:
            d = g.resolve(m.candidates, within)
            if d is not None:
                # (built from its fields in order: dataclasses.replace, which reads them by name and passes
                # them by keyword, takes twice as long, for every name of a release)
                m = Mention(m.start, m.end, m.text, m.role, m.candidates, m.scope, m.rule, display(d, m.text))
        out.append(m)
    return out


def scope_place(scope: str, current: Place | None, area: Place | None, gaz: Gazetteer | None = None) -> Place | None:
    """The area a scope word (全省, 我市, 全州) names, given the area in force and the release's own."""
    g = gaz or gazetteer()
    if scope == "国":
        return NATIONAL
    # the release's own area first where it is of the level the word names (a city's release: 全市 is
    # that city, whatever county-level city was named before), else the area in force (a province's
    # release: 昆明市公安局……全市 is 昆明市)
    own_level = area is not None and area.division is not None and fits_scope(area.division, scope)
    for p in ((area, current) if own_level else (current, area)):
        if p is None or p.division is None:
            continue
        for d in g.ancestors(p.division):
            hit = d if fits_scope(d, scope) else None
            if scope == "区" and hit is None and d.level == "province" and d.name.endswith("自治区"):
                hit = d
            if hit is not None:
                return p if hit.code == p.division.code else Place(hit.name if hit.level != "province" else hit.name, hit.code, hit)
    if scope == "市" and current is not None and current.division is None:
        return current
    return None


__all__ = [
    "AREA", "AREA_ROLES", "LIST_JOINERS", "Focus", "Mention", "NATIONAL", "Place", "display", "focus", "mentions", "resolve",
    "scope_place",
]
