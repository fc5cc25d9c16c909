"""Rules of the extractor, one small test each, on texts written for the project.

Each rule was added when a round of held-out golden releases (tests/extractors/golden) showed
the extractor getting a shape of text wrong; the golden corpus measures the rules together, these
tests pin each one down.
"""

from __future__ import annotations

from datetime import date

from extractors import extract


def _rows(text: str, published: date) -> dict[str, dict[str, object]]:
    return {f.mention: f.to_json() for f in extract(text, published=published)}


def _period(row: dict[str, object]) -> tuple[object, object]:
    return row["period_start"], row["period_end"]


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


def test_week_before_is_a_comparison_base_not_a_duration() -> None:
    text = "上周（3月4日至10日），辖区共接报盗窃警情9起，较前一周减少4起；诈骗警情6起，群众损失8.7万元。"
    rows = _rows(text, date(2024, 3, 11))
    assert rows["4起"]["value"] == -4
    assert "盗窃警情" in str(rows["4起"]["subject"])
    assert _period(rows["8.7万元"]) == ("2024-03-04", "2024-03-10")


def test_short_subject_keeps_only_the_change_verb() -> None:
    rows = _rows("今年以来，共立案侦办走私案件37起，案值5.6亿元，同比增长18.5%。", date(2024, 9, 20))
    assert rows["18.5%"]["subject"] == "案值增长"


def test_every_period_expression_opens_with_a_listed_character() -> None:
    # find_marks skips positions whose character cannot open a period expression; every pattern
    # of PATTERNS must therefore open with one of MARK_FIRST_CHARS
    import re as _re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from extractors.periods import MARK_FIRST_CHARS, PATTERNS, _plain

    first = _re.compile(f"[{MARK_FIRST_CHARS}]")
    for _name, pattern in PATTERNS:
        plain = _re.sub(r"\(\?<!?[^)]*\)", "", _plain(pattern))  # lookbehinds say nothing of the first character
        plain = _re.sub(r"\(\?=[^)]*\)", "", plain)

        @settings(max_examples=60, deadline=None)
        @given(st.from_regex(plain, fullmatch=True))
        def check(text: str) -> None:
            assert first.match(text), text

        check()  # a failure names the example, which names its pattern


def _opening_characters(items: list[tuple[object, object]]) -> tuple[set[object], bool]:
    """The characters a match of the parsed pattern ``items`` can open with (a category such as ``\\d`` as its
    name), and whether it can match the empty string: read off the parse tree, lookarounds skipped."""
    from re import _constants as c  # the parse tree's opcodes

    out: set[object] = set()
    for op, av in items:
        if op is c.LITERAL:
            return out | {chr(av)}, False
        if op is c.IN:
            for o, a in av:
                if o is c.LITERAL:
                    out.add(chr(a))
                elif o is c.RANGE:
                    out.update(chr(x) for x in range(a[0], a[1] + 1))
                else:
                    out.add(str(a))  # a category (a digit) or a negation
            return out, False
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op is c.SUBPATTERN:
            found, empty = _opening_characters(list(av[-1]))
        elif op is c.BRANCH:
            found, empty = set(), False
            for branch in av[1]:
                f, e = _opening_characters(list(branch))
                found, empty = found | f, empty or e
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            found, empty = _opening_characters(list(av[2]))
            empty = empty or av[0] == 0
        else:
            return out | {str(op)}, False  # anything else (., a back reference): not a listed character
        out |= found
        if not empty:
            return out, False
    return out, True


def test_every_alternative_of_a_period_expression_opens_with_a_listed_character() -> None:
    # the same as above, read off each pattern's parse tree: every alternative, not the ones a generator happens
    # to draw (集中整治以来 once opened with a character the list lacked, and 60 examples a pattern missed it)
    from re import _parser

    from extractors.periods import MARK_FIRST_CHARS, PATTERNS, _plain

    listed = set(MARK_FIRST_CHARS.replace("\\d", "")) | set("0123456789") | {"CATEGORY_DIGIT"}
    for name, pattern in PATTERNS:
        opening, empty = _opening_characters(list(_parser.parse(_plain(pattern))))
        assert not empty, name
        assert {str(x) for x in opening} <= listed, (name, sorted(str(x) for x in opening - listed))


def test_every_match_of_a_period_expression_holds_a_word_it_is_said_to_need() -> None:
    # a pattern listed in periods._NEEDS is left out of the search of a text without any of its words: every match
    # must hold one (day_dot, whose words stand in a lookahead after the match, is read with what follows it)
    import re as _re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from extractors.periods import _NEEDS, PATTERNS, _plain

    for name, pattern in PATTERNS:
        words = _NEEDS.get(name)
        if words is None or "(?=" in pattern:
            continue
        plain = _re.sub(r"\(\?<!?[^)]*\)", "", _plain(pattern))  # lookbehinds say nothing of what a match holds

        @settings(max_examples=60, deadline=None)
        @given(st.from_regex(plain, fullmatch=True), st.just(words))
        def check(text: str, needed: tuple[str, ...]) -> None:
            assert any(w in text for w in needed), text

        check()
