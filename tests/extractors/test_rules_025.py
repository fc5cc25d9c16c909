"""Rules of 0.25, drawn from blind rounds 71 and 73 (human resources, civil affairs, education, natural
resources, forestry, housing, transport, and a police and statistics mix): a five-year plan's period (“十三五”期间,
“十四五”以来, “十二五”末) is a period; a verb that makes one noun with the noun after it (建设资金, 救助资金) does not
cut a subject; a place inside the name of a wider region (成都平原经济区) sets no region; insured people counted
(工伤保险参保4.12万人) are a stock; what was done on a day in the course of one spell of weather is that episode's;
为 after the body that acts names for whom (区民政局为2346户……); a comparison with the time before a campaign
(较行动开展前) is stripped from a change's subject. Each test is a short release written for the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_a_five_year_plans_period_its_start_and_its_end_are_periods() -> None:
    got = _by_mention(
        "截至10月底,全省“十四五”以来累计开工改造城镇老旧小区1.38万个。\n"
        "“十三五”期间,全省共改造棚户区32万套。\n"
        "到“十三五”末,全县农村自来水普及率达到90%。全市生产安全事故起数较“十二五”末下降52.1%。\n",
        date(2022, 11, 20), None,
    )
    assert _period(got["1.38万个"]) == (date(2021, 1, 1), date(2022, 10, 31))
    assert _period(got["32万套"]) == (date(2016, 1, 1), date(2020, 12, 31))
    assert _period(got["90%"]) == (None, date(2020, 12, 31))
    assert got["52.1%"].subject == "生产安全事故起数"


def test_the_name_of_a_plan_alone_is_no_period() -> None:
    got = _by_mention("2023年,全市纳入“十四五”考核的42个重点河湖断面水质全部达标。\n", date(2024, 1, 10), None)
    assert _period(got["42个"]) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_verb_making_one_noun_with_the_noun_after_it_does_not_cut_the_subject() -> None:
    got = _by_mention(
        "2013年,全市投入城乡社区建设资金3.6亿元,下拨自然灾害生活救助资金4680万元,比上年减少18.5%。"
        "全县供应国有建设用地1135亩。\n",
        date(2014, 1, 20), None,
    )
    assert got["3.6亿元"].subject == "投入城乡社区建设资金"
    assert got["4680万元"].subject == "下拨自然灾害生活救助资金"
    assert got["1135亩"].subject == "供应国有建设用地"


def test_a_place_inside_the_name_of_a_wider_region_sets_no_region() -> None:
    got = _by_mention(
        "四川省自然资源厅通报\n2023年,全省供应国有建设用地28.6万亩。分地区看,成都平原经济区供应国有建设用地12.7万亩。\n",
        date(2024, 1, 18), None,
    )
    assert got["12.7万亩"].region == "四川省"


def test_people_insured_are_a_stock_at_the_end_of_the_period_in_force() -> None:
    got = _by_mention(
        "光山县人社局通报\n1-10月,全县城乡居民养老保险基金支出3.2亿元;全县工伤保险参保4.12万人,失业保险参保2.95万人。\n",
        date(2023, 11, 8), None,
    )
    assert _period(got["3.2亿元"]) == (date(2023, 1, 1), date(2023, 10, 31))
    for m in ("4.12万人", "2.95万人"):
        assert _period(got[m]) == (None, date(2023, 10, 31)), m


def test_what_was_done_on_a_day_in_the_course_of_a_spell_of_weather_is_that_episodes() -> None:
    got = _by_mention(
        "2013年,全市下拨救灾资金4680万元。7月9日强降雨过程中,全市共紧急转移群众3260人,下拨应急救助资金300万元。\n"
        "7月份强降雨过程中,全区累计转移低洼地区群众1260人。\n",
        date(2014, 1, 20), None,
    )
    assert got["3260人"].kind == "event" and got["300万元"].kind == "event"
    assert got["4680万元"].kind == "aggregate" and got["1260人"].kind == "aggregate"


def test_wei_after_the_body_that_acts_names_for_whom() -> None:
    got = _by_mention(
        "1-5月,区民政局为2346户特殊困难老年人家庭开展适老化改造需求评估。全市登记在册吸毒人员为4127名。\n",
        date(2025, 6, 10), None,
    )
    assert got["2346户"].subject == "特殊困难老年人家庭"
    assert got["4127名"].subject == "登记在册吸毒人员"


def test_a_comparison_with_the_time_before_a_campaign_is_no_part_of_a_changes_subject() -> None:
    got = _by_mention("专项行动开展以来,全县完成治理面积1870亩,治理率较行动开展前提高了近20个百分点。\n", date(2024, 6, 14), None)
    assert got["近20个百分点"].subject == "治理率"


def test_the_next_day_of_a_span_of_hours_is_no_period() -> None:
    got = _by_mention(
        "1-11月,全区共发生道路交通事故412起。从事故时段看,18时至次日6时发生的事故占事故总数的43.5%,造成死亡54人。\n",
        date(2014, 12, 5), None,
    )
    for m in ("43.5%", "54人"):
        assert _period(got[m]) == (date(2014, 1, 1), date(2014, 11, 30)), m


def test_a_start_and_an_end_told_in_two_clauses_make_one_span() -> None:
    got = _by_mention(
        "今年暑期,托管服务自7月10日启动,至8月18日结束。据统计,全区共开设暑期托管班312个。\n", date(2023, 8, 28), None,
    )
    assert _period(got["312个"]) == (date(2023, 7, 10), date(2023, 8, 18))
