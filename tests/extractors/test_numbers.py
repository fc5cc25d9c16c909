"""The number parser: round trips over every integer up to 10^12, and random
text that never makes the extractor raise."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract
from extractors.numbers import parse_arabic, parse_chinese, parse_number
from extractors.quantities import NUM_RE

DIGITS = "零一二三四五六七八九"
TOP = 10**12


def _section(x: int) -> str:
    """0 < x < 10000 in Chinese numerals, with 零 for the gaps (一千零五)."""
    out, gap = "", False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = x // unit_value % 10
        if d == 0:
            gap = bool(out)
            continue
        if gap:
            out += "零"
            gap = False
        out += DIGITS[d] + unit
    return out


def _below_yi(n: int, *, leading: bool) -> str:
    """0 < n < 10^8; ``leading``: nothing is written before it."""
    wan, rest = divmod(n, 10**4)
    out = ""
    if wan:
        out += _section(wan) + "万"
    if rest:
        if (wan or not leading) and rest < 1000:
            out += "零"
        out += _section(rest)
    elif not leading and wan < 1000:
        out = "零" + out
    return out


def to_chinese(n: int, *, liang: bool = False, short_ten: bool = False) -> str:
    """``n`` (0 <= n <= 10^12) in Chinese numerals as a careful writer spells it:
    一万亿, 三千五百, 一亿零一. ``liang``: 两 for a leading 二 (两万); ``short_ten``:
    十二 for 一十二 at the start."""
    if n == 0:
        return "零"
    yi, rest = divmod(n, 10**8)
    out = ""
    if yi:
        out = _below_yi(yi, leading=True) + "亿"
    if rest:
        out += _below_yi(rest, leading=not yi)
    if short_ten and out.startswith("一十"):
        out = out[1:]
    if liang and out.startswith("二") and len(out) > 1 and out[1] in "千百万亿":
        out = "两" + out[1:]
    return out


integers = st.integers(min_value=0, max_value=TOP)


@given(integers, st.booleans(), st.booleans())
@settings(max_examples=3000)
def test_every_integer_in_chinese_numerals_parses_back(n: int, liang: bool, short_ten: bool) -> None:
    written = to_chinese(n, liang=liang, short_ten=short_ten)
    assert parse_chinese(written) == n, written
    assert parse_number(written) == n, written


@given(integers)
@settings(max_examples=2000)
def test_every_integer_in_arabic_digits_parses_back(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n  # thousands separators
    full_width = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_number(full_width) == n


@given(integers, st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
@settings(max_examples=2000)
def test_every_integer_with_wan_and_yi_parses_back(n: int, mult: tuple[str, int]) -> None:
    word, k = mult
    digits = format(Decimal(n) / k, "f")
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    assert parse_number(digits + word) == n, digits + word


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("三千五百", 3500), ("两万", 20000), ("十", 10), ("十二", 12), ("一百二十", 120), ("三千五", 3500),
        ("两万五", 25000), ("一亿零一", 100000001), ("七万二千亿", 7.2e12), ("二〇一八", 2018),
        ("3.2万", 32000), ("7.2万亿", 7.2e12), ("174亿", 1.74e10), ("1,234.5", 1234.5), ("１２３", 123),
        ("1.5千万", 15_000_000),
    ],
)
def test_written_forms(written: str, value: float) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize("junk", ["", "abc", "百千", "三百二百", "1.2.3", "一" * 40, "3千"])
def test_not_numbers(junk: str) -> None:
    assert parse_number(junk) is None


def test_long_digit_runs_are_not_numbers() -> None:
    assert parse_arabic("9" * 500) is None


ALPHABET = st.sampled_from(
    list("0123456789０１２３.,，。;；:：、()（）“”\"-—~至到余多约近超过逾以上下左右万亿千百十"
         "一二两三四五六七八九零〇年月日号时分起名人次个吨克公斤千元%％‰倍成第全省市国同比下降增长占 \n")
    + ["破获", "案件", "缴获毒品", "今年", "去年", "1至5月", "上半年", "截至", "以来", "目前", "云南", "全省",
       "萬(wàn)", "區(qū)", "百分点", "个百分点", "“5·14”", "6·26"]
)


@given(st.lists(ALPHABET, max_size=200).map("".join))
@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
def test_random_press_like_text_never_raises(text: str) -> None:
    figures = extract(text)
    assert isinstance(figures, list)
    for f in figures:
        assert text[f.start : f.end] == f.mention


@given(st.text(max_size=300))
@settings(max_examples=300)
def test_random_unicode_never_raises(text: str) -> None:
    assert isinstance(extract(text), list)


@pytest.mark.parametrize("unit", ["场次", "班次", "航次", "件次"])
def test_counts_of_occasions_keep_their_whole_unit(unit: str) -> None:
    # 开展宣传培训120余场次: the unit is 场次, and the subject is what was held, not 培训次
    (f,) = extract(f"全年共开展消防宣传培训120余{unit}。")
    assert (f.value, f.unit, f.qualifier) == (120, unit, "over")
    assert f.subject.endswith("消防宣传培训")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("全年全市综合能源消费量1260万吨标准煤。", 12600000, "吨标准煤"), ("全年全市平均降水量612.4毫米。", 612.4, "毫米")],
)
def test_energy_in_coal_equivalent_and_rainfall_keep_their_whole_unit(text: str, value: float, unit: str) -> None:
    # 吨标准煤 is energy, not a mass of 吨; 毫米 is not 米
    (f,) = extract(text)
    assert (f.value, f.unit) == (value, unit)


def test_a_list_of_a_ratios_bare_values_is_read_to_its_end() -> None:
    # 综合指数分别为3.71、4.02、4.15: values of a ratio named once, listed without a unit
    got = [f.mention for f in extract("排名前三位的城市依次为大同市、朔州市、忻州市，综合指数分别为3.71、4.02、4.15。")]
    assert got == ["3.71", "4.02", "4.15"]


def test_a_vehicle_class_is_no_figure_and_take_offs_and_landings_are_no_decrease() -> None:
    text = ("假期全省高速公路通行车辆2086.4万辆次，其中7座及以下小型客车免费通行1792.3万辆次。"
            "两大机场共保障航班起降7420架次。断面氨氮浓度为2.38毫克/升。")
    got = {f.mention: f for f in extract(text)}
    assert "7座" not in got
    assert got["7420架次"].value == 7420
    assert (got["2.38毫克/升"].value, got["2.38毫克/升"].unit) == (2.38, "毫克/升")


def test_a_respectively_list_whose_items_each_write_their_ten_thousands_takes_the_last_items_unit() -> None:
    # 分别为218万、165万和142万人次: every item carries its own 万, the counting word comes once at the end
    got = {f.mention: f for f in extract("三个县区接待游客分别为31万、26.5万和18万人次。")}
    assert [(got[m].value, got[m].unit) for m in ("31万", "26.5万", "18万人次")] == [
        (310000, "人次"), (265000, "人次"), (180000, "人次")
    ]


def test_freight_and_passenger_turnover_keep_their_compound_units() -> None:
    got = {f.mention: f for f in extract("货物周转量612.4亿吨公里,旅客周转量38.6亿人公里。")}
    assert (got["612.4亿吨公里"].unit, got["38.6亿人公里"].unit) == ("吨公里", "人公里")


_PLAIN_NUM_RE = re.compile(r"\d+(?:,\d{3})*(?:\.{1,2}\d+)?|[零〇一二两三四五六七八九十百千万亿]+")


@settings(max_examples=2000)
@given(st.text(alphabet="0123456789,.零〇一二两三四五六七八九十百千万亿起人 ٣", max_size=24))
def test_the_number_pattern_opening_with_one_class_finds_what_the_alternation_finds(text: str) -> None:
    # NUM_RE opens with one class so that its search skips at C speed: the same numbers as the plain form
    assert [m.span() for m in NUM_RE.finditer(text)] == [m.span() for m in _PLAIN_NUM_RE.finditer(text)]
    for k in range(len(text)):
        a, b = NUM_RE.match(text, k), _PLAIN_NUM_RE.match(text, k)
        assert (a.span() if a else None) == (b.span() if b else None)


@settings(max_examples=2000)
@given(
    st.from_regex(r"[0-9]{1,15}(?:\.{1,2}[0-9]{1,8})?", fullmatch=True),
    st.sampled_from([1000, 10**4, 10**7, 10**8, 10**11, 10**12]),
)
def test_digits_scaled_in_place_are_the_exact_decimal_product(digits: str, factor: int) -> None:
    # read_numbers scales a number in ASCII digits (3.2万) as one integer over a power of ten: the very
    # float the exact Decimal product gives
    from extractors.numbers import scale
    from extractors.quantities import _scaled

    assert repr(_scaled(digits, factor)) == repr(scale(digits, factor))
