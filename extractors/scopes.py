"""Scopes: which time or place phrase is in force at a point of the text.

Every period phrase (今年1至5月, 8月28日, 目前) and every place phrase (全省, 昆明市公安局) that may
govern figures becomes a :class:`Phrase` with a *level*, decided by the rules of
:mod:`extractors.periods` and :mod:`extractors.places`:

* ``CLAUSE``     holds to the end of its clause (其中今年6月……100%),
* ``SENTENCE``   to the end of its sentence (目前……在册, 全国共破获……),
* ``PARAGRAPH``  to the end of its paragraph (an incident's day, a place named at a paragraph's head),
* ``DOCUMENT``   on through the release, until the next phrase of this level replaces it (the
  period a release reports on: 今年以来, 1至5月; its title's year).

Phrases open in text order and close at the end of their unit, or earlier where a rule says so
(``until``: a stock word holds up to the first clause that states a flow). A phrase of a level
closes every open phrase of the same or a narrower level when it opens. What is in force at a
point is then a stack: the phrase opened last that is still open is the innermost, and a figure
takes it. Headings are their own world: body phrases do not reach into a heading, and a heading's
phrases hold only in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum
from operator import attrgetter, itemgetter
from typing import Generic, TypeVar

from extractors.document import Document, Paragraph
from extractors.model import stored_by_slot

T = TypeVar("T")


class Level(IntEnum):
    CLAUSE = 0
    SENTENCE = 1
    PARAGRAPH = 2
    DOCUMENT = 3


_LEVELS: tuple[Level, ...] = tuple(Level)  # iterating an Enum is slow; this is read per figure
# The levels under plain module names, for the rules that compare levels for every phrase and figure: each
# read of ``Level.DOCUMENT`` goes through the enum metaclass's attribute hook (about 0.2 µs in Python 3.11,
# longer than the comparison it is read for); these are the same members, read as module globals.
CLAUSE, SENTENCE, PARAGRAPH, DOCUMENT = Level.CLAUSE, Level.SENTENCE, Level.PARAGRAPH, Level.DOCUMENT
_start = attrgetter("start")
_first = itemgetter(0)


@stored_by_slot  # built for every mark and phrase: see extractors.model
@dataclass(frozen=True, slots=True)
class Phrase(Generic[T]):
    """A phrase that governs figures: where it is, what it says, how far it holds, and why."""

    start: int
    end: int
    text: str
    value: T
    role: str
    level: Level
    rule: str
    until: int | None = None  # an earlier close than the level's unit, where a rule sets one


_DIGIT = re.compile(r"\d")


class Scopes(Generic[T]):
    """The phrases of one kind (periods or places) of a document, and what is in force where.

    Only the last phrase of each level can be open at a time (a phrase closes those of its level and
    narrower), so the phrases in force at a point are at most one per level: looking them up costs a
    binary search per level, whatever the length of the text."""

    def __init__(self, doc: Document, phrases: Iterable[Phrase[T]] = (), *, captions: bool = False) -> None:
        """``captions``: a heading's phrase holds over the rows of figures right under it when the heading
        has no figure of its own (periods: 分产业用电情况（1-7月）)."""
        self.doc = doc
        self._captions = captions
        # whether a sentence or a paragraph may go on into the next (which would open with 其中): asked once
        # per document, not for every phrase of a sentence's or a paragraph's level
        self._details = "其中" in doc.s
        self._all: list[Phrase[T]] = []
        # [heading][level] -> (starts, phrases, closes), in text order: lists indexed by a bool and a
        # level, not a dict keyed by the pair, as they are read for every figure
        self._slots: tuple[list[tuple[list[int], list[Phrase[T]], list[int]]], ...] = tuple(
            [([], [], []) for _ in _LEVELS] for _heading in (False, True)
        )
        # [heading] -> (level, starts, phrases, closes) of the levels that hold a phrase, narrowest first: the
        # lookups for every figure pass over these only (most documents use two or three of the eight lists)
        self._used: tuple[list[tuple[int, list[int], list[Phrase[T]], list[int]]], ...] = ([], [])
        for p in phrases:
            self.add(p)

    def _unit_end(self, p: Phrase[T], heading: bool) -> int:
        doc = self.doc
        if p.level == CLAUSE:
            return doc.clause(p.start)[1]
        if p.level == SENTENCE:
            sent = doc.sentence(p.start)
            # 目前,……。其中,……: a sentence that opens with 其中 goes on with the one before (also where each
            # sentence is a paragraph of its own: 其中 cannot open a new topic)
            return doc.with_details(sent).end if self._details else sent.end
        if p.level == PARAGRAPH or heading:
            last = doc.paragraph(p.start)
            while self._details and not heading and last.index + 1 < len(doc.paragraphs):
                # a paragraph that opens with 其中 details the one before it (a page that sets every
                # sentence apart): what holds for that paragraph holds on into it
                after = doc.paragraphs[last.index + 1]
                if after.heading or after.furniture or not doc.s.startswith("其中", after.start):
                    break
                last = after
            if heading and self._captions and not (
                _DIGIT.search(doc.s, last.start, p.start) or _DIGIT.search(doc.s, p.end, last.end)
            ):
                last = self._rows_under(last)
            return last.end + 1
        return len(doc.s) + 1

    def _rows_under(self, caption: Paragraph) -> Paragraph:
        """A heading that names a period and no figure (分产业用电情况（1-7月）, 分区看，8月份……成交量) over the
        rows right under it (禅城区 512套, 第一产业 用电量 19.6亿千瓦时): a table's caption, in force over its
        rows up to the next blank line or line of prose."""
        doc = self.doc
        last = caption
        while last.index + 1 < len(doc.paragraphs):
            row = doc.paragraphs[last.index + 1]
            if not row.heading or row.furniture or row.section or not _DIGIT.search(doc.s, row.start, row.end):
                break
            last = row
        return last

    def add(self, p: Phrase[T], *, heading: bool | None = None) -> None:
        """Open ``p`` (phrases are added in text order): it closes the open phrases of its level and
        narrower. ``heading``: whether it belongs to a heading (default: where it stands); a title's
        frame is added with ``heading=False`` so that it reaches the body."""
        if heading is None:
            heading = self.doc.is_heading(p.start)
        close = self._unit_end(p, heading)
        if p.until is not None:
            close = min(close, p.until)
        level = p.level
        used = self._used[heading]
        for lv, _, _, closes in used:
            if lv <= level and closes[-1] > p.start:
                closes[-1] = p.start
        starts, phrases, closes = self._slots[heading][level]
        if not starts:  # the level's first phrase: the level joins the used ones, in level order
            used.append((level, starts, phrases, closes))
            used.sort(key=_first)
        starts.append(p.start)
        phrases.append(p)
        closes.append(close)
        self._all.append(p)

    def in_force(self, pos: int, *, heading: bool | None = None) -> list[Phrase[T]]:
        """The phrases open at ``pos``, innermost (opened last) first. In a heading only the heading's
        own phrases count; in the body only the body's (a title's frame among them)."""
        if heading is None:
            heading = self.doc.is_heading(pos)
        out = []
        for _, starts, phrases, closes in self._used[heading]:
            k = bisect_right(starts, pos) - 1
            if k >= 0 and closes[k] > pos:
                out.append(phrases[k])
        if len(out) == 2:
            # (two, the common case: swapped where the wider opened later, as the sort below would do; of two
            # that start together the narrower stays first)
            if out[1].start > out[0].start:
                out.reverse()
        elif len(out) > 2:
            out.sort(key=_start, reverse=True)
        return out

    def innermost(self, pos: int, *, heading: bool | None = None) -> Phrase[T] | None:
        """The first of :meth:`in_force` (the open phrase that starts last; of two that start together, the
        one of the narrower level), found without building and sorting the list."""
        if heading is None:
            heading = self.doc.is_heading(pos)
        best = None
        for _, starts, phrases, closes in self._used[heading]:
            k = bisect_right(starts, pos) - 1
            if k >= 0 and closes[k] > pos and (best is None or phrases[k].start > best.start):
                best = phrases[k]
        return best

    def __iter__(self) -> Iterator[Phrase[T]]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)


__all__ = ["CLAUSE", "DOCUMENT", "PARAGRAPH", "SENTENCE", "Level", "Phrase", "Scopes"]
