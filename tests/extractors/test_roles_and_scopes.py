"""The error patterns found on real releases, each on an invented sentence of the same shape: roles
of places, scopes of periods, provenance. One behaviour per test."""

from __future__ import annotations

from datetime import date

from extractors import extract

PUB = date(2024, 10, 20)


def _rows(text: str, published: date | None = PUB, region: str | None = None) -> dict[str, object]:
    return {f.mention: f for f in extract(text, published=published, region=region)}


def _period(f) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    return (f.period_start and f.period_start.isoformat(), f.period_end and f.period_end.isoformat())


# ---- places


def test_a_destination_never_sets_the_region() -> None:
    rows = _rows("某市公安局今年以来破获毒品案件120起。民警赴全国12个省份抓捕，抓获嫌疑人30名。", region="云南省")
    assert rows["30名"].region == "云南省"  # type: ignore[attr-defined]


def test_an_outlets_name_never_sets_the_region() -> None:
    rows = _rows("每日甘肃网讯 今年以来，昆明市共破获毒品案件120起。")
    assert rows["120起"].region == "昆明市"  # type: ignore[attr-defined]


def test_rhetoric_and_honours_never_set_the_region() -> None:
    rows = _rows("大理州公安局今年以来破获案件210起，为全省乃至全国禁毒工作作出贡献，被评为全国先进集体。")
    assert rows["210起"].region == "大理州"  # type: ignore[attr-defined]


def test_a_countys_release_from_its_agency() -> None:
    rows = _rows("凤庆县公安局通报\n今年以来，全县共破获毒品刑事案件35起。")
    f = rows["35起"]
    assert f.region == "凤庆县" and f.region_code == "530921"  # type: ignore[attr-defined]


def test_the_narrowest_area_stated_wins() -> None:
    rows = _rows("今年以来，昆明市共破获毒品案件500起。其中，官渡区破获毒品案件120起。")
    assert rows["500起"].region == "昆明市"  # type: ignore[attr-defined]
    assert rows["120起"].region == "官渡区"  # type: ignore[attr-defined]


# ---- periods


def test_chinese_numeral_years() -> None:
    rows = _rows("二〇二三年，全市共破获案件1200起；二0二二年为1100起。")
    assert _period(rows["1200起"]) == ("2023-01-01", "2023-12-31")


def test_since_the_start_of_the_year() -> None:
    assert _period(_rows("年初以来，全市共破获案件300起。")["300起"]) == ("2024-01-01", "2024-10-20")


def test_a_range_from_a_years_end_to_a_month() -> None:
    assert _period(_rows("自前年年底至今年8月，全市共破获案件120起。")["120起"]) == ("2022-12-01", "2024-08-31")


def test_a_range_stated_in_two_halves() -> None:
    rows = _rows("自今年4月起，全市开展专项行动，至7月15日止，共破获案件120起。")
    assert _period(rows["120起"]) == ("2024-04-01", "2024-07-15")


def test_a_side_remark_does_not_carry() -> None:
    rows = _rows("今年1至9月，全市破获案件800起，创近五年来最高。抓获嫌疑人900名。")
    assert _period(rows["900名"]) == ("2024-01-01", "2024-09-30")


def test_a_running_total_after_a_stated_start_is_a_flow() -> None:
    rows = _rows("今年以来，全省公安机关重拳出击。截至目前，共破获毒品案件500起。")
    assert _period(rows["500起"]) == ("2024-01-01", "2024-10-20")


def test_a_running_total_without_a_start_is_a_stock() -> None:
    rows = _rows("截至目前，全市共建成禁毒社区120个。")
    assert _period(rows["120个"]) == (None, "2024-10-20")


def test_year_end_read_before_the_year_is_out_is_last_years() -> None:
    rows = _rows("年末全县常住人口40.1万人。", published=date(2024, 3, 20))
    assert _period(rows["40.1万人"]) == (None, "2023-12-31")


def test_a_stated_cut_off_day_of_a_month() -> None:
    assert _period(_rows("截至9月底，全市共有吸毒人员1200名。")["1200名"]) == (None, "2024-09-30")


def test_an_incident_inside_a_paragraph_about_a_period() -> None:
    rows = _rows("今年以来，全市破获案件300起。8月3日，民警破获一起运输毒品案，缴获冰毒12公斤。\n全市共抓获嫌疑人400名。")
    assert _period(rows["12公斤"]) == ("2024-08-03", "2024-08-03") and rows["12公斤"].kind == "event"  # type: ignore[attr-defined]
    assert _period(rows["400名"]) == ("2024-01-01", "2024-10-20")


# ---- subjects, kinds and metrics


def test_a_change_never_shares_the_levels_metric() -> None:
    rows = _rows("今年以来，全州缴获各类毒品1.3吨，较去年同期增加0.4吨。")
    assert rows["1.3吨"].metric == "narcotics.drugs_seized"  # type: ignore[attr-defined]
    change = rows["0.4吨"]
    assert change.metric is None and change.comparison == "yoy"  # type: ignore[attr-defined]


def test_fenbie_lists_are_split_item_by_item() -> None:
    rows = _rows("今年1至9月，全市盗窃、诈骗案件分别下降12.1%和8.3%。")
    assert rows["12.1%"].subject.startswith("盗窃")  # type: ignore[attr-defined]
    assert rows["8.3%"].subject.startswith("诈骗")  # type: ignore[attr-defined]


def test_campaign_totals_are_aggregates() -> None:
    rows = _rows("10月12日，全市开展集中统一行动，共破获案件65起，抓获嫌疑人80名。")
    assert rows["65起"].kind == "aggregate"  # type: ignore[attr-defined]


def test_a_range_that_describes_is_no_figure() -> None:
    assert "10-15吨" not in _rows("民警查获一辆核载10-15吨的中型货车，缴获冰毒3公斤。")


# ---- provenance


def test_every_figure_names_the_phrases_that_set_its_period_and_region() -> None:
    text = "今年1至5月，全省共破获毒品刑事案件5453起。"
    f = _rows(text, published=date(2018, 6, 26), region="云南省")["5453起"]
    assert f.period_from == "今年1至5月" and text[f.period_from_start : f.period_from_end] == "今年1至5月"  # type: ignore[attr-defined]
    assert f.region_from == "全省" and text[f.region_from_start : f.region_from_end] == "全省"  # type: ignore[attr-defined]
    assert f.period_rule and f.region_rule  # type: ignore[attr-defined]
