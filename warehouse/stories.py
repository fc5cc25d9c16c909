"""Stories: a release and its reprints (other portals, other furniture, the same text) as one story.

Each new document version gets a 64-bit Simhash of its text (trafilatura's
``deduplication.Simhash``) and joins the story of the nearest document already stored whose
hash differs in at most ``SIMILAR_BITS`` bits and that was published within ``WINDOW_DAYS`` days
of it; otherwise it starts a story of its own. A story keeps the id its first document gave it.

Simhash samples whitespace-separated words, and Chinese has no spaces between words: the text is
handed to it as overlapping character trigrams of its letter-and-digit runs, so a changed clause
changes a few dozen tokens out of hundreds instead of one whole paragraph-token.

The thresholds are measured (docs/design.md): on the 64 releases of the evaluation set, two
different releases are never closer than 15 bits; a release with a source line and an editor
line added, or a breadcrumb and a dateline put before it, is at most 8 bits from itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pyarrow as pa

from warehouse.sql import load_sql, query_sql

SIMILAR_BITS = 10   # at most this many of the 64 bits differ within a story
WINDOW_DAYS = 31    # a reprint appears within a month of its release (when both dates are known)
MIN_TRIGRAMS = 8    # shorter texts join a story only when their hashes are equal

_RUN = re.compile(r"\w+")


def trigrams(text: str) -> list[str]:
    """Overlapping character trigrams of the text's letter-and-digit runs (runs of two kept whole)."""
    out: list[str] = []
    for run in _RUN.findall(text):
        if len(run) >= 3:
            out.extend(run[i:i + 3] for i in range(len(run) - 2))
        elif len(run) == 2:
            out.append(run)
    return out


def _short(text: str) -> bool:
    """Whether the text has fewer than MIN_TRIGRAMS trigrams (`trigrams`), counted without making them."""
    n = 0
    for run in _RUN.findall(text):
        n += len(run) - 2 if len(run) >= 3 else len(run) == 2
        if n >= MIN_TRIGRAMS:
            return False
    return True


def fingerprint(text: str) -> int:
    """The 64-bit Simhash of a document's text: trafilatura's ``Simhash`` of its trigrams, the
    same bits in a fraction of the time. Simhash adds one ±1 vector per token; here each
    distinct token's vector is added once, times its count (a sum does not depend on its order),
    so 10 MB of digits takes about a second and a half, not twenty."""
    from collections import Counter
    from string import punctuation

    from trafilatura.deduplication import Simhash, _vector_to_add

    counts: Counter[str] = Counter()
    for token, n in Counter(trigrams(text)).items():  # Simhash's own token filter, per distinct token
        if (t := token.strip(punctuation)).isalnum():
            counts[t] += n
    if not counts:  # Simhash falls back to other tokens: rare and short, let it
        return Simhash(" ".join(trigrams(text))).hash
    for shortest in range(4, 0, -1):  # Simhash keeps the longer tokens when there are 32 of them
        sample = {t: n for t, n in counts.items() if len(t) > shortest}
        if sum(sample.values()) >= 32:
            break
    else:
        sample = counts
    vector = [0] * 64
    for token, n in sample.items():
        for i, bit in enumerate(_vector_to_add(token, 64)):
            vector[i] += bit * n
    return sum(1 << i for i in range(64) if vector[i] >= 0)


def distance(a: int, b: int) -> int:
    """Bits in which two fingerprints differ."""
    return (a ^ b).bit_count()


@dataclass(frozen=True, slots=True)
class _New:
    url: str
    version: int
    published_at: date | None
    simhash: int
    short: bool


_NEW = pa.schema([("url", pa.string()), ("version", pa.int32()), ("simhash", pa.uint64()),
                  ("published_at", pa.date32()), ("hex", pa.string())])
_STORIES = pa.schema([("url", pa.string()), ("version", pa.int32()), ("simhash", pa.uint64()),
                      ("story_id", pa.string())])


def _close(a: _New, b: _New) -> bool:
    if a.published_at and b.published_at and abs((a.published_at - b.published_at).days) > WINDOW_DAYS:
        return False
    bits = 0 if a.short or b.short else SIMILAR_BITS
    return distance(a.simhash, b.simhash) <= bits


def assign_stories(con: duckdb.DuckDBPyConnection, *, now: datetime,
                   fingerprints: Mapping[tuple[str, str], int] | None = None) -> int:
    """Give every document version without a story one; returns how many were given.

    Runs inside the caller's transaction (a batch load), so a batch and its stories commit together.
    ``fingerprints`` maps (url, sha256 of the text) to fingerprints the caller computed already
    (the pipeline does it in its worker processes); the others are computed here.
    """
    rows = con.execute(query_sql("unstoried_documents")).fetchall()
    if not rows:
        return 0
    known = fingerprints or {}
    new = []
    for url, version, published_at, text in rows:
        simhash = known.get((url, hashlib.sha256(text.encode("utf-8")).hexdigest())) if known else None
        new.append(_New(url, version, published_at, fingerprint(text) if simhash is None else simhash,
                        _short(text)))
    table = pa.Table.from_pylist(
        [{"url": n.url, "version": n.version, "simhash": n.simhash, "published_at": n.published_at,
          "hex": f"{n.simhash:016x}"} for n in new], schema=_NEW)
    con.register("b_story_new", table)
    try:
        stored: dict[tuple[str, int], tuple[str, int]] = {
            (url, version): (story_id, dist) for url, version, story_id, dist in con.execute(
                query_sql("story_candidates"), {"bits": SIMILAR_BITS, "days": WINDOW_DAYS}).fetchall()
        }  # the nearest stored document of each
        taken = {r[0] for r in con.execute(
            "SELECT DISTINCT story_id FROM document_stories WHERE story_id[1:16] IN (SELECT hex FROM b_story_new)"
        ).fetchall()}
    finally:
        con.unregister("b_story_new")

    given: list[tuple[_New, str]] = []
    hashes: list[int] = []
    for n in new:
        story = _nearest(n, stored.get((n.url, n.version)), given, hashes)
        if story is None:
            story = f"{n.simhash:016x}"
            k = 2
            while story in taken:  # the same text again, outside the window: a story of its own
                story = f"{n.simhash:016x}-{k}"
                k += 1
            taken.add(story)
        given.append((n, story))
        hashes.append(n.simhash)

    con.register("b_stories", pa.Table.from_pylist(
        [{"url": n.url, "version": n.version, "simhash": n.simhash, "story_id": s} for n, s in given],
        schema=_STORIES))
    try:
        con.execute(load_sql("stories"), {"now": now})
    finally:
        con.unregister("b_stories")
    return len(given)


def _nearest(n: _New, stored: tuple[str, int] | None, given: Sequence[tuple[_New, str]],
             hashes: Sequence[int]) -> str | None:
    """The story of the nearest document, stored before or given earlier in this batch
    (``hashes``: the fingerprints of ``given``, in its order)."""
    best: tuple[int, str] | None = None
    if stored is not None and (not n.short or stored[1] == 0):
        best = (stored[1], stored[0])
    h, bits = n.simhash, 0 if n.short else SIMILAR_BITS
    # the bits first: nearly every pair of a batch is far apart, and one XOR tells (a batch of
    # 500 is 125,000 pairs); the other conditions only for the few within reach
    for i, other_hash in enumerate(hashes):
        d = (h ^ other_hash).bit_count()
        if d <= bits and (best is None or d < best[0]) and _close(n, given[i][0]):
            best = (d, given[i][1])
    return best[1] if best else None
