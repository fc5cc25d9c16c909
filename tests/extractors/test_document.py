"""extractors.document: paragraphs, headings, furniture, the title, sentences and clauses, datelines
and the publication date, on invented releases."""

from __future__ import annotations

from datetime import date

from extractors.document import Document

PAGE = (
    "首页 > 新闻中心 > 本地要闻\n"
    "某县上半年破获毒品案件46起\n"
    "发布时间：2024-06-27 09:30　来源：某县公安局\n"
    "某县上半年破获毒品案件46起\n"
    "本报讯（记者 李明）记者从县公安局获悉，今年上半年，全县共破获毒品刑事案件46起，抓获犯罪嫌疑人52名。\n"
    "一、打击成效\n"
    "6月以来，全县共查处吸毒人员12人次。\n"
    "责任编辑：王芳\n"
)


def test_paragraphs_headings_and_furniture() -> None:
    doc = Document(PAGE)
    kinds = [(p.heading, p.furniture, p.section) for p in doc.paragraphs[:8]]
    assert kinds[0][1]  # the navigation line is furniture
    assert kinds[1] == (True, False, False)  # the title is a heading
    assert kinds[2][1]  # the date and source line
    assert kinds[5] == (True, False, True)  # a numbered section heading
    assert doc.paragraphs[7].furniture  # the editor line


def test_title_is_the_heading_the_page_repeats() -> None:
    doc = Document(PAGE)
    assert doc.title_text == "某县上半年破获毒品案件46起"
    assert doc.title is not None and doc.title.index == 1
    assert doc.lead is not None and doc.s[doc.lead.start :].startswith("本报讯")


def test_dateline_and_reporter_source() -> None:
    doc = Document(PAGE)
    assert doc.dateline is not None and doc.s[slice(*doc.dateline)] == "本报讯"
    assert doc.reporter_source is not None and doc.s[slice(*doc.reporter_source)] == "县公安局"
    wire = Document("新华社昆明5月9日电 记者从云南省公安厅获悉，今年以来全省共破获毒品案件1200起。")
    assert wire.dateline is not None and wire.s[slice(*wire.dateline)] == "新华社昆明5月9日电"
    assert wire.reporter_source is not None and wire.s[slice(*wire.reporter_source)] == "云南省公安厅"


def test_publication_date_given_or_read_off_the_page() -> None:
    assert Document(PAGE, published=date(2024, 6, 28)).published == date(2024, 6, 28)
    doc = Document(PAGE)
    assert (doc.published, doc.published_from) == (date(2024, 6, 27), "page")
    assert Document("今年以来，全县共破获案件5起。").published is None


def test_the_year_a_text_fixes_without_a_publication_date() -> None:
    doc = Document("2021年某市国民经济和社会发展统计公报\n初步核算，全年地区生产总值2167.67亿元。")
    assert doc.published is None
    assert doc.text_year == 2021


def test_sentences_and_clauses() -> None:
    doc = Document("今年以来，全县共破获案件5起；抓获嫌疑人8名。目前，案件正在审理。")
    s = doc.s
    first = doc.sentence(s.index("5起"))
    assert s[first.start : first.end] == "今年以来,全县共破获案件5起；抓获嫌疑人8名。"  # full-width comma normalised
    a, b = doc.clause(s.index("5起"))
    assert s[a:b] == "全县共破获案件5起"
    second = doc.sentence(s.index("审理"))
    assert second.index == 1 and s[second.start : second.end] == "目前,案件正在审理。"


def test_offsets_map_back_through_traditional_text_and_glosses() -> None:
    text = "今年以來，全縣共破獲案件5起，繳(jiǎo)獲毒品3公斤。"
    doc = Document(text)
    i = doc.s.index("3公斤")
    a, b = doc.norm.to_original_span(i, i + 3)
    assert text[a:b] == "3公斤"


def test_links_to_other_articles_are_furniture() -> None:
    doc = Document("全县共破获案件5起。\n相关新闻\n某市破获案件12起　2022-06-15\n· 另一条新闻\n")
    assert [p.furniture for p in doc.paragraphs[:4]] == [False, True, True, True]


def test_a_headline_linked_in_the_footer_is_furniture_but_a_title_is_not() -> None:
    doc = Document(
        "某州禁毒工作取得新成效\n"  # the title: between furniture lines, but before the last sentence
        "来源：某州日报　编辑：李华\n"
        "今年以来，全州共破获毒品案件41起。\n"
        "[责任编辑：赵敏]\n"
        "某县：一季度全县新增就业2300人\n"  # another article, linked between the editor and the footer
        "某州日报　某ICP备12345678号\n"
    )
    assert [p.furniture for p in doc.paragraphs[:6]] == [False, True, False, True, True, True]


def test_a_clause_never_reaches_past_its_sentence() -> None:
    # clause() finds its bounds among the clause breaks alone: every sentence end must be one of them
    from extractors.document import CLAUSE_END, SENTENCE_END

    ends = [chr(c) for c in range(0x10000) if SENTENCE_END.fullmatch(chr(c))]
    assert ends and all(CLAUSE_END.fullmatch(ch) for ch in ends)
    doc = Document("全县破获案件5起。抓获嫌疑人8名\n缴获毒品2.5千克，查处吸毒人员12人次！同比上升3%")
    s = doc.s
    for pos in range(-1, len(s) + 2):
        sent = doc.sentence(pos)
        a, b = doc.clause(pos)
        assert sent.start <= a <= b <= sent.end
        assert not any(CLAUSE_END.match(ch) for ch in s[a:b])
