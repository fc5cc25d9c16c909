"""Rules of 0.26, drawn from blind round 78 (emergency management, weather, transport, telecoms, natural
resources, forestry, housing, water and statistics bulletins): a campaign named by its kind before 以来
(开展“两违”整治专项行动以来) is a running total since its start, or as of publication where no start is stated; a
transport mode ending in 路 (水路, 公路) after a place is no site inside it; 用户 after a verb makes one noun with it
(宽带接入用户). From round 80 (police, courts, customs, market regulation, tax, human resources, commerce): a
year that labels a table's row holds for its row, not for the paragraphs after the table; the end of the first
quarters or of the half (前三季度末, 上半年末) is a stock at that day; items listed before an act written once
(小微企业和个体工商户获得留抵退税分别为) each take the act, and items whose shared rest follows the first item's last
word (城镇居民和农村居民人均可支配收入) each take that rest. Each test is a short release written for
the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_a_campaign_named_by_its_kind_before_since_is_a_running_total_as_of_publication() -> None:
    got = _by_mention(
        "前三季度,县自然资源局共办理不动产登记业务1.8万件。"
        "执法方面,县自然资源局开展违法用地整治专项行动以来,共立案查处违法用地行为52宗。\n",
        date(2019, 10, 18), None,
    )
    assert _period(got["1.8万件"]) == (date(2019, 1, 1), date(2019, 9, 30))
    assert _period(got["52宗"]) == (None, date(2019, 10, 18))
    got = _by_mention(
        "前三季度,全县新开工保障性住房1260套。县住建局开展违法建设集中整治以来,共拆除违法建筑1.3万平方米。\n",
        date(2019, 10, 18), None,
    )
    assert _period(got["1.3万平方米"]) == (None, date(2019, 10, 18))


def test_a_campaign_named_by_its_kind_before_since_runs_from_its_stated_start() -> None:
    got = _by_mention(
        "今年4月“蓝盾”专项行动开展以来,全市共立案侦办走私案件86宗。"
        "海上方面,专项行动以来,海警部门共查扣涉嫌走私船舶31艘。\n",
        date(2021, 8, 30), None,
    )
    assert _period(got["86宗"]) == (date(2021, 4, 1), date(2021, 8, 30))
    assert _period(got["31艘"]) == (date(2021, 4, 1), date(2021, 8, 30))


def test_a_transport_mode_after_a_place_is_no_site_inside_it() -> None:
    got = _by_mention(
        "藤县水路货运量同比增长9.2%。今年上半年,全县完成公路货运量512.6万吨。\n",
        date(2017, 7, 18), None,
    )
    assert got["9.2%"].region == "藤县"
    assert got["512.6万吨"].region == "藤县"


def test_users_after_a_verb_make_one_noun_with_it() -> None:
    got = _by_mention("截至9月底,全省有线宽带接入用户1216.4万户。\n", date(2020, 10, 22), None)
    assert got["1216.4万户"].subject == "有线宽带接入用户"


def test_a_year_labelling_a_tables_row_holds_for_its_row_only() -> None:
    got = _by_mention(
        "一、过去五年工作回顾\n2019年至2023年,全市法院共受理各类案件72.5万件。五年来主要数据如下:\n"
        "年份  受理案件  结案率\n2022年  151206件  96.8%\n2023年  163450件  97.2%\n"
        "(一)依法惩治犯罪。五年来,全市法院审结一审刑事案件1.96万件。审结涉黑涉恶案件97件。\n"
        "(二)服务发展大局。审结民商事案件43.2万件。\n",
        date(2024, 1, 25), None,
    )
    assert _period(got["163450件"]) == (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["151206件"]) == (date(2022, 1, 1), date(2022, 12, 31))
    for m in ("97件", "43.2万件"):
        assert _period(got[m]) == (date(2019, 1, 1), date(2023, 12, 31)), m


def test_the_end_of_the_first_quarters_or_of_the_half_is_a_stock_at_that_day() -> None:
    got = _by_mention(
        "前三季度,全省城镇新增就业38.6万人。前三季度末,全省城镇登记失业率为3.52%。\n"
        "上半年末,全省企业职工基本养老保险参保人数达到912.4万人。\n",
        date(2013, 10, 28), None,
    )
    assert _period(got["38.6万人"]) == (date(2013, 1, 1), date(2013, 9, 30))
    assert _period(got["3.52%"]) == (None, date(2013, 9, 30))
    assert _period(got["912.4万人"]) == (None, date(2013, 6, 30))



def test_items_listed_before_an_act_written_once_each_take_the_act() -> None:
    got = _by_mention(
        "上半年,全市制造业企业和批发零售企业获得留抵退税分别为42.6亿元、8.3亿元。\n", date(2022, 7, 26), None,
    )
    assert got["42.6亿元"].subject.endswith("获得留抵退税") and "批发" not in got["42.6亿元"].subject
    assert got["8.3亿元"].subject.endswith("获得留抵退税")


def test_items_sharing_the_rest_after_the_first_items_last_word_each_take_it() -> None:
    got = _by_mention(
        "2019年,全县城镇居民和农村居民人均可支配收入分别达到3.46万元和1.62万元。\n", date(2020, 2, 10), None,
    )
    assert got["3.46万元"].subject == "城镇居民人均可支配收入"
    assert got["1.62万元"].subject == "农村居民人均可支配收入"
