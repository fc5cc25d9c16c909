"""What a figure counts, and what counts as a figure, in constructions that releases the extractor had
not read kept breaking: a count of classes, a set opened with 在……中, lists read with 依次, a list and
its count before 分别, a list named with a copula in the clause before, a share after a growth rate, a
modifier that tells a part from its whole, a channel before 累计, a body named by its kind. Each test
is a short release written for it."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period_of


def test_a_count_of_classes_in_digits_is_a_figure_and_one_in_chinese_numerals_a_name() -> None:
    got = _by_mention("今年以来,全县对12类重点场所开展排查,其中八类案件下降明显。", region="宜良县")
    assert got["12类"].value == 12 and got["12类"].unit == "类"
    assert got["12类"].subject == "重点场所"
    assert "八类" not in got


def test_a_set_opened_with_zai_and_zhong_is_counted_without_the_frame() -> None:
    got = _by_mention("前5个月,在纳入监测的36个行业中,有27个行业利润增长。在统计的9类产品中,有6类产量下降。", region="南通市")
    assert got["36个"].subject == "纳入监测的行业" or got["36个"].subject == "行业"
    assert got["9类"].subject == "产品"


def test_yici_hands_the_items_out_one_by_one_like_fenbie() -> None:
    got = _by_mention("2023年,全区法院合同纠纷、侵权纠纷和劳动争议案件依次为3120件、1480件和960件。", date(2024, 2, 1), "鼓楼区")
    assert got["3120件"].subject == "合同纠纷"
    assert got["1480件"].subject == "侵权纠纷"
    assert got["960件"].subject == "劳动争议案件"
    got = _by_mention("上半年,限额以上单位中,家用电器类、文化办公用品类零售额依次增长9.4%和12.1%。", date(2024, 7, 20), "合肥市")
    assert got["9.4%"].subject == "家用电器类零售额"
    assert got["12.1%"].subject == "文化办公用品类零售额"


def test_a_cut_is_a_decrease() -> None:
    got = _by_mention("一季度,全市企业开办时间比上年同期压缩约40%。", date(2024, 4, 15), "佛山市")
    assert got["约40%"].value == -40
    assert got["约40%"].subject.startswith("企业开办时间")


def test_a_noun_that_begins_with_bei_is_no_passive() -> None:
    got = _by_mention("全年对2100名失信被执行人采取限制高消费措施,860余名被执行人主动履行了义务。", date(2024, 1, 30), "无锡市")
    assert got["2100名"].subject == "失信被执行人"
    assert got["860余名"].subject == "被执行人"


def test_places_closed_by_dengdi_are_no_part_of_the_subject() -> None:
    got = _by_mention("5月8日,专案组在广东佛山、福建泉州等地抓获犯罪嫌疑人14名。", date(2024, 5, 20), "赣州市")
    assert got["14名"].subject == "抓获犯罪嫌疑人"


def test_the_rest_of_an_aside_opened_in_the_clause_before_is_dropped() -> None:
    got = _by_mention("今年前4个月,全省(不含宁波,下同)办理出口退税186.2亿元。", date(2024, 5, 10), "浙江省")
    assert got["186.2亿元"].subject == "办理出口退税"


def test_a_body_named_by_its_kind_before_its_act_is_the_actor() -> None:
    got = _by_mention(
        "国庆期间,全市公安交管部门每日投入警力2600余人次。截至9月底,全市法院审结涉企案件1.2万件。", date(2024, 10, 9), "成都市"
    )
    assert got["2600余人次"].subject == "每日投入警力"
    assert got["1.2万件"].subject == "审结涉企案件"
    got = _by_mention("2023年,全市行政机关负责人出庭应诉率达到96.5%。", date(2024, 3, 1), "洛阳市")
    assert got["96.5%"].subject == "行政机关负责人出庭应诉率"


def test_a_share_after_a_growth_rate_is_a_part_of_the_quantity_that_grew() -> None:
    got = _by_mention(
        "1-8月,全市装备制造业增加值增长9.2%,占规模以上工业的比重为41.3%,比上年同期提高0.8个百分点。", date(2024, 9, 20), "株洲市"
    )
    assert got["41.3%"].subject == "装备制造业增加值占规模以上工业的比重"
    assert got["0.8个百分点"].subject.startswith("装备制造业增加值占规模以上工业的比重")


def test_an_approximate_share_is_of_the_count_before_it() -> None:
    got = _by_mention("假期全市12个A级景区接待游客86.4万人次,约占全市的41%。", date(2024, 10, 8), "桂林市")
    assert got["41%"].qualifier == "approx"
    assert got["41%"].subject.startswith(("A级景区接待游客", "接待游客"))


def test_a_part_named_as_its_whole_keeps_the_modifier_that_tells_it_apart() -> None:
    got = _by_mention("2023年,全区法院判处罪犯2310人,其中判处三年以上有期徒刑的罪犯286人。", date(2024, 1, 25), "江宁区")
    assert got["2310人"].subject == "判处罪犯"
    assert got["286人"].subject == "判处三年以上有期徒刑的罪犯"


def test_items_listed_before_their_count_go_one_by_one() -> None:
    got = _by_mention("全年,餐饮、住宿、零售三个行业投诉量依次占投诉总量的42.5%、21.3%和17.8%。", date(2024, 1, 12), "贵阳市")
    assert got["42.5%"].subject.startswith("餐饮投诉量")
    assert got["21.3%"].subject.startswith("住宿投诉量")
    assert got["17.8%"].subject.startswith("零售投诉量")
    # places listed before their count are the figures' regions: every figure counts the same
    got = _by_mention("春节期间,昆明、大理两个州市接待游客分别为530.2万人次、318.6万人次。", date(2024, 2, 20), "云南省")
    assert got["530.2万人次"].subject == "接待游客"
    assert got["318.6万人次"].region == "大理白族自治州"


def test_items_named_with_a_copula_in_the_clause_before_go_one_by_one() -> None:
    got = _by_mention(
        "前三季度,美国、日本为全市前两大贸易伙伴,分别进出口412.3亿元和286.1亿元,分别增长6.2%和下降2.4%。",
        date(2024, 10, 20),
        "厦门市",
    )
    assert got["412.3亿元"].subject == "美国进出口"
    assert got["286.1亿元"].subject == "日本进出口"
    assert got["6.2%"].subject.startswith("美国进出口")
    assert got["2.4%"].value == -2.4 and got["2.4%"].subject.startswith("日本进出口")


def test_the_channel_before_leiji_names_the_flow() -> None:
    got = _by_mention(
        "五一假期,全省高速公路累计通行车辆1286.4万辆次。全省铁路累计发送旅客312.5万人次。全市交警支队累计出动警力5200人次。"
        "全年,全市法院审结案件的重刑率为21.4%,高于全省法院平均水平3.2个百分点。",
        date(2024, 5, 6),
        "湖北省",
    )
    assert got["1286.4万辆次"].subject == "高速公路通行车辆"
    assert got["312.5万人次"].subject == "发送旅客"  # a carrier that sends is its actor
    assert got["5200人次"].subject == "出动警力"
    assert "重刑率高于" in got["3.2个百分点"].subject  # a court compared with is no actor


def test_an_area_launching_a_campaign_on_a_day_counts_totals_not_an_incident() -> None:
    got = _by_mention("10月5日,全县开展集中清查行动,出动警力260人次,抓获网上逃犯3名。", date(2024, 10, 10), "宾川县")
    assert got["260人次"].kind == "aggregate"
    assert got["3名"].kind == "aggregate"
    # one unit's seizure on a day stays one incident's quantity
    got = _by_mention("9月12日,海关在一批进口冻品中查获未申报牛肉12.6吨。", date(2024, 9, 20), "青岛市")
    assert got["12.6吨"].kind == "event"


def test_a_list_of_changes_with_its_own_direction_says_it_in_the_subject() -> None:
    got = _by_mention("今年以来,全市查处酒驾1320起、醉驾410起、无证驾驶860起,同比分别上升6%、3%和下降5%。", date(2024, 9, 1), "绵阳市")
    assert got["5%"].value == -5
    assert got["5%"].subject == "无证驾驶下降"


def test_a_count_of_casualties_is_named_without_the_act_of_the_accidents() -> None:
    got = _by_mention("2023年,全市发生各类安全生产事故总死亡人数62人。", date(2024, 1, 20), "德阳市")
    assert got["62人"].subject == "安全生产事故总死亡人数"


def test_an_editors_note_between_a_comparison_and_its_verb_names_nothing() -> None:
    got = _by_mention("前三季度,全市外贸进出口总值812.4亿元,较去年同期(下同)增长6.1%。", date(2025, 10, 20), "台州市")
    assert got["6.1%"].subject.startswith("外贸进出口总值")


def test_a_share_raised_to_a_level_is_of_the_quantity_before() -> None:
    got = _by_mention("上半年,全区外资企业进出口96.2亿元,增长3.4%,占比提升至27.8%。", date(2025, 7, 18), "黄埔区")
    assert got["27.8%"].subject == "外资企业进出口占比"


def test_a_change_that_speeds_up_or_slows_down_is_of_the_growth_rate() -> None:
    got = _by_mention("1-5月,全县规模以上工业增加值增长6.4%,比1-4月加快0.7个百分点;固定资产投资增长3.1%,比上月放缓0.5个百分点。",
                      date(2025, 6, 18), "南部县")
    assert got["0.7个百分点"].subject.startswith("规模以上工业增加值增速")
    assert got["0.5个百分点"].subject.startswith("固定资产投资增速")


def test_a_bare_act_after_leiji_keeps_the_topic_before_it() -> None:
    got = _by_mention("1-9月,全市商品住宅累计网签成交2.15万套;全市用电量累计完成86.3亿千瓦时。", date(2025, 10, 12), "江门市")
    assert got["2.15万套"].subject == "商品住宅网签成交"
    assert got["86.3亿千瓦时"].subject == "用电量"


def test_an_area_or_amount_written_alone_after_a_count_is_of_what_was_counted() -> None:
    got = _by_mention("10月份,全市二手住房成交1860套,面积17.2万平方米,环比下降4.2%。", date(2025, 11, 8), "惠州市")
    assert got["17.2万平方米"].subject == "二手住房成交面积"
    assert got["4.2%"].subject.startswith("二手住房成交面积")


def test_a_row_flattened_into_one_line_with_spaces_is_named_by_its_first_cell() -> None:
    got = _by_mention("分行业用水情况\n农业 用水量 12.6亿立方米 下降3.2%\n工业 用水量 4.1亿立方米 增长1.8%", date(2025, 3, 2), "宁夏回族自治区")
    assert got["4.1亿立方米"].subject == "工业用水量"
    assert got["3.2%"].subject.startswith("农业用水量")


def test_rows_of_places_under_a_line_count_what_that_line_names() -> None:
    got = _by_mention("分县区看,一季度新增城镇就业人数\n城关区 1260人\n七里河区 980人\n全市合计4120人。", date(2025, 4, 15), "兰州市")
    assert got["1260人"].subject == "新增城镇就业人数"
    assert got["980人"].subject == "新增城镇就业人数" and got["980人"].region == "七里河区"


def test_an_area_ranked_by_a_quantity_is_the_figures_area_not_its_subject() -> None:
    got = _by_mention(
        "上半年,全省PM10平均浓度南阳市最高,为68微克/立方米;信阳市最低,为41微克/立方米。各市中,洛阳市增速最快,达9.1%。"
        "优良天数最多的是西峡县,为176天。",
        date(2025, 7, 20),
        "河南省",
    )
    assert got["68微克/立方米"].subject == "PM10平均浓度"
    assert got["41微克/立方米"].subject == "PM10平均浓度"
    assert got["9.1%"].subject == "增速"
    assert got["176天"].subject == "优良天数"


def test_a_forecast_names_the_quantity_without_its_future_marker() -> None:
    got = _by_mention("预计全年,全县地区生产总值将超过300亿元,粮食总产有望达到52万吨。", date(2025, 7, 20), "滑县")
    assert got["超过300亿元"].subject == "地区生产总值"
    assert got["52万吨"].subject == "粮食总产"


def test_a_noun_after_a_count_that_runs_on_into_the_next_figure_is_cut_at_the_set() -> None:
    got = _by_mention("上半年,全县8个省级以上开发区工业总产值累计达412.6亿元,同比增长6.3%。", date(2025, 7, 20), "长兴县")
    assert got["8个"].subject == "省级以上开发区"
    assert got["412.6亿元"].subject == "省级以上开发区工业总产值"
    assert got["6.3%"].subject.startswith("省级以上开发区工业总产值")


def test_a_stock_opened_with_gongyou_and_its_grades_name_what_is_held() -> None:
    got = _by_mention("截至11月底,全市共有A级旅游景区46家,其中5A级2家、4A级15家。", date(2025, 12, 20), "黄山市")
    assert got["46家"].subject == "A级旅游景区"
    assert got["2家"].subject == "5A级旅游景区"
    assert got["15家"].subject == "4A级旅游景区"


def test_a_share_stated_as_a_proportion_of_a_named_whole_is_of_the_part() -> None:
    got = _by_mention(
        "前三季度,全市高新技术产业产值1820.6亿元,占规模以上工业总产值的比重达到48.2%,较上年同期提高2.1个百分点。",
        date(2025, 10, 25),
        "芜湖市",
    )
    assert got["48.2%"].subject == "高新技术产业产值占规模以上工业总产值的比重"
    assert got["2.1个百分点"].subject.startswith("高新技术产业产值占规模以上工业总产值的比重")


def test_the_currency_a_total_is_reckoned_in_is_no_part_of_its_subject() -> None:
    got = _by_mention("上半年,全市进出口总额以人民币计价为312.6亿元,增长4.1%。", date(2025, 7, 25), "东莞市")
    assert got["312.6亿元"].subject == "进出口总额"


def test_levels_against_another_period_given_with_fenbie_are_each_of_the_quantity_before() -> None:
    got = _by_mention(
        "1-10月,全省接待国内游客5.2亿人次,实现国内旅游收入6120亿元,分别恢复到2019年同期的108%和102%。",
        date(2025, 11, 20),
        "云南省",
    )
    assert got["108%"].subject.startswith("接待国内游客")
    assert got["102%"].subject.startswith("国内旅游收入")


def test_a_change_in_a_count_after_a_share_is_of_the_count() -> None:
    got = _by_mention("截至6月底,全市现有吸毒人员1826名,占全市常住人口的0.07%,比去年底减少213名。", date(2025, 7, 2), "玉溪市")
    assert got["213名"].subject.startswith("吸毒人员") and "占" not in got["213名"].subject


def test_a_set_closed_by_zhong_before_a_comma_is_named_without_the_frame() -> None:
    got = _by_mention("今年计划改造的62个小区中,已完工41个,完工率66.1%。", date(2025, 10, 8), "常德市")
    assert got["62个"].subject.endswith("小区")


def test_an_actor_before_xianhou_is_no_part_of_what_it_did() -> None:
    got = _by_mention("经查,该团伙自2024年以来先后作案300余起。", date(2025, 8, 20), "丰城市")
    assert got["300余起"].subject == "作案"


def test_a_share_of_a_target_done_is_of_the_quantity_before() -> None:
    got = _by_mention("2025年,全市城镇新增就业5.6万人,完成年度目标的112%。", date(2026, 1, 30), "襄阳市")
    assert got["112%"].subject == "城镇新增就业完成年度目标"


def test_fenbie_inside_the_clause_that_names_the_quantity_is_dropped() -> None:
    got = _by_mention("8月份,南海区、顺德区新建商品住宅分别成交1684套、1427套。", date(2025, 9, 8), "佛山市")
    assert got["1684套"].subject == "新建商品住宅成交"
    assert got["1427套"].region == "顺德区"


def test_a_level_moved_from_one_value_to_another_names_the_quantity_without_cong() -> None:
    got = _by_mention("五年来,全县森林覆盖率从58.2%提高到61.5%。", date(2026, 1, 10), "遂昌县")
    assert got["58.2%"].subject == "森林覆盖率"
    assert got["61.5%"].subject == "森林覆盖率"


def test_a_total_written_alone_after_an_addition_is_the_total_of_what_was_added_to() -> None:
    got = _by_mention("今年以来,全市新增家庭农场120家,总数达1860家。", date(2025, 10, 15), "眉山市")
    assert got["1860家"].subject == "家庭农场总数"


def test_a_level_against_an_earlier_year_is_of_the_quantity_before_its_change() -> None:
    got = _by_mention("端午假期，全市接待游客412.6万人次，同比增长18.2%，恢复至2019年同期的106.4%。")
    assert got["106.4%"].subject.startswith("接待游客恢复")


def test_a_grade_in_latin_letters_opens_the_noun_after_a_count() -> None:
    got = _by_mention("假期期间，全市纳入监测的36家A级旅游景区共接待游客210万人次。")
    assert got["36家"].subject.endswith("A级旅游景区")


def test_the_value_of_another_month_and_the_share_of_a_past_level_are_of_the_quantity_before() -> None:
    # 较3月份的21%: the same ratio a few months before; 仍不足2019年同期的七成: the share of that level reached
    got = _by_mention(
        "6月份,全市涉诈警情占刑事警情的比重为16%,较3月份的21%下降5个百分点。"
        "上半年,全市接待游客1820万人次,同比增长12.6%,但仍不足2019年同期的七成。",
        date(2023, 7, 18), "温州市",
    )
    assert got["21%"].subject == "涉诈警情占刑事警情的比重"
    assert got["七成"].subject == "接待游客"


def test_an_average_change_over_months_is_of_the_quantity_just_given() -> None:
    # 1-5月平均上涨1.0%: the average of the change of the quantity named before it
    got = _by_mention("5月份,全省居民消费价格同比上涨0.4%,1-5月平均上涨1.1%。", date(2023, 6, 16), "江苏省")
    assert got["1.1%"].subject == "居民消费价格"


def test_changes_of_the_measures_just_given_counted_go_through_them_in_order() -> None:
    # 三项指数分别下降: the number of the measures is no figure, and each change is of one measure before it
    got = _by_mention(
        "1至5月,全县共发生交通事故38起,死亡9人,受伤41人,与去年同期相比,三项指数分别下降7.3%、10%和4.7%。",
        date(2017, 6, 12), "祁县",
    )
    assert "三项" not in got
    assert [got[m].subject for m in ("7.3%", "10%", "4.7%")] == ["发生交通事故", "死亡", "受伤"]


def test_a_verb_after_a_measure_says_nothing_and_borrows_nothing() -> None:
    # 业务量完成, 包裹业务累计完成: the measure is named before the verb; the item is no part of the one before
    got = _by_mention(
        "1-6月,全市快递业务量累计完成8.42亿件,同比增长21.3%。其中,同城业务量完成1.95亿件,同比增长9.8%;"
        "异地业务量完成6.2亿件,同比增长26.4%。包裹业务累计完成96.5万件。",
        date(2019, 7, 22), "杭州市",
    )
    assert got["8.42亿件"].subject == "快递业务量"
    assert got["1.95亿件"].subject == "同城业务量"
    assert got["6.2亿件"].subject == "异地业务量"
    assert got["26.4%"].subject.removesuffix("增长") == "异地业务量"
    assert got["96.5万件"].subject == "包裹业务"


def test_a_net_change_is_a_change_of_the_quantity_before() -> None:
    # 比上年末净增: 净 (net) between the base and the verb; the change is of the stock just given
    got = _by_mention("截至9月底,全市5G基站总数达2.31万个,比上年末净增3860个。", date(2024, 10, 18), "贵阳市")
    assert got["3860个"].subject.startswith("5G基站总数")
    assert got["3860个"].value == 3860
    assert _period_of(got["3860个"]) == (date(2024, 1, 1), date(2024, 9, 30))


def test_after_a_word_that_picks_out_which_ones_the_noun_after_the_count_is_counted() -> None:
    # 抓获其余|9名团伙成员, 该团伙|6名骨干成员, 将该团伙|5名成员全部抓获: what is counted comes after the number
    got = _by_mention(
        "专案组赴广东抓获主犯2名,随后在本地抓获其余9名团伙成员。该团伙6名骨干成员已全部到案。"
        "8月26日,民警在江西将该团伙5名成员全部抓获。",
        date(2021, 9, 8), "新邵县",
    )
    assert got["9名"].subject.endswith("团伙成员") and "其余" not in got["9名"].subject
    assert got["6名"].subject.endswith("骨干成员")
    assert got["5名"].subject.endswith("成员") and "将" not in got["5名"].subject


def test_a_remark_ranking_the_figure_before_names_nothing_for_the_rows_after_it() -> None:
    # ……1426毫米,为全市最多;霍山县1318毫米: the next place's row measures what the row before measured
    got = _by_mention("其中金寨县平均降雨1426毫米,为全市最多;霍山县1318毫米;舒城县986毫米。", date(2016, 7, 22), "六安市")
    assert got["1318毫米"].subject == "平均降雨"
    assert got["986毫米"].subject == "平均降雨"


def test_taxes_after_a_verb_list_each_their_own() -> None:
    # 增值税完成……;营业税完成……: each tax is the quantity; none borrows the one before
    got = _by_mention("分税种看,增值税完成38.2亿元,增长6.1%;营业税完成12.4亿元,下降3.5%;契税完成4.1亿元。", date(2015, 12, 10), "赣州市")
    assert got["12.4亿元"].subject == "营业税"
    assert got["4.1亿元"].subject == "契税"


def test_counts_of_tents_bodies_and_couples_and_flows_per_day_are_figures_and_place_names_are_not() -> None:
    # 帐篷120顶, 火化遗体1.41万具, 结婚登记1.87万对, 265万吨/日; 九台市 and 五台县 are names, not nine or five machines
    got = _by_mention(
        "调拨棉帐篷120顶,全年火化遗体1.41万具,办理结婚登记1.87万对,新增污水处理能力26.5万吨/日。"
        "九台市交警大队查处违法行为640余起,五台县发生森林火灾1起。",
        date(2016, 5, 18), "长春市",
    )
    assert got["120顶"].unit == "顶" and got["1.41万具"].value == 14100 and got["1.87万对"].unit == "对"
    assert got["26.5万吨/日"].unit == "吨/日"
    assert "九台" not in got and "五台" not in got


def test_the_things_listed_before_and_named_by_shangshu_get_their_figures_in_order() -> None:
    # 韩国、欧盟和东盟为……,对上述市场分别进出口……: each figure is of the market listed in its place
    got = _by_mention(
        "韩国、欧盟和东盟为我省前三大贸易伙伴,前5个月全省对上述市场分别进出口1168.4亿元、1052.9亿元和1013.7亿元。",
        date(2014, 6, 12), "山东省",
    )
    assert [got[m].subject for m in ("1168.4亿元", "1052.9亿元", "1013.7亿元")] == ["对韩国进出口", "对欧盟进出口", "对东盟进出口"]
