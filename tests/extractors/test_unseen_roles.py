"""Subjects, regions and kinds on constructions met in real releases the rules were not tuned on:
each test is a short release written for it, in the construction the rule is about."""

from __future__ import annotations

from datetime import date
from functools import partial

from extractors import extract
from tests.extractors.figures import by_mention

_by_mention = partial(by_mention, published=date(2024, 7, 10))


def test_a_county_item_cut_by_a_blank_line_keeps_its_county() -> None:
    # the item's clause goes on after a blank line: its figures are still the county's
    text = (
        "红河州公安局通报上半年道路交通事故情况\n"
        "今年1至6月，全州共发生道路交通事故180起。\n"
        "1.石屏县发生道路交通事故22起，\n\n死亡5人，受伤13人。\n"
        "2.泸西县发生道路交通事故17起，死亡3人。"
    )
    got = _by_mention(text)
    assert got["22起"].region == "石屏县"
    assert got["5人"].region == "石屏县"
    assert got["13人"].region == "石屏县"
    assert got["17起"].region == "泸西县"


def test_a_new_numbered_item_after_a_blank_line_is_not_joined() -> None:
    text = "今年以来，红河州共发生火灾96起，\n\n1.个旧市发生火灾12起。"
    got = _by_mention(text)
    assert got["12起"].region == "个旧市"


def test_a_change_verb_clipped_by_spaces_is_still_a_decrease() -> None:
    # 同比下  25%: 下降 lost its second character to the page's spacing
    got = _by_mention("1.祥云县共发生道路交通事故31起，同比下  25%，死亡9人。")
    assert got["25%"].value == -25
    assert got["25%"].subject.startswith("发生道路交通事故")


def test_fenbie_items_set_off_by_commas_go_one_by_one() -> None:
    # items that hold a 、 of their own are set off by commas: each figure is of its item
    got = _by_mention("全年，主要民生产品鲜、冷藏肉，精制食用植物油，方便面分别增长12.7%、9.3%、5.6%。", region="贵州省")
    assert got["12.7%"].subject == "鲜、冷藏肉"
    assert got["9.3%"].subject == "精制食用植物油"
    assert got["5.6%"].subject == "方便面"


def test_fenbie_items_as_clauses_after_a_period_frame() -> None:
    got = _by_mention("今年以来，全市破获毒品案件，抓获嫌疑人分别上升12%和8%。", region="曲靖市")
    assert got["12%"].subject == "破获毒品案件"
    assert got["8%"].subject == "抓获嫌疑人"


def test_a_category_before_the_product_is_dropped() -> None:
    # 传统行业产品电力电缆: the product is counted; 高技术产品出口 is a quantity of the category itself
    got = _by_mention("全年，传统行业产品电力电缆增长3.1%，新兴产品锂离子电池增长46.8%，高技术产品出口增长8.0%。", region="贵州省")
    assert got["3.1%"].subject == "电力电缆"
    assert got["46.8%"].subject == "锂离子电池"
    assert got["8.0%"].subject == "高技术产品出口"


def test_a_scope_word_narrower_than_an_outlets_province_is_not_that_province() -> None:
    # 每日云南网 names the outlet's province; 全州 speaks of a prefecture the text does not name
    got = _by_mention("每日云南网讯 今年以来，全州共破获毒品案件210起，抓获嫌疑人31名。")
    assert got["210起"].region is None
    assert got["31名"].region is None


def test_a_province_release_still_resolves_its_prefectures_scope_word() -> None:
    got = _by_mention("云南省公安厅通报，今年以来，全省破获毒品案件900起。红河州公安局破获案件120起，全州抓获嫌疑人31名。")
    assert got["900起"].region == "云南省"
    assert got["31名"].region == "红河州"


def test_a_national_agency_that_supervised_cases_does_not_make_a_city_release_national() -> None:
    got = _by_mention("今年以来，全市破获公安部督办及省公安厅督办的案件47起。")
    assert got["47起"].region != "全国"


def test_a_supervising_agency_before_de_stays_in_the_subject() -> None:
    # 公安部督办的案件: the cases are a category only with their modifier
    got = _by_mention("今年以来，全市破获公安部督办及省公安厅督办的案件47起。")
    assert got["47起"].subject == "破获公安部督办及省公安厅督办的案件"


def test_a_district_short_form_after_its_city_is_a_place() -> None:
    # 白云 is an everyday word alone; after 广州 and before 警方 it is the district
    got = _by_mention("广州白云警方通报，今年以来共破获电诈案件312宗。")
    assert got["312宗"].region == "白云区"
    assert got["312宗"].region_code is not None and got["312宗"].region_code.startswith("4401")
    got = _by_mention("蓝天白云下，全市空气优良天数达到320天。", region="广州市")
    assert got["320天"].region == "广州市"
    got = _by_mention("去年,湖北公安机关破获毒品案件5100起。")
    assert got["5100起"].region == "湖北省"


def test_a_two_character_official_name_opening_a_clause_is_a_place() -> None:
    # 芒市 is an official name of two characters: at the head of a clause it is the place, and the
    # whole of the share after it (占全国总量) is no region of its own
    got = _by_mention("今年以来，芒市缴获毒品1.2吨，占全国总量的3.5%。")
    assert got["1.2吨"].region == "芒市"
    assert got["1.2吨"].subject == "缴获毒品"
    assert got["3.5%"].region == "芒市"
    got = _by_mention("今年以来，市和县两级共投入资金1200万元。", region="楚雄彝族自治州")
    assert got["1200万元"].region != "和县"


def test_a_share_of_the_province_after_a_change_is_of_the_quantity_changed() -> None:
    got = _by_mention("上半年，现有吸毒人员数量较2020年底下降41.2%，占全省的比重降至3.9%。", region="天水市")
    assert got["3.9%"].subject.startswith("吸毒人员数量")


def test_the_currency_word_after_money_is_not_the_subject() -> None:
    got = _by_mention("南安市公安局破获一起贩毒案，缴获冰毒11.3公斤、毒资人民币48万元。")
    assert got["48万元"].subject == "毒资"


def test_an_object_put_before_its_verb_with_jiang_is_counted() -> None:
    # 将……4人抓获 / 将3名嫌疑人抓获: the verb after the count, its object before or after it
    got = _by_mention("4月9日，专案组在瑞丽市将犯罪嫌疑人张某等4人抓获。")
    assert got["4人"].subject == "抓获犯罪嫌疑人"
    got = _by_mention("5月2日，民警迅速将3名嫌疑人抓获。")
    assert got["3名"].subject == "抓获嫌疑人"


def test_a_bare_act_takes_the_object_stated_before_with_the_same_unit() -> None:
    got = _by_mention("今年以来，全州共发生火灾128起。其中，蒙自市发生火灾31起，个旧市、开远市分别发生22起、19起。",
                      region="红河哈尼族彝族自治州")
    assert got["22起"].subject == "发生火灾"
    assert got["19起"].subject == "发生火灾"
    assert got["22起"].region == "个旧市"


def test_a_noun_after_a_count_ends_where_another_act_begins() -> None:
    # 9个省区|抓获网上逃犯68名: the provinces are counted, the arrests are the next figure's
    got = _by_mention("今年以来，玉溪市公安局先后赴广东、广西、贵州等9个省区抓获网上逃犯68名。")
    assert got["9个"].subject == "省区"
    assert got["68名"].subject == "抓获网上逃犯"
    assert got["68名"].region == "玉溪市"


def test_a_quantity_named_before_wancheng_drops_the_verb() -> None:
    got = _by_mention("前三季度，全区地区生产总值完成612.4亿元，同比增长5.2%。", region="曲靖市麒麟区")
    assert got["612.4亿元"].subject == "地区生产总值"
    got = _by_mention("全年原煤产量1657.8万吨；其中，县属企业完成1094.2万吨。")
    assert got["1094.2万吨"].subject == "县属企业原煤产量"


def test_the_totals_of_a_day_the_whole_area_acted_are_a_statistic() -> None:
    # 全省统一开展……活动,共发放: one day, but the whole province's totals, not one incident
    got = _by_mention("6月26日，全省统一开展禁毒宣传日活动，共发放宣传资料12万份，受教育群众达85万人次。", region="云南省")
    assert got["12万份"].kind == "aggregate"
    assert got["85万人次"].kind == "aggregate"
    got = _by_mention("5月8日凌晨，县公安局组织警力开展集中清查，抓获吸毒人员12名。", region="元谋县")
    assert got["12名"].kind == "event"


def test_a_verb_made_a_count_keeps_what_it_counts() -> None:
    # 受理数, 立案数: the words before the verb say what is counted; 同比 before 上升至 is no part of it
    got = _by_mention("今年1至5月，全州非法集资案件受理数同比上升至41起。", region="楚雄彝族自治州")
    assert got["41起"].subject == "非法集资案件受理数"
    got = _by_mention("今年以来，全市刑事案件立案数与去年同期相比下降12.5%。", region="昆明市")
    assert got["12.5%"].subject == "刑事案件立案数"


def test_a_difference_against_another_place_is_of_the_quantity_before() -> None:
    got = _by_mention("今年以来，昆明市破获毒品案件812起，与曲靖市相比多出210起。")
    assert got["210起"].subject.startswith("破获毒品案件")
    assert got["210起"].region == "昆明市"


def test_ordinals_written_once_share_what_follows_the_last() -> None:
    got = _by_mention("全年，第一、二、三产业增加值分别增长4.1%、6.0%和5.1%。", region="贵州省")
    assert [got[m].subject for m in ("4.1%", "6.0%", "5.1%")] == ["第一产业增加值", "第二产业增加值", "第三产业增加值"]


def test_townships_listed_with_fenbie_are_the_figures_regions() -> None:
    # townships are not in the gazetteer: listed before 等街道 / 两镇 and 分别, each figure is of its own
    got = _by_mention("今年1至9月，辖区粤海、南头、西丽等街道电诈警情分别下降31.2%、22.6%和18.4%。", region="深圳市南山区")
    assert [got[m].region for m in ("31.2%", "22.6%", "18.4%")] == ["粤海街道", "南头街道", "西丽街道"]
    assert got["22.6%"].subject == "电诈警情"
    got = _by_mention("今年以来，全县城关、石屏两镇分别发生火灾12起、8起。", region="元谋县")
    assert got["12起"].region == "城关镇" and got["8起"].region == "石屏镇"
    assert got["12起"].subject == "发生火灾"


def test_a_shared_district_name_is_the_one_beside_the_texts_other_places() -> None:
    # 南山区 is in 深圳 and in 鹤岗; 宝安区 is only in 深圳: 全市 is 深圳市
    got = _by_mention("今年以来，全市共破获电诈案件1203起。南山区破获312起，宝安区破获298起。")
    assert got["1203起"].region == "深圳市"
    assert got["312起"].region_code is not None and got["312起"].region_code.startswith("4403")


def test_the_occasion_before_an_act_is_not_what_is_counted() -> None:
    got = _by_mention("个旧市在第十届中国昆明进出口商品交易会上签约项目12个，签约金额38亿元。")
    assert got["12个"].subject == "签约项目"
    assert got["12个"].region == "个旧市"


def test_a_noun_after_a_count_ends_before_kaizhan() -> None:
    got = _by_mention("5月20日凌晨，市公安局组织300余名警力开展集中收网行动，一举打掉贩毒团伙3个。", region="普洱市")
    assert got["300余名"].subject == "组织警力"


def test_a_city_scope_word_in_a_prefectures_paper_is_not_the_prefecture() -> None:
    # 我市 asks for a city; 红河州 (from the paper's name) is none
    got = _by_mention("本报讯 今年以来，我市共破获毒品案件312起。（红河日报记者 李明）")
    assert got["312起"].region is None


def test_a_clause_of_only_a_place_takes_the_quantity_before() -> None:
    # 曲靖市310起: the place is the region; what is counted is the quantity stated before it
    got = _by_mention("今年以来，全省破获毒品案件4200起。其中昆明市破获毒品案件1312起，曲靖市310起，玉溪市288起。")
    assert got["310起"].subject == "破获毒品案件"
    assert got["310起"].region == "曲靖市"
    assert got["288起"].subject == "破获毒品案件"


def test_a_headlines_change_after_a_space_is_of_the_count_before_it() -> None:
    got = _by_mention("聊城三个月查获吸毒人员63人 同比上升62%\n今年1至3月，全市查获吸毒人员63人。")
    assert got["62%"].subject.startswith("查获吸毒人员")


def test_an_agency_that_receives_what_is_counted_stays_in_the_subject() -> None:
    got = _by_mention("今年1至8月，全市共立案查处食品安全违法案件1268件，移送公安机关案件39件。", region="襄阳市")
    assert got["39件"].subject == "移送公安机关案件"


def test_a_fenbie_share_takes_the_items_listed_in_the_clause_before() -> None:
    got = _by_mention("今年以来，不合格样品421批次，主要涉及农兽药残留超标、微生物污染等问题，分别占不合格总数的43.2%、21.6%。",
                      region="襄阳市")
    assert got["43.2%"].subject == "农兽药残留超标"
    assert got["21.6%"].subject == "微生物污染"


def test_a_seizure_on_a_day_is_an_incident_also_without_a_year() -> None:
    # no publication date: the day cannot be dated, the seizure is still one incident's
    got = _by_mention("今年1至8月，全市共立案查处食品安全违法案件1268件。\n8月6日，襄州区市场监管局在一冷库内查获冻品牛肉2.6吨。",
                      published=None)
    assert got["1268件"].kind == "aggregate"
    assert got["2.6吨"].kind == "event"


def test_a_chongqing_district_under_its_former_name_is_found() -> None:
    # the data package lists 渝北区 under 两江新区 (500157); releases before the change name 渝北区
    got = _by_mention("重庆市渝北区公安分局通报，今年上半年，全区破获刑事案件1592起。另据市公安局通报，上半年全市刑事警情下降15.2%。")
    assert got["1592起"].region == "渝北区"
    assert got["15.2%"].region == "重庆市"


def test_an_item_with_a_quantity_noun_of_its_own_takes_no_shared_head() -> None:
    got = _by_mention("上半年，全州游客接待量、旅游总收入分别达到1520万人次、168.3亿元。", region="西双版纳傣族自治州")
    assert got["1520万人次"].subject == "游客接待量"
    assert got["168.3亿元"].subject == "旅游总收入"


def test_a_county_named_right_before_quanxian_is_its_area() -> None:
    got = _by_mention("祥云县：全县共发生火灾18起。\n宾川县：全县共发生火灾12起，死亡1人。")
    assert got["18起"].region == "祥云县"
    assert got["12起"].region == "宾川县"
    # a city's release: 全市 is the city, not the county-level city named before it
    got = _by_mention("昆明市公安局通报，今年以来，安宁市破获案件12起，全市破获毒品案件312起。")
    assert got["312起"].region == "昆明市"


def test_an_enumeration_keeps_the_act_that_opens_it() -> None:
    got = _by_mention("3月20日，在全市统一清查行动中，公安机关共清查旅馆、网吧等场所460家。", region="昭通市")
    assert got["460家"].subject == "清查场所"


def test_a_city_named_in_the_sentence_before_quanshi_is_its_area() -> None:
    got = _by_mention("陕西省公安厅 今年以来，汉中市公安局破获毒品案件86起。安康市破获案件54起，全市抓获嫌疑人61名。")
    assert got["61名"].region == "安康市"


def test_a_change_after_an_aside_of_parts_is_of_the_total() -> None:
    got = _by_mention("今年以来，全市共破获案件356起（其中刑事案件212起、治安案件144起），同比上升12%。", region="曲靖市")
    assert got["12%"].subject.startswith("破获案件")


def test_a_count_without_a_name_takes_the_last_count_not_a_change() -> None:
    got = _by_mention("今年以来，全市破获案件356起，同比上升12%（去年同期318起）。", region="曲靖市")
    assert got["318起"].subject == "破获案件"


def test_quangang_is_a_scope_not_part_of_the_subject() -> None:
    got = _by_mention("香港警方公布，2024年全港整體罪案共90276宗，較2023年上升1.8%。")
    assert got["90276宗"].subject == "整体罪案"


def test_numbered_county_items_keep_their_own_county() -> None:
    # 1. before a name is an item's number, not a quantity joining it to the title; 3、 lists nothing
    text = (
        "大理州上半年道路交通事故情况通报\n1. 祥云县 共发生事故31起，死亡 9 人。\n2. 宾川县\n发生事故24起，死亡6人。\n"
        "3、弥渡县：发生事故18起,死亡4人,\n受伤12人。"
    )
    got = _by_mention(text)
    assert got["31起"].region == "祥云县"
    assert got["9 人"].value == 9 and got["9 人"].region == "祥云县"
    assert got["24起"].region == "宾川县"
    assert got["18起"].region == "弥渡县"
    assert got["12人"].region == "弥渡县"
    assert "3 名" not in {f.mention for f in extract("2024 年，全市共破获案件312起，排名第 3 名。", published=date(2024, 7, 10))}


def test_a_jiang_object_with_a_modifier_is_named_by_its_head() -> None:
    got = _by_mention("7月18日，嘎鲁图派出所迅速出警，将2名盗窃电缆的嫌疑人抓获。", region="乌审旗")
    assert got["2名"].subject == "抓获嫌疑人"


def test_an_items_number_is_no_part_of_the_subject() -> None:
    text = "今年上半年，全市共接报火灾1893起。\n1.禅城区接报火灾268起，同比下降12.1%；\n2.南海区接报火灾 612 起，同比下降 7.5%。"
    got = _by_mention(text, region="佛山市")
    assert got["612 起"].subject == "接报火灾"
    assert got["7.5%"].subject.startswith("接报火灾")
    assert got["7.5%"].region == "南海区"


def test_an_incident_at_a_site_in_another_district_is_that_districts() -> None:
    text = "株洲市公安局通报，芦淞区本周接报电诈警情12起。9月15日，荷塘区某公司财务人员向对方账户转账36万元。"
    got = _by_mention(text, published=date(2023, 9, 18))
    assert got["12起"].region == "芦淞区"
    assert got["36万元"].region == "荷塘区"


def test_a_fraction_after_a_line_break_is_no_items_number() -> None:
    # 31.6% opening a line is a quantity, the clause before goes on into it
    text = "今年以来，全县电信网络诈骗\n发案数、群众损失金额\n同比分别下降\n31.6%和42.3%，\n止付冻结涉诈资金\n812.5万元。"
    got = _by_mention(text, region="宁蒗彝族自治县")
    assert got["31.6%"].value == -31.6
    assert got["42.3%"].value == -42.3


def test_what_stands_before_gong_and_a_bare_act_is_what_is_counted() -> None:
    # 乙类传染病共报告1846例: no object follows 报告, so the topic before 共 is what was reported; an
    # agency before 共 still acts (全市公安机关共受理), and an object after the act is the subject
    got = _by_mention("8月,乙类传染病共报告1846例。网络诈骗案件共受理560起。全市公安机关共受理警情820起。"
                      "全市共报告手足口病1200例。")
    assert got["1846例"].subject.startswith("乙类传染病")
    assert got["560起"].subject.startswith("网络诈骗案件")
    assert "公安机关" not in got["820起"].subject
    assert got["1200例"].subject.endswith("手足口病")


def test_fenbie_after_a_ranking_gives_each_item_its_count() -> None:
    # 居前三位的依次为A、B和C,分别报告x、y和z: each item its own count
    got = _by_mention("报告病例数居前三位的依次为病毒性肝炎、肺结核和梅毒,分别报告612例、401例和388例。")
    assert [got[m].subject for m in ("612例", "401例", "388例")] == ["病毒性肝炎", "肺结核", "梅毒"]
