"""extractors.scopes: which phrase is in force where (levels, closing, headings), alone."""

from __future__ import annotations

from extractors.document import Document
from extractors.scopes import Level, Phrase, Scopes

TEXT = "标题一句\n甲，乙1，丙2。丁3，戊4。\n己5。庚6，辛7。\n"


def _ph(doc: Document, word: str, level: Level, until: int | None = None) -> Phrase[str]:
    i = doc.s.index(word)
    return Phrase(i, i + len(word), word, word, "when", level, "test", until)


def _at(sc: Scopes[str], doc: Document, word: str) -> list[str]:
    return [p.value for p in sc.in_force(doc.s.index(word))]


def test_levels_close_at_the_end_of_their_unit() -> None:
    doc = Document(TEXT)
    sc: Scopes[str] = Scopes(doc, [_ph(doc, "甲", Level.DOCUMENT), _ph(doc, "乙", Level.CLAUSE),
                                   _ph(doc, "丁", Level.SENTENCE)])
    assert _at(sc, doc, "乙1") == ["乙", "甲"]  # innermost first
    assert _at(sc, doc, "丙2") == ["甲"]  # the clause is over
    assert _at(sc, doc, "戊4") == ["丁", "甲"]
    assert _at(sc, doc, "己5") == ["甲"]  # the document level holds on across paragraphs


def test_a_phrase_closes_those_of_its_level_and_narrower() -> None:
    doc = Document(TEXT)
    sc: Scopes[str] = Scopes(doc, [_ph(doc, "甲", Level.DOCUMENT), _ph(doc, "丁", Level.PARAGRAPH),
                                   _ph(doc, "庚", Level.DOCUMENT)])
    assert _at(sc, doc, "戊4") == ["丁", "甲"]
    assert _at(sc, doc, "己5") == ["甲"]  # the paragraph phrase closed with its paragraph
    assert _at(sc, doc, "辛7") == ["庚"]  # 庚 replaced 甲


def test_a_rule_may_close_a_phrase_earlier() -> None:
    doc = Document(TEXT)
    sc: Scopes[str] = Scopes(doc, [_ph(doc, "丁", Level.SENTENCE, until=doc.s.index("戊"))])
    assert _at(sc, doc, "丁3") == ["丁"]
    assert _at(sc, doc, "戊4") == []


def test_headings_and_body_do_not_mix_but_a_title_frame_reaches_the_body() -> None:
    doc = Document(TEXT)
    sc: Scopes[str] = Scopes(doc)
    sc.add(_ph(doc, "标题", Level.DOCUMENT))  # a heading's own phrase
    frame = Phrase(0, 2, "标题", "frame", "when", Level.DOCUMENT, "the title's period")
    sc.add(frame, heading=False)
    sc.add(_ph(doc, "庚", Level.DOCUMENT))
    assert _at(sc, doc, "一句") == ["标题"]  # in the heading: the heading's phrase only
    assert _at(sc, doc, "乙1") == ["frame"]  # in the body: the title frames it
    assert _at(sc, doc, "辛7") == ["庚"]  # until the body states its own


def test_lookups_cost_a_binary_search_per_level() -> None:
    doc = Document("甲1，" * 20000)
    sc: Scopes[str] = Scopes(doc)
    for i in range(0, len(doc.s), 3):
        sc.add(Phrase(i, i + 1, "甲", str(i), "when", Level.DOCUMENT, "test"))
    assert len(sc) == 20000
    assert sc.innermost(len(doc.s) - 2) is not None and sc.innermost(len(doc.s) - 2).value == str(len(doc.s) - 3)  # type: ignore[union-attr]


def test_innermost_is_the_first_in_force_also_when_two_start_together() -> None:
    doc = Document(TEXT)
    i = doc.s.index("丁")
    # a document-level and a sentence-level phrase opened at one place: the narrower is innermost
    together = [Phrase(i, i + 1, "wide", "wide", "when", Level.DOCUMENT, "test"),
                Phrase(i, i + 1, "narrow", "narrow", "when", Level.SENTENCE, "test")]
    sc: Scopes[str] = Scopes(doc, [_ph(doc, "甲", Level.DOCUMENT), *together, _ph(doc, "庚", Level.CLAUSE)])
    assert _at(sc, doc, "戊4") == ["narrow", "wide"]
    for pos in range(len(doc.s) + 1):
        got = sc.innermost(pos)
        assert (got.value if got else None) == next((p.value for p in sc.in_force(pos)), None)


def test_a_release_without_qizhong_closes_sentences_and_paragraphs_at_their_own_end() -> None:
    # whether a sentence or a paragraph goes on into one that opens with 其中 is asked once a release
    text = "甲1，乙2。丙3。\n丁4。\n"
    doc = Document(text)
    sc: Scopes[str] = Scopes(doc, [_ph(doc, "甲", Level.SENTENCE), _ph(doc, "丙", Level.PARAGRAPH)])
    assert _at(sc, doc, "乙2") == ["甲"]
    assert _at(sc, doc, "丙3") == ["丙"]
    assert _at(sc, doc, "丁4") == []
    doc2 = Document("甲1。其中乙2。\n其中丙3。\n")
    sc2: Scopes[str] = Scopes(doc2, [_ph(doc2, "甲", Level.SENTENCE)])
    assert _at(sc2, doc2, "乙2") == ["甲"]  # 其中 goes on with the sentence before
