"""Text normalisation that keeps offsets true to the original text.

``normalise(text)`` returns a :class:`Normalised` whose ``.text`` is easier to
match against and whose ``to_original(i)`` maps an offset in ``.text`` back to
the text that was given. Done, in this order:

1. a per-character table (the output has the same length as the input):

   * traditional -> simplified Chinese, character by character, from the
     ``TSCharacters.txt`` table shipped with opencc-python-reimplemented
     (first candidate of each entry), plus a few Taiwan/Hong Kong variant
     forms. Phrase-level conversion is not done: it can change lengths and
     the character table is right for the figures, places and subjects we
     extract. A few characters that are also ordinary simplified characters
     are left alone (``_KEEP``), so simplified input is not damaged.
   * full-width digits, Latin letters and ``％ ． ， （ ）`` -> ASCII
     (``１２３．５％`` -> ``123.5%``). Other full-width punctuation (``。；：！？``)
     is kept, sentence splitting relies on it.
   * odd spaces (NBSP, U+2000..U+200A, U+202F, U+205F, ideographic space
     U+3000) -> ``' '``.

2. deletions (the only step that changes length; the offset map records them):

   * pinyin glosses right after a CJK character: ``發(fā)`` -> ``发``,
     ``24.1萬(wàn)起`` -> ``24.1万起``. A gloss is a parenthesised run of pinyin
     letters that has a tone mark (or ü), or is all lower case (``(wan)``).
     Upper-case runs such as ``(GDP)``, ``(CPI)`` are kept, as is anything with
     digits, spaces between non-toned words or CJK inside (``(记者 张三)``,
     ``(2.9个百分点)``).
   * zero-width characters (U+200B..U+200D, U+2060, U+FEFF), which break
     numbers apart in pasted text.

Tables are built once, on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

# Characters of TSCharacters.txt that are left as they are: they are also
# ordinary characters of simplified text (乾隆, 蒜薹), so converting them would
# damage the simplified input that is most of what we read.
_KEEP: frozenset[str] = frozenset("乾薹")

# Taiwan / Hong Kong variant forms not covered by TSCharacters.txt. Only
# variants that are never correct simplified characters are listed (the opencc
# variant tables also map 著, 么, 抬 which are ordinary simplified characters).
_VARIANTS: dict[str, str] = {
    "粧": "妆",
    "敍": "叙",
    "枱": "台",
    "糭": "粽",
    "衞": "卫",
    "簷": "檐",
    "痺": "痹",
    "睪": "睾",
}

# Full-width forms converted to ASCII: digits, letters and a few number marks.
_FULLWIDTH: str = "０１２３４５６７８９％．，（）" + "".join(
    chr(c) for c in range(0xFF21, 0xFF3B)
) + "".join(chr(c) for c in range(0xFF41, 0xFF5B))

_SPACES: str = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

_ZERO_WIDTH: str = "\u200b\u200c\u200d\u2060\ufeff"

# Lower-case pinyin letters, with tone marks and ü (precomposed), and the
# combining tone marks for text written with decomposed accents.
_PINYIN_LOWER = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\u0300\u0301\u0304\u030c\u0308"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ\u0300\u0301\u0304\u030c\u0308"
_PINYIN_ANY = _PINYIN_LOWER + "A-ZĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ"

# CJK unified ideographs (basic, extension A, compatibility, extensions B+).
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# A gloss follows a CJK character: that is tested on the character before each match (_after_cjk), not
# by a look-behind, which the search would try at every character rather than only where "(" is.
_DELETE_RE = re.compile(
    rf"\((?:[{_PINYIN_ANY}]+(?: [{_PINYIN_ANY}]+)*)\)|[{_ZERO_WIDTH}]+"
)
_CJK_RE = re.compile(f"[{_CJK}]")
# What any deletion needs: a gloss opens with "(", the other deletions are zero-width characters: a text
# without either is not searched.
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")


def _may_delete(s: str) -> bool:
    return "(" in s or _ZERO_WIDTH_RE.search(s) is not None


_TONED_RE = re.compile(f"[{_TONED}]")
_UPPER_RE = re.compile("[A-ZĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ]")


def _opencc_dictionary(name: str) -> Path:
    import opencc  # opencc-python-reimplemented; only its data files are used

    return Path(opencc.__file__).resolve().parent / "dictionary" / name


@cache
def _char_table() -> dict[int, str]:
    """The per-character table for ``str.translate``; built once."""
    table: dict[int, str] = {}
    path = _opencc_dictionary("TSCharacters.txt")
    with path.open(encoding="utf-8") as f:
        for line in f:
            key, _, values = line.rstrip("\n").partition("\t")
            target = values.split(" ")[0]
            if len(key) != 1 or len(target) != 1 or key == target or key in _KEEP:
                continue
            table[ord(key)] = target
    for key, target in _VARIANTS.items():
        table[ord(key)] = target
    for ch in _FULLWIDTH:
        table[ord(ch)] = chr(ord(ch) - 0xFEE0)
    for ch in _SPACES:
        table[ord(ch)] = " "
    return table


_BMP = 0x10000
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


@cache
def _bmp_table() -> list[int]:
    """The same table over the basic multilingual plane, as a list indexed by code point (every other
    character maps to itself): ``str.translate`` reads a list several times faster than a dict, where
    each character without an entry costs a KeyError raised and cleared (4.5x on a release)."""
    table = list(range(_BMP))
    for key, target in _char_table().items():
        if key < _BMP:
            table[key] = ord(target)
    return table


@cache
def _rare_re() -> re.Pattern[str]:
    """A character the table changes other than the common marks (:func:`_convert`), or one past the
    list: what only one release in nine holds (traditional characters, full-width digits)."""
    table = _char_table()
    common = "，（）％\u3000"
    assert all(_replace_common(ch) == table[ord(ch)] for ch in common)  # the marks become what the table says
    rare = sorted(chr(k) for k in table if k < _BMP and chr(k) not in common)
    return re.compile("[" + "".join(re.escape(ch) for ch in rare) + "\U00010000-\U0010ffff]")


def _replace_common(s: str) -> str:
    """The full-width marks nearly every release holds (its commas, brackets, percent signs, ideographic
    spaces) as the table converts them, replaced at C speed."""
    return s.replace("，", ",").replace("（", "(").replace("）", ")").replace("％", "%").replace("\u3000", " ")


def _convert(s: str) -> str:
    """``s`` through the per-character table. ``str.translate`` costs some 25 ns a character, read
    one by one: the common marks are replaced first (what they become is ASCII, which the table leaves
    alone), and the text is translated only if it still holds a character the table changes."""
    s = _replace_common(s)
    if _rare_re().search(s) is None:
        return s
    if _ASTRAL_RE.search(s) is not None:
        return s.translate(_char_table())  # characters past the list (CJK extensions B+): rare
    return s.translate(_bmp_table())


def _after_cjk(s: str, m: re.Match[str]) -> bool:
    """Whether a match of _DELETE_RE may be deleted where it is: a gloss only right after a CJK character."""
    a = m.start()
    return s[a] != "(" or (a > 0 and _CJK_RE.match(s, a - 1) is not None)


def _is_gloss(m: re.Match[str]) -> bool:
    s = m.group(0)
    if s[0] != "(":
        return True  # zero-width characters
    if _TONED_RE.search(s):
        return True
    return " " not in s and _UPPER_RE.search(s) is None


@dataclass(frozen=True, slots=True)
class _OffsetMap:
    """Kept runs of the original text: the run starting at ``out_starts[k]`` in
    the normalised text starts at ``orig_starts[k]`` in the original. Empty
    lists mean nothing was deleted (offsets are the same)."""

    out_starts: tuple[int, ...] = ()
    orig_starts: tuple[int, ...] = ()
    orig_len: int = 0


@dataclass(frozen=True)
class Normalised:
    """A normalised text and the way back to the original offsets."""

    text: str
    _map: _OffsetMap = field(default_factory=_OffsetMap, repr=False)

    def to_original(self, i: int) -> int:
        """The offset in the original text of offset ``i`` in ``.text``.

        ``0 <= i <= len(text)``. An offset at the start of a kept run maps to
        the start of that run in the original, i.e. after any deleted gloss
        before it; use :meth:`to_original_span` for span ends.
        """
        if not 0 <= i <= len(self.text):
            raise IndexError(f"offset {i} outside 0..{len(self.text)}")
        m = self._map
        if not m.out_starts:
            return i
        k = bisect_right(m.out_starts, i) - 1
        return min(m.orig_starts[k] + (i - m.out_starts[k]), m.orig_len)

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``.text[start:end]``: a deleted gloss right
        after the span is not included (``萬(wàn)`` -> ``萬``)."""
        if not self._map.out_starts and 0 <= start and end - 1 <= len(self.text) and start <= len(self.text):
            # nothing deleted (most releases): the same span, the offsets checked as to_original checks them
            return (start, start) if end <= start else (start, end)
        o_start = self.to_original(start)
        if end <= start:
            return o_start, o_start
        return o_start, self.to_original(end - 1) + 1


def normalise(text: str, deletions: Iterable[tuple[int, int]] = ()) -> Normalised:
    """Normalise ``text`` (see the module docstring). ``deletions``: more spans of the original text
    to drop (the document model's line breaks inside a sentence), sorted, not overlapping."""
    converted = _convert(text)
    out: list[str] = []
    out_starts: list[int] = [0]
    orig_starts: list[int] = [0]
    pos = 0  # in converted == original offsets (the translation keeps length)
    out_len = 0
    spans = (
        [m.span() for m in _DELETE_RE.finditer(converted) if _after_cjk(converted, m) and _is_gloss(m)]
        if _may_delete(converted) else []
    )
    if deletions:
        spans = sorted(spans + [d for d in deletions if d[1] > d[0]])
    for a, b in spans:
        if a < pos:
            continue
        out.append(converted[pos:a])
        out_len += a - pos
        pos = b
        if out_starts[-1] == out_len:
            orig_starts[-1] = b  # two deletions back to back
        else:
            out_starts.append(out_len)
            orig_starts.append(b)
    if pos == 0:
        return Normalised(converted)
    out.append(converted[pos:])
    return Normalised("".join(out), _OffsetMap(tuple(out_starts), tuple(orig_starts), len(text)))


def to_simplified(s: str) -> str:
    """``normalise(s).text``: for short strings such as subjects and region names."""
    converted = _convert(s)
    if not _may_delete(converted) or _DELETE_RE.search(converted) is None:
        return converted  # nothing to delete: what normalise() returns without building its offset map
    # (a bracket after no CJK character is found too, and left alone by normalise(): the same text)
    return normalise(s).text
