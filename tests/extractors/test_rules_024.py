"""Rules of 0.24, drawn from blind rounds 60 and 61 (health, education, civil affairs, environment, water,
agriculture, customs, market regulation, tax and courts): hours and days with decimals, decibels, wells and
sessions are figures; 计划 in a programme's name (计划生育, 为计划怀孕夫妇) forecasts nothing; a quarter compared
with the one before it (环比), or told after 从季度看, is the quarter alone; 较上月(3859例) is last month's
count, and a change after a count's base value is the count's; a table's column of what there is (实有户数)
counts a stock; a fund's outlay after its income is that fund's; a rate's basis before its number (每人每月)
names nothing; a sentence opening 此外 that turns back to the area's totals after an incident takes the
release's window again; 其中 after totals counted from a start to a cut-off gives parts over the same span;
the first of a month told alone after 10月以来 is that month, not a cut-off of the running total; 去年同期为逆差
is last year's figure. Each test is a short release written for the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_hours_and_days_with_decimals_decibels_wells_and_sessions_are_figures() -> None:
    got = _by_mention(
        "2023年,全市进口、出口整体通关时间分别为18.52小时和0.64小时。出院者平均住院日8.6日,比上年缩短0.2日。"
        "城市区域声环境昼间平均等效声级为54.1分贝。全年新打机井418眼,举办农民技能培训班36期。"
        "各哨所实行24小时值守。\n",
        date(2024, 2, 20), None,
    )
    assert got["18.52小时"].value == 18.52 and got["18.52小时"].unit == "小时"
    assert got["0.64小时"].subject == "出口整体通关时间"
    assert got["8.6日"].value == 8.6 and got["0.2日"].value == -0.2
    assert got["54.1分贝"].unit == "分贝"
    assert got["418眼"].value == 418 and got["36期"].value == 36
    assert "24小时" not in got  # a whole number of hours: a duration, no figure


def test_a_session_after_di_and_a_phase_in_chinese_numerals_are_no_figures() -> None:
    got = _by_mention("市政务简报(第18期)刊发。二期工程完工,全年举办讲座12期。\n", date(2023, 5, 4), None)
    assert set(got) == {"12期"}


def test_a_programme_named_with_ji_hua_forecasts_nothing() -> None:
    got = _by_mention(
        "今年1-10月,全省为11.8万名计划怀孕夫妇提供免费孕前优生健康检查。\n"
        "同期,全省完成农村妇女宫颈癌检查52.4万人。\n",
        date(2017, 11, 16), None,
    )
    for m in ("11.8万名", "52.4万人"):
        assert _period(got[m]) == (date(2017, 1, 1), date(2017, 10, 31)), m


def test_a_quarter_compared_with_the_one_before_it_is_the_quarter_alone() -> None:
    got = _by_mention(
        "2022年,全区共办理结婚登记3206对。从季度看,第四季度办理结婚登记978对,环比增长18.2%。\n"
        "第三季度,全区电信网络诈骗发案数环比下降9.6%。\n",
        date(2023, 1, 16), None,
    )
    assert _period(got["3206对"]) == (date(2022, 1, 1), date(2022, 12, 31))
    assert _period(got["978对"]) == (date(2022, 10, 1), date(2022, 12, 31))
    assert _period(got["9.6%"]) == (date(2022, 7, 1), date(2022, 9, 30))


def test_a_count_of_last_month_in_parentheses_and_the_change_after_it() -> None:
    got = _by_mention(
        "2019年7月,全市共报告法定传染病3912例,较上月(3540例)上升10.5%,较去年同期(4102例)下降4.6%。\n",
        date(2019, 8, 12), None,
    )
    assert _period(got["3540例"]) == (date(2019, 6, 1), date(2019, 6, 30))
    assert _period(got["4102例"]) == (date(2018, 7, 1), date(2018, 7, 31))
    assert _period(got["10.5%"]) == (date(2019, 7, 1), date(2019, 7, 31))
    assert "较" not in (got["10.5%"].subject or "") and "报告法定传染病" in (got["4.6%"].subject or "")


def test_a_table_column_of_what_there_is_counts_a_stock() -> None:
    got = _by_mention(
        "截至2023年12月底,全区实有各类经营主体86.4万户。2023年,全区新设经营主体9.8万户。\n"
        "类型 实有户数(万户) 比上年末增长\n"
        "企业 52.16 6.4%\n"
        "个体工商户 33.82 5.1%\n",
        date(2024, 1, 22), None,
    )
    assert _period(got["9.8万户"]) == (date(2023, 1, 1), date(2023, 12, 31))
    for m in ("52.16", "33.82"):
        assert _period(got[m]) == (None, date(2023, 12, 31)), m


def test_a_funds_outlay_after_its_income_is_that_funds() -> None:
    got = _by_mention(
        "全年职工医保基金收入862.3亿元,支出715.8亿元;三项社会保险基金总收入3120.6亿元,总支出2986.4亿元。\n",
        date(2024, 3, 1), None,
    )
    assert got["715.8亿元"].subject == "职工医保基金支出"
    assert got["2986.4亿元"].subject == "社会保险基金总支出"


def test_a_rates_basis_before_its_number_names_nothing() -> None:
    got = _by_mention(
        "截至6月底,全市城市低保标准为每人每月720元,农村低保标准为每人每年5640元。\n",
        date(2023, 7, 12), None,
    )
    assert got["720元"].subject == "城市低保标准"
    assert got["5640元"].subject == "农村低保标准"


def test_a_sentence_turning_back_to_the_totals_after_an_incident_takes_the_window() -> None:
    got = _by_mention(
        "今年以来,全市海关共立案侦办走私犯罪案件92起。8月14日,某海关缉私分局查获走私冻品货车4辆。"
        "此外,全区海关共截获外来有害生物6200种次,截获禁止进境物2310批次。\n",
        date(2021, 10, 20), None,
    )
    assert _period(got["4辆"]) == (date(2021, 8, 14), date(2021, 8, 14))
    for m in ("2310批次", "92起"):
        assert _period(got[m]) == (date(2021, 1, 1), date(2021, 10, 20)), m
        assert got[m].kind == "aggregate", m


def test_parts_after_a_running_total_to_a_cut_off_are_counted_over_its_span() -> None:
    got = _by_mention(
        "6月18日以来,我省出现持续强降雨。据统计,截至7月5日,强降雨共造成全省86.2万人受灾,直接经济损失41.6亿元。"
        "其中,株洲市直接经济损失12.3亿元。\n",
        date(2019, 7, 6), None,
    )
    assert _period(got["41.6亿元"]) == (date(2019, 6, 18), date(2019, 7, 5))
    assert _period(got["12.3亿元"]) == (date(2019, 6, 18), date(2019, 7, 5))


def test_a_month_told_after_since_that_month_does_not_cut_the_running_total() -> None:
    got = _by_mention(
        "10月以来,全市二级以上医疗机构发热门诊累计接诊19.4万人次。10月份,全市儿科门诊量环比增长21.5%。\n",
        date(2024, 11, 20), None,
    )
    assert _period(got["19.4万人次"]) == (date(2024, 10, 1), date(2024, 11, 20))
    assert _period(got["21.5%"]) == (date(2024, 10, 1), date(2024, 10, 31))


def test_last_years_deficit_is_last_years_figure() -> None:
    got = _by_mention(
        "今年前三季度,全区外贸进出口4215.6亿元;贸易顺差86.2亿元,去年同期为逆差42.7亿元。\n",
        date(2021, 10, 20), None,
    )
    assert _period(got["86.2亿元"]) == (date(2021, 1, 1), date(2021, 9, 30))
    assert _period(got["42.7亿元"]) == (date(2020, 1, 1), date(2020, 9, 30))


# Rules drawn from round 63 (written after the rules above; read once its first contact was scored).


def test_rows_of_one_value_under_a_caption_stating_their_unit_are_a_table_of_it() -> None:
    got = _by_mention(
        "前三季度,全州累计接待游客2816.4万人次,同比增长21.3%。\n"
        "各县市接待游客情况如下(单位:万人次):\n"
        "伊宁市　486.2\n"
        "昭苏县　233.5\n",
        date(2019, 10, 16), None,
    )
    for m, place, value in (("486.2", "伊宁市", 4862000), ("233.5", "昭苏县", 2335000)):
        assert got[m].value == value and got[m].unit == "人次", m
        assert got[m].subject == "接待游客" and got[m].region == place, m
        assert _period(got[m]) == (date(2019, 1, 1), date(2019, 9, 30)), m


def test_rows_under_a_caption_ending_in_ruxia_take_its_period_and_what_it_counts() -> None:
    got = _by_mention(
        "目前,全市农村低保标准为每人每月360元。上半年部分县(区)低保资金发放情况如下:\n"
        "仁化县 1560万元\n"
        "新丰县 1380万元\n",
        date(2017, 8, 3), "韶关市",
    )
    for m in ("1560万元", "1380万元"):
        assert _period(got[m]) == (date(2017, 1, 1), date(2017, 6, 30)), m
        assert "低保资金" in (got[m].subject or ""), m


def test_a_range_of_days_across_years_is_one_span() -> None:
    got = _by_mention(
        "记者从会上获悉,本雪季(2023年11月1日至2024年4月7日)全区累计接待游客301.6万人次。\n",
        date(2024, 4, 10), None,
    )
    assert _period(got["301.6万人次"]) == (date(2023, 11, 1), date(2024, 4, 7))


def test_a_holiday_inside_the_releases_period_told_inside_a_paragraph_holds_for_its_sentence() -> None:
    got = _by_mention(
        "本雪季(2023年11月1日至2024年4月7日),全区累计接待游客301.6万人次。春节假期8天,全区接待游客44.2万人次。\n"
        "雪季期间,全区新开放雪道18条。\n",
        date(2024, 4, 10), None,
    )
    assert _period(got["44.2万人次"]) == (date(2024, 2, 10), date(2024, 2, 17))
    assert _period(got["18条"]) == (date(2023, 11, 1), date(2024, 4, 7))


def test_the_year_a_policy_took_effect_told_with_no_figure_holds_for_its_sentence() -> None:
    got = _by_mention(
        "二〇一四年至二〇一八年,全省累计资助学生3120万人次。从2015年起,各地对家庭经济困难幼儿给予资助。\n"
        "义务教育阶段。五年累计为寄宿生发放生活补助42.3亿元。\n",
        date(2019, 3, 15), None,
    )
    assert _period(got["42.3亿元"]) == (date(2014, 1, 1), date(2018, 12, 31))


def test_a_plan_told_with_jiang_xin_jian_is_the_whole_years() -> None:
    got = _by_mention("今年以来,全县累计为2860名老年人发放补贴。今年县里还将新增家庭养老床位180张。\n", date(2025, 6, 12), None)
    assert _period(got["2860名"]) == (date(2025, 1, 1), date(2025, 6, 12))
    assert _period(got["180张"]) == (date(2025, 1, 1), date(2025, 12, 31))


def test_an_accident_graded_jiao_da_after_its_count_names_it() -> None:
    got = _by_mention("3月5日,该县发生1起较大道路交通事故,造成3人死亡。\n", date(2024, 3, 8), None)
    assert got["1起"].subject == "发生较大道路交通事故"


def test_the_people_an_act_was_done_for_are_named_without_the_act() -> None:
    got = _by_mention(
        "全年共查处欠薪案件1620件,为2.84万名劳动者追发工资等待遇3.96亿元;向72名农民工足额支付拖欠工资。\n",
        date(2024, 1, 18), None,
    )
    assert got["2.84万名"].subject == "劳动者"
    assert got["72名"].subject == "农民工"


def test_a_total_that_has_reached_a_level_is_a_stock() -> None:
    got = _by_mention(
        "2019年至2023年,全县新增高速公路通车里程38.5公里,高速公路总里程达到142.6公里。\n",
        date(2024, 2, 26), None,
    )
    assert _period(got["38.5公里"]) == (date(2019, 1, 1), date(2023, 12, 31))
    assert _period(got["142.6公里"]) == (None, date(2023, 12, 31))


# Rules drawn from round 65 (written after the rules above; read once its first contact was scored).


def test_deviations_from_the_normal_are_signed_changes_and_degrees_are_figures() -> None:
    got = _by_mention(
        "7月1日至8月31日,全省平均降雨量102.4毫米,较常年同期偏少五成;全省平均气温29.6℃,较常年同期偏高1.5℃。"
        "城陵矶站水位较历史同期均值偏低6.82米,全省2.4万口山塘干涸。\n",
        date(2022, 9, 2), None,
    )
    assert got["五成"].value == -50 and got["五成"].subject == "平均降雨量较常年同期偏少"
    assert got["29.6℃"].unit == "℃" and got["1.5℃"].value == 1.5 and got["1.5℃"].subject.startswith("平均气温")
    assert got["6.82米"].value == -6.82
    assert got["2.4万口"].value == 24000


def test_a_household_of_three_is_no_count_of_wells() -> None:
    got = _by_mention("全县为3口之家发放补贴1200元。执法人员扣押不合格成品鞋860双。\n", date(2022, 9, 2), None)
    assert "3口" not in got and got["860双"].value == 860


def test_a_start_in_a_part_of_a_month_begins_on_its_first_day() -> None:
    got = _by_mention(
        "自3月下旬房屋安全隐患专项排查开展以来,全区共排查房屋1120栋。6月中旬以来,全县累计投入抗旱人员3.2万人次。\n",
        date(2018, 7, 16), None,
    )
    assert _period(got["1120栋"]) == (date(2018, 3, 21), date(2018, 7, 16))
    assert _period(got["3.2万人次"]) == (date(2018, 6, 11), date(2018, 7, 16))


def test_a_tables_column_of_ranks_is_no_label() -> None:
    got = _by_mention(
        "2018年,全省PM2.5平均浓度为57微克/立方米。\n"
        "表:2018年各设区市PM2.5平均浓度及同比变化\n"
        "排名 城市 PM2.5浓度 同比\n"
        "1 大同市 36微克/立方米 -9.8%\n"
        "2 朔州市 41微克/立方米 -12.6%\n",
        date(2019, 1, 18), None,
    )
    assert got["36微克/立方米"].region == "大同市" and got["36微克/立方米"].subject == "PM2.5浓度"
    assert got["-12.6%"].region == "朔州市" and got["-12.6%"].value == -12.6


def test_a_change_against_a_season_of_years_before_is_of_the_quantity() -> None:
    got = _by_mention(
        "雪季期间,全区累计接待游客286.4万人次,同比增长45.3%,较2018—2019雪季增长22.7%。"
        "全县完成公路客运量612万人次,比上年增长37.6%,但仍比2019年下降31.2%。\n",
        date(2023, 4, 12), None,
    )
    assert got["22.7%"].subject.startswith("接待游客")
    assert got["31.2%"].subject.startswith("完成公路客运量") or got["31.2%"].subject.startswith("公路客运量")


# A rule drawn from round 68 (written after the rules above; read once its first contact was scored).


def test_rows_under_a_caption_and_a_line_stating_their_unit_are_a_table_of_it() -> None:
    got = _by_mention(
        "截至10月底,全县累计完成高效节水灌溉面积86.4万亩。\n"
        "附表:截至10月底各乡镇高效节水灌溉面积\n"
        "单位:万亩\n"
        "玛纳斯镇 8.7\n"
        "乐土驿镇 12.9\n",
        date(2024, 11, 10), "玛纳斯县",
    )
    for m, place, value in (("8.7", "玛纳斯镇", 87000), ("12.9", "乐土驿镇", 129000)):
        assert got[m].value == value and got[m].unit == "亩", m
        assert got[m].subject == "高效节水灌溉面积" and got[m].region == place, m
        assert _period(got[m]) == (None, date(2024, 10, 31)), m


def test_a_header_run_on_into_its_caption_heads_a_table_of_changes_written_with_words() -> None:
    got = _by_mention(
        "1-10月,全区地表水总磷平均浓度为0.041毫克/升。\n"
        "主要断面1-10月水质情况如下(总磷单位:毫克/升):\n"
        "断面名称  所在河流  水质类别  总磷浓度  同比\n"
        "南津关  长江  Ⅱ类  0.058  下降7.1%\n"
        "雾渡河  黄柏河  Ⅱ类  0.019  上升5.6%\n",
        date(2024, 11, 15), "夷陵区",
    )
    assert got["0.058"].value == 0.058 and got["0.058"].unit == "毫克/升"
    assert got["7.1%"].value == -7.1 and got["5.6%"].value == 5.6


# Rules drawn from round 70 (written after the rules above; read once its first contact was scored).


def test_units_listed_under_a_caption_go_to_the_columns_of_values_past_a_text_column() -> None:
    got = _by_mention(
        "2021年全县夏粮总产13.2亿斤。主要乡镇夏粮生产情况如下：\n"
        "单位：万亩、万斤\n"
        "乡镇　主要作物　播种面积　总产量\n"
        "白道口镇　小麦　9.2　6840\n"
        "老店镇　小麦、大麦　7.1　5160\n",
        date(2021, 7, 6), "滑县",
    )
    assert got["9.2"].value == 92000 and got["9.2"].unit == "亩" and got["9.2"].subject == "播种面积"
    assert got["6840"].value == 68400000 and got["6840"].unit == "斤" and got["6840"].region == "白道口镇"
    assert got["5160"].region == "老店镇"


def test_a_blank_line_between_a_tables_caption_and_its_header() -> None:
    got = _by_mention(
        "今年以来,全区保障房建设进展顺利。各街道保障房开工和基本建成情况如下(单位:套):\n"
        "\n"
        "街道　　新开工　基本建成\n"
        "小寨路　1190　　860\n"
        "大雁塔　1420　　1010\n",
        date(2016, 12, 9), "雁塔区",
    )
    assert got["1190"].unit == "套" and got["1010"].unit == "套"
