"""Scanning a text with many alternatives, with the very matches of the plain alternation.

A pattern of many named alternatives (``(?P<a>…)|(?P<b>…)|…``: at a position they are tried in order
and the first that matches wins) makes the regex engine try every alternative at every position
where one may open: a few microseconds a position with forty alternatives. :class:`Alternation`
finds the same matches (the same positions, ends and alternatives) trying at a position only the
alternatives that can open with the character there, still in their own order; an alternative
that cannot open with that character fails there anyway, so leaving it out changes no match.

The characters an alternative can open with are read off the parsed pattern; where that cannot be
told (a negated class, a flag, a part that may match nothing) the alternative is tried at every
position, which is always safe. So is the character after: an alternative whose matches are two
characters long or more, and that consumes no character outside its own *alphabet* (the characters
its literals and classes name), is left out where the next character is not in it (at 12.3% the
period patterns have no use for the ``.``, and none at 5453起 for 起). A group made optional with ``?`` is also written as a branch with
an empty alternative (``(?:X)?`` as ``(?:X|)``): the same matches in the same order of trial, and
cheaper for the engine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

try:  # the parser of the standard library's regex engine (Python 3.11 and later)
    import re._constants as _C
    import re._parser as _P
except ImportError:  # pragma: no cover - no such modules: every alternative is tried everywhere
    _P = None  # type: ignore[assignment]
    _C = None  # type: ignore[assignment]


def _first(seq: Any) -> tuple[list[str] | None, bool]:
    """(the character-class pieces a parsed subpattern can open with, ``None`` for any character;
    whether it can match the empty string)."""
    pieces: list[str] = []
    for op, av in seq:
        f, nullable = _first_op(op, av)
        if f is None:
            return None, False
        pieces.extend(f)
        if not nullable:
            return pieces, False
    return pieces, True


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


def _first_op(op: Any, av: Any) -> tuple[list[str] | None, bool]:
    C = _C
    if op is C.LITERAL:
        return [_esc(av)], False
    if op is C.IN:
        return _class_pieces(av), False  # None for a negated class or another category: any character
    if op is C.BRANCH:
        out, nullable = [], False
        for alt in av[1]:
            f, n = _first(alt)
            if f is None:
                return None, False
            out.extend(f)
            nullable = nullable or n
        return out, nullable
    if op is C.SUBPATTERN:
        add_flags, del_flags, p = av[1], av[2], av[3]
        if add_flags or del_flags:
            return None, False
        return _first(p)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, p = av[0], av[2]
        f, n = _first(p)
        return f, n or lo == 0
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return [], True  # zero width: the class of what follows stands
    return None, False  # a back reference, any character, what is not known here


def _alphabet(seq: Any, out: list[str]) -> bool:
    """Add to ``out`` the character-class pieces of every character a parsed subpattern can consume
    (what a look-around reads is not consumed); ``False`` when that is any character."""
    C = _C
    for op, av in seq:
        if op is C.LITERAL:
            out.append(_esc(av))
        elif op is C.IN:
            pieces = _class_pieces(av)
            if pieces is None:
                return False  # a negated class, another category
            out.extend(pieces)
        elif op is C.BRANCH:
            if not all(_alphabet(alt, out) for alt in av[1]):
                return False
        elif op is C.SUBPATTERN:
            if av[1] or av[2] or not _alphabet(av[3], out):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            if not _alphabet(av[2], out):
                return False
        elif op not in (C.ASSERT, C.ASSERT_NOT, C.AT):
            return False  # any character, a back reference, what is not known here
    return True


def alphabet_class(pattern: str) -> str | None:
    """A character class (without its brackets) of every character a match of ``pattern`` can hold
    outside its look-arounds; ``None`` when that cannot be told, or a match may be shorter than two
    characters (then the character after the first says nothing)."""
    if _P is None:
        return None
    try:
        parsed = _P.parse(pattern)
        out: list[str] = []
        if parsed.getwidth()[0] < 2 or not _alphabet(parsed.data, out) or not out:
            return None
    except Exception:  # noqa: BLE001 - a construct the walk does not know: no filter
        return None
    return "".join(out)


def opening_class(pattern: str) -> str | None:
    """A character class (without its brackets) of the characters a match of ``pattern`` can open
    with; ``None`` when that cannot be told, or a match may be empty."""
    if _P is None:
        return None
    try:
        f, nullable = _first(_P.parse(pattern).data)
    except Exception:  # noqa: BLE001 - a construct the walk does not know: tried everywhere
        return None
    if f is None or nullable or not f:
        return None
    return "".join(f)


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


class Alternation:
    """Named alternatives without groups of their own, searched as
    ``(?=[lead])(?:(?P<n1>p1)|(?P<n2>p2)|…)`` would be (see the module docstring)."""

    def __init__(self, alternatives: Sequence[tuple[str, str]], lead: str) -> None:
        self._alts = [(name, optional_groups_as_branches(p)) for name, p in alternatives]
        self.plain = re.compile(f"(?=[{lead}])(?:" + "|".join(f"(?P<{n}>{p})" for n, p in alternatives) + ")")
        self._lead = re.compile(f"[{lead}]")
        classes = [opening_class(p) for _, p in alternatives]
        self._opens = [re.compile(f"[{c}]") if c is not None else None for c in classes]
        alphabets = [alphabet_class(p) for _, p in alternatives]
        self._alphabets = [re.compile(f"[{c}]") if c is not None else None for c in alphabets]
        # bit i: alternative i may open with the character / may go on with the character after it
        self._open_mask: dict[str, int] = {}
        self._next_mask: dict[str, int] = {}
        self._by_mask: dict[int, re.Pattern[str] | None] = {}

    def _opening(self, ch: str) -> int:
        mask = self._open_mask[ch] = sum(1 << i for i, rx in enumerate(self._opens) if rx is None or rx.match(ch))
        return mask

    def _going_on(self, ch: str) -> int:
        """The alternatives a match may go on with ``ch`` in (``""``: the text ends after the first)."""
        mask = self._next_mask[ch] = sum(
            1 << i for i, rx in enumerate(self._alphabets) if rx is None or ch and rx.match(ch)
        )
        return mask

    def _for(self, mask: int) -> re.Pattern[str] | None:
        """The alternatives of ``mask``, in their order, as one pattern (built on first use)."""
        alts = [alt for i, alt in enumerate(self._alts) if mask >> i & 1]
        rx = self._by_mask[mask] = re.compile("|".join(f"(?P<{n}>{p})" for n, p in alts)) if alts else None
        return rx

    def finditer(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every match as (start, end, name, matched text), in text order, not overlapping."""
        out = []
        open_mask, next_mask, by_mask = self._open_mask, self._next_mask, self._by_mask
        pos = 0  # the end of the last match: the characters inside it are passed over
        for m in self._lead.finditer(text):
            p = m.start()
            if p < pos:
                continue
            ch, nxt = text[p], text[p + 1 : p + 2]
            mask = (open_mask[ch] if ch in open_mask else self._opening(ch)) & (
                next_mask[nxt] if nxt in next_mask else self._going_on(nxt)
            )
            rx = by_mask[mask] if mask in by_mask else self._for(mask)
            mm = rx.match(text, p) if rx is not None else None
            if mm is None:
                continue
            if mm.end() == p:  # an empty match: the plain search's own step, rare and never hot
                return [(x.start(), x.end(), x.lastgroup or "", x.group(0)) for x in self.plain.finditer(text)]
            out.append((p, mm.end(), mm.lastgroup or "", mm.group(0)))
            pos = mm.end()
        return out
