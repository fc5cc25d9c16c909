"""Rules of extractor 0.7.0, each on a short invented release (fifth held-out round)."""

from __future__ import annotations

from datetime import date

from extractors import extract


def _rows(text: str, published: date) -> dict[str, dict[str, object]]:
    return {f.mention: f.to_json() for f in extract(text, published=published)}


def _period(row: dict[str, object]) -> tuple[object, object]:
    return row["period_start"], row["period_end"]


def test_output_change_verbs_keep_the_subject() -> None:
    rows = _rows("2023年，全省油菜籽产量62.4万吨，比上年增产3.1万吨；茶叶产量8.2万吨，减产0.6万吨。", date(2024, 1, 20))
    assert "油菜籽产量" in str(rows["3.1万吨"]["subject"])
    assert rows["0.6万吨"]["value"] == -6000
    assert "茶叶产量" in str(rows["0.6万吨"]["subject"])


def test_revenue_change_verb_keeps_the_subject() -> None:
    rows = _rows("2023年，全市非税收入93.5亿元，同比减收4.2亿元。", date(2024, 2, 1))
    assert rows["4.2亿元"]["value"] == -420000000
    assert "非税收入" in str(rows["4.2亿元"]["subject"])


def test_code_with_leading_zero_is_not_a_figure() -> None:
    rows = _rows("5月3日，搜救中心协调海巡08512轮前往救助，救起落水人员3名。", date(2024, 5, 6))
    assert "08512轮" not in rows
    assert rows["3名"]["subject"] == "救起落水人员"


def test_maritime_agency_names_its_city() -> None:
    rows = _rows("今年以来，温州海事局共组织海上搜救行动41次。", date(2024, 6, 3))
    assert rows["41次"]["region"] == "温州市"


def test_quantity_before_quanbu_stops_the_noun() -> None:
    rows = _rows("6月2日，一艘货船在港区附近搁浅，船上7名船员全部获救。", date(2024, 6, 4))
    assert str(rows["7名"]["subject"]).endswith("船员")


def test_cut_off_of_flows_holds_into_next_paragraph() -> None:
    text = (
        "专项行动开展以来，全省公安机关重拳出击，截至9月30日，共破获刑事案件8600起。\n"
        "行动中，全省公安机关共查处治安案件2.3万起。\n"
        "9月12日，某市公安局打掉一个盗窃团伙，抓获犯罪嫌疑人6名。\n"
        "全省累计出动警力31万人次。"
    )
    rows = _rows(text, date(2024, 10, 8))
    assert _period(rows["8600起"]) == (None, "2024-09-30")
    assert _period(rows["2.3万起"]) == (None, "2024-09-30")
    assert _period(rows["6名"]) == ("2024-09-12", "2024-09-12")
    assert rows["6名"]["kind"] == "event"
    assert _period(rows["31万人次"]) == (None, "2024-09-30")
    assert rows["31万人次"]["kind"] == "aggregate"
