"""Rules drawn from the blind rounds read for 0.18.0: a stock whose details name a public body, a part
named with 中 that details the sentence before, a rate of change after a year-end level, the year a
release with no publication date is still reporting, a plan for this year, a list of places whatever
word follows its last name, an outlet named like a district, the rates of a listed quantity, a county
city that became a district, and the verb 扩大 before 约. Each test is a short release written for the
rule."""

from __future__ import annotations

from datetime import date

from extractors.gazetteer import gazetteer
from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period

YEAR_END = (None, date(2023, 12, 31))
YEAR = (date(2023, 1, 1), date(2023, 12, 31))


def test_the_word_public_holds_no_total_so_a_year_end_stock_holds_on() -> None:
    # 公共 is a word, not the 共 of a total: 公共图书馆 is counted at the year's end like the rest
    got = _by_mention(
        "2023年末，全市文化机构总数达612个，比上年增加15个。其中：文化馆14个，公共图书馆13个，博物馆21个。",
        date(2024, 3, 20), "某市",
    )
    assert _period(got["612个"]) == YEAR_END
    assert _period(got["15个"]) == YEAR
    assert _period(got["13个"]) == YEAR_END
    assert _period(got["21个"]) == YEAR_END


def test_a_sentence_opening_with_a_part_just_named_and_zhong_details_it() -> None:
    # 博物馆中, after a sentence that counted 博物馆: the stock's date holds into it; a sentence that opens
    # with a 中 frame naming nothing counted before does not
    got = _by_mention(
        "2023年末，全市文化机构总数达612个。其中：文化馆14个，博物馆21个。博物馆中，国有博物馆9个，"
        "非国有博物馆12个。\n全年举办展览340场。",
        date(2024, 3, 20), "某市",
    )
    assert _period(got["9个"]) == YEAR_END
    assert _period(got["12个"]) == YEAR_END
    assert _period(got["340场"]) == YEAR


def test_a_rate_of_change_after_a_year_end_level_is_over_the_year() -> None:
    # 增长4.2% with no base of its own is the rate of the change just stated: over the year, like it
    got = _by_mention("2023年末，全市卫生技术人员达3.6万人，比上年增加1450人，增长4.2%。", date(2024, 3, 20), "某市")
    assert _period(got["3.6万人"]) == YEAR_END
    assert _period(got["1450人"]) == YEAR
    assert _period(got["4.2%"]) == YEAR


def test_with_no_publication_date_a_year_still_running_in_the_lead_is_the_releases_year() -> None:
    # 2024年 opens the lead, and the lead goes on to a part of that year (截至9月底): the release is written
    # in 2024, so 今年 and 1-9月 in later paragraphs are 2024's
    got = _by_mention(
        "记者从市住建局了解到，2024年全市计划新开工保障性住房3200套。截至9月底，已开工2950套。\n"
        "今年全市还计划改造老旧小区120个。\n"
        "1-9月，全市新建商品住房销售面积96.4万平方米。",
        None, "某市",
    )
    assert got["2950套"].period_end == date(2024, 9, 30)
    assert _period(got["120个"]) == (date(2024, 1, 1), date(2024, 12, 31))
    assert _period(got["96.4万平方米"]) == (date(2024, 1, 1), date(2024, 9, 30))


def test_with_no_publication_date_a_year_the_lead_reports_as_done_fixes_nothing() -> None:
    # 2022年 reported whole in the lead may be the year before the release's: 今年以来 is left undated
    got = _by_mention(
        "记者从会上获悉，2022年，全省破获毒品案件1050起。\n今年以来，全省破获毒品案件387起。",
        None, "某省",
    )
    assert _period(got["1050起"]) == (date(2022, 1, 1), date(2022, 12, 31))
    assert got["387起"].period_end is None


def test_a_plan_for_this_year_is_the_whole_year() -> None:
    # 今年……计划 names the year's plan: the whole year, for its sentence only
    got = _by_mention(
        "据介绍，今年全省计划完成交通投资1050亿元，一季度完成年度计划的26.3%。今年以来，全省新开工项目41个。",
        date(2016, 4, 19), "某省",
    )
    assert _period(got["1050亿元"]) == (date(2016, 1, 1), date(2016, 12, 31))
    assert _period(got["41个"]) == (date(2016, 1, 1), date(2016, 4, 19))


def test_a_list_of_places_hands_out_its_figures_whatever_word_follows_its_last_name() -> None:
    # 重点 after the last name is what each place counts, not a ranking
    got = _by_mention(
        "分地区看，乌鲁木齐市、昌吉州、伊犁州重点项目分别完成投资312.5亿元、268.4亿元、221.7亿元。",
        date(2014, 10, 16),
    )
    assert got["312.5亿元"].region == "乌鲁木齐市"
    assert got["268.4亿元"].region == "昌吉州"
    assert got["221.7亿元"].region == "伊犁州"


def test_an_outlet_named_like_a_district_names_no_area() -> None:
    # 天山网 is a portal, not 天山区: the places the release lists vote for the region holding them
    got = _by_mention(
        "天山网讯(记者 某某)记者10月15日从自治区发展改革委获悉，截至9月底，全区重点项目完成投资1865.3亿元。\n"
        "分地区看，乌鲁木齐市、昌吉州、伊犁州重点项目分别完成投资312.5亿元、268.4亿元、221.7亿元。",
        date(2014, 10, 16),
    )
    assert got["1865.3亿元"].region == "新疆维吾尔自治区"


def test_the_rates_after_a_listed_quantity_are_of_that_quantity() -> None:
    # 增速分别为 after 生产总值分别为: each rate is of the 生产总值 just listed, not of a quantity named 增速
    got = _by_mention(
        "章贡区、瑞金市、于都县一季度生产总值分别为52.4亿元、27.9亿元和17.6亿元,增速分别为12.3%、13.1%和12.7%。",
        date(2012, 4, 25),
    )
    for m in ("12.3%", "13.1%", "12.7%"):
        assert got[m].subject.startswith("生产总值")
    assert [got[m].region for m in ("12.3%", "13.1%", "12.7%")] == ["章贡区", "瑞金市", "于都县"]


def test_a_county_city_that_became_a_district_is_found_by_its_old_name() -> None:
    # 南康市 is 南康区 since 2013: a release of 2012 names it as it was
    assert gazetteer().lookup("南康市").name == "南康区"
    got = _by_mention("章贡区、南康市、赣县一季度生产总值分别为52.4亿元、27.9亿元和17.6亿元。", date(2012, 4, 25))
    # the row names it as the release does (0.19.0), with the district's code
    assert got["27.9亿元"].region == "南康市"
    assert got["27.9亿元"].region_code == gazetteer().lookup("南康区").code


def test_kuoda_before_yue_is_the_verb_and_yue_the_qualifier() -> None:
    # 扩大约150万亩: the verb 扩大, then 约 150万亩 (not 扩 + 大约)
    got = _by_mention("全省优质专用小麦种植面积达到1180万亩,较去年扩大约150万亩。", date(2016, 7, 8))
    f = got["约150万亩"]
    assert f.qualifier == "approx"
    assert f.subject.startswith("优质专用小麦种植面积")


def test_a_semicolon_closes_a_list_of_places() -> None:
    # the figure after the ; is not the first listed place's: the area in force is back
    got = _by_mention(
        "截至9月底，全省重点项目完成投资1865.3亿元。分地区看，昆明市、曲靖市重点项目分别完成投资312.5亿元、268.4亿元；"
        "其余地区重点项目完成投资386.9亿元。",
        date(2014, 10, 16), "云南省",
    )
    assert [got[m].region for m in ("312.5亿元", "268.4亿元")] == ["昆明市", "曲靖市"]
    assert got["386.9亿元"].region == "云南省"


def test_the_items_of_a_list_follow_the_verb_that_introduces_them() -> None:
    # 集中在A、B和C,分别为……: each figure is of its item, not of the clause that introduces them
    got = _by_mention(
        "从食品类别看，不合格样品主要集中在蔬菜制品、食用农产品和餐饮食品，分别为9批次、11批次和6批次。",
        date(2024, 6, 1),
    )
    assert [got[m].subject for m in ("9批次", "11批次", "6批次")] == ["蔬菜制品", "食用农产品", "餐饮食品"]


def test_a_month_alone_after_a_year_to_date_names_the_quantity_before() -> None:
    # 其中,5月份当月增长7.1%: 当月 is part of the period, and the rate is of the quantity before; a subject
    # that names something with 当月 keeps it
    got = _by_mention(
        "1-5月，全省规模以上工业增加值同比增长6.8%。其中，5月份当月增长7.1%。5月份当月出口增长3.2%。",
        date(2019, 6, 20),
    )
    assert got["7.1%"].subject == "规模以上工业增加值"
    assert _period(got["7.1%"]) == (date(2019, 5, 1), date(2019, 5, 31))
    assert "出口" in got["3.2%"].subject


def test_a_coverage_rate_of_insurance_is_a_stock() -> None:
    # 参保率 like 参保人数: as of the end of the period, not over it
    got = _by_mention("2011年，全县新型农村社会养老保险参保人数达22.5万人，参保率为92.7%。", date(2012, 2, 1))
    assert _period(got["22.5万人"]) == (None, date(2011, 12, 31))
    assert _period(got["92.7%"]) == (None, date(2011, 12, 31))


def test_this_years_crop_in_a_harvest_release_is_the_whole_year() -> None:
    # a release on a crop brought in (its title: 夏粮再获丰收): 今年's figures of the crop are the year's; a
    # running total of the work (今年累计完成) stays up to the release's day
    got = _by_mention(
        "某县2015年夏粮再获丰收\n今年，全县小麦种植面积86.2万亩，总产41.3万吨，比上年增加1.2万吨。"
        "全县今年累计完成小麦机收面积85.9万亩。",
        date(2015, 7, 3), "某县",
    )
    year = (date(2015, 1, 1), date(2015, 12, 31))
    assert _period(got["86.2万亩"]) == year
    assert _period(got["41.3万吨"]) == year
    assert _period(got["85.9万亩"]) == (date(2015, 1, 1), date(2015, 7, 3))


def test_this_year_in_a_release_on_no_harvest_runs_to_the_release() -> None:
    got = _by_mention("今年，全县共发生火灾145起，同比下降15.2%。", date(2025, 12, 11), "某县")
    assert _period(got["145起"]) == (date(2025, 1, 1), date(2025, 12, 11))


def test_on_the_spot_is_no_day_and_the_span_in_force_holds() -> None:
    # 当场 (on the spot) under a campaign's span dates nothing: the figures after it keep the span
    got = _by_mention(
        "市场监管局于2月1日至14日开展春节市场专项检查。\n检查期间，共发现问题213个，当场责令整改197个。"
        "立案查处价格违法案件17件，罚没款12.6万元。\n执法人员共抽检商品批次386个。",
        date(2016, 2, 15), "厦门市",
    )
    span = (date(2016, 2, 1), date(2016, 2, 14))
    for m in ("213个", "197个", "17件", "12.6万元", "386个"):
        assert _period(got[m]) == span, m
        assert got[m].kind == "aggregate", m


def test_work_done_on_what_was_found_is_done_in_the_span_in_force() -> None:
    # 发现隐患2874项,已整改2791项: the 已 of work done on what was found is no stock as of publication
    got = _by_mention(
        "今年以来，全县安全生产形势总体稳定。\n开展安全生产大检查，发现各类隐患2874项，已整改2791项。\n"
        "目前，全县已建成应急避难场所12个。",
        date(2019, 11, 28), "贺兰县",
    )
    span = (date(2019, 1, 1), date(2019, 11, 28))
    assert _period(got["2874项"]) == span
    assert _period(got["2791项"]) == span
    assert _period(got["12个"]) == (None, date(2019, 11, 28))


def test_an_age_in_zhousui_is_no_duration() -> None:
    # 18至25周岁: an age, not 25 weeks; the span in force holds
    got = _by_mention("2010年1月至10月，我院共起诉犯罪嫌疑人92人，其中18至25周岁的犯罪嫌疑人有39人。", date(2010, 11, 20))
    assert _period(got["39人"]) == (date(2010, 1, 1), date(2010, 10, 31))


def test_a_case_named_in_quotes_is_one_case() -> None:
    # 破获一起以“……”为名的……案: its figures are the case's, however long its name
    got = _by_mention(
        "今年7月，警方破获一起以“投资农业生态园”为名的非法吸收公众存款案，涉案公司向1800余名群众吸收资金3.2亿元。",
        date(2014, 10, 16), "西安市",
    )
    assert got["1800余名"].kind == "event"
    assert got["3.2亿元"].kind == "event"


def test_people_named_one_by_one_stand_for_the_noun_before_them() -> None:
    # 犯罪嫌疑人张某、李某等4人先后流窜……: what is counted is the 犯罪嫌疑人; 抓获邓某等3名主要犯罪嫌疑人
    # names its noun after the count
    got = _by_mention("经查，犯罪嫌疑人张某、李某等4人先后流窜至全县5个乡镇。", date(2010, 11, 20))
    assert got["4人"].subject == "犯罪嫌疑人"
    got = _by_mention("5月17日，专案组民警赴广东东莞，抓获邓某等3名主要犯罪嫌疑人。", date(2021, 5, 20))
    assert got["3名"].subject.endswith("犯罪嫌疑人")


def test_a_recent_word_after_a_stated_year_dates_the_work_not_the_figures() -> None:
    # 2012年……录取工作日前结束,全省共录取……: 日前 dates the end of the work; the year covers the figures
    got = _by_mention("记者获悉，2012年全省普通高校招生录取工作日前结束，全省共录取考生4.1万人，比去年增加2600人。",
                      date(2012, 9, 14), "青海省")
    assert _period(got["4.1万人"]) == (date(2012, 1, 1), date(2012, 12, 31))
    # alone, it is still the vague day it says
    got = _by_mention("日前，全省共录取考生4.1万人。", date(2012, 9, 14), "青海省")
    assert _period(got["4.1万人"]) == (None, None)


def test_months_listed_then_fenbie_give_each_figure_its_month() -> None:
    # 5月、6月分别……: each figure its month, and the months hold for their sentence only
    got = _by_mention(
        "今年上半年，全县接待游客338.9万人次。其中，5月、6月分别接待游客86.2万人次、102.4万人次。\n全县新增餐饮经营主体620户。",
        date(2023, 7, 28), "榕江县",
    )
    assert _period(got["86.2万人次"]) == (date(2023, 5, 1), date(2023, 5, 31))
    assert _period(got["102.4万人次"]) == (date(2023, 6, 1), date(2023, 6, 30))
    assert _period(got["620户"]) == (date(2023, 1, 1), date(2023, 6, 30))


def test_a_lead_year_with_its_quarters_fixes_the_year_of_a_dateless_release() -> None:
    # 2016年前三季度 opens the lead of a release with no date: 今年 below it is 2016
    got = _by_mention("2016年前三季度，全市生猪出栏498.6万头。\n今年全市中稻种植面积412.6万亩。", None, "常德市")
    assert _period(got["498.6万头"]) == (date(2016, 1, 1), date(2016, 9, 30))
    assert got["412.6万亩"].period_start == date(2016, 1, 1)


def test_a_league_that_opened_on_a_day_counts_from_that_day_to_the_cut_off() -> None:
    # 5月13日开赛以来……。截至7月25日,已举办比赛112场: from the opening day to the cut-off; “村超”举办以来
    # later is since that day too
    got = _by_mention(
        "今年5月13日开赛以来，榕江县“村超”持续火爆。截至7月25日，“村超”已举办比赛112场。\n"
        "“村超”举办以来，全县新增餐饮经营主体620户。",
        date(2023, 7, 28), "榕江县",
    )
    assert _period(got["112场"]) == (date(2023, 5, 13), date(2023, 7, 25))
    assert got["620户"].period_start == date(2023, 5, 13)


def test_years_up_to_the_releases_own_told_inside_a_paragraph_hold_for_their_sentence() -> None:
    # a report on 2020: 2018年至2020年,累计…… sums up one clause; the year 2020 holds on after it, and 全年 is 2020
    got = _by_mention(
        "2020年,全省检察机关各项工作取得新进展。\n全年共起诉5.6万人。二是深化扫黑除恶专项斗争,起诉涉黑犯罪412人;"
        "2018年至2020年,累计起诉涉黑涉恶犯罪1.2万人。三是依法惩治电信网络诈骗犯罪,起诉2604人。\n"
        "全年共有127个集体受到表彰。",
        date(2021, 1, 26), "河北省",
    )
    year = (date(2020, 1, 1), date(2020, 12, 31))
    assert _period(got["1.2万人"]) == (date(2018, 1, 1), date(2020, 12, 31))
    assert _period(got["2604人"]) == year
    assert _period(got["127个"]) == year


def test_a_campaign_launched_in_a_month_dates_its_kaizhan_yilai_later() -> None:
    # 2018年1月专项斗争开展以来 in the lead; 专项斗争开展以来 two paragraphs on is since the same month
    got = _by_mention(
        "记者近日从市扫黑办获悉,2018年1月专项斗争开展以来,全市公安机关共打掉涉黑组织29个。\n"
        "今年以来,全市共打掉涉黑组织11个。\n专项斗争开展以来,全市纪检监察机关立案查处问题376件。",
        date(2019, 11, 8), "赣州市",
    )
    assert _period(got["29个"]) == (date(2018, 1, 1), date(2019, 11, 8))
    assert _period(got["11个"]) == (date(2019, 1, 1), date(2019, 11, 8))
    assert _period(got["376件"]) == (date(2018, 1, 1), date(2019, 11, 8))


def test_a_table_written_with_spaces_reads_its_rows_units_and_month_columns() -> None:
    # the agencies' line is a byline, the month line the title; 本月 is the title's month and 1-本月 runs from
    # January to it; a row's unit comes from its cell under 计量单位
    got = _by_mention(
        "某市统计局  某市交通运输局\n2018年7月某市交通运输主要指标\n\n本月,全市交通运输生产总体平稳。\n\n"
        "指标名称 计量单位 本月 本月比上年同月增长(%) 1-本月累计 累计比上年同期增长(%)\n"
        "公路客运量 人 963125 -4.2 7128340 -3.5\n港口货物吞吐量 吨 315280 -12.6 2468170 -7.3\n",
        date(2018, 8, 15), "某市",
    )
    july, to_july = (date(2018, 7, 1), date(2018, 7, 31)), (date(2018, 1, 1), date(2018, 7, 31))
    f = got["963125"]
    assert (f.value, f.unit, f.subject) == (963125, "人", "公路客运量") and _period(f) == july
    f = got["-4.2"]
    assert (f.value, f.unit, f.comparison) == (-4.2, "%", "yoy") and _period(f) == july
    assert _period(got["7128340"]) == to_july and got["2468170"].unit == "吨"
    assert _period(got["-7.3"]) == to_july


def test_the_areas_total_stated_with_its_value_is_the_areas_own_figure() -> None:
    # 全省进出口总值1407.6亿元: the province's figure (an agency of a city named before it does not own it);
    # 占全省进出口总值的 stays the whole of a share
    got = _by_mention("据西安海关统计,1-5月,全省进出口总值1407.6亿元,同比增长12.6%。", date(2019, 6, 18), "陕西省")
    assert got["1407.6亿元"].region == "陕西省"


def test_an_item_that_says_its_own_direction_stays_in_a_list_of_places() -> None:
    got = _by_mention(
        "晋江市、石狮市、南安市进出口总值分别为241.3亿元、176.8亿元、98.4亿元,同比分别增长7.5%、12.1%和下降3.6%。",
        date(2023, 4, 25), "泉州市",
    )
    assert [got[m].region for m in ("7.5%", "12.1%", "3.6%")] == ["晋江市", "石狮市", "南安市"]


def test_a_zone_closing_a_list_of_places_is_one_more_item() -> None:
    # 东津新区 is not a division: still the fourth of four, with its own figure
    got = _by_mention(
        "分区域看,襄城区、樊城区、襄州区、东津新区新建商品住房销售面积分别为61.2万平方米、148.5万平方米、126.9万平方米、97.3万平方米。",
        date(2021, 10, 22), "襄阳市",
    )
    assert [got[m].region for m in ("61.2万平方米", "148.5万平方米", "126.9万平方米", "97.3万平方米")] == [
        "襄城区", "樊城区", "襄州区", "东津新区"]


def test_places_listed_after_what_picks_them_out_are_regions_not_subjects() -> None:
    # 受灾较重的海东市、西宁市、海北州受灾人口分别为……: each figure is the 受灾人口 of its place
    got = _by_mention("从地区分布看，受灾较重的海东市、西宁市、海北州受灾人口分别为7.8万人次、4.6万人次、2.9万人次。",
                      date(2022, 9, 9), "青海省")
    assert [got[m].subject for m in ("7.8万人次", "4.6万人次", "2.9万人次")] == ["受灾人口"] * 3
    assert [got[m].region for m in ("7.8万人次", "4.6万人次", "2.9万人次")] == ["海东市", "西宁市", "海北州"]


def test_a_peak_day_inside_a_holiday_holds_for_its_sentence() -> None:
    # 10月2日出行高峰当天: that day's traffic; the holiday's totals after it are the holiday's
    got = _by_mention(
        "国庆假期（10月1日至7日），全省道路交通安全形势总体平稳。10月2日出行高峰当天，高速公路车流量达236.5万辆次。"
        "全省共出动警力4.2万人次，查处各类交通违法行为5.3万起。",
        date(2021, 10, 8), "福建省",
    )
    assert _period(got["236.5万辆次"]) == (date(2021, 10, 2), date(2021, 10, 2))
    for m in ("4.2万人次", "5.3万起"):
        assert _period(got[m]) == (date(2021, 10, 1), date(2021, 10, 7)) and got[m].kind == "aggregate"


def test_a_scope_word_inside_a_databases_name_names_no_area() -> None:
    got = _by_mention("全年采集血样640份，录入全国打拐DNA数据库后比中4名被拐儿童身份。", date(2013, 1, 20), "晋中市")
    assert got["4名"].region == "晋中市"


def test_an_autonomous_county_by_its_place_name_and_its_level_word() -> None:
    # 威宁自治县: the peoples left out of 威宁彝族回族苗族自治县, the level word kept whole
    assert gazetteer().lookup("威宁自治县").name == "威宁彝族回族苗族自治县"
    got = _by_mention("纳雍县调解纠纷2870件；威宁自治县调解纠纷4630件。", date(2018, 7, 12), "毕节市")
    assert got["4630件"].region in ("威宁自治县", "威宁彝族回族苗族自治县")


def test_a_day_whose_traffic_peaked_holds_for_its_sentence() -> None:
    got = _by_mention(
        "国庆中秋假期(9月29日至10月6日),全县道路交通安全形势平稳。10月1日当天车流量达到峰值,超过4.1万辆次。"
        "交警大队疏导拥堵路段17处。",
        date(2023, 10, 8), "安化县",
    )
    assert _period(got["超过4.1万辆次"]) == (date(2023, 10, 1), date(2023, 10, 1))
    assert _period(got["17处"]) == (date(2023, 9, 29), date(2023, 10, 6))


def test_a_district_by_its_name_as_a_new_district() -> None:
    # 康巴什新区 (康巴什区 since 2016) opens a list of places handed figures with 分别
    got = _by_mention(
        "康巴什新区、达拉特旗、准格尔旗、伊金霍洛旗公安局分别破获179起、153起、211起和162起。", date(2014, 9, 26), "鄂尔多斯市",
    )
    assert [got[m].region for m in ("179起", "153起", "211起", "162起")] == ["康巴什新区", "达拉特旗", "准格尔旗", "伊金霍洛旗"]
