"""Rules for what a figure counts (its subject) and the area it belongs to (its region). Each test is
a short release written for it, in the construction the rule is about."""

from __future__ import annotations

from datetime import date

from extractors import extract
from tests.extractors.figures import by_mention as _by_mention


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


def test_a_noun_after_a_number_ends_where_its_act_begins() -> None:
    # 12个重点乡镇共查处……: the count of towns, then what those towns did, with its own subject
    got = _by_mention("今年以来,全县12个重点乡镇共查处违法用地案件96起,分别占全县总数的64%。", region="蒙城县")
    assert got["12个"].subject == "重点乡镇"
    assert got["96起"].subject == "查处违法用地案件"
    assert got["64%"].subject.startswith("查处违法用地案件")


def test_fazhan_dao_is_a_copula_before_the_number() -> None:
    got = _by_mention("截至5月底,全市注册志愿者已经发展到3.2万人,比去年底增加了2100人。", region="宜宾市")
    assert got["3.2万人"].subject == "注册志愿者"


def test_a_share_named_by_its_word_alone_is_of_the_quantity_before_it() -> None:
    # 占比 with a change: the share of the trade counted just before, not the word alone
    got = _by_mention(
        "1-10月,全市外商投资企业进出口512.3亿元,增长4.4%,占35.1%,占比较去年同期下降0.9个百分点。", region="东莞市",
    )
    assert got["0.9个百分点"].subject.startswith("外商投资企业进出口占比")
    # no figure before it in the sentence: the clause before names the quantity
    got = _by_mention("全市法院推进繁简分流,以速裁程序审结民事案件,占比达到46%。", region="泉州市")
    assert got["46%"].subject.endswith("民事案件占比")


def test_a_share_of_the_whole_area_after_a_copula_names_the_topic() -> None:
    got = _by_mention("一季度,我县生猪出栏仍然是全市第一,占全市31.2%,同比增长4.1%。", region="富顺县")
    assert got["31.2%"].subject.startswith("生猪出栏")
    assert got["4.1%"].subject.startswith("生猪出栏")


def test_a_points_change_against_an_earlier_quarter_is_of_the_growth_rate() -> None:
    got = _by_mention(
        "前三季度,全县规模以上工业增加值比上年同期增长-3.2%,较上半年(-5.0%)回升1.8个百分点。", region="会理市",
    )
    assert got["1.8个百分点"].subject.startswith("规模以上工业增加值增速")


def test_the_area_written_before_a_period_is_not_part_of_the_subject() -> None:
    # a headline: an epithet of the area, the area, the period, then what is counted
    got = _by_mention("全国粮食主产区河南前4月夏粮收购量达到860万吨", date(2024, 5, 10))
    assert got["860万吨"].subject == "夏粮收购量"


def test_an_origin_or_a_place_inside_something_qualifies_the_noun_after_the_number() -> None:
    got = _by_mention("当天,租户王某车内2万余元现金被盗。", date(2024, 5, 10), "温州市")
    assert got["2万余元"].subject == "现金"
    got = _by_mention("今年以来,全省共打掉广东汕尾籍80余个电诈团伙。", date(2024, 5, 10), "福建省")
    assert got["80余个"].subject.endswith("电诈团伙")


def test_a_province_written_before_an_origin_is_part_of_the_origin() -> None:
    # 贵州毕节籍: neither the province nor the city is where the figure belongs
    got = _by_mention("云南省公安厅消息,今年以来,全省共打掉贵州毕节籍100余个贩毒团伙。", date(2024, 5, 10))
    assert got["100余个"].region == "云南省"


def test_the_object_of_a_preposition_is_written_after_the_number() -> None:
    got = _by_mention("春节前,区民政局对126名困难老人以发放慰问金的形式开展慰问。", date(2024, 2, 1), "江北区")
    assert got["126名"].subject == "困难老人"


def test_a_share_opening_a_sentence_after_a_connective_counts_what_follows() -> None:
    got = _by_mention("此外,近四成示范创建县区实现主要战果上升。", date(2024, 2, 1), "湖南省")
    assert got["近四成"].subject.startswith("示范创建县区")


def test_places_listed_at_the_head_of_a_clause_are_the_figures_region() -> None:
    # the figure belongs to the listed cities, not to the province the release speaks for
    got = _by_mention(
        "江苏省商务厅消息,1-9月,全省实际使用外资增长3%。其中,苏州、无锡和常州实际使用外资增幅超过两成。",
        date(2024, 10, 20),
    )
    assert got["3%"].region == "江苏省"
    assert got["超过两成"].region == "苏州市"
    assert got["超过两成"].subject == "实际使用外资增幅"


def test_places_counted_together_belong_to_the_area_in_force() -> None:
    # 三地 adds the places up (a share of the province's total) and 等3个城市 counts them: the area in
    # force; 均 says each of them, which names them again
    got = _by_mention(
        "江西省公安厅通报,今年以来,全省破获电诈案件1200起。南昌、赣州、九江三地破获的案件占全省总数的58%。"
        "2023年,南昌、赣州、上饶等3个城市被评为平安城市。南昌、九江等2个城市群众安全感均在98%以上。",
        date(2024, 6, 20),
    )
    assert got["58%"].region == "江西省"
    assert got["3个"].region == "江西省"
    assert got["98%以上"].region == "南昌市"


def test_a_short_parenthesis_after_a_counted_noun_belongs_to_it() -> None:
    got = _by_mention("全省14个市(州)空气质量优良天数比率均在95%以上。", date(2024, 1, 20), "四川省")
    assert got["14个"].subject == "市(州)"
    assert got["95%以上"].subject.endswith("空气质量优良天数比率")


def test_people_caught_elsewhere_belong_to_where_they_were_caught() -> None:
    # 其中2名在……落网: the part of the count caught abroad is of that place
    got = _by_mention("德宏州公安局消息,1至4月,全州抓获在逃人员63名,其中4名在老挝境内落网。", date(2024, 5, 8))
    assert got["63名"].region in ("德宏州", "德宏傣族景颇族自治州")
    assert got["4名"].region == "老挝"


def test_a_list_distributed_by_fenbie_ends_at_the_comma_after_it() -> None:
    # a joint figure after the comma must not stop the list from being shared out one by one
    got = _by_mention(
        "绵阳市公安局消息,今年1-5月,全市破获盗窃案件300起。涪城区、游仙区、安州区公安分局破获盗窃案件"
        "分别为80起、61起和37起,三个区合计占全市的59.3%。",
        date(2024, 6, 10),
    )
    assert got["80起"].region == "涪城区"
    assert got["61起"].region == "游仙区"
    assert got["37起"].region == "安州区"


def test_a_heading_that_is_only_a_place_holds_over_its_section() -> None:
    # a bulletin of several counties: a paragraph that names no place belongs to its section's county
    text = (
        "县区动态\n【宁洱县】\n宁洱县今年一季度新增市场主体812户。\n2月,县市场监管局查处无证经营案件7起。\n"
        "【墨江县】\n墨江县一季度接待游客36.2万人次。\n3月,县文旅局检查旅游企业24家。"
    )
    got = _by_mention(text, date(2024, 4, 10))
    assert got["812户"].region == "宁洱县"
    assert got["7起"].region == "宁洱县"
    assert got["36.2万人次"].region == "墨江县"
    assert got["24家"].region == "墨江县"


def test_a_subject_keeps_the_parentheses_the_release_writes() -> None:
    # full-width in the text: the subject names the quantity as written, 县（市、区）
    got = _by_mention("截至6月底，全州已有6个县（市、区）被命名为禁毒示范县。", date(2024, 7, 2), "楚雄州")
    assert got["6个"].subject == "县（市、区）"
    got = _by_mention("截至6月底,全州已有6个县(市、区)被命名为禁毒示范县。", date(2024, 7, 2), "楚雄州")
    assert got["6个"].subject == "县(市、区)"


def test_a_space_inside_a_line_does_not_end_the_clause_that_names_the_figure() -> None:
    # a page's line: what changed, then its change and the figure, split by spaces
    got = _by_mention("全市接报警情2.1万起,电信网络诈骗发案数 同比下降 31.6%。", date(2024, 10, 8), "曲靖市")
    assert got["31.6%"].subject == "电信网络诈骗发案数"
    got = _by_mention("国庆假期 大理州接待游客 超260万人次", date(2024, 10, 8))
    assert got["超260万人次"].subject == "接待游客"


def test_more_comparison_bases_and_copulas_leave_the_subject() -> None:
    got = _by_mention(
        "全区城镇调查失业率4.9%,比6月末下降0.3个百分点。电动汽车火灾41起,较前年增加12起。"
        "县级水源地水质达标率保持100%。油菜籽总产量预计达5.6万吨,比去年(2023年)增加0.4万吨。",
        date(2024, 9, 20), "南宁市",
    )
    assert got["0.3个百分点"].subject.startswith("城镇调查失业率")
    assert got["12起"].subject.startswith("电动汽车火灾")
    assert got["100%"].subject == "县级水源地水质达标率"
    assert got["5.6万吨"].subject == "油菜籽总产量"
    assert got["0.4万吨"].subject.startswith("油菜籽总产量")
    assert "()" not in got["0.4万吨"].subject


def test_a_part_of_a_plan_is_of_the_amount_before_it() -> None:
    # 为年度预算的61.2%: the share of the budget reached by the revenue just stated
    got = _by_mention("上半年,全县税收收入6.31亿元,为年度预算的61.2%,同比增长5.4%。", date(2024, 7, 20), "宾川县")
    assert got["61.2%"].subject.startswith("税收收入")
    assert got["5.4%"].subject.startswith("税收收入")


def test_one_character_items_share_what_follows_the_last() -> None:
    got = _by_mention("上半年,全市猪、羊出栏分别为82.3万头和15.6万只。", date(2024, 7, 20), "曲靖市")
    assert got["82.3万头"].subject == "猪出栏"
    assert got["15.6万只"].subject == "羊出栏"


def test_a_bare_head_after_a_counted_noun_takes_that_noun_in() -> None:
    # the sites counted first are what the ratio is of: 比例 alone names nothing
    got = _by_mention("2023年,全县6个省控断面水质优良(Ⅰ—Ⅲ类)比例为83.3%。", date(2024, 1, 20), "会泽县")
    assert got["83.3%"].subject == "省控断面水质优良比例"


def test_places_ranked_in_a_list_are_the_areas_of_their_figures() -> None:
    # 排名第二和第三 ranks the places named before it; 分别 then gives each its figure
    got = _by_mention(
        "四川省统计局消息,上半年,全省GDP增长6.2%。其中,遂宁GDP增速最高。德阳、眉山排名第二和第三,GDP增速分别为7.1%、6.9%。",
        date(2024, 7, 30),
    )
    assert got["6.2%"].region == "四川省"
    assert got["7.1%"].region == "德阳市"
    assert got["6.9%"].region == "眉山市"


def test_a_paragraph_opening_with_qizhong_keeps_the_place_of_the_one_before() -> None:
    # 其中 details the paragraph before it, where a page sets each sentence apart: the county named
    # there still holds, not the prefecture of the release
    got = _by_mention("怒江州政法简讯\n今年一季度,兰坪县各级人民调解组织共排查矛盾纠纷436件。\n"
                      "其中,县、乡两级调解组织调处婚姻家庭纠纷97件。", date(2023, 5, 22), "怒江傈僳族自治州")
    assert got["97件"].region == "兰坪县"


def test_an_area_is_printed_by_the_name_the_text_writes_it_by():
    # the lead reaches the prefecture through the outlet's name (德宏新闻网) and 全州; the title
    # writes it 德宏州, never by its official name, so every row says 德宏州
    text = ("德宏州上半年旅游市场平稳增长\n德宏新闻网7月20日讯 记者从州文化和旅游局获悉，上半年，"
            "全州接待游客1520.6万人次，同比增长12.4%。\n\n其中，瑞丽市接待游客402.3万人次。")
    rows = {f.mention: (f.region, f.region_code) for f in extract(text, published=date(2024, 7, 20))}
    assert rows["1520.6万人次"] == ("德宏州", "533100") and rows["12.4%"] == ("德宏州", "533100")
    assert rows["402.3万人次"] == ("瑞丽市", "533102")
    # a text that writes the official name keeps it
    official = "德宏傣族景颇族自治州上半年旅游市场平稳增长\n德宏新闻网7月20日讯 上半年，全州接待游客1520.6万人次。"
    (row,) = extract(official, published=date(2024, 7, 20))
    assert row.region == "德宏傣族景颇族自治州"


def test_a_place_ranked_with_its_value_after_it_is_the_area_and_the_topic_is_the_measure() -> None:
    # 某市最高，达…… names the place ranked; what it is ranked by is the sentence's topic (……方面),
    # else what the figure before it counts
    text = ("1-6月，全省地表水国控断面水质优良比例为88.1%。各设区市中，丽水市浓度最低，为15微克/立方米。"
            "其中金华市最高，为34微克/立方米。\n优良天数比例方面，舟山市最高，达98.9%；嘉兴市最低，为79.4%。")
    got = _by_mention(text, date(2025, 7, 20), region="浙江省")
    assert (got["34微克/立方米"].region, got["34微克/立方米"].subject) == ("金华市", "浓度")
    assert (got["98.9%"].region, got["98.9%"].subject) == ("舟山市", "优良天数比例")
    assert (got["79.4%"].region, got["79.4%"].subject) == ("嘉兴市", "优良天数比例")


def test_the_areas_ranked_at_the_top_each_take_their_figure_and_leave_the_subject() -> None:
    # 排名前三的县依次为沛县、……，分别……: a two-character county heading the list is a place; the list is
    # not part of what is measured
    text = "1-6月，全省PM2.5浓度改善幅度排名前三的县依次为沛县、丰县、睢宁县，分别下降18.4%、15.2%和12.9%。"
    got = _by_mention(text, date(2025, 7, 20), region="江苏省")
    assert [got[m].region for m in ("18.4%", "15.2%", "12.9%")] == ["沛县", "丰县", "睢宁县"]
    assert got["18.4%"].subject == "PM2.5浓度改善幅度"


def test_places_each_with_its_figure_in_a_list_are_each_their_figures_area() -> None:
    # 甲市89起、乙县41起: after a figure, the 、 opens a new item, not a list of names
    text = "1至9月，全州共接报诈骗警情266起。分县市看，吉首市89起、凤凰县41起、花垣县36起。"
    got = _by_mention(text, date(2025, 10, 8), region="湘西土家族苗族自治州")
    assert [got[m].region for m in ("89起", "41起", "36起")] == ["吉首市", "凤凰县", "花垣县"]


def test_rows_of_places_after_a_colon_count_what_their_caption_names() -> None:
    # 分区域看（新建商品住宅）： over rows 某区：……套，……万平方米: each row's figures are of the quantity the
    # caption names in brackets, in that row's district
    text = ("1月份，市区新建商品住宅成交3915套。\n\n"
            "分区域看（新建商品住宅）：\n洛龙区：1126套，13.46万平方米，均价9218元/平方米\n涧西区：584套，6.41万平方米\n")
    got = _by_mention(text, date(2026, 2, 11), region="洛阳市")
    assert [(got[m].subject, got[m].region) for m in ("1126套", "584套")] == [("新建商品住宅", "洛龙区"), ("新建商品住宅", "涧西区")]
    assert got["9218元/平方米"].subject == "均价"


def test_the_places_ranked_first_after_de_shi_are_the_areas_of_the_figures_after_fenbie() -> None:
    # 居前三位的是甲县、乙县和丙县，分别增长……: the places (the last after 和) are the areas; what is ranked is
    # the quantity before them, for all three
    text = "分地区看，规模以上工业增加值增速居前三位的是会泽县、富源县和师宗县，分别增长15.6%、13.2%、11.8%。"
    got = _by_mention(text, date(2025, 11, 19), region="曲靖市")
    assert [got[m].region for m in ("15.6%", "13.2%", "11.8%")] == ["会泽县", "富源县", "师宗县"]
    assert {got[m].subject for m in ("15.6%", "13.2%", "11.8%")} == {"规模以上工业增加值增速"}


def test_a_short_quoted_term_inside_the_noun_after_a_number_stays_in_it() -> None:
    got = _by_mention("今年以来，全市对320余名涉“两卡”失信人员实施惩戒。", date(2024, 3, 14), region="钦州市")
    assert got["320余名"].subject == "涉“两卡”失信人员"


def test_a_part_opened_by_qizhong_with_nothing_named_is_of_what_the_figure_before_counts() -> None:
    text = "1—10月，全市居民消费价格总指数同比上涨0.6%。其中，10月份同比上涨0.3%，环比下降0.1%。"
    got = _by_mention(text, date(2025, 11, 19), region="曲靖市")
    assert got["0.3%"].subject == "居民消费价格总指数"
    assert got["0.1%"].subject.startswith("居民消费价格总指数")


def test_a_places_own_average_is_that_places_figure() -> None:
    # 怀化市平均降雨量: the place's own average; 高于全省平均水平 stays a comparison
    text = "汛期以来，全省平均降雨量达786毫米。其中，怀化市平均降雨量达1136毫米，益阳市平均亩产达到412.3公斤。"
    got = _by_mention(text, date(2024, 9, 4), region="湖南省")
    assert got["1136毫米"].region == "怀化市"
    assert got["412.3公斤"].region == "益阳市"


def test_a_preposition_after_a_number_is_no_noun() -> None:
    # 被告人黄某某等11人于2023年4月……: 于 opens the time, the people are named before the number (and
    # stand for the noun before them)
    got = _by_mention("被告人黄某某等11人于2023年4月在某市租用民房设立诈骗窝点。", date(2025, 3, 11))
    assert got["11人"].subject == "被告人"


def test_the_value_a_figure_is_compared_with_is_of_the_same_quantity() -> None:
    got = _by_mention("去年，全市重污染天数为6天，较2015年的47天大幅减少。", date(2024, 1, 12), region="石家庄市")
    assert got["47天"].subject == "重污染天数"


def test_a_change_on_the_line_after_a_count_is_that_counts_change() -> None:
    # a headline broken over two lines: 查获吸毒人员63人 / 同比上升62%
    got = _by_mention("聊城三个月查获吸毒人员63人\n同比上升62%,缴获各类毒品2600余克\n", date(2017, 3, 27), region="聊城市")
    assert got["62%"].subject.startswith("查获吸毒人员")


def test_the_net_weight_after_a_count_of_packages_is_the_weight_of_what_was_counted() -> None:
    got = _by_mention("8月21日，专案组当场从车辆后备箱内查获冰毒20包，净重21.3千克。", date(2023, 9, 14), region="河口县")
    assert "冰毒" in got["21.3千克"].subject and "净重" not in got["21.3千克"].subject


def test_who_was_penalised_is_no_part_of_the_penalty() -> None:
    got = _by_mention("经查，该店销售过期食品，该店被依法处以罚款2万元。", date(2024, 5, 8), region="某市")
    assert got["2万元"].subject == "罚款"


def test_the_place_named_after_zui_de_shi_is_the_area_of_the_figure_after_it() -> None:
    text = "1-9月，全省PM2.5浓度同比下降5.2%。改善幅度最大的是阳泉市，同比下降13.6%；排名末位的是运城市，下降0.8%。"
    got = _by_mention(text, date(2022, 10, 18), region="山西省")
    assert (got["13.6%"].region, got["0.8%"].region) == ("阳泉市", "运城市")


def test_agencies_listed_before_fenbie_hand_out_their_areas_in_order() -> None:
    # 甲县人民法院、乙市人民法院分别……: each figure is of its agency's area, as with names listed alone
    got = _by_mention(
        "从基层法院看,宁县人民法院、庆城县人民法院结案数居前两位,分别审执结2310件和1985件。",
        date(2020, 7, 9), "庆阳市",
    )
    assert (got["2310件"].region, got["1985件"].region) == ("宁县", "庆城县")


def test_a_second_list_of_places_in_a_sentence_hands_out_its_own_figures() -> None:
    # the longer list takes its figures, the shorter one after it its own (they went to the longer list's last)
    got = _by_mention(
        "分地区看,甲等县不计;会理市、盐源县、德昌县破获案件分别为96起、71起和52起;雷波县、喜德县缴获毒品分别为"
        "64.2公斤和41公斤。",
        date(2016, 6, 24), "凉山彝族自治州",
    )
    assert [got[m].region for m in ("96起", "71起", "52起")] == ["会理市", "盐源县", "德昌县"]
    assert (got["64.2公斤"].region, got["41公斤"].region) == ("雷波县", "喜德县")


def test_townships_each_named_with_their_level_word_hand_out_figures_after_fenbie() -> None:
    # 甲街道、乙街道……分别为: each figure is of its township, as with 甲、乙等街道
    got = _by_mention("今年全区改造老旧小区42个。龙湖街道、云台街道改造项目较多,分别为9个和7个。", date(2024, 11, 18), "鹿城区")
    assert (got["9个"].region, got["7个"].region) == ("龙湖街道", "云台街道")


def test_changes_listed_with_fenbie_after_places_each_with_a_figure_follow_those_places() -> None:
    # 甲区……317起,乙区……254起,同比分别上升……: each change is of the place of the figure it stands for
    got = _by_mention(
        "其中,南岗区分局破获电诈案件317起,道里区分局破获电诈案件254起,同比分别上升18.4%和12.9%。",
        date(2022, 8, 16), "哈尔滨市",
    )
    assert (got["18.4%"].region, got["12.9%"].region) == ("南岗区", "道里区")
