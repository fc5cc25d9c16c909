"""Numbers as Chinese press releases write them.

``parse_number("3.2万")`` -> 32000.0, ``parse_number("三千五百")`` -> 3500,
``parse_number("1,234.5")`` -> 1234.5, ``parse_number("7.2万亿")`` -> 7.2e12.

Input is expected in normalised form (simplified characters, ASCII digits,
see :mod:`extractors.textnorm`), but full-width digits and the traditional
萬 億 兩 are accepted too. Every function here is linear in its input and never
raises on odd text: what is not a number gives ``None``.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

# Chinese digits and the small units inside a 万 section.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
# Section multipliers, largest first; 万亿 is 10^12.
CN_BIG_UNITS: dict[str, int] = {"亿": 10**8, "億": 10**8, "万": 10**4, "萬": 10**4}

# Multipliers written after Arabic digits (3.2万, 7.2万亿, 1.5千万). 千 alone is
# not one: 3千克 is 3 kilograms.
MULTIPLIERS: tuple[tuple[str, int], ...] = (
    ("万亿", 10**12), ("萬億", 10**12), ("千万", 10**7), ("千萬", 10**7), ("百万", 10**6),
    ("百萬", 10**6), ("亿", 10**8), ("億", 10**8), ("万", 10**4), ("萬", 10**4),
)

CN_NUMERAL_CHARS: str = "零〇○一二两兩三四五六七八九十百千万萬亿億"
MAX_NUMERAL_LEN: int = 24  # longer runs are not numbers anyone writes

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC_RE = re.compile(r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?")


def parse_arabic(s: str) -> float | None:
    """``1,234.5`` -> 1234.5; ``None`` unless the whole string is a number."""
    s = s.translate(_FULLWIDTH).strip().replace("..", ".")  # 14..3%: a typing slip
    if not s or len(s) > 40 or not _ARABIC_RE.fullmatch(s):
        return None
    v = float(s.replace(",", ""))
    return v if math.isfinite(v) else None


def _parse_section(s: str) -> int | None:
    """A run below 万: 三千五百 -> 3500, 十二 -> 12, 二十 -> 20, 三千五 -> 3500."""
    total = 0
    digit: int | None = None
    last_unit = 1
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0 and CN_DIGITS[ch] != 0:
                return None  # 二三: digits side by side are not a count
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_unit and total:
                return None  # 百千: units out of order
            total += (1 if digit is None else digit) * unit
            last_unit = unit
            digit = None
        else:
            return None
    if digit is not None:
        if digit and last_unit >= 100 and s[-2:-1] in CN_SMALL_UNITS:
            total += digit * last_unit // 10  # 三千五 = 3500, 两百五 = 250
        else:
            total += digit
    return total


def _digit_string(s: str) -> int | None:
    """二〇一八 -> 2018: digits written one by one (years, codes)."""
    if len(s) < 2:
        return None
    for ch in s:
        if ch not in CN_DIGITS or ch in "两兩":
            return None
    return int("".join(str(CN_DIGITS[ch]) for ch in s))


def parse_chinese(s: str) -> int | None:
    """A number in Chinese numerals: 三千五百, 两万, 一百二十, 七万二千亿, 十."""
    if len(s) == 1:
        return _ONE_NUMERAL.get(s)  # 一, 三, 两: most numerals in a release are one character
    return _parse_chinese_run(s)


def _parse_chinese_run(s: str) -> int | None:
    """:func:`parse_chinese` read in full (any length)."""
    if not s or len(s) > MAX_NUMERAL_LEN or any(ch not in CN_NUMERAL_CHARS for ch in s):
        return None
    ds = _digit_string(s)
    if ds is not None:
        return ds
    # Split on the big units from the largest: 三亿四千万五千 -> (三)亿 (四千)万 (五千).
    total = 0
    rest = s
    for big_chars, big in ((("亿", "億"), 10**8), (("万", "萬"), 10**4)):
        idx = max(rest.rfind(c) for c in big_chars)
        if idx < 0:
            continue
        head, rest = rest[:idx], rest[idx + 1 :]
        if head == "":
            head_v: int | None = 1
        elif big == 10**8:
            head_v = parse_chinese(head)  # 一万亿: the head may hold a 万 itself
        else:
            head_v = _parse_section(head)
        if head_v is None:
            return None
        total += head_v * big
        if rest.startswith(("零", "〇")):
            rest = rest[1:]
        elif rest and len(rest) == 1 and rest in CN_DIGITS and big == 10**4:
            return total + CN_DIGITS[rest] * 1000  # 两万五 = 25000
    if rest:
        sec = _parse_section(rest)
        if sec is None:
            return None
        total += sec
    return total


# Every one-character numeral's value, read once at import by the full reading (the same values).
_ONE_NUMERAL: dict[str, int | None] = {c: _parse_chinese_run(c) for c in CN_NUMERAL_CHARS}


def scale(digits: str, factor: int) -> float | None:
    """``digits`` (Arabic, maybe with a decimal point) times ``factor``, exactly:
    3.2 x 10^4 is 32000, not 32000.000000000004."""
    try:
        d = Decimal(digits.translate(_FULLWIDTH).replace(",", "").replace("..", ".")) * factor
    except InvalidOperation:
        return None
    out = float(d)
    return out if math.isfinite(out) else None


# The multipliers by their first character, in the order of MULTIPLIERS (万亿 before 万): a number is
# followed by one of two at most, so only those are tried.
_MULTIPLIERS_BY_FIRST: dict[str, tuple[tuple[str, int], ...]] = {}
for _w, _k in MULTIPLIERS:
    _MULTIPLIERS_BY_FIRST[_w[0]] = (*_MULTIPLIERS_BY_FIRST.get(_w[0], ()), (_w, _k))
MULTIPLIER_FIRST: frozenset[str] = frozenset(_MULTIPLIERS_BY_FIRST)


def multiplier_at(s: str, i: int) -> tuple[str, int] | None:
    """The multiplier written at ``s[i:]`` (万, 亿, 万亿, 千万), if any."""
    for word, k in _MULTIPLIERS_BY_FIRST.get(s[i : i + 1], ()):
        if s.startswith(word, i):
            return word, k
    return None


def parse_number(s: str) -> float | None:
    """Arabic, Chinese or mixed (3.2万, 174亿, 7.2万亿) number; ``None`` if not one."""
    s = s.translate(_FULLWIDTH).strip()
    if not s:
        return None
    v = parse_arabic(s)
    if v is not None:
        return v
    # Arabic digits followed by multipliers: 3.2万, 7.2万亿.
    m = re.match(r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?", s)
    if m:
        base = parse_arabic(m.group(0))
        rest = s[m.end() :]
        if base is None:
            return None
        factor = 1
        while rest:
            mult = multiplier_at(rest, 0)
            if mult is None:
                return None
            factor *= mult[1]
            rest = rest[len(mult[0]) :]
        return scale(m.group(0), factor)
    cn = parse_chinese(s)
    return float(cn) if cn is not None else None
