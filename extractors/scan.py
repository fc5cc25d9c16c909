"""Scanning a text with many alternatives, with the very matches of the plain alternation.

A pattern of many named alternatives (``(?P<a>…)|(?P<b>…)|…``: at a position they are tried in order
and the first that matches wins) makes the regex engine try every alternative at every position
where one may open: a few microseconds a position with forty alternatives. :class:`Alternation`
finds the same matches (the same positions, ends and alternatives) trying at a position only the
alternatives that can open with the character there, still in their own order; an alternative
that cannot open with that character fails there anyway, so leaving it out changes no match.

The characters an alternative can open with are read off the parsed pattern; where that cannot be
told (a negated class, a flag, a part that may match nothing) the alternative is tried at every
position, which is always safe. So are the second and the third character (:data:`OFFSETS`): an
alternative whose matches are all longer than the offset is left out where the character there is
none a match can hold there. Of the period patterns, only the date written with dots (5.14当天) is
tried at the 2 of 2.3%, none at the 3 of 3起 or at 全省, and at more than half of the positions
where one may open none is left to try. A group made optional with ``?`` is also written as a branch
with an empty alternative (``(?:X)?`` as ``(?:X|)``): the same matches in the same order of trial,
and cheaper for the engine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

try:  # the parser of the standard library's regex engine (Python 3.11 and later)
    import re._constants as _C
    import re._parser as _P
except ImportError:  # pragma: no cover - no such modules: every alternative is tried everywhere
    _P = None  # type: ignore[assignment]
    _C = None  # type: ignore[assignment]

# The offsets (from a match's start) whose character is looked at before a pattern is tried.
OFFSETS = (0, 1, 2)
# How many runs of three characters an alternation keeps the readings of (a few thousand in a year of releases;
# past the bound they are worked out again at each position, from the characters' own).
_THREES_KEPT = 1 << 16


def _esc(c: int) -> str:
    ch = chr(c)
    return "\\" + ch if ch in "-]\\^[" else re.escape(ch)


def _class_pieces(av: Any) -> list[str] | None:
    """The character-class pieces of a parsed class ([a-z0-9]); ``None`` when it is negated or holds a
    category other than digits (any character, as far as this module can tell)."""
    C = _C
    out = []
    for iop, iav in av:
        if iop is C.LITERAL:
            out.append(_esc(iav))
        elif iop is C.RANGE:
            out.append(f"{_esc(iav[0])}-{_esc(iav[1])}")
        elif iop is C.CATEGORY and iav is C.CATEGORY_DIGIT:
            out.append(r"\d")
        else:
            return None
    return out


def _width(op: Any, av: Any) -> tuple[int, int]:
    """The shortest and the longest match of one parsed item."""
    return _P.SubPattern(_P.State(), [(op, av)]).getwidth()


def _seq_at(seq: Any, k: int) -> list[str] | None:
    """The character-class pieces of the characters the matches of a parsed subpattern can hold at
    offset ``k`` (those that reach it), ``None`` for any character. Each item is read at every offset it
    may start at (``starts``: every width between its shortest and its longest match is taken as
    possible, so the pieces are those of every match and maybe more, never fewer)."""
    pieces: list[str] = []
    starts = {0}
    for op, av in seq:
        lo, hi = _width(op, av)
        after: set[int] = set()
        for o in starts:
            if o + hi > k:  # the item may hold offset k
                f = _op_at(op, av, k - o)
                if f is None:
                    return None
                pieces.extend(f)
            after.update(range(o + lo, min(o + hi, k) + 1))
        starts = after
        if not starts:
            break  # every match has passed offset k
    return pieces


def _op_at(op: Any, av: Any, k: int) -> list[str] | None:
    """:func:`_seq_at` of one parsed item (a look-around consumes nothing: it is never asked)."""
    C = _C
    if op is C.LITERAL:
        return [_esc(av)] if k == 0 else []
    if op is C.IN:
        return _class_pieces(av) if k == 0 else []  # None for a negated class or another category
    if op is C.BRANCH:
        out: list[str] = []
        for alt in av[1]:
            f = _seq_at(alt, k)
            if f is None:
                return None
            out.extend(f)
        return out
    if op is C.SUBPATTERN:
        return None if av[1] or av[2] else _seq_at(av[3], k)  # a flag: not known here
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        # the copies in a row, as many as may reach offset k (at most k + 1 of them are not empty)
        copy = (C.SUBPATTERN, (None, 0, 0, av[2]))
        return _seq_at([copy] * min(av[1], k + 1), k)
    return None  # any character, a back reference, what is not known here


def class_at(pattern: str, k: int) -> str | None:
    """A character class (without its brackets) of the characters a match of ``pattern`` can hold at
    offset ``k`` (0: what it opens with); ``None`` when that cannot be told, or a match may be ``k``
    characters long or shorter (then the character there says nothing)."""
    if _P is None:
        return None
    try:
        parsed = _P.parse(pattern)
        if parsed.getwidth()[0] <= k:
            return None
        pieces = _seq_at(parsed.data, k)
    except Exception:  # noqa: BLE001 - a construct the walk does not know: no filter
        return None
    return "".join(pieces) if pieces else None


# A reading of a pattern's first characters: the class (character-class pieces, without brackets) of each
# of its first characters, ``None`` for any character; shorter than the offsets asked when a match may end
# there (then any character, or none, may follow).
Reading = tuple[str | None, ...]
# More readings than this for one pattern: it is read as one (the classes of class_at, joined).
_MAX_READINGS = 64


def _item_readings(op: Any, av: Any, k: int) -> list[Reading]:
    """The readings of one parsed item's first ``k`` characters (see :func:`readings`)."""
    C = _C
    if op is C.LITERAL:
        return [(_esc(av),)]
    if op is C.IN:
        pieces = _class_pieces(av)
        return [("".join(pieces) if pieces else None,)]
    if op in (C.ANY, C.NOT_LITERAL):
        return [(None,)]
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return [()]  # consumes nothing (what it asserts is not read: more readings, never fewer)
    if op is C.BRANCH:
        out: list[Reading] = []
        for alt in av[1]:
            out.extend(_seq_readings(alt, k))
        return out
    if op is C.SUBPATTERN and not (av[1] or av[2]):
        return _seq_readings(av[3], k)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and _width(C.SUBPATTERN, (None, 0, 0, av[2]))[0] > 0:
        # n copies in a row for every n the repeat allows, up to k (k copies hold the first k characters)
        copy = (C.SUBPATTERN, (None, 0, 0, av[2]))
        out = []
        for n in range(min(av[0], k), min(av[1], k) + 1):
            out.extend(_seq_readings([copy] * n, k))
        return out
    return [(None,) * k]  # not known here: any character from here on


def _seq_readings(seq: Any, k: int) -> list[Reading]:
    """The readings of a parsed sequence's first ``k`` characters, each once."""
    done: list[Reading] = []
    partial: list[Reading] = [()]  # what the items read so far may hold, shorter than k
    for op, av in seq:
        items = _item_readings(op, av, k)
        after: list[Reading] = []
        for p in partial:
            for t in items:
                q = (p + t)[:k]
                (done if len(q) == k else after).append(q)
        partial = list(dict.fromkeys(after))
        if not partial:
            break
    return list(dict.fromkeys(done + partial))


def readings(pattern: str, k: int) -> list[Reading] | None:
    """The classes of the first ``k`` characters of ``pattern``'s matches, read branch by branch: every
    match's first characters are held by one reading at least (``(?:19|20)\\d{2}年|\\d{1,2}月`` reads
    ``("1", "9", "\\d")``, ``("2", "0", "\\d")``, ``("\\d", "\\d", "月")`` and ``("\\d", "月")``, where the
    classes at each offset alone let 245 through). ``None`` when the pattern cannot be read."""
    if _P is None:
        return None
    try:
        out = _seq_readings(_P.parse(pattern).data, k)
    except Exception:  # noqa: BLE001 - a construct the walk does not know: no filter
        return None
    return out if len(out) <= _MAX_READINGS else None


def optional_groups_as_branches(pattern: str) -> str:
    """``pattern`` with every greedy optional non-capturing group ``(?:X)?`` written ``(?:X|)``."""
    out: list[str] = []
    opened: list[tuple[int, bool]] = []  # where each open group starts in ``out``, and whether it is (?:
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if c == "(":
            opened.append((len(out), pattern.startswith("(?:", i)))
            out.append(c)
            i += 1
            continue
        if c == ")" and opened:
            at, plain_group = opened.pop()
            out.append(c)
            if plain_group and pattern[i + 1 : i + 2] == "?" and pattern[i + 2 : i + 3] not in ("?", "+"):
                body = "".join(out[at:])
                del out[at:]
                out.append(body[:-1] + "|)")
                i += 2
                continue
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _lead_pattern(lead: str, reads: Sequence[Reading]) -> re.Pattern[str]:
    """The positions worth a look: a character of ``lead`` followed by one that some reading holds
    second, or standing where a reading may end after one character (已, also at the text's end). The
    other positions of ``lead`` hold no reading's first two characters: the regex engine passes them
    over, not the loop (about a third of them in running text)."""
    seconds = "".join(dict.fromkeys(c for r in reads if len(r) > 1 and (c := r[1]) is not None))
    ends = [r[0] if r else None for r in reads if len(r) < 2 or r[1] is None]
    if None in ends or not seconds:
        return re.compile(f"[{lead}]")  # a reading that opens with any character: every position of lead
    alone = f"|(?<=[{''.join(dict.fromkeys(c for c in ends if c is not None))}])" if ends else ""
    return re.compile(f"[{lead}](?:(?=[{seconds}]){alone})")


class Alternation:
    """Named alternatives without groups of their own, searched as
    ``(?=[lead])(?:(?P<n1>p1)|(?P<n2>p2)|…)`` would be (see the module docstring)."""

    def __init__(
        self, alternatives: Sequence[tuple[str, str]], lead: str, needs: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        """``needs``: for an alternative (by name), words one of which every match of it holds or looks ahead
        at; a text that holds none of them is searched without that alternative (it fails everywhere there)."""
        self._alts = [(name, optional_groups_as_branches(p)) for name, p in alternatives]
        self.plain = re.compile(f"(?=[{lead}])(?:" + "|".join(f"(?P<{n}>{p})" for n, p in alternatives) + ")")
        self._lead = re.compile(f"[{lead}]")
        # The readings of every alternative's first characters (bit j of a mask: reading j, of alternative
        # owner[j]); an alternative whose readings cannot be listed is read by its classes at each offset.
        k_max = len(OFFSETS)
        reads: list[Reading] = []
        self._owner: list[int] = []
        for i, (_, p) in enumerate(alternatives):
            listed = readings(p, k_max) or [tuple(class_at(p, k) for k in OFFSETS)]
            reads.extend(listed)
            self._owner.extend([i] * len(listed))
        # for each offset: the readings that hold any character there (or may have ended), and each class
        # read there with the readings that hold it
        self._anywhere: list[int] = []
        self._classes: list[list[tuple[re.Pattern[str], int]]] = []
        for k in OFFSETS:
            bits: dict[str, int] = {}
            anywhere = 0
            for j, r in enumerate(reads):
                c = r[k] if k < len(r) else None
                if c is None:
                    anywhere |= 1 << j
                else:
                    bits[c] = bits.get(c, 0) | 1 << j
            self._anywhere.append(anywhere)
            self._classes.append([(re.compile(f"[{c}]"), b) for c, b in bits.items()])
        self._lead = _lead_pattern(lead, reads)
        # the words each alternative with needs needs, with the readings it does not own (what is kept of a
        # mask where none of the words stands), and every word needed, each once
        index = {name: i for i, (name, _) in enumerate(alternatives)}
        every = (1 << len(reads)) - 1
        self._needs: list[tuple[tuple[str, ...], int]] = [
            (tuple(words), every ^ sum(1 << j for j, i in enumerate(self._owner) if i == index[name]))
            for name, words in (needs or {}).items()
        ]
        self._words = tuple(dict.fromkeys(w for words, _ in self._needs for w in words))
        # what is kept of a mask in a text that holds none of the words (most of the short texts searched): the
        # readings every alternative with needs does not own, worked out once
        kept: int | None = None
        for _, others in self._needs:
            kept = others if kept is None else kept & others
        self._keep_if_none_held = kept
        # bit j: reading j may hold the character at that offset (made on first sight of the character)
        self._masks: list[dict[str, int]] = [{} for _ in OFFSETS]
        # the readings a match may hold the three characters at a position in (those of the three offsets
        # together): one slice and one lookup for a position, the loop's whole test; kept up to a bound
        self._by_three: dict[str, int] = {}
        self._by_mask: dict[int, re.Pattern[str]] = {}
        self._by_alts: dict[int, re.Pattern[str]] = {}

    def _mask(self, k: int, ch: str) -> int:
        """The readings a match may hold ``ch`` in at offset ``k`` (``""``: the text ends before)."""
        mask = self._anywhere[k]
        if ch:
            for rx, bits in self._classes[k]:
                if rx.match(ch):
                    mask |= bits
        self._masks[k][ch] = mask
        return mask

    def _mask_of_three(self, three: str) -> int:
        """The readings a match may hold ``three`` in (the characters at offsets 0, 1 and 2; fewer where the
        text ends), kept while fewer than :data:`_THREES_KEPT` are."""
        mask = -1  # every reading, before the first character is read
        for k, masks in enumerate(self._masks):
            ch = three[k : k + 1]
            held = masks.get(ch)
            mask &= self._mask(k, ch) if held is None else held
            if not mask:
                break  # (no alternative opens with the characters so far: most runs)
        if len(self._by_three) < _THREES_KEPT:
            self._by_three[three] = mask
        return mask

    def alternatives_of(self, mask: int) -> int:
        """The alternatives (bit i: alternative i) that own a reading of ``mask``."""
        owner = self._owner
        return sum({1 << owner[j] for j in range(mask.bit_length()) if mask >> j & 1})

    def _for(self, mask: int) -> re.Pattern[str]:
        """The alternatives of the readings of ``mask`` (not 0), in their order, as one pattern (built on
        first use)."""
        alts_mask = self.alternatives_of(mask)
        rx = self._by_alts.get(alts_mask)
        if rx is None:
            alts = [alt for i, alt in enumerate(self._alts) if alts_mask >> i & 1]
            rx = self._by_alts[alts_mask] = re.compile("|".join(f"(?P<{n}>{p})" for n, p in alts))
        self._by_mask[mask] = rx
        return rx

    def finditer(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every match as (start, end, name, matched text), in text order, not overlapping."""
        out = []
        by_three = self._by_three  # (this loop is hot)
        by_mask = self._by_mask
        keep = None  # the readings of the alternatives that may match in this text (None: every one)
        if self._needs:
            held = {w for w in self._words if w in text}
            if not held:
                keep = self._keep_if_none_held
            else:
                for words, others in self._needs:
                    if held.isdisjoint(words):
                        keep = others if keep is None else keep & others
        pos = 0  # the end of the last match: the characters inside it are passed over
        for m in self._lead.finditer(text):
            p = m.start()
            if p < pos:
                continue
            three = text[p : p + 3]  # the characters at OFFSETS
            mask = by_three.get(three)
            if mask is None:
                mask = self._mask_of_three(three)
            if keep is not None:
                mask &= keep
            if not mask:
                continue  # no alternative opens with these characters (most positions): none to try
            rx = by_mask.get(mask) or self._for(mask)
            mm = rx.match(text, p)
            if mm is None:
                continue
            end = mm.end()
            if end == p:  # an empty match: the plain search's own step, rare and never hot
                return [(x.start(), x.end(), x.lastgroup or "", x.group(0)) for x in self.plain.finditer(text)]
            out.append((p, end, mm.lastgroup or "", mm.group(0)))
            pos = end
        return out
