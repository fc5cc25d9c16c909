"""Which area a figure belongs to.

Built on :mod:`extractors.regions` (the GB/T 2260 table). A release names
the acting area (云南省公安厅, 北京警方, 全省); it also names places that are not
the subject of its figures: the dateline (新华社昆明5月9日电), the newspaper
(昆明日报), helpers (在云南禁毒部门的协助下), origins and routes (来自四川、广东等地,
通过云南省...检查站), rankings (占全国80%, 居全省第三位). ``find_place_marks``
keeps the acting mentions; scope words (全省, 我市) are resolved against the
area in force by ``resolve_scope``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from extractors.regions import Region, all_regions, by_code, find_regions, lookup


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # official name, 全国, or an agency's name where no division is named
    code: str | None = None
    region: Region | None = None


NATIONAL = Place("全国")


@dataclass(frozen=True, slots=True)
class PlaceMark:
    start: int
    end: int
    place: Place | None  # a named area
    scope: str | None = None  # 国 省 市 区 县 州 盟 for 全国, 全省, 我市 ...


# Scope words and the level they name.
SCOPE_WORDS: tuple[tuple[str, str], ...] = (
    ("全国", "国"), ("全省", "省"), ("我省", "省"), ("本省", "省"), ("该省", "省"), ("省内", "省"),
    ("全市", "市"), ("我市", "市"), ("本市", "市"), ("该市", "市"), ("市内", "市"),
    ("全区", "区"), ("我区", "区"), ("本区", "区"), ("全自治区", "区"), ("全县", "县"), ("我县", "县"),
    ("本县", "县"), ("该县", "县"), ("全州", "州"), ("我州", "州"), ("全盟", "盟"),
)
_SCOPE_RE = re.compile("|".join(w for w, _ in SCOPE_WORDS))
_SCOPE = dict(SCOPE_WORDS)
# After a scope word or a name: a ranking or a comparison, not the area of the figure.
RANK_AFTER: tuple[str, ...] = (
    "第", "平均", "率先", "前列", "先列", "首", "百城", "十大", "禁毒示范", "统一", "领先", "水平", "同类",
    "总量", "排名", "各地", "范围内", "性", "人民", "上下", "各族", "重点", "最", "籍",
)
RANK_BEFORE: tuple[str, ...] = ("占", "居", "位居", "位列", "列", "于", "评", "获评", "成为", "为", "在全国和")
# Before a name: an origin, a destination or a route, not the acting area.
NOT_ACTING_BEFORE: tuple[str, ...] = (
    "来自", "赴", "前往", "通过", "途经", "经由", "运往", "发往", "寄往", "流入", "流向", "销往", "飞往",
    "从", "到", "至", "往", "抵达", "返回", "回到", "逃往", "潜逃", "押解",
)
# After a name: part of another word or a list of other places.
NOT_ACTING_AFTER: tuple[str, ...] = ("籍", "两地", "三地", "等地", "等省", "等周边", "方向", "方面的")
MEDIA_AFTER: tuple[str, ...] = (
    "日报", "晚报", "早报", "青年报", "商报", "都市报", "法制报", "电视台", "广播电视", "在线", "新闻网",
    "网", "报", "卫视", "广播",
)
_DATELINE_AFTER = re.compile(r"\s*\d{1,2}月\d{1,2}日(?:电|讯|消息|报道|\d)")
_HELPER_FRAME = re.compile(r"在[^,。;\n]{0,30}?(?:协助|配合|支持|帮助|指导|参与|见证)下")
_VENUE_AFTER = re.compile(r"[^,。;\n]{0,12}?(?:召开|举行|举办)")
_AGENCY_FALLBACK = re.compile(
    r"([\u4e00-\u9fff]{2}(?:市|县|区)?)(?:海关|公安分局|公安局|警方|铁路公安处|边境管理支队|边境管理大队|边境检查站|边检站)"
)
# Right after a name: the name is an agency's (深圳市公安局交通警察支队, 襄阳市卫生健康委员会), so
# 记者从……获悉 names the source of the release, the acting area, not an origin.
_AGENCY_AFTER = re.compile(
    r"(?:省|市|县|区|自治区|自治州)?(?:人民)?[\u4e00-\u9fff]{0,10}?"
    r"(?:公安|检察|法院|海关|政府|统计局|委员会|管理局|监督管理|卫生健康|应急管理|生态环境|消防救援|交通警察|交警)"
)
# The source line of page furniture (来源：襄阳市卫生健康委员会): the agency that issued the release.
_SOURCE_LINE = re.compile(r"来源[:：]\s*([^\s　]{2,30})")
# A dateline (新华社合肥1月26日电): where the report was filed, a last resort for 全省.
_DATELINE_PLACE = re.compile(r"(?:社|网|报|台|讯)\s*([\u4e00-\u9fff]{2,4}?)\s*\d{1,2}月\d{1,2}日(?:电|讯|消息)")
# County-level cities the table does not hold (瑞安市), after a clause boundary.
_COUNTY_CITY = re.compile(r"(?:(?<=[,，。;；:：\s年月日在由])|^)([\u4e00-\u9fff]{2})市(?![场民长委政区内级辖县])")
# Counties the table does not hold (德清县, 迁西县), at the start of a clause.
_COUNTY = re.compile(r"(?:(?<=[,，。;；:：\s])|^)([\u4e00-\u9fff]{2})县(?![城域委政级内里乡镇])")
# Districts the table does not hold (北仑区, 鹿城区, 古城区法院), at the start of a
# clause and not a kind of area (城区, 景区, 社区, 开发区).
_DISTRICT = re.compile(
    r"(?:(?<=[,，。;；:：\s])|^)([\u4e00-\u9fff]{2})区(?![域内外划间别县市级委政里乡镇街])"
)
DISTRICT_LAST_STOP: str = "辖景园社山郊片小护林牧灾发治地矿校营站街港试厂生管分战边市县省湾"
DISTRICT_STEM_STOP: frozenset[str] = frozenset(
    {"老城", "主城", "旧城", "县城", "中心", "核心", "商业", "工业", "居住", "贫困", "民族", "城市", "农村",
     "各个", "辖内", "全市", "重点", "试验", "示范", "保税", "风景", "自然", "开发", "高新", "经济"}
)
COUNTY_STEM_STOP: frozenset[str] = frozenset(
    {"各地", "地级", "县级", "直辖", "省会", "中心", "重点", "主要", "部分", "其他", "其它", "沿海", "内地",
     "边境", "周边", "各个", "全国", "城区", "农贸", "超级", "大中", "示范", "文明", "卫生", "园林", "新兴"}
)
_MEDIA_NAME = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:日报|晚报|早报|都市报|商报)")
_FURNITURE_LINE = re.compile(r"来源|责任编辑|编辑[:：]|Copyright|版权|ICP|地址|电话|E-mail|首页|当前位置")


def _frames(s: str) -> list[tuple[int, int]]:
    return [m.span() for m in _HELPER_FRAME.finditer(s)]


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``i`` is in one of ``spans`` (sorted by start, not overlapping)."""
    k = bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``[a, b)`` overlaps one of ``spans`` (sorted by start, not overlapping)."""
    k = bisect_right(spans, (b, -1)) - 1
    return k >= 0 and spans[k][1] > a and spans[k][0] < b


def _place(r: Region) -> Place:
    return Place(r.name, r.code, r)


def _as_named(r: Region, surface: str) -> Place:
    """The division as the text names it: a short form that is not part of the
    official name (德宏州 for 德宏傣族景颇族自治州, 耿马县) is kept as written, so
    the row reads like the release; the official name and code stay with it."""
    if len(surface) >= 3 and surface not in r.name and surface[-1] in "州县市区盟旗":
        return Place(surface, r.code, r)
    return _place(r)


def _furniture_lines(s: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in s.split("\n"):
        end = pos + len(line)
        if _FURNITURE_LINE.search(line) and "。" not in line:
            out.append((pos, end))
        pos = end + 1
    return out


@dataclass(frozen=True, slots=True)
class PlaceScan:
    marks: list[PlaceMark]  # acting mentions and scope words, in text order
    media: list[Place]  # places named only as a newspaper or site (a last resort)
    agencies: list[Place]  # agencies without a division name (拱北海关)
    national: bool = False  # a national agency (国家统计局) or 全国 speaks


def scan(s: str) -> PlaceScan:
    """Acting place mentions and scope words of normalised text ``s``."""
    frames = _frames(s)
    furniture = _furniture_lines(s)
    marks: list[PlaceMark] = []
    media: list[Place] = []
    for a, b, r in find_regions(s):
        before = s[max(0, a - 4) : a]
        after = s[b : b + 6]
        if _inside(a, furniture):
            if after.startswith(MEDIA_AFTER):
                media.append(_place(r))
            continue
        if _DATELINE_AFTER.match(s, b):
            continue
        if after.startswith(MEDIA_AFTER) and not after.startswith(("网站",)):
            media.append(_place(r))
            continue
        if before.endswith(NOT_ACTING_BEFORE) and not (before.endswith("从") and _AGENCY_AFTER.match(s, b)):
            continue
        if _inside(a, frames) or after.startswith(NOT_ACTING_AFTER):
            continue
        if before.endswith(RANK_BEFORE) and after.startswith(RANK_AFTER):
            continue
        if before.endswith("在") and _VENUE_AFTER.match(s, b):
            continue
        # A list of places (珠海、广州两地, 四川、广东等地) names none of them as the actor.
        if after.startswith("、") or (before.endswith("、") and a >= 2):
            continue
        marks.append(PlaceMark(a, b, _as_named(r, s[a:b])))
    taken = sorted((pm.start, pm.end) for pm in marks)
    for pattern, suffix in ((_COUNTY_CITY, "市"), (_COUNTY, "县"), (_DISTRICT, "区")):
        for m in pattern.finditer(s):
            stem = m.group(1)
            a, b = m.start(1), m.end()
            if suffix == "区" and (stem in DISTRICT_STEM_STOP or stem[-1] in DISTRICT_LAST_STOP):
                continue
            if (
                stem in COUNTY_STEM_STOP
                or any(ch in "一二两三四五六七八九十百千万该全我本各此其占为在居向对从比较和与及或于" for ch in stem)
                or lookup(stem + suffix)
            ):
                continue
            if _overlaps(a, b, taken) or _inside(a, furniture) or _inside(a, frames):
                continue
            before = s[max(0, a - 4) : a]
            if before.endswith(NOT_ACTING_BEFORE) or s[b : b + 6].startswith(NOT_ACTING_AFTER + MEDIA_AFTER):
                continue
            marks.append(PlaceMark(a, b, Place(stem + suffix)))
    marks.sort(key=lambda pm: pm.start)
    for m in _SCOPE_RE.finditer(s):
        a, b = m.span()
        if _inside(a, furniture):
            continue
        before = s[max(0, a - 3) : a]
        after = s[b : b + 4]
        if after.startswith(RANK_AFTER) or before.endswith(RANK_BEFORE):
            continue
        if after.startswith("、"):
            continue  # 全国、全省平均水平
        marks.append(PlaceMark(a, b, None, _SCOPE[m.group(0)]))
    marks.sort(key=lambda pm: pm.start)
    for m in _MEDIA_NAME.finditer(s):
        named = lookup(m.group(1))
        if named is not None:
            media.append(_place(named))
    agencies = []
    for m in _AGENCY_FALLBACK.finditer(s):
        if not _inside(m.start(), furniture):
            named = lookup(m.group(1)) if m.group(1)[-1] in "市县区" else None
            if named is None and len(m.group(1)) == 2 and not m.group(0).endswith(("海关", "警方")):
                # 瑞丽边境管理支队, 南昌铁路公安处: the city or county of a two-character stem
                named = next((r for r in (lookup(m.group(1) + "市"), lookup(m.group(1) + "县")) if r is not None), None)
            if named is None and m.group(1)[-1] in "市县区":
                # 黄山风景区公安局: the agency of an area inside a division named right before it
                for k in (3, 2):
                    named = lookup(s[max(0, m.start() - k) : m.start()])
                    if named is not None:
                        break
            agencies.append(_place(named) if named is not None else Place(m.group(0)))
    # The issuing agency of a source line, then the dateline's city: places the
    # release does not name as acting, but that say whose 全市 or 全省 it speaks of.
    for m in _SOURCE_LINE.finditer(s):
        for _a, _b, r in find_regions(m.group(1)):
            if _a == 0 and not m.group(1)[_b:].startswith(MEDIA_AFTER):
                agencies.append(_place(r))
            break
    for m in _DATELINE_PLACE.finditer(s):
        named = lookup(m.group(1))
        if named is not None:
            agencies.append(_place(named))
    national = bool(_NATIONAL_AGENCY.search(s)) or any(m.scope == "国" for m in marks)
    return PlaceScan(marks, media, agencies, national)


_NATIONAL_AGENCY = re.compile(r"国家统计局|国务院新闻办|国新办|公安部|国家禁毒委")
_CLAUSE_START = re.compile(r"(?:(?<=[,，;；。:：\n])|^)([\u4e00-\u9fff]{2})")


def add_local_aliases(s: str, scan_: PlaceScan, home: Place | None) -> PlaceScan:
    """Two-character names of the home province's prefectures at the start of a
    clause (;贵阳查处1720多人), which the general matcher leaves alone."""
    if home is None or home.region is None:
        return scan_
    prov = home.region.province
    short: dict[str, Region] = {}
    for r in all_regions():
        if r.province_code == prov.code and r.level != "province":
            for a in r.aliases:
                if len(a) == 2:
                    short[a] = r
    if not short:
        return scan_
    taken = sorted((m.start, m.end) for m in scan_.marks)
    extra = []
    for m in _CLAUSE_START.finditer(s):
        hit = short.get(m.group(1))
        if hit is None or _overlaps(m.start(), m.end(), taken):
            continue
        extra.append(PlaceMark(m.start(), m.end(), _place(hit)))
    if not extra:
        return scan_
    return PlaceScan(sorted(scan_.marks + extra, key=lambda pm: pm.start), scan_.media, scan_.agencies, scan_.national)


def home_place(scan_: PlaceScan, source_region: str | None) -> Place | None:
    """The area a release is about: the first acting division it names (the more
    specific of 广西北海市), else the source's region, else an agency, else the
    newspaper's city."""
    named = [m for m in scan_.marks if m.place is not None]
    if named:
        first = named[0]
        if len(named) > 1:
            nxt = named[1]
            r0, r1 = first.place.region if first.place else None, nxt.place.region if nxt.place else None
            if r0 is not None and r1 is not None and nxt.start - first.end <= 1 and r1.province_code == r0.code:
                return nxt.place
        return first.place
    if source_region:
        r = lookup(source_region)
        if r is not None:
            return _place(r)
        return Place(source_region)
    if scan_.agencies:
        return scan_.agencies[0]
    if scan_.media:
        return scan_.media[0]
    if scan_.national:
        return NATIONAL  # 国家统计局发布……: a national release names no division
    return None


def resolve_scope(scope: str, current: Place | None, home: Place | None) -> Place | None:
    """The area a scope word names, given the area in force and the release's own."""
    if scope == "国":
        return NATIONAL
    for p in (current, home):
        if p is None or p.region is None:
            continue
        r = p.region
        if scope == "省":
            return _place(r.province)
        if scope == "市":
            if r.level in ("prefecture", "county") and r.name.endswith("市"):
                return p
            if r.level == "province" and r.name.endswith("市"):
                return p
            continue
        if scope == "区":
            if r.name.endswith("自治区"):
                return p
            if r.level == "county" and r.name.endswith("区"):
                return p
            if r.level != "province" and r.province.name.endswith("自治区"):
                return _place(r.province)
            continue
        if scope in ("州", "盟") and r.name.endswith(scope):
            return p
        if scope in ("州", "盟") and r.level == "county" and (parent := by_code(r.parent_code)) is not None \
                and parent.name.endswith(scope):
            return _place(parent)  # 瑞丽市……全州: the autonomous prefecture the county-level city is in
        if scope == "县" and r.level == "county" and r.name.endswith("县"):
            return p
    if scope == "市" and current is not None and current.region is None:
        return current
    return None


def region_code(p: Place | None) -> str | None:
    return p.code if p is not None else None


__all__ = ["NATIONAL", "Place", "PlaceMark", "PlaceScan", "by_code", "home_place", "resolve_scope", "scan"]
