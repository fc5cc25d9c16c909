"""Rules of 0.22, drawn from blind round 51: a dateline of an outlet and a place (厦门网思明讯) names the
area; 联合 before a name is a word, not the start of another name (联合浦东 has no 合浦); a paper called
时报 is named after its area; in a dated release a year to date opened after a semicolon is not closed
by the cut-off of the stock before it; a running total told before a cut-off stated later runs to the
day of the release; a campaign launched in the sentence of a start (……以来,……开展……专项行动) is what its
开展以来 later runs from; 签约 before a number is the act counted. Each test is a short release written
for the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_a_dateline_of_an_outlet_and_a_place_names_the_area() -> None:
    got = _by_mention(
        "区法院上半年审结民事案件1562件\n"
        "泉州网丰泽讯(记者 林晓 通讯员 陈法)7月12日,记者从区人民法院获悉,今年上半年,全区法院共审结民事案件1562件,"
        "同比上升8.7%。\n",
        date(2022, 7, 12), None,
    )
    assert got["1562件"].region == "丰泽区"
    assert got["8.7%"].region == "丰泽区"


def test_lianhe_before_a_name_is_a_word_and_a_shibao_paper_names_its_area() -> None:
    got = _by_mention(
        "来源:浦东时报\n"
        "本报讯 上半年,全区共查处非法客运车辆856辆次。6月20日晚,区交通执法大队联合浦东公安分局开展夜间整治,"
        "当晚查处非法营运车辆31辆。\n",
        date(2024, 7, 8), None,
    )
    assert got["856辆次"].region == "浦东新区"
    assert got["31辆"].region == "浦东新区"


def test_a_year_to_date_after_a_semicolon_is_not_closed_by_the_stock_before_it() -> None:
    got = _by_mention(
        "截至4月底,全县共有乡村医生486人;今年以来全县基层医疗卫生机构累计诊疗21.3万人次,同比增长5.2%。",
        date(2021, 5, 20), "玛纳斯县",
    )
    assert _period(got["486人"]) == (None, date(2021, 4, 30))
    assert _period(got["21.3万人次"]) == (date(2021, 1, 1), date(2021, 5, 20))


def test_a_year_to_date_after_a_semicolon_in_an_undated_release_ends_at_the_cut_off() -> None:
    # with no day of publication, the cut-off is the only end the sentence gives
    got = _by_mention(
        "2024年上半年,全县一般公共预算收入12.3亿元。截至6月末,全县政府债务余额86.4亿元;年初以来争取新增专项债券资金"
        "4.5亿元。", None, "威宁彝族回族苗族自治县",
    )
    assert _period(got["4.5亿元"]) == (date(2024, 1, 1), date(2024, 6, 30))


def test_a_running_total_told_before_a_cut_off_stated_later_runs_to_the_release() -> None:
    got = _by_mention(
        "2016年3月1日春季学期开学以来,县教育局联合各乡镇开展控辍保学行动,共劝返辍学学生214名。\n"
        "截至4月底,全县寄宿制学生达到8630名。\n",
        date(2016, 5, 12), "玛多县",
    )
    assert _period(got["214名"]) == (date(2016, 3, 1), date(2016, 5, 12))
    assert _period(got["8630名"]) == (None, date(2016, 4, 30))


def test_a_campaign_launched_in_the_sentence_of_a_start_is_what_its_kaizhan_yilai_runs_from() -> None:
    got = _by_mention(
        "2019年3月1日春季学期开学以来,县教育局联合各乡镇开展控辍保学专项行动,共劝返辍学学生156名。\n"
        "专项行动开展以来,县教育局共组织入户走访工作组41个。\n",
        date(2019, 5, 20), "玛多县",
    )
    assert _period(got["41个"]) == (date(2019, 3, 1), date(2019, 5, 20))


def test_qianyue_before_a_number_is_the_act_counted_not_a_qualifier() -> None:
    got = _by_mention("今年以来,全县家庭医生累计签约5.6万人,重点人群签约率达到72.4%。", date(2021, 6, 1), "嵩明县")
    assert got["5.6万人"].subject.endswith("签约") and got["5.6万人"].qualifier == "exact"
