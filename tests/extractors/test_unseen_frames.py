"""Periods and frames met on releases the extractor had not seen: a travel season whose dates the
release states, a breakdown or a campaign's span after an incident told by day, the base of a
multiple, a running total since a season began, a stock at the year's end, a day that only dates a
report, a breakdown after a stock, a joint share of listed places. Each test is a short release
written for the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_the_travel_season_takes_the_dates_the_release_states_for_it() -> None:
    # 春运 is dated like a holiday whose dates vary: by the parenthesis after it, also where the
    # headline and a later sentence name it again
    got = _by_mention(
        "湖北2025年春运客运量超9000万人次\n"
        "记者从省交通运输厅获悉，2025年春运（1月14日至2月22日）期间，全省累计发送旅客9136万人次。\n\n"
        "1月26日为节前出行高峰日，当日全省发送旅客312万人次。\n\n"
        "据统计，春运期间全省铁路发送旅客1270万人次。",
        date(2025, 2, 24), "湖北省",
    )
    season = (date(2025, 1, 14), date(2025, 2, 22))
    assert _period(got["9136万人次"]) == season
    assert _period(got["超9000万人次"]) == season
    assert _period(got["312万人次"]) == (date(2025, 1, 26), date(2025, 1, 26))
    assert _period(got["1270万人次"]) == season


def test_a_bare_travel_season_word_is_no_period() -> None:
    # 春运返程高峰 names the season's peak, not its dates: the day stated before it holds
    got = _by_mention("2月3日为春运返程高峰，当日全市高速公路车流量48.6万辆次。", date(2025, 2, 5), "泉州市")
    assert _period(got["48.6万辆次"]) == (date(2025, 2, 3), date(2025, 2, 3))


def test_a_breakdown_after_a_day_told_before_is_back_in_the_release_window() -> None:
    # 分市看 opens a breakdown of the totals: not of the peak day told in the paragraph before
    got = _by_mention(
        "今年1至6月，全省累计接待游客2.1亿人次。\n\n"
        "6月1日，全省单日接待游客186万人次，创年内新高。\n\n"
        "分市看，南宁市接待游客4120万人次，桂林市接待游客3860万人次。",
        date(2025, 7, 10), "广西壮族自治区",
    )
    half = (date(2025, 1, 1), date(2025, 6, 30))
    assert _period(got["186万人次"]) == (date(2025, 6, 1), date(2025, 6, 1))
    assert _period(got["4120万人次"]) == half
    assert got["4120万人次"].kind == "aggregate"
    assert _period(got["3860万人次"]) == half


def test_a_campaigns_span_named_after_a_source_follows_the_campaign_not_an_incident() -> None:
    # 据……通报，攻势期间: the campaign's span stated at the head, not the day of the arrest told before
    got = _by_mention(
        "自今年3月起，全县组织开展“春雷”攻势，至6月30日止，共破获刑事案件88起。\n\n"
        "5月12日，县公安局在城关镇抓获盗窃嫌疑人3名。\n\n"
        "据市公安局通报，攻势期间全市共破获刑事案件1250起。",
        date(2025, 7, 6), "永兴县",
    )
    spring = (date(2025, 3, 1), date(2025, 6, 30))
    assert _period(got["88起"]) == spring
    assert _period(got["3名"]) == (date(2025, 5, 12), date(2025, 5, 12))
    assert _period(got["1250起"]) == spring
    assert got["1250起"].kind == "aggregate"


def test_the_year_named_as_the_base_of_a_multiple_is_not_the_multiples_period() -> None:
    # 为前年的1.3倍: last year's total against the year before; 由前年的……: that year's own count
    got = _by_mention(
        "去年，全市共查办各类案件2904件，案值总额为前年的1.3倍；金融纠纷由前年的3120件下降为去年的2860件。",
        date(2024, 9, 10), "潍坊市",
    )
    last = (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["1.3倍"]) == last
    assert _period(got["3120件"]) == (date(2022, 1, 1), date(2022, 12, 31))
    assert _period(got["2860件"]) == last


def test_since_a_season_began_is_a_running_total_as_of_publication() -> None:
    # 汛期以来: the season's first day is not stated; a running total with no stated start is a stock
    got = _by_mention(
        "年初以来，全市共发生生产安全事故38起。\n\n汛期以来，全市共排查整治隐患点2310处。",
        date(2024, 7, 8), "遵义市",
    )
    assert _period(got["38起"]) == (date(2024, 1, 1), date(2024, 7, 8))
    assert _period(got["2310处"]) == (None, date(2024, 7, 8))


def test_a_year_end_opening_its_sentence_dates_what_the_area_has_then() -> None:
    # 年末，全市共有……: the 共 of 共有 is no flow; the count is a stock at the year's end
    got = _by_mention("2023年，全市共发生火灾1210起。年末，全市共有消防站42个。", date(2024, 2, 20), "曲靖市")
    assert _period(got["1210起"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["42个"]) == (None, date(2023, 12, 31))


def test_without_a_publication_date_this_year_is_the_year_of_the_day_the_lead_states() -> None:
    # 2024年6月25日，……召开新闻发布会。今年1至5月: 今年 is the year of the meeting's day
    got = _by_mention(
        "全市禁毒工作新闻发布会召开\n2024年6月25日，市禁毒办召开新闻发布会。今年1至5月，全市共破获毒品案件120起。",
        None, "丽江市",
    )
    assert _period(got["120起"]) == (date(2024, 1, 1), date(2024, 5, 31))


def test_a_past_year_told_after_a_quarter_is_a_look_back_for_its_paragraph() -> None:
    # 2023年 after the release's 一季度: its paragraph only; 3月份 after it is this year's March
    got = _by_mention(
        "一季度，全市地区生产总值增长5.1%。\n\n2023年，全市地区生产总值增长6.0%。\n\n3月份，全市规上工业增加值增长7.1%。",
        date(2024, 4, 20), "赣州市",
    )
    assert _period(got["6.0%"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["7.1%"]) == (date(2024, 3, 1), date(2024, 3, 31))


def test_one_month_of_the_release_period_opening_a_paragraph_holds_there_only() -> None:
    # 9月份 opening a paragraph under 前三季度: that paragraph's; the paragraph after it is the nine months'
    got = _by_mention(
        "前三季度，全市外贸进出口总值2412.6亿元，同比增长3.1%。其中，出口1603.2亿元。\n\n"
        "9月份，全市进出口296.3亿元，同比增长5.4%。\n\n"
        "一般贸易进出口1688.1亿元，占全市外贸总值的70.0%。民营企业进出口1402.7亿元。",
        date(2025, 10, 21), "嘉兴市",
    )
    nine = (date(2025, 1, 1), date(2025, 9, 30))
    assert _period(got["296.3亿元"]) == (date(2025, 9, 1), date(2025, 9, 30))
    assert _period(got["1688.1亿元"]) == nine
    assert _period(got["1402.7亿元"]) == nine


def test_the_month_a_title_names_holds_on_after_its_paragraph() -> None:
    # a release on the month (5月份……居民消费价格) that also gives 1—5月: the month is its period
    got = _by_mention(
        "5月份全市居民消费价格同比上涨0.4%\n"
        "5月份，全市居民消费价格同比上涨0.4%。1—5月平均，全市居民消费价格上涨0.2%。\n\n"
        "5月份，八大类价格同比四涨三降一平。其中，衣着价格上涨2.3%。\n\n"
        "食品中，鲜菜价格上涨8.7%。",
        date(2024, 6, 14), "株洲市",
    )
    may = (date(2024, 5, 1), date(2024, 5, 31))
    assert _period(got["2.3%"]) == may
    assert _period(got["8.7%"]) == may


def test_a_page_of_one_sentence_paragraphs_keeps_a_month_in_force() -> None:
    # where every paragraph is one sentence a paragraph break says nothing: the month carries on
    got = _by_mention(
        "上半年，全市空气优良天数比例为82.4%。\n\n6月份，全市空气优良天数比例为90.0%。\n\n全市PM2.5平均浓度为21微克/立方米。",
        date(2024, 7, 15), "德州市",
    )
    assert _period(got["21微克/立方米"]) == (date(2024, 6, 1), date(2024, 6, 30))


def test_an_existing_count_after_a_cut_off_is_a_stock_and_leaves_the_window_open() -> None:
    # 实有 names what exists as of the cut-off: the cut-off is no end of the release's 今年以来
    got = _by_mention(
        "今年以来，全市市场监管部门共查处各类案件120件。\n\n截至9月底，全市实有经营主体5.6万户，较年初净增3100户。",
        date(2024, 10, 20), "株洲市",
    )
    assert _period(got["120件"]) == (date(2024, 1, 1), date(2024, 10, 20))
    assert _period(got["5.6万户"]) == (None, date(2024, 9, 30))


def test_a_day_before_a_clause_that_only_reports_dates_the_report() -> None:
    # 9月3日，市水利局通报，……: the figures are of the span the sentence states after them, not of that day
    got = _by_mention(
        "9月3日，市水利局通报，全市累计修复水毁工程412处，投入资金6800万元，统计时间为7月1日至8月31日。\n\n"
        "9月2日，市公安局在城区抓获盗窃嫌疑人2名。",
        date(2024, 9, 4), "岳阳市",
    )
    assert _period(got["412处"]) == (date(2024, 7, 1), date(2024, 8, 31))
    assert _period(got["6800万元"]) == (date(2024, 7, 1), date(2024, 8, 31))
    assert _period(got["2名"]) == (date(2024, 9, 2), date(2024, 9, 2))


def test_up_to_now_after_a_stated_start_is_a_running_total_whatever_the_verb() -> None:
    # 共发布 counts what was done since the start stated just before, like 共破获
    got = _by_mention(
        "自7月10日进入主汛期以来，省防指先后启动应急响应5次。截至目前，全省共发布山洪灾害预警1860条。",
        date(2024, 8, 20), "湖南省",
    )
    assert _period(got["1860条"]) == (date(2024, 7, 10), date(2024, 8, 20))


def test_a_breakdown_of_flows_after_a_stock_paragraph_is_the_release_window_again() -> None:
    # 3月末 dates the deposits; 分地区看 then breaks down the quarter's sales, not a stock
    text = (
        "一季度，全省社会消费品零售总额6120.5亿元，增长4.8%。\n\n3月末，全省住户存款余额4.1万亿元。\n\n"
        "分地区看，长沙市社会消费品零售总额1320.6亿元，增长5.2%。"
    )
    got = _by_mention(text, date(2024, 4, 25), "湖南省")
    assert _period(got["1320.6亿元"]) == (date(2024, 1, 1), date(2024, 3, 31))
    assert _period(got["4.1万亿元"]) == (None, date(2024, 3, 31))
    # a breakdown of the stock keeps the stock's date
    stock = _by_mention(text.replace("社会消费品零售总额1320.6亿元，增长5.2%", "住户存款余额1.2万亿元"), date(2024, 4, 25), "湖南省")
    assert _period(stock["1.2万亿元"]) == (None, date(2024, 3, 31))


def test_places_listed_together_with_their_joint_share_are_of_the_whole() -> None:
    # 岳阳、常德两市……合计占全省的: neither the city of the sentence before nor the first listed
    got = _by_mention(
        "前三季度，全省接待游客3.2亿人次。\n\n株洲市接待游客2600万人次，增长9.1%。岳阳、常德两市接待游客合计占全省的18.5%。",
        date(2024, 10, 28), "湖南省",
    )
    assert got["2600万人次"].region == "株洲市"
    assert got["18.5%"].region == "湖南省"


def test_what_has_been_set_up_as_of_a_cut_off_is_a_stock() -> None:
    # 共设立……工作室 counts what exists at the cut-off (like 建成); the cut-off closes no window of flows
    got = _by_mention(
        "今年以来，全县共办理法律援助案件860件。\n\n截至6月底，全县共设立村（社区）法律顾问工作室213个。\n\n"
        "县法院今年以来审结民事案件2140件。",
        date(2024, 7, 15), "攸县",
    )
    assert _period(got["213个"]) == (None, date(2024, 6, 30))
    assert _period(got["860件"]) == (date(2024, 1, 1), date(2024, 7, 15))
    assert _period(got["2140件"]) == (date(2024, 1, 1), date(2024, 7, 15))


def test_a_range_from_a_month_and_what_began_then_to_a_later_month() -> None:
    # 自2022年6月……上线至今年4月底: the words between the two ends name what began, not a period
    got = _by_mention(
        "自2022年6月全市智慧警务平台上线至今年4月底，平台累计推送预警线索5620条。",
        date(2024, 5, 10), "衡阳市",
    )
    assert _period(got["5620条"]) == (date(2022, 6, 1), date(2024, 4, 30))


def test_a_travel_season_dated_by_the_day_it_began_and_the_day_it_ended() -> None:
    # 春运自1月14日开始，已于2月22日结束: the season's span, not the day it ended
    got = _by_mention(
        "2025年春运自1月14日开始，已于2月22日结束。春运期间，全省铁路发送旅客1860万人次。\n\n"
        "2月1日，全省高速公路车流量达到120万辆次。\n\n春运期间全省民航运送旅客95万人次。",
        date(2025, 2, 24), "湖南省",
    )
    season = (date(2025, 1, 14), date(2025, 2, 22))
    assert _period(got["1860万人次"]) == season
    assert _period(got["95万人次"]) == season
    assert _period(got["120万辆次"]) == (date(2025, 2, 1), date(2025, 2, 1))


def test_the_part_inside_the_province_of_a_national_figure_is_the_province() -> None:
    # 全国……，其中省内机场……: the part is the release's own area
    got = _by_mention(
        "春运期间，全国民航运送旅客8400万人次，其中省内机场运送旅客320万人次。",
        date(2025, 2, 24), "湖南省",
    )
    assert got["8400万人次"].region == "全国"
    assert got["320万人次"].region == "湖南省"
