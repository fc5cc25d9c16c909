"""The project's own golden corpus as a gate: invented releases written for this
repository (tests/extractors/golden/*.json, annotated by ../shared/eval/GUIDE.md),
none of them taken from the dev set. Scored with a small copy of the shared
scorer's matching (span overlap and equal normalised value; strict when the
qualifier, kind, period, region and subject are all right too), so the gate
runs without ../shared. The gates sit a little below what the extractor reaches.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from extractors import extract
from extractors.textnorm import to_simplified

GOLDEN = Path(__file__).parent / "golden"

# Reached: value F1 0.998, strict F1 0.940 on 135 releases (extractor 0.12.0; 0.926 with 0.11.0, 0.908 with 0.10.0,
# 0.906 with 0.9.0 as scored by score.py, 0.895 when the gate was first set).
# Round eight (gold-801..830, 569 scored figures: messy pages, a phrase per line, forums, digests,
# no publication date, written blind), first run before any change for it: value F1 0.966, strict
# F1 0.703.
# Before round eight: value F1 0.997, strict F1 0.915 on 105 releases.
# Round seven (gold-701..728, 598 scored figures, written by an annotator who never saw the
# extractor), first run with 0.9.0 before any change for it: value F1 0.985, strict F1 0.803.
# Before round seven: value F1 1.000, strict F1 0.944 on 77 releases (extractor 0.9.0).
# Earlier, extractor 0.8.0: value F1 1.000, strict F1 0.928 on 77 releases.
# Round six (gold-601..606), first run with 0.7.1: value F1 1.000, strict F1 0.913.
# Round five (gold-501..511), first run with 0.6.0: value F1 0.981, strict F1 0.683.
# Before round five: value F1 1.000, strict F1 0.928 on 60 releases (extractor 0.6.0).
# Round four (gold-401..413), first run with 0.5.0: value F1 0.988, strict F1 0.601.
# Before round four: value F1 1.000, strict F1 0.914 on 47 releases (extractor 0.5.0).
# Round three (gold-301..314), first run with 0.4.0: value F1 1.000, strict F1 0.624.
# Before round three: value F1 1.000, strict F1 0.915 on 33 releases (extractor 0.4.0).
# Round one (gold-01..18): first run 0.982 / 0.539, 0.891 strict with 0.3.0.
# Round two (gold-201..215), first run with 0.3.0: value F1 0.981, strict F1 0.579.
VALUE_F1_GATE = 0.99
STRICT_F1_GATE = 0.95  # 0.9434 measured with extractor 0.13.0, 0.9449 with 0.14.0, 0.9547 with 0.15.0, 0.9552 with 0.16.0, 0.9557 with 0.17.0 and 0.18.0, 0.9566 with 0.19.0, 0.9571 with 0.20.0 and 0.20.1, 0.9575 with 0.21.0, 0.21.1, 0.22.0 and 0.23.0, 0.9580 with 0.24.0, 0.9589 with 0.25.0, 0.9594 with 0.26.0

MASS = {"克": 0.001, "斤": 0.5, "公斤": 1.0, "千克": 1.0, "吨": 1000.0, "噸": 1000.0, "毫克": 1e-6}
PCT = {"%", "％", "百分点", "个百分点"}
MONEY = {"元", "美元", "人民币", "人民幣"}
NUMERAL = set("0123456789.,０１２３４５６７８９零〇一二两兩三四五六七八九十百千万萬亿億")
PINYIN = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
ATTRS = ("qualifier", "kind", "period", "region", "subject")


def _norm_value(value: float, unit: str | None) -> tuple[str, float]:
    u = (unit or "").strip()
    for mult in ("万亿", "萬億", "亿", "億", "万", "萬", "千", "百"):
        if u.startswith(mult) and len(u) > len(mult):
            u = u[len(mult) :]
    if u in MASS:
        return "mass", float(value) * MASS[u]
    if u in PCT:
        return "pct", float(value)
    if u in MONEY:
        return "money", float(value)
    return "count", float(value)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 1e-4 * max(abs(a), abs(b)))


def _span_of(text: str, mention: str, used: set[int]) -> tuple[int, int] | None:
    """The first unused occurrence of ``mention`` that is not the tail of a longer number."""
    start = 0
    while True:
        i = text.find(mention, start)
        if i < 0:
            return None
        prev = text[i - 1] if i > 0 else ""
        if prev in ",." and not (i > 1 and text[i - 2].isdigit()):
            prev = ""
        inside = mention[:1] in NUMERAL and prev in NUMERAL and prev != ""
        if i not in used and not inside:
            used.add(i)
            return i, i + len(mention)
        start = i + 1


def _norm_text(s: str | None) -> str:
    return "".join(ch for ch in to_simplified(PINYIN.sub("", s or "")) if not ch.isspace())


def _subject_ok(g: Any, p: str) -> bool:
    if isinstance(g, list):
        return any(_subject_ok(x, p) for x in g)
    g, p = _norm_text(g), _norm_text(p)
    if not g or not p:
        return False
    if (g in p or p in g) and 0.5 <= len(p) / len(g) <= 2.0:
        return True
    common = sum((Counter(g) & Counter(p)).values())
    prec, rec = common / len(p), common / len(g)
    return prec + rec > 0 and 2 * prec * rec / (prec + rec) >= 0.6


def _region_ok(g: Any, p: str | None) -> bool:
    if isinstance(g, list):
        return any(_region_ok(x, p) for x in g)
    if g is None:
        return p in (None, "")
    if not p:
        return False
    g, p = _norm_text(g), _norm_text(p)

    def strip(s: str) -> str:
        return re.sub(r"(省|市|自治区|自治州|州|县|区|地区)$", "", s)

    return g in p or p in g or strip(g) == strip(p)


def _right(g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    return {
        "qualifier": p["qualifier"] == g["qualifier"],
        "kind": p["kind"] == g["kind"],
        "period": (p["period_start"], p["period_end"]) == (g["period_start"], g["period_end"]),
        "region": _region_ok(g["region"], p["region"]),
        "subject": _subject_ok(g["subject"], p["subject"]),
    }


def score_doc(doc: dict[str, Any], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """tp, fp, gold, strict and per-attribute counts of one document (as score.py)."""
    used: set[int] = set()
    gold = [(g, _span_of(doc["text"], g["mention"], used)) for g in doc["figures"]]
    matched: set[int] = set()
    tp = fp = strict = 0
    attrs = dict.fromkeys(ATTRS, 0)
    for p in preds:
        pf, pv = _norm_value(p["value"], p["unit"])
        hit = None
        for gi, (g, sp) in enumerate(gold):
            gf, gv = _norm_value(g["value"], g["unit"])
            if gi in matched or gf != pf or not _close(gv, pv) or sp is None:
                continue
            if p["start"] < sp[1] and sp[0] < p["end"]:
                hit = gi
                break
        if hit is None:
            fp += 1
            continue
        matched.add(hit)
        g = gold[hit][0]
        if g.get("optional"):
            continue
        tp += 1
        right = _right(g, p)
        for k in ATTRS:
            attrs[k] += right[k]
        strict += all(right.values())
    n_gold = sum(1 for g, _ in gold if not g.get("optional"))
    return {"tp": tp, "fp": fp, "gold": n_gold, "strict": strict, "attrs": attrs}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _docs() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*.json"))]


def test_golden_corpus_is_well_formed() -> None:
    docs = _docs()
    assert len(docs) >= 16
    for doc in docs:
        assert doc["id"] and doc["figures"], doc["id"]
        for f in doc["figures"]:
            assert f["mention"] in doc["text"], (doc["id"], f["mention"])
            assert f["qualifier"] in ("exact", "approx", "over", "under")
            assert f["kind"] in ("aggregate", "event")
            assert isinstance(f["value"], int | float)
            for k in ("period_start", "period_end"):
                assert f[k] is None or date.fromisoformat(f[k])


@pytest.mark.parametrize("doc", _docs(), ids=lambda d: d["id"])
def test_golden_document_finds_every_figure(doc: dict[str, Any]) -> None:
    """Per document: no required figure missed and no stray figure (value level)."""
    published = date.fromisoformat(doc["published"]) if doc.get("published") else None
    s = score_doc(doc, [f.to_json() for f in extract(doc["text"], published=published)])
    assert s["tp"] >= s["gold"] - 1 and s["fp"] <= 1, s


def test_golden_scores_hold() -> None:
    tp = fp = gold = strict = 0
    for doc in _docs():
        published = date.fromisoformat(doc["published"]) if doc.get("published") else None
        s = score_doc(doc, [f.to_json() for f in extract(doc["text"], published=published)])
        tp, fp, gold, strict = tp + s["tp"], fp + s["fp"], gold + s["gold"], strict + s["strict"]
    value_f1 = _f1(tp / max(1, tp + fp), tp / max(1, gold))
    strict_f1 = _f1(strict / max(1, tp + fp), strict / max(1, gold))
    assert value_f1 >= VALUE_F1_GATE, f"golden value F1 {value_f1:.4f} < {VALUE_F1_GATE}"
    assert strict_f1 >= STRICT_F1_GATE, f"golden strict F1 {strict_f1:.4f} < {STRICT_F1_GATE}"


# The same release set out differently by a page: punctuation in full or half width, page furniture
# around it. None of these changes what the release states, so none may change a row.
_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"})
_HALF = str.maketrans({v: k for k, v in {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}.items()})
LAYOUTS = {
    "full-width punctuation": lambda t: t.translate(_FULL),
    "half-width punctuation": lambda t: t.translate(_HALF),
    "page furniture around it": lambda t: (
        "首页 > 新闻中心 > 本地要闻\n【字体:大 中 小】 打印本页\n" + t
        + "\n责任编辑:王某\n分享到:微信 微博\n上一篇:全市召开安全生产工作会议\n"
    ),
}


def _rows(text: str, published: date | None) -> list[tuple[Any, ...]]:
    return [
        (f.value, f.unit, f.qualifier, f.kind, f.period_start, f.period_end, f.region, f.subject.translate(_HALF))
        for f in extract(text, published=published)
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_release_set_out_differently_gives_the_same_rows(layout: str) -> None:
    changed = []
    for doc in _docs():
        published = date.fromisoformat(doc["published"]) if doc.get("published") else None
        if _rows(doc["text"], published) != _rows(LAYOUTS[layout](doc["text"]), published):
            changed.append(doc["id"])
    assert not changed, f"{layout}: rows differ in {changed}"


def test_a_page_that_sets_every_sentence_apart_scores_as_well() -> None:
    # a paragraph per sentence does lose something: a paragraph's place or time now holds for one
    # sentence only (measured: in 3 of 135 releases a case told over several sentences gets the city
    # instead of the district for some rows; the scores did not move); the scores must stay
    def strict(apart: bool) -> float:
        tp = fp = gold = right = 0
        for doc in _docs():
            published = date.fromisoformat(doc["published"]) if doc.get("published") else None
            text = re.sub(r"。(?=[^\n”」』）)])", "。\n", doc["text"]) if apart else doc["text"]
            s = score_doc(dict(doc, text=text), [f.to_json() for f in extract(text, published=published)])
            tp, fp, gold, right = tp + s["tp"], fp + s["fp"], gold + s["gold"], right + s["strict"]
        return _f1(right / max(1, tp + fp), right / max(1, gold))

    assert strict(apart=True) >= strict(apart=False) - 0.005
