"""Rules of 0.26, drawn from blind round 78 (emergency management, weather, transport, telecoms, natural
resources, forestry, housing, water and statistics bulletins): a campaign named by its kind before 以来
(开展“两违”整治专项行动以来) is a running total since its start, or as of publication where no start is stated; a
transport mode ending in 路 (水路, 公路) after a place is no site inside it; 用户 after a verb makes one noun with it
(宽带接入用户). Each test is a short release written for the rule."""

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
