"""Rules drawn from blind round 32, read for 0.20.0: a comparison with a base of its own (比节前, 较整治前), what
is added to a balance, a reporting window opened by a start told before its cut-off, undated starts of a
body or a service, measures listed after a count, the year to date inside a paragraph of a release on a
window of its own, one party's penalty, a stock date opening a sentence inside a paragraph, places ranked by
one measure and the act their figures count, for whom (共为), the means (通过……等方式), and a headline's part
after a space. Each test is a short release written for the rule."""

from __future__ import annotations

from datetime import date

from extractors import extract
from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_a_change_against_a_base_of_its_own_is_a_change_of_the_quantity_before() -> None:
    # 比节前上涨: the base (before the holiday) is not what is counted; the price before it is
    got = _by_mention(
        "春节期间,全市生活必需品供应充足,猪肉零售均价为每公斤29.2元,比节前上涨3.5%;"
        "鸡蛋零售均价为每公斤9.6元,较整治前下降1.6%。",
        date(2016, 2, 14), "苏州市",
    )
    assert got["3.5%"].subject.startswith("猪肉零售均价")
    assert got["1.6%"].subject.startswith("鸡蛋零售均价")


def test_what_is_added_to_a_balance_names_the_balance() -> None:
    got = _by_mention(
        "截至6月末,全省普惠小微贷款余额874.5亿元,同比增长29.3%,上半年新增312.6亿元。",
        date(2021, 7, 20), "贵州省",
    )
    assert got["312.6亿元"].subject == "普惠小微贷款新增"
    assert _period(got["312.6亿元"]) == (date(2021, 1, 1), date(2021, 6, 30))


def test_a_start_told_before_a_cut_off_opens_the_window_of_the_work_done_after_it() -> None:
    # 年初以来 in the lead names no figure; 截至10月底 after it: the inspections and accidents run from New Year
    # to the cut-off, what the county has (现有) stays a stock
    got = _by_mention(
        "年初以来,县应急管理局扎实开展安全生产大检查,全县安全生产形势总体稳定。\n"
        "截至10月底,县应急管理局组织开展安全生产执法检查1274家次,排查各类安全隐患3862条。"
        "全县共发生各类生产安全事故9起、死亡7人。\n"
        "全县现有各类应急救援队伍23支。\n",
        date(2022, 11, 8), "瓮安县",
    )
    window = (date(2022, 1, 1), date(2022, 10, 31))
    for mention in ("1274家次", "3862条", "9起", "7人"):
        assert _period(got[mention]) == window, mention
    assert _period(got["23支"]) == (None, date(2022, 11, 8))


def test_a_start_told_after_the_cut_off_does_not_open_a_window() -> None:
    # 自2021年3月起推广 told after 截至9月底: the count as of the cut-off stays a stock
    got = _by_mention(
        "截至9月底,全省累计为适龄人群接种疫苗首剂86.2万人。\n"
        "据介绍,全省自2021年3月起推广这一项目,目前各地均已纳入民生实事。\n",
        date(2023, 10, 20), "福建省",
    )
    assert _period(got["86.2万人"]) == (None, date(2023, 9, 30))


def test_since_a_body_was_set_up_with_no_day_is_a_running_total_as_of_publication() -> None:
    # 反诈中心成立以来: its day is not told; the running total is a stock at publication, not the release's 1-11月
    got = _by_mention(
        "1-11月,全省共破获电信网络诈骗案件2068起。省反诈中心成立以来,共紧急止付涉案资金1.08亿元。"
        "该中心自2016年成立以来,共接听群众咨询4.2万次。",
        date(2018, 12, 3), "海南省",
    )
    assert _period(got["2068起"]) == (date(2018, 1, 1), date(2018, 11, 30))
    assert _period(got["1.08亿元"]) == (None, date(2018, 12, 3))
    assert _period(got["4.2万次"]) != (None, date(2018, 12, 3))


def test_measures_listed_after_a_count_are_of_what_it_counts() -> None:
    got = _by_mention(
        "上半年,该院共受理审查起诉案件804件1056人,提起公诉612件793人,件数、人数同比分别上升9.6%和7.2%。",
        date(2023, 7, 20), "武侯区",
    )
    assert got["9.6%"].subject == "提起公诉件数"
    assert got["7.2%"].subject == "提起公诉人数"


def test_the_year_to_date_inside_a_paragraph_holds_for_that_paragraph_of_a_release_on_a_campaign() -> None:
    # the release counts from the campaign's launch (1月24日); 今年以来 told inside one paragraph is that
    # paragraph's, and the campaign's window is back in the next
    got = _by_mention(
        "记者从省市场监管局获悉,1月24日全省启动价格监管专项行动以来,共立案查处价格违法案件2147件。\n"
        "在质量监管方面,省局组织对口罩生产企业开展检查。今年以来,全省共抽检防疫用品486批次。\n"
        "在网络市场监管方面,省局累计监测网店商品信息310万余条。\n",
        date(2020, 3, 6), "江苏省",
    )
    campaign = (date(2020, 1, 24), date(2020, 3, 6))
    assert _period(got["2147件"]) == campaign
    assert _period(got["486批次"]) == (date(2020, 1, 1), date(2020, 3, 6))
    assert _period(got["310万余条"]) == campaign


def test_one_partys_penalty_is_an_event_of_its_own_day() -> None:
    # a fine laid on one party (陈某, 一家公司): the quantity of one case; its day is the one told in its
    # sentence, or none
    got = _by_mention(
        "2023年,全市法院共审结电信网络诈骗案件1465件。鹿城区人民法院以帮助信息网络犯罪活动罪判处陈某有期徒刑二年,"
        "并处罚金5万元。2023年8月22日,市中级人民法院二审维持原判,判处林某有期徒刑十三年,并处罚金100万元。",
        date(2024, 4, 16), "温州市",
    )
    assert got["1465件"].kind == "aggregate"
    assert got["5万元"].kind == "event" and _period(got["5万元"]) == (None, None)
    assert got["100万元"].kind == "event" and _period(got["100万元"]) == (date(2023, 8, 22), date(2023, 8, 22))


def test_a_stock_date_opening_a_sentence_inside_a_paragraph_holds_for_that_sentence() -> None:
    got = _by_mention(
        "1-10月,全县规模以上工业企业完成增加值38.62亿元。10月末,全县规模以上工业企业达到97户。"
        "分行业看,三大主导产业完成增加值21.47亿元。",
        date(2013, 11, 18), "于都县",
    )
    assert _period(got["97户"]) == (None, date(2013, 10, 31))
    assert _period(got["21.47亿元"]) == (date(2013, 1, 1), date(2013, 10, 31))


def test_places_ranked_by_one_measure_count_the_act_their_figures_follow() -> None:
    got = _by_mention(
        "从地域分布看,瑞安市、乐清市、鹿城区法院受理案件数量居前,五年间分别审结412件、377件和365件。",
        date(2024, 4, 16), "温州市",
    )
    for mention in ("412件", "377件", "365件"):
        assert got[mention].subject == "审结", mention


def test_for_whom_something_was_done_is_written_after_the_count() -> None:
    # 共为312名农民工追回欠薪: the workers are counted, not the agency that acted for them
    got = _by_mention("年初以来,区劳动保障监察大队共为312名农民工追回欠薪586.4万元。", date(2022, 10, 18), "涪城区")
    assert got["312名"].subject.startswith("农民工")


def test_the_means_something_was_done_by_is_not_what_is_counted() -> None:
    got = _by_mention("上半年,全省企业通过债券、股票等方式实现直接融资1263.8亿元。", date(2021, 7, 20), "贵州省")
    assert "方式" not in got["1263.8亿元"].subject and "直接融资" in got["1263.8亿元"].subject


def test_a_headline_part_after_a_space_names_the_noun_after_the_number() -> None:
    figures = extract(
        "麦积区兜牢民生底线 1.38亿元救助资金惠及困难群众\n今年以来,全区累计发放各类救助资金1.38亿元。\n",
        published=date(2025, 9, 5), region="麦积区",
    )
    headline = min(figures, key=lambda f: f.start)
    assert headline.mention == "1.38亿元" and headline.subject == "救助资金"


def test_a_word_with_zai_inside_is_not_cut_at_zai() -> None:
    got = _by_mention("全省检查药店3.4万家次,对128家存在明码标价问题的经营者予以警告。", date(2020, 3, 6), "江苏省")
    assert got["128家"].subject.startswith("存在明码标价")


# Rules drawn from blind round 35 (the forms real releases take: bulletins of small tables, interviews,
# holiday round-ups, work reports, reviews of a plan period).


def test_a_caption_listing_units_gives_each_column_its_unit_and_rows_need_no_header() -> None:
    # 单位:亿元、% in the caption: the first value column in 亿元, the second in percent; a table right under
    # its caption with no header row is still a table
    got = _by_mention(
        "1-10月全市主要指标如下:\n"
        "表一 工业生产(单位:亿元、%)\n"
        "指标名称  1-10月  同比增长\n"
        "规模以上工业总产值  1826.43  8.7\n"
        "\n"
        "表二 固定资产投资(单位:亿元、%)\n"
        "全社会固定资产投资  1103.65  13.4\n"
        "  其中:民间投资  512.37  7.9\n",
        date(2016, 11, 18), "绵阳市",
    )
    assert got["1826.43"].unit == "元" and got["1826.43"].value == 182_643_000_000
    assert got["8.7"].unit == "%" and got["8.7"].value == 8.7
    assert got["1103.65"].unit == "元" and got["1103.65"].subject == "全社会固定资产投资"
    assert got["7.9"].unit == "%" and got["7.9"].subject == "民间投资"


def test_a_balance_column_of_changes_since_new_year_runs_from_new_year() -> None:
    got = _by_mention(
        "表四 金融(单位:亿元、%)\n"
        "指标名称  10月末余额  比年初增长\n"
        "金融机构人民币各项存款余额  3106.84  10.5\n"
        "金融机构人民币各项贷款余额  1674.55  11.3\n",
        date(2016, 11, 18), "绵阳市",
    )
    assert _period(got["3106.84"]) == (None, date(2016, 10, 31))
    assert _period(got["10.5"]) == (date(2016, 1, 1), date(2016, 10, 31))


def test_a_scope_word_after_a_wider_one_is_the_area_of_its_level_resolved_before() -> None:
    # 全区 resolved to the district at first; 全市 in a ranking names the city for its sentence; the 全区 after
    # it is the district again
    got = _by_mention(
        "新闻网 > 地方频道 > 邯郸 > 正文\n"
        "肥乡区1-11月空气质量持续改善\n"
        "2017-12-08 08:47  来源:邯郸日报\n"
        "本报讯 记者从邯郸市生态环境局肥乡区分局获悉,1-11月,全区PM2.5平均浓度为79微克/立方米,"
        "改善幅度在全市18个县(市、区)中排名第2位。\n"
        "1-11月,全区达标天数为168天,比去年同期增加31天。\n",
        date(2017, 12, 8),
    )
    assert got["79微克/立方米"].region == "肥乡区"
    assert got["168天"].region == "肥乡区"


def test_a_day_after_qizhong_holds_to_the_next_semicolon() -> None:
    got = _by_mention(
        "中秋国庆假期,全市接待游客512万人次。黄山风景区累计接待游客16.35万人次,其中10月2日单日接待3.12万人次;"
        "宏村景区接待游客15.2万人次。",
        date(2023, 10, 7), "黄山市",
    )
    assert _period(got["3.12万人次"]) == (date(2023, 10, 2), date(2023, 10, 2))
    assert _period(got["15.2万人次"]) == (date(2023, 9, 29), date(2023, 10, 6))


def test_years_since_runs_to_publication_even_inside_a_plan_period_still_running() -> None:
    # 十四五期间 (2021-2025) told in December 2025, then 五年来: from 2021 to the day of the release
    got = _by_mention(
        "“十四五”期间,全省卫生健康事业取得长足进展。2021年至2025年,全省婴儿死亡率逐年下降。"
        "五年来,全省累计新增三级医院23家。",
        date(2025, 12, 19), "甘肃省",
    )
    assert _period(got["23家"]) == (date(2021, 1, 1), date(2025, 12, 19))


def test_a_gap_over_a_wider_area_is_of_the_quantity_just_given() -> None:
    got = _by_mention(
        "前三季度,全省规模以上工业增加值同比增长7.8%,但仍高于全国3.8个百分点。"
        "社会消费品零售总额同比增长6.6%,比全国平均水平高0.8个百分点。从当月看,9月份增长8.6%。",
        date(2023, 10, 24), "安徽省",
    )
    assert got["3.8个百分点"].subject == "规模以上工业增加值高于全国"
    assert got["0.8个百分点"].subject.startswith("社会消费品零售总额")
    assert got["8.6%"].subject == "社会消费品零售总额"  # 从当月看 names how the figures are cut, nothing counted
    assert _period(got["8.6%"]) == (date(2023, 9, 1), date(2023, 9, 30))


def test_a_change_against_the_five_years_before_is_of_the_counts_listed() -> None:
    got = _by_mention(
        "五年来,全市检察机关共批准逮捕犯罪嫌疑人2.86万人,提起公诉4.12万人,分别比前五年上升8.3%和15.6%。"
        "已起诉职务犯罪421人,其中原县处级以上干部58人。",
        date(2022, 1, 14), "赣州市",
    )
    assert got["8.3%"].subject.startswith("批准逮捕")
    assert got["15.6%"].subject.startswith("提起公诉")
    assert got["58人"].region == "赣州市"  # 其中原县处级: no 中原县 (a former name of 中原区)


# Rules drawn from blind round 36 (police, courts and procuratorates as they publish).


def test_a_travel_document_names_no_area_and_last_years_end_is_a_base() -> None:
    got = _by_mention(
        "上半年,三台县公安局共签发往来台湾通行证2226本,办理各类签注2.1万余件。"
        "截至6月底,全县户籍人口1412836人,较去年末减少3219人。",
        date(2024, 7, 8),
    )
    assert got["2.1万余件"].region == "三台县"
    assert got["3219人"].subject.startswith("户籍人口")


def test_people_in_a_list_that_is_counted_are_not_an_actor() -> None:
    got = _by_mention("全年,民警帮助寻找走失老人和儿童1260人。", date(2013, 1, 21), "潍坊市")
    assert got["1260人"].subject.endswith("老人和儿童")


def test_a_year_inside_the_range_of_years_a_release_covers_holds_for_its_sentence() -> None:
    # a white paper on 2019-2023: 2023年 in a comparison is its sentence's; the breakdown after it is of the range
    got = _by_mention(
        "2019年至2023年,全市法院共审结毒品犯罪案件1271件。2023年审结案件数较2019年下降56.7%。"
        "从罪名分布看,贩卖毒品罪案件986件,占77.6%。",
        date(2024, 6, 25), "南充市",
    )
    years = (date(2019, 1, 1), date(2023, 12, 31))
    assert _period(got["1271件"]) == years
    assert _period(got["56.7%"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["986件"]) == years


def test_quarters_told_one_by_one_are_each_the_quarter_alone() -> None:
    got = _by_mention(
        "上半年,该院共审结涉诈案件428件。分季度看,一季度审结涉诈案件192件,二季度审结236件,环比上升22.9%。",
        date(2024, 7, 18), "浦东新区",
    )
    assert _period(got["192件"]) == (date(2024, 1, 1), date(2024, 3, 31))
    assert _period(got["236件"]) == (date(2024, 4, 1), date(2024, 6, 30))


def test_places_ranked_among_a_count_of_places_are_ranked_by_the_measure_before_it() -> None:
    got = _by_mention(
        "前三季度,全州共调解纠纷1.2万件。从各县市看,个旧市、蒙自市、弥勒市调解纠纷数量位居全州13个县市前三位,"
        "分别为1865件、1724件和1513件。",
        date(2018, 10, 26), "红河州",
    )
    for mention, place in (("1865件", "个旧市"), ("1724件", "蒙自市"), ("1513件", "弥勒市")):
        assert got[mention].subject == "调解纠纷数量" and got[mention].region == place, mention


def test_multiples_listed_with_fenbie_are_of_the_counts_in_order() -> None:
    got = _by_mention(
        "过去五年,县法院累计受理各类案件6.8万件,审结6.6万件,分别是前五年的1.6倍和1.5倍。", date(2024, 1, 10), "安吉县",
    )
    assert got["1.6倍"].subject.startswith("受理")
    assert got["1.5倍"].subject == "审结"


def test_a_rate_under_a_reporting_window_stays_a_stock() -> None:
    got = _by_mention(
        "自5月10日“夏雷”执行专项行动开展以来,固始县人民法院共执结案件2136件,执行到位金额1.37亿元。\n"
        "专项行动期间,该院组织集中执行行动14次。\n"
        "截至8月底,该院执行案件实际执结率为71.2%,较去年同期提高6.4个百分点。\n",
        date(2021, 9, 16), "固始县",
    )
    # (0.22: the running total told before the cut-off runs to the day of the release; three blind writers
    # read it so, and none the other way)
    assert _period(got["2136件"]) == (date(2021, 5, 10), date(2021, 9, 16))
    assert _period(got["71.2%"]) == (None, date(2021, 8, 31))


def test_a_change_of_a_share_against_a_base_is_of_the_share_just_given() -> None:
    got = _by_mention(
        "上半年,帮信罪案件数占涉诈案件总数的54.0%,较去年全年占比下降4.7个百分点。", date(2024, 7, 18), "浦东新区",
    )
    assert got["4.7个百分点"].subject == "帮信罪案件数占比"


# Rules drawn from blind round 37 (the north-west and south-west; prefecture and county statistics).


def test_what_a_set_just_counted_achieved_is_named_with_the_set() -> None:
    got = _by_mention("1-10月,全县在建亿元以上项目37个,累计完成投资21.4亿元。", date(2023, 11, 20), "桦南县")
    assert got["21.4亿元"].subject == "在建亿元以上项目累计完成投资"


def test_the_people_for_whom_an_area_did_something_are_counted_after_the_number() -> None:
    got = _by_mention("民政部门今年还为全州1.9万名困难残疾人发放生活补贴。", date(2018, 11, 15), "临夏州")
    assert got["1.9万名"].subject.startswith("困难残疾人")


def test_a_home_for_the_old_is_no_person_and_a_place_searched_is_no_subject() -> None:
    got = _by_mention(
        "八县(市)共建成农村互助老人幸福院612所。民警当场从车内查获走私冻品42.6吨。", date(2018, 11, 15), "临夏州",
    )
    assert "农村互助老人幸福院" in got["612所"].subject
    assert got["42.6吨"].subject.startswith("查获")


def test_rows_of_places_under_a_caption_ending_in_ruxia_take_its_measure_and_period() -> None:
    got = _by_mention(
        "前三季度,全盟共立案查处各类案件651件。\n"
        "前三季度各旗县市立案情况如下:\n"
        "锡林浩特市　238件\n"
        "二连浩特市　97件\n",
        date(2023, 10, 20), "锡林郭勒盟",
    )
    for mention, place in (("238件", "锡林浩特市"), ("97件", "二连浩特市")):
        assert got[mention].subject == "立案" and got[mention].region == place, mention
        assert _period(got[mention]) == (date(2023, 1, 1), date(2023, 9, 30)), mention


# Rules drawn from rounds 38 and 39 (written after the rules above; read once their first contact was scored).


def test_the_digits_after_a_decimal_point_open_no_month() -> None:
    got = _by_mention(
        "1-10月,全市优良天数262天。10月份,全市中心城区优良天数27天,PM2.5月均浓度38微克/立方米。\n"
        "水环境方面,全市17个考核断面中有16个达标。\n",
        date(2018, 11, 8), "常德市",
    )
    assert _period(got["38微克/立方米"]) == (date(2018, 10, 1), date(2018, 10, 31))
    assert _period(got["17个"]) == (date(2018, 1, 1), date(2018, 10, 31))


def test_last_years_figure_stated_with_wei_and_a_level_recovered_against_last_year() -> None:
    got = _by_mention(
        "一季度,全县实现农村电商交易额5.26亿元,去年同期为4.43亿元,同比增长18.7%。"
        "5月份,全区限上住宿餐饮业营业额恢复至去年同期的91.2%。",
        date(2025, 4, 10), "湄潭县",
    )
    assert _period(got["4.43亿元"]) == (date(2024, 1, 1), date(2024, 3, 31))
    assert _period(got["18.7%"]) == (date(2025, 1, 1), date(2025, 3, 31))
    assert _period(got["91.2%"]) == (date(2025, 5, 1), date(2025, 5, 31))


def test_changes_told_after_a_comparison_frame_with_fenbie_are_of_the_counts_before() -> None:
    got = _by_mention(
        "上半年,全省共造成37.6万人次受灾,紧急转移安置1.8万人次,直接经济损失4.9亿元,"
        "与近五年同期均值相比分别下降42.3%、35.8%和51.6%。",
        date(2024, 7, 23), "甘肃省",
    )
    assert got["42.3%"].subject == got["37.6万人次"].subject
    assert got["35.8%"].subject == "紧急转移安置"
    assert got["51.6%"].subject == "直接经济损失"


def test_a_breakdown_caption_on_a_line_of_its_own_is_not_the_first_rows_subject() -> None:
    got = _by_mention(
        "今年以来,全区共接报火灾312起。\n从起火场所看:\n住宅火灾 118起,占37.8%\n交通工具火灾 71起,占22.8%\n",
        date(2022, 11, 9), "岳麓区",
    )
    assert got["118起"].subject == "住宅火灾"
    assert got["71起"].subject == "交通工具火灾"


def test_how_much_more_a_balance_grew_than_a_year_before_is_a_flow_over_the_same_months() -> None:
    got = _by_mention(
        "截至6月末,全省各项贷款余额3.6万亿元,比年初增加2385.7亿元,同比多增172.9亿元。"
        "6月份,全县新增贷款9.37亿元,环比多增2.3亿元。",
        date(2021, 7, 20), "贵州省",
    )
    assert got["172.9亿元"].subject == "各项贷款同比多增"
    assert _period(got["172.9亿元"]) == (date(2021, 1, 1), date(2021, 6, 30))
    assert got["2.3亿元"].subject == "新增贷款环比多增"
    assert _period(got["2.3亿元"]) == (date(2021, 6, 1), date(2021, 6, 30))


# Rules drawn from rounds 41 and 42 (42 written as a held-out round; read after it showed the year rule's reach).


def test_since_a_year_with_what_began_in_it_is_a_running_total_for_its_sentence() -> None:
    got = _by_mention(
        "今年1-4月,全县缴获毒品312公斤。自2014年开展禁毒人民战争以来,全县累计缴获毒品12.7吨。截至4月底,全县登记吸毒人员1200名。",
        date(2018, 5, 22), "勐腊县",
    )
    assert _period(got["12.7吨"]) == (date(2014, 1, 1), date(2018, 5, 22))
    assert _period(got["312公斤"]) == (date(2018, 1, 1), date(2018, 4, 30))


def test_a_start_with_no_year_counted_to_publication_is_this_years_after_last_years_totals() -> None:
    got = _by_mention(
        "今年以来,全市共破获刑事案件2.8万起。去年,全市共破获刑事案件25304起。“严打”专项行动自6月1日开展以来,全市打掉犯罪团伙312个。",
        date(2012, 12, 28), "哈尔滨市",
    )
    assert _period(got["25304起"]) == (date(2011, 1, 1), date(2011, 12, 31))
    assert _period(got["312个"]) == (date(2012, 6, 1), date(2012, 12, 28))


def test_last_years_figure_told_by_the_agency_after_qunian_tongqi() -> None:
    got = _by_mention(
        "今年上半年,该关共立案侦办走私犯罪案件47起,同比增长30.6%。去年同期,该关立案侦办走私犯罪案件36起。从走私货物类型看,冻品占案值的八成以上。",
        date(2021, 7, 8), "满洲里市",
    )
    assert _period(got["36起"]) == (date(2020, 1, 1), date(2020, 6, 30))
    assert _period(got["八成以上"]) == (date(2021, 1, 1), date(2021, 6, 30))


def test_rows_of_a_list_under_the_body_take_the_period_told_above_them() -> None:
    got = _by_mention(
        "今年4月15日“铁拳”行动启动以来,截至11月30日,全市共查办民生领域案件2867件。分领域情况如下:\n"
        "食品安全  1142件  罚没款836.2万元\n"
        "药品医疗器械  387件  罚没款524.7万元\n"
        "2023年,全市共查办各类案件4125件。\n",
        date(2024, 12, 20), "赣州市",
    )
    campaign = (date(2024, 4, 15), date(2024, 11, 30))
    assert _period(got["1142件"]) == _period(got["387件"]) == campaign
    assert _period(got["4125件"]) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_year_that_opens_its_own_paragraph_inside_a_range_holds_over_it() -> None:
    got = _by_mention(
        "2019年至2023年,全省累计完成交通基础设施建设投资7263亿元。\n"
        "2023年,全省完成交通固定资产投资1386亿元,比上年下降4.7%;全年完成公路客运量1.92亿人次。"
        "全省民航旅客吞吐量2680.4万人次,比上年增长63.8%。\n",
        date(2024, 1, 20), "贵州省",
    )
    year = (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["1386亿元"]) == year
    assert _period(got["2680.4万人次"]) == year
