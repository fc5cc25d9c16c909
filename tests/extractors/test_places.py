"""extractors.places: the role of every place mention and the area a release speaks for, on
invented releases."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import extract, places
from extractors.document import Document


def _roles(text: str) -> dict[str, str]:
    doc = Document(text)
    return {m.text: m.role for m in places.mentions(doc)}


def _focus(text: str, region: str | None = None) -> places.Focus:
    doc = Document(text, region=region)
    return places.focus(doc, places.mentions(doc))


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("民警赴广州抓获嫌疑人3名。", "广州", places.ORIGIN),
        ("毒品来自四川、广东等地。", "广东", places.ORIGIN),  # the list goes on in the role it began with
        ("湖南籍男子李某被抓获。", "湖南", places.ORIGIN),
        ("据昆明日报报道，全市破获案件5起。", "昆明", places.MEDIA),
        ("新华社昆明5月9日电 全省破获案件5起。", "昆明", places.DATELINE),
        ("海峡导报驻福州记者报道。", "福州", places.REPORTER),
        ("在云南禁毒部门的协助下破获此案。", "云南", places.HELPER),
        ("重庆市公安局联合铜梁区公安局破获一起案件。", "铜梁区", places.HELPER),
        ("凤庆县公安局破获一起案件。", "凤庆县", places.AGENCY),
        ("增速居全省第二。", "全省", places.COMPARE),
        ("高于全省1.6个百分点。", "全省", places.COMPARE),
        ("占全国缴毒总量的56.4%。", "全国", places.COMPARE),
        ("为全省乃至全国作出贡献。", "全国", places.RHETORIC),
        ("荣获全国先进集体称号。", "全国", places.NAME),
        ("前往广州越秀区某物流公司办理寄递。", "越秀区", places.ORIGIN),  # inside the place before it
        ("隐匿在合浦县一所学校附近。", "合浦县", places.SITE),
        ("昆明市破获毒品案件12起。", "昆明市", places.AREA),
    ],
)
def test_roles(text: str, name: str, role: str) -> None:
    assert _roles(text)[name] == role


def test_a_county_release_is_resolved_from_its_title() -> None:
    text = "缙云上半年经济运行稳中有进\n上半年，全县实现生产总值145.17亿元，同比增长6.4%，增速居全市第2。"
    f = _focus(text)
    assert f.place is not None and f.place.name == "缙云县" and f.place.code == "331122"
    assert f.rule == "title"
    rows = {x.mention: x for x in extract(text, published=date(2023, 7, 27))}
    assert rows["145.17亿元"].region == "缙云县"
    assert rows["145.17亿元"].region_code == "331122"
    assert rows["145.17亿元"].region_from == "全县"  # the scope word, resolved against the title's county


def test_the_narrowest_area_the_title_states() -> None:
    f = _focus("[安徽] 2021年宿州市国民经济和社会发展统计公报\n全年地区生产总值2167.67亿元。")
    assert f.place is not None and f.place.name == "宿州市"


def test_scope_words_decide_between_a_city_agency_and_its_province() -> None:
    text = "今年以来，全省共破获毒品案件382起。4月29日，石家庄市公安局破获一起案件。目前，我省在册吸毒人员1.4万人。"
    f = _focus(text)
    assert f.place is not None and f.place.name == "河北省"


def test_a_province_abbreviation_opening_a_title() -> None:
    f = _focus("闽前10月冻结止付被骗资金3.54亿元\n我省重拳打击电信网络诈骗，今年1至10月冻结止付被骗资金3.54亿元。")
    assert f.place is not None and f.place.name == "福建省"


def test_an_agency_whose_name_holds_no_division() -> None:
    f = _focus("拱北海关去年查办9000余起走私案件\n北京青年报客户端讯 拱北海关去年全年共查办走私违法案件9078起。")
    assert f.place is not None and f.place.name == "珠海市"


def test_the_configured_region_is_the_last_resort() -> None:
    f = _focus("今年以来，全省共破获毒品案件100起。", region="云南省")
    assert f.place is not None and f.place.name == "云南省" and f.rule == "configured"


def test_places_listed_side_by_side_speak_for_the_area_holding_them() -> None:
    # a city's release that names no place of its own but lists three of its county-level cities: the
    # city holding them is its area (the scope word 全市 fits every one of them as well)
    text = (
        "前三季度我市文旅消费持续回暖\n记者从市文化广电旅游局获悉，前三季度全市接待游客5210万人次。\n"
        "分县（市、区）看，福清市、长乐区、闽侯县接待游客分别为612万人次、488万人次和375万人次。\n"
        "全市旅游总收入达612.4亿元。"
    )
    f = _focus(text)
    assert f.place is not None and f.place.name == "福州市"
    assert f.rule == "places listed under it"
    rows = {x.mention: x for x in extract(text, published=date(2024, 10, 20))}
    assert rows["612.4亿元"].region == "福州市"
    assert rows["488万人次"].region == "长乐区"


def test_a_local_outlet_in_the_dateline_names_its_area() -> None:
    f = _focus("我市外贸稳中有升\n漳州网3月5日讯 今年1-2月，全市外贸进出口总额88.6亿元。")
    assert f.place is not None and f.place.name == "漳州市" and f.rule == "media"


def test_autonomous_divisions_read_as_the_text_names_them() -> None:
    rows = {x.mention: x for x in extract("德宏州公安局今年以来破获毒品案件120起。", published=date(2024, 5, 1))}
    assert rows["120起"].region == "德宏州"
    assert rows["120起"].region_code == "533100"


def test_an_autonomous_division_written_in_full_anywhere_is_printed_in_full() -> None:
    # the title says 楚雄州, the agency line the official name: the rows take the official name; a text that
    # writes only the short form keeps it (德宏州 above)
    text = "2019年楚雄州交通运输统计公报\n楚雄彝族自治州交通运输局  2020年4月10日\n年末全州公路总里程2.58万公里。"
    rows = {x.mention: x for x in extract(text, published=date(2020, 4, 10))}
    assert rows["2.58万公里"].region == "楚雄彝族自治州"


def test_a_county_named_as_it_was_before_it_became_a_city_is_that_city() -> None:
    # 兴仁县 became 兴仁市 in 2018: a 2012 release lists it as a county, and the list still hands its figures out
    text = "黔西南州禁毒工作通报\n兴义市、兴仁县、安龙县分别破获毒品案件97起、54起、41起。"
    rows = {x.mention: x for x in extract(text, published=date(2012, 6, 26))}
    assert rows["54起"].region_code == "522302"
    assert rows["41起"].region == "安龙县"


def test_a_local_dateline_of_place_and_xun_names_the_county() -> None:
    # 安远讯（县林业局 张某）: the county is named only by the item's dateline; 全县 is that county
    text = "我县油茶产业稳步发展\n安远讯（县林业局 张明）\n\n目前,全县油茶种植面积达到21.3万亩。"
    f = _focus(text)
    assert f.place is not None and f.place.name == "安远县"
    rows = {x.mention: x for x in extract(text, published=date(2018, 11, 6))}
    assert rows["21.3万亩"].region == "安远县"


def test_a_national_release_naming_provinces_speaks_for_the_country() -> None:
    # a ministry's report on the country (全国 in its title and body, no local scope word): the provinces it
    # names are parts; provinces counted together (等6个省份) are the country's too
    text = (
        "水利部发布2023年上半年全国水旱灾害情况\n上半年,洪涝灾害共造成全国860余万人次受灾,直接经济损失310亿元。"
        "其中湖南省受灾人口120.6万人次。与近5年同期均值相比,直接经济损失下降21.4%。\n"
        "5月中下旬,云南、贵州、四川等6个省份出现旱情,受灾人口410余万人次。全国共有水库9.8万座。"
    )
    f = _focus(text)
    assert f.place is places.NATIONAL
    rows = {x.mention: x for x in extract(text, published=date(2023, 7, 14))}
    assert rows["21.4%"].region == "全国"
    assert rows["120.6万人次"].region == "湖南省"
    assert rows["410余万人次"].region == "全国"


def test_places_listed_then_distributed_by_fenbie() -> None:
    text = "山东省外贸进出口情况\n青岛、烟台两市进出口均超千亿元，分别进出口4588.6亿元、2800.7亿元。"
    rows = {x.mention: x for x in extract(text, published=date(2017, 12, 14))}
    assert rows["4588.6亿元"].region == "青岛市"
    assert rows["2800.7亿元"].region == "烟台市"


def test_a_districts_short_name_before_fenju_is_its_police_and_its_area() -> None:
    # 武清分局: the district's police sub-bureau, named by the district's short form
    got = {f.mention: f for f in extract("南开公安分局破获刑事案件516起;武清分局破获刑事案件同比上升27.4%。", region="天津市")}
    assert got["27.4%"].region == "武清区"
