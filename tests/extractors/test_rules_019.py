"""Rules drawn from the blind rounds read for 0.19.0: a reporting window that makes counts of work done
flows but leaves stocks held as stocks, changes since New Year listed with 分别, tables written with
spaces whose cells carry their units, the sign written before a change, year ranges in Chinese
numerals, a multiple of the quantity before, the item a list line names before its colon, 对 with no
noun before the count, the customs of a provincial capital, 新增城市, a day something was launched on
and its 以来, a stock date inside a sentence, a quantity before 累计达到, the year a report of January to
April covers, townships and levels as table rows, a line of business in each part of a sentence, and what a
procuratorate receives, supervises and protests. Each test is a short release written for the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_a_reporting_window_makes_work_done_a_flow_but_a_stock_held_stays_a_stock() -> None:
    # 今年以来 in the lead, 截至9月底 later: what was done (共查处) runs from New Year to the cut-off; what the
    # city holds (实有经营主体, 在用特种设备) and a rate (失业率) are as of the cut-off
    got = _by_mention(
        "今年以来，全市市场监管部门受理投诉举报2.7万件。\n"
        "截至9月底，全市共查处违法案件1342件。\n"
        "截至9月底，本市实有经营主体183.6万户，全市在用特种设备21.7万台。\n",
        date(2025, 10, 22), "西安市",
    )
    assert _period(got["1342件"]) == (date(2025, 1, 1), date(2025, 9, 30))
    assert _period(got["183.6万户"]) == (None, date(2025, 9, 30))
    assert _period(got["21.7万台"]) == (None, date(2025, 9, 30))


def test_changes_since_new_year_listed_with_fenbie_are_all_flows_since_new_year() -> None:
    got = _by_mention(
        "截至10月底，全市养老保险、失业保险、工伤保险参保人数分别为241.6万人、132.8万人和146.3万人，"
        "分别比年初增加5.9万人、3.1万人和4.4万人。",
        date(2023, 11, 14), "徐州市",
    )
    for mention in ("5.9万人", "3.1万人", "4.4万人"):
        assert _period(got[mention]) == (date(2023, 1, 1), date(2023, 10, 31)), mention
    assert _period(got["132.8万人"]) == (None, date(2023, 10, 31))


def test_a_table_written_with_spaces_whose_cells_carry_units_is_a_table_not_headings() -> None:
    # a header after 如下: on its own line; rows whose values carry their units (8.46亿吨, 68微克/立方米): each
    # value is of its row, in the period the text gives, the change column a change of it
    got = _by_mention(
        "2012年全省交通运输主要指标完成情况如下:\n"
        "指标  全年完成  比上年增长\n"
        "公路货运量  8.46亿吨  12.1%\n"
        "公路客运量  3.52亿人  5.6%\n"
        "其中,第四季度完成公路货运量2.31亿吨。\n"
        "主要污染物浓度如下:\n"
        "污染物  平均浓度  同比变化\n"
        "PM10  121微克/立方米  -13.6%\n"
        "臭氧(90百分位)  179微克/立方米  +4.1%\n",
        date(2013, 1, 16), "山西省",
    )
    year = (date(2012, 1, 1), date(2012, 12, 31))
    assert got["8.46亿吨"].subject == "公路货运量" and _period(got["8.46亿吨"]) == year
    assert got["12.1%"].subject.startswith("公路货运量") and _period(got["12.1%"]) == year
    assert _period(got["3.52亿人"]) == year
    assert _period(got["2.31亿吨"]) == (date(2012, 10, 1), date(2012, 12, 31))
    assert got["121微克/立方米"].subject == "PM10"
    assert got["4.1%"].subject.startswith("臭氧") and got["4.1%"].value == 4.1


def test_the_sign_written_before_a_change_is_the_numbers_not_its_subject() -> None:
    got = _by_mention(
        "上半年查处情况如下:\n\n查处酒后驾驶  1126起  同比+14.2%\n查处无证驾驶  918起  同比-3.1%\n", date(2019, 7, 9), "固始县"
    )
    assert got["14.2%"].subject == "查处酒后驾驶"
    assert got["-3.1%"].subject == "查处无证驾驶" and got["-3.1%"].value == -3.1


def test_a_year_range_in_chinese_numerals_is_a_span_of_years() -> None:
    got = _by_mention(
        "2012年，全省交通建设稳步推进。\n二〇〇八年至二〇一二年，全省累计完成交通固定资产投资2716.4亿元，是前五年的2.3倍。",
        date(2013, 1, 16), "山西省",
    )
    assert _period(got["2716.4亿元"]) == (date(2008, 1, 1), date(2012, 12, 31))
    # a multiple of the quantity just given, against another span: its subject is that quantity
    assert "交通固定资产投资" in got["2.3倍"].subject


def test_a_list_line_names_its_item_before_the_colon() -> None:
    # 粮食加工品:抽检5120批次,合格率99.6%: the item, then its measures; a title whose colon follows who speaks
    # (国家统计局：) names no item
    got = _by_mention(
        "前三季度，全市完成食品抽检4.86万批次。主要类别抽检情况如下:\n"
        "粮食加工品:抽检5120批次,合格率99.6%\n"
        "生产环节：抽检7420批次，不合格63批次\n",
        date(2025, 10, 22), "西安市",
    )
    assert got["5120批次"].subject == "粮食加工品抽检"
    assert got["99.6%"].subject == "粮食加工品合格率"
    assert got["63批次"].subject == "生产环节不合格"
    titled = _by_mention("国家统计局：全国粮食总产量13950亿斤 比上年增长1.6%\n", date(2024, 2, 29), None)
    assert "国家统计局" not in titled["1.6%"].subject


def test_dui_with_no_noun_before_the_count_takes_what_follows_it() -> None:
    got = _by_mention(
        "今年以来，全市对辖区57家易制毒化学品企业开展全覆盖检查。受理审查起诉未成年人142人，对其中16人作出附条件不起诉决定。",
        date(2015, 7, 21), "保定市",
    )
    assert got["57家"].subject.startswith("易制毒化学品企业")
    assert got["16人"].subject.startswith("作出附条件不起诉决定")


def test_the_customs_of_a_provincial_capital_serves_its_province() -> None:
    # 南宁海关 serves all of Guangxi; 拱北海关 (no capital) stays Zhuhai's
    got = _by_mention("前三季度，南宁海关共查办各类走私案件1063起，案值28.6亿元。", date(2019, 10, 24), None)
    assert got["1063起"].region == "广西壮族自治区"
    got = _by_mention("今年1-7月，拱北海关共查办走私案件215起。", date(2013, 8, 21), None)
    assert got["215起"].region == "珠海市"


def test_xinzeng_chengshi_is_no_city_of_zengcheng() -> None:
    got = _by_mention("2012年，全省新增城市公交车1143辆。", date(2013, 1, 16), "山西省")
    assert got["1143辆"].region == "山西省"


def test_a_day_something_was_launched_on_and_its_yilai_run_to_the_cut_off_in_the_paragraph() -> None:
    # 4月15日……专项治理启动以来: a span from that day; 截至9月20日 later in the paragraph closes it, for the
    # figures before it and the running totals after it
    got = _by_mention(
        "4月15日全区打击欺诈骗保专项治理启动以来，区医保局对全区1136家定点医药机构开展全覆盖检查。"
        "截至9月20日，共查处违规定点医药机构297家，追回医保基金1268.4万元。",
        date(2020, 9, 25), "渝北区",
    )
    span = (date(2020, 4, 15), date(2020, 9, 20))
    assert _period(got["1136家"]) == span
    assert _period(got["297家"]) == span
    assert _period(got["1268.4万元"]) == span
    assert got["1136家"].kind == "aggregate"


def test_a_stock_date_at_the_periods_end_inside_a_sentence_holds_for_that_sentence() -> None:
    got = _by_mention(
        "前三季度，全省生猪出栏1985.6万头，同比下降13.4%；9月末生猪存栏1364.7万头，同比下降26.8%。禽肉产量增长8.9%。",
        date(2019, 10, 21), "江西省",
    )
    assert _period(got["1364.7万头"]) == (None, date(2019, 9, 30))
    assert _period(got["8.9%"]) == (date(2019, 1, 1), date(2019, 9, 30))


def test_a_quantity_before_leiji_dadao_is_what_is_counted() -> None:
    # 车流量累计达到: no actor stands before 累计, the quantity does
    got = _by_mention("国庆假期，辖区主要道路车流量累计达到486.3万辆次。", date(2024, 10, 9), "渝北区")
    assert got["486.3万辆次"].subject.endswith("车流量")


def test_zhi_a_month_end_right_after_yilai_closes_that_span() -> None:
    # 2018年1月专项斗争开展以来 in the lead; 专项斗争开展以来至10月底 later: from that month to the cut-off
    got = _by_mention(
        "记者从新闻发布会上获悉,2018年1月专项斗争开展以来,全省共打掉涉黑组织210个。\n"
        "据介绍,专项斗争开展以来至10月底,全省检察机关已起诉涉黑涉恶案件2409件。",
        date(2020, 11, 26), "湖南省",
    )
    assert _period(got["2409件"]) == (date(2018, 1, 1), date(2020, 10, 31))


def test_a_title_printed_twice_above_the_article_is_two_mentions() -> None:
    # a page prints the title, its source line, then the title again; both are the title's figures. The same
    # title repeated after the article (上一篇/下一篇) is furniture.
    text = (
        "当前位置：首页 > 新闻发布\n上半年全区电诈案件发案数同比下降36.4%\n发布日期：2025-07-15　来源：吴江日报\n"
        "上半年全区电诈案件发案数同比下降36.4%\n本报讯 上半年，全区电信网络诈骗案件发案数同比下降36.4%。\n"
        "上一篇：\n上半年全区电诈案件发案数同比下降36.4%\n"
    )
    from extractors import extract

    got = [f for f in extract(text, published=date(2025, 7, 15), region="吴江区") if f.mention == "36.4%"]
    assert len(got) == 3


def test_an_estimate_word_leads_no_subject() -> None:
    got = _by_mention("9月18日，缉私部门查获走私冻品126吨，初步估算案值约830万元。", date(2019, 10, 24), "东兴市")
    assert got["约830万元"].subject == "案值"


def test_zhi_after_an_agency_is_together_with_not_the_county_huitong() -> None:
    got = _by_mention(
        "6月19日,澜沧县公安局禁毒大队会同县边境管理部门开展查缉,查获甲基苯丙胺片剂12.6万粒。", date(2016, 6, 24), None
    )
    assert got["12.6万粒"].region == "澜沧县"


def test_a_range_of_years_then_fenbie_gives_each_figure_its_year_and_n_years_is_that_range() -> None:
    got = _by_mention(
        "从年度变化看,2019年至2023年,该院审结的此类案件数分别为164件、188件、341件、257件、186件。\n"
        "五年间,被告人中25周岁以下的有738人。",
        date(2024, 3, 14), "余杭区",
    )
    assert _period(got["164件"]) == (date(2019, 1, 1), date(2019, 12, 31))
    assert _period(got["186件"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["738人"]) == (date(2019, 1, 1), date(2023, 12, 31))


def test_a_table_with_single_spaces_whose_cells_open_with_numbers_is_a_table() -> None:
    # rows named by places: each value counts what its column names, in the place of its row
    got = _by_mention(
        "2022年,全州共发生火灾2373起。各县(市)火灾起数前五位情况如下:\n县(市) 火灾起数 同比\n"
        "西昌市 612起 -9.1%\n会理市 233起 -3.7%\n冕宁县 198起 +5.3%\n",
        date(2023, 1, 12), "凉山彝族自治州",
    )
    assert got["233起"].subject == "火灾起数" and got["233起"].region == "会理市"
    assert _period(got["198起"]) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_table_row_named_by_a_level_or_a_former_county_counts_its_column() -> None:
    # 市本级 is no place: its row counts what the columns name; 安县 (安州区 since 2016) is named as written
    got = _by_mention(
        "2014年各县市区住房公积金主要业务指标\n县市区 | 归集额(亿元) | 提取额(亿元)\n市本级 | 21.36 | 12.85\n"
        "江油市 | 5.42 | 3.17\n安县 | 2.11 | 1.22\n",
        date(2015, 1, 20), "绵阳市",
    )
    assert got["21.36"].subject == "归集额"
    assert got["2.11"].subject == "归集额" and got["2.11"].region == "安县"


def test_table_cells_left_empty_units_in_a_column_and_captions() -> None:
    # — holds an empty cell's place; a row's unit under 单位 brings its multiplier (亿元); a caption above the
    # header gives bare values their units column by column; full-width spaces part cells too
    got = _by_mention(
        "1-10月全市主要经济指标\n指标  单位  1-10月  同比增长(%)\n规模以上工业增加值  —  —  8.4\n"
        "社会消费品零售总额  亿元  1806.7  5.6\n",
        date(2025, 11, 21), "芜湖市",
    )
    assert got["8.4"].subject == "规模以上工业增加值" and got["8.4"].unit == "%"
    assert abs(got["1806.7"].value - 1806.7e8) < 1 and got["1806.7"].unit == "元"
    got = _by_mention(
        "主要专项行动开展情况(检查主体单位:家次;立案单位:件)\n专项行动 检查主体 立案\n食品专项检查 4120 127\n"
        "产品质量专项整治 860 34\n",
        date(2020, 11, 13), "吴江区",
    )
    assert got["4120"].unit == "家次" and got["127"].unit == "件"
    got = _by_mention(
        "前三季度走私犯罪案件分类情况如下：\n类别\u3000\u3000案件数（起）\u3000\u3000案值（亿元）\n"
        "冻品走私\u3000\u300096\u3000\u30009.83\n成品油走私\u3000\u300041\u3000\u30004.16\n",
        date(2019, 10, 24), "南宁市",
    )
    assert got["96"].unit == "起" and got["9.83"].subject == "冻品走私"


def test_the_year_a_january_report_covers_holds_for_quannian_and_its_since_spans() -> None:
    # a court's report of January 2016 on 去年: 全年 after a span since a day of 2015 is 2015, and that span
    # runs to the end of 2015
    got = _by_mention(
        "1月20日,县人民法院向县人大报告工作。去年,该院共受理各类案件7315件。\n"
        "自去年5月1日立案登记制实施以来,该院登记立案2863件。\n司法公开方面,该院全年公开裁判文书3917份。",
        date(2016, 1, 22), "于都县",
    )
    assert _period(got["2863件"]) == (date(2015, 5, 1), date(2015, 12, 31))
    assert _period(got["3917份"]) == (date(2015, 1, 1), date(2015, 12, 31))


def test_the_year_of_a_plan_a_count_belongs_to_is_not_its_period() -> None:
    got = _by_mention("上半年,全区2025年城镇老旧小区改造计划内的52个小区已开工47个。", date(2025, 7, 14), "麒麟区")
    assert _period(got["47个"]) == (date(2025, 1, 1), date(2025, 6, 30))


def test_a_balance_and_a_table_column_of_a_stock_are_stocks() -> None:
    got = _by_mention(
        "前三季度,三项社会保险基金总收入1316.7亿元,9月末累计结余2987.4亿元。\n"
        "附表:截至2018年9月底全省社会保险参保情况(单位:万人)\n险种  参保人数  比上年末增加\n"
        "城乡居民基本养老保险  2279.3  18.6\n职工基本医疗保险  1056.7  31.2\n",
        date(2018, 10, 26), "湖北省",
    )
    assert _period(got["2987.4亿元"]) == (None, date(2018, 9, 30))
    assert _period(got["2279.3"]) == (None, date(2018, 9, 30))
    assert _period(got["18.6"]) == (date(2018, 1, 1), date(2018, 9, 30))


def test_a_semicolon_turning_to_the_statistics_ends_the_case() -> None:
    got = _by_mention(
        "3月6日,县公安局禁毒大队查获海洛因12.6公斤,这是今年以来破获的单案缴毒量最大的一起毒品案件;据统计,今年以来,"
        "该局已破获毒品刑事案件43起。",
        date(2017, 3, 9), "孟连县",
    )
    assert got["43起"].kind == "aggregate" and _period(got["43起"]) == (date(2017, 1, 1), date(2017, 3, 9))


def test_the_sites_owner_in_the_footer_names_the_area() -> None:
    got = _by_mention(
        "当前位置:首页>工作动态\n2018年全市林业改革发展成效明显\n2018年,全市完成植树造林面积21.6万亩。"
        "2月26日,永安市一起森林火灾过火面积42亩。\n主办:三明市林业局 版权所有\n",
        date(2019, 1, 15),
    )
    assert got["21.6万亩"].region == "三明市"


def test_xinjian_is_a_word_not_the_district() -> None:
    got = _by_mention("全县22个乡镇(街道)新建政府专职消防队4支。", date(2022, 9, 14), "祁东县")
    assert got["4支"].region == "祁东县"


def test_each_part_of_a_sentence_names_its_line_of_business_and_shares_follow_the_counts() -> None:
    got = _by_mention(
        "从行业领域看,全市道路运输领域发生事故51起、死亡55人,分别占事故总数和死亡总数的67.1%和67.9%;"
        "建筑施工领域发生事故7起、死亡7人。",
        date(2021, 1, 28), "邢台市",
    )
    assert got["7起"].subject == "建筑施工领域发生事故"
    assert got["55人"].subject == "道路运输领域死亡"
    assert got["67.1%"].subject.startswith("道路运输领域发生事故")


def test_a_case_told_in_one_sentence_leaves_the_period_to_the_next_and_no_number_hides_in_a_name() -> None:
    got = _by_mention(
        "2019年,全省法院工作取得新进展。\n全省法院共受理执行案件16.8万件。在一起涉农民工工资执行案中,兰州市七里河区人民法院于"
        "12月20日对被执行企业账户实施扣划,为216名农民工兑现工资487万元。推进执行信息化建设,全省法院网络司法拍卖成交1.02万件。",
        date(2020, 1, 17), "甘肃省",
    )
    assert _period(got["216名"]) == (date(2019, 12, 20), date(2019, 12, 20))
    assert _period(got["1.02万件"]) == (date(2019, 1, 1), date(2019, 12, 31))
    assert "七里" not in got


def test_a_table_row_naming_a_township_is_its_place_and_counts_its_column() -> None:
    got = _by_mention(
        "各街道1-11月PM2.5累计浓度如下:\n街道  PM2.5(微克/立方米)  同比变化\n建北街道  49  -13.6%\n谈固街道  52  -11.9%\n",
        date(2020, 12, 8), "长安区",
    )
    assert got["49"].region == "建北街道" and got["49"].subject.startswith("PM2.5")


def test_quannian_of_a_year_not_over_holds_for_its_sentence() -> None:
    got = _by_mention(
        "前三季度,全县农林牧渔业总产值31.5亿元。全年粮食播种面积稳定在26.8万亩。夏粮总产量1.86万吨。",
        date(2021, 10, 29), "霍山县",
    )
    assert _period(got["1.86万吨"]) == (date(2021, 1, 1), date(2021, 9, 30))


def test_tables_with_a_qizhong_row_and_a_unit_line_of_their_own() -> None:
    got = _by_mention(
        "附表:2022年1-6月全社会用电量情况\n指标名称\u3000单位\u30001-6月\u3000同比增长(%)\n"
        "全社会用电量\u3000万千瓦时\u30003268540\u30002.7\n其中:工业\u3000万千瓦时\u30002301475\u3000-1.9\n",
        date(2022, 7, 21), "嘉兴市",
    )
    assert got["2301475"].subject == "工业" and got["2301475"].unit == "千瓦时"
    got = _by_mention(
        "表1 2019年1-11月分行业消费品零售额\n单位:万元\n行业\n1-11月\n同比增长(%)\n批发业\n1036528\n6.7\n零售业\n5704912\n10.9\n",
        date(2019, 12, 18), "雨花区",
    )
    assert got["1036528"].unit == "元" and got["6.7"].unit == "%"


def test_what_a_procuratorate_receives_from_or_supervises_and_what_it_protests() -> None:
    got = _by_mention(
        "2012年,全县检察机关共受理公安机关提请批准逮捕案件312件436人;监督公安机关立案14件;"
        "对认为确有错误的刑事判决提出抗诉3件,法院已改判2件。",
        date(2013, 3, 4), "浦江县",
    )
    assert "公安机关" in got["312件"].subject
    assert got["14件"].subject == "监督公安机关立案"
    assert got["3件"].subject == "提出抗诉"
    assert _period(got["2件"]) == (date(2012, 1, 1), date(2012, 12, 31))
