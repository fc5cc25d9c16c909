"""Units, qualifiers and the words around a number, as tables.

Every table is data: an analyst can read what a unit normalises to, which word
makes a figure approximate, and which words after a number mean it is not a
figure at all (a date, an age, a duration).

Texts are matched in normalised form (simplified characters, ASCII digits).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    text: str  # as written (simplified)
    family: str  # count | mass | money | percent | points | ratio | other
    factor: float  # value * factor = the normalised value
    normalised: str  # kg | yuan | % | points | the unit itself


# (unit as written, family, factor to the normalised unit, normalised unit)
UNIT_TABLE: tuple[tuple[str, str, float, str], ...] = (
    # mass
    ("毫克", "mass", 1e-6, "kg"), ("千克", "mass", 1.0, "kg"), ("公斤", "mass", 1.0, "kg"),
    ("克", "mass", 0.001, "kg"), ("公吨", "mass", 1000.0, "kg"), ("吨", "mass", 1000.0, "kg"),
    ("斤", "mass", 0.5, "kg"),
    # money
("元", "money", 1.0, "yuan"), ("美元", "money", 1.0, "USD"),
    ("港元", "money", 1.0, "HKD"), ("港币", "money", 1.0, "HKD"), ("欧元", "money", 1.0, "EUR"),
    # shares and changes
    ("%", "percent", 1.0, "%"), ("‰", "percent", 0.1, "%"), ("个百分点", "points", 1.0, "points"),
    ("百分点", "points", 1.0, "points"), ("个千分点", "points", 0.1, "points"), ("千分点", "points", 0.1, "points"),
    ("倍", "ratio", 1.0, "times"),
    # rates per population: 孕产妇死亡率为7.6/10万
    ("/10万", "other", 1.0, "/10万"), ("/万", "other", 1.0, "/万"), ("/千", "other", 1.0, "/千"),
    # areas, lengths, energy, concentrations (compound units are tried first)
    ("微克/立方米", "other", 1.0, "微克/立方米"), ("毫克/立方米", "other", 1.0, "毫克/立方米"),
    ("毫克/升", "other", 1.0, "毫克/升"), ("微克/升", "other", 1.0, "微克/升"),
    ("公斤/亩", "other", 1.0, "公斤/亩"), ("元/吨", "other", 1.0, "元/吨"), ("元/平方米", "other", 1.0, "元/平方米"),
    ("平方公里", "other", 1.0, "平方公里"), ("平方千米", "other", 1.0, "平方公里"), ("平方米", "other", 1.0, "平方米"),
    ("立方米", "other", 1.0, "立方米"), ("公顷", "other", 1.0, "公顷"), ("亩", "other", 1.0, "亩"),
    ("公里", "other", 1.0, "公里"), ("千米", "other", 1.0, "公里"), ("毫米", "other", 1.0, "毫米"),
    ("厘米", "other", 1.0, "厘米"), ("米", "other", 1.0, "米"),
    ("千瓦时", "other", 1.0, "千瓦时"), ("千瓦", "other", 1.0, "千瓦"), ("标准箱", "other", 1.0, "标准箱"),
    ("标箱", "other", 1.0, "标准箱"),
    ("升", "other", 1.0, "升"), ("毫升", "other", 1.0, "毫升"), ("里", "other", 1.0, "里"),
    ("吨标准煤", "other", 1.0, "吨标准煤"), ("吨标煤", "other", 1.0, "吨标准煤"),
    # freight and passenger turnover: 货物周转量5416.8亿吨公里
    ("吨公里", "other", 1.0, "吨公里"), ("人公里", "other", 1.0, "人公里"),
    # capacities and flows per day or second: 污水处理能力265万吨/日, 最大流量5820立方米每秒
    ("吨/日", "other", 1.0, "吨/日"), ("立方米/日", "other", 1.0, "立方米/日"), ("立方米/秒", "other", 1.0, "立方米/秒"),
    ("立方米每秒", "other", 1.0, "立方米/秒"),
    # counts (longest first where one is a prefix of another)
    ("人次", "count", 1.0, "人次"), ("车次", "count", 1.0, "车次"), ("台次", "count", 1.0, "台次"),
    ("架次", "count", 1.0, "架次"), ("户次", "count", 1.0, "户次"), ("辆次", "count", 1.0, "辆次"),
    ("批次", "count", 1.0, "批次"), ("家次", "count", 1.0, "家次"), ("艘次", "count", 1.0, "艘次"),
    ("场次", "count", 1.0, "场次"), ("班次", "count", 1.0, "班次"), ("航次", "count", 1.0, "航次"),
    ("件次", "count", 1.0, "件次"),
    ("起", "count", 1.0, "起"), ("名", "count", 1.0, "名"), ("人", "count", 1.0, "人"),
    ("个", "count", 1.0, "个"), ("件", "count", 1.0, "件"), ("宗", "count", 1.0, "宗"),
    ("次", "count", 1.0, "次"), ("家", "count", 1.0, "家"), ("户", "count", 1.0, "户"),
    ("辆", "count", 1.0, "辆"), ("艘", "count", 1.0, "艘"), ("支", "count", 1.0, "支"),
    ("粒", "count", 1.0, "粒"), ("包", "count", 1.0, "包"), ("袋", "count", 1.0, "袋"),
    ("条", "count", 1.0, "条"), ("头", "count", 1.0, "头"), ("只", "count", 1.0, "只"),
    ("所", "count", 1.0, "所"), ("处", "count", 1.0, "处"), ("场", "count", 1.0, "场"),
    ("项", "count", 1.0, "项"), ("笔", "count", 1.0, "笔"), ("轮", "count", 1.0, "轮"),
    ("种", "count", 1.0, "种"), ("发", "count", 1.0, "发"), ("砣", "count", 1.0, "砣"),
    ("批", "count", 1.0, "批"), ("株", "count", 1.0, "株"), ("棵", "count", 1.0, "棵"),
    ("架", "count", 1.0, "架"), ("部", "count", 1.0, "部"), ("台", "count", 1.0, "台"),
    ("张", "count", 1.0, "张"), ("套", "count", 1.0, "套"), ("份", "count", 1.0, "份"),
    ("片", "count", 1.0, "片"), ("颗", "count", 1.0, "颗"), ("瓶", "count", 1.0, "瓶"),
    ("箱", "count", 1.0, "箱"), ("盒", "count", 1.0, "盒"), ("枚", "count", 1.0, "枚"),
    ("把", "count", 1.0, "把"), ("匹", "count", 1.0, "匹"), ("例", "count", 1.0, "例"),
    ("座", "count", 1.0, "座"), ("栋", "count", 1.0, "栋"), ("间", "count", 1.0, "间"),
    ("位", "count", 1.0, "位"), ("个", "count", 1.0, "个"), ("单", "count", 1.0, "单"),
    ("根", "count", 1.0, "根"), ("组", "count", 1.0, "组"), ("队", "count", 1.0, "队"),
    ("吨次", "count", 1.0, "吨次"), ("剂次", "count", 1.0, "剂次"), ("剂", "count", 1.0, "剂"),
    ("天", "count", 1.0, "天"), ("乘次", "count", 1.0, "乘次"), ("块", "count", 1.0, "块"),
    ("羽", "count", 1.0, "羽"), ("幅", "count", 1.0, "幅"), ("大类", "count", 1.0, "大类"),
    ("城", "count", 1.0, "城"), ("小包", "count", 1.0, "小包"), ("大包", "count", 1.0, "大包"),
    ("列", "count", 1.0, "列"), ("趟", "count", 1.0, "趟"),  # 中欧班列3912列, 开行旅客列车620趟
    # 调拨帐篷120顶, 火化遗体1.41万具, 结婚登记1.87万对
    ("顶", "count", 1.0, "顶"), ("具", "count", 1.0, "具"), ("对", "count", 1.0, "对"),
    # 14类重点产品: read only after Arabic digits (see classes_at); 八类案件 names a group of crimes
    ("类", "count", 1.0, "类"),
    # 培训班5期, 新打机井约1500眼, 等效声级54.8分贝; 小时, 日 and 期 are read only after digits (see counted_at)
    ("期", "count", 1.0, "期"), ("眼", "count", 1.0, "眼"), ("分贝", "other", 1.0, "分贝"),
    ("小时", "count", 1.0, "小时"), ("日", "count", 1.0, "日"),
    # 平均气温30.1℃, 1.86万口山塘, 扣押不合格成品鞋1460双
    ("℃", "other", 1.0, "℃"), ("口", "count", 1.0, "口"), ("双", "count", 1.0, "双"),
    # 移动互联网流量296.5亿GB, 光缆线路1172皮长公里; 办理出入境证件52.3万本, 发送班次18.6万班 (本 and 班 read only
    # after digits: see counted_at)
    ("GB", "other", 1.0, "GB"), ("TB", "other", 1.0, "TB"), ("皮长公里", "other", 1.0, "皮长公里"),
    ("本", "count", 1.0, "本"), ("班", "count", 1.0, "班"),
)

UNITS: dict[str, Unit] = {}
for _t, _f, _k, _n in UNIT_TABLE:
    UNITS.setdefault(_t, Unit(_t, _f, _k, _n))
# Longest first, so 个百分点 wins over 个 and 千克 over 千.
UNIT_WORDS: tuple[str, ...] = tuple(sorted(UNITS, key=len, reverse=True))
_UNIT_LENGTHS: tuple[int, ...] = tuple(sorted({len(w) for w in UNITS}, reverse=True))
# The lengths of the units that open with a character, longest first: only those are looked up.
_UNIT_LENGTHS_BY_FIRST: dict[str, tuple[int, ...]] = {
    c: tuple(n for n in _UNIT_LENGTHS if any(len(w) == n and w[0] == c for w in UNITS)) for c in {w[0] for w in UNITS}
}

# Counted words that make a number something else: a date, a time, an age, a
# duration, a rank. A number followed by one of these is not a figure.
NOT_UNITS: tuple[str, ...] = (
    "个月", "个多月", "个半月", "个小时", "个多小时", "个半小时", "个工作日", "个星期", "个多星期",
    "个年头", "多小时", "多个月",
    "年", "月", "日", "号", "时", "分钟", "分", "秒", "岁", "周岁", "天", "小时", "周", "星期",
    "点", "度", "届", "期", "版", "楼", "层", "级", "线", "大", "类", "国", "路", "道",
    "次产业", "次会议", "人大", "人民", "名单", "家庭", "位于", "条例", "头条", "部门", "部署",
    "起来", "起点", "起诉", "发展", "发现", "发布", "发生", "发出", "处理", "处置", "处罚",
    "场所", "场景", "所以", "所有", "件事", "支持", "支队", "包括", "台湾", "名义",
    "批准", "批示", "种植", "项目", "张某", "间隔", "位置", "单位", "组织", "根据", "队伍",
    "顶级", "顶尖", "具体", "具有", "具备", "对一", "对口", "对接", "对象", "对比", "对外", "对于", "对照", "对待",
    # 九台市, 五台县, 三台县, 七台河: a numeral and 台 opening a place's name
    "台县", "台市", "台区", "台河",
    # 3口之家, 5口人: the size of a household, not a count of wells
    "口之家", "口人",
    # 本 and 班 count only after digits (see counted_at): 一本, 一班 are words
    "本", "班",
)

# Counting words that, after the numeral 一, read as an article (一起 'together',
# 一个 'a'), not as the count one.
ONE_ARTICLE_UNITS: frozenset[str] = frozenset(
    "起个次批辆宗种场件项条家处所只头支包袋笔轮张套份片台部位单组队间座栋例把枚颗瓶箱盒块列趟眼口双"
)

# Qualifiers written before a number, longest first where one is a prefix of another.
QUALIFIER_PREFIXES: tuple[tuple[str, str], ...] = (
    ("约有", "approx"), ("约重", "approx"), ("大约", "approx"), ("大概", "approx"), ("约", "approx"),
    ("将近", "under"), ("接近", "under"), ("不足", "under"), ("不到", "under"), ("不超过", "under"),
    ("近", "under"),
    ("超过", "over"), ("不少于", "over"), ("不低于", "over"), ("至少", "over"), ("多于", "over"), ("突破", "over"),
    ("不下", "over"), ("逾", "over"), ("超", "over"), ("过", "over"),
)
# Qualifiers written after the number (before the unit: 余, 多) or after the unit.
QUALIFIER_INNER: tuple[tuple[str, str], ...] = (("余", "over"), ("多", "over"))
QUALIFIER_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("以上", "over"), ("之多", "exact"), ("左右", "approx"), ("上下", "approx"), ("以下", "under"),
    ("以内", "under"),
)

# What joins the two ends of a range: 3至5人, 10-15吨.
RANGE_JOINERS: tuple[str, ...] = ("至", "到", "-", "~", "～", "—", "–", "－")

# Words before a number that make it page furniture, not a figure (view counts).
FURNITURE_BEFORE: tuple[str, ...] = (
    "阅读", "浏览", "点击", "访问", "评论", "回复", "点赞", "转发", "收藏", "查看", "阅", "分享",
    "热度", "人气", "字号",
)
# Words right before a number that make it an ordinal or a rank: 第四轮, 第23位.
# 届 then a number: a session (省委十二届四次全会), not a count.
ORDINAL_BEFORE: tuple[str, ...] = ("第", "排名", "位列", "位居", "居", "届")


# 天 is a duration (为期3天) unless its sentence measures days: 优良天数253天,
# 平均住院日为7.8天，较上年同期缩短0.4天.
DAY_COUNT_WORDS: tuple[str, ...] = ("天数", "住院日", "日数")
_SENTENCE_END = "。！？!?\n"


# How far back a sentence is read for those words: a bound keeps a text that is one long sentence linear.
_DAY_WORDS_REACH = 400


def _counts_days(s: str, i: int) -> bool:
    lo = max(0, i - _DAY_WORDS_REACH)
    a = max(lo, max(s.rfind(c, lo, i) for c in _SENTENCE_END) + 1)
    return any(w in s[a:i] for w in DAY_COUNT_WORDS)


def _day_count_at(s: str, i: int) -> bool:
    return s.startswith("天", i) and not s.startswith(("天然", "天气", "天津", "天下"), i) and _counts_days(s, i)


# Units that begin with a word of NOT_UNITS and win over it: 22大类 (but 十大, 三类), 54.8分贝.
UNITS_BEFORE_NOT_UNITS: tuple[str, ...] = ("大类", "分贝")


# Words that begin with 类 and are no count of classes: 类型, 类别, 类似.
_CLASS_WORDS: tuple[str, ...] = ("类型", "类别", "类似")


def classes_at(s: str, i: int) -> bool:
    """Whether ``s[i:]`` counts classes after a number written in digits (14类重点行业领域, 有10类产量增长):
    a figure, where a class written in Chinese numerals (八类案件, 三类诈骗) names a group."""
    return s.startswith("类", i) and not s.startswith(_CLASS_WORDS, i)


# Words that begin with 期 and are no count of sessions: 3期间 does not occur, but 期满, 期末 may follow a date's day.
_SESSION_WORDS: tuple[str, ...] = ("期间", "期限", "期满", "期末", "期初", "期内", "期货", "期刊")


# Words that begin with 本 or 班 and count no books or runs (2023年本市, 3个班子).
_BOOK_WORDS: tuple[str, ...] = (
    "本市", "本省", "本县", "本区", "本州", "本地", "本次", "本年", "本月", "本周", "本轮", "本届", "本期", "本级",
    "本科", "本外币", "本息", "本金", "本土", "本单位", "本部", "本人", "本案", "本辖区", "本报", "本网", "本着", "本季",
)
_SHIFT_WORDS: tuple[str, ...] = ("班子", "班组", "班级", "班长", "班主任", "班车")


def counted_at(s: str, i: int, decimals: bool) -> Unit | None:
    """A word of NOT_UNITS that counts after a number written in digits: classes (see :func:`classes_at`),
    sessions (培训班5期, 发布预警信息186期; but 第5期 is an ordinal and 一期工程 a phase), books and runs (52.3万本,
    18.6万班; but 2023年本市, 3个班子), and, after a number
    with decimals or a multiplier, hours and days measured (通关时间21.36小时, 服务时长41.8万小时, 平均住院日
    9.1日), where a whole number of them is a duration or a date (24小时值守, 10日)."""
    c = s[i : i + 1]
    if c == "类":
        return UNITS["类"] if classes_at(s, i) else None
    if c == "期":
        return None if s.startswith(_SESSION_WORDS, i) else UNITS["期"]
    if c == "本":
        return None if s.startswith(_BOOK_WORDS, i) else UNITS["本"]
    if c == "班":
        return UNITS["班次"] if s.startswith("班次", i) else None if s.startswith(_SHIFT_WORDS, i) else UNITS["班"]
    if decimals and (c == "日" or s.startswith("小时", i)):
        return UNITS[c if c == "日" else "小时"]
    return None


# The words of NOT_UNITS by their first character: a number is followed by one of a few of them at
# most, so only those are tried (a hundred ``startswith`` for every number otherwise).
_NOT_UNITS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _w in NOT_UNITS:
    _NOT_UNITS_BY_FIRST[_w[0]] = (*_NOT_UNITS_BY_FIRST.get(_w[0], ()), _w)


def not_unit_at(s: str, i: int) -> bool:
    """Whether ``s[i:]`` starts with a counted word that makes the number a date, an age, a duration."""
    words = _NOT_UNITS_BY_FIRST.get(s[i : i + 1])
    return (
        words is not None and s.startswith(words, i)
        and not _day_count_at(s, i) and not s.startswith(UNITS_BEFORE_NOT_UNITS, i)
    )


def unit_at(s: str, i: int) -> Unit | None:
    """The unit written at ``s[i:]``, longest first; ``None`` for none or a non-unit."""
    c = s[i : i + 1]  # every test below opens with the character there: read once (called for every number)
    if c == "天" and _day_count_at(s, i):
        return UNITS["天"]
    words = _NOT_UNITS_BY_FIRST.get(c)
    if words is not None and s.startswith(words, i) and not s.startswith(UNITS_BEFORE_NOT_UNITS, i):
        return None
    for n in _UNIT_LENGTHS_BY_FIRST.get(c, ()):
        u = UNITS.get(s[i : i + n])
        if u is not None:
            return u
    return None
