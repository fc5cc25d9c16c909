"""Rules of 0.23, drawn from blind rounds 53 and 55: rows of a list under a caption that states a period
take the caption's period (not the day of the last story told above them); a year before the number of
a batch (2024年第一批) names the batch; under a range of whole years, a from-to clause starts in the first
year and reaches the last; rows written as a label, a colon and values, or with a signed change after
spaces, are rows of the list above them; the losses of one flood named as such (此次洪水共造成) are one
incident's, whatever the cut-off they are counted to; a fund before 累计 names the quantity (医保基金累计支出);
a table's row of a kind takes its column's count (火灾 | 5起 | 2人); a change after a share of the plan is of
the quantity, not the share; an average over months told aside (1—5月平均) holds for its sentence only; a
campaign launched in a month (去年11月开展……行动以来) is a running total from that month to the release; a list
of places before 方向 or 籍 names destinations or origins, not the figures' areas; a venue before 累计接待 is part
of what is counted; beds, health workers and teachers in a year's bulletin are counted at the year's end; a
count of recipients before 发放 is named by the recipients; a campaign's window told with its cut-off in one
paragraph closes there also when a year to date is told elsewhere; the year to date told at the end of a paragraph
of a release on one month is that sentence's; a table's row named by a year counts what its column names. Each
test is a short release written for the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_rows_under_a_caption_take_its_period_not_the_day_told_above() -> None:
    got = _by_mention(
        "市公安局通报前10月治安形势\n"
        "10月8日,高新区警方在城东收网,抓获犯罪嫌疑人15名。\n"
        "\n"
        "三、交通安全\n"
        "1-10月主要交通数据:\n"
        "交通事故死亡人数  126人  同比下降8.1%\n"
        "查处酒驾  6420起  同比上升3.5%\n",
        date(2023, 11, 10), None,
    )
    assert _period(got["15名"]) == (date(2023, 10, 8), date(2023, 10, 8))
    for m in ("126人", "8.1%", "6420起", "3.5%"):
        assert _period(got[m]) == (date(2023, 1, 1), date(2023, 10, 31)), m
        assert got[m].kind == "aggregate", m
    assert got["126人"].period_from == "1-10月"


def test_a_year_before_a_batch_names_the_batch_and_the_day_holds() -> None:
    got = _by_mention(
        "3月2日,全市2023年第二批重点项目集中开工,当天开工项目56个,总投资318.5亿元。\n",
        date(2023, 3, 6), None,
    )
    assert _period(got["56个"]) == (date(2023, 3, 2), date(2023, 3, 2))
    assert _period(got["318.5亿元"]) == (date(2023, 3, 2), date(2023, 3, 2))


def test_a_from_to_clause_under_a_range_of_years_runs_from_the_first_year_to_the_last() -> None:
    got = _by_mention(
        "2018年至2022年,全县城镇居民人均可支配收入由28416元增加到36920元,年均增长6.8%。\n",
        date(2023, 2, 10), None,
    )
    assert _period(got["28416元"]) == (date(2018, 1, 1), date(2018, 12, 31))
    assert _period(got["36920元"]) == (date(2022, 1, 1), date(2022, 12, 31))
    assert _period(got["6.8%"]) == (date(2018, 1, 1), date(2022, 12, 31))  # the rate is over the range


def test_rows_written_with_a_colon_are_rows_of_the_list_above() -> None:
    got = _by_mention(
        "前三季度,全县累计发放各类救助资金8600万元。截至9月底,全县共有低保对象3120户。分类情况如下:\n"
        "城市低保:820户,发放资金1320.5万元\n"
        "农村低保:2300户,发放资金5210.8万元\n"
        "今年8月起,全县城乡低保标准分别提高到每人每月760元和610元。\n",
        date(2021, 10, 20), None,
    )
    for m in ("820户", "2300户"):
        assert _period(got[m]) == (None, date(2021, 9, 30)), m  # not from 今年8月起 told after them


def test_rows_with_a_signed_change_after_spaces_are_rows_of_the_list_above() -> None:
    got = _by_mention(
        "上半年,全县肉类总产量3.2万吨,同比增长1.9%。\n"
        "主要指标:\n"
        "生猪出栏 28.6万头 同比+2.4%\n"
        "牛出栏 1.05万头 同比-1.2%\n"
        "截至6月末,全县生猪存栏41.3万头。\n",
        date(2024, 7, 18), None,
    )
    for m in ("28.6万头", "2.4%", "1.05万头", "-1.2%"):
        assert _period(got[m]) == (date(2024, 1, 1), date(2024, 6, 30)), m
    assert got["28.6万头"].subject == "生猪出栏"
    assert _period(got["41.3万头"]) == (None, date(2024, 6, 30))


def test_the_losses_of_one_flood_named_as_such_are_an_event() -> None:
    got = _by_mention(
        "据县应急管理局统计,截至7月12日20时,此次洪水共造成全县9个乡镇受灾,受灾人口3.6万人,直接经济损失1.2亿元。"
        "今年以来,全县共发生自然灾害11次。\n",
        date(2020, 7, 13), None,
    )
    assert got["3.6万人"].kind == "event"
    assert got["1.2亿元"].kind == "event"
    assert got["11次"].kind == "aggregate"


def test_a_fund_before_an_adverb_names_the_quantity() -> None:
    got = _by_mention("上半年,全市医保基金累计支出18.6亿元,同比增长7.4%。各级医疗机构累计诊疗312万人次。\n", date(2022, 7, 20), None)
    assert got["18.6亿元"].subject == "医保基金支出"
    assert got["7.4%"].subject.startswith("医保基金支出")
    assert got["312万人次"].subject == "诊疗"  # an actor before 累计 still goes


def test_a_row_of_a_kind_takes_what_its_column_counts() -> None:
    got = _by_mention(
        "1-9月,全县安全生产形势平稳。\n"
        "类别 | 事故起数 | 死亡人数\n"
        "道路交通 | 41起 | 12人\n"
        "火灾 | 6起 | 1人\n",
        date(2021, 10, 12), None,
    )
    assert got["41起"].subject == "道路交通事故起数"
    assert got["12人"].subject == "道路交通死亡人数"
    assert got["1人"].subject == "火灾死亡人数"


def test_a_change_after_a_share_of_the_plan_is_of_the_quantity() -> None:
    got = _by_mention("前三季度,全县累计完成交通投资8.4亿元,占年度计划的76.2%,同比增长11.3%。\n", date(2019, 10, 15), None)
    assert got["11.3%"].subject.startswith("交通投资")
    assert "计划" not in got["11.3%"].subject


def test_an_average_over_the_months_told_aside_holds_for_its_sentence() -> None:
    got = _by_mention(
        "4月份,全市居民消费价格同比上涨0.4%。1—4月平均,全市居民消费价格比去年同期上涨0.2%。\n"
        "从同比看,食品烟酒类价格上涨1.2%,居住类价格下降0.3%。\n",
        date(2021, 5, 14), None,
    )
    assert _period(got["0.2%"]) == (date(2021, 1, 1), date(2021, 4, 30))
    for m in ("0.4%", "1.2%", "0.3%"):
        assert _period(got[m]) == (date(2021, 4, 1), date(2021, 4, 30)), m


def test_a_campaign_launched_in_a_month_runs_from_it_to_the_release() -> None:
    got = _by_mention(
        "去年10月开展“清欠百日”集中执行行动以来,全市法院共执结案件2310件,执行到位金额4.6亿元。\n",
        date(2022, 6, 8), None,
    )
    assert _period(got["2310件"]) == (date(2021, 10, 1), date(2022, 6, 8))
    assert _period(got["4.6亿元"]) == (date(2021, 10, 1), date(2022, 6, 8))
    got = _by_mention("今年3月城乡低保专项治理开展以来,全县共核查低保对象1.26万户。\n", date(2019, 9, 2), None)
    assert _period(got["1.26万户"]) == (date(2019, 3, 1), date(2019, 9, 2))


def test_places_listed_before_a_direction_are_destinations_not_areas() -> None:
    got = _by_mention(
        "春运期间,全市铁路累计发送旅客312.6万人次。从去向看,湖南、江西、四川方向客流分别占铁路发送量的18.2%、12.5%和9.1%。\n",
        date(2024, 3, 6), "长沙市",
    )
    for m in ("18.2%", "12.5%", "9.1%"):
        assert got[m].region != "湖南省" and got[m].region not in ("江西省", "四川省"), m


def test_a_venue_before_an_adverb_is_part_of_what_is_counted() -> None:
    got = _by_mention("国庆假期,全市A级旅游景区累计接待游客86.4万人次,同比增长7.2%。\n", date(2023, 10, 8), None)
    assert "景区" in got["86.4万人次"].subject


def test_beds_and_health_workers_in_a_years_bulletin_are_counted_at_its_end() -> None:
    got = _by_mention(
        "2019年,全县医疗卫生机构178个。卫生技术人员1436人,其中执业(助理)医师512人。医疗卫生机构床位1512张,全年新增床位120张。\n",
        date(2020, 4, 20), None,
    )
    for m in ("1436人", "512人", "1512张"):
        assert _period(got[m]) == (None, date(2019, 12, 31)), m
    assert _period(got["120张"]) == (date(2019, 1, 1), date(2019, 12, 31))  # what was added over the year


def test_a_count_of_recipients_before_a_payment_is_named_by_the_recipients() -> None:
    got = _by_mention("1-10月,全市向3.2万名失业人员发放失业保险金4.6亿元。\n", date(2021, 11, 15), None)
    assert got["3.2万名"].subject == "失业人员"
    assert "失业保险金" in got["4.6亿元"].subject


def test_a_campaigns_window_closes_at_its_cut_off_beside_a_year_to_date() -> None:
    got = _by_mention(
        "“清源2023”专项行动自5月1日开展以来,全市公安机关持续发力。截至9月30日,全市共破获毒品刑事案件412起。\n"
        "从缴获毒品种类看,专项行动开展以来,全市缴获海洛因86.2公斤、冰毒片剂312.5公斤。\n"
        "此外,今年以来全市累计兑现禁毒举报奖励资金126万元。\n",
        date(2023, 10, 18), None,
    )
    assert _period(got["412起"]) == (date(2023, 5, 1), date(2023, 9, 30))
    assert _period(got["86.2公斤"]) == (date(2023, 5, 1), date(2023, 9, 30))
    assert _period(got["126万元"]) == (date(2023, 1, 1), date(2023, 10, 18))


def test_the_year_to_date_at_the_end_of_a_paragraph_of_a_release_on_one_month_is_its_sentences() -> None:
    got = _by_mention(
        "7月份全市居民消费价格同比上涨1.8%\n"
        "7月份,全市居民消费价格总水平同比上涨1.8%;环比上涨0.4%。1-7月,全市居民消费价格总水平比去年同期上涨1.2%。\n"
        "八大类商品和服务价格同比“六升二降”。食品烟酒类价格上涨4.6%,交通和通信类价格下降1.9%。\n",
        date(2020, 8, 14), None,
    )
    assert _period(got["1.2%"]) == (date(2020, 1, 1), date(2020, 7, 31))
    for m in ("4.6%", "1.9%"):
        assert _period(got[m]) == (date(2020, 7, 1), date(2020, 7, 31)), m


def test_a_table_row_named_by_a_year_counts_what_its_column_names() -> None:
    got = _by_mention(
        "2019年至2023年,全县营造林和森林防火工作成效明显。各年度情况如下:\n"
        "年份 | 营造林面积 | 森林火灾\n"
        "2019年 | 12.6万亩 | 8起\n"
        "2020年 | 13.1万亩 | 5起\n",
        date(2024, 3, 12), None,
    )
    assert got["12.6万亩"].subject == "营造林面积"
    assert got["5起"].subject == "森林火灾"
