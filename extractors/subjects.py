"""The subject of a figure: the shortest phrase naming what is counted.

Chinese releases put the subject right before the number (破获毒品刑事案件5453起)
or, with a counting word, right after it (抓获4名嫌疑人). The clause before the
number is cut at punctuation, then stripped of what is not the subject: the
period and the place already read (今年1至5月, 全省), the agency (警方,
公安机关), adverbs (共, 累计) and the copula or qualifier before the number
(为, 达, 超过). The words are tables, readable here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from extractors.document import BREAKDOWN_FRAME, Document
from extractors.gazetteer import gazetteer
from extractors.periods import COMPARE_BEFORE, Mark, Period, find_marks, is_stock
from extractors.places import TOWNSHIP_NAME, Place
from extractors.quantities import WORD_BEFORE_QUALIFIER, Num

_CONNECT = frozenset({"、", "和", "及", "与", "以及"})
# A figure in parentheses after a comparison base is the quantity in that base:
# 较一季度(-10.8%), 较上年同期(3.2%).
_COMPARED_RE = re.compile(r"^(?:较|比)([^,;。()]{1,8})\($")
# A change against the stock at the start of the year: 较上年末, 比去年底, 比年初.
_YEAR_START_BASE = re.compile(r"(?:比|较)(?:上年末|上年底|去年末|去年底|年初)")
# Characters without which a clause holds no period expression (a fast pre-check).
_MAYBE_PERIOD = re.compile(r"[年月日季今去前近期现目当已来间均每底末册保余旬周场初]")

# Characters that end a clause looking back from a number.
CLAUSE_BREAKS: frozenset[str] = frozenset(",;:。!?！？；：\n【】| \u3000")

# Leading words that are not part of the subject, tried again and again.
LEAD_WORDS: tuple[str, ...] = (
    "据统计", "据悉", "据了解", "据介绍", "据初步统计", "经统计", "数据显示", "统计显示", "经查",
    "记者了解到", "记者获悉", "特别是", "尤其是", "与相比", "同比", "其中", "另外", "此外", "同时", "另据了解", "另", "并且", "并", "还有", "还", "又",
    "共计", "合计", "总计", "共有", "共", "累计", "先后", "分别", "依次", "均", "已经", "已", "依法", "一举", "全部",
    "全省", "全市", "全区", "全县", "全州", "全国", "全盟", "全港", "全澳", "我国", "我省", "我市", "我区", "我县", "我州",
    "本省", "本市", "该市", "该省", "该县", "该区", "省内", "市内", "全警", "全年", "今年", "去年",
    "期间", "当年", "此次", "本次", "该局", "该所", "警方", "公安机关", "各级公安机关", "全省公安机关",
    "全市公安机关", "禁毒部门", "公安部门", "消防部门", "主要有", "主要是",
    "按常住人口计算", "按不变价格计算", "按可比价格计算", "初步核算", "实现", "完成", "的", "了",
    "按可比口径", "按可比价计算", "经称量", "经检验", "经鉴定", "经初步检验", "现场", "当场",
    "经检测其", "经检测", "经检验其", "经初步估算", "据初步估算", "初步估算", "据估算", "经测算", "据测算", "初步统计",
)
# Agencies and their units: a clause that starts with one of these, possibly
# after a place name, drops it (北京警方破获..., 湖北公安机关已建成...).
AGENCY_WORDS: tuple[str, ...] = (
    "消防救援队伍", "消防救援支队", "消防救援大队", "各级公安机关", "公安机关", "公安厅", "公安局", "公安分局", "警方", "禁毒部门",
    "禁毒办", "禁毒委员会", "禁毒委", "消防部门", "消防救援局", "消防支队", "消防部队", "交巡警", "交警支队", "边防总队", "海关",
    "统计局", "总队", "支队", "大队", "派出所", "工作站",
)
AGENCY_RE = re.compile(r"^[^,，。]{0,4}?(?:" + "|".join(AGENCY_WORDS) + ")")
# A body named by its kind with what it does after it (公安交管部门每日投入警力, 税务部门已推出, 全市法院
# 审结): the actor, not what is counted; not a body's own people or budget (行政机关负责人, 部门预算).
BODY_KINDS: tuple[str, ...] = ("部门", "机关", "人民法院", "法院", "人民检察院", "检察院")
_BODY_ACTS = re.compile(
    r"^(?:(?![于比较向对与和由被从在为])[^,，。、的]){0,8}?(?:" + "|".join(BODY_KINDS) + ")"
    r"(?!负责人|工作人员|人员|干部|预算|收入|支出|数|的|和|及|、)(?=[\u4e00-\u9fff]{2})"
)
# Any word of the two tables: a clause without one is tried against neither pattern (one quick search).
_AGENCY_OR_BODY = re.compile("|".join(AGENCY_WORDS + BODY_KINDS))
# Trailing words between the subject and the number.
TAIL_WORDS: tuple[str, ...] = (
    "共计", "合计", "总计", "累计", "共", "达到", "已达", "高达", "多达", "分别达", "分别为", "分别", "依次为", "依次是", "依次", "达", "为", "分别从", "分别由", "从", "由",
    "是", "有", "计", "约有", "大约", "约", "将近", "接近", "近", "超过", "逾", "超", "过", "不足", "不到",
    "预计达到", "预计达", "预计为", "预计将", "预计", "有望", "将", "保持在", "稳定在", "维持在", "控制在", "保持", "发展到", "发展至", "上升至", "下降至", "提高至", "提高到", "提升至", "提升到", "增加到", "增加至", "减少到", "减少至", "增长到", "增长至", "缩短至", "缩短到", "降至", "升至", "增至", "减至", "上升到", "下降到", "回升至", "回落至",
    "不少于", "至少", "估计", "的", "了", "已经", "已", "均在", "均", "到", "仅", "只有", "就", "即", "占到", "最多",
    "最少", "最高", "最低", "最快", "最慢", "最大", "最小", "全部", ":", "“", "”", "每百毫升", "每毫升", "每升", "人民币", "同比", "环比",
)
# The verbs of a change, longest first where one starts another (增长 before 增).
CHANGE_VERBS: tuple[str, ...] = (
    "增长", "下降", "上升", "增加", "减少", "提高", "提升", "降低", "回升", "回落", "下滑", "下跌", "缩小", "缩短", "延长",
    "扩大", "上涨", "增产", "减产", "增收", "减收", "增亏", "减亏", "压缩", "压减", "缩减", "削减", "增", "降", "减",
    "偏少", "偏低", "偏多", "偏高",  # against the long-term normal (降雨量较常年同期偏少六成, 气温偏高1.8℃)
)
# Every character a stated change can open with: its comparison (同比, 环比, 比……, 较……, 与……相比), 分别 or
# 依次, 名义, 实际 or 净, the verb itself, a clipped 上 or 下. The pattern has no fixed opening: a lookahead on
# these lets the engine pass over any other place at once instead of trying every branch there.
_CHANGE_FIRST = "同环比较与分依名实净上下" + "".join(sorted({v[0] for v in CHANGE_VERBS}))
# A change stated after the subject: 同比下降, 比上年增长, 较去年减少, 比上年末净增.
CHANGE_RE = re.compile(
    "(?=[" + _CHANGE_FIRST + "])(?:"
    r"(?:同比|环比|(?:比|较)(?:19|20)\d{2}年(?:同期)?|(?:比|较)(?:前|上)一(?:周|个星期|个?月|季度)|(?:比|较)(?:上年|去年)全年|比上年末?|较上年末|比上年底|较上年底|比去年末|较去年末|比上周|较上周|比上季度|较上季度|比去年底|较去年底|比年初|较年初|比去年|较上年|较去年|比上月|较上月|较上年同期|比上年同期|较去年同期|比去年同期|与上年同期相比|"
    r"与去年同期相比|(?:比|较)(?:(?:常年|历年|多年|历史)(?:同期)?(?:均值|平均值?)?|(?:19|20)\d{2}[—–\-~至](?:19|20)\d{2}年?[\u4e00-\u9fff]{1,3}|\d{1,2}月(?:份|末|底)?|(?:19|20)\d{2}年(?:底|末)|[一二三四]季度(?:末)?|上半年|前年(?:同期)?|前[一二三四两]季度|前[二三四五六七八九十两]个?月|1[-—~至]\d{1,2}月|(?!上年|去年|年初|年末|年底)[\u4e00-\u9fff]{1,6}前(?:平均)?|前[二三四五六七八九十两]年|上一个?[二三四五六七八九十两]年|[“\"「]?十[一二三四五]五[”\"」]?(?:末|期末)?))?(?:分别|依次)?(?:名义|实际|净)?(?:"
    + "|".join(CHANGE_VERBS)
    + r")了?$"
    # a change verb clipped to its first character by a page's stray spaces (同比下  25%)
    r"|(?:同比|环比)(?:分别|依次)?[上下]\s*$|^[上下]$"
    ")"
)
# What a stated change ends with (a verb's last character, 了, a clipped 上 or 下), spaces after it aside:
# a phrase that ends otherwise holds no change, and the long pattern need not be run on it.
_CHANGE_LAST: frozenset[str] = frozenset(v[-1] for v in CHANGE_VERBS) | frozenset("了上下")
_CLIPPED_DECREASE = re.compile(r"(?:同比|环比)(?:分别)?下\s*$")
DECREASE_WORDS: tuple[str, ...] = (
    "下降", "减少", "降低", "回落", "下滑", "缩小", "缩短", "萎缩", "下跌", "减产", "减收", "减亏", "压缩", "压减", "缩减", "削减",
    "减", "降", "跌", "偏少", "偏低",
)
INCREASE_WORDS: tuple[str, ...] = (
    "增长", "上升", "增加", "提高", "提升", "回升", "扩大", "延长", "上涨", "加快", "增产", "增收", "增亏", "增", "升", "涨",
    "偏多", "偏高",
)
# After a change verb, these make the number a level, not a change: 下降到0.7‰, 下降为4.39人.
LEVEL_AFTER_CHANGE: tuple[str, ...] = ("为", "到", "至")
# What may stand between a change verb and its number (下降了约, 减少幅度达, 分别下降).
CHANGE_TAIL_CHARS: str = " 了幅度达为到至约近超过逾将接不足少于多左右共计分别\"“”'"
YOY_WORDS: tuple[str, ...] = (
    "同比", "比上年", "较上年", "比去年", "较去年", "上年同期", "去年同期", "与上年", "与去年",
)
MOM_WORDS: tuple[str, ...] = ("环比", "比上月", "较上月", "上月")
SHARE_WORDS: tuple[str, ...] = ("占", "比重", "占比", "比例")
# Each table as one pattern, to ask whether a clause holds any of its words in a single search.
_YOY_RE = re.compile("|".join(map(re.escape, YOY_WORDS)) + r"|与(?:19|20)\d{2}年相比|同比(?:19|20)\d{2}年")
_MOM_RE = re.compile("|".join(map(re.escape, MOM_WORDS)))
_SHARE_RE = re.compile("|".join(map(re.escape, SHARE_WORDS)))
# A character every word of the three tables holds (比 较 月 同 与 占): a clause without one holds none of them.
_COMPARISON_CHARS: frozenset[str] = frozenset("比较月同与占")
# The same as a class searched for: a set asked of a clause makes a string of each of its characters, and
# costs four times one search.
_COMPARISON_CHAR = re.compile("[" + "".join(sorted(_COMPARISON_CHARS)) + "]")
# Words that make a clause state a flow over a period, not a stock: a stock word
# (年末, 保有量) holds over the clauses after it up to one of these.
FLOW_WORDS: tuple[str, ...] = (
    "共", "累计", "发生", "新增", "破获", "侦破", "抓获", "缴获", "查获", "查处", "办理", "立案", "接警",
    "出动", "完成", "实现",
)
FLOW_RE = re.compile("|".join(map(re.escape, FLOW_WORDS)))
# Drugs named after the word 毒品 (查获毒品麻古 -> 麻古): the drug is the subject.
DRUG_NAMES: tuple[str, ...] = (
    "海洛因", "冰毒", "麻古", "鸦片", "大麻", "可卡因", "摇头丸", "氯胺酮", "K粉", "吗啡", "杜冷丁",
    "咖啡因", "甲基苯丙胺", "芬太尼", "依托咪酯", "安钠咖", "曲马多", "苯丙胺",
)
_NAMED_DRUG_RE = re.compile(r"^[\u4e00-\u9fff]{0,2}毒品(" + "|".join(map(re.escape, DRUG_NAMES)) + r")$")
# Verbs that end a clause without their object, which is the quantity stated
# before (原煤产量1657.8万吨;其中,县属企业完成1094.2万吨). Two characters each.
OBJECTLESS_VERBS: tuple[str, ...] = ("完成", "实现")
# Quantity nouns that may stand before such a verb (地区生产总值完成, 快递业务量完成, 包裹业务完成): the verb then
# says nothing. By their last characters: a measure (量 额 值), money taken in or put in (收入, 投资, 增值税, 资金),
# a line of business.
# Nouns a verb of VERBS makes one noun with when they follow it at once (建设用地, 救助资金, 建设任务, 接入用户).
_NOUN_AFTER_VERB: frozenset[str] = frozenset(("资金", "任务", "用地", "经费", "补贴", "标准", "项目", "工程", "用户"))
_QUANTITY_NOUNS: tuple[str, ...] = ("值", "额", "量", "收入", "投资", "业务", "规模", "税", "费", "资金")
# Verbs kept before a noun written after the number (抓获4名嫌疑人 -> 抓获嫌疑人).
VERBS: tuple[str, ...] = (
    "抓获", "缴获", "查获", "破获", "侦破", "捣毁", "打掉", "摧毁", "建成", "创建", "拆除", "开挖", "组成",
    "开展", "组织", "刑拘", "逮捕", "造成", "返还", "新增", "查处", "收缴", "销毁", "救出", "解救", "疏散",
    "抢救", "出动", "检查", "责令", "关停", "取缔", "封堵", "查扣", "扣押", "冻结", "追回", "挽回", "发生",
    "设立", "建立", "培训", "举办", "开设", "派出", "走访", "排查", "整改", "清理", "帮助", "救助", "接收",
    "接入", "藏匿", "建设", "发现", "收戒", "查破", "办理", "立案", "侦办", "查办", "打击", "处置", "接警",
    "获得", "荣获", "再获", "救起", "投放", "发放", "接待", "接报", "运送", "护送", "判处", "受理", "审结", "执结",
    "化解", "调解", "救助", "转账", "罚款", "处罚", "处以", "藏有", "载有", "装有", "夹带", "携带", "截获", "起获", "缉获",
    "清查", "查封",
)
# A noun phrase after a number does not start with these: 5.24人|下降为4.39人.
NP_BAD_START: tuple[str, ...] = (
    "下降", "减少", "降低", "回落", "下滑", "缩小", "增长", "上升", "增加", "提高", "回升", "扩大", "上涨",
    "为", "是", "达", "占", "同比", "环比", "比", "较", "左右", "以上", "以下", "之多", "至", "到", "于",
)
# A clause of one character that says nothing of the subject (重2367克, 共一千克).
EMPTY_ONE: frozenset[str] = frozenset("重共计约达为有是的了和与及或对在从将把已均都也又还并另即")
_ENUM_RE = re.compile(r"[^、,，“”]{1,8}(?:、[^、,，“”]{1,8})+等(?:地(?![区方域带]))?(?=.)")
# An aside inside a subject is dropped; one that ends the subject qualifies it and stays:
# 农林牧渔业(包括……)增加值 -> 农林牧渔业增加值, 道路交通事故(一般程序案件) kept.
_PAREN_RE = re.compile(r"\([^()]{2,30}\)(?!$)")
# An editor's note about the wording, never part of what is counted: (下同), (以下简称……), (俗称“麻古”), (现价).
# The currency a total is reckoned in (以人民币计价, 按美元计算).
_CURRENCY_BASIS = re.compile(r"(?:以|按)(?:人民币|美元|欧元)计(?:价|算)?")
_EDITOR_NOTE_RE = re.compile(r"[(（](?:下同|以下同|以下简称[^()（）]{0,12}|简称[^()（）]{0,12}|俗称[^()（）]{0,12}|又称[^()（）]{0,12})[)）]")
# Where a noun after the number stops.
NP_STOPS: frozenset[str] = frozenset(",;:。!?！？；：\n()（）“”\"都已均也被在从对将把向")
NP_MAX: int = 18
# Nouns that begin with 被, not the passive (1.3万名失信被执行人, 5600余名被执行人主动履行).
_BEI_NOUN = re.compile(r"被(?:执行人|告人|害人|保险人|申请人|监护人|救助人|帮扶人|调查人|告)")
_NP_PAREN_RE = re.compile(r"[(（][\u4e00-\u9fff、]{1,6}[)）]")
# Characters after 以 that make it part of a word (以上, 以下, 以内, 以及), not a preposition.
_YI_COMPOUND: frozenset[str] = frozenset("上下内外及后前来往")
# Adverbs that open the act of a noun written after a number (20个县区共破获): the noun ends there.
NP_ACT_ADVERBS: tuple[str, ...] = ("共计", "累计", "共", "先后", "合计")
_NP_ACT_RE = re.compile("|".join(NP_ACT_ADVERBS))
_NP_ACT_FIRST: frozenset[str] = frozenset(w[0] for w in NP_ACT_ADVERBS)  # tried only where one can start
# The characters noun_after stops to test (besides digits): any other only makes the noun longer.
_NP_WATCHED: frozenset[str] = NP_STOPS | CLAUSE_BREAKS | frozenset("(（和及与、以 ") | _NP_ACT_FIRST
# Characters that end a noun phrase right after a figure, read before any test of :func:`noun_after`'s
# loop (not 被, which may open a noun, nor a quote, which may hold one); a space ends it too.
_NP_STOP_AT_ONCE: frozenset[str] = (NP_STOPS - frozenset("被“\"")) | frozenset(" ")
# Acts that, with an object after them, end a noun phrase written after a number (9个省区抓获网上逃犯).
_NP_ACT_VERB = re.compile(r"抓获|缴获|查获|破获|侦破|捣毁|打掉|刑拘|逮捕|接待|发送|查处|受理|办理")
# Verbs that end a noun phrase written after a number (136名指战员赶赴现场).
NP_VERB_STOPS: tuple[str, ...] = (
    "全部", "赶赴", "前往", "赶到", "到达", "奔赴", "参加", "参与", "投入", "进驻", "组成", "组建", "分成", "分为",
    "深入", "走进", "下沉", "分赴", "采取", "主动",
    "开展", "进行", "实施", "惠及", "覆盖", "带动", "用于", "助力", "发放", "拨付",
    # 为3.16万名劳动者追发工资, 向86名农民工足额支付, 为1.9万家参保单位减征: the recipients, then what was done for them
    "追发", "追回", "追讨", "足额", "支付", "减征", "减免", "补发",
)
_NP_VERB_STOP_RE = re.compile("|".join(NP_VERB_STOPS))
# An agency with its adverb at the head of a clause (海门区人民法院江海巡回法庭共就地化解……):
# the actor, not the subject.
_AGENT_KINDS = "法院|法庭|检察院|分局|派出所|海关|大队|支队|中心|委员会|管理局|公安局|公安厅"
_AGENT_ADVERB_RE = re.compile(r"^[^,，。、]{2,16}?(?:" + _AGENT_KINDS + r")(?:全年共|共计|累计|共|先后)")

# An actor with its adverb (南昌铁路公安处共投入警力, 各类粮食企业累计收购新麦): the actor goes.
_ACTOR_ADVERB_RE = re.compile(r"^[^,，。、的]{2,14}?(?<![公总一])(全年共|共计|累计|共有|共|先后(?![赴到往去]))(?![同享建产识性赢])")
# What both patterns with an adverb need (_AGENT_ADVERB_RE, _ACTOR_ADVERB_RE): a clause without it is
# tried against neither.
_ADVERB_HINT = re.compile("共|累计|先后")
_AGENT_HINT = re.compile(_AGENT_KINDS)  # what _AGENT_ADVERB_RE needs besides the adverb
# What ends the name of someone who acts (a body, its people): before 共 they are the actor.
_ACTOR_END = re.compile(
    r"(?:局|厅|处|队|所|院|部|门|关|委|办|站|组|会|司|社|校|庭|中心|单位|企业|机构|民警|干警|警方|警力|人员|群众|"
    r"志愿者|医生|法官|我们|他们|大家|各地|各级|全市|全省|全县|全区|全州|全国|[市县区省州镇乡村])$"
)
# Acts that count something when nothing follows them: the thing is the topic before 共.
_BARE_ACTS = frozenset(("报告", "受理", "发生", "发送", "接报", "登记", "收治", "报送", "确诊", "检出", "办结", "审结",
                        "成交", "网签成交", "完成", "实现"))


# What may follow 累计 when the quantity stands before it (车流量累计达到486.3万辆次): a copula, no act.
_COPULAS_AFTER_ADVERB = frozenset(("达到", "达", "为", "超过", "突破", "逾", "近"))


def _topic_before_bare_act(t: str, xm: re.Match[str]) -> bool:
    """Whether ``t`` is a topic, an adverb and a bare act (乙类传染病共报告) or a copula (车流量累计达到): no
    object after it and no actor before the adverb."""
    rest = t[xm.end() :]
    return (rest in _BARE_ACTS or rest in _COPULAS_AFTER_ADVERB) and not _ACTOR_END.search(t, 0, xm.start(1))

# Acts whose doer is the channel the flow went through, not an agency (全省高速公路累计通行车辆); not acts a
# carrier performs, where it is the actor (机场累计保障航班, 综合交通运输累计发送旅客).
_CARRIER_FLOWS = re.compile(r"通行|进出|出入|吞吐")


def _carrier_before_flow(t: str, xm: re.Match[str]) -> bool:
    """Whether what stands before the adverb is the carrier of a flow (高速公路累计通行车辆), which names
    the quantity with it, rather than an actor; or a fund before what went in or out of it (医保基金累计支出,
    新农合基金累计补偿): the fund names the quantity."""
    if _FUND_END.search(t, 0, xm.start(1)):
        return bool(_FUND_FLOWS.match(t, xm.end()))
    if _VENUE_END.search(t, 0, xm.start(1)):
        return bool(_VENUE_FLOWS.match(t, xm.end()))  # A级旅游景区累计接待游客, 轨道交通累计客运量
    return bool(_CARRIER_FLOWS.match(t, xm.end())) and not _ACTOR_END.search(t, 0, xm.start(1))


_FUND_END = re.compile(r"(?:基金|资金|公积金)$")
# A venue or a mode of transport before an adverb and the visitors or passengers it took in (A级旅游景区累计接待游客,
# 省际长途客运累计发送旅客): the venue is where the flow went, part of what is counted, not an actor.
_VENUE_END = re.compile(r"(?:景区|景点|公园|博物馆|纪念馆|美术馆|度假区|重点村|集聚区|街区|轨道交通|公交|客运|枢纽|口岸|酒店|民宿)$")
_VENUE_FLOWS = re.compile(r"(?:接待|发送|运送|集散|客运量|入住)")
_FUND_FLOWS = re.compile(r"(?:支出|收入|结余|补偿|支付|拨付|筹集|征收|缴存|提取|使用)")


# A person with what leads up to the act (家住椒江区的居民王女士在网上刷单被骗): the person goes.
PERSON_WORDS: tuple[str, ...] = ("女士", "先生", "男子", "女子", "老人", "阿姨", "大爷")
_PERSON_RE = re.compile(
    r"^[^,，。]{0,16}?(?:(?:" + "|".join(PERSON_WORDS) + r")(?!(?:幸福|福利|服务|活动|助餐)?(?:院|中心|站|之家|食堂|公寓|协会|大学))"
    r"|[\u4e00-\u9fff]某某?(?=在|被|因|于|通过))"
    r"(?:在网上|在网络上|在手机上|通过网络)?"
)
_PERSON_HINT = re.compile("|".join(PERSON_WORDS) + "|某")  # a clause without any names no person
_FOOTNOTE = re.compile(r"\[\d{1,2}\]")
# An occasion that frames the act: 在第十届中国昆明进出口商品交易会上, 在专项行动中, 在此期间.
_FRAME_RE = re.compile(r"^在[^,，。;；]{1,24}?(?:会上|会期间|期间|活动中|行动中|过程中|工作中)")
# Where something was found, opening the clause: 当场从车内, 在其住处, 从行李中.
_INSIDE_RE = re.compile(
    r"(?:当场|现场)?(?:从|在)(?:其|该)?[\u4e00-\u9fff]{0,4}?(?:车内|车上|家中|屋内|室内|包内|行李中|身上|仓库内|住处|房间内|船上|舱内)"
)
# The recipients of what is handed over: 向公安机关、纪检监察机关移交3093条 -> 移交.
_RECIPIENTS_RE = re.compile(
    r"^(?:向|对)[^,，。;；]{1,30}?(?=移交|移送|通报|反馈|提供|发放|转交|推送|交办|转账|汇款|支付|罚款|处罚|行政拘留|判处|提出抗诉|提出纠正|依法作出|作出)"
)
_RECIPIENTS_FIRST: frozenset[str] = frozenset("向对")  # a clause opening otherwise names no recipients
# Verbs that make an agency after them the recipient (移送公安机关, 提请检察院) or what is counted (受理公安机关
# 提请批准逮捕案件, 监督公安机关立案), not the actor.
_HANDED_TO = re.compile(r"移送|移交|提请|报请|交由|送交|转交|受理|监督|督促")
_LEAD_RE = re.compile("|".join(re.escape(w) for w in sorted(LEAD_WORDS, key=len, reverse=True)))
_LEAD_FIRST: frozenset[str] = frozenset(w[0] for w in LEAD_WORDS)  # a clause opening otherwise has no lead word
# A comparison told before what it compares (与上年同期相比火情起数减少): its base, cut as a lead; not before
# 分别 (a frame over a list of changes, read with the list: see _COMPARED_FRAME) nor before a change word
# (与曲靖市相比多出210起 is a difference, read as one by _COMPARED_WITH).
_COMPARED_LEAD = re.compile(r"(?:与|同|和)[^,，;；。]{1,10}?相比\s*(?!分别|均|依次|\s|多|少|高|低|增|减|上升|下降|提高|降低|持平)")
# What strip_lead cuts is found either at the clause's head (a lead word, recipients, an occasion, an aside
# left open, a comparison: their first characters) or through a word the clause holds (an agency or body, an
# adverb, a person: one search for all). A clause with neither, and no region name at its head, is left as it is.
_CUT_FIRST: frozenset[str] = _LEAD_FIRST | _RECIPIENTS_FIRST | frozenset("在(从当现与同和")
_CUT_ANYWHERE = re.compile("|".join(p.pattern for p in (_AGENCY_OR_BODY, _ADVERB_HINT, _PERSON_HINT)))
_TAIL_RE = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(TAIL_WORDS, key=len, reverse=True)) + ")$")
_TAIL_LAST: frozenset[str] = frozenset(w[-1] for w in TAIL_WORDS)  # a clause ending otherwise has no tail word
_VERB_RE = re.compile("|".join(re.escape(v) for v in sorted(VERBS, key=len, reverse=True)))
# A quantity a set of units achieved, right after the count of the set (……项目37个,累计完成投资).
_SET_UNITS: frozenset[str] = frozenset(("个", "家", "户", "项", "座", "所"))
_DONE_BY_SET = re.compile(r"(?:累计|共|合计)?(?:完成|实现)(?P<q>[\u4e00-\u9fff]{0,4}?(?:投资|产值|收入|利润|税收|销售额|营业收入))")
# How much more or less a quantity grew than in the period compared: 同比多增, 环比少增, 比去年同期多增.
_MORE_OR_LESS = re.compile(r"(?=[同环比较多少])(?:同比|环比|(?:比|较)(?:上年|去年)(?:同期)?|(?:比|较)上月)?(?:多增|少增|多减|少减)$")
# What is added to a balance, written alone after it (余额874.5亿元,上半年新增312.6亿元).
_NEW_OF_A_BALANCE: frozenset[str] = frozenset(("新增", "净增", "增加"))
_VERB_SET: frozenset[str] = frozenset(VERBS)  # whether a subject is only a verb: one lookup, not a scan
_VERB_MIN: int = min(map(len, VERBS))  # the shortest verb's length
_FILLERS: frozenset[str] = frozenset(LEAD_WORDS) | frozenset(TAIL_WORDS) | frozenset(
    ("已达", "已超过", "共有", "但仍", "但", "仍", "但还", "仍然")  # (……比上年增长37.6%,但仍比2019年下降31.2%)
)
_LIST_SPLIT = re.compile(r"和|及|与|、")


# The last character of CLAUSE_BREAKS in a stretch: one followed by none up to the stretch's end (\Z, not
# $, which would also stop before a final line break).
_BREAKS_CLASS = "".join(map(re.escape, sorted(CLAUSE_BREAKS)))
_LAST_BREAK = re.compile("[" + _BREAKS_CLASS + "][^" + _BREAKS_CLASS + "]*\\Z")


def clause_before(s: str, pos: int, floor: int) -> tuple[int, str]:
    """The clause that ends at ``pos``: (its start, its text), not before ``floor``."""
    i = pos
    lo = max(floor, pos - 60)
    while True:
        if i > lo:  # back to just after the last break before i (one search, not a step per character), or to lo
            b = _LAST_BREAK.search(s, lo, i)
            i = b.start() + 1 if b is not None else lo
        if i > lo and s[i - 1] in " \u3000" and _SPACE_JOINS.fullmatch(s[i:pos].strip()):
            # 西双版纳接待游客 超150万人次: a space in a line of a page, not the end of a clause, when
            # what follows it names nothing
            j = i - 1
            while j > lo and s[j - 1] in " \u3000":
                j -= 1
            k = j
            while k > lo and s[k - 1] not in CLAUSE_BREAKS:
                k -= 1
            if j > lo and "\u4e00" <= s[j - 1] <= "\u9fff" and not re.search(r"\d", s[k:j]):
                i = j
                continue
        return i, s[i:pos]


# What may follow a space inside a clause without naming anything: nothing, a qualifier, a change.
_SPACE_JOINS = re.compile(
    r"(?:超过|超|约|近|逾|达|共|累计)?|(?:同比|环比)?(?:分别)?(?:增长|下降|上升|增加|减少|提高|降低)了?"
)


def strip_lead(t: str, region_words: tuple[str, ...] = ()) -> str:
    """Drop leading words that are not the subject (places, agencies, adverbs)."""
    t = (_FOOTNOTE.sub("", t) if "[" in t else t).strip()
    u = t.lstrip(" \u3000、“”\"")
    if _nothing_to_cut(u, region_words):
        return u  # most clauses: _cut_lead would leave them as they are
    return _cut_lead(t, region_words)


def _nothing_to_cut(u: str, region_words: tuple[str, ...]) -> bool:
    """Whether no step of :func:`_cut_lead` cuts ``u`` (without its leading spaces and quotes): nothing a
    step cuts opens it (see :data:`_CUT_FIRST`, a region's name) and no word a step needs stands in it."""
    return u[:1] not in _CUT_FIRST and not u.startswith(region_words) and not _CUT_ANYWHERE.search(u)


def _cut_lead(t: str, region_words: tuple[str, ...]) -> str:
    """The steps of :func:`strip_lead`, repeated until none cuts."""
    # Every step cuts the clause from its front but one (共报告, a cut inside it, which ends the pass):
    # words it lacks now it lacks after any front cut, so the words the patterns need are looked for
    # once, and again only after a cut inside it; a pattern whose words the clause lacks is not tried.
    agency, adverb, agent, person = _lead_hints(t)
    for n in range(12):
        if n and _nothing_to_cut(u := t.lstrip(" \u3000、“”\""), region_words):
            return u  # after a cut, one test instead of a pass that would cut nothing more
        before = t
        t = t.lstrip(" \u3000、“”\"")
        if t.startswith("(") and ")" not in t:
            t = t[1:]  # (全国上涨0.1%: an aside opened before the clause
        if t.startswith(region_words):  # one quick test before the names are tried one by one
            for w in region_words:
                if w and t.startswith(w) and len(t) > len(w):
                    t = t[len(w) :]
                    break
        rm = _RECIPIENTS_RE.match(t) if t[:1] in _RECIPIENTS_FIRST else None
        if rm and len(t) >= rm.end() + 2:
            t = t[rm.end() :]  # 向公安机关、……移交: the recipients go before an agency among them is read as the actor
        m = (AGENCY_RE.match(t) or _BODY_ACTS.match(t)) if agency else None
        if m and len(t) > m.end() and not _HANDED_TO.search(t, 0, m.end()):
            t = t[m.end() :]  # but 移送公安机关案件: the agency receives what is counted
        am = _AGENT_ADVERB_RE.match(t) if agent else None
        if am and len(t) >= am.end() + 2:
            t = t[am.end() :]
        lm = _LEAD_RE.match(t) if t[:1] in _LEAD_FIRST else None
        if lm and len(t) > lm.end() and not (lm.group(0) == "均" and t[1:2] in ("价", "值")):  # 均价, 均值: a word
            t = t[lm.end() :]
        rm = _RECIPIENTS_RE.match(t) if t[:1] in _RECIPIENTS_FIRST else None
        if rm and len(t) >= rm.end() + 2:
            t = t[rm.end() :]
        fm = _FRAME_RE.match(t) if t.startswith("在") else None
        if fm and len(t) >= fm.end() + 2:
            t = t[fm.end() :]  # 在第十届……交易会上签约项目: the occasion, not what is counted
        cm = _COMPARED_LEAD.match(t) if t[:1] in "与同和" else None
        if cm and len(t) >= cm.end() + 2:
            t = t[cm.end() :]  # 与上年同期相比火情起数减少5起: the base of the change, not what is counted
        im = _INSIDE_RE.match(t) if t[:1] in "从在当现" else None
        if im and len(t) >= im.end() + 2:
            t = t[im.end() :]  # 当场从车内查获走私冻品: where it was found, not what is counted
        for rx, hinted in ((_ACTOR_ADVERB_RE, adverb), (_PERSON_RE, person)):
            xm = rx.match(t) if hinted else None
            if xm and rx is _PERSON_RE and t[xm.end() : xm.end() + 1] in ("和", "及", "与", "、"):
                xm = None  # 帮助寻找走失老人和儿童1260人: people in a list that is counted, not an actor
            if xm and len(t) >= xm.end() + 2:
                if rx is _ACTOR_ADVERB_RE and (_topic_before_bare_act(t, xm) or _carrier_before_flow(t, xm)):
                    # 乙类传染病共报告1846例, 网络诈骗案件共受理560起: what stands before 共 is what the
                    # act counts (no object follows it), not who acts
                    t = t[: xm.start(1)] + t[xm.end(1) :]
                    agency, adverb, agent, person = _lead_hints(t)  # the cut joined what stood around 共
                    break
                t = t[xm.end() :]
        if t == before:
            break
    return t


def _lead_hints(t: str) -> tuple[bool, bool, bool, bool]:
    """Whether ``t`` holds the words without which a pattern of :func:`_cut_lead` cannot match: an agency
    or body (AGENCY_RE, _BODY_ACTS), an adverb (_ACTOR_ADVERB_RE), an agency with its adverb
    (_AGENT_ADVERB_RE), a person (_PERSON_RE)."""
    if _CUT_ANYWHERE.search(t) is None:
        # none of their words (most clauses cut here open with a lead word and hold none): one search of
        # the words of all three, not one of each
        return False, False, False, False
    adverb = _ADVERB_HINT.search(t) is not None
    return (
        _AGENCY_OR_BODY.search(t) is not None,
        adverb,
        adverb and _AGENT_HINT.search(t) is not None,
        _PERSON_HINT.search(t) is not None,
    )


def strip_tail(t: str) -> str:
    """Drop trailing copulas, qualifiers and adverbs before the number."""
    u = t.rstrip(" \u3000,、")
    if u[-1:] not in _TAIL_LAST and not u.endswith("\n"):
        return u  # no tail word ends so (most clauses): the loop would only strip the spaces ($ also matches before \n)
    return _cut_tail(t)


def _cut_tail(t: str) -> str:
    """The steps of :func:`strip_tail`, repeated until none cuts."""
    for _ in range(8):
        before = t
        t = t.rstrip(" \u3000,、")
        tm = _TAIL_RE.search(t, max(0, len(t) - 4))
        if tm and tm.start() > 0 and tm.group(0) == "均" and t[tm.start() - 1] in "日月年人户平":
            break  # 日均, 人均: an average, not the adverb 均
        if tm and tm.start() > 0 and t[tm.start() - 1] in WORD_BEFORE_QUALIFIER.get(tm.group(0), ""):
            break  # 累计签约1820万人: 签约 is the act counted, no qualifier 约 (as quantities reads it)
        if tm and tm.start() > 0 and not (tm.group(0) in ("为", "是") and t[tm.start() - 1] in "行作认成因称视若只总但于"):
            t = t[: tm.start()]  # but not 为 of 行为, 作为
        if t == before:
            break
    return t


def strip_change(t: str) -> str:
    """Drop a change verb and its comparison (发案同比下降 -> 发案); '' if that is all."""
    end = t.rstrip()[-1:]
    if end not in _CHANGE_LAST or t.endswith("新增"):
        return t  # 新增 (newly added) counts what was added, it is no change of a level
    return CHANGE_RE.sub("", t)


# A short quoted term with the noun going on after it (涉“两卡”失信人员).
_QUOTED_TERM = re.compile(r"“[\u4e00-\u9fff\w·]{1,8}”(?=[\u4e00-\u9fff])")


def noun_after(s: str, pos: int, *, clause: bool = False) -> str:
    """The noun phrase written right after a figure (4名|嫌疑人), or ''; with
    ``clause`` the rest of the clause (97.6%的|群众对……表示满意)."""
    if not clause and s[pos : pos + 1] in _NP_STOP_AT_ONCE:
        return ""  # a stop right after the figure (most figures): the loop below would stop at once
    if pos < len(s) and s[pos] in "“\"":
        # a quoted name right after the number: 创建11个“无毒巩固县” -> 无毒巩固县
        close = s.find("”" if s[pos] == "“" else '"', pos + 1, pos + 2 + NP_MAX)
        inner = s[pos + 1 : close] if close > pos + 1 else ""
        return inner if inner and "\u4e00" <= inner[0] <= "\u9fff" else ""
    j = pos
    hi = min(len(s), pos + (40 if clause else NP_MAX))
    while j < hi:
        ch = s[j]
        if ch not in _NP_WATCHED and not ch.isdigit():
            j += 1  # a character none of the tests below stops at
            continue
        if ch in "(（" and j > pos and (paren := _NP_PAREN_RE.match(s, j)):
            j = paren.end()  # 6个市(州), 2148个县(市、区): the parenthesis belongs to the noun, and ends it
            break
        if ch == "“" and j > pos and (q := _QUOTED_TERM.match(s, j)) is not None and q.end() < hi:
            j = q.end()  # 5200余名涉“两卡”失信人员: a short quoted term inside the noun
            continue
        if ch in (CLAUSE_BREAKS if clause else NP_STOPS) and not (
            ch == "被" and _BEI_NOUN.match(s, j) or ch == "在" and j > pos and s[j - 1] in "存所"
        ):
            break  # (存在, 所在: a word, not 在 opening a place: 128家存在明码标价不规范问题的经营者)
        if ch in "和及与" and j + 1 < len(s) and s[j + 1].isdigit():
            break
        if ch == "、" and re.search(r"^[^,，。;；、]{0,12}?\d", s[j + 1 : j + 14]):
            break  # 33万元毒资、易制毒化学品近3吨: the next item of a list
        if ch.isdigit() or ch == " ":
            break
        if ch == "以" and j - pos >= 2 and s[j + 1 : j + 2] not in _YI_COMPOUND:
            break  # 对64名孤儿以增发……的形式: 以 opens the manner, the noun is before it
        if j - pos >= 1 and ch in _NP_ACT_FIRST and (am := _NP_ACT_RE.match(s, j)) and _VERB_RE.match(s, am.end()):
            break  # 20个重点县区共破获……: the noun ends where its act, with its adverb, begins
        j += 1
    if j == pos:
        return ""  # a break right after the figure (most figures): no noun, and nothing below to cut
    np = s[pos:j]
    if not clause and j < len(s) and s[j].isdigit():
        np = strip_tail(np)  # 9个重点商圈客流量累计达1.86亿: the noun runs into the next figure, not its 累计达
    if _NP_VERB_STOP_RE.search(np):  # one search before the words are looked for one by one
        for w in NP_VERB_STOPS:
            k = np.find(w)
            if k >= 2:
                np = np[:k]  # 136名指战员赶赴现场处置 -> 指战员
    if (am := _NP_ACT_VERB.search(np, 2)) is not None and am.end() < len(np):
        np = np[: am.start()]  # 9个省区抓获网上逃犯68名 -> 省区: the act and its object are another figure's
    k = np.find("的", 1)
    if k >= 2 and not clause:
        np = np[:k]  # 电瓶23块的犯罪事实 -> 电瓶: a modifier of what follows, not the noun
    if not np or not ("\u4e00" <= np[0] <= "\u9fff" or np[0] in "“\"" or _GRADE_FIRST.match(np)) or (
        np.startswith(NP_BAD_START) and not np.startswith("较大")  # 1起较大道路交通事故: a grade, not 较 comparing
    ):
        return ""
    return np.rstrip("、的")


# A grade in Latin letters that opens a noun (87家A级旅游景区, 12家AAAA级景区).
_GRADE_FIRST = re.compile(r"[A-Z]{1,5}级[\u4e00-\u9fff]")


def balance(t: str) -> str:
    """Drop a parenthesis left open or closed alone at either end, and the tail of an aside opened
    in the clause before (全省(不含深圳,下同)新增…… -> 新增……)."""
    if ")" not in t and "(" not in t:
        return t  # most subjects: nothing to balance
    k = t.find(")")
    if 0 <= k <= 8 and "(" not in t[:k] and len(t) - k - 1 >= 2:
        t = t[k + 1 :]
    if t.startswith("(") and ")" not in t:
        t = t[1:]
    if t.endswith(")") and "(" not in t:
        t = t[:-1]
    return t


def tidy(t: str) -> str:
    """Drop enumerations and asides: 打掉粮食、冻品、生猪等走私团伙 -> 走私团伙,
    农林牧渔业(包括……)增加值 -> 农林牧渔业增加值; an editor's note (下同) goes wherever it stands."""
    if "(" not in t and "（" not in t and not ("、" in t and "等" in t):
        return t  # no aside, note or enumeration (most subjects): nothing below would cut
    return _cut_asides(t)


def _cut_asides(t: str) -> str:
    """The cuts of :func:`tidy`, for a subject that may hold an aside or an enumeration."""
    t = _EDITOR_NOTE_RE.sub("", t)
    t2 = _PAREN_RE.sub("", t)
    if len(t2) >= 2:
        t = t2
    if "、" in t and "等" in t:  # what every enumeration holds: the long pattern only where both stand
        t2 = _ENUM_RE.sub(_enum_verb, t)
        if len(t2) >= 2:
            t = t2
    return t


def _enum_verb(m: re.Match[str]) -> str:
    """What an enumeration leaves: the act that opens its first item (清查旅馆、网吧等场所 -> 清查场所)."""
    v = _VERB_RE.match(m.group(0))
    return v.group(0) if v is not None and len(m.group(0).split("、", 1)[0]) > len(v.group(0)) else ""


def wants_noun_after(core: str, raw: str) -> bool:
    """Whether the subject is written after the number: the clause before it is
    empty, short, a verb, or ends in 的/了/等 (抓获4名嫌疑人, 藏匿了20公斤毒品)."""
    if not core or len(core) <= 2:
        return True
    if raw.rstrip().endswith(("全国", "全省", "全市", "全区", "全县")):
        return True  # 在全国215个重点整治地区中: the scope, then the counted noun
    if raw.rstrip().endswith(("的", "了", "等", "有", "和", "及", "、", "对", "向", "给")):
        return True  # 对|126名困难老人: a preposition's object is written after the number
    if raw.endswith((" ", "\u3000")) and raw.strip(" \u3000")[-1:] not in _CHANGE_LAST:
        return True  # 兜牢民生底线 1.38亿元救助资金惠及困难群众: a headline's part ends at the space, the noun is after
    if raw.rstrip().endswith(("共为", "累计为", "先后为", "已为")) or _FOR_AREA_TAIL.search(raw):
        # 监察大队共为|312名农民工追回欠薪, 还为全州|1.9万名困难残疾人发放: for whom, written after the number
        # (not 为 of a value)
        return True
    if core.endswith(_MODIFIER_TAILS):
        return True  # 凉山籍|100多个贩毒团伙, 业主家中|2万多元现金: a modifier or a place, then what is counted
    if _DETERMINER_TAIL.search(core):
        return True  # 抓获其余|9名团伙成员, 该团伙|9名骨干成员: which of them, then what is counted
    v = last_verb(core)
    return bool(v) and core.endswith(v)


# 为 with the area whose people a count after it names: 为全州|1.9万名困难残疾人.
# And 为 after the body that acts (区民政局为|2346户特殊困难老年人家庭开展……): for whom, not 为 of a value.
_FOR_AREA_TAIL = re.compile(
    r"(?:为(?:全省|全市|全州|全县|全区|全盟|全旗|辖区)|(?:局|院|部门|中心|政府|办公室|站|所)(?:共|累计|先后|已|还|又)?为)\s*$"
)
# A clause ending in a word that picks out which ones (其余, 该团伙, 将该团伙): what is counted is written after
# the number.
_DETERMINER_TAIL = re.compile(r"(?:其余|其他|剩余|另外|(?<![应])该[\u4e00-\u9fff]{1,3}|将其|把其)$")
# Ends of a clause that qualify or place the noun written after the number: an origin (湖南籍), a
# place inside something (家中, 车内, 行李中).
_MODIFIER_TAILS: tuple[str, ...] = ("籍", "家中", "家里", "车内", "车上", "屋内", "室内", "包内", "行李中", "身上")


# Procedural terms of one piece: a request to arrest, a case sent for prosecution.
_LEGAL_TERM = re.compile(r"提请批准逮捕|提请逮捕|提请批捕|移送审查起诉|审查起诉")


def from_verb(t: str) -> str:
    """Cut a long lead-in before the last verb, and a long modifier before 的:
    现场关员在进境旅客行李中查获违规携带的象牙制品 -> 查获象牙制品."""
    if len(t) < 2 + _VERB_MIN:
        # too short for any cut of _cut_before_verb (two characters before a verb; a 的 four after it)
        # and for the verb with 数 (two before it): most short subjects (增长, 死亡) are returned at once
        return t
    return _cut_before_verb(t)


def _cut_before_verb(t: str) -> str:
    """The cuts of :func:`from_verb`, for a subject long enough to hold one."""
    if "提请" in t or "审查起诉" in t:
        term = _LEGAL_TERM.search(t)
        if term is not None:
            # 受理公安机关提请批准逮捕案件, 受理移送审查起诉案件: the request is one term, what is counted runs
            # from the act that receives it (no cut before its 逮捕 or 起诉)
            j = t.rfind("受理", 0, term.start())
            return t[j:] if j >= 0 else t[term.start() :]
    v = last_verb(t)
    if not v:
        return t
    k = t.rfind(v)
    if k >= 2 and t[k + len(v) :] in _NOUN_AFTER_VERB:
        # 投入城乡社区建设资金, 下拨自然灾害生活救助资金: the verb and the noun after it are one noun (建设资金),
        # what is counted runs from the verb before them, or is the whole
        prev = last_verb(t[:k])
        j = t.rfind(prev, 0, k) if prev else -1
        return t[j:] if j >= 4 else t
    if k >= 2 and _COUNT_NOUN.fullmatch(t, k + len(v)):
        return t  # 非法集资案件受理数, 刑事案件立案数: the verb with 数 names the count, the words before say of what
    if k + len(v) == len(t) and k >= 2:
        # 共受理非法集资案件受理: the verb closes a noun phrase (案件受理); cut at the verb before it
        j = t.rfind(v, 0, k) if t.rfind(v, 0, k) >= 0 else -1
        prev = last_verb(t[:k])
        cut = (j + len(v)) if j >= 0 else (t.rfind(prev) + len(prev) if prev and t.rfind(prev) + len(prev) <= k - 2 else -1)
        return t[cut:] if cut > 0 else t
    if k >= 4 and not (_VENUE_END.search(t, 0, k) and _VENUE_FLOWS.match(t, k)):
        t = t[k:]  # (not after a venue: A级旅游景区接待游客 counts the venue's visitors)
    rest = t[len(v) :]
    d = rest.rfind("的")
    if d >= 4 and len(rest) - d - 1 >= 2 and not (rest[d + 1 :] in _GENERIC_HEADS and len(rest) <= 20):
        t = v + rest[d + 1 :]
    return t


# Heads that say what is counted only with the modifier before their 的 (公安部督办的案件, 涉及民生的项目):
# the modifier stays.
_GENERIC_HEADS: frozenset[str] = frozenset({
    "案件", "案", "案子", "线索", "人员", "对象", "团伙", "企业", "单位", "项目", "人", "人数", "事件", "问题",
})


# What turns a verb into the name of its count (受理数, 立案数, 破案率).
_COUNT_NOUN = re.compile(r"(?:数|量|率|人数|起数|件数|总数|数量|总量|金额)(?:同比|环比)?")


def named_drug(t: str) -> str:
    """查获毒品麻古 -> 毒品麻古: the drug where the phrase names one after 毒品; else ``t``."""
    m = _NAMED_DRUG_RE.match(t) if "毒品" in t else None
    return "毒品" + m.group(1) if m else t


def is_filler(t: str) -> bool:
    """Whether ``t`` is only an adverb, copula or connective (共计, 已达, 分别为)."""
    return t in _FILLERS


def last_verb(t: str) -> str:
    """The last known verb in ``t``, or ''."""
    # the matches finditer would give, one search each from the end of the one before (most clauses hold
    # one verb or none: two searches at most, without an iterator and a loop over it)
    m = _VERB_RE.search(t)
    if m is None:
        return ""
    while (after := _VERB_RE.search(t, m.end())) is not None:
        m = after
    return m.group(0)


# Head nouns that coordinated items share when written once, after the last item:
# 蔬菜及食用菌、瓜果产量 -> 蔬菜及食用菌产量, 瓜果产量. Longest first.
SHARED_HEADS: tuple[str, ...] = tuple(sorted((
    "破案率", "发案率", "增长率", "产量", "增加值", "人数", "起数", "总额", "总量", "比重", "占比", "价格",
    "收入", "支出", "面积", "数量", "金额", "零售额", "销售额", "营业额", "率", "排放量", "浓度",
), key=len, reverse=True))


_LIST_PREPOSITIONS = frozenset("对向在从自与")
_OWN_QUANTITY: tuple[str, ...] = ("量", "数", "额", "值", "价", "费", "人次", "规模")
_NUMERALS = frozenset("一二三四五六七八九十")
_ORDINAL = re.compile(r"第[一二三四五六七八九十]")


def split_list(t: str, k: int) -> list[str] | None:
    """``t`` split into ``k`` coordinated items (A和B, A、B及C), or ``None``;
    a head noun written once after the last item goes to every item."""
    tail = ""
    if "分别" in t or "依次" in t:
        # 对东盟、韩国分别进出口: what follows 分别 (or 依次) goes to every item
        t, tail = re.split("分别|依次", t, maxsplit=1)
        tail = tail if re.fullmatch(r"[\u4e00-\u9fff]{1,8}", tail) else ""
    parts = [p for p in t.split("、") if p]
    if len(parts) != k:
        parts = [p for p in _LIST_SPLIT.split(t) if p]
    if len(parts) != k:
        return None
    if all(gazetteer().candidates(p.strip(), simplified=True) for p in parts[1:]) and gazetteer().find(parts[0][-12:]):
        return None  # ……居前三位的是会泽县、富源县和师宗县,分别增长: places, the figures' areas, not what they count
    if (
        _ORDINAL.fullmatch(parts[0]) and all(p in _NUMERALS for p in parts[1:-1])
        and parts[-1][:1] in _NUMERALS and len(parts[-1]) > 1
    ):
        # 第一、二、三产业增加值: ordinals written once, the rest after the last one shared by all
        rest = parts[-1][1:] + tail
        return ["第" + x + rest for x in [parts[0][1]] + parts[1:-1] + [parts[-1][0]]]
    if (
        not tail and (v := last_verb(parts[-1])) and (j := parts[-1].rfind(v)) >= 2
        and len(parts[-1]) - j - len(v) >= 2 and not any(last_verb(p) for p in parts[:-1])
    ):
        # 小微企业和个体工商户获得留抵退税: the act and what it counts, written once after the last item, go to
        # every item (小微企业获得留抵退税, 个体工商户获得留抵退税)
        return [p + parts[-1][j:] for p in parts[:-1]] + [parts[-1]]
    if tail:
        lead = parts[0][0] if parts[0][:1] in _LIST_PREPOSITIONS else ""
        return [(lead if lead and not p.startswith(lead) else "") + p + tail for p in parts]
    last = parts[-1]
    if all(len(p) == 1 for p in parts[:-1]) and len(last) >= 2 and len(last) <= 4:
        # 牛、羊出栏 -> 牛出栏, 羊出栏: one-character items share what follows the last one
        return [p + last[1:] for p in parts[:-1]] + [last]
    if all(len(p) <= 2 for p in parts[:-1]) and len(last) > 4:
        # 城镇和农村居民人均可支配收入: bare modifiers share the rest of the last item
        # (城镇居民人均可支配收入, 农村居民人均可支配收入)
        w = len(parts[0])
        return [p + last[w:] if len(p) == w else p for p in parts[:-1]] + [last]
    if (
        k == 2 and len(parts[0]) >= 3 and (j := last.find(parts[0][-2:], 1)) >= 1
        and len(last) - j - 2 >= 2 and parts[0][-2:] not in _NUMERALS
    ):
        # 城镇居民和农村居民人均可支配收入: the first item ends in the word the last one's shared rest follows
        # (城镇居民人均可支配收入, 农村居民人均可支配收入)
        return [parts[0] + last[j + 2 :], last]
    head = next((h for h in SHARED_HEADS if parts[-1].endswith(h) and len(parts[-1]) > len(h)), "")
    if head:
        # an item that ends in a quantity noun of its own (游客接待量、旅游总收入) takes no head
        parts = [p if p.endswith(SHARED_HEADS) or p.endswith(_OWN_QUANTITY) else p + head for p in parts[:-1]] + parts[-1:]
    return parts


def _split_items(listed: str, core: str, k: int) -> list[str] | None:
    """The ``k`` items of a list before figures joined by 分别: read on the clause before its lead-in
    is cut at the last verb, so that every item keeps its own verb (破获案件、捣毁窝点分别下降 ->
    破获案件, 捣毁窝点); each item is then cut as a single subject would be."""
    if listed != core and (parts := split_list(listed, k)) is not None:
        return [named_drug(from_verb(p)) if len(p) > 2 else p for p in parts]
    return split_list(core, k)


_ITEMS_BEFORE_SHARE = re.compile(
    r"(?:主要|其中)?(?:涉及|包括|集中在|集中于|表现为|为|是|有)(?P<items>[^、,，;；。]{2,12}(?:、(?:(?!等)[^、,，;；。]){2,12})+)"
    r"(?:等)?(?:问题|方面|类型|领域|原因|行业|环节|项目)?$"
)


def _items_before_share(s: str, cstart: int, floor: int, k: int) -> list[str] | None:
    """The ``k`` items listed in the clause before a 分别 share (主要涉及A、B等问题,分别占……)."""
    end = cstart - 1
    if end <= floor or s[end] not in ",，":
        return None
    _, raw = clause_before(s, end, floor)
    m = _ITEMS_BEFORE_SHARE.search(raw.strip())
    if m is None or re.search(r"[\d%％]", raw):
        return None
    items = m.group("items").split("、")
    return items if len(items) == k else None


def _comma_items(s: str, cstart: int, floor: int, last: str, k: int, rw: tuple[str, ...]) -> list[str] | None:
    """The ``k`` items of a 分别 list whose items are set off by commas (鲜、冷藏肉，精制食用植物油，方便面
    分别增长……): the ``k - 1`` clauses before the figure's own, without numbers, opening where the
    sentence or the clause after a number opens; ``last`` is the item of the figure's own clause."""
    if last.startswith(("占", "比", "较")):
        return None  # 分别占不合格总数的: a share or a comparison, not the last item
    items = [last]
    end = cstart - 1
    while len(items) < k:
        if end <= floor:
            return None
        a, raw = clause_before(s, end, floor)
        if s[end] not in ",，" or not raw.strip() or re.search(r"[\d%％]", raw) or gazetteer().find(raw):
            return None  # a clause of places (酒泉、定西排名第二,GDP增速分别为): the figures' regions, not items
        t = drop_category(balance(tidy(_clean(raw, rw))))
        if len(t) < 1 or len(t) > 14 or is_filler(t) or find_marks(t):
            return None
        items.insert(0, t)
        end = a - 1
    if end > floor and s[end] in ",，" and not re.search(r"[\d%％]", raw := clause_before(s, end, floor)[1]):
        t = _clean(raw, rw)
        if t and not is_filler(t) and t not in _CONNECTIVES:
            return None  # more clauses that name something before: the list is not told apart from its lead-in
    return items


# A category written before a product it names (传统行业产品电力电缆, 主要民生产品鲜、冷藏肉): the
# product is what is counted. Not before a quantity of the category itself (高技术产品出口).
_CATEGORY_RE = re.compile(
    r"^(?:主要|重点|传统|新兴|新型|民生|高技术|高新技术|绿色|智能|新能源)[\u4e00-\u9fff]{0,4}?(?:产品|商品)(?:中)?"
)
_CATEGORY_QUANTITY: tuple[str, ...] = (
    "产量", "产值", "出口", "进口", "进出口", "销量", "销售", "零售", "价格", "增加值", "生产", "营业", "收入",
    "利润", "质量", "产销", "比重", "占比", "投资",
)


def drop_category(t: str) -> str:
    """``t`` without a category written before the product it names (see :data:`_CATEGORY_RE`)."""
    m = _CATEGORY_RE.match(t) if "品" in t else None  # every category ends in 产品 or 商品
    if m is None:
        return t
    rest = t[m.end() :]
    if len(rest) < 2 or rest.startswith(_CATEGORY_QUANTITY) or rest.startswith(("和", "及", "、", "的")):
        return t
    return rest


# Nouns for the people a release names one by one (犯罪嫌疑人张某、李某等4人).
_PEOPLE_NOUNS: tuple[str, ...] = ("嫌疑人", "嫌犯", "被告人", "罪犯", "成员", "骨干", "人员", "男子", "女子", "团伙")
# Persons named as the law names them (张某、李某等) at the end of a clause, before their count.
_NAMES_TAIL = re.compile(r"(?:[\u4e00-\u9fff]某某?[、和及与]?)+等?$")
# 将/把 with its object before a count, the verb after it: 将犯罪嫌疑人张某等4人抓获.
_BA_RE = re.compile(r"[将把](?P<np>[\u4e00-\u9fff]{2,12}?)(?:[\u4e00-\u9fff]某某?|[\u4e00-\u9fff]{1,2}[男女]子)?等?$")


_BA_MODIFIED = re.compile(r"[^,，。;；的]{1,12}的(?P<head>[\u4e00-\u9fff]{2,6}?)(?P<verb>抓获|抓捕|查获|缴获|刑拘|逮捕|救出|解救)")


def _ba_object(s: str, own: str, end: int) -> str:
    """The verb and its object of a 将/把 clause whose count names the object (see :data:`_BA_RE`), or ''."""
    if "将" not in own and "把" not in own:
        return ""  # most clauses: neither reading below applies
    if own.rstrip().endswith(("将", "把")):
        # 民警迅速将3名嫌疑人抓获: the object after the count, then its verb
        np = noun_after(s, end)
        vm = _VERB_RE.search(np)
        if vm is not None and vm.start() >= 2:
            return vm.group(0) + np[: vm.start()]
        vm = _VERB_RE.match(s, end + len(np))
        if vm is not None and len(np) >= 2:
            return vm.group(0) + np
        # 将2名盗窃电缆的嫌疑人抓获: a modifier with 的, then the object, then the verb
        dm = _BA_MODIFIED.match(s, end)
        return dm.group("verb") + dm.group("head") if dm is not None else ""
    m = _BA_RE.search(own)
    if m is None:
        return ""
    v = _VERB_RE.match(s, end)
    if v is None:
        return ""
    np = m.group("np")
    return v.group(0) + np if len(np) >= 2 else ""


def change_phrase(clause: str, region_words: tuple[str, ...] = ()) -> str:
    """The clause when it states only a change (同比上升, 同比分别上升, 较去年增加,
    增长), as written; else ''."""
    t = clause.strip().lstrip(")")
    t = strip_tail(strip_lead(t, region_words) if not CHANGE_RE.fullmatch(t) else t)
    if not t or strip_change(t):
        return ""
    return t


def share_base(t: str) -> str:
    """The quantity a share is of, for a change stated after the share:
    采矿业增加值占比达96.05%,同比下降15.6% -> 采矿业增加值 (not the share)."""
    for w in ("所占比重", "的比重", "占比", "比重"):
        if t.endswith(w) and len(t) > len(w) + 1:
            return t[: -len(w)]
    k = t.rfind("占")
    if k >= 2 and (_SHARE_OF_SCOPE.fullmatch(t[k:]) or _SHARE_OF_PLAN.fullmatch(t, k)):
        return t[:k]  # 家禽存栏占全省 -> 家禽存栏; 水利投资占年度计划 -> 水利投资
    return t


# A share of the plan or target the quantity is measured against (完成水利投资12.7亿元,占年度计划的81.4%).
_SHARE_OF_PLAN = re.compile(r"占(?:年度|全年|年)?(?:投资)?(?:计划|目标|任务)(?:的)?")


_DECREASE_SET: frozenset[str] = frozenset(DECREASE_WORDS)  # asked of every change word found: one lookup
_DECREASE_FIRST: frozenset[str] = frozenset(w[0] for w in DECREASE_WORDS)
_DECREASE_FIRST_CHAR = re.compile("[" + "".join(sorted(_DECREASE_FIRST)) + "]")  # (searched, as _COMPARISON_CHAR)
# The change word that starts last in a string, the longest of those starting there: the greedy .* backs
# off from the end, and the longer words are tried first at each place.
_LAST_CHANGE_WORD = re.compile(
    ".*(" + "|".join(sorted(DECREASE_WORDS + INCREASE_WORDS, key=len, reverse=True)) + ")", re.DOTALL
)


def change_sign(raw_clause: str) -> int:
    """-1 when the clause states a decrease right before the number, else +1."""
    if raw_clause.rstrip().endswith("下") and _CLIPPED_DECREASE.search(raw_clause):
        return -1  # 同比下  25%: 下降 clipped by the page's spaces
    tail = raw_clause[-12:]
    if _DECREASE_FIRST_CHAR.search(tail) is None:
        # no decrease word in the tail (none opens with a character of it): whatever change word stands
        # last, if any, is no decrease
        return 1
    last = _LAST_CHANGE_WORD.match(tail)
    if last is None or last.group(1) not in _DECREASE_SET:
        return 1
    best, at = last.group(1), last.start(1)
    if best == "降" and tail[at - 1 : at] in ("起", "升"):
        return 1  # 航班起降7420架次: take-offs and landings, not a decrease
    after = tail[at + len(best) :]
    if after.strip(CHANGE_TAIL_CHARS):
        return 1  # 减税降费超过410亿元, 减免税额126.5亿元: the word names a thing, not a change
    if after.startswith(LEVEL_AFTER_CHANGE) or after.startswith(("了", "至")) and after[1:2] in ("为", "到"):
        return 1
    return -1


def comparison_of(raw_clause: str, family: str) -> str | None:
    """yoy | mom | share | None, from the words before the number."""
    if _COMPARISON_CHAR.search(raw_clause) is None:
        return None  # no word of the three tables can stand in it (one test, not three searches)
    if _MOM_RE.search(raw_clause):
        return "mom"
    if _YOY_RE.search(raw_clause):
        return "yoy"
    if family == "percent" and _SHARE_RE.search(raw_clause):
        return "share"
    return None


# A clause that is a change word alone (,增长4.7%): a rate of change with no base of its own.
_BARE_CHANGE = re.compile(r"\s*(?:增长|下降|增加|减少|上升|提高|降低|回落)了?\s*")
# An item of a list of changes that says its own direction: 分别增长11.3%、2.6%和下降3.1%.
CHANGED_ITEM = re.compile(r"(?:、|和|及|与)(增长|下降|上升|减少|增加|提高|降低|回落|回升)")
_CHANGED_ITEM_FIRST: frozenset[str] = frozenset("、和及与")  # what every match of CHANGED_ITEM opens with
_CLAUSE_BREAK_RE = re.compile(r"[,;:。!?，；：！？\n]")
AVERAGE_WORDS: tuple[str, ...] = ("日均", "月均", "年均", "人均", "户均")

# ---------------------------------------------------------------- assigning subjects to figures


def _family(n: Num) -> str:
    return n.unit.family if n.unit is not None else "count"


def _region_words(place: Place | None, home: Place | None) -> tuple[str, ...]:
    """Names of the figure's area (``place``) and the release's, as a subject may start with them (kept by
    :func:`assign` for the release under the place's name and division: figures of one area often hold
    equal places that are not the same object, and hashing a place hashes its whole division)."""
    g = gazetteer()
    words: list[str] = []
    for p in (place, home):
        if p is None:
            continue
        words.append(p.name)
        if p.division is not None:
            for d in (p.division, g.province(p.division)):
                words.append(d.name)
                words.extend(d.short)
    return tuple(sorted(set(words), key=len, reverse=True))


# What is left of a clause that only tells a change: 增长, 同比下降.
_CHANGE_ONLY = re.compile(r"\s*(?:同比|环比)?(?:增长|下降|上涨|下跌|回落|回升|提高|减少|增加)?\s*")


def _strip_marks(t: str, marks: list[Mark] | None = None) -> str:
    """Drop period expressions from a clause (今年1至5月共破获 -> 共破获); ``marks``: those of ``t``,
    when the caller has found them already."""
    if marks is None:
        if not _MAYBE_PERIOD.search(t):
            return t
        marks = find_marks(t)
    out = []
    pos = 0
    for mk in marks:
        before = t[max(0, mk.start - 3) : mk.start]
        if mk.name in ("weak_stock", "stock_implicit") or before.endswith(COMPARE_BEFORE):
            continue
        if mk.name == "duration" and re.search(r"(?:较|比|与)(?:前|上)$", before):
            continue  # 较前一周减少: a comparison base stays in the clause
        if mk.name == "rate" and t[mk.start : mk.end].endswith("量"):
            continue  # 数据日增量: a rate that is a noun names the quantity itself
        out.append(t[pos : mk.start])
        pos = mk.end
        if t.startswith(("当月", "单月"), pos) and _CHANGE_ONLY.fullmatch(t, pos + 2):
            pos += 2  # 其中,5月份当月增长7.1%: the month alone is the period too, and names nothing counted
    out.append(t[pos:])
    return "".join(out)


_TOWNSHIPS_OPEN = re.compile(
    r"(?:辖区)?(?:(?:(?!等)[\u4e00-\u9fff]){2,3}?、)+(?:(?!等)[\u4e00-\u9fff]){2,3}?(?:等|[两三四五六七八九十\d]{1,2}个?)?"
    r"(?:街道|镇|乡)(?:分别)?"
)


def _strip_places(t: str) -> str:
    """Drop a list of places that opens the clause, with its count (成都、绵阳、南充三市分别查办 ->
    查办): the places are the figures' regions, not what they count."""
    if "、" in t and (tm := _TOWNSHIPS_OPEN.match(t)) is not None and len(t) - tm.end() >= 2:
        return t[tm.end() :]  # 城关、石屏两镇分别发生: the townships are the figures' regions
    if "的" in t[:10] and "、" in t and (d := t.index("的")) >= 2 and gazetteer().may_start(t[d + 1 :]):
        cut = _cut_places(t[d + 1 :])
        if cut != t[d + 1 :] and "、" in t[d + 1 : len(t) - len(cut)]:
            return cut  # 受灾较重的海东市、西宁市、海北州受灾人口分别为: the places listed after what picks them out
    if not gazetteer().may_start(t):
        return t  # no name opens the clause (most clauses): the whole of find() would say the same
    return _cut_places(t)


def _cut_places(t: str) -> str:
    """:func:`_strip_places` for a clause a name may open: the names found, the list cut."""
    g = gazetteer()
    hits = g.find(t)
    if not hits or hits[0].start != 0:
        return t
    end = hits[0].end
    for h in hits[1:]:
        if t[end : h.start] in ("、", "和", "及", "与", ""):
            end = h.end  # 湖南永州、怀化和江西上饶: a province written before a place is part of the list
        else:
            break
    rest = _PLACE_COUNT.sub("", t[end:])
    rest = re.sub(r"^(?:法院|检察院|公安局|警方|分别|共|均)+", "", rest)
    return rest if len(rest) >= 2 else t


def _without_periods(t: str, rw: tuple[str, ...]) -> str:
    """``t`` without what ends in the figure's area right before a period (中国禁毒主战场云南1至5月缴毒 ->
    1至5月缴毒: the area and what is said of it are the frame, not what is counted), then without its
    periods (:func:`_strip_marks`). The periods are found once where nothing was cut before them (most
    clauses), and found again in what is left where something was."""
    if not _MAYBE_PERIOD.search(t):
        return t
    marks = find_marks(t)
    if rw and marks:
        a = marks[0].start
        head = t[:a]
        # (one test of the names together first: most heads end with none of them)
        if head.endswith(rw) and any(len(w) >= 2 and head.endswith(w) and len(head) > len(w) for w in rw):
            return _strip_marks(t[a:])
    return _strip_marks(t, marks)


_ITEM_NUMBER = re.compile(r"^\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、．)）]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）])\s*")


# Where an item's number may start (after spaces): a digit, a numeral or a parenthesis (see _ITEM_NUMBER).
_ITEM_NUMBER_FIRST: frozenset[str] = frozenset("一二三四五六七八九十(（")


# What any cut of _clean inside a clause needs (see _cut_inside): a parenthesis, 计, 前, 被 or a character
# of a period. Most clauses hold none: one search instead of six tests.
_INSIDE_HINT = re.compile("[(（计前被" + _MAYBE_PERIOD.pattern[1:-1] + "]")


# The means a thing was done by, before what was done (通过债券、股票等方式, 依托网络交易监测平台).
_BY_MEANS = re.compile(r"(?:通过|依托|借助)[^,，。;；]{1,20}?(?:方式|渠道|途径|形式|手段|平台|模式)")


# What a rate is reckoned per, written right before its number (每人每月, 每生每年, 每户): no part of its subject.
_PER_TAIL = re.compile(r"(?:每(?:人|户|生|名|位|家|亩))?(?:每(?:月|年|天|日|周|学期|学年))?$")


def _clean(t: str, rw: tuple[str, ...]) -> str:
    if (c := t.lstrip()[:1]) and (c in _ITEM_NUMBER_FIRST or c.isdecimal()):
        t = _ITEM_NUMBER.sub("", t)  # 2.南海区接报火灾: an item's number
    if _INSIDE_HINT.search(t) is not None:
        t = _cut_inside(t, rw)
    if ("通过" in t or "依托" in t or "借助" in t) and (mm := _BY_MEANS.search(t)) is not None:
        t = t[: mm.start()] + t[mm.end() :]  # 通过债券、股票等方式实现直接融资: the means, not what is counted
    opened = t.lstrip(" \u3000")
    if opened[:1] in ("从", "分") and (lf := BREAKDOWN_FRAME.match(opened)) is not None and len(opened) > lf.end() + 1:
        opened = opened[lf.end() :].lstrip(":：,， ")  # 从起火场所看:住宅火灾: how the rows are cut, not what they count
    placed = _strip_places(opened)  # the whole list first, before its first place is read as the area
    led = strip_lead(placed, rw)
    t = strip_tail(led)
    if not (t == led == placed == opened):
        # something was cut: the places and lead words again (where nothing was, both would give the
        # clause back as it is, being what they gave for it the first time)
        t = strip_lead(_strip_places(t), rw)
    t = t.strip(" \u3000,、“")
    if "每" in t and (pm := _PER_TAIL.search(t)) is not None and pm.start() < len(t):
        t = strip_tail(t[: pm.start()]).strip(" \u3000,、“")  # 低保标准为每人每月712元: the rate's basis, not what is counted
    if t[-1:] in "+-＋－":
        t = t.rstrip("+-＋－ ")  # 同比+14.2%: the sign written before the number is the number's
    if t and (t in _LEVEL_WORDS or gazetteer().candidates(t, simplified=True)):
        return ""  # 曲靖市310起: the clause holds only the place (or what its name left behind)
    return t


def _cut_inside(t: str, rw: tuple[str, ...]) -> str:
    """What :func:`_clean` cuts inside a clause that holds a character of :data:`_INSIDE_HINT`: notes, a
    currency, a ranking, who was penalised, periods."""
    # each cut below is tried only where the clause holds a character every match of its pattern needs
    # (a test of one character costs a tenth of a pattern that finds nothing)
    if "(" in t or "（" in t:
        t = _EDITOR_NOTE_RE.sub("", t)  # 较去年同期(下同)增长: the note parts the comparison from its verb
    if "计" in t:
        t = _CURRENCY_BASIS.sub("", t)  # 进出口总额以人民币计价为: the currency it is stated in, not the quantity
    if "前" in t:
        t = _RANKED_LIST.sub("", t)  # PM2.5浓度改善幅度排名前三的县依次为蔚县、围场县、阜平县: the areas ranked
    if "被" in t:
        t = _PENALISED.sub("", t)  # 该店被依法处以罚款: who was penalised, not what is counted
    t = _without_periods(t, rw)  # a clause without the characters of _MAYBE_PERIOD holds no period
    return t.replace("()", "")  # 比去年(2022年)增加: the period inside went, its parentheses go too


# Who was penalised, before the penalty (该店被依法处以罚款, 当事人被处).
_PENALISED = re.compile(r"^[^,，。;；]{0,12}?被(?:依法)?(?:处以|处)(?=[\u4e00-\u9fff]{2})")
# The areas ranked at the top by a quantity, written after it: 排名前三的县依次为……, 居前三位的是…….
_RANKED_LIST = re.compile(
    r"(?:排名|排在|位居|位列|居)?前[一二三四五六七八九十两\d]{1,2}(?:(?:位|名)的?|的)[^,，。;；\d]{0,8}?(?:依次|分别)?(?:为|是)[^,，。;；\d]*$"
)
_LEVEL_WORDS: frozenset[str] = frozenset({"省", "市", "县", "区", "州", "旗", "盟", "自治州", "自治县", "地区"})


_SHARE_OF_SCOPE = re.compile(r"占(?:全国|全省|全市|全区|全县|全州)?(?:总量|总数|总额)?(?:的)?(?:比重|比例)?$")


_AGE_RE = re.compile(r"[\d一二三四五六七八九十]{1,3}(?:周)?岁\)?")
_TABLE_CELL_BAD = re.compile(r"[\d%％]")


def _table_row_name(doc: Document, i: int) -> str:
    """The first cell of a flattened table row (指标 | 数值 | 同比) holding position ``i``."""
    s = doc.s
    ls = doc.paragraph(i).start  # a paragraph is a line
    bar = s.find("|", ls, i)
    if bar < 0:
        return ""
    first = s[ls:bar].strip()
    if not first or len(first) > 20 or _TABLE_CELL_BAD.search(first):
        return ""
    return first


_ROW_LABEL = re.compile(r"\s*([\u4e00-\u9fff]{2,10})\s*")
# How far a row's place (禅城区 512套) may stand from its line's start, spaces included.
_ROW_PLACE_MAX = 40
_PLACE_ROW = re.compile(r"[\u4e00-\u9fff()（）]{2,12}[ \u3000]+\d[\d.,]*[^\s\d]{0,6}")
# A row labelled by its year (2019年 58起) under a caption naming what it counts (近五年……破获毒品刑事案件情况如下).
_YEAR_LABEL = re.compile(r"(?:19|20)\d{2}年度?")
_CAPTION_THEN_YEAR_ROW = re.compile(r"(.{2,40}?[:：])\s*(?:19|20)\d{2}年度?[ \u3000]+\d[^。;；\n]*")
_YEAR_ROW = re.compile(r"(?:19|20)\d{2}年度?[ \u3000]+\d[\d.,]*[^\s\d]{0,6}")


ROW_SPACES = (" ", "\u3000")  # what stands before the cell after a row's label (_space_row_label's first test)


def _space_row_label(doc: Document, cstart: int, rw: tuple[str, ...]) -> str:
    """The label of a table row flattened into one line with spaces (第一产业 用电量 19.6亿千瓦时 增长10.8%),
    when the figure's clause is the cell right after it; '' if the clause opens no such row, or the
    label is a place (the row's region)."""
    s = doc.s
    if cstart < 3 or s[cstart - 1] not in " \u3000":
        return ""
    m = _ROW_LABEL.fullmatch(s, doc.paragraph(cstart).start, cstart)  # a paragraph is a line
    if m is None or gazetteer().candidates(label := m.group(1), simplified=True):
        return ""
    label = _clean(label, rw)
    return label if len(label) >= 2 and not is_filler(label) else ""


# Rows of a table of places named by a level, not a place (市本级 | 21.36, 合计 | 46.3): they count what their
# column names, like the rows named by places.
_LEVEL_ROWS = frozenset({"市本级", "县本级", "区本级", "州本级", "省本级", "本级", "全市", "全县", "全区", "全州", "全省",
                         "合计", "总计", "全市合计", "全县合计", "全区合计"})
# A line that is an item of a list, named before a colon (粮食加工品:抽检5120批次,合格率99.6%).
_LINE_LABEL = re.compile(r"\s*([\u4e00-\u9fff()（）]{2,10})[:：]")
_LINE_LABEL_MAX = 60  # a longer line is prose, whatever stands before its colon
# Who speaks before a colon (國家統計局：, 标题：, 记者：): no item of a list.
_SPEAKERS = tuple("局厅委办院会部署所队站处") + ("中心", "标题", "题目", "来源", "记者", "编辑", "作者", "楼主")


def _line_label(doc: Document, start: int, rw: tuple[str, ...]) -> str:
    """The name of the item a short line of a list tells (生产环节：抽检7420批次，不合格63批次), before the
    colon that opens it; '' where the line is prose (a full stop, or long), opens with no such name, or
    the name is a place (the line's region), a connective (其中：) or filler."""
    s = doc.s
    p = doc.paragraph(start)
    if p.end - p.start > _LINE_LABEL_MAX or s.find("。", p.start, p.end) >= 0:
        return ""
    m = _LINE_LABEL.match(s, p.start, start)
    if (
        m is None or (label := m.group(1)) in _CONNECTIVES or label.endswith(_SPEAKERS)
        or gazetteer().candidates(label, simplified=True)
    ):
        return ""
    label = _clean(label, rw)
    return label if len(label) >= 2 and not is_filler(label) else ""


def _rows_header(doc: Document, start: int, rw: tuple[str, ...]) -> str:
    """What rows of places with figures (禅城区 512套; 洛龙区：1126套，13.46万平方米) count: the line above them
    that names it (分区看,8月份新建商品住宅网签成交量; 分区域看（新建商品住宅）：), without its period; '' if the
    figure's line is no such row."""
    s = doc.s
    ls = doc.paragraph(start).start  # a paragraph is a line
    if start - ls > _ROW_PLACE_MAX:
        return ""
    prefix = s[ls:start].strip().rstrip(":：").rstrip()
    place = re.split(r"[:：]", prefix)[-1].strip()
    if not gazetteer().candidates(place, simplified=True) and not TOWNSHIP_NAME.fullmatch(place) and not _YEAR_LABEL.fullmatch(place):
        return ""  # (a township is no division the gazetteer holds: 城郊乡  31人次 under 各乡镇……情况如下; rows of years: 2019年 58起)
    if len(place) < len(prefix):
        return _rows_caption(prefix[: len(prefix) - len(place)], rw)  # 分区域看（……）：洛龙区：1126套: a caption the line goes on from
    pos = ls - 1
    for _ in range(24):
        if pos <= 0:
            return ""
        ps = doc.paragraph(pos).start
        line = s[ps:pos].strip()
        pos = ps - 1
        if _PLACE_ROW.fullmatch(line) or _PLACE_COLON_ROW.fullmatch(line) or _YEAR_ROW.fullmatch(line):
            continue
        if (first := _CAPTION_THEN_ROW.fullmatch(line)) is not None and gazetteer().candidates(first.group(2), simplified=True):
            return _rows_caption(first.group(1), rw)
        if (first := _CAPTION_THEN_YEAR_ROW.fullmatch(line)) is not None:
            return _rows_caption(first.group(1), rw)  # ……情况如下:2019年 58起, the caption and the first row on one line
        if not line or line[-1] in "。；;":
            return ""
        return _rows_caption(line, rw)
    return ""


def _rows_caption(line: str, rw: tuple[str, ...]) -> str:
    """What a caption over rows of places names (its last clause, or what its brackets name), cleaned; ''."""
    last = re.split(r"[,，:：;；]", line.rstrip(":： "))[-1]
    named = _BREAKDOWN_OF.fullmatch(last)
    head = _clean(named.group(1) if named else last, rw)
    if "如下" in head or head[:1] in ("各", "分"):
        head = _CAPTION_WRAP.sub("", head)  # (前三季度)各旗县市立案情况如下: 立案
    return head if len(head) >= 2 and not re.search(r"\d", head) and not is_filler(head) else ""


# The words around what a caption over rows of places names: 各旗县市……情况如下.
_CAPTION_WRAP = re.compile(
    r"^(?:分|各)[\u4e00-\u9fff]{0,3}?(?:市|县|区|旗|州|乡镇|街道)+(?:[(（][^()（）]{1,6}[)）])?(?=[\u4e00-\u9fff]{2})|(?:情况|数据)?如下$"
)
# A caption and the first row after it on one line: 分区域看（新建商品住宅）：洛龙区：1126套，…….
_CAPTION_THEN_ROW = re.compile(r"(.{2,40}?[:：])\s*([\u4e00-\u9fff]{2,12})[:：]\s*\d[^。;；\n]*")
# A row of a place with its figures after a colon (洛龙区：1126套，13.46万平方米，均价9218元/平方米).
_PLACE_COLON_ROW = re.compile(r"[\u4e00-\u9fff()（）]{2,12}[:：]\s*\d[^。;；\n]*")
# A breakdown's caption that names its quantity in brackets: 分区域看（新建商品住宅）.
_BREAKDOWN_OF = re.compile(r"分[\u4e00-\u9fff]{1,4}看[(（]([^()（）]{2,16})[)）]")


_CHANGE_VERB_TAIL = re.compile(r"(?:增长|下降|上升|增加|减少|提高|提升|降低|回升|回落|下滑|下跌|缩小|扩大|上涨|增产|减产|增收|减收|增亏|减亏|压缩|压减|缩减|削减)了?$")


# Heads that name a quantity only with the words before them: 比例, 比率, 人数.
BARE_HEADS: frozenset[str] = frozenset({"比例", "比率", "率", "占比", "比重", "数量", "人数", "总数", "金额", "面积", "产量"})
# Measures written alone after a count of something (成交4862套,面积53.7万平方米): of that something.
# Counting words of pieces and packs, whose weight may follow (海洛因6块,重2.1千克).
_PIECES: frozenset[str] = frozenset("块粒包颗袋瓶盒片支枚箱")
# A weight's word alone before it (藏匿海洛因6块,重2.1千克; 体内排出海洛因球62粒,共计608克).
_BARE_WEIGHT: frozenset[str] = frozenset({"重", "共重", "总重", "毛重", "共计", "净重", ""})
# The last drug a phrase names, with what follows it (入境旅客体内排出可卡因球 -> 可卡因球).
_LAST_DRUG = re.compile(".*(" + "|".join(map(re.escape, sorted(DRUG_NAMES, key=len, reverse=True))) + r")([\u4e00-\u9fff]{0,2})$")


def _substance(phrase: str) -> str:
    """The drug a phrase ends by naming (藏匿海洛因 -> 海洛因, 排出可卡因球 -> 可卡因球), or ''."""
    m = _LAST_DRUG.match(phrase)  # (tried only for a weight after a count of pieces: a short phrase)
    return m.group(1) + m.group(2) if m is not None else ""


_ATTRIBUTE_HEADS: frozenset[str] = frozenset({"面积", "金额", "净重", "总重", "重量"})
_WEIGHT_HEADS: frozenset[str] = frozenset({"净重", "总重", "重量"})
# A fund's accounts written one after another (基金总收入4862.1亿元,总支出4597.3亿元,累计结余4316.9亿元): the heads
# that name an account of the fund the figure before named, and that figure's head.
_LEDGER_HEADS: frozenset[str] = frozenset({"支出", "总支出", "结余", "累计结余", "当期结余", "滚存结余"})
_LEDGER_END = re.compile(r"总?(?:收入|支出)$")
# Totals written alone after an addition to them (新增企业215家,总数达到3260家).
_TOTAL_HEADS: frozenset[str] = frozenset({"总数", "总量"})
# Connectives that open a sentence and name nothing (此外, 同时, 另外).
_CONNECTIVES: frozenset[str] = frozenset({"此外", "另外", "同时", "其中", "其次", "再次", "最后", "总之", "据悉", "另据"})
# Words that name a share without saying of what: 占比, 比重, 占全省.
SHARE_ALONE: frozenset[str] = frozenset({"占比", "比重", "所占比重", "占"})
_COPULA_TOPIC = re.compile(r"^(?P<topic>[^,，;；。]{2,16}?)(?:依然|仍然|仍|继续|一直|已经|已)?(?:是|成为)")


def _share_quantity(s: str, n: Num, in_sent: list[Num], cstart: int, rw: tuple[str, ...]) -> str:
    """The quantity a share named by its word alone is of: the last count or amount before it in the
    sentence, else the clause before it (without numbers), read up to its copula; '' if none."""
    item = next((m for m in reversed(in_sent) if _family(m) not in ("percent", "points", "ratio") and m.base), None)
    if item is not None:
        return share_base(item.base)
    changed = next((m for m in reversed(in_sent) if m.comparison != "share" and m.base), None)
    if changed is not None and _family(changed) == "percent":
        # 现有吸毒人员数量较2020年底下降41.2%,占全省的比重降至3.9%: the quantity whose change came before
        stem = strip_tail(strip_change(changed.base))
        if len(stem) >= 2 and not is_filler(stem):
            return stem
    if in_sent or cstart - 1 <= n.sentence[0]:
        return ""
    _, raw = clause_before(s, cstart - 1, n.sentence[0])
    if not raw.strip() or re.search(r"[\d%％]", raw):
        return ""
    t = _clean(raw, rw)
    if (m := _COPULA_TOPIC.match(t)) is not None:
        t = m.group("topic")  # 家禽存栏依然是全省大户,占全省27.5%
    t = from_verb(t)
    return t if len(t) >= 2 and not is_filler(t) else ""


def _fit_change(chg: str, base: str) -> str:
    """The change glued to the quantity it changes keeps only its verb, so the subject names the
    quantity (the guide: the quantity that changed, the change words may follow): 检查车辆 +
    较1月份增长 -> 检查车辆增长, 发生各类生产安全事故 + 同比分别下降 -> 发生各类生产安全事故下降."""
    m = _CHANGE_VERB_TAIL.search(chg)
    return m.group(0) if m else chg


# What a count's noun runs into when it goes on to name the next figure's quantity: 累计达412.6亿元.
_RUNS_INTO_FIGURE = re.compile(r"[^,，。;；:：\s\d]{0,4}\d")
# Heads that close the name of a set of places or bodies, and quantities measured of such a set.
_SET_HEAD = re.compile(r"开发区|园区|商圈|景区|乡镇|街道|社区|企业|行业|单位|学校|医院|口岸|[村镇乡县区市站点所]")
_MEASURE_END = re.compile(r"(?:量|额|值|率|收入|浓度|比例|面积)$")


def _set_noun(np: str) -> str:
    """The set a count names when the noun after it runs on into what the next figure measures
    (9个重点商圈客流量累计达1.86亿人次 -> 重点商圈); '' when it does not split so."""
    if not _MEASURE_END.search(np):
        return ""
    for m in reversed(list(_SET_HEAD.finditer(np))):
        rest = np[m.end() :]
        if m.end() >= 2 and len(rest) >= 2 and _MEASURE_END.search(rest):
            return np[: m.end()]
    return ""


# A clause that ranks an area by the quantity before it (PM10平均浓度南阳市最高).
_RANKED = re.compile(r"最(?:高|低|多|少|快|慢|大|小)$")
_RANK_TAIL = re.compile(r"(?:占比|比重|所占比重)?(?:最高|最大|最多|居首|第一)?$")


# Right before a number: a comparison base with its time (较2015年的, 比上年同期的), the number its value.
# (较1月份的47%, 仍不足2019年同期的六成: the same quantity in another period, or the share of it now reached)
_BASE_VALUE_BEFORE = re.compile(
    r"(?:较|比|与|不足|仅为)(?:\d{4}年|上年|去年|前年|上月|上季度|\d{1,2}月份?|[一二三四]季度)(?:同期|底|末|全年)?的$"
)
# A sentence's topic written at its head (优良天数比例方面，……; 其中，水质方面：……).
_TOPIC_HEAD = re.compile(r"\s*(?:其中[,，]?)?([^,，。;；:：\d]{2,14}?)方面[,，:：]")


# What is left of a remark that ranks the figure before it once its 最多 is cut (为全市, 居全省, 在各县中).
_RANK_REMARK = re.compile(r"(?:为|是|居|位居|位列|列)?(?:全[省市县区州国旗盟]|各[县市区州]|同类地区)(?:中|之中)?")


# 上述 and the kind of the things listed before it (上述市场, 上述地区): the items of that list.
_ANAPHOR = re.compile(r"上述(?:市场|国家|地区|城市|行业|品种|产品|领域|企业|单位|部门|口岸|县区|县市|市县|乡镇|伙伴|[一二三四五六七八九十两\d]{1,2}[个家类项种])")
# The last list of names (2-8 characters each) joined by 、 和 及 与.
_NAME_LIST = re.compile(r"([\u4e00-\u9fff]{2,8}?)((?:、[\u4e00-\u9fff]{2,8}?)*)(?:和|及|与|、)([\u4e00-\u9fff]{2,8}?)(?=[为是等,，均])")


def _listed_before_anaphor(s: str, sent_start: int, name: str, k: int) -> list[str] | None:
    """For a subject naming things listed before by 上述 (对上述市场进出口) and ``k`` figures after 分别: the
    subject of each, the item put in the anaphor's place, when the sentence lists exactly ``k`` items
    before it (韩国、欧盟和东盟为我省前三大贸易伙伴)."""
    am = _ANAPHOR.search(name)
    if am is None:
        return None
    at = s.find("上述", sent_start)
    if at < 0:
        return None
    found = None
    for m in _NAME_LIST.finditer(s, sent_start, at):
        found = m
    if found is None:
        return None
    items = [found.group(1), *[x for x in found.group(2).split("、") if x], found.group(3)]
    if len(items) != k:
        return None
    return [name[: am.start()] + item + name[am.end() :] for item in items]


def _ranks_a_place_only(t: str) -> bool:
    """Whether ``t`` (a clause without its 最高/最低) is a place's name and nothing else (张家口市)."""
    t = t.removeprefix("其中").strip(" ,，")
    return bool(t) and any(h.start == 0 and h.end == len(t) for h in gazetteer().find(t))


def _ranked_measure(s: str, n: Num, before: list[Num]) -> str:
    """What a place ranked with no measure named (张家口市最高，达91.6%) is ranked by: the topic at its
    sentence's head, else what the figure before it in the paragraph counts, in the same unit; ''."""
    topic = _TOPIC_HEAD.match(s, n.sentence[0])
    if topic is not None and topic.end() <= n.start:
        return topic.group(1).strip()
    return _measure_before(n, before)


def _measure_before(n: Num, before: list[Num]) -> str:
    """What the figure before ``n`` in its paragraph, in the same unit, counts (without its change); ''."""
    prev = next((m for m in reversed(before) if m.para == n.para and _family(m) == _family(n)), None)
    if prev is None or not prev.base:
        return ""
    return strip_change(prev.base) or prev.base


def _clause_between(s: str, prev: Num, cstart: int, rw: tuple[str, ...]) -> str:
    """A clause without numbers between the figure before and this figure's own
    clause (which names nothing), cleaned; else ''."""
    floor = max(prev.end, prev.np_end)
    if cstart - 1 <= floor:
        return ""
    _, raw = clause_before(s, cstart - 1, floor)
    if not raw.strip() or re.search(r"[\d%％]", raw):
        return ""
    t = _RANK_TAIL.sub("", _clean(raw, rw))
    if _RANK_REMARK.fullmatch(_RANKED.sub("", t)):
        return ""  # 金寨县平均降雨1426毫米,为全市最多;霍山县1318毫米: a remark ranking the figure before names nothing
    return t if len(t) >= 2 and not is_filler(t) else ""


RATE_WORDS_TAIL: tuple[str, ...] = ("增速", "增幅", "率", "比重", "占比", "指数")
# Words for a rate that name no quantity of their own.
RATE_WORDS: frozenset[str] = frozenset({"增速", "增幅", "涨幅", "降幅", "占比", "比重", "增长率", "增长速度"})
# A clause that is only a change of a rate against a base, or an average change:
# 增速比一季度提高, 高于全省增速, 快于上年全年, 比上年全年下降, 两年平均增长.
_RATE_CHANGE_RE = re.compile(
    r"(?P<rate>增速|增幅|涨幅|增长速度)?(?P<cmp>(?:比|较|高于|低于|快于|慢于|超过|超出)[^,，;；。]{0,10}?)"
    r"(?P<rate2>增速|增幅)?(?P<verb>提高|下降|回落|回升|加快|放缓|扩大|收窄|上升|降低|增加|减少)?"
)
# Change verbs said of a rate and never of a quantity (a count does not speed up).
_RATE_ONLY_VERBS: frozenset[str] = frozenset({"加快", "放缓"})
_AVERAGE_CHANGE_RE = re.compile(r"(?:[两三四五六七八九十\d]年|年)平均(?:增长|下降)?|年均(?:增长|下降)")
# A difference against another area or time, naming no quantity of its own: 与曲靖市相比多出, 比上年多.
_COMPARED_WITH = re.compile(r"(?:与|和|同|比|较)[^,，;；。]{1,10}?(?:相比)?(?P<diff>多出|多了|多|少了|少|高出|低了|增加了?|减少了?)")
_COMPARED_FIRST: frozenset[str] = frozenset("与和同比较")  # what every match of _COMPARED_WITH opens with
# A comparison base opening what names a change of a share (较去年全年|占比, 比上年同期|占比), and a share named alone.
_BASE_FIRST = re.compile(r"(?:比|较)(?:上年|去年|上月|年初|上年末|去年底|上年同期|去年同期)(?:全年|同期)?(?=[\u4e00-\u9fff]{2})")
_SHARE_WORDS_ALONE: frozenset[str] = frozenset(("占比", "比重", "比例"))
# A gap over a wider area's figure, with no quantity of its own: (但仍)高于全国, 比全国平均水平高.
_WIDER = r"(?:全国|全省|全市|全区|全州|全县)(?:平均水平|平均|水平)?"
_ABOVE_AREA = re.compile(
    r"(?:但|并|且|仍|还|也|均)*(?P<gap>(?:增速|增幅)?(?:(?:高于|低于|快于|慢于|领先于?)" + _WIDER
    + r"|(?:比|较)" + _WIDER + r"(?:高出?|低|快|慢))(?:增速|增幅)?)"
)
_ABOVE_AREA_HINT = re.compile("[于领比较]")  # one of them stands in every match of _ABOVE_AREA
# 对 and no noun before the count (对辖区57家企业开展检查, 对其中16人作出……决定): what it counts follows it.
_TO_SCOPE = re.compile(r"对(?:其中|辖区|辖内|全[省市县区州])?")
# What stands before a multiple of the quantity just given: 是前五年的, 为上年同期的 (the base, not a quantity).
_MULTIPLE_OF = re.compile(r"(?:是|为|相当于)[^,，;；]{0,6}?的?")
# Verbs that compare a figure with one stated before: 仅次于……的895.9亿元.
COMPARISON_VERBS: frozenset[str] = frozenset({"仅次于", "相当于", "超过", "高于", "低于", "多于", "少于", "接近"})
# A modifier standing for an item of the quantity before: 其中:省级8家, 市级30家.
_MODIFIER_RE = re.compile(r"[\u4e00-\u9fff0-9A-Z]{1,3}(?:级|类|型|属)")
_MODIFIER_LAST: frozenset[str] = frozenset("级类型属")  # what every subject _MODIFIER_RE matches whole ends with
_HEAD_AFTER_MODIFIER = re.compile(r"^.{0,8}?(?:级以上|级以下|以上|以下|级|类|型)(?P<head>[\u4e00-\u9fff]{2,12})$")
_LIST_PREDICATE = re.compile(
    r"(?:分别)?(?:增长|下降|增速|增幅)?(?:较快|较慢|明显|显著|平稳|迅速|强劲)?(?:增长|下降|回升|回落)?$"
)


# What every match of _AVERAGE_CHANGE_RE (均) or _RATE_CHANGE_RE (比, 较, 高于……, 超过) holds.
_RATE_HINT = re.compile("[均比较于超]")
_RATE_HINT_CHARS: frozenset[str] = frozenset("均比较于超")  # the same as a set


def _rate_change(core: str, prev: Num) -> str:
    """The subject of a change of a rate, of an average change, named by the quantity before it."""
    base = prev.base
    if not base or not _RATE_HINT.search(core):
        return ""
    if _AVERAGE_CHANGE_RE.fullmatch(core):
        return base + core + ("" if core.endswith(("增长", "下降")) else "增长")
    m = _RATE_CHANGE_RE.fullmatch(core)
    if m is None:
        return ""
    # 比上月加快, 比1-9月放缓: only a rate speeds up or slows down, so the rate is of the quantity before
    rated = bool(m.group("rate") or m.group("rate2")) or m.group("verb") in _RATE_ONLY_VERBS
    if not rated and (m.group("verb") or not m.group("cmp").startswith(("高于", "低于", "快于", "慢于"))):
        return ""  # 比上年末下降: a change of the quantity itself, named as before (生猪存栏下降)
    growth = rated or (
        prev.unit is not None and prev.unit.family == "percent" and prev.comparison in ("yoy", "mom")
    )
    rest = m.group("cmp") + (m.group("verb") or "")
    return base + ("增速" if growth and "增速" not in base else "") + rest


_AMONG_OPEN = re.compile(r"^\s*(?:其中[,，]?)?在(?:[^,，;；。在]{0,6}的)?$")


def _among_the(own: str, after_np: str) -> str | None:
    """The set a count opens (在41个工业大类行业中, 在统计的14类重点产品中): the noun after the number
    without the 中 that closes the frame; ``None`` when the clause is no such frame."""
    if not after_np.endswith("中") or len(after_np) < 3 or not _AMONG_OPEN.match(own):
        return None
    return after_np[:-1]


# The noun a count of listed items names them by (三个领域, 四个州市, 两类): no part of what each item counts.
_CLASS_NOUN = re.compile(
    r"^(?:领域|行业|方面|州市|市州|城市|地市|县区|县市区|县市|市县|省份|省区|地区|国家|口岸|园区|景区|环节|类型|品种|产业|门类|"
    r"部门|板块|类|种|市|县|区|地|镇|乡)"
)


def _items_before_count(s: str, count: Num, core: str, own: str, k: int) -> list[str] | None:
    """The subjects of ``k`` figures given 分别/依次 after a list and its count (A、B、C三个领域事故起数依次
    占……): each item with what the clause counts; places are the figures' regions, so where the items
    are places every figure counts the same; ``None`` when the figures follow no such count."""
    if count.value != k or _family(count) != "count" or count.qualifier != "exact":
        return None
    noun = _CLASS_NOUN.match(core)
    if noun is None or not re.search(r"分别|依次", own):
        return None
    a = count.start
    while a > count.sentence[0] and s[a - 1] not in CLAUSE_BREAKS:
        a -= 1
    items = [p for p in re.split(r"、|和|及|与", s[a : count.start].strip()) if p]
    if len(items) != k or any(len(p) > 12 or re.search(r"\d", p) for p in items):
        return None
    rest = strip_tail(re.sub(r"分别|依次", "", core[noun.end() :]))
    if len(rest) < 2 or is_filler(rest):
        return None
    g = gazetteer()
    if all(g.find(p) for p in items):
        return [rest] * k  # 昆明、大理、丽江、西双版纳四个州市接待游客分别为: the places are the regions
    return [p + rest for p in items]


# A count of casualties named with the act of the accidents (发生各类安全生产事故总死亡人数): the act and
# the quantifier say what happened, the count is of the dead.
_CASUALTY_COUNT = re.compile(r"(?:死亡|受伤|伤亡|遇难)人数$")
_CASUALTIES_OF = re.compile(r"^(?:共|累计)?发生(?:各类)?(?=[\u4e00-\u9fff]{4})")
_APPROX_BEFORE_SHARE = re.compile(r"^(?:约|大约|大致)(?=占)")


def _grown_part(in_sent: list[Num]) -> str:
    """The quantity of the growth rate stated last in the sentence, when nothing else was counted in it
    (高技术制造业增加值增长10.6%,占……): what a share after it is a part of; '' if none."""
    if any(_family(m) not in ("percent", "points", "ratio") for m in in_sent):
        return ""
    rate = next((m for m in reversed(in_sent) if _family(m) == "percent" and m.comparison != "share" and m.base), None)
    if rate is None:
        return ""
    part = strip_tail(strip_change(rate.base))
    return part if len(part) >= 2 and not is_filler(part) and part not in RATE_WORDS else ""


def _head_noun(base: str) -> str:
    m = _HEAD_AFTER_MODIFIER.match(base)
    return m.group("head") if m else ""


# The level word of townships listed before it (粤海、南头等街道, 甲、乙两镇).
TOWNSHIP_HEAD = re.compile(r"(?:[两三四五六七八九十\d]{1,2}个)?(?:街道|镇|乡)(?:办事处)?")


def _enumerated(t: str, k: int) -> list[str] | None:
    """``k`` items enumerated before 等 and the noun they share: 金银珠宝类、饮料类……等商品零售额."""
    m = re.search(r"((?:[^、,，“”]{1,10}、)+[^、,，“”]{1,10})等([\u4e00-\u9fff]{2,12})$", t)
    if m is None:
        return None
    items = m.group(1).split("、")
    if len(items) != k:
        return None
    if (tm := TOWNSHIP_HEAD.match(m.group(2))) is not None and len(m.group(2)) - tm.end() >= 2:
        # 粤海、南头、西丽等街道电诈警情: the items are places (the figures' regions), the rest is counted
        rest = strip_tail(strip_change(m.group(2)[tm.end() :]).replace("分别", ""))
        return [rest] * k if len(rest) >= 2 else None
    head = CHANGE_RE.sub("", m.group(2)) or m.group(2)
    for w in ("同比", "环比"):
        head = head.split(w, 1)[0]
    head = head.replace("分别", "")
    return [it + head for it in items] if len(head) >= 2 else None


# A list of places with their count and a ranking after the quantity: 石家庄、保定、唐山三市|接报火灾数|居全省前三位.
_PLACE_COUNT = re.compile(r"^(?:[两三四五六七八九十]{1,2}|等)?(?:市|县|区|地|州|省|省区|县区|市州)?")
_RANK_AFTER = re.compile(r"(?:居|位居|位列|排名|排在)[^,，。;；]*$")


# What is left of a ranking after the count of places ranked (全州13个|县市前三位).
_RANK_REST = re.compile(r"[\u4e00-\u9fff()（）、]{0,8}?(?:前|后)[一二三四五六七八九十两\d]{1,2}(?:位|名)")
_RANKED_AS = re.compile(r"依次为|依次是|分别为|分别是")


# What introduces the items of a list inside its clause: 集中在, 包括, 涉及, 主要为.
_ITEMS_INTRO = re.compile(r"(?:集中在|集中于|分布在|分布于|包括|涉及|主要有|主要是|主要为)")


def _ranked_among(s: str, n: Num, in_sent: list[Num], k: int, rest: str) -> list[str] | None:
    """个旧市、蒙自市、弥勒市调解纠纷数量位居全州13个县市前三位,分别为1865件……: when what names the figures is the rest
    of a ranking (县市前三位) after the count of places ranked among, the measure before that count, place by
    place; else None."""
    if not in_sent or rest[-1:] not in ("位", "名") or not _RANK_REST.fullmatch(rest):
        return None
    return _list_before(s, in_sent[-1].start + 1, n.sentence[0], k)


def _list_before(s: str, cstart: int, floor: int, k: int) -> list[str] | None:
    """The ``k`` items listed in the clause before ``cstart`` (not before ``floor``). Where the items
    are places (石家庄、保定、唐山三市接报火灾数……), they are the figures' regions and the quantity
    after them is every figure's subject."""
    end = cstart - 1
    if end <= floor:
        return None
    a, raw = clause_before(s, end, floor)
    t = _LIST_PREDICATE.sub("", raw.strip())
    t = t.split("中", 1)[1] if t.startswith(("主导产业中", "其中")) and "中" in t else t
    t = _RANKED_AS.split(t)[-1]  # 居前三位的依次为A、B和C: the items, not the ranking
    t = _ITEMS_INTRO.split(t)[-1]  # 不合格样品主要集中在A、B和C: the items, not what they are of
    if not t or not ("、" in t or "和" in t):
        return None
    hits = gazetteer().find(t)
    if hits and hits[0].start == 0:
        # the places, then what is counted for each
        last = hits[0]
        for h in hits[1:]:
            if t[last.end : h.start] in ("、", "和", "及", "与"):
                last = h
        rest = _RANK_AFTER.sub("", _PLACE_COUNT.sub("", t[last.end :]))
        rest = strip_tail(strip_lead(rest))
        return [rest] * k if len(rest) >= 2 else None
    return split_list(t, k)


_NAMED_AS = re.compile(r"^(?P<items>[^,，;；。为是]{1,12}(?:[、和及与][^,，;；。为是]{1,12})+?)(?:依次|分别)?(?:为|是|成为|作为|位列|位居)")


def _items_named_before(s: str, cstart: int, floor: int, k: int) -> list[str] | None:
    """The ``k`` items of the clause before ``cstart`` when it names them with a copula (东盟、欧盟、韩国为
    ……贸易伙伴), without numbers; else ``None``."""
    end = cstart - 1
    if end <= floor or s[end] not in ",，":
        return None
    _, raw = clause_before(s, end, floor)
    if re.search(r"[\d%％]", raw) or (m := _NAMED_AS.match(raw.strip())) is None:
        return None
    items = [p for p in re.split(r"、|和|及|与", m.group("items")) if p]
    return items if len(items) == k else None


# A clause that gives a quantity at two dates: 由2018年的37人减至2020年的21人, 从上年的45%提升到……
_FROM_TO_OPEN = re.compile(r"(?:分别|均|已)?(?:由|从)")
_FROM_TO_TAIL = re.compile(
    r"(?:的|(?:减少|下降|降低|提升|提高|上升|增加|增长|扩大|缩小)?(?:至|到)[^,，;；。]{0,10}?的?|[减降增升]至[^,，;；。]{0,10}?的?|(?:调整|变|提高|降低|下降|上升|增加|减少)为)$"
)
_CHANGE_NOUNS: frozenset[str] = frozenset({"减幅", "降幅", "增幅", "涨幅", "升幅"})
# Measures named alone in a list after a count (件数、人数同比分别上升): of what that count counts.
_BARE_MEASURES: frozenset[str] = frozenset(("件数", "人数", "起数", "案件数", "金额", "数量", "次数", "户数", "家数", "案值"))
# The measures just given, counted (四项指数, 三项指标): a list of changes goes through them in order.
_MEASURES_COUNTED = re.compile(r"[两三四五六七八九十]项(?:指数|指标|数据)")
# A comparison told as a frame before 分别 (与近五年同期均值相比分别下降): the changes of what was just counted.
_COMPARED_FRAME = re.compile(r"(?:与|同|和|较|比)[^,，;；。]{1,12}?(?:相比|比较)")
# Trend words that close the clause naming the quantity (外流贩毒人数明显减少): not the quantity's name.
_TREND_TAIL = re.compile(
    r"(?:明显|持续|大幅|大幅度|稳步|逐年|进一步|显著|有所|不断|均)?(?:减少|下降|降低|提升|提高|上升|增加|增长|好转|"
    r"扩大|缩小|回落|回升)(?:了)?$"
)


def _first_from(s: str, sentence: tuple[int, int]) -> int:
    """Where the first 由 or 从 of ``sentence`` stands, or -1: found once a sentence, so that a figure
    with neither before it in its sentence skips :func:`_from_to_topic` (its clause lies inside its
    sentence, which opens after a sentence's end, itself a clause break). Each sentence is read once."""
    a, b = sentence
    at = s.find("由", a, b)
    other = s.find("从", a, b if at < 0 else at)
    return other if other >= 0 else at


def _from_to_topic(doc: Document, n: Num, k: int, rw: tuple[str, ...]) -> list[str] | None:
    """The subjects of a from-to clause (由2018年的37人减至2020年的21人): the quantity named in the
    clause before it in the sentence, without its trend words; ``None`` when this is no such clause."""
    s = doc.s
    c0, _ = doc.clause(n.start)
    head = s[c0 : n.start]
    if "由" not in head and "从" not in head:
        return None  # what opens every from-to clause (the quick test first)
    if not _FROM_TO_TAIL.search(head):
        return None
    # 由……的 opens on a date or a period (由2018年的, 从去年同期的)
    m = next((m for m in _FROM_TO_OPEN.finditer(head) if (mk := find_marks(head[m.end() :])) and mk[0].start == 0), None)
    if m is None:
        return None
    named = _clean(head[: m.start()], rw) if m.start() > 0 else ""
    if len(named) >= 2:
        topic = named  # 复吸率分别由2018年的6.6%降至……: the quantity is named in the clause itself
    elif c0 - 1 > n.sentence[0]:
        p0, _ = doc.clause(c0 - 1)
        topic = _TREND_TAIL.sub("", _clean(s[p0 : c0 - 1], rw)).strip()
    else:
        return None
    if len(topic) < 2 or is_filler(topic):
        return None
    if k > 1:
        return split_list(topic, k)
    return [topic]


# A column's header that names what its values count (事故起数, 死亡人数, 受灾人口), not a value or a change
# (绝对数, 2023年, 比上年增长): the row's label alone names too little when the table has two such columns.
_COUNTED_COLUMN = re.compile(r"[\u4e00-\u9fff]{0,6}(?:起数|人数|件数|户数|次数|宗数|人口|面积|金额)")


# A table's row named by a period (2019年 | 55.3万亩 | 21起): its values count what their columns name.
_PERIOD_ROW = re.compile(r"(?:(?:19|20)\d{2}年度?|(?:19|20)\d{2}年?\d{1,2}月份?|\d{1,2}月份?|\d{1,2}[-—至]\d{1,2}月份?|[一二三四1-4]季度)")


def _column_name(header: str) -> str:
    """A column's header without its unit in parentheses (总产量(吨) -> 总产量)."""
    return re.sub(r"[(（][^()（）]*[)）]", "", header).strip()


def _row_of_a_place(place: Place | None, label: str) -> bool:
    """Whether a table row's label names a place or a level rather than what is counted (上蔡县, 安县 for 安州区,
    汲冢镇, 市本级, 合计): its values count what their column names."""
    if label in _LEVEL_ROWS:
        return True
    if place is None:
        return False
    if place.division is None:
        return label == place.name  # a township the table lists (汲冢镇)
    return label in (place.name, *place.division.short) or place.division in gazetteer().candidates(label, simplified=True)


_COLON = re.compile("[:：]")
# What a township's name (TOWNSHIP_NAME) ends with: a subject ending otherwise is none (one lookup, not a pattern)
_TOWNSHIP_LAST: frozenset[str] = frozenset("镇乡道木")


def assign(doc: Document, nums: list[Num], home: Place | None) -> None:
    """Give every number its subject (what is counted), its comparison and its sign."""
    s = doc.s
    prev_sent: tuple[int, int] | None = None
    in_sent: list[Num] = []
    # by the figure's place, as its name and its division (the gazetteer's own object, held by nums meanwhile):
    # what _region_words reads of it; few places
    region_words: dict[tuple[str, int] | None, tuple[str, ...]] = {}
    from_at = -1  # where the sentence's first 由 or 从 stands (-1: none), see _first_from
    # the last figure of the sentence so far that names what it counts, not a change in points: kept as
    # the figures are given their subjects, not looked for back through the sentence for every figure
    prev_q: Num | None = None
    bars = "|" in s  # a table flattened into lines (see _table_row_name): none in most releases
    # where a colon stands (a line's label before it, see _line_label): the last one before a figure is looked
    # up, not searched for in a copy of its sentence so far
    colons = [m.start() for m in _COLON.finditer(s)]
    i = 0
    while i < len(nums):
        n = nums[i]
        if n.sentence != prev_sent:
            prev_sent = n.sentence
            in_sent = []
            prev_q = None
            from_at = _first_from(s, n.sentence)
        if n.table is not None and n.table.label:
            # a table's value: what its row counts, the change its column states; a row named by a
            # place counts what its column names (县区 | 总产量(吨): 上蔡县 523146)
            label = n.table.label
            if _row_of_a_place(n.place, label) or _PERIOD_ROW.fullmatch(label):
                label = _column_name(n.table.header) or label
                row_q = nums[i - 1] if i > 0 else None
                if (
                    n.table.comparison and row_q is not None and row_q.table is not None
                    and row_q.table.label_start == n.table.label_start and not row_q.table.comparison and row_q.subject
                ):
                    label = row_q.subject  # 上蔡县 | 523146 | -1.8 under 比上年增长(%): the change of the row's 总产量
            elif (
                not n.table.comparison and (col := _column_name(n.table.header))
                and _COUNTED_COLUMN.fullmatch(col) and col not in label and label not in col
            ):
                label += col  # 火灾 | 5起 | 2人 under 事故起数 | 死亡人数: the row's kind and what its column counts
            n.subject = n.base = label
            n.comparison = n.table.comparison or comparison_of(n.table.header, _family(n))
            n.sign = -1 if n.table.value < 0 < n.value else 1  # (下降6.2% in a cell: the number read without its word)
            if n.comparison and _YEAR_START_BASE.search(n.table.header):
                # 10月末余额 | 比年初增长: the change of a balance since New Year, over the months to the balance's date
                bal = nums[i - 1] if i > 0 else None
                p = bal.period if bal is not None and bal.table is not None and bal.table.label_start == n.table.label_start else n.period
                if p is not None and p.end is not None and is_stock(p):
                    n.period = Period("span", date(p.end.year, 1, 1), p.end)
            i += 1
            continue
        # the list this number leads: 27.6%、32.6%和26.2%
        group = [n]
        while i + len(group) < len(nums):
            nx = nums[i + len(group)]
            if nx.sentence != n.sentence:
                break  # before the text up to it is read: a list never runs into the next sentence
            gap = s[group[-1].end : nx.start].strip()
            if gap not in _CONNECT and not (
                gap[:1] in _CHANGED_ITEM_FIRST and _family(nx) in ("percent", "points") and CHANGED_ITEM.fullmatch(gap)
            ):
                break
            group.append(nx)
        floor = max(n.sentence[0], max(in_sent[-1].end, in_sent[-1].np_end) if in_sent else 0)
        cstart, raw = clause_before(s, n.start, floor)
        if len(raw.strip(" 、")) <= 1 and in_sent:
            # 、33万元毒资 / ,逾23公斤: the list goes on; read signs and comparisons further back
            _, raw_back = clause_before(s, n.start, n.sentence[0])
            raw = raw_back if raw_back.endswith(raw) else raw
        place_key = (n.place.name, id(n.place.division)) if n.place is not None else None
        rw = region_words.get(place_key)
        if rw is None:
            rw = region_words[place_key] = _region_words(n.place, home)
        sign = change_sign(raw)
        fam = n.unit.family if n.unit is not None else "count"
        comp = comparison_of(raw, fam)
        own = s[cstart : n.start] if floor > n.sentence[0] else raw
        core = _clean(own, rw)
        core_nc = strip_change(core)
        if core_nc and core_nc != core:
            core_nc = strip_tail(core_nc)
        enum_items = _enumerated(core_nc, len(group)) if len(group) > 1 else None
        tidied = tidy(core_nc)
        listed_core = balance(tidied)  # the list before a long lead-in is cut (A、B分别下降)
        # the list read whole, for a part named by its whole once its modifier with 的 is cut (the one rule
        # that reads it, after the subject is chosen, asks for a 的 in it: one without keeps it unread)
        uncut = drop_category(named_drug(listed_core)) if "的" in listed_core else ""
        core_nc = balance(from_verb(tidied))
        if "品" in core_nc:  # what a drug's name (毒品) and a category (产品, 商品) hold: neither cut without it
            core_nc = drop_category(named_drug(core_nc))
        people_named = False
        if (
            "某" in core_nc and (named := _NAMES_TAIL.sub("", core_nc)) != core_nc and len(named) >= 2
            and named.endswith(_PEOPLE_NOUNS)
        ):
            # 犯罪嫌疑人张某、李某等4人: the people named stand for the noun before them, which is what is
            # counted (not the words after the count)
            core_nc, people_named = named, True
        if "占" in core_nc:
            core_nc = _APPROX_BEFORE_SHARE.sub("", core_nc)  # 约占全省的37%: the 约 is the figure's qualifier
        run_on = (
            bool(in_sent)
            and (not core_nc or is_filler(core_nc))
            and _family(in_sent[-1]) == "count"
            and not _CLAUSE_BREAK_RE.search(s, in_sent[-1].end, n.start)
        )
        if (
            in_sent
            and in_sent[-1].np_end > in_sent[-1].end
            and (core_nc in BARE_HEADS or core_nc.startswith("(") or run_on)
            and floor == in_sent[-1].np_end
        ):
            # 8个国考断面水质优良(Ⅰ—Ⅲ类)比例为75%: the noun after the count is also the start of this
            # figure's subject, which the head left after it (比例) does not name alone; so is all of it
            # when nothing but a copula is left (9个重点商圈客流量累计达1.86亿人次)
            whole = _clean(strip_tail(s[in_sent[-1].end : n.start]), rw)
            whole = balance(tidy(strip_change(whole) or whole))
            if len(whole) > len(core_nc) and (
                not run_on or whole.startswith(in_sent[-1].subject) and len(whole) > len(in_sent[-1].subject)
            ):
                core_nc = whole
        if "岁" in core_nc and _AGE_RE.fullmatch(core_nc) or core_nc in _CONNECTIVES:
            core_nc = ""  # (女,25岁)2名犯罪嫌疑人: an age in an aside names nothing; nor does 其中 or 此外
        if comp == "share" and _SHARE_OF_SCOPE.search(own):
            # 海洛因、冰毒片剂缴获量占全国80%以上: a share of a whole area is of what stands before
            # 占, list and all (a share of a named denominator, 占全区总人口的比例, keeps it)
            whole = _clean(own.rsplit("占", 1)[0], rw)
            if len(whole) >= 2 and not is_filler(whole):
                core_nc = balance(tidy(whole))
        if (
            core_nc[:1] in ("比", "较") and (bm := _BASE_FIRST.match(core_nc)) is not None
            and core_nc[bm.end() :] in _SHARE_WORDS_ALONE and prev_q is not None and prev_q.base
        ):
            # 占……的54.0%,较去年全年占比下降4.7个百分点: the share just given (of its part), against the base
            core_nc = prev_q.base.split("占", 1)[0] + core_nc[bm.end() :]
        if len(core_nc) == 1 and core_nc in EMPTY_ONE or not core_nc.strip() or core_nc in _FILLERS:  # (is_filler)
            core_nc = ""
        elif (
            core_nc in _VERB_SET
            and in_sent
            and in_sent[-1].unit == n.unit
            and (prev_np := noun_after(s, in_sent[-1].end))
            and not noun_after(s, n.end)
        ):
            # 13公里综合管控护栏已建成8.6公里 -> 建成综合管控护栏
            core_nc += prev_np
        if core_nc in _VERB_SET and not noun_after(s, group[-1].end) and (
            like := next((m for m in reversed(nums[max(0, i - 8) : i]) if m.unit == n.unit and m.para == n.para
                          and m.subject.startswith(core_nc) and len(m.subject) > len(core_nc)
                          and not m.subject.startswith(core_nc + "的")), None)
        ):
            # 蒙自市发生火灾31起,个旧市、开远市分别发生22起、19起: the act's object is the one stated before
            core_nc = strip_change(like.base) or like.base
        elif (
            own[-1:] in ("增", "减", "降") and (mm := _MORE_OR_LESS.search(own)) is not None
            and (grew := next((m for m in reversed(in_sent) if m.unit == n.unit and m.base), None)) is not None
        ):
            # 各项贷款余额……,比年初增加2385.7亿元,同比多增172.9亿元: how much more the quantity just given grew than
            # in the period compared, over the same months
            core_nc = (strip_change(grew.base) or grew.base).removesuffix("余额") + mm.group(0)  # (a flow, not the balance)
            if grew.period is not None and grew.period.kind == "span":
                n.period = grew.period
        elif core_nc in _NEW_OF_A_BALANCE and (
            bal := next((m for m in reversed(in_sent) if m.unit == n.unit and m.base.endswith("余额")), None)
        ):
            # 普惠小微贷款余额874.5亿元,……,上半年新增312.6亿元: what was added to the balance stated before
            core_nc = bal.base.removesuffix("余额") + core_nc
        if not core_nc and bars and (row := _table_row_name(doc, n.start)):
            core_nc = row  # 出口 | 7432.9亿元 | 5.6%: a table flattened into lines, named by its first cell
        if (not core_nc or core_nc[-1] in _TOWNSHIP_LAST and TOWNSHIP_NAME.fullmatch(core_nc)) and (
            row := _rows_header(doc, n.start, rw)
        ):
            core_nc = row  # 分区看,8月份网签成交量 / 禅城区 512套: rows of places under the line naming them
        if (
            core_nc and len(core_nc) <= 6 and s[cstart - 1 : cstart] in ROW_SPACES
            and (row := _space_row_label(doc, cstart, rw)) and row not in core_nc
        ):
            core_nc = row + core_nc  # 第一产业 用电量 19.6亿千瓦时: the row's label cell, then its measure
        if (
            len(core_nc) <= 4 and (colon := bisect_right(colons, n.start - 1) - 1) >= 0  # (the last colon before it)
            and colons[colon] >= n.sentence[0] and (lab := _line_label(doc, n.start, rw)) and lab not in core_nc
        ):
            core_nc = lab + core_nc  # 粮食加工品:抽检5120批次,合格率99.6%: the item's name, then its measure
        names: list[str]
        done = False
        bases: list[str] | None = None
        compared = ""
        k = len(group)
        if (
            in_sent and in_sent[-1].unit is not None and in_sent[-1].unit.text in _SET_UNITS and in_sent[-1].base
            and fam != "count"
            and (dm := _DONE_BY_SET.fullmatch(own.strip(" ,，"))) is not None and core_nc.endswith(dm.group("q"))
        ):
            # 在建亿元以上项目37个,累计完成投资21.4亿元: what the set just counted did (not 投资 alone)
            core_nc = in_sent[-1].base + dm.group(0)
        elif core_nc.endswith(OBJECTLESS_VERBS) and core_nc[:-2].endswith(_QUANTITY_NOUNS):
            core_nc = core_nc[:-2]  # 地区生产总值完成612.4亿元: the quantity is named before the verb
        elif core_nc.endswith(OBJECTLESS_VERBS) and (
            parent := next((m for m in reversed(in_sent) if _family(m) == fam and m.base), None)
        ):
            # 原煤产量1657.8万吨;其中,县属企业完成1094.2万吨 -> 县属企业原煤产量
            stem = core_nc[: -2]
            core_nc = stem + parent.base if stem and parent.base not in stem else core_nc
        if k == 1 and ("将" in own or "把" in own) and (ba := _ba_object(s, own, n.end)):
            # 将犯罪嫌疑人张某等4人抓获: the object put before its verb with 将/把, the verb after the figure
            names = [ba]
        elif 0 <= from_at < n.start and (topic := _from_to_topic(doc, n, k, rw)) is not None:
            # 外流贩毒人数明显减少,由2018年的37人减至2020年的21人: both ends are of the quantity the clause
            # before names
            names = topic
        elif k > 1 and len(in_sent) >= k and (
            _MEASURES_COUNTED.fullmatch(core_nc) or "分别" in own and core_nc[:1] in "与同和较比" and _COMPARED_FRAME.fullmatch(core_nc)
        ) and all(m.base for m in in_sent[-k:]):
            # ……186起,死亡43人,受伤211人,直接财产损失92.6万元,……四项指数分别下降12.3%、……: the measures just given
            names = [m.base for m in in_sent[-k:]]
        elif (
            comp == "share" and k > 1 and len(in_sent) >= k and "分别占" in own
            and all(m.subject and m.unit is not None and m.unit.family == "count" for m in in_sent[-k:])
            and all(s[x.end : y.start].strip(" ").startswith("、") for x, y in zip(in_sent[-k:], in_sent[-k + 1 :], strict=False))
            and "分别" not in s[clause_before(s, in_sent[-k].start, n.sentence[0])[0] : in_sent[-k].start]
        ):
            # 道路运输领域发生事故51起、死亡55人,分别占事故总数和死亡总数的67.1%和67.9%: each share is of the
            # count just given in the same order, the part of the whole it names
            whole = own.split("分别占", 1)[1].strip().removesuffix("的")
            wholes = re.split(r"[和、及]", whole) if whole else []
            if len(wholes) != k:
                wholes = [whole] * k
            names = [m.subject + ("占" + w if w else "") for m, w in zip(in_sent[-k:], wholes, strict=True)]
        elif enum_items is not None:
            # 金银珠宝类、饮料类……等商品零售额同比分别增长105.9%、57.2%……: item by item
            names = enum_items
        elif k > 1 and in_sent and (counted := _items_before_count(s, in_sent[-1], core_nc, own, k)) is not None:
            # 道路运输、建筑施工、工矿商贸三个领域事故起数依次占……: the items listed before their count
            names = counted
        elif prev_q is not None and core_nc in _CHANGE_NOUNS:
            # ……减至2020年的21人,减幅43.2%: the change of the quantity just given
            names = [prev_q.base + core_nc] * k
        elif prev_q is not None and core_nc == "平均" and core_nc != core and fam in ("percent", "points"):
            # 5月份居民消费价格同比上涨0.3%,1-5月平均上涨1.0%: the average change of the quantity just given
            names = [prev_q.base] * k
        elif prev_q is not None and _RATE_HINT.search(core) is not None and (rate := _rate_change(core, prev_q)):
            # 增速比一季度提高1.0个百分点, 高于全省增速1.6个百分点, 两年平均增长6.0%: of the quantity before
            names = [rate] * k
        elif (
            prev_q is not None and _ABOVE_AREA_HINT.search(core_nc) is not None  # (the pattern needs 于, 领先, 比 or 较)
            and (am := _ABOVE_AREA.fullmatch(core_nc)) is not None
        ):
            # 同比增长7.8%,……,但仍高于全国3.8个百分点; 增速……比全国平均水平高0.8个百分点: the gap of the quantity just
            # given over a wider area's
            names = [(strip_change(prev_q.base) or prev_q.base) + am.group("gap")] * k
        elif prev_q is not None and core_nc[:1] in _COMPARED_FIRST and (cm := _COMPARED_WITH.fullmatch(core_nc)) is not None:
            # 破获毒品案件812起,与曲靖市相比多出210起: the difference of the quantity just given
            names = [(strip_change(prev_q.base) or prev_q.base) + cm.group("diff")] * k
        elif k == 1 and core_nc[:1] == "对" and _TO_SCOPE.fullmatch(core_nc) and (obj := noun_after(s, n.end, clause=True)):
            # 对辖区57家易制毒化学品企业开展检查, 对其中16人作出附条件不起诉决定: what the count is of stands
            # after it, not in the 对 before it
            names = [strip_tail(obj) or obj]
        elif prev_q is not None and fam == "ratio" and _MULTIPLE_OF.fullmatch(core_nc):
            # 完成投资2716.4亿元,是前五年的2.3倍: a multiple of the quantity just given, over another span; with 分别,
            # of the quantities just given, in order (受理6.8万件,审结6.6万件,分别是前五年的1.6倍和1.5倍)
            listed_k = in_sent[-k:] if k > 1 and len(in_sent) >= k and "分别" in own else []
            names = [m.base for m in listed_k] if listed_k and all(m.base for m in listed_k) else [prev_q.base] * k
        elif prev_q is not None and core_nc in COMPARISON_VERBS:
            # 出口887.9亿元,仅次于今年1月份的895.9亿元: the same quantity, in the period compared with
            names = [prev_q.base] * k
        elif (
            prev_q is not None and core_nc[-1:] in _MODIFIER_LAST and _MODIFIER_RE.fullmatch(core_nc)
            and (head := _head_noun(prev_q.base))
        ):
            # 县级以上农业龙头企业98家,其中:省级8家 -> 省级农业龙头企业
            names = [core_nc + head] * k
        elif (
            k > 1 and core_nc in RATE_WORDS and len(in_sent) >= k and _family(in_sent[-1]) not in ("percent", "points")
            and in_sent[-1].base and all(m.base == in_sent[-1].base for m in in_sent[-k:])
        ):
            # 章贡区、南康市、赣县生产总值分别为52.4亿元、27.9亿元和17.6亿元,增速分别为12.3%、13.1%和12.7%: the
            # rates of the quantity just listed, one for each of its figures
            names = [(strip_change(in_sent[-1].base) or in_sent[-1].base) + core_nc] * k
        elif k > 1 and (not core_nc or core_nc in RATE_WORDS or core_nc in _BARE_ACTS) and (
            listed := _list_before(s, cstart, max(n.sentence[0], in_sent[-1].end if in_sent else 0), k)
        ):
            # 禽蛋产量、水果和蔬菜增长较快,增速分别达9.1%、7.5%、5.5%: the items of the clause before
            names = listed
            if core_nc in _BARE_ACTS and len(set(listed)) == 1 and core_nc not in listed[0]:
                # 瑞安市、乐清市、鹿城区法院受理案件数量居前,五年间分别审结412件: places ranked by one measure, and
                # the act their figures count
                names = [core_nc] * k
        elif (
            fam not in ("percent", "points", "ratio")
            and (k == 1 or not core_nc)
            and not people_named
            and (after_np := noun_after(s, group[-1].end))  # read only for a figure it may name
            and wants_noun_after(core_nc, own)
        ):
            verb = last_verb(core)
            np_len = len(after_np)
            if fam == "count" and _RUNS_INTO_FIGURE.match(s, group[-1].end + np_len) and (set_ := _set_noun(after_np)):
                after_np = set_  # 8个省级以上开发区|工业总产值累计达412.6亿元: the set; the rest is the next figure's
            elif (
                np_len >= 3 and after_np.endswith("中") and not after_np.endswith(("高中", "初中"))
                and _among_the(own, after_np) is None
                and s[group[-1].end + np_len : group[-1].end + np_len + 1] in CLAUSE_BREAKS
            ):
                after_np = after_np[:-1]  # 计划改造的62个小区中,已完工41个: the set, not the frame around it
            if (among := _among_the(own, after_np)) is not None:
                names = [among] * k  # 在41个工业大类行业中, 在统计的14类重点产品中: the set, not the frame
            elif core_nc.endswith(("对", "向", "给")) or _FOR_AREA_TAIL.search(own):
                names = [after_np] * k  # 民政局对|126名困难老人, 为全州|1.9万名困难残疾人: the object of the preposition
            elif _DETERMINER_TAIL.search(core_nc):
                names = [(verb if core_nc.startswith(verb) else "") + after_np] * k  # 抓获其余|9名团伙成员
            elif core_nc and len(core_nc) <= 4:
                names = [core_nc + after_np] * k
            else:
                names = [verb + after_np] * k
            group[-1].np_end = group[-1].end + np_len
        elif not core_nc and s.startswith("的", group[-1].end) and (np2 := noun_after(s, group[-1].end + 1, clause=True)):
            names = [np2] * k  # 97.6%的群众对……表示满意
        elif k > 1 and core_nc and (parts := _split_items(listed_core, core_nc, k)) is not None:
            names = parts
        elif k > 1 and "分别" in own and 2 <= len(core_nc) <= 6 and (
            copula_items := _items_named_before(s, cstart, floor, k)
        ) is not None:
            # 东盟、欧盟、韩国为青岛前三大贸易伙伴,分别进出口……: each item the clause before names with the act
            # of this one (places there are the figures' regions: every figure is the act's)
            places = all(gazetteer().find(p) for p in copula_items)
            names = [core_nc] * k if places else [p + core_nc for p in copula_items]
        elif (
            k > 1 and core_nc and ("分别" in own or "依次" in own) and not gazetteer().find(own)
            and (parts := _comma_items(s, cstart, floor, core_nc, k, rw)) is not None
        ):
            # 鲜、冷藏肉，精制食用植物油，方便面分别增长12.7%、9.3%、5.6%: items written as clauses
            names = parts
        elif (
            k > 1 and fam == "percent" and "分别" in own and own.rstrip().endswith("的") and len(in_sent) >= k
            and all(_family(m) not in ("percent", "points", "ratio") and m.base for m in in_sent[-k:])
        ):
            # 接待游客5.2亿人次,旅游收入6120亿元,分别恢复到2019年同期的108%和102%: each a level of the
            # quantity before it, against the period named
            names = [m.base + core_nc for m in in_sent[-k:]]
        elif (
            k == 1 and fam == "percent" and core_nc.startswith("恢复") and own.rstrip().endswith("的")
            and (level_q := next((m for m in reversed(in_sent) if _family(m) not in ("percent", "points", "ratio")
                                  and m.base), None)) is not None
        ):
            # 接待游客3489.6万人次,同比增长82.4%,恢复至2019年同期的127.3%: the level of the quantity before
            # its change, against the period named
            names = [level_q.base + core_nc]
        elif k > 1 and comp == "share" and core_nc.startswith("占") and (
            listed := _items_before_share(s, cstart, floor, k)
        ):
            # 主要涉及农兽药残留超标、微生物污染等问题,分别占不合格总数的43.2%、21.6%: the items listed before
            names = listed
        elif k > 1 and comp == "share" and core_nc.startswith("占") and len(in_sent) >= k:
            # 纠纷1236件、782件、514件,分别占审结总数的46.1%、29.2%和19.2%: each item's share
            names = [m.base + core_nc for m in in_sent[-k:]]
        elif in_sent and "(" in own and (cmp_base := _COMPARED_RE.search(own)) and in_sent[-1].base:
            # 增长-8.7%,较一季度(-10.8%): the same quantity in the period compared with
            names = [cmp_base.group(1) + in_sent[-1].base] * k
            bases = [in_sent[-1].base] * k
            compared = "较" + cmp_base.group(1)
        elif not core_nc and in_sent and (chg := change_phrase(own, rw)):
            # 破获案件21起,同比上升160% -> 破获案件同比上升; 37起、8.3千克、61名,同比分别上升
            # 27.6%、32.6%和26.2%: each the quantity before it, with the change as written
            before = in_sent[-k:] if k > 1 and len(in_sent) >= k else [in_sent[-1]] * k
            if k == 1 and fam not in ("percent", "points", "ratio") and _family(in_sent[-1]) != fam and (
                same := next((m for m in reversed(in_sent) if _family(m) == fam and m.base), None)
            ):
                before = [same]  # 吸毒人员1826名,占……0.07%,比去年底减少213名: a count changes, not the share
            # the aside is looked for only after a ")" since the figure before, and its "(" only in the sentence
            # (a figure before it there must stand before the aside): not back to the text's start every time
            if (
                k == 1 and s.rfind(")", in_sent[-1].end, cstart) >= 0
                and (opened := s.rfind("(", n.sentence[0], in_sent[-1].start)) >= 0
                and ")" not in s[opened : in_sent[-1].start]
                and (outer := next((m for m in reversed(in_sent) if m.end <= opened and m.base), None))
            ):
                # 破获案件356起(其中刑事案件212起、……),同比上升12%: the change is of the total before the aside
                before = [outer]
            # a change in points after a share is the share's own (占……的比重为14.9%,比上年同期提高1.1个百分点);
            # another change is of the quantity the share is of
            bases = [share_base(m.base) if m.comparison == "share" and fam != "points" else m.base for m in before]
            names = [b + _fit_change(chg, b) if chg not in b else b for b in bases]
            if in_sent[-1].compared and _family(in_sent[-1]) in ("percent", "points", "ratio"):
                # 增长-8.7%,较一季度(-10.8%)回升2.1个百分点: the growth rate changed, named with its base (a count's
                # base, 较上月(3859例)上升9.28%, is the count's own: the count changed)
                rated = (strip_change(in_sent[-1].base) or in_sent[-1].base) if fam == "points" else ""
                rated += "增速" if rated and _family(in_sent[-1]) == "percent" and not rated.endswith(RATE_WORDS_TAIL) else ""
                names = [rated + in_sent[-1].compared + chg] * k
        elif (
            not core_nc and not in_sent and i > 0 and nums[i - 1].base
            and not s[max(nums[i - 1].end, nums[i - 1].np_end) : cstart].strip() and (chg := change_phrase(own, rw))
        ):
            # 查获吸毒人员63人 同比上升62%: a headline's change after a space (or its line break), of the count right
            # before it
            base = nums[i - 1].base
            names = [base + _fit_change(chg, base) if chg not in base else base] * k
        elif not core_nc and k > 1 and len(in_sent) >= k:
            names = [m.subject for m in in_sent[-k:]]
        elif (
            k == 1
            and fam == "percent"
            and (core_nc.startswith(("为", "相当于")) or (done := own.lstrip(" ,，").startswith("完成")))
            and own.rstrip().endswith("的")
            and (item := next((m for m in reversed(in_sent) if _family(m) not in ("percent", "points", "ratio") and m.base), None))
        ):
            # 一般公共预算收入8.62亿元,为年度预算的54.6%: the part of a whole stated for the item before it;
            # 新增就业5.6万人,完成年度目标的112%: the share of its target done
            names = [item.base + ("完成" if done and not core_nc.startswith("完成") else "") + core_nc]
            bases = [item.base]
        elif (
            k == 1
            and comp == "share"
            and core_nc.startswith("占")
            and not any(w in core_nc for w in ("占比", "("))
            and (item := next((m for m in reversed(in_sent) if _family(m) not in ("percent", "points", "ratio") and m.base), None))
        ):
            # 仓储场所火灾31起,占火灾总数的6.4%: the share of the item counted before it
            names = [item.base + core_nc]
        elif k == 1 and comp == "share" and core_nc.startswith("占") and "(" not in core_nc and (part := _grown_part(in_sent)):
            # 高技术制造业增加值增长10.6%,占规模以上工业的比重为14.9%: the share of the quantity whose growth
            # was just given
            names = [part + core_nc]
        elif k == 1 and (core_nc in SHARE_ALONE or comp == "share" and _SHARE_OF_SCOPE.fullmatch(core_nc)) and (
            whole := _share_quantity(s, n, in_sent, cstart, rw)
        ):
            # 民营企业进出口……,占比较去年同期提升1.8个百分点; 支撑全省破获毒品案件,占比达到38%: a share
            # named by its word alone is of the quantity named before it in the sentence
            verb = _fit_change(core, "") if core != core_nc and _CHANGE_VERB_TAIL.search(core) else ""
            names = [whole + core_nc + verb]
        elif (
            k == 1 and in_sent and in_sent[-1].base and (
                core_nc in _ATTRIBUTE_HEADS
                or fam == "mass" and not core_nc and own.strip(" ,，") in _BARE_WEIGHT
                and in_sent[-1].unit is not None and in_sent[-1].unit.text in _PIECES
            )
            and _family(in_sent[-1]) not in ("percent", "points", "ratio", fam)
        ):
            # 网签成交4862套,面积53.7万平方米: the measure of what was just counted, not any area; a weight
            # (查获冰毒20包,净重21.3千克; 藏匿海洛因6块,重2.1千克) is of the substance itself, a drug by its name
            measured = strip_change(in_sent[-1].base) or in_sent[-1].base
            if core_nc in _WEIGHT_HEADS or not core_nc:
                names = [_substance(measured) or named_drug(from_verb(measured)) or measured]
            else:
                names = [measured + core_nc]
        elif (
            k == 1 and core_nc in _TOTAL_HEADS and in_sent and in_sent[-1].base and _family(in_sent[-1]) == fam
            and (vm := _VERB_RE.match(in_sent[-1].base)) is not None and len(in_sent[-1].base) - vm.end() >= 2
        ):
            # 新增“四上”企业215家,总数达到3260家: the total of what the act before added to
            names = [in_sent[-1].base[vm.end() :] + core_nc]
        elif (
            k == 1 and core_nc in _LEDGER_HEADS and in_sent and in_sent[-1].base and _family(in_sent[-1]) == fam
            and (lm := _LEDGER_END.search(in_sent[-1].base)) is not None and lm.start() >= 2
        ):
            # 职工医保基金收入1203.6亿元,支出986.4亿元: the outlay (or the balance) of the fund whose income was just
            # given, not any outlay
            names = [in_sent[-1].base[: lm.start()] + core_nc]
        elif core_nc:
            names = [core_nc] * k
        elif in_sent and (not core or is_filler(core)) and (named := _clause_between(s, in_sent[-1], cstart, rw)):
            # 住宅火灾1021起;电气原因引发的火灾占比最高,达到31.7%: the clause in between names it
            names = _ranked_among(s, n, in_sent, k, named) or [named] * k
        elif in_sent:
            # the figure before of the same kind (破获案件356起,同比上升12%(去年同期318起): 318起 is a count)
            inherited = in_sent[-1].subject
            if fam not in ("percent", "points", "ratio") and _family(in_sent[-1]) in ("percent", "points", "ratio"):
                inherited = next((m.subject for m in reversed(in_sent) if _family(m) == fam), inherited)
            if core and fam not in ("percent", "points", "ratio") and core not in inherited and not is_filler(core):
                inherited += core  # 总产量为7.8万吨,较去年增加1.4万吨 -> 总产量较去年增加
            names = [inherited] * k
        else:
            # 为67起: the subject is in the clause before (火灾数最多,为67起)
            c2s, raw2 = clause_before(s, max(floor, cstart - 1), floor)
            prev_clause = _clean(raw2, rw) if cstart - 1 > floor else ""
            if "是" in prev_clause:
                ranked_by, ranked = prev_clause.rsplit("是", 1)
                ranked_by = _RANKED.sub("", ranked_by.removesuffix("的"))
                # 优良天数最多的是西峡县,为176天: the place ranked first is the area, what it ranks by the subject
                prev_clause = ranked_by if gazetteer().candidates(ranked, simplified=True) and len(ranked_by) >= 2 else ranked
            if _RANKED.search(raw2) and (
                at := next((h.start for h in gazetteer().find(prev_clause) if h.end == len(prev_clause)), 0)
            ) >= 2:
                prev_clause = prev_clause[:at]  # PM10平均浓度南阳市最高,为68: the place is the figure's area
            elif _RANKED.search(raw2) and _ranks_a_place_only(_RANKED.sub("", raw2.strip(" ,，;；"))) and (
                measure := _ranked_measure(s, n, nums[:i])
            ):
                # 优良天数比例方面，张家口市最高，达91.6%; 邢台市浓度最高……。其中张家口市最低，为17: a place ranked with
                # no measure named is ranked by the topic of its sentence, else by what the figure before counts
                prev_clause = measure
            if prev_clause[-1:] == "看" and BREAKDOWN_FRAME.fullmatch(prev_clause):
                prev_clause = ""  # 从当月看,9月份增长8.6%: how the figures are cut, as if nothing were named
            if (not prev_clause or is_filler(prev_clause) or prev_clause in _CONNECTIVES) and not core and (
                rest := noun_after(s, group[-1].end, clause=True)
            ):
                prev_clause = rest  # 此外,近三成示范县区实现……: the clause after the figure names what it counts
            elif (
                (not prev_clause or prev_clause in _CONNECTIVES) and not core_nc
                and (measure := _measure_before(n, nums[:i]))
            ):
                # ……居民消费价格总指数同比上涨0.6%。其中,10月份同比上涨0.3%: a part of the figure before, in time
                # or in kind, with nothing named, is of what that figure counts
                prev_clause = measure
            names = [prev_clause or core] * k
        if (
            uncut and k == 1 and bases is None and len(names[0]) < len(uncut) <= 24 and "的" in uncut  # ('' for most figures)
            and uncut.endswith(names[0][-2:])
            and any(m.subject == names[0] and _family(m) == fam for m in in_sent)
        ):
            # 判处罪犯1.12万人,其中判处五年以上有期徒刑的罪犯1206人: a part named as its whole once its
            # modifier is cut; the modifier says which part
            names = [uncut]
        if (
            k == 1 and "的" in s[max(0, n.start - 2) : n.start]  # where the pattern's 的 stands (before a line break at most)
            and in_sent and in_sent[-1].base and _family(in_sent[-1]) == fam
            and _BASE_VALUE_BEFORE.search(s, max(n.sentence[0], n.start - 14), n.start)
        ):
            # 重污染天数为6天,较2015年的47天大幅减少: the value compared with is of the same quantity
            names = [strip_change(in_sent[-1].base) or in_sent[-1].base]
        if k > 1 and "上述" in names[0] and (items := _listed_before_anaphor(s, n.sentence[0], names[0], k)) is not None:
            names = items  # 韩国、欧盟和东盟为……,对上述市场分别进出口1168.4亿元、……: the places listed before, in order
        if "人数" in "".join(names):  # (the names asked together first: most hold no 人数, and are kept as they are)
            names = [_CASUALTIES_OF.sub("", x) if "人数" in x and _CASUALTY_COUNT.search(x) else x for x in names]
        if k > 1 and in_sent and (prev_base := strip_change(in_sent[-1].base)) and all(
            x.replace("分别", "") in _BARE_MEASURES for x in names
        ):
            # 提起公诉612件793人,件数、人数同比分别上升9.6%和7.2%: the measures of what was just counted
            names = [prev_base + x.replace("分别", "") for x in names]
        # 新建商品住宅分别成交1684套、1427套: the adverb that hands out a list names nothing
        if "分别" in "".join(names):
            names = [x.replace("分别", "") if len(x) > 4 and "分别" in x[2:] else x for x in names]
        for idx, (m, name) in enumerate(zip(group, names, strict=False)):
            m.base = bases[idx] if bases is not None else name
            m.compared = compared
            if (
                m.period is not None and m.period.kind == "stock_end" and m.carried is not None
                and (comp == "yoy" or comp is None and _BARE_CHANGE.fullmatch(raw))
            ):
                # 比上年末增加1万人: a change over the year, not a stock; so is a rate of change with no base
                # of its own (年末……35.8万人,比上年增加1.6万人,增长4.7%)
                m.period = m.carried
            elif (
                (comp == "yoy" or raw.startswith(("比年初", "较年初")))
                and is_stock(m.period)
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
                if idx > 0 and (cm := CHANGED_ITEM.fullmatch(s[group[idx - 1].end : m.start].strip())) is not None:
                    m.sign = -1 if cm.group(1) in _DECREASE_SET else 1  # 分别增长11.3%、2.6%和下降3.1%
                    if (vm := _CHANGE_VERB_TAIL.search(m.subject)) is not None:
                        m.subject = m.subject[: vm.start()] + cm.group(1)
            in_sent.append(m)
            if m.base and (m.unit is None or m.unit.family != "points"):
                prev_q = m
        i += k


# A sentence about what happened in one line of a breakdown: 建筑业发生4起事故,死亡4人.
# (also one part of a sentence after ；, or after 其中, 从行业领域看 and the area's scope word: ……；建筑施工领域
# 发生事故7起、死亡7人)
_HAPPENED_IN = re.compile(
    r"\s*(?:[(（]?\d{1,2}[.、)）]\s*)?(?:其中[,，:：]?\s*|从[\u4e00-\u9fff]{1,8}看[,，]\s*)?(?:全[省市县区州])?"
    r"(?P<topic>[\u4e00-\u9fff、和]{2,12}?)(?:共|累计)?发生"
)
_CASUALTY = frozenset(("死亡", "受伤", "失踪", "遇难", "伤亡"))
_SEMICOLON = re.compile(r"[;；]")


def breakdown_topics(doc: Document, nums: list[Num]) -> None:
    """In a breakdown by line of business (建筑业发生4起事故,死亡4人; 交通运输和仓储业发生5起事故), the
    line named before 发生 belongs to what every figure of its sentence counts; a place there is the
    figures' region instead, and stays out."""
    if "发生" not in doc.s:
        return  # every match of _HAPPENED_IN ends on 发生: a text without it names no line of business so
    g = gazetteer()
    by_sentence: dict[tuple[int, int], list[Num]] = {}
    for n in nums:
        by_sentence.setdefault(n.sentence, []).append(n)
    s = doc.s
    for (a, b), sentence in by_sentence.items():
        parts = [a] + [m.end() for m in _SEMICOLON.finditer(s, a, b)]  # each part after a ； on its own
        for j, start in enumerate(parts):
            stop = parts[j + 1] if j + 1 < len(parts) else b
            group = [n for n in sentence if start <= n.start < stop]
            if not group:
                continue
            m = _HAPPENED_IN.match(s, start)
            if m is None or m.end() > group[0].start:
                continue
            topic = m.group("topic")
            if g.find(topic) or _SCOPE_WORD.match(topic) or is_filler(topic) or topic.endswith(_NOT_A_LINE):
                continue
            for n in group:
                if n.table is None and (n.subject.startswith("发生") or n.subject in _CASUALTY):
                    n.subject = topic + n.subject


_SCOPE_WORD = re.compile(r"(?:全|我|本|该)[国省市区县州盟旗]|其中|今年|去年|当月|同期")
# Words that end an area or a time, not a line of business (市辖区, 开发区, 各类, 本月).
_NOT_A_LINE: tuple[str, ...] = ("省", "市", "区", "县", "州", "镇", "乡", "街道", "园区", "各类", "全年", "本月", "当月")


def averages(nums: list[Num]) -> None:
    """A subject that is only an average word (车流量达1286万辆次，日均160.8万辆次)
    is the average of the figure before it in the sentence."""
    prev: Num | None = None
    for n in nums:
        if (
            prev is not None
            and n.subject.startswith(AVERAGE_WORDS)  # (each two characters long: the subject's head is one)
            and prev.sentence == n.sentence
            and (not (rest := n.subject[2:]) or not strip_change(rest))
            and not prev.subject.startswith(AVERAGE_WORDS)
        ):
            base = prev.subject
            for w in AVERAGE_WORDS:
                base = base.split(w, 1)[0]
            n.subject = base + n.subject
        if n.unit is None or n.unit.family not in ("percent", "points", "ratio"):
            prev = n
