"""Rules of 0.25, drawn from blind rounds 71 and 73 (human resources, civil affairs, education, natural
resources, forestry, housing, transport, and a police and statistics mix): a five-year plan's period (“十三五”期间,
“十四五”以来, “十二五”末) is a period; a verb that makes one noun with the noun after it (建设资金, 救助资金) does not
cut a subject; a place inside the name of a wider region (成都平原经济区) sets no region; insured people counted
(工伤保险参保4.12万人) are a stock; what was done on a day in the course of one spell of weather is that episode's;
为 after the body that acts names for whom (区民政局为2346户……); a comparison with the time before a campaign
(较行动开展前) is stripped from a change's subject. Each test is a short release written for the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_a_five_year_plans_period_its_start_and_its_end_are_periods() -> None:
    got = _by_mention(
        "截至10月底,全省“十四五”以来累计开工改造城镇老旧小区1.38万个。\n"
        "“十三五”期间,全省共改造棚户区32万套。\n"
        "到“十三五”末,全县农村自来水普及率达到90%。全市生产安全事故起数较“十二五”末下降52.1%。\n",
        date(2022, 11, 20), None,
    )
    assert _period(got["1.38万个"]) == (date(2021, 1, 1), date(2022, 10, 31))
    assert _period(got["32万套"]) == (date(2016, 1, 1), date(2020, 12, 31))
    assert _period(got["90%"]) == (None, date(2020, 12, 31))
    assert got["52.1%"].subject == "生产安全事故起数"


def test_the_name_of_a_plan_alone_is_no_period() -> None:
    got = _by_mention("2023年,全市纳入“十四五”考核的42个重点河湖断面水质全部达标。\n", date(2024, 1, 10), None)
    assert _period(got["42个"]) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_verb_making_one_noun_with_the_noun_after_it_does_not_cut_the_subject() -> None:
    got = _by_mention(
        "2013年,全市投入城乡社区建设资金3.6亿元,下拨自然灾害生活救助资金4680万元,比上年减少18.5%。"
        "全县供应国有建设用地1135亩。\n",
        date(2014, 1, 20), None,
    )
    assert got["3.6亿元"].subject == "投入城乡社区建设资金"
    assert got["4680万元"].subject == "下拨自然灾害生活救助资金"
    assert got["1135亩"].subject == "供应国有建设用地"


def test_a_place_inside_the_name_of_a_wider_region_sets_no_region() -> None:
    got = _by_mention(
        "四川省自然资源厅通报\n2023年,全省供应国有建设用地28.6万亩。分地区看,成都平原经济区供应国有建设用地12.7万亩。\n",
        date(2024, 1, 18), None,
    )
    assert got["12.7万亩"].region == "四川省"


def test_people_insured_are_a_stock_at_the_end_of_the_period_in_force() -> None:
    got = _by_mention(
        "光山县人社局通报\n1-10月,全县城乡居民养老保险基金支出3.2亿元;全县工伤保险参保4.12万人,失业保险参保2.95万人。\n",
        date(2023, 11, 8), None,
    )
    assert _period(got["3.2亿元"]) == (date(2023, 1, 1), date(2023, 10, 31))
    for m in ("4.12万人", "2.95万人"):
        assert _period(got[m]) == (None, date(2023, 10, 31)), m


def test_what_was_done_on_a_day_in_the_course_of_a_spell_of_weather_is_that_episodes() -> None:
    got = _by_mention(
        "2013年,全市下拨救灾资金4680万元。7月9日强降雨过程中,全市共紧急转移群众3260人,下拨应急救助资金300万元。\n"
        "7月份强降雨过程中,全区累计转移低洼地区群众1260人。\n",
        date(2014, 1, 20), None,
    )
    assert got["3260人"].kind == "event" and got["300万元"].kind == "event"
    assert got["4680万元"].kind == "aggregate" and got["1260人"].kind == "aggregate"


def test_wei_after_the_body_that_acts_names_for_whom() -> None:
    got = _by_mention(
        "1-5月,区民政局为2346户特殊困难老年人家庭开展适老化改造需求评估。全市登记在册吸毒人员为4127名。\n",
        date(2025, 6, 10), None,
    )
    assert got["2346户"].subject == "特殊困难老年人家庭"
    assert got["4127名"].subject == "登记在册吸毒人员"


def test_a_comparison_with_the_time_before_a_campaign_is_no_part_of_a_changes_subject() -> None:
    got = _by_mention("专项行动开展以来,全县完成治理面积1870亩,治理率较行动开展前提高了近20个百分点。\n", date(2024, 6, 14), None)
    assert got["近20个百分点"].subject == "治理率"


def test_the_next_day_of_a_span_of_hours_is_no_period() -> None:
    got = _by_mention(
        "1-11月,全区共发生道路交通事故412起。从事故时段看,18时至次日6时发生的事故占事故总数的43.5%,造成死亡54人。\n",
        date(2014, 12, 5), None,
    )
    for m in ("43.5%", "54人"):
        assert _period(got[m]) == (date(2014, 1, 1), date(2014, 11, 30)), m


def test_a_start_and_an_end_told_in_two_clauses_make_one_span() -> None:
    got = _by_mention(
        "今年暑期,区教育局统筹全区中小学校开展暑期托管服务。托管服务自7月10日启动,至8月18日结束,分两期进行,每期不超过20天。\n\n"
        "据统计,全区共有48所公办中小学开设暑期托管班312个,参与托管学生2.3万余人次。\n",
        date(2023, 8, 28), None,
    )
    for m in ("312个", "2.3万余人次"):
        assert _period(got[m]) == (date(2023, 7, 10), date(2023, 8, 18)), m


def test_books_runs_data_and_cable_are_units_and_people_counted_by_their_noun() -> None:
    got = _by_mention(
        "2019年,全市办理出入境证件52.3万本,发送班次18.6万班,移动互联网累计流量达到296.5亿GB,抢修光缆线路1172皮长公里。"
        "五年来,实现7.76万贫困人口全部脱贫。本市新增就业5万人,市委班子成员3个。\n",
        date(2020, 1, 10), None,
    )
    assert got["52.3万本"].value == 523000 and got["52.3万本"].unit == "本"
    assert got["18.6万班"].unit == "班"
    assert got["296.5亿GB"].value == 29650000000 and got["296.5亿GB"].unit == "GB"
    assert got["1172皮长公里"].unit == "皮长公里"
    assert got["7.76万"].value == 77600 and got["7.76万"].unit == "人"


def test_a_rows_label_gives_its_values_their_unit() -> None:
    got = _by_mention(
        "附:主要指标\n指标名称  本期  同比增长\n电信业务收入(亿元)  1021.4  2.8%\n移动电话用户(万户)  11800  -\n", date(2025, 10, 24), None,
    )
    assert got["1021.4"].value == 102140000000 and got["1021.4"].unit == "元"
    assert got["11800"].value == 118000000 and got["11800"].unit == "户"
    assert got["2.8%"].unit == "%"


def test_a_threshold_after_a_sign_is_no_figure() -> None:
    got = _by_mention("2016年,全省高温日数(日最高气温≥35℃)平均为19.4天,较常年偏少2.1天。\n", date(2017, 1, 10), None)
    assert "35℃" not in got and got["19.4天"].subject.startswith("高温日数")


def test_the_prices_of_a_year_are_no_period_and_nian_nei_is_the_year_in_force() -> None:
    got = _by_mention(
        "前三季度,全省电信业务收入1021.4亿元,按照上年不变价计算的电信业务总量同比增长9.6%。\n", date(2025, 10, 24), None,
    )
    assert _period(got["9.6%"]) == (date(2025, 1, 1), date(2025, 9, 30))
    got = _by_mention(
        "2016年全省气候公报\n6-9月,全省平均降水量512毫米。年内全省共出现区域性暴雨过程11次,比常年多3次。\n",
        date(2017, 1, 10), None,
    )
    assert _period(got["11次"]) == (date(2016, 1, 1), date(2016, 12, 31))


def test_a_month_and_the_season_that_began_in_it() -> None:
    got = _by_mention("上半年,全区共发生火灾30起。5月入汛以来,全区已累计转移避险群众1270人次。\n", date(2022, 7, 15), None)
    assert _period(got["1270人次"]) == (date(2022, 5, 1), date(2022, 7, 15))


def test_the_day_a_record_fell_on_holds_for_its_sentence_only() -> None:
    got = _by_mention(
        "2024年春运(1月26日至3月5日)期间,长沙南站累计发送旅客836.2万人次,单日最高发送量出现在2月17日,达28.7万人次。"
        "铁路部门在长沙地区共加开临客列车1140列。\n",
        date(2024, 3, 6), None,
    )
    assert _period(got["28.7万人次"]) == (date(2024, 2, 17), date(2024, 2, 17)) and got["28.7万人次"].kind == "aggregate"
    assert _period(got["1140列"]) == (date(2024, 1, 26), date(2024, 3, 5)) and got["1140列"].kind == "aggregate"


def test_five_years_told_early_in_the_year_are_the_whole_years_just_ended() -> None:
    got = _by_mention("于都县政府工作报告\n五年来,全县累计投入扶贫资金48.7亿元。\n", date(2021, 1, 25), None)
    assert _period(got["48.7亿元"]) == (date(2016, 1, 1), date(2020, 12, 31))


def test_this_year_in_a_statistics_release_is_its_months_in_force() -> None:
    got = _by_mention("1—11月,全市5000万元以上在建项目达到397个,其中本年新开工项目186个。\n", date(2022, 12, 19), None)
    assert _period(got["186个"]) == (date(2022, 1, 1), date(2022, 11, 30))


def test_an_incident_at_a_site_in_a_township_of_a_named_county_is_that_countys() -> None:
    got = _by_mention(
        "江门市公安局2019年工作回顾\n全年破获毒品刑事案件642起。10月23日,市局禁毒支队联合鹤山市公安局在鹤山市共和镇一出租屋内"
        "捣毁一制毒窝点,当场抓获嫌疑人5名,缴获冰毒成品46.3公斤。\n",
        date(2020, 1, 10), None,
    )
    assert got["642起"].region == "江门市"
    assert got["5名"].region == "鹤山市" and got["46.3公斤"].region == "鹤山市"


def test_a_campaigns_start_this_year_runs_to_publication_in_a_release_that_looks_back_on_last_year() -> None:
    got = _by_mention(
        "嘉鱼县扎实做好2015年防汛备汛工作\n2012年至2014年,全县累计投入水利建设资金9.6亿元。\n去年汛期,全县先后组织1.5万人次上堤巡查。\n"
        "防汛隐患排查专项行动自3月10日开展以来,全县共排查各类水利工程1086处。\n",
        date(2015, 4, 20), None,
    )
    assert _period(got["1086处"]) == (date(2015, 3, 10), date(2015, 4, 20))


def test_the_days_of_a_part_in_a_sentence_opening_with_qi_zhong_hold_for_that_sentence() -> None:
    got = _by_mention(
        "前三季度,全省通信行业共启动应急通信保障响应7次。其中,受第14号台风影响期间(9月16日至19日),全省累计出动应急保障力量"
        "2160人次。\n全省电信业务收入1021.4亿元。\n",
        date(2025, 10, 24), None,
    )
    assert _period(got["2160人次"]) == (date(2025, 9, 16), date(2025, 9, 19))
    assert _period(got["1021.4亿元"]) == (date(2025, 1, 1), date(2025, 9, 30))


def test_a_cut_off_told_after_the_year_to_date_in_its_paragraph_closes_that_years_window() -> None:
    got = _by_mention(
        "今年以来,区市场监管局聚焦民生领域突出问题。截至8月底,全区共立案查处各类违法案件612件。\n"
        "5月启动的“铁拳”专项行动开展以来,执法人员共检查各类经营主体4215户次。\n",
        date(2022, 9, 16), None,
    )
    assert _period(got["612件"]) == (date(2022, 1, 1), date(2022, 8, 31))
    assert _period(got["4215户次"]) == (date(2022, 5, 1), date(2022, 9, 16))


def test_a_row_with_a_long_name_is_a_row_not_a_heading() -> None:
    got = _by_mention(
        "德清县2016年国民经济和社会发展统计公报\n全年实现社会消费品零售总额152.6亿元。\n主要数据:\n"
        "城镇常住居民人均可支配收入 49870元 增长8.2%\n",
        date(2017, 3, 21), None,
    )
    for m in ("49870元", "8.2%"):
        assert _period(got[m]) == (date(2016, 1, 1), date(2016, 12, 31)), m


def test_places_counted_as_one_after_their_list_share_the_whole() -> None:
    got = _by_mention(
        "云南省禁毒委通报\n上半年,德宏州、临沧市、普洱市分别缴获毒品3.2吨、1.9吨和2.1吨,三地缴毒量合计占全省的53.6%。\n",
        date(2014, 7, 10), None,
    )
    assert got["3.2吨"].region == "德宏州" and got["53.6%"].region == "云南省"


def test_a_weight_about_and_a_stock_held_under_a_campaigns_cut_off() -> None:
    got = _by_mention(
        "布拖县公安局通报\n今年3月专项行动开展以来,全县共破获毒品刑事案件46起。6月12日,县局缴获冰毒片剂41.6万粒,约重41.8千克。"
        "截至目前,全县现有吸毒人员1873名,全县38个乡镇中有24个乡镇创建达标。\n",
        date(2021, 11, 19), None,
    )
    weight = next(f for m, f in got.items() if "41.8千克" in m)
    assert weight.qualifier == "approx"
    assert _period(got["1873名"]) == (None, date(2021, 11, 19))


def test_rows_of_years_under_a_caption_count_what_the_caption_names() -> None:
    got = _by_mention(
        "准格尔旗公安局通报\n近五年全旗破获毒品刑事案件情况如下:\n2019年 58起\n2020年 47起\n2021年 41起\n", date(2024, 6, 26), None,
    )
    for m, y in (("58起", 2019), ("47起", 2020), ("41起", 2021)):
        assert "破获毒品刑事案件" in got[m].subject, m
        assert _period(got[m]) == (date(y, 1, 1), date(y, 12, 31)), m


def test_the_span_of_the_whole_a_share_is_taken_of_is_not_the_shares() -> None:
    got = _by_mention(
        "今年5月开展“百日禁毒会战”以来,该局共破获毒品案件29起,占上半年破案总数的55.8%,抓获嫌疑人34名。\n", date(2020, 7, 3), None,
    )
    for m in ("29起", "55.8%", "34名"):
        assert _period(got[m]) == (date(2020, 5, 1), date(2020, 7, 3)), m


def test_rows_under_a_caption_count_what_its_last_clause_names() -> None:
    got = _by_mention(
        "烟台市2014年人口统计公报\n分县市区看,年末常住人口超过百万的有芝罘区和龙口市,各县市区年末常住人口如下:\n"
        "芝罘区 105.8万人\n龙口市 100.2万人\n莱州市 89.6万人\n",
        date(2015, 3, 18), None,
    )
    for m, place in (("105.8万人", "芝罘区"), ("100.2万人", "龙口市"), ("89.6万人", "莱州市")):
        assert got[m].subject == "年末常住人口" and got[m].region == place, m


def test_the_year_to_date_told_aside_in_a_release_on_its_last_month_holds_for_its_sentence() -> None:
    got = _by_mention(
        "十月份,全市居民消费价格总指数(CPI)同比上涨1.8%。1—10月,全市居民消费价格累计上涨1.6%。"
        "从同比看,八大类商品和服务价格呈“六涨二降”态势:食品烟酒类上涨3.1%,衣着类上涨1.2%。\n",
        date(2016, 11, 15), None,
    )
    assert _period(got["1.6%"]) == (date(2016, 1, 1), date(2016, 10, 31))
    for m in ("1.8%", "3.1%", "1.2%"):
        assert _period(got[m]) == (date(2016, 10, 1), date(2016, 10, 31)), m
    got = _by_mention("1—10月,全市规模以上工业增加值累计增长6.2%。全市社会消费品零售总额增长8.1%。\n", date(2016, 11, 15), None)
    assert _period(got["8.1%"]) == (date(2016, 1, 1), date(2016, 10, 31))


def test_subscribers_counted_are_a_stock() -> None:
    got = _by_mention(
        "前三季度,全省电信业务收入1021.4亿元。全省移动电话用户1.18亿户,其中5G移动电话用户6935.2万户。"
        "全市排查燃气用户1.2万户。\n",
        date(2025, 10, 24), None,
    )
    for m in ("1.18亿户", "6935.2万户"):
        assert _period(got[m]) == (None, date(2025, 9, 30)), m
    assert _period(got["1.2万户"]) == (date(2025, 1, 1), date(2025, 9, 30))


def test_a_weight_after_a_count_of_pieces_is_the_substances() -> None:
    got = _by_mention(
        "6月5日,机场海关查获一名旅客利用行李箱夹层藏匿海洛因6块,重2.1千克。一名入境旅客体内排出可卡因球87粒,净重1.1公斤。"
        "被告人先后4次从境外走私冰毒入境,共计86.7千克。\n",
        date(2014, 7, 10), None,
    )
    assert got["2.1千克"].subject == "海洛因" and got["1.1公斤"].subject == "可卡因球"
    assert got["86.7千克"].subject != "海洛因"
