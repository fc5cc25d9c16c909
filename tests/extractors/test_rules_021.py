"""Rules of 0.21, drawn from blind rounds 45, 47 and 49 and the read rounds before them: the year to date
runs to the day of the release whatever cut-off its data have (a campaign's window still closes at its cut-off), a stock
named by its inventory (库存) cuts no window, two rates of one value are one quantity only when one word
names both, any bureau of an area's government is an agency (民政局), what is allotted or set for this
year is the whole year's, a forecast told in the clause after a lone 今年, and a running total's start
that dates its cut-off in a release with no publication date; then (0.21.1) banners by their customary
names, a stretch around a name and a source that are no area, a change on the month before, rows of
townships under a caption. Each test is a short release written for the rule."""

from __future__ import annotations

from datetime import date

from tests.extractors.figures import by_mention as _by_mention
from tests.extractors.figures import period as _period


def test_the_year_to_date_runs_to_the_day_of_the_release_whatever_the_data_cut_off() -> None:
    # 截至7月底 closes the fund's accounts; 今年以来 in another paragraph still runs to the day of publication
    got = _by_mention(
        "截至7月底,全市企业职工基本养老保险基金累计支出141.3亿元。\n"
        "今年以来,全市劳动保障监察机构共立案查处欠薪案件412件,为5863名劳动者追发工资7296.4万元。\n",
        date(2017, 8, 15), "合肥市",
    )
    for mention in ("412件", "5863名", "7296.4万元"):
        assert _period(got[mention]) == (date(2017, 1, 1), date(2017, 8, 15)), mention


def test_a_campaign_window_still_closes_at_its_cut_off() -> None:
    # 截至12月10日 told first, then 10月起部署……以来 in another paragraph: one reporting window for what
    # is told after the cut-off
    got = _by_mention(
        "截至12月10日,全省共收缴各类枪支7支。\n"
        "自10月起部署“清源”会战以来,全省公安机关共破获毒品案件1800多起,抓获犯罪嫌疑人2130余人。\n",
        date(2014, 12, 26), "贵州省",
    )
    assert _period(got["1800多起"]) == (date(2014, 10, 1), date(2014, 12, 10))


def test_an_inventory_is_a_stock_and_cuts_no_window() -> None:
    # 截至9月底……可售库存: a stock as of then, not the cut-off of the campaign's counts
    got = _by_mention(
        "自6月1日专项整治开展以来,市住房保障局共检查房地产中介门店1126家,查处违规经营行为83起。\n"
        "截至9月底,市区商品住宅可售库存约4.8万套,去化周期约为9个月。\n",
        date(2012, 11, 6), "合肥市",
    )
    assert _period(got["1126家"]) == (date(2012, 6, 1), date(2012, 11, 6))
    assert _period(got["约4.8万套"]) == (None, date(2012, 9, 30))


def test_two_rates_of_one_value_are_one_quantity_only_when_one_word_names_both() -> None:
    # 通硬化路比例 and 通客车率 both at 100%: the second is no restatement of the first, and the stocks of its
    # sentence stay stocks as of the cut-off
    got = _by_mention(
        "前三季度,全省新改建农村公路5820公里,具备条件的建制村通硬化路比例保持100%。\n"
        "截至9月底,全省已有129个县实现城乡交通运输一体化;全省共有城乡客运线路5286条,"
        "具备条件的乡镇和建制村通客车率均保持100%。\n",
        date(2024, 10, 24), "云南省",
    )
    assert _period(got["129个"]) == (None, date(2024, 9, 30))
    assert _period(got["5286条"]) == (None, date(2024, 9, 30))


def test_any_bureau_of_an_area_is_an_agency_that_names_the_area() -> None:
    # 从长安区民政局了解到: the bureau names the district its 全区 means (no title, no dateline)
    got = _by_mention(
        "记者7月13日从长安区民政局了解到,截至6月底,全区共有城乡低保对象2147户3386人;"
        "上半年累计发放低保金1862.4万元,同比增长4.6%。",
        date(2023, 7, 14),
    )
    assert got["2147户"].region == "长安区"
    assert got["1862.4万元"].region == "长安区"


def test_what_is_allotted_for_this_year_is_the_whole_year() -> None:
    # 今年安排……资金 is the year's budget; what was paid out by 8月底 runs from New Year to then
    got = _by_mention(
        "区财政今年安排老年助餐补贴资金620万元,截至8月底已拨付412.6万元。\n全区今年以来新增助餐点12个。\n",
        date(2025, 9, 16), "北辰区",
    )
    assert _period(got["620万元"]) == (date(2025, 1, 1), date(2025, 12, 31))
    assert _period(got["12个"]) == (date(2025, 1, 1), date(2025, 9, 16))


def test_a_forecast_told_after_a_lone_this_year_is_the_whole_year() -> None:
    # 今年,全区将力争……: 今年 stands alone in its clause; the forecast is in the next one
    got = _by_mention(
        "2018年,全区空气质量优良天数比例为81.2%。\n今年,全区将力争优良天数比例稳定在85%以上,计划再完成清洁取暖改造5000户。\n",
        date(2019, 1, 15), "甘州区",
    )
    assert _period(got["85%以上"]) == (date(2019, 1, 1), date(2019, 12, 31))
    assert _period(got["5000户"]) == (date(2019, 1, 1), date(2019, 12, 31))


def test_a_start_dates_its_cut_off_in_a_release_with_no_publication_date() -> None:
    # no publication date: 自4月1日开展以来 (in 2024, from the campaign's name) dates 截至9月30日 in its sentence
    got = _by_mention(
        "昆山市2024年“守护消费”专项行动自4月1日开展以来,截至9月30日,全市共出动执法人员1.2万人次,"
        "检查食品生产经营单位8316户次。",
        None,
    )
    assert _period(got["1.2万人次"]) == (date(2024, 4, 1), date(2024, 9, 30))
    assert _period(got["8316户次"]) == (date(2024, 4, 1), date(2024, 9, 30))


def test_a_comparison_told_before_what_it_compares_is_not_its_subject() -> None:
    # 与上年同期相比火情起数减少5起: the base of the change goes, the quantity that changed stays; a frame over a
    # list of changes (与近五年均值相比分别下降) is read with the list, as before
    got = _by_mention(
        "1至5月,全县未发生重大森林火灾,与上年同期相比火情起数减少5起。"
        "全县直接经济损失2.9亿元,受灾人口1.8万人次,与近五年均值相比分别下降28.7%和35.8%。",
        date(2017, 6, 12), "宾川县",
    )
    assert got["5起"].subject.startswith("火情起数")
    assert got["28.7%"].subject.startswith("直接经济损失")
    assert got["35.8%"].subject.startswith("受灾人口")


def test_a_crop_area_or_yield_this_year_is_the_crop_year() -> None:
    # 今年……播种面积 and its yield: the crop's whole year, not the year to the day of the release; a running
    # total of the work (今年累计完成机收面积) stays to that day
    got = _by_mention(
        "一、农业。今年全县粮食作物播种面积326.5万亩,粮食总产量预计达到29.8亿斤,同比增长3.2%。\n"
        "今年全县累计完成机收面积118万亩。\n",
        date(2023, 11, 20), "滑县",
    )
    year = (date(2023, 1, 1), date(2023, 12, 31))
    assert _period(got["326.5万亩"]) == year
    assert _period(got["29.8亿斤"]) == year
    assert _period(got["118万亩"]) == (date(2023, 1, 1), date(2023, 11, 20))


def test_leads_checked_and_found_true_are_no_case_story() -> None:
    # 经查证属实的412条: the leads verified, a statistic of the period; 经查,该团伙…… still tells one case
    got = _by_mention(
        "前三季度,全省累计开展反走私宣传活动530余场,接受群众举报走私线索1862条,经查证属实的412条,"
        "发放举报奖励金137.6万元。\n"
        "7月30日,缉私部门在一冷库内查获涉嫌走私冻品480余吨。经查,该团伙累计走私冻品约1.2万吨。\n",
        date(2024, 10, 22), "海南省",
    )
    for mention in ("530余场", "1862条", "412条", "137.6万元"):
        assert got[mention].kind == "aggregate", mention
    assert got["约1.2万吨"].kind == "event"


def test_a_campaign_with_no_stated_start_does_not_start_with_the_year_to_date_before_it() -> None:
    # 1-4月 is the release's period, not the campaign's launch: what 行动开展以来 counts runs as of now, its start
    # unknown; a launch month told just before still starts it (11月,……部署开展……。该行动开展以来)
    got = _by_mention(
        "1-4月,全省城镇新增就业12.3万人。“春风行动”开展以来,全省共为农村劳动力提供岗位信息36万条。\n",
        date(2025, 5, 16), "黑龙江省",
    )
    assert _period(got["36万条"]) == (None, date(2025, 5, 16))
    launched = _by_mention(
        "2019年,全县破获毒品案件86起。11月,县公安局部署开展冬季攻势专项行动。该行动开展以来,共抓获犯罪嫌疑人42名。\n",
        date(2019, 12, 20), "澜沧县",
    )
    assert _period(launched["42名"]) == (date(2019, 11, 1), date(2019, 12, 20))


def test_banners_by_their_customary_names_are_places_of_a_list() -> None:
    # 达茂旗 (达尔罕茂明安联合旗) as it is written: the list of banners and counties before 分别 is read whole
    got = _by_mention(
        "包头市应急管理局通报2022年全市安全生产形势\n全年全市共发生生产安全事故41起。"
        "分旗县区看,土右旗、达茂旗、固阳县分别发生事故5起、4起和2起。\n",
        date(2023, 1, 12),
    )
    assert [got[m].region for m in ("5起", "4起", "2起")] == ["土右旗", "达茂旗", "固阳县"]
    assert got["41起"].region == "包头市"


def test_a_stretch_around_a_name_is_no_site_of_an_incident_and_a_source_is_no_area() -> None:
    # 孟定镇清水河一带: a river's stretch in the county, not 清水河县 far away; 毒品来源于云南的占62.3%: the source
    got = _by_mention(
        "耿马县公安局通报今年以来禁毒工作\n今年以来,全县共破获毒品刑事案件143起。"
        "5月18日,该局禁毒大队在孟定镇清水河一带设卡查缉,从一辆货车夹层中查获麻古21.4万粒。\n",
        date(2019, 6, 25),
    )
    assert got["21.4万粒"].region != "清水河县"
    source = _by_mention(
        "毕节市禁毒委通报前三季度禁毒工作\n前三季度,全市共破获毒品刑事案件268起。"
        "从毒品来源看,在已查明来源的案件中,毒品来源于云南的占62.3%。\n",
        date(2022, 10, 20),
    )
    assert source["62.3%"].region == "毕节市"


def test_a_change_on_the_month_before_is_the_last_months() -> None:
    # 1-11月 is the release's span; 环比上涨0.5% compares November with October, not the eleven months
    got = _by_mention(
        "柳州市统计局发布11月份居民消费价格\n1-11月,全市居民消费价格总水平同比上涨2.1%。"
        "从环比看,八大类价格“三涨四降一平”,其中衣着类环比上涨0.5%。\n",
        date(2018, 12, 14), "柳州市",
    )
    assert _period(got["2.1%"]) == (date(2018, 1, 1), date(2018, 11, 30))
    assert _period(got["0.5%"]) == (date(2018, 11, 1), date(2018, 11, 30))


def test_rows_of_townships_under_a_caption_are_the_townships_and_count_what_it_names() -> None:
    # 城郊乡  31人次 under 各乡镇（办事处）查处吸毒人员情况如下: the township is the row's area, the caption its measure
    got = _by_mention(
        "郸城县禁毒委通报1-11月全县禁毒工作情况\n1-11月,全县共查处吸毒人员213人次。\n"
        "各乡镇（办事处）查处吸毒人员情况如下：\n城郊乡\u300031人次\n钱店镇\u300027人次\n",
        date(2016, 12, 8),
    )
    assert got["213人次"].region == "郸城县"
    assert [got[m].region for m in ("31人次", "27人次")] == ["城郊乡", "钱店镇"]
    assert [got[m].subject for m in ("31人次", "27人次")] == ["查处吸毒人员", "查处吸毒人员"]
