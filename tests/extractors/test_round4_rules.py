"""Rules of extractor 0.6.0, each on a short invented release (fourth held-out round)."""

from __future__ import annotations

from datetime import date

from extractors import extract


def _rows(text: str, published: date) -> dict[str, dict[str, object]]:
    return {f.mention: f.to_json() for f in extract(text, published=published)}


def _period(row: dict[str, object]) -> tuple[object, object]:
    return row["period_start"], row["period_end"]


def test_percentage_in_words_with_decimals() -> None:
    rows = _rows("今年以来，全县刑事警情同比下降百分之十六点五，电诈案件上升百分之二十一。", date(2023, 10, 8))
    assert rows["百分之十六点五"]["value"] == -16.5
    assert rows["百分之二十一"]["value"] == 21
    assert rows["百分之二十一"]["unit"] == "%"


def test_agency_of_a_city_names_the_area() -> None:
    rows = _rows("国庆假期，南昌铁路公安处共查处各类违法犯罪人员137人。", date(2024, 10, 9))
    assert rows["137人"]["region"] == "南昌市"
    rows = _rows("2月份，瑞丽边境管理支队共查获违法犯罪嫌疑人146名。", date(2024, 3, 5))
    assert rows["146名"]["region"] == "瑞丽市"


def test_national_bureau_release_is_national() -> None:
    rows = _rows("国家统计局29日发布公报。公报显示，2023年粮食种植面积11920万公顷。", date(2024, 2, 29))
    assert rows["11920万公顷"]["region"] == "全国"


def test_actor_with_adverb_is_cut() -> None:
    rows = _rows("2023年，全省司法行政系统共有戒毒场所21个，各类粮食企业累计收购新麦1520万吨。", date(2024, 1, 5))
    assert rows["21个"]["subject"] == "戒毒场所"
    assert rows["1520万吨"]["subject"] == "收购新麦"


def test_person_lead_in_is_cut() -> None:
    rows = _rows("5月10日，家住椒江区的居民王女士在网上刷单被骗18.6万元。", date(2024, 5, 14))
    assert rows["18.6万元"]["subject"] == "刷单被骗"


def test_change_against_a_month_keeps_the_subject() -> None:
    rows = _rows("2月份，共检查出入境人员约21万人次，检查车辆3.2万辆次，分别较1月份增长6.5%和4.1%。", date(2024, 3, 5))
    assert "检查车辆" in str(rows["4.1%"]["subject"])
    assert len(str(rows["4.1%"]["subject"])) <= 8


def test_clause_between_names_an_empty_clause() -> None:
    rows = _rows("2023年，住宅火灾1021起，占总数的35%；电气原因引发的火灾占比最高，达到31.7%。", date(2024, 1, 18))
    assert rows["31.7%"]["subject"] == "电气原因引发的火灾"


def test_month_since_without_zi() -> None:
    rows = _rows("今年9月秋季开学以来，全市共出动执法人员5300余人次。", date(2023, 12, 20))
    assert _period(rows["5300余人次"]) == ("2023-09-01", "2023-12-20")


def test_stock_after_a_cut_off_in_a_since_sentence() -> None:
    text = "今年以来，全省共破获毒品犯罪案件4386起；截至5月底，全省现有吸毒人员4.3万名。"
    rows = _rows(text, date(2024, 6, 26))
    assert _period(rows["4386起"]) == ("2024-01-01", "2024-06-26")
    assert _period(rows["4.3万名"]) == (None, "2024-05-31")


def test_during_returns_to_the_window_after_an_incident() -> None:
    text = (
        "3月份，全市共查处酒后驾驶违法行为486起。其中，3月9日凌晨，民警查获一名醉驾男子。\n"
        "整治期间，全市共设置夜查点位1100余个。"
    )
    rows = _rows(text, date(2024, 4, 2))
    assert _period(rows["1100余个"]) == ("2024-03-01", "2024-03-31")
    assert rows["1100余个"]["kind"] == "aggregate"


def test_rounded_title_figure_takes_the_body_incident() -> None:
    text = "刷单返利又来了！市民王女士刷单被骗18万余元\n5月10日，居民王女士在网上刷单被骗18.6万元。"
    rows = _rows(text, date(2024, 5, 14))
    assert rows["18万余元"]["kind"] == "event"
    assert _period(rows["18万余元"]) == ("2024-05-10", "2024-05-10")
