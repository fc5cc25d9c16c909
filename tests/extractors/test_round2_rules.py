"""Rules of extractor 0.4.0, each on a short invented release (second held-out round)."""

from __future__ import annotations

from datetime import date

from extractors import extract


def _rows(text: str, published: date) -> dict[str, dict[str, object]]:
    return {f.mention: f.to_json() for f in extract(text, published=published)}


def test_short_name_of_an_autonomous_prefecture_is_kept_as_written() -> None:
    rows = _rows("今年1至5月，德宏州共破获毒品刑事案件683起。全州缴获毒品2.1吨。", date(2023, 6, 25))
    assert rows["683起"]["region"] == "德宏州"
    assert rows["2.1吨"]["region"] == "德宏州"
    assert rows["683起"]["region_code"] == "533100"


def test_district_missing_from_the_table_is_the_area() -> None:
    rows = _rows("2023年，宁波市税收收入2786.4亿元。分区域看，北仑区税收收入412.6亿元。", date(2024, 1, 30))
    assert rows["2786.4亿元"]["region"] == "宁波市"
    assert rows["412.6亿元"]["region"] == "北仑区"


def test_reduction_word_inside_a_noun_is_not_a_decrease() -> None:
    rows = _rows("2023年全市新增减税降费超过410亿元，企业所得税下降2.6%。", date(2024, 1, 30))
    assert rows["超过410亿元"]["value"] == 41_000_000_000
    assert rows["2.6%"]["value"] == -2.6


def test_flattened_table_row_is_named_by_its_first_cell() -> None:
    text = "今年上半年，苏州市外贸主要指标如下：\n指标 | 数值 | 同比\n出口 | 7432.9亿元 | 5.6%\n"
    rows = _rows(text, date(2024, 7, 22))
    assert rows["7432.9亿元"]["subject"] == "出口"
    assert rows["5.6%"]["subject"] == "出口"


def test_shares_listed_after_their_items_keep_the_items() -> None:
    text = "2023年，全市法院审结旅游服务合同纠纷1236件、交通事故纠纷782件，分别占审结总数的46.1%和29.2%。"
    rows = _rows(text, date(2024, 2, 20))
    assert "旅游服务合同纠纷" in str(rows["46.1%"]["subject"])
    assert "交通事故纠纷" in str(rows["29.2%"]["subject"])


def test_last_n_years_are_whole_years() -> None:
    rows = _rows("近五年来，全市法院共受理涉旅游纠纷案件2914件。", date(2024, 2, 20))
    assert (rows["2914件"]["period_start"], rows["2914件"]["period_end"]) == ("2019-01-01", "2023-12-31")


def test_five_year_average_is_a_comparison_base_not_a_rate() -> None:
    rows = _rows("2023年，全省直接经济损失96.7亿元，与近5年均值相比下降45.9%。", date(2024, 1, 15))
    assert rows["45.9%"]["period_start"] == "2023-01-01"


def test_since_this_year_up_to_a_cut_off_is_one_window() -> None:
    text = "温州警方今年以来止付涉案资金1.27亿元\n今年以来，温州市公安局深入开展专项行动。截至10月底，全市共破获电诈案件2316起。"
    rows = _rows(text, date(2023, 11, 15))
    assert (rows["2316起"]["period_start"], rows["2316起"]["period_end"]) == ("2023-01-01", "2023-10-31")


def test_new_units() -> None:
    rows = _rows(
        "2023年，全市孕产妇死亡率为7.6/10万，婴儿死亡率比上年下降0.18个千分点，地铁运送乘客1682万乘次，"
        "破获毒品案件逾千宗，展出展板60块。",
        date(2024, 4, 10),
    )
    assert rows["7.6/10万"]["value"] == 7.6
    assert rows["0.18个千分点"]["value"] == -0.18
    assert rows["1682万乘次"]["value"] == 16_820_000
    assert rows["逾千宗"]["value"] == 1000 and rows["逾千宗"]["qualifier"] == "over"
    assert rows["60块"]["value"] == 60
