"""Rules of extractor 0.5.0, each on a short invented release (third held-out round)."""

from __future__ import annotations

from datetime import date

from extractors import extract


def _rows(text: str, published: date) -> dict[str, dict[str, object]]:
    return {f.mention: f.to_json() for f in extract(text, published=published)}


def _period(row: dict[str, object]) -> tuple[object, object]:
    return row["period_start"], row["period_end"]


def test_a_month_earlier_than_last_years_story_month_is_this_year() -> None:
    text = "2022年11月，城东居民赵某报警称被骗12万元。4月8日凌晨，专案组在外省收网，抓获犯罪嫌疑人21名。"
    rows = _rows(text, date(2023, 4, 20))
    assert _period(rows["21名"]) == ("2023-04-08", "2023-04-08")


def test_since_a_month_with_words_between() -> None:
    rows = _rows("自2022年10月专项行动开展以来，全市共侦破制毒物品案件6起。", date(2023, 6, 20))
    assert _period(rows["6起"]) == ("2022-10-01", "2023-06-20")


def test_cut_off_at_last_year_end_holds_over_a_flow_word() -> None:
    rows = _rows("截至去年底，全县累计建成戒毒康复工作站36个。", date(2023, 6, 20))
    assert _period(rows["36个"]) == (None, "2022-12-31")


def test_figures_at_the_meeting_take_the_meetings_day() -> None:
    text = (
        "6月21日上午，丽水市禁毒委召开新闻发布会。会上通报，2022年全市破获毒品刑事案件213起。\n"
        "活动现场，市禁毒委集中销毁毒品82千克。"
    )
    rows = _rows(text, date(2023, 6, 22))
    assert _period(rows["213起"]) == ("2022-01-01", "2022-12-31")
    assert _period(rows["82千克"]) == ("2023-06-21", "2023-06-21")
    assert rows["82千克"]["kind"] == "event"


def test_a_single_share_keeps_the_item_before_it() -> None:
    rows = _rows("今年以来，全区共发生火灾215起，其中电气火灾67起，占火灾总数的31.2%。", date(2023, 9, 1))
    assert "电气火灾" in str(rows["31.2%"]["subject"])


def test_change_against_last_week_keeps_the_quantity() -> None:
    rows = _rows("本周，全市发生电诈警情76起，较上周减少9起。", date(2023, 9, 18))
    assert rows["9起"]["value"] == -9
    assert "电诈警情" in str(rows["9起"]["subject"])


def test_agency_with_adverb_is_cut_from_the_subject() -> None:
    rows = _rows("2023年，青田县人民法院侨乡巡回法庭全年共化解涉侨纠纷413件。", date(2024, 1, 20))
    assert rows["413件"]["subject"] == "化解涉侨纠纷"


def test_agency_of_an_area_inside_a_division() -> None:
    rows = _rows("今年以来，黄山风景区公安局共开展救援行动21次。", date(2024, 7, 3))
    assert rows["21次"]["region"] == "黄山市"


def test_gang_takedown_over_a_few_days_is_one_event() -> None:
    text = "5月8日至10日，安康市公安局成功打掉一个跨省诈骗团伙，抓获犯罪嫌疑人19名，冻结资金260余万元。"
    rows = _rows(text, date(2023, 5, 15))
    assert rows["19名"]["kind"] == "event"
    assert _period(rows["19名"]) == ("2023-05-08", "2023-05-10")


def test_confession_of_a_series_is_the_case() -> None:
    rows = _rows("经审讯，嫌疑人对今年以来盗窃摩托车9辆的犯罪事实供认不讳。", date(2023, 5, 15))
    assert rows["9辆"]["kind"] == "event"


def test_case_totals_span_the_days_of_the_case() -> None:
    text = (
        "6月3日20时许，民警在高速路口查获冰毒5.2千克，抓获犯罪嫌疑人1名。\n"
        "次日，专案组在邻县抓获接货人员2名。\n"
        "至此，该案共抓获犯罪嫌疑人3名。"
    )
    rows = _rows(text, date(2023, 6, 8))
    assert _period(rows["3名"]) == ("2023-06-03", "2023-06-04")
    assert rows["3名"]["kind"] == "event"


def test_headline_of_an_undated_case_takes_the_body_day() -> None:
    text = "平武警方破获一起运输毒品案 缴获海洛因3.1千克\n\n4月2日，平武县公安局民警在检查站查获海洛因3.1千克。"
    figs = extract(text, published=date(2023, 4, 6))
    assert [(f.period_start, f.period_end) for f in figs if f.mention == "3.1千克"] == [(date(2023, 4, 2), date(2023, 4, 2))] * 2


def test_age_in_an_aside_is_not_the_subject() -> None:
    rows = _rows("当日，民警抓获驾驶员李某（男，31岁）和同车人员王某（女，27岁）2名犯罪嫌疑人。", date(2023, 6, 8))
    assert rows["2名"]["subject"] != "27岁"
    assert "犯罪嫌疑人" in str(rows["2名"]["subject"])


def test_noun_after_a_number_stops_at_a_verb() -> None:
    rows = _rows("12月3日，消防救援大队调派9辆消防车、45名指战员赶赴现场处置。", date(2023, 12, 5))
    assert rows["45名"]["subject"] == "指战员"


def test_days_listed_with_a_comma_are_one_span() -> None:
    rows = _rows("3月28日、29日，专案组又在深圳市抓获在逃人员8名。", date(2024, 4, 2))
    assert _period(rows["8名"]) == ("2024-03-28", "2024-03-29")


def test_dotted_dates() -> None:
    text = "2023.5.12凌晨，民警在城区查获被盗电动车4辆。5.14当天，民警将追回的4辆电动车发还失主。"
    figs = [(f.mention, f.period_start, f.kind) for f in extract(text, published=date(2023, 5, 16))]
    assert figs == [("4辆", date(2023, 5, 12), "event"), ("4辆", date(2023, 5, 14), "event")]


def test_reporter_date_is_not_the_case_day() -> None:
    text = (
        "10月9日，记者从株洲市公安局获悉，该局成功破获一起网络贩卖精神药品案，抓获犯罪嫌疑人3名。\n"
        "9月27日，专案组在荷塘区将犯罪嫌疑人刘某等3人抓获。"
    )
    rows = _rows(text, date(2023, 10, 12))
    assert _period(rows["3名"]) == ("2023-09-27", "2023-09-27")
