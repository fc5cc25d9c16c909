"""Decisions taken once for a whole release (its reporting period, its area, how its subjects are
named) that every row of it inherits. Each test is a short release written for it, in the
construction the rule is about, so one wrong decision cannot hide behind the other rows."""

from __future__ import annotations

from datetime import date

from extractors import extract
from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_a_period_inside_a_parenthesis_with_other_words_holds_only_there() -> None:
    # (含上年旧存……) is an aside: the half year stated before it still covers what follows
    got = _by_mention(
        "今年1至6月,全县法院新收民事案件820件(含上年旧存35件),同比增长4.1%;结案760件。",
        date(2024, 7, 5), "莒县",
    )
    half = (date(2024, 1, 1), date(2024, 6, 30))
    assert _period(got["820件"]) == half
    assert _period(got["35件"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["4.1%"]) == half
    assert _period(got["760件"]) == half


def test_a_parenthesis_that_only_dates_the_words_before_it_holds_on() -> None:
    # 春节期间(2月9日至17日): the parenthesis gives the dates of 期间, which cover the sentence
    got = _by_mention("春节期间(2月9日至17日),全市共接报警情900起,同比下降3.5%。", date(2024, 2, 20), "绵阳市")
    assert _period(got["900起"]) == (date(2024, 2, 9), date(2024, 2, 17))
    assert _period(got["3.5%"]) == (date(2024, 2, 9), date(2024, 2, 17))


def test_woguo_is_the_country_over_a_dateline_city() -> None:
    # a national report filed from a provincial capital: 我国 names the country, the dateline only
    # where the reporter was
    got = _by_mention(
        "新华社成都3月2日电 2023年,我国共破获电信网络诈骗案件43.7万起。我国还拦截诈骗电话27.5亿次。",
        date(2024, 3, 2),
    )
    assert got["43.7万起"].region == "全国"
    assert got["27.5亿次"].region == "全国"
    assert got["27.5亿次"].subject == "拦截诈骗电话"


def test_every_year_listed_after_bi_is_a_comparison_base() -> None:
    # 比2020年、2021年和2022年: the later years are bases too, not the period of the changes
    got = _by_mention(
        "2023年,全省新发现吸毒人员数量比2020年、2021年和2022年分别下降41%、33%和20%。",
        date(2024, 1, 20), "四川省",
    )
    for mention in ("41%", "33%", "20%"):
        assert _period(got[mention]) == (date(2023, 1, 1), date(2023, 12, 31)), mention


def test_a_from_to_clause_counts_the_quantity_named_before_it() -> None:
    # 由<date>的N降至<date>的M: both ends and the change after them are of the quantity the clause before
    # names, without its trend words
    got = _by_mention(
        "全县禁毒工作成效明显。电诈案件发案数明显下降,由2021年的412起降至2023年的198起,降幅51.9%。"
        "群众安全感持续提升,由2021年的91.2%提升至2023年的97.5%。",
        date(2024, 2, 1), "安吉县",
    )
    assert got["412起"].subject == "电诈案件发案数"
    assert got["198起"].subject == "电诈案件发案数"
    assert got["51.9%"].subject.startswith("电诈案件发案数")
    assert got["91.2%"].subject == "群众安全感"
    assert got["97.5%"].subject == "群众安全感"


def test_a_from_to_clause_with_its_quantities_named_in_it() -> None:
    # 甲、乙分别由……的a、b降至……的c、d: the items listed before 分别, in order
    got = _by_mention(
        "去年,全市交通事故起数、死亡人数分别由上年的1020起、96人降至904起、81人。",
        date(2024, 1, 15), "德阳市",
    )
    assert got["1020起"].subject == "交通事故起数"
    assert got["96人"].subject == "死亡人数"


def test_a_numbered_section_headings_period_frames_its_text() -> None:
    # 一、2023年1-6月全市火灾情况: the section's text states no period of its own
    text = (
        "绵阳市消防救援支队通报火灾形势\n\n"
        "一、2023年1-6月全市火灾情况\n\n"
        "全市共接报火灾312起,同比下降8.2%,直接财产损失460万元。\n\n"
        "二、下一步工作\n\n"
        "各地要加强夏季消防检查。"
    )
    got = _by_mention(text, date(2023, 7, 10))
    for mention in ("312起", "8.2%", "460万元"):
        assert _period(got[mention]) == (date(2023, 1, 1), date(2023, 6, 30)), mention


def test_a_line_with_clauses_under_a_section_heading_is_text_not_a_heading() -> None:
    # a page that dropped the full stop: the line under 一、 is the section's text, and its 21起 is not a
    # headline restating the county's 21起 further down
    text = (
        "绵阳市5月份道路交通安全形势通报\n\n"
        "一、5月份全市情况\n\n"
        "5月份,全市共发生道路交通事故21起,受伤9人,直接财产损失12万元\n\n"
        "二、各县情况\n\n"
        "5月份,梓潼县发生道路交通事故21起,受伤3人。"
    )
    got = extract(text, published=date(2023, 6, 5))
    first = next(f for f in got if f.mention == "21起")
    assert first.region == "绵阳市"
    assert _period(first) == (date(2023, 5, 1), date(2023, 5, 31))


def test_daolu_after_a_place_is_road_traffic_not_a_street() -> None:
    # 路 names a street after a place (环城路一带): 道路交通 does not
    got = _by_mention("德阳市上半年道路交通事故起数同比下降12.5%。", date(2023, 7, 20))
    assert got["12.5%"].region == "德阳市"


def test_the_same_months_a_year_before_hold_for_their_clause_only() -> None:
    # 去年1-9月发生22起 under 1-9月: last year's figure, told as a statement; the change after it and the
    # figures of the next clauses are this year's
    got = _by_mention(
        "1-9月,全市共发生生产安全事故18起,去年1-9月发生22起,同比下降18.2%;死亡21人。",
        date(2022, 10, 13), "淮北市",
    )
    this_year = (date(2022, 1, 1), date(2022, 9, 30))
    assert _period(got["18起"]) == this_year
    assert _period(got["22起"]) == (date(2021, 1, 1), date(2021, 9, 30))
    assert _period(got["18.2%"]) == this_year
    assert _period(got["21人"]) == this_year


def test_qunian_tongqi_followed_by_what_happened_is_last_years_figure() -> None:
    # 去年同期发生……15起: not a comparison base (比去年同期) but last year's figure
    got = _by_mention(
        "9月份,全市共发生火灾事故12起,全市去年同期发生火灾事故15起,同比下降20%。",
        date(2022, 10, 13), "淮北市",
    )
    assert _period(got["12起"]) == (date(2022, 9, 1), date(2022, 9, 30))
    assert _period(got["15起"]) == (date(2021, 9, 1), date(2021, 9, 30))
    assert _period(got["20%"]) == (date(2022, 9, 1), date(2022, 9, 30))


def test_a_year_after_chuang_is_a_record_not_the_period() -> None:
    # 创今年单起案件最大: the record the case sets; the month stated before still covers what follows
    got = _by_mention(
        "10月份,全市共破获毒品案件31起,其中一起案件缴获冰毒12千克,创今年单起案件最大缴获量。收戒吸毒人员85人。",
        date(2023, 11, 10), "曲靖市",
    )
    assert _period(got["85人"]) == (date(2023, 10, 1), date(2023, 10, 31))


def test_the_unit_of_one_case_told_inside_a_paragraph_of_totals_holds_for_its_sentence() -> None:
    # 特别是麒麟区公安分局破获的“3·15”案……: the district is that case's; the city's totals go on after it
    got = _by_mention(
        "曲靖市公安局10月份共破获毒品案件31起。特别是麒麟区公安分局破获的“3·15”案件,缴获冰毒12千克。"
        "全月收戒吸毒人员85人。",
        date(2023, 11, 10),
    )
    assert got["12千克"].region == "麒麟区"
    assert got["85人"].region == "曲靖市"


def test_a_photo_caption_is_not_the_lead() -> None:
    # a caption under the title names the city where the photo was taken, not the area reported on
    text = (
        "国庆期间四川累计投入警力21万人次\n"
        "    10月1日,成都铁路公安处民警在成都东站执勤。成都铁路公安处 供图\n\n"
        "    中新网成都10月9日电 记者从四川省公安厅获悉,国庆假期期间,全省各级公安机关共接群众报警9.6万起,"
        "同比下降7.4%。\n\n"
        "    据悉,群众报警中,刑事警情同比下降12.1%。以成都为例,假期期间,成都全市110报警数同比下降9.3%。"
    )
    got = _by_mention(text, date(2023, 10, 9))
    assert got["9.6万起"].region == "四川省"
    assert got["12.1%"].region == "四川省"


def test_a_breakdown_by_line_of_business_names_the_line_in_every_subject() -> None:
    # 建筑业发生3起事故,死亡3人: the line belongs to both subjects; a county there is the region instead
    text = (
        "绵阳市上半年生产安全事故情况\n\n"
        "(一)按行业划分\n\n"
        "1.建筑业发生3起事故,死亡3人;\n\n"
        "2.交通运输和仓储业发生5起事故,死亡7人;\n\n"
        "(二)按区域划分\n\n"
        "1.梓潼县共发生2起事故,死亡2人;"
    )
    got = extract(text, published=date(2023, 7, 12))
    subjects = [(f.mention, f.subject, f.region) for f in got]
    assert subjects == [
        ("3起", "建筑业发生事故", "绵阳市"),
        ("3人", "建筑业死亡", "绵阳市"),
        ("5起", "交通运输和仓储业发生事故", "绵阳市"),
        ("7人", "交通运输和仓储业死亡", "绵阳市"),
        ("2起", "发生事故", "梓潼县"),
        ("2人", "死亡", "梓潼县"),
    ]
