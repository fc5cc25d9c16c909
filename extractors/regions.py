"""China's administrative divisions, looked up by name and found in text.

The table is ``extractors/data/regions.tsv`` (tab-separated, header first):
all 34 provincial-level divisions (the four municipalities, 香港, 澳门 and 台湾
count as provinces), all 333 prefecture-level divisions, and a short list of
county-level ones (the directly administered county-level cities, the seats of
自治州 that share their prefecture's name, the counties of 江门, and the
border counties of 西双版纳, 德宏, 临沧, 普洱, 红河, 文山).

Columns: ``code`` (GB/T 2260), ``name`` (full official name, simplified),
``level`` (province | prefecture | county), ``parent_code`` (empty for a
province), ``province_code``, ``aliases`` (short names matched in free text
and by :func:`lookup`, comma-separated), ``abbr`` (one-character province
abbreviations such as 滇, 桂: used by :func:`lookup` only, never in free text),
``note``.

Matching in free text (:func:`find_regions`):

* full names and aliases of three or more characters match wherever they occur
  (leftmost, then longest first, non-overlapping);
* the two-character province aliases (云南, 广东 ...) match too, except after a
  few characters that make them part of another word (幸福建设, 东西藏匿);
* the other two-character aliases (昆明, 中山, 大同, 长治 ...) match only when
  followed by a boundary (punctuation, space, end of text), by a police or
  government word (警方, 公安, 禁毒, 市场监管 ...), when they come right
  after their own province (广东中山), or when the full name of one of their
  subdivisions in the table follows (红河个旧市). So 中山路, 长治久安, 大理石 are not
  matches; a bare 中山 before a comma (孙中山，) still is: an accepted
  trade-off. A two-character alias that is rejected is skipped as a word, so
  that 中山西路 does not yield 山西;
* a full name ending in 市 followed by 场 (昆明市场监管局) is read as the
  short name plus 市场, so 东方市场 is not 东方市.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractors.textnorm import normalise, to_simplified

DATA_PATH: Path = Path(__file__).resolve().parent / "data" / "regions.tsv"

LEVELS: tuple[str, ...] = ("province", "prefecture", "county")

# Suffixes tolerated by lookup(): 昆明 -> 昆明市, 广西省 -> 广西壮族自治区.
LOOKUP_SUFFIXES: tuple[str, ...] = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "州", "盟", "县", "区")

# What may follow a two-character alias for it to count in free text.
BOUNDARY_CHARS: frozenset[str] = frozenset(" \t\r\n,.;:!?()[]\"'、，。；：！？（）【】《》〈〉「」『』“”‘’…—-/|·")
RIGHT_WORDS: tuple[str, ...] = (
    "警方", "公安", "禁毒", "缉毒", "检察", "法院", "中院", "海关", "边检", "边境", "监狱",
    "市场", "市委", "市政府", "政府", "统计", "籍", "方面", "地区", "境内", "辖区", "一带",
    "当地", "两地", "三地", "等地", "等", "的", "海事", "海上搜救", "消防", "税务", "交警", "边防",
)
# Characters that, right before a two-character province alias, make it part of
# another word: 幸福建设, 东西藏匿, 洞庭湖南岸.
PROVINCE_ALIAS_BAD_LEFT: dict[str, frozenset[str]] = {
    "福建": frozenset("幸"),
    "西藏": frozenset("东"),
    "湖南": frozenset("庭"),
    "湖北": frozenset("庭"),
}


@dataclass(frozen=True, slots=True)
class Region:
    """One administrative division."""

    code: str  # GB/T 2260 six-digit code
    name: str  # full official name, simplified
    level: str  # province | prefecture | county
    province_code: str
    aliases: tuple[str, ...]  # short names matched in free text
    parent_code: str = ""  # empty for a province
    abbr: tuple[str, ...] = ()  # one-character province abbreviations, lookup() only

    @property
    def province(self) -> Region:
        """The provincial-level division this one belongs to (itself for a province)."""
        if self.level == "province":
            return self
        p = by_code(self.province_code)
        if p is None:  # the table is checked on load; this cannot happen
            raise LookupError(f"no province {self.province_code} for {self.code}")
        return p


@dataclass(frozen=True, slots=True)
class _Key:
    region: Region
    weak: bool  # a two-character alias that needs context
    province_alias: bool  # a two-character province alias (strong, with left exclusions)


@dataclass(frozen=True, slots=True)
class _Table:
    regions: tuple[Region, ...]
    by_code: dict[str, Region]
    by_name: dict[str, Region]  # full names, aliases, abbreviations, stems
    text_keys: dict[str, _Key]  # what find_regions matches
    lengths_by_first: dict[str, tuple[int, ...]]  # key lengths by first character, longest first
    first_chars: re.Pattern[str]


def _split(field: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in field.split(",") if a.strip())


def _stem(name: str) -> str | None:
    for suf in LOOKUP_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return None


def _read(path: Path) -> list[Region]:
    regions: list[Region] = []
    with path.open(encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {c: i for i, c in enumerate(header)}
        for n, line in enumerate(f, start=2):
            if not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            cells += [""] * (len(header) - len(cells))
            level = cells[col["level"]]
            code = cells[col["code"]]
            if level not in LEVELS or not re.fullmatch(r"\d{6}", code):
                raise ValueError(f"{path}:{n}: bad row {cells!r}")
            regions.append(
                Region(
                    code=code,
                    name=cells[col["name"]],
                    level=level,
                    province_code=cells[col["province_code"]],
                    aliases=_split(cells[col["aliases"]]),
                    parent_code=cells[col["parent_code"]],
                    abbr=_split(cells[col["abbr"]]),
                )
            )
    return regions


def _build(regions: list[Region]) -> _Table:
    codes = {r.code: r for r in regions}
    rank = {level: i for i, level in enumerate(LEVELS)}
    for r in regions:
        if r.province_code not in codes or (r.parent_code and r.parent_code not in codes):
            raise ValueError(f"regions.tsv: {r.code} {r.name}: unknown parent or province")

    # lookup(): exact names first, then aliases, then abbreviations and stems;
    # on a tie the higher level wins (吉林 -> 吉林省).
    by_name: dict[str, Region] = {}
    ordered = sorted(regions, key=lambda r: rank[r.level])
    for r in ordered:
        by_name.setdefault(r.name, r)
    for r in ordered:
        for a in r.aliases:
            by_name.setdefault(a, r)
    for r in ordered:
        for a in r.abbr:
            by_name.setdefault(a, r)
    for r in ordered:
        stem = _stem(r.name)
        if stem is not None:
            by_name.setdefault(stem, r)

    text_keys: dict[str, _Key] = {}
    for r in ordered:
        text_keys.setdefault(r.name, _Key(r, weak=False, province_alias=False))
    for r in ordered:
        for a in r.aliases:
            short = len(a) <= 2
            is_prov = short and r.level == "province"
            text_keys.setdefault(a, _Key(r, weak=short and not is_prov, province_alias=is_prov))
    by_first: dict[str, set[int]] = {}
    for k in text_keys:
        by_first.setdefault(k[0], set()).add(len(k))
    firsts = "".join(sorted(re.escape(c) for c in by_first))
    return _Table(
        regions=tuple(regions),
        by_code=codes,
        by_name=by_name,
        text_keys=text_keys,
        lengths_by_first={c: tuple(sorted(ns, reverse=True)) for c, ns in by_first.items()},
        first_chars=re.compile(f"[{firsts}]"),
    )


@cache
def _table() -> _Table:
    return _build(_read(DATA_PATH))


def all_regions() -> tuple[Region, ...]:
    """Every row of the table, in code order."""
    return _table().regions


def by_code(code: str) -> Region | None:
    """The division with this GB/T 2260 code."""
    return _table().by_code.get(code.strip())


def lookup(name: str) -> Region | None:
    """The division named ``name``: a full name, an alias or a one-character
    province abbreviation, in simplified or traditional characters, with or
    without a trailing 省/市/州/地区/盟/县 (昆明 -> 昆明市, 广西省 -> 广西壮族自治区)."""
    s = to_simplified(name.strip())
    if not s:
        return None
    t = _table().by_name
    hit = t.get(s)
    if hit is not None:
        return hit
    stem = _stem(s)
    if stem is not None:
        return t.get(stem)
    return None


def normalise_name(name: str) -> str:
    """The official full name of a known division, else ``name`` in simplified characters."""
    r = lookup(name)
    return r.name if r is not None else to_simplified(name.strip())


def _right_ok(text: str, end: int) -> bool:
    if end >= len(text) or text[end] in BOUNDARY_CHARS:
        return True
    return text.startswith(RIGHT_WORDS, end)


def _own_subdivision_follows(text: str, end: int, region: Region) -> bool:
    """Whether a full name of a subdivision of ``region`` starts at ``end`` (红河个旧市)."""
    tab = _table()
    lengths = tab.lengths_by_first.get(text[end : end + 1])
    if not lengths:
        return False
    for n in lengths:
        key = tab.text_keys.get(text[end : end + n])
        if key is not None and key.region.parent_code == region.code and key.region.name == text[end : end + n]:
            return True
    return False


def find_regions(text: str) -> list[tuple[int, int, Region]]:
    """Every mention of a division in ``text`` as ``(start, end, region)``,
    offsets into ``text`` as given, in text order, non-overlapping (leftmost,
    then longest match). Traditional characters and full-width forms are
    handled (the text is normalised and offsets mapped back)."""
    tab = _table()
    norm = normalise(text)
    s = norm.text
    keys = tab.text_keys
    lengths_by_first = tab.lengths_by_first
    found: list[tuple[int, int, Region]] = []
    last_end = -1
    last_region: Region | None = None
    pos = 0
    search = tab.first_chars.search
    while True:
        m = search(s, pos)
        if m is None:
            break
        i = m.start()
        skip = 0
        accepted: tuple[int, Region] | None = None
        for n in lengths_by_first[s[i]]:
            cand = s[i : i + n]
            if len(cand) != n:
                continue
            key = keys.get(cand)
            if key is None:
                continue
            end = i + n
            if cand.endswith("市") and end < len(s) and s[end] == "场":
                skip = max(skip, n - 1)  # 昆明市场: try 昆明 + 市场; 东方市场: nothing
                continue
            if key.weak:
                after_province = (
                    last_end == i
                    and last_region is not None
                    and last_region.level == "province"
                    and last_region.code == key.region.province_code
                )
                if not (after_province or _right_ok(s, end) or _own_subdivision_follows(s, end, key.region)):
                    skip = max(skip, n)
                    continue
            elif key.province_alias and i > 0:
                bad = PROVINCE_ALIAS_BAD_LEFT.get(cand)
                if bad is not None and s[i - 1] in bad:
                    skip = max(skip, n)
                    continue
            accepted = (n, key.region)
            break
        if accepted is not None:
            n, region = accepted
            a, b = norm.to_original_span(i, i + n)
            found.append((a, b, region))
            last_end, last_region = i + n, region
            pos = i + n
        else:
            pos = i + max(skip, 1)
    return found
