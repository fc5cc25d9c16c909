"""Tests of extractors.regions: the table, lookup and matching in text."""

from __future__ import annotations

import time

import pytest

from extractors.regions import (
    DATA_PATH,
    Region,
    all_regions,
    by_code,
    find_regions,
    lookup,
    normalise_name,
)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], r.name) for a, b, r in find_regions(text)]


# --- the table ------------------------------------------------------------


def test_table_counts() -> None:
    regions = all_regions()
    provinces = [r for r in regions if r.level == "province"]
    prefectures = [r for r in regions if r.level == "prefecture"]
    assert len(provinces) == 34
    assert len(prefectures) == 333
    assert len({r.code for r in regions}) == len(regions)
    assert len({r.name for r in regions}) == len(regions)


def test_table_is_consistent() -> None:
    for r in all_regions():
        assert len(r.code) == 6 and r.code.isdigit()
        assert r.province.level == "province"
        assert r.province_code == r.code[:2] + "0000"
        if r.level == "province":
            assert r.code.endswith("0000") and r.parent_code == ""
        elif r.level == "prefecture":
            assert r.parent_code == r.province_code and r.code.endswith("00")
        else:
            parent = by_code(r.parent_code)
            assert parent is not None and parent.level in ("province", "prefecture")
        assert all(len(a) >= 2 for a in r.aliases), r
        assert all(len(a) == 1 for a in r.abbr), r
        assert not r.abbr or r.level == "province"


def test_table_file_is_readable() -> None:
    lines = DATA_PATH.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:5] == ["code", "name", "level", "parent_code", "province_code"]
    assert all(len(line.split("\t")) == len(lines[0].split("\t")) for line in lines)


@pytest.mark.parametrize(
    ("name", "code", "level"),
    [
        ("云南省", "530000", "province"),
        ("昆明市", "530100", "prefecture"),
        ("西双版纳傣族自治州", "532800", "prefecture"),
        ("广西壮族自治区", "450000", "province"),
        ("北海市", "450500", "prefecture"),
        ("绍兴市", "330600", "prefecture"),
        ("温州市", "330300", "prefecture"),
        ("扬州市", "321000", "prefecture"),
        ("南京市", "320100", "prefecture"),
        ("宁夏回族自治区", "640000", "province"),
        ("来宾市", "451300", "prefecture"),
        ("毕节市", "520500", "prefecture"),
        ("北京市", "110000", "province"),
        ("重庆市", "500000", "province"),
        ("香港特别行政区", "810000", "province"),
        ("澳门特别行政区", "820000", "province"),
        ("台湾省", "710000", "province"),
        ("大兴安岭地区", "232700", "prefecture"),
        ("锡林郭勒盟", "152500", "prefecture"),
        ("儋州市", "460400", "prefecture"),
        ("江门市", "440700", "prefecture"),
    ],
)
def test_known_codes(name: str, code: str, level: str) -> None:
    r = lookup(name)
    assert r is not None
    assert (r.code, r.name, r.level) == (code, name, level)
    assert by_code(code) == r


def test_kaiping_is_county_level() -> None:
    r = lookup("开平")
    assert r is not None and r.name == "开平市"
    assert r.level != "prefecture"
    assert r.parent_code == "440700"
    assert r.province.name == "广东省"
    assert lookup("开平市") == r


def test_province_property() -> None:
    km = lookup("昆明市")
    assert km is not None
    assert km.province.code == "530000"
    yn = by_code("530000")
    assert yn is not None and yn.province is yn


# --- lookup -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("寧夏回族自治區", "640000"),
        ("溫州", "330300"),
        ("温州", "330300"),
        ("昆明", "530100"),
        ("云南", "530000"),
        ("滇", "530000"),
        ("桂", "450000"),
        ("广西", "450000"),
        ("广西省", "450000"),
        ("内蒙古", "150000"),
        ("北京", "110000"),
        ("京", "110000"),
        ("西双版纳州", "532800"),
        ("西双版纳", "532800"),
        ("西雙版納州", "532800"),
        ("吉林", "220000"),
        ("吉林市", "220200"),
        ("海南", "460000"),
        ("海南州", "632500"),
        ("朝阳市", "211300"),
        ("  昆明市 ", "530100"),
        ("大理", "532900"),
        ("大理市", "532901"),
    ],
)
def test_lookup(query: str, code: str) -> None:
    r = lookup(query)
    assert r is not None, query
    assert r.code == code


@pytest.mark.parametrize("query", ["", "火星", "中", "大", "公安局"])
def test_lookup_misses(query: str) -> None:
    assert lookup(query) is None


def test_by_code_misses() -> None:
    assert by_code("999999") is None
    assert by_code("371200") is None  # 莱芜市, merged into 济南市 in 2019


def test_normalise_name() -> None:
    assert normalise_name("滇") == "云南省"
    assert normalise_name("西双版纳州") == "西双版纳傣族自治州"
    assert normalise_name("溫州") == "温州市"
    assert normalise_name("某某鎮") == "某某镇"


def test_region_is_frozen() -> None:
    r = lookup("昆明")
    assert isinstance(r, Region)
    with pytest.raises(AttributeError):
        r.name = "x"  # type: ignore[misc]


# --- find_regions -----------------------------------------------------------


def test_find_regions_sentence() -> None:
    text = "昆明市公安局联合西双版纳州警方在勐腊县"
    hits = find_regions(text)
    spans = [(a, b, r.code) for a, b, r in hits]
    assert (0, 3, "530100") in spans
    assert (8, 13, "532800") in spans
    assert text[8:13] == "西双版纳州"


def test_find_regions_offsets_into_traditional_text() -> None:
    text = "據雲南省昆明市公安局通報，西雙版納州警方"
    assert _found(text) == [("雲南省", "云南省"), ("昆明市", "昆明市"), ("西雙版納州", "西双版纳傣族自治州")]


def test_find_regions_offsets_across_removed_gloss() -> None:
    text = "全區(qū)與溫州市警方"
    assert _found(text) == [("溫州市", "温州市")]


def test_longest_match_first() -> None:
    assert _found("吉林省吉林市") == [("吉林省", "吉林省"), ("吉林市", "吉林市")]
    assert _found("内蒙古锡林郭勒盟") == [("内蒙古", "内蒙古自治区"), ("锡林郭勒盟", "锡林郭勒盟")]
    assert _found("红河哈尼族彝族自治州") == [("红河哈尼族彝族自治州", "红河哈尼族彝族自治州")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中山警方通报", [("中山", "中山市")]),
        ("广东中山", [("广东", "广东省"), ("中山", "中山市")]),
        ("东莞、中山等地", [("东莞", "东莞市"), ("中山", "中山市")]),
        ("大同、长治两地", [("大同", "大同市"), ("长治", "长治市")]),
        ("抚顺公安", [("抚顺", "抚顺市")]),
        ("红河个旧市", [("红河", "红河哈尼族彝族自治州"), ("个旧市", "个旧市")]),
        ("昆明市场监管局", [("昆明", "昆明市")]),
        ("在温州。", [("温州", "温州市")]),
        ("阳江", [("阳江", "阳江市")]),
    ],
)
def test_short_aliases_with_context(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中山路派出所",
        "中山大学",
        "中山西路",  # 中山 is skipped as a word: no 山西
        "中山东路",
        "长治久安",
        "大理石",
        "世界大同理想",
        "白山黑水",
        "东方市场",
        "幸福建设",
        "把东西藏在车里",
        "洞庭湖南岸",
        "江门街",
        "通化工",
        "朝阳群众",  # 朝阳 alone is not an alias
        "兴安县",  # 兴安 alone is not an alias of 兴安盟
    ],
)
def test_no_false_hits(text: str) -> None:
    assert find_regions(text) == []


def test_known_trade_off_sun_yat_sen() -> None:
    # documented: a bare 中山 before punctuation is taken as the city
    assert _found("纪念孙中山。") == [("中山", "中山市")]


def test_single_character_abbreviations_not_matched_in_text() -> None:
    assert find_regions("京津冀协同发展，滇桂黔石漠化") == []


def test_find_regions_is_fast() -> None:
    base = "2023年，全省公安机关破获毒品案件1234起，昆明市公安局联合西双版纳州警方在勐腊县开展行动，中山路上大同小异。"
    text = base * (1_000_000 // len(base))
    find_regions("预热")
    t0 = time.perf_counter()
    hits = find_regions(text)
    elapsed = time.perf_counter() - t0
    assert len(hits) == 3 * (1_000_000 // len(base))
    assert elapsed < 2.0
