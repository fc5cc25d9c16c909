"""Rules for the period a figure covers and its kind: how a period phrase resolves, how far it holds
over the clauses after it and when a figure is a stock rather than a flow. Each test is a short
release written for it, in the construction the rule is about."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import extract
from extractors import periods as P
from extractors.document import Document
from extractors.recognise import _FORECAST, _Times
from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_a_few_years_back_from_publication_run_from_the_nearest_new_year() -> None:
    # 五年来 in a December release: the five years from January four years before; 三年来 in March:
    # the three years from the January three years before
    got = _by_mention("五年来,全省共破获毒品刑事案件2100余起。", date(2024, 11, 20), "浙江省")
    assert _period(got["2100余起"]) == (date(2020, 1, 1), date(2024, 11, 20))
    got = _by_mention("三年来,全市共查办非法采砂案件460件。", date(2025, 3, 12), "九江市")
    assert _period(got["460件"]) == (date(2022, 1, 1), date(2025, 3, 12))


def test_two_years_back_written_with_liang_is_read_like_the_others() -> None:
    # 两 is how two is said before a measure word: 两年来 is 二年来
    got = _by_mention("两年来,全县共查处无证经营加油点37处。", date(2023, 9, 15), "弥勒市")
    assert _period(got["37处"]) == (date(2022, 1, 1), date(2023, 9, 15))


def test_a_decade_back_stays_open() -> None:
    # 十年来 is a narrative span, not a reporting window: no start is made up for it
    got = _by_mention("十年来,全市共缴获海洛因300余公斤。", date(2018, 6, 20), "保山市")
    assert _period(got["300余公斤"]) == (None, date(2018, 6, 20))


def test_a_headline_years_back_takes_the_window_of_the_body_figure_it_restates() -> None:
    # the headline rounds; the body states the window's start
    got = extract(
        "肇庆警方三年来破获毒品案件逾五百起\n2021年10月以来,肇庆警方共破获毒品刑事案件512起。",
        published=date(2023, 9, 8), region="肇庆市",
    )
    head = next(f for f in got if f.mention == "逾五百起")
    assert _period(head) == (date(2021, 10, 1), date(2023, 9, 8))


def test_last_years_same_period_stated_as_a_fact_holds_to_the_semicolon() -> None:
    # 去年同期发生……,死亡……: both of last year's figures; after the ; the release's period again
    got = _by_mention(
        "1-9月,全市共发生火灾80起,去年同期发生火灾95起,死亡2人;直接财产损失120万元。",
        date(2024, 10, 15), "宜春市",
    )
    this_year = (date(2024, 1, 1), date(2024, 9, 30))
    last_year = (date(2023, 1, 1), date(2023, 9, 30))
    assert _period(got["80起"]) == this_year
    assert _period(got["95起"]) == last_year
    assert _period(got["2人"]) == last_year
    assert _period(got["120万元"]) == this_year
    # a clause that compares is this year's change again
    got = _by_mention("1-9月,全市共发生火灾80起,去年同期发生火灾95起,同比下降15.8%。", date(2024, 10, 15), "宜春市")
    assert _period(got["95起"]) == last_year
    assert _period(got["15.8%"]) == this_year


def test_a_named_campaign_under_qizhong_with_no_start_is_a_running_total_as_of_publication() -> None:
    # 其中,“雷霆”行动破……: a part of the year's totals by a campaign whose start the text never states
    got = _by_mention(
        "今年以来,全县共破获毒品刑事案件64起,抓获犯罪嫌疑人80名。其中,“雷霆”行动破获毒品刑事案件21起,"
        "抓获犯罪嫌疑人30名。全县还查处吸毒人员112人次。",
        date(2023, 7, 2), "镇雄县",
    )
    year = (date(2023, 1, 1), date(2023, 7, 2))
    assert _period(got["64起"]) == year
    assert _period(got["21起"]) == (None, date(2023, 7, 2))
    assert _period(got["30名"]) == (None, date(2023, 7, 2))
    assert _period(got["112人次"]) == year


def test_yi_after_a_cut_off_keeps_the_cut_off_date() -> None:
    # 截至9月底,……已建成……: a stock as of the cut-off, not as of publication
    got = _by_mention(
        "今年以来,全省共查处非法捕捞案件120起。截至9月底,全省已建成水上执法站23个。"
        "截至8月底,全市累计已有12.5万户家庭安装燃气报警器。",
        date(2023, 10, 19), "江西省",
    )
    assert _period(got["23个"]) == (None, date(2023, 9, 30))
    assert _period(got["12.5万户"]) == (None, date(2023, 8, 31))
    assert _period(got["120起"]) == (date(2023, 1, 1), date(2023, 10, 19))


def test_a_start_stated_after_the_cut_off_in_one_sentence_runs_to_the_cut_off() -> None:
    # 截至8月底,……今年已累计……; 截至9月底,……自今年3月启用以来累计……: one span from the start to the cut-off
    got = _by_mention(
        "截至8月底,拱北口岸今年已累计验放出入境车辆96万辆次,日均约4000辆次。"
        "截至9月底,全市已建成智能安检点15个,自今年3月启用以来累计查验包裹8.2万件。",
        date(2024, 10, 12), "珠海市",
    )
    assert _period(got["96万辆次"]) == (date(2024, 1, 1), date(2024, 8, 31))
    assert _period(got["15个"]) == (None, date(2024, 9, 30))
    assert _period(got["8.2万件"]) == (date(2024, 3, 1), date(2024, 9, 30))


def test_a_change_against_last_year_end_under_a_stock_is_a_change_since_new_year() -> None:
    # 截至2023年底,……在册……7436名 is a stock; 较上年底下降8.2% is what changed over 2023
    got = _by_mention(
        "截至2023年底,全省在册吸毒人员7436名,较上年底下降8.2%。截至5月底,全市现有社区戒毒人员612名,较去年底减少45名。",
        date(2024, 6, 24), "青海省",
    )
    assert _period(got["7436名"]) == (None, date(2023, 12, 31))
    assert _period(got["8.2%"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["612名"]) == (None, date(2024, 5, 31))
    assert _period(got["45名"]) == (date(2024, 1, 1), date(2024, 5, 31))


def test_a_year_on_year_change_of_a_stock_over_a_whole_year_covers_the_year() -> None:
    # 2023年,……在册……1200名 is a stock at the year's end; 同比下降5.1% is what changed over 2023. A
    # quarter's 存栏同比增长 stays a stock as of the quarter's end.
    got = _by_mention(
        "2023年,全市在册吸毒人员1200名,同比下降5.1%;森林覆盖率达63%,比上年提高0.3个百分点。",
        date(2024, 1, 18), "丽水市",
    )
    year = (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["1200名"]) == (None, date(2023, 12, 31))
    assert _period(got["5.1%"]) == year
    assert _period(got["0.3个百分点"]) == year
    got = _by_mention("一季度,全市生猪存栏95万头,同比增长2.1%。", date(2024, 4, 20), "南阳市")
    assert _period(got["2.1%"]) == (None, date(2024, 3, 31))


def test_a_checkpoint_or_a_routine_check_is_no_operation_whose_totals_are_statistics() -> None:
    # 在一检查站……开展例行检查时,……共计: the weight of one seizure on that day, not an operation's total
    got = _by_mention(
        "6月3日9时许,瑞丽市公安局民警在弄岛镇一检查站对一辆货车开展例行检查时,在驾驶室夹层内查获海洛因20块,"
        "经称量共计7.1千克。",
        date(2024, 6, 5), "瑞丽市",
    )
    assert got["7.1千克"].kind == "event"
    assert _period(got["7.1千克"]) == (date(2024, 6, 3), date(2024, 6, 3))
    # an operation's totals on one day stay a statistic
    got = _by_mention("6月3日,全市开展集中清查行动,共抓获涉毒人员45名。", date(2024, 6, 5), "瑞丽市")
    assert got["45名"].kind == "aggregate"


def test_shangnian_under_a_past_year_is_the_year_before_that_year() -> None:
    # a 2023 report published in 2024: 上年 is 2022, while 去年 still counts from publication
    got = _by_mention(
        "2023年,全市法院审结民事案件5.6万件,调解撤诉率由上年的41.2%提高到45.8%。",
        date(2024, 2, 6), "台州市",
    )
    assert _period(got["41.2%"]) == (date(2022, 1, 1), date(2022, 12, 31))
    assert _period(got["45.8%"]) == (date(2023, 1, 1), date(2023, 12, 31))
    got = _by_mention("去年,全市共审结民事案件5.1万件。", date(2024, 2, 6), "台州市")
    assert _period(got["5.1万件"]) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_since_phrase_naming_a_record_is_no_new_period() -> None:
    # 是今年以来……最大的案件 says the case is the year's largest; the window stated before (today's
    # cut-off in brackets) still covers 同期 after it
    got = _by_mention(
        "今年以来(截至6月25日),全市共破获毒品刑事案件214起。\n"
        "该分局侦破的“3·18”案是今年以来全市缴毒量最大的案件。\n"
        "同期,全市警方赴外省抓获毒品犯罪嫌疑人46名。",
        date(2023, 6, 27), "柳州市",
    )
    window = (date(2023, 1, 1), date(2023, 6, 25))
    assert _period(got["214起"]) == window
    assert _period(got["46名"]) == window


def test_every_number_of_a_list_after_a_years_de_takes_that_year() -> None:
    # 分别由2018年的412人、7.2%降至2020年的……: both from-values are 2018's, both to-values 2020's
    got = _by_mention("2020年,全市戒断三年未复吸人数、复吸率分别由2018年的412人、7.2%降至2020年的180人、3.1%。",
                      date(2021, 3, 2), "玉溪市")
    year = {y: (date(y, 1, 1), date(y, 12, 31)) for y in (2018, 2020)}
    assert [_period(got[m]) for m in ("412人", "7.2%", "180人", "3.1%")] == [year[2018], year[2018], year[2020], year[2020]]


def test_a_sentence_opening_with_qizhong_goes_on_with_the_stock_of_the_one_before() -> None:
    # 目前 holds for its sentence; 其中 opens a sentence that details it, under the same 目前,
    # not under the start of the programme stated earlier
    got = _by_mention("2019年6月,省里启动校园禁毒工程。目前,工程各项任务已经完成。其中,全省超过3000所中小学校"
                      "接入教育平台,覆盖学生120万名。", date(2021, 12, 20), "四川省")
    assert _period(got["超过3000所"]) == (None, date(2021, 12, 20))
    assert _period(got["120万名"]) == (None, date(2021, 12, 20))


def test_a_cut_off_that_a_title_states_as_a_window_is_that_window_for_its_whole_sentence() -> None:
    # the title's 今年以来 total restates 截至目前's first figure: 截至目前 means since New Year here, for
    # the fine beside it too; a figure of the same value but another quantity is not restated
    got = _by_mention(
        "全省今年以来查处价格违法案件四千余件\n"
        "截至目前,全省市场监管部门共查处价格违法案件4156件,罚没金额3.28亿元。\n"
        "另外,全省已有12家企业完成整改。",
        date(2022, 9, 14), "湖南省",
    )
    window = (date(2022, 1, 1), date(2022, 9, 14))
    assert _period(got["4156件"]) == window
    assert _period(got["3.28亿元"]) == window
    assert _period(got["12家"]) == (None, date(2022, 9, 14))


def test_a_sentence_breaking_down_a_total_takes_the_totals_period() -> None:
    # 在查处的案件中 details the cases counted since New Year, not the campaign named in the paragraph
    got = _by_mention(
        "今年1至8月,全市共查处食品安全案件1260件。\n"
        "3月,全市部署开展食品安全专项整治,共出动执法人员9400人次。在查处的案件中,网络销售案件316件,"
        "农村集市案件208件。",
        date(2021, 9, 10), "株洲市",
    )
    window = (date(2021, 1, 1), date(2021, 8, 31))
    assert _period(got["316件"]) == window
    assert _period(got["208件"]) == window
    assert _period(got["9400人次"]) == (date(2021, 3, 1), date(2021, 3, 31))


def test_a_paragraph_opening_with_qizhong_goes_on_with_the_sentence_before_it() -> None:
    # a page that sets every sentence in a paragraph of its own: 其中 still details the sentence
    # before it, under its 截至目前, not the start of the programme two paragraphs up
    got = _by_mention("2019年6月,省里启动校园禁毒工程。\n截至目前,工程各项任务已经完成。\n其中,全省超过3000所中小学校"
                      "接入教育平台,覆盖学生120万名。", date(2021, 12, 20), "四川省")
    assert _period(got["超过3000所"]) == (None, date(2021, 12, 20))
    assert _period(got["120万名"]) == (None, date(2021, 12, 20))


def test_an_areas_statistic_for_one_day_is_an_aggregate_also_after_a_comma() -> None:
    # the peak day's traffic over the whole province is a statistic of that day, not one incident;
    # a seizure on a day stays the event it is
    got = _by_mention("10月2日当天,全省高速公路车流量达到峰值,为312.4万辆次。10月3日,民警在一辆货车上查获冰毒12公斤。",
                      date(2024, 10, 8), "广东省")
    assert (got["312.4万辆次"].kind, _period(got["312.4万辆次"])) == ("aggregate", (date(2024, 10, 2), date(2024, 10, 2)))
    assert got["12公斤"].kind == "event"


def test_zhi_jin_nian_is_the_end_of_a_range_not_up_to_now() -> None:
    # 自去年10月至今年8月: 至今 here is 至 followed by 今年, the range's other end
    got = _by_mention("自去年10月至今年8月，全市累计排查娱乐场所620家次。", date(2024, 11, 20), "绵阳市")
    assert _period(got["620家次"]) == (date(2023, 10, 1), date(2024, 8, 31))
    got = _by_mention("自2022年3月至今，全区共清理僵尸车辆84辆。", date(2024, 11, 20), "绵阳市")
    assert _period(got["84辆"]) == (date(2022, 3, 1), date(2024, 11, 20))


def test_jin_liang_nian_without_lai_reads_like_jin_liang_nian_lai() -> None:
    # 近两年 is 近两年来: the last two whole years; 近两年内 (a time limit) and a record after 为 are not
    got = _by_mention("今年以来，全县破获盗窃案件120起。近两年，全县共建成智慧安防小区46个。", date(2024, 7, 20), "安吉县")
    assert _period(got["120起"]) == (date(2024, 1, 1), date(2024, 7, 20))
    assert _period(got["46个"]) == (date(2022, 1, 1), date(2023, 12, 31))
    got = _by_mention("今年以来，全县接报火警62起，为近三年同期最低，扑灭山火9起。", date(2024, 7, 20), "安吉县")
    assert _period(got["9起"]) == (date(2024, 1, 1), date(2024, 7, 20))


def test_the_year_before_opening_a_sentence_holds_over_that_sentence() -> None:
    # 2021年，全州破获……: the year before the one reported on, stated at the head of its sentence, is the
    # period of the whole sentence (not only of the clause 2021年，)
    text = "2022年，全州共破获毒品刑事案件356起。2021年，全州破获毒品刑事案件333起，抓获犯罪嫌疑人402名。"
    got = _by_mention(text, None, "黔西南州")
    assert _period(got["356起"]) == (date(2022, 1, 1), date(2022, 12, 31))
    assert _period(got["333起"]) == (date(2021, 1, 1), date(2021, 12, 31))
    assert _period(got["402名"]) == (date(2021, 1, 1), date(2021, 12, 31))


def test_year_end_opening_one_item_of_a_list_holds_for_that_item() -> None:
    # a bulletin's list of items: 年末 stated for one item is not carried over the next ； onto the
    # year's flows; 年末 opening the sentence holds over all of its items
    text = (
        "全年城镇新增就业2.6万人；年末城镇登记失业率1.8%；农村劳动力转移就业1.4万人，增长3.2%。"
        "年末全市户籍人口257.4万人；常住人口229.2万人。"
    )
    got = _by_mention(text, date(2024, 3, 15), "衢州市")
    assert _period(got["2.6万人"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["1.8%"]) == (None, date(2023, 12, 31))
    assert _period(got["1.4万人"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["3.2%"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["229.2万人"]) == (None, date(2023, 12, 31))


def test_the_month_a_campaign_was_launched_starts_its_running_total() -> None:
    # 今年4月……部署开展……专项行动。截至目前，共破获……: a running total from the launch (a flow), and
    # 专项行动开展以来 later in the release goes back to that launch, not to the month stated last
    text = (
        "今年4月，全省公安机关部署开展打击电信网络诈骗犯罪专项行动。截至目前，共破获电信网络诈骗案件3126起，"
        "抓获犯罪嫌疑人4870名。\n8月，全省开展集中收网行动，破获案件612起。\n"
        "专项行动开展以来，全省公安机关劝阻潜在受害群众6.8万人次。"
    )
    got = _by_mention(text, date(2024, 9, 12), "江西省")
    assert _period(got["3126起"]) == (date(2024, 4, 1), date(2024, 9, 12))
    assert _period(got["4870名"]) == (date(2024, 4, 1), date(2024, 9, 12))
    assert _period(got["612起"]) == (date(2024, 8, 1), date(2024, 8, 31))
    assert _period(got["6.8万人次"]) == (date(2024, 4, 1), date(2024, 9, 12))


def test_a_running_total_after_a_case_story_runs_from_the_releases_start() -> None:
    # 今年以来 in the lead, a case story with its own months and days, then 截至目前，全市……共侦破: the running
    # total is from the lead's start, and holds on over the sentences after it
    text = (
        "今年以来，湖州市公安局持续深化打击整治跨境赌博犯罪。\n"
        "今年5月初，吴兴区分局在工作中发现赌博线索。专案组经过缜密侦查，查明该团伙发展会员1.2万余名。\n"
        "8月27日，专案组收网，抓获犯罪嫌疑人41名。\n"
        "截至目前，全市公安机关共侦破跨境赌博案件68起，抓获犯罪嫌疑人590名。其中，9月份破获案件14起。"
        "全市还查处赌博类治安案件412起。"
    )
    got = _by_mention(text, date(2024, 10, 15), "湖州市")
    assert _period(got["41名"]) == (date(2024, 8, 27), date(2024, 8, 27))
    for m in ("68起", "590名", "412起"):
        assert _period(got[m]) == (date(2024, 1, 1), date(2024, 10, 15)), m
    assert _period(got["14起"]) == (date(2024, 9, 1), date(2024, 9, 30))


def test_a_month_end_inside_a_case_story_stays_in_its_paragraph() -> None:
    # 5月底 of a case story is not carried as a stock date onto the next paragraph's totals
    text = (
        "今年以来，全县共破获盗窃案件86起。\n"
        "5月底，县公安局在工作中发现一条线索，专案组随即展开侦查，抓获犯罪嫌疑人3名。\n"
        "据介绍，县公安局还为群众追回被盗财物价值46万元。"
    )
    got = _by_mention(text, date(2024, 7, 2), "安吉县")
    assert _period(got["46万元"]) == (date(2024, 1, 1), date(2024, 7, 2))


def test_a_past_year_told_after_the_releases_period_holds_for_its_paragraph() -> None:
    # 今年以来 first, then a paragraph on 2023: the month of the next paragraph is this year's again
    text = (
        "今年以来，全省共破获毒品刑事案件1260余起。\n"
        "2023年，全省共破获毒品刑事案件2410起，缴获毒品2.05吨。\n"
        "5月份，全省开展集中行动，破获毒品案件236起。"
    )
    got = _by_mention(text, date(2024, 6, 25), "福建省")
    assert _period(got["2410起"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["2.05吨"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["236起"]) == (date(2024, 5, 1), date(2024, 5, 31))


def test_a_quarter_under_qizhong_is_the_quarter_alone() -> None:
    # 全年……其中，第四季度: a part of the year is October to December, not January to December again
    text = "2022年，全州共破获毒品刑事案件356起。其中，第四季度破获毒品案件102起。一季度，全州缴获毒品1.1千克。"
    got = _by_mention(text, date(2023, 1, 20), "黔西南州")
    assert _period(got["102起"]) == (date(2022, 10, 1), date(2022, 12, 31))


def test_a_span_in_the_sentence_that_looks_back_at_the_figures_governs_them() -> None:
    # ……抓获犯罪嫌疑人1020名。以上是今年1至8月……: the span told after the figures, in a sentence of its own
    text = "全省共破获毒品案件860起，抓获犯罪嫌疑人1020名。以上是今年1至8月全省禁毒工作的主要数据。"
    got = _by_mention(text, date(2024, 9, 5), "福建省")
    assert _period(got["860起"]) == (date(2024, 1, 1), date(2024, 8, 31))
    assert _period(got["1020名"]) == (date(2024, 1, 1), date(2024, 8, 31))
    # a next sentence with figures of its own is not a look back
    text = "全省共破获毒品案件860起。这是今年5月以来查获毒品最多的一次，缴获毒品12公斤。"
    got = _by_mention(text, date(2024, 9, 5), "福建省")
    assert _period(got["860起"]) == (None, None)


def test_a_change_of_a_year_end_stock_after_a_month_covers_the_year() -> None:
    # 12月份 stated before 年末: 比上年末增加58家 is the change over the year, not December's; a clause that
    # only tells that change does not end the stock
    text = (
        "全年规模以上工业增加值增长9.3%；12月份，规模以上工业增加值增长11.2%。"
        "年末规模以上工业企业1021家，比上年末增加58家，其中高新技术企业412家。"
    )
    got = _by_mention(text, date(2025, 2, 28), "德清县")
    assert _period(got["11.2%"]) == (date(2024, 12, 1), date(2024, 12, 31))
    assert _period(got["1021家"]) == (None, date(2024, 12, 31))
    assert _period(got["58家"]) == (date(2024, 1, 1), date(2024, 12, 31))
    assert _period(got["412家"]) == (None, date(2024, 12, 31))


def test_a_holiday_in_a_bulletin_on_last_year_is_last_years() -> None:
    # 国庆假期 under 全年 in a bulletin published in February: last October's holiday
    text = "全年共接待游客1860万人次，增长8.1%；其中，国庆假期接待游客96万人次。"
    got = _by_mention(text, date(2025, 2, 28), "德清县")
    assert _period(got["96万人次"]) == (date(2024, 10, 1), date(2024, 10, 7))


def test_without_a_publication_date_this_year_is_the_year_the_title_names() -> None:
    # no publication date: 今年4月 in a release whose title names 2023 is April 2023, and the running total
    # after the launch runs from it to a publication date nobody knows
    text = (
        "南宁市2023年禁毒工作新闻发布会召开\n"
        "今年4月，全市部署开展禁毒专项行动。截至目前，行动共破获毒品案件128起。\n"
        "5月，全市开展集中清查行动，查处吸毒人员236人次。"
    )
    got = _by_mention(text, None, "南宁市")
    assert _period(got["128起"]) == (date(2023, 4, 1), None)
    assert _period(got["236人次"]) == (date(2023, 5, 1), date(2023, 5, 31))


def test_the_whole_year_after_the_day_of_a_january_release_is_last_year() -> None:
    # 1月15日，……发布数据。全年……: the day the bulletin came out does not make 全年 this year, and 年末 is
    # then last year's end, not a date after publication
    text = "1月15日，市统计局发布数据。全年全市生产总值812亿元，增长5.6%。年末全市常住人口120.5万人。"
    got = _by_mention(text, date(2024, 1, 16), "衢州市")
    assert _period(got["812亿元"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["120.5万人"]) == (None, date(2023, 12, 31))


def test_a_paragraph_on_the_areas_totals_after_a_case_day_is_back_in_the_releases_period() -> None:
    # 据介绍，全省还……: a paragraph of the province's totals after a case told on its day
    text = (
        "今年以来，全省共侦破网络犯罪案件920起。\n"
        "5月12日，长沙市公安局破获一起特大网络赌博案，抓获犯罪嫌疑人23名。\n"
        "据介绍，全省还打掉网络犯罪团伙68个。"
    )
    got = _by_mention(text, date(2024, 6, 3), "湖南省")
    assert _period(got["23名"]) == (date(2024, 5, 12), date(2024, 5, 12))
    assert _period(got["68个"]) == (date(2024, 1, 1), date(2024, 6, 3))


def test_a_month_told_with_no_figure_inside_the_releases_period_dates_only_its_sentence() -> None:
    # 2023年……。今年5月下旬，我市遭遇……天气。: an episode of the year's story; the figures after it are the year's
    text = (
        "2023年，全市夏粮总产量89.6亿斤，下降2.3%。\n"
        "今年5月下旬，我市遭遇持续降雨天气，小麦收获期推迟。全市夏粮总产量占全省的11.9%。\n"
        "分品种看，全市小麦总产量89.2亿斤。"
    )
    got = _by_mention(text, date(2023, 7, 20), "驻马店市")
    assert _period(got["11.9%"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["89.2亿斤"]) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_campaigns_span_told_in_the_next_sentence_governs_the_figures_before() -> None:
    # ……共破获各类刑事案件4127起，这是……获悉的。该行动自6月1日开展，至8月31日结束。
    text = (
        "全市公安机关共破获各类刑事案件4127起，抓获犯罪嫌疑人3568名，这是记者9月4日从新闻发布会上获悉的。"
        "该行动自6月1日开展，至8月31日结束。"
    )
    got = _by_mention(text, date(2023, 9, 5), "苏州市")
    assert _period(got["4127起"]) == (date(2023, 6, 1), date(2023, 8, 31))
    assert _period(got["3568名"]) == (date(2023, 6, 1), date(2023, 8, 31))


def test_after_a_campaigns_closed_span_during_and_a_running_total_of_the_campaign() -> None:
    # 自今年4月起……至7月15日止; a case on its day; 期间 is the campaign's span again; 截至目前，行动中…… runs
    # from the campaign's start to publication
    text = (
        "自今年4月起，市公安局部署开展“断卡”行动，至7月15日止，共打掉犯罪团伙58个。\n"
        "6月7日，章贡区公安分局打掉一个团伙，抓获犯罪嫌疑人7名。期间，全市公安机关同步对124家银行网点开展检查。\n"
        "截至目前，行动中冻结的涉案资金已返还受害群众368万元。"
    )
    got = _by_mention(text, date(2023, 7, 25), "赣州市")
    assert _period(got["58个"]) == (date(2023, 4, 1), date(2023, 7, 15))
    assert _period(got["124家"]) == (date(2023, 4, 1), date(2023, 7, 15))
    assert _period(got["368万元"]) == (date(2023, 4, 1), date(2023, 7, 25))


def test_a_span_from_a_past_year_after_the_releases_period_holds_for_its_paragraph() -> None:
    # 上半年 first, then 2019年以来……累计 (a look back over years): the next paragraph is the half year's again
    text = (
        "上半年，全市共破获毒品案件86起。\n"
        "2019年以来，全市累计投入禁毒经费1.2亿元。\n"
        "全市共抓获吸毒人员320人次。"
    )
    got = _by_mention(text, date(2024, 7, 20), "绵阳市")
    assert _period(got["1.2亿元"]) == (date(2019, 1, 1), date(2024, 7, 20))
    assert _period(got["320人次"]) == (date(2024, 1, 1), date(2024, 6, 30))


def test_a_campaign_launched_inside_the_releases_period_is_its_paragraphs_story() -> None:
    # 上半年 first; a campaign launched in February with its running total; a case; then the area's totals and
    # 去年同期 are the half year's again (去年同期，全市破获……: last year's half year)
    text = (
        "上半年，全市破获刑事案件2860起。\n"
        "今年2月，市公安局部署开展打击治理电信网络诈骗专项行动。截止目前，全市共破获电诈案件486起。\n"
        "6月20日，越城区公安分局破获一起诈骗案，抓获犯罪嫌疑人5名。\n"
        "据统计，全市还查处各类治安案件3150起。\n"
        "去年同期，全市破获刑事案件2480起。"
    )
    got = _by_mention(text, date(2025, 7, 10), "绍兴市")
    assert _period(got["486起"]) == (date(2025, 2, 1), date(2025, 7, 10))
    assert _period(got["3150起"]) == (date(2025, 1, 1), date(2025, 6, 30))
    assert _period(got["2480起"]) == (date(2024, 1, 1), date(2024, 6, 30))


def test_a_record_since_a_year_of_first_records_is_no_period_for_the_sentence_after() -> None:
    text = ("6月1日至8月31日，全省平均降雨量812毫米，为1961年有完整气象记录以来同期第二多。"
            "其中，某市平均降雨量达1136毫米。")
    figs = _by_mention(text, date(2024, 9, 4))
    assert _period(figs["1136毫米"]) == (date(2024, 6, 1), date(2024, 8, 31))


def test_since_the_flood_season_runs_from_the_day_the_release_says_it_began() -> None:
    text = "今年我省于4月2日入汛，汛期以来，全省累计转移群众12.6万人次。受强降雨影响，汛期以来全省受灾人口38.4万人。"
    figs = _by_mention(text, date(2024, 9, 4))
    assert _period(figs["12.6万人次"]) == _period(figs["38.4万人"]) == (date(2024, 4, 2), date(2024, 9, 4))


def test_a_month_alone_after_the_releases_period_holds_for_its_paragraph_only() -> None:
    text = ("今年前三季度，全省进出口1.86万亿元，增长4.1%。9月当月，全省进出口2210.4亿元，增长6.2%。\n\n"
            "从贸易方式看，一般贸易进出口1.24万亿元，增长5.0%。")
    figs = _by_mention(text, date(2025, 10, 20))
    assert _period(figs["2210.4亿元"]) == (date(2025, 9, 1), date(2025, 9, 30))
    assert _period(figs["1.24万亿元"]) == (date(2025, 1, 1), date(2025, 9, 30))


def test_a_caption_naming_a_period_holds_over_the_rows_under_it() -> None:
    text = ("1-8月，全市新建商品住宅累计成交2.9万套。\n\n"
            "分区看，8月份新建商品住宅成交量\n甲区 412套\n乙区 1306套\n\n"
            "1-8月，二手住房累计成交3.1万套。")
    figs = _by_mention(text, date(2025, 9, 8))
    assert _period(figs["412套"]) == _period(figs["1306套"]) == (date(2025, 8, 1), date(2025, 8, 31))
    assert _period(figs["3.1万套"]) == (date(2025, 1, 1), date(2025, 8, 31))


def test_a_forecast_is_of_the_whole_year_and_holds_for_its_sentence_only() -> None:
    text = ("今年以来，全县夏粮收购进度过半。预计今年全县秋粮播种面积将稳定在120万亩左右。\n\n"
            "县粮食部门在全县新增收购网点18个。")
    figs = _by_mention(text, date(2025, 6, 20))
    assert _period(figs["120万亩左右"]) == (date(2025, 1, 1), date(2025, 12, 31))
    assert _period(figs["18个"]) == (date(2025, 1, 1), date(2025, 6, 20))


def test_a_cases_day_inside_a_release_about_a_period_holds_for_its_paragraph_only() -> None:
    text = ("自5月10日专项行动开展以来，全市共破获盗窃案件214起。8月3日，市公安局捣毁一个销赃窝点，"
            "抓获嫌疑人7名，起获赃物130余件。\n\n"
            "治安管理方面，共查处赌博案件58起。")
    figs = _by_mention(text, date(2025, 9, 2))
    assert _period(figs["7名"]) == _period(figs["130余件"]) == (date(2025, 8, 3), date(2025, 8, 3))
    assert figs["7名"].kind == "event"
    assert _period(figs["58起"]) == (date(2025, 5, 10), date(2025, 9, 2))
    assert figs["58起"].kind == "aggregate"


def test_a_cases_day_holds_on_through_the_case_when_the_release_tells_only_the_case() -> None:
    text = ("8月3日，市公安局捣毁一个销赃窝点，抓获嫌疑人7名。\n\n"
            "经查，该团伙在多地作案，现场起获赃物130余件。")
    figs = _by_mention(text, date(2025, 9, 2))
    assert _period(figs["130余件"]) == (date(2025, 8, 3), date(2025, 8, 3))


def test_a_case_told_in_summary_covers_the_days_of_its_arrests_told_after_it() -> None:
    # 近日 then the days the suspects were caught: the summary's figures run from the first to the last
    # (落网, 归案 say it as much as 抓获)
    text = ("近日，某县公安局破获一起运输毒品案，抓获犯罪嫌疑人4名，缴获冰毒12.5千克。\n\n"
            "9月2日凌晨，专案组在县城将两名嫌疑人抓获。9月5日，另一名嫌疑人在邻县落网。")
    figs = _by_mention(text, date(2025, 9, 12))
    assert _period(figs["4名"]) == _period(figs["12.5千克"]) == (date(2025, 9, 2), date(2025, 9, 5))


def test_a_span_told_in_a_cases_story_is_the_cases_history_and_holds_for_its_paragraph() -> None:
    text = ("今年1至5月，全市共破获毒品刑事案件212起。\n\n"
            "5月8日，某分局在一出租屋内查获冰毒4.2公斤。经查，该团伙自今年1月以来从外地购入毒品约15公斤。\n\n"
            "此外，全市共检查易制毒化学品企业96家次。")
    figs = _by_mention(text, date(2025, 6, 20))
    assert _period(figs["约15公斤"]) == (date(2025, 1, 1), date(2025, 6, 20))
    assert _period(figs["96家次"]) == (date(2025, 1, 1), date(2025, 5, 31))


def test_a_cut_off_after_a_campaign_launched_in_its_paragraph_counts_from_the_launch() -> None:
    text = ("今年以来，全省治安形势总体平稳。\n\n"
            "5月20日，全省部署开展夏季治安整治“百日行动”。截至7月10日，各地共查处治安案件8600余起。")
    figs = _by_mention(text, date(2025, 7, 18))
    assert _period(figs["8600余起"]) == (date(2025, 5, 20), date(2025, 7, 10))


def test_the_year_to_date_in_a_release_on_one_month_holds_for_its_paragraph() -> None:
    text = ("某州10月份电信网络诈骗警情通报\n\n"
            "10月，全州共接报电信网络诈骗警情312起，同比下降16.8%。州反诈中心紧急止付涉案资金1276万元。\n"
            "1至10月，全州累计返还被骗资金1863.4万元。\n\n"
            "从案件类型看，刷单返利类诈骗占发案总数的31.4%。")
    figs = _by_mention(text, date(2025, 11, 5))
    assert _period(figs["1863.4万元"]) == (date(2025, 1, 1), date(2025, 10, 31))
    assert _period(figs["31.4%"]) == (date(2025, 10, 1), date(2025, 10, 31))


def test_an_inspection_of_one_vehicle_is_an_incident_not_a_campaign() -> None:
    text = ("今年以来，全省共破获毒品刑事案件1042起。5月9日，某县公安局在一高速公路收费站对一辆可疑货车进行检查，"
            "从车厢夹层中搜出冰毒20包，共计21.3公斤。")
    figs = _by_mention(text, date(2020, 6, 23))
    assert figs["21.3公斤"].kind == "event"
    assert _period(figs["21.3公斤"]) == (date(2020, 5, 9), date(2020, 5, 9))


def test_a_seizure_from_one_traveller_is_an_incident_also_with_an_inspection_and_a_total() -> None:
    text = ("11月18日下午，一名旅客驾驶小客车经口岸入境。海关关员经机检查验，在车辆备胎槽内发现藏匿的象牙制品共计137件。\n\n"
            "今年以来，该海关共查获各类走私违规案件412宗。")
    figs = _by_mention(text, date(2023, 11, 21))
    assert figs["137件"].kind == "event"
    assert figs["412宗"].kind == "aggregate"


def test_the_day_something_ended_is_not_the_period_of_what_follows() -> None:
    text = "今年春运（1月26日至3月5日）已于3月5日结束。40天里，全省高速公路累计通行车辆4562.8万辆次。"
    figs = _by_mention(text, date(2024, 3, 6))
    assert _period(figs["4562.8万辆次"]) == (date(2024, 1, 26), date(2024, 3, 5))
    assert figs["4562.8万辆次"].kind == "aggregate"


def test_since_the_flood_season_in_a_title_runs_from_the_day_the_body_says_it_began() -> None:
    text = ("入汛以来我省累计紧急转移群众31.6万人\n\n"
            "自4月1日我省正式入汛以来，全省先后经历5轮强降雨过程。入汛以来，全省累计紧急转移安置31.6万人。")
    figs = _by_mention(text, date(2024, 7, 7))
    assert _period(figs["5轮"]) == (date(2024, 4, 1), date(2024, 7, 7))
    assert [_period(f) for f in extract(text, published=date(2024, 7, 7)) if f.mention == "31.6万人"] == [
        (date(2024, 4, 1), date(2024, 7, 7))] * 2


def test_a_campaign_launched_from_a_month_is_where_its_running_total_starts() -> None:
    text = ("今年5月起，某市检察机关部署开展打击整治养老诈骗专项行动。专项行动开展以来，全市检察机关共受理"
            "审查逮捕养老诈骗案件37件。")
    figs = _by_mention(text, date(2022, 11, 21))
    assert _period(figs["37件"]) == (date(2022, 5, 1), date(2022, 11, 21))


def test_a_comparison_base_s_dates_in_parentheses_also_across_a_line_break() -> None:
    # classify tries the pattern for a base's dates in parentheses only after a parenthesis; its $ also
    # matches before a last line break, so a parenthesis that ends a line counts too
    for s in ("同比(5月)增长", "同比(\n5月)增长", "较去年（\n2023年1至4月）增长"):
        mk = [m for m in P.find_marks(s) if m.text[0].isdigit()][0]
        role = P.classify(s, mk, heading=False)
        assert role is not None and role.role == P.COMPARE, s
def test_the_past_n_years_are_the_whole_years_before_the_release() -> None:
    # 过去三年 reads like 近三年: the three calendar years that ended before the release
    got = _by_mention("回顾过去三年,全县累计新建农村公路412公里。", date(2024, 1, 22), "会泽县")
    assert _period(got["412公里"]) == (date(2021, 1, 1), date(2023, 12, 31))


def test_two_parts_of_a_month_together_run_from_the_first_to_the_second() -> None:
    # 7月中下旬: from the 11th to the month's end; 3月上中旬: from the 1st to the 20th
    got = _by_mention("7月中下旬,全市共完成晚稻插秧86万亩。3月上中旬,全市春播玉米12万亩。", date(2022, 8, 10), "赣州市")
    assert _period(got["86万亩"]) == (date(2022, 7, 11), date(2022, 7, 31))
    assert _period(got["12万亩"]) == (date(2022, 3, 1), date(2022, 3, 20))


def test_the_second_half_read_in_july_is_the_half_under_way() -> None:
    # a mid-year review published in July: 下半年 is this year's, and so is the 上半年 told under it
    text = "三、下半年工作安排\n一是加强执法检查,上半年全市共检查企业1.2万家次。"
    got = _by_mention(text, date(2021, 7, 20), "太原市")
    assert _period(got["1.2万家次"]) == (date(2021, 1, 1), date(2021, 6, 30))


def test_a_coverage_at_a_cut_off_is_a_stock_even_after_the_years_start() -> None:
    # 覆盖人数 is how many are covered on the day, not how many were added since 今年以来
    text = "今年以来,市卫健委扎实推进各项工作。\n截至9月底,全市家庭医生签约服务覆盖人数达96.2万人。"
    got = _by_mention(text, date(2024, 10, 12), "荆州市")
    assert _period(got["96.2万人"]) == (None, date(2024, 9, 30))


def test_a_time_limit_inside_the_name_of_a_rate_is_no_period() -> None:
    # 7日内 (within seven days) is no 7th of a month; 3个月内……答复率 limits the rate, it is not its span
    text = "一季度,全市信访部门共受理来信来访2300余件,7日内告知率、3个月内办结率均为100%。"
    got = _by_mention(text, date(2024, 4, 18), "遵义市")
    assert _period(got["100%"]) == (date(2024, 1, 1), date(2024, 3, 31))


def test_a_single_days_statistic_inside_a_holiday_is_an_aggregate_of_its_sentence_only() -> None:
    # 10月2日单日: the area's count for one day of the holiday; the next sentence is the holiday's again
    text = ("10月1日至7日国庆长假期间,全县共接报交通事故警情132起。"
            "长假期间,景区累计接待游客31.2万人次,10月2日单日接待游客6.8万人次。交警大队临时增设停车位900余个。")
    got = _by_mention(text, date(2019, 10, 8), "蓟州区")
    assert _period(got["6.8万人次"]) == (date(2019, 10, 2), date(2019, 10, 2))
    assert got["6.8万人次"].kind == "aggregate"
    assert _period(got["900余个"]) == (date(2019, 10, 1), date(2019, 10, 7))


def test_a_campaign_launched_in_one_sentence_and_cut_off_in_the_next_is_one_span() -> None:
    # 自5月10日起……开展……专项整治行动。截至9月10日,共查处……: the campaign's span holds on into the next paragraph
    text = ("自2015年5月10日起,县交警大队在全县开展了为期四个月的货车超载专项整治行动。截至9月10日,共查处超载货车612辆。\n"
            "专项行动期间,大队共设置检查点85个。")
    got = _by_mention(text, None, "富源县")
    assert _period(got["612辆"]) == (date(2015, 5, 10), date(2015, 9, 10))
    assert _period(got["85个"]) == (date(2015, 5, 10), date(2015, 9, 10))


def test_during_the_campaign_is_the_campaigns_span_after_another_period() -> None:
    # 行动期间 after a paragraph on 1至9月: the campaign's own span, told as its launch and its cut-off
    text = ("自2015年5月10日起,县交警大队在全县开展了货车超载专项整治行动。截至9月10日,共查处超载货车612辆。\n"
            "2015年1至9月,全县共发生道路交通事故41起。\n"
            "据统计,行动期间因超载引发的交通事故3起。")
    got = _by_mention(text, None, "富源县")
    assert _period(got["41起"]) == (date(2015, 1, 1), date(2015, 9, 30))
    assert _period(got["3起"]) == (date(2015, 5, 10), date(2015, 9, 10))


def test_the_year_of_a_target_is_not_the_period_of_what_follows() -> None:
    # 完成全年任务的55%: the half-year's progress against the year's target; what follows is the half's too
    text = "今年上半年,全市棚户区改造新开工1.2万套,完成全年2.2万套任务的55%,基本建成0.8万套。"
    got = _by_mention(text, date(2016, 7, 15), "西宁市")
    for m in ("55%", "0.8万套"):
        assert _period(got[m]) == (date(2016, 1, 1), date(2016, 6, 30))


def test_a_headline_restating_a_body_figure_takes_its_period_even_with_its_own() -> None:
    # the headline's 今年以来 is the body's 今年以来……截至8月15日: the figure is the body's, closed where it closes
    text = ("长春警方今年以来止付冻结涉诈资金1.8亿元\n"
            "今年以来,全市公安机关持续打击电信网络诈骗犯罪,截至8月15日,共止付冻结涉诈资金1.8亿元。")
    got = extract(text, published=date(2022, 8, 16), region="长春市")
    assert [_period(f) for f in got] == [(date(2022, 1, 1), date(2022, 8, 15))] * 2


def test_a_cut_off_holds_for_the_stocks_of_its_paragraph() -> None:
    # 截至6月底 opens a paragraph of stocks told in two sentences: both are as of the cut-off, not of
    # the half year the release reports on
    got = _by_mention(
        "今年上半年,全省通信业运行平稳。\n截至6月底,全省光缆线路总长度达412.6万公里。全省行政村光纤通达率达到99.1%。\n"
        "上半年,全省电信业务收入完成215.3亿元。",
        date(2024, 7, 22), "贵州省",
    )
    assert _period(got["99.1%"]) == (None, date(2024, 6, 30))
    assert _period(got["215.3亿元"]) == (date(2024, 1, 1), date(2024, 6, 30))


def test_a_holiday_named_without_its_dates_takes_that_years_days_off() -> None:
    # 五一 and 国庆 as the yearly notice on public holidays set them: 2023's National Day week opened on 29
    # September with 中秋; 五一 was three days in 2018 and a week in 2005
    got = _by_mention("中秋国庆8天假期,全省共接待游客3102.5万人次。", date(2023, 10, 7), "湖南省")
    assert _period(got["3102.5万人次"]) == (date(2023, 9, 29), date(2023, 10, 6))
    got = _by_mention("五一假期,全市道路交通事故起数同比下降12.5%。", date(2018, 5, 2), "长沙市")
    assert _period(got["12.5%"]) == (date(2018, 4, 29), date(2018, 5, 1))
    got = _by_mention("“五一”黄金周期间,全市共接待游客86.3万人次。", date(2005, 5, 9), "桂林市")
    assert _period(got["86.3万人次"]) == (date(2005, 5, 1), date(2005, 5, 7))


def test_a_day_something_began_up_to_a_month_named_after_it_is_one_span() -> None:
    # 自3月10日……启动至4月底: from the day to the end of the month, in the year the title states when the
    # release carries no date
    got = _by_mention(
        "2021年全省春季植树进度过半\n自3月12日全省春季植树全面启动至4月底,全省已完成植树造林156.3万亩。", None, "陕西省",
    )
    assert _period(got["156.3万亩"]) == (date(2021, 3, 12), date(2021, 4, 30))
    got = _by_mention("从5月8日专项整治开展到6月20日,全县共排查隐患点312处。", date(2022, 6, 28), "蓝田县")
    assert _period(got["312处"]) == (date(2022, 5, 8), date(2022, 6, 20))


def test_so_far_under_a_running_span_is_that_span_not_a_stock() -> None:
    # 目前已完成整改 under a campaign counted from its start: the running total of the campaign; 目前现有 is
    # still a stock
    got = _by_mention(
        "自8月15日违建别墅问题清查整治行动开展以来,全县共排查问题点位86个。\n目前已完成整改52个,整改完成率60.5%。"
        "目前全县现有在建项目12个。",
        date(2019, 10, 30), "长安区",
    )
    assert _period(got["52个"]) == (date(2019, 8, 15), date(2019, 10, 30))
    assert _period(got["12个"]) == (None, date(2019, 10, 30))


def test_the_losses_of_one_storm_over_its_days_are_one_incidents() -> None:
    # 此次冰雹灾害共造成: what one weather episode caused over its two days, and its breakdown by county, are
    # the incident's (kind event); a month's totals in another release are not
    got = _by_mention(
        "2021年7月3日至4日,我市北部遭受冰雹袭击。此次冰雹灾害共造成2.3万人受灾,农作物受灾面积4.1万亩。\n"
        "甲县。受灾人口1.2万人。",
        date(2021, 7, 6), "张家口市",
    )
    assert got["2.3万人"].kind == "event"
    assert _period(got["2.3万人"]) == (date(2021, 7, 3), date(2021, 7, 4))
    assert got["1.2万人"].kind == "event"
    got = _by_mention("7月份,全市共发生各类自然灾害3起,造成1.1万人受灾。", date(2021, 8, 6), "张家口市")
    assert got["1.1万人"].kind == "aggregate"


def test_a_year_end_stock_holds_into_the_sentence_that_details_it() -> None:
    # 年末……。其中,甲市……: the sentence opening with 其中 breaks the year-end stock down; its figures are stocks
    got = _by_mention(
        "2022年民政事业发展统计公报\n年末全市共有养老机构126个,床位1.12万张,比上年末增加860张。其中,甲区养老机构31个。",
        date(2023, 4, 20), "乙市",
    )
    assert _period(got["31个"]) == (None, date(2022, 12, 31))


def test_the_travel_season_and_the_spring_festival_days_off_are_dated_by_the_year() -> None:
    # 春运: forty days from the fifteenth day before the lunar New Year (2024: 1月26日 to 3月5日); 春节假期: the
    # year's days off; 春节期间, the festival season, is dated only by what the release states
    got = _by_mention("今年春运期间,全省累计发送旅客2180.5万人次。", date(2024, 3, 7), "贵州省")
    assert _period(got["2180.5万人次"]) == (date(2024, 1, 26), date(2024, 3, 5))
    got = _by_mention("春节假期,全市共接待游客312.6万人次。", date(2023, 1, 28), "桂林市")
    assert _period(got["312.6万人次"]) == (date(2023, 1, 21), date(2023, 1, 27))
    got = _by_mention("1至2月,全市共破获刑事案件412起,其中春节期间破获86起。", date(2023, 3, 10), "桂林市")
    assert _period(got["86起"]) != (date(2023, 1, 21), date(2023, 1, 27))


def test_the_last_month_of_a_year_to_date_told_inside_a_paragraph_holds_for_its_sentence() -> None:
    # 1-9月 ……。9月份,……。分行业看,……: the month alone is its sentence's; the breakdown after it is of the
    # nine months again, and so is the next paragraph
    got = _by_mention(
        "1-9月全市经济运行情况\n1-9月,全市规模以上工业增加值同比增长8.2%。9月份,规模以上工业增加值增长9.1%。"
        "分行业看,医药制造业增长15.2%。\n全市社会消费品零售总额1196.38亿元,增长10.5%。",
        date(2019, 10, 22), "周口市",
    )
    assert _period(got["9.1%"]) == (date(2019, 9, 1), date(2019, 9, 30))
    assert _period(got["15.2%"]) == (date(2019, 1, 1), date(2019, 9, 30))
    assert _period(got["1196.38亿元"]) == (date(2019, 1, 1), date(2019, 9, 30))


def test_a_holiday_inside_the_release_period_opening_a_paragraph_is_that_paragraphs() -> None:
    # 一季度 ……。\n春节黄金周期间(1月22日至28日),……。\n分县市看,……: the quarter is back after the holiday's paragraph
    got = _by_mention(
        "今年一季度,全州共接待游客1086.3万人次。\n春节黄金周期间(1月22日至28日),全州接待游客312.5万人次。\n"
        "分县市看,凯里市接待游客218.4万人次。",
        date(2012, 4, 18), "黔东南州",
    )
    assert _period(got["312.5万人次"]) == (date(2012, 1, 22), date(2012, 1, 28))
    assert _period(got["218.4万人次"]) == (date(2012, 1, 1), date(2012, 3, 31))


def test_a_months_last_day_is_the_calendars() -> None:
    assert all(
        P.month_end(y, m) == date(y, m, calendar.monthrange(y, m)[1]) for y in range(1890, 2110) for m in range(1, 13)
    )


_FORECAST_PIECES = ["预计", "将", "达到", "达", "有望", "力争", "预期", "增长", "，", "。", "；", "\n", "全年", "1", "年"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FORECAST_PIECES), max_size=30).map("".join))
def test_a_forecast_word_is_found_in_a_clause_as_a_search_of_that_clause_finds_it(text: str) -> None:
    # the recogniser searches a release once for forecast words and asks each clause by a binary search
    doc = Document(text)
    times = _Times(doc, [])
    for pos in range(len(doc.s)):
        assert times._forecast_in_clause(pos) == (_FORECAST.search(doc.s, *doc.clause(pos)) is not None)


def test_a_figure_of_the_breadcrumb_line_takes_the_period_of_the_body_figure_it_repeats() -> None:
    # the page's breadcrumb repeats the title with its figure: it is the body's figure, of the body's period
    text = (
        "首页 > 新闻中心 > 本省要闻 前9月全省破获电诈案件1.2万起\n\n前9月全省破获电诈案件1.2万起\n\n"
        "记者从省公安厅获悉,今年1至9月,全省共破获电信网络诈骗案件1.2万起。"
    )
    rows = [f for f in extract(text, published=date(2022, 10, 20), region="福建省") if f.mention == "1.2万起"]
    assert len(rows) == 3
    assert all(_period(f) == (date(2022, 1, 1), date(2022, 9, 30)) for f in rows)


def test_a_level_compared_with_last_years_end_is_a_stock_and_so_is_a_stock_by_name_in_a_reporting_window() -> None:
    # 卫生技术人员2107人,比上年末增加96人: the level at the year's end; 参保人数 at a cut-off stays a stock when the
    # release also counts flows 今年以来
    got = _by_mention("2014年全县卫生事业统计公报\n全县卫生技术人员2107人,比上年末增加96人。", None, "秭归县")
    assert _period(got["2107人"]) == (None, date(2014, 12, 31))
    got = _by_mention(
        "今年以来,全区城镇新增就业6.2万人。\n截至9月底,全区累计发放创业担保贷款12.4亿元。全区基本养老保险参保人数达到574.6万人。",
        date(2025, 10, 21), "宁夏回族自治区",
    )
    assert _period(got["574.6万人"]) == (None, date(2025, 9, 30))
