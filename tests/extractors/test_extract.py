"""Specific rows from small texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from extractors import EXTRACTOR_VERSION, extract
from extractors.errors import DuplicateExtractor
from extractors.model import Figure
from extractors.registry import EXTRACTORS, register, stage

PUB = date(2018, 6, 26)


def rows(text: str, published: date | None = PUB, region: str | None = None) -> dict[str, Figure]:
    figures = extract(text, published=published, region=region)
    for f in figures:
        assert text[f.start : f.end] == f.mention
        assert f.sentence_start <= f.start < f.end <= f.sentence_end
    return {f.mention: f for f in figures}


def only(text: str, **kw: object) -> Figure:
    figs = extract(text, published=kw.pop("published", PUB), **kw)  # type: ignore[arg-type]
    assert len(figs) == 1, [f.mention for f in figs]
    return figs[0]


# ------------------------------------------------------------------ the archetype


def test_aggregate_rows_with_period_region_subject_metric() -> None:
    r = rows("据悉,今年1至5月,全省共破获毒品刑事案件5453起,缴获毒品11689.4公斤,抓获犯罪嫌疑人5648人。", region="云南省")
    cases = r["5453起"]
    assert (cases.value, cases.unit, cases.qualifier, cases.kind) == (5453, "起", "exact", "aggregate")
    assert (cases.period_start, cases.period_end) == (date(2018, 1, 1), date(2018, 5, 31))
    assert (cases.region, cases.region_code) == ("云南省", "530000")
    assert cases.subject == "破获毒品刑事案件"
    assert cases.metric == "narcotics.cases_solved"
    drugs = r["11689.4公斤"]
    assert (drugs.unit_family, drugs.value_normalised, drugs.unit_normalised) == ("mass", 11689.4, "kg")
    assert drugs.metric == "narcotics.drugs_seized"
    assert r["5648人"].metric == "narcotics.suspects_arrested"
    assert cases.extractor == "narcotics" and cases.extractor_version


def test_named_area_wins_over_the_source_region() -> None:
    f = only("今年以来,昆明警方共破获毒品案件120起。", region="云南省")
    assert f.region == "昆明市" and f.region_code == "530100"


def test_region_from_the_text_without_a_source() -> None:
    r = rows("湖北省禁毒委员会通报,去年全省破获毒品案件5703起。")
    assert r["5703起"].region == "湖北省"
    assert (r["5703起"].period_start, r["5703起"].period_end) == (date(2017, 1, 1), date(2017, 12, 31))


# ------------------------------------------------------------------ numbers and units


@pytest.mark.parametrize(
    ("text", "mention", "value", "unit", "qualifier"),
    [
        ("去年共抓获犯罪嫌疑人两万余人。", "两万余人", 20000, "人", "over"),
        ("全年破获案件三千五百起。", "三千五百起", 3500, "起", "exact"),
        ("打掉团伙十余个。", "十余个", 10, "个", "over"),
        ("破获案件一百二十起。", "一百二十起", 120, "起", "exact"),
        ("全省破获案件3.2万起。", "3.2万起", 32000, "起", "exact"),
        ("现已接入7.2万亿条数据。", "7.2万亿条", 7.2e12, "条", "exact"),
        ("实现生产总值174亿元。", "174亿元", 1.74e10, "元", "exact"),
        ("案值1,234,567元。", "1,234,567元", 1234567, "元", "exact"),
        ("查获毒品约80千克。", "约80千克", 80, "千克", "approx"),
        ("缴获易制毒化学品近3吨。", "近3吨", 3, "吨", "under"),
        ("涉案金额超过500万元。", "超过500万元", 5_000_000, "元", "over"),
        ("缴获毒品逾291千克。", "逾291千克", 291, "千克", "over"),
        ("增长幅度保持在9%左右。", "9%左右", 9, "%", "approx"),
        ("接警不足100次。", "不足100次", 100, "次", "under"),
        ("查获毒品１２３克。", "１２３克", 123, "克", "exact"),
    ],
)
def test_numbers_units_qualifiers(text: str, mention: str, value: float, unit: str, qualifier: str) -> None:
    f = rows(text)[mention]
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)


def test_money_and_mass_are_normalised() -> None:
    r = rows("缴获毒品8.28吨、海洛因203克,毒资33万元。")
    assert r["8.28吨"].value_normalised == pytest.approx(8280)
    assert r["203克"].value_normalised == pytest.approx(0.203)
    assert (r["33万元"].value_normalised, r["33万元"].unit_normalised) == (330000, "yuan")


def test_range_is_one_row() -> None:
    f = only("每起案件抓获嫌疑人3至5人。")
    assert (f.value, f.value_high, f.unit, f.mention) == (3, 5, "人", "3至5人")
    g = only("查获原料10-15吨。")
    assert (g.value, g.value_high, g.unit) == (10, 15, "吨")


def test_changes_shares_and_points() -> None:
    r = rows("全市发案同比下降12.3%,环比上升2.5%,破案率达95.3%,比上年提高1.8个百分点,缴获量占全国80%以上。")
    assert (r["12.3%"].value, r["12.3%"].comparison) == (-12.3, "yoy")
    assert (r["2.5%"].value, r["2.5%"].comparison) == (2.5, "mom")
    assert r["95.3%"].value == 95.3
    assert (r["1.8个百分点"].value, r["1.8个百分点"].unit_family) == (1.8, "points")
    share = r["80%以上"]
    assert (share.value, share.qualifier, share.comparison) == (80, "over", "share")


def test_falling_to_a_level_is_not_a_decrease() -> None:
    f = only("吸毒人员占总人口的比例下降到0.7‰。")
    assert f.value == 0.7


def test_counts_written_as_decreases_are_negative() -> None:
    f = only("与上年同期相比,事故起数减少387起。")
    assert f.value == -387


# ------------------------------------------------------------------ not figures


@pytest.mark.parametrize(
    "text",
    [
        "5月22日13时许,民警在现场处置。",
        "犯罪嫌疑人张某,现年49岁。",
        "成功侦破“11·27”专案。",
        "开展第四轮禁毒人民战争。",
        "举报电话0871-12345678。",
        "深化“5·14”堵源截流机制。",
        "2018年是关键之年。",
        "在“6·26”国际禁毒日到来之际。",
        "查看: 260|回复: 0",
        "警方与群众一起行动。",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract(text, published=PUB) == []


def test_a_case_category_is_not_ten_thousand_grams() -> None:
    f = only("查破万克案件1起。")
    assert (f.value, f.unit, f.subject) == (1, "起", "查破万克案件")


def test_thresholds_in_a_category_are_not_figures() -> None:
    f = only("打掉5人以上涉毒团伙20多个。")
    assert (f.mention, f.value, f.qualifier) == ("20多个", 20, "over")


# ------------------------------------------------------------------ periods and kinds


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("去年全省破获案件934起。", date(2017, 1, 1), date(2017, 12, 31)),
        ("前年全省破获案件934起。", date(2016, 1, 1), date(2016, 12, 31)),
        ("今年全省破获案件934起。", date(2018, 1, 1), PUB),
        ("上半年全省破获案件934起。", date(2018, 1, 1), date(2018, 6, 30)),
        ("一季度全省破获案件934起。", date(2018, 1, 1), date(2018, 3, 31)),
        ("2016年以来,全省破获案件934起。", date(2016, 1, 1), PUB),
        ("自5月16日投入试运行以来,查获嫌疑人934名。", date(2018, 5, 16), PUB),
        ("截至5月底,全省在册吸毒人员934名。", None, date(2018, 5, 31)),
        ("目前全省创建无毒社区934个。", None, PUB),
        ("2017年全年破获案件934起。", date(2017, 1, 1), date(2017, 12, 31)),
        ("前5月查获走私物品934件。", date(2018, 1, 1), date(2018, 5, 31)),
        ("近三年来,年均增幅达15.6%。", None, None),
    ],
)
def test_periods(text: str, start: date | None, end: date | None) -> None:
    f = only(text)
    assert (f.period_start, f.period_end) == (start, end)
    assert f.kind == "aggregate"


def test_quarters_are_cumulative_and_read_in_the_year_they_are_past() -> None:
    f = only("前三季度全省破获案件934起。", published=date(2018, 10, 24))
    assert (f.period_start, f.period_end) == (date(2018, 1, 1), date(2018, 9, 30))
    g = only("第三季度,全市实现生产总值274.79亿元。", published=date(2018, 10, 24))
    assert (g.period_start, g.period_end) == (date(2018, 1, 1), date(2018, 9, 30))
    h = only("前三季度全省破获案件934起。", published=date(2019, 2, 1))  # last year's
    assert (h.period_start, h.period_end) == (date(2018, 1, 1), date(2018, 9, 30))


def test_period_is_carried_across_sentences_and_paragraphs() -> None:
    r = rows("2007年,全市深入开展交通整治。\n全市共发生道路交通事故2594起,死亡392人。")
    for m in ("2594起", "392人"):
        assert (r[m].period_start, r[m].period_end) == (date(2007, 1, 1), date(2007, 12, 31))


def test_without_a_publication_date_relative_periods_are_null() -> None:
    f = only("今年以来,全省破获毒品案件387起。", published=None)
    assert (f.period_start, f.period_end) == (None, None)


def test_publication_date_read_from_the_dateline() -> None:
    f = only("禁毒工作通报\n2019年03月02日 10:00 来源:某某日报\n去年全省破获毒品案件387起。", published=None)
    assert (f.period_start, f.period_end) == (date(2018, 1, 1), date(2018, 12, 31))


def test_an_incident_is_an_event_on_its_day() -> None:
    r = rows("8月28日,某县警方破获一起贩毒案,缴获海洛因3公斤,抓获犯罪嫌疑人2名。", published=date(2019, 9, 2))
    for m in ("3公斤", "2名"):
        assert r[m].kind == "event"
        assert (r[m].period_start, r[m].period_end) == (date(2019, 8, 28), date(2019, 8, 28))


def test_an_undated_incident_is_an_event_without_dates() -> None:
    f = only("近日,警方侦破一宗运输毒品案,缴获冰毒5千克。")
    assert (f.kind, f.period_start, f.period_end) == ("event", None, None)


def test_a_heading_takes_the_period_of_the_body_figure_it_repeats() -> None:
    r = rows("云南缴毒量增2.1倍\n今年1至5月,全省缴获各类毒品221.5千克,同比增加2.1倍。", region="云南省")
    heading = next(f for f in extract("云南缴毒量增2.1倍\n今年1至5月,全省缴获毒品221.5千克,同比增加2.1倍。", published=PUB) if f.start == 0 or f.start < 10)
    assert (heading.period_start, heading.period_end) == (date(2018, 1, 1), date(2018, 5, 31))
    assert r["221.5千克"].period_end == date(2018, 5, 31)


# ------------------------------------------------------------------ regions


def test_scope_words_resolve_against_the_area_named() -> None:
    r = rows("其中,毕节市查处1900多人;全省强制隔离戒毒4780多人。", region="贵州省")
    assert r["1900多人"].region == "毕节市"
    assert r["4780多人"].region == "贵州省"


def test_national_share_keeps_the_province() -> None:
    f = only("云南省海洛因缴获量占全国80%以上。")
    assert f.region == "云南省"


def test_dateline_city_is_not_the_region() -> None:
    f = only("新华社昆明5月9日电 云南公安边防总队共查获贩毒案件102起。", published=date(2005, 5, 9))
    assert f.region == "云南省"


# ------------------------------------------------------------------ traditional characters and glosses


def test_traditional_text_with_pinyin_glosses_keeps_original_offsets() -> None:
    text = "去年全區(qū)共破獲毒品案件24.1萬(wàn)起,繳獲毒品3.5噸。"
    figs = extract(text, published=PUB, region="广西壮族自治区")
    by_value = {f.value: f for f in figs}
    f = by_value[241000]
    assert text[f.start : f.end] == f.mention == "24.1萬(wàn)起"
    assert f.unit == "起" and f.subject == "破获毒品案件"
    assert f.region == "广西壮族自治区"
    g = by_value[3.5]
    assert (g.unit, g.value_normalised) == ("吨", 3500)


# ------------------------------------------------------------------ contract


def test_odd_input_gives_an_empty_list() -> None:
    assert extract("") == []
    assert extract("   \n") == []
    assert extract("没有任何数字的一段话。") == []


def test_registry_refuses_a_duplicate_name() -> None:
    with pytest.raises(DuplicateExtractor):
        register("generic", "9")(lambda figures: figures)
    names = [e.name for e in EXTRACTORS]
    assert [e.name for e in stage("recognise")] == ["generic"]
    assert {"narcotics", "public_security", "economy"} <= {e.name for e in stage("refine")}
    assert len(names) == len(set(names))
    assert EXTRACTOR_VERSION


def _one(text: str, mention: str, **kw):
    from datetime import date

    from extractors import extract

    figs = [f for f in extract(text, published=kw.pop("published", date(2023, 6, 20)), **kw) if f.mention == mention]
    assert figs, f"{mention!r} not found"
    return figs[0]


def test_national_scope_holds_for_its_sentence_only():
    text = ("该中心的任务是汇集全国禁毒数据资源,建成全国禁毒数据枢纽。"
            "自4月1日试运行以来,全省根据模型预警查获运毒嫌疑人120余名。")
    f = _one(text, "120余名", region="贵州省")
    assert f.region == "贵州省"


def test_national_figure_in_its_own_sentence_is_national():
    f = _one("今年以来,全国共破获毒品案件2.1万起。", "2.1万起", region="贵州省")
    assert f.region == "全国"


def test_quoted_name_after_the_number_is_the_subject():
    f = _one("目前全市已创建8个“无毒社区”。", "8个", region="遵义市")
    assert f.subject == "创建无毒社区"


def test_rate_noun_stays_in_the_subject():
    f = _one("平台已接入数据3.1亿条,数据日增量420万条。", "420万条", region="贵州省")
    assert f.subject == "数据日增量"


def test_share_of_the_country_is_of_what_stands_before():
    f = _one("2021年以来,全省冰毒、海洛因缴获量占全国60%以上。", "60%以上", region="贵州省")
    assert f.subject == "冰毒、海洛因缴获量" and f.comparison == "share" and f.qualifier == "over"


def test_prefecture_scope_from_a_county_level_city_is_its_autonomous_prefecture():
    text = ("5月22日,瑞丽市公安局民警在查缉点查获冰毒片剂39.6公斤。"
            "今年以来,全州公安机关已破获毒品刑事案件600余起。")
    f = _one(text, "600余起", published=__import__("datetime").date(2024, 5, 23))
    assert f.region == "德宏傣族景颇族自治州" and f.region_code == "533100"


def test_no_figure_from_a_linked_title_with_a_quoted_name() -> None:
    # a quoted name inside a furniture line used to hide the line from the furniture check
    text = (
        "今年以来，全市共查处交通违法行为1.2万起。\n"
        "上一篇：某区开展“平安出行”宣传活动 发放资料3000余份\n"
        "相关新闻\n"
        "· 某县“清源”行动查处涉案人员210名（2024-05-02）\n"
    )
    assert [f.value for f in extract(text, published=date(2024, 6, 1))] == [12000]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the points of a list written once, after its last item
        ("各项占比较上年分别下降0.3个、下降1.1个、提高1.4个百分点。",
         [(-0.3, "个百分点"), (-1.1, "个百分点"), (1.4, "个百分点")]),
        ("另一名嫌疑人李某被抓获，警方共抓获嫌疑人4名。", [(4, "名")]),  # 另一名: another, not a count
        ("会议传达了市委九届三次全会精神，全市新增就业1.2万人。", [(12000, "人")]),  # 届 then a session
        ("该团伙流窜作案不下百起。", [(100, "起")]),  # 不下: no fewer than
        ("今年以来，中欧班列开行1240列，每开行一列可节省运费约3万元。", [(1240, "列"), (30000, "元")]),
    ],
)
def test_numbers_a_count_reads_and_words_it_does_not(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in extract(text, published=date(2024, 6, 1))] == expected


def test_rainfall_in_millimetres_is_read_and_a_pictures_number_is_not() -> None:
    text = "今年以来，全市平均降雨量1136毫米，较常年偏多21%。\n文章图片1\n全市累计转移群众2.3万人。\n"
    assert [(f.value, f.unit) for f in extract(text, published=date(2024, 9, 1))] == [
        (1136, "毫米"), (21, "%"), (23000, "人"),
    ]


def test_a_measure_written_once_after_a_list_of_numbers_is_each_numbers() -> None:
    text = "今年上半年，全市PM2.5、PM10、臭氧浓度分别为21、38、96微克/立方米。"
    assert [(f.value, f.unit) for f in extract(text, published=date(2024, 7, 10))] == [
        (21, "微克/立方米"), (38, "微克/立方米"), (96, "微克/立方米"),
    ]


def test_a_count_written_once_after_a_list_after_fenbie_is_each_numbers() -> None:
    text = "今年以来，甲、乙、丙三县分别破获毒品案件14、9和6起。"
    assert [(f.value, f.unit) for f in extract(text, published=date(2024, 7, 10))] == [(14, "起"), (9, "起"), (6, "起")]
