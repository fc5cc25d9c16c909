"""Rules for what a figure counts (its subject) and the area it belongs to (its region). Each test is
a short release written for it, in the construction the rule is about."""

from __future__ import annotations

from datetime import date

from extractors import extract
from extractors.model import Figure


def _by_mention(text: str, published: date | None = date(2024, 6, 1), region: str | None = None) -> dict[str, Figure]:
    return {f.mention: f for f in extract(text, published=published, region=region)}


def test_every_item_of_a_list_before_fenbie_keeps_its_own_verb() -> None:
    # two acts listed before 分别: each figure is of its own act, not both of the last one
    got = _by_mention("今年以来,全市查处非法营运车辆、扣押无证渣土车比去年同期分别下降17%、9%。", region="柳州市")
    assert got["17%"].subject == "查处非法营运车辆"
    assert got["9%"].subject == "扣押无证渣土车"


def test_the_recipients_of_a_handover_are_not_the_actor() -> None:
    # 向公安机关、……移交: an agency among the recipients must not be read as who acted
    got = _by_mention("1至5月,全区税务系统共发现涉税线索412条,向公安机关、审计机关或纪委监委移交96条。", region="南宁市")
    assert got["96条"].subject == "移交"


def test_an_editors_note_in_a_share_is_dropped() -> None:
    # (下同) says the base holds for what follows; the share is of the trade named before it
    got = _by_mention("前4个月,全省机电产品出口820.4亿元,占全省出口总值(下同)的58.2%。", region="浙江省")
    assert got["58.2%"].subject == "机电产品出口占全省出口总值"


def test_a_change_against_the_whole_previous_year_names_the_quantity() -> None:
    # 比上年全年下降: a comparison base like 比上年同期, not the name of what changed
    got = _by_mention("一季度,全县城乡居民收入比2.05,比上年全年下降0.06个百分点。", region="兴国县")
    assert got["0.06个百分点"].subject.startswith("城乡居民收入比")
