"""Loading a batch of processed documents: one transaction, idempotent on natural keys.

A batch arrives as Arrow tables and is merged with set-based SQL, never row by row. Running the
same batch twice (a retried task, a second run on unchanged input) adds nothing; a SIGKILL in
the middle leaves the previous state, since the whole batch commits at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from warehouse.sql import load_sql
from warehouse.stories import assign_stories

if TYPE_CHECKING:
    from extractors.model import Figure
    from flows.model import Document, Failure, Page


@dataclass(frozen=True, slots=True)
class Processed:
    """One page carried through cleaning and extraction."""

    page: Page
    document: Document
    figures: Sequence[Figure]
    # (name, version) naming the extraction: the set of extractors at its version. Figures are
    # stored under the first; each figure's own extractor/extractor_version (the module that
    # shaped it) is kept as module/module_version.
    extractors: Sequence[tuple[str, str]]


@dataclass(slots=True)
class LoadStats:
    documents_new: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    figures: int = 0
    failures: int = 0
    new_urls: list[str] = field(default_factory=list)
    changed_urls: list[str] = field(default_factory=list)

    def add(self, other: LoadStats) -> None:
        self.documents_new += other.documents_new
        self.documents_changed += other.documents_changed
        self.documents_unchanged += other.documents_unchanged
        self.figures += other.figures
        self.failures += other.failures
        self.new_urls += other.new_urls
        self.changed_urls += other.changed_urls


_PAGES = pa.schema([
    ("url", pa.string()), ("page_sha256", pa.string()), ("source", pa.string()), ("final_url", pa.string()),
    ("status", pa.int32()), ("headers", pa.string()), ("body", pa.binary()),
    ("fetched_at", pa.timestamp("us", tz="UTC")),
])
_DOCS = pa.schema([
    ("url", pa.string()), ("text_sha256", pa.string()), ("page_sha256", pa.string()), ("source", pa.string()),
    ("title", pa.string()), ("published_at", pa.date32()), ("author", pa.string()), ("site", pa.string()),
    ("encoding", pa.string()), ("text", pa.string()),
])
_EXTRACTIONS = pa.schema([
    ("url", pa.string()), ("text_sha256", pa.string()), ("extractor", pa.string()),
    ("extractor_version", pa.string()), ("figures", pa.int32()),
])
_FIGURES = pa.schema([
    ("url", pa.string()), ("text_sha256", pa.string()), ("extractor", pa.string()), ("extractor_version", pa.string()),
    ("module", pa.string()), ("module_version", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("mention", pa.string()), ("value", pa.float64()),
    ("value_high", pa.float64()), ("unit", pa.string()), ("unit_family", pa.string()),
    ("value_normalised", pa.float64()), ("unit_normalised", pa.string()), ("qualifier", pa.string()),
    ("comparison", pa.string()), ("subject", pa.string()), ("metric", pa.string()), ("kind", pa.string()),
    ("period_start", pa.date32()), ("period_end", pa.date32()), ("region", pa.string()),
    ("region_code", pa.string()), ("sentence", pa.string()), ("sentence_start", pa.int32()),
    ("sentence_end", pa.int32()),
    ("period_from", pa.string()), ("period_from_start", pa.int32()), ("period_from_end", pa.int32()),
    ("period_rule", pa.string()), ("region_from", pa.string()), ("region_from_start", pa.int32()),
    ("region_from_end", pa.int32()), ("region_rule", pa.string()),
])
_REGIONS = pa.schema([
    ("code", pa.string()), ("name", pa.string()), ("level", pa.string()), ("parent_code", pa.string()),
    ("province", pa.string()), ("lng", pa.float64()), ("lat", pa.float64()),
])
_FAILURES = pa.schema([("source", pa.string()), ("url", pa.string()), ("stage", pa.string()), ("reason", pa.string())])
_VALIDATORS = pa.schema([
    ("url", pa.string()), ("source", pa.string()), ("etag", pa.string()), ("last_modified", pa.string()),
    ("page_sha256", pa.string()), ("is_article", pa.bool_()),
])


def _table(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    rows = list(rows)
    return pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()


def _last_per_url(items: Sequence[Processed]) -> list[Processed]:
    seen: dict[str, Processed] = {}
    for p in items:
        seen[p.document.url] = p
    return list(seen.values())


def _region_rows(codes: set[str]) -> list[dict[str, Any]]:
    """The regions table's rows for the codes figures name, from the extractors' gazetteer (the
    warehouse stores what the extractors read; it reads the same table they do)."""
    from extractors.gazetteer import NATIONAL_CODE, gazetteer

    g = gazetteer()
    rows: list[dict[str, Any]] = []
    for code in sorted(codes):
        if code == NATIONAL_CODE:
            rows.append({"code": code, "name": "全国", "level": "country", "parent_code": None, "province": None,
                         "lng": None, "lat": None})
            continue
        d = g.get(code)
        if d is not None:
            rows.append({"code": d.code, "name": d.name, "level": d.level, "parent_code": d.parent_code or None,
                         "province": g.province(d).name, "lng": d.lng, "lat": d.lat})
    return rows


def load_batch(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    processed: Sequence[Processed] = (),
    failures: Sequence[Failure] = (),
    validators: Sequence[tuple[str, str, str | None, str | None, str | None, bool]] = (),
) -> LoadStats:
    """Merge one batch into the warehouse in a single transaction.

    validators: (url, source, etag, last_modified, page_sha256, is_article) for conditional GET.
    """
    items = _last_per_url(processed)
    now = datetime.now(UTC)
    pages = _table(
        (
            {
                "url": p.page.url, "page_sha256": p.page.sha256, "source": p.page.source,
                "final_url": p.page.final_url, "status": p.page.status,
                "headers": json.dumps(p.page.headers, ensure_ascii=False), "body": p.page.body,
                "fetched_at": p.page.fetched_at or now,
            }
            for p in items
        ),
        _PAGES,
    )
    docs = _table(
        (
            {
                "url": d.url, "text_sha256": d.text_sha256, "page_sha256": d.page_sha256, "source": d.source,
                "title": d.title, "published_at": d.published_at, "author": d.author, "site": d.site,
                "encoding": d.encoding, "text": d.text,
            }
            for d in (p.document for p in items)
        ),
        _DOCS,
    )
    extractions = _table(
        (
            {
                "url": p.document.url, "text_sha256": p.document.text_sha256, "extractor": name,
                "extractor_version": version,
                "figures": len(p.figures) if i == 0 else 0,
            }
            for p in items
            for i, (name, version) in enumerate(p.extractors)
        ),
        _EXTRACTIONS,
    )
    figures = _table(
        (
            {
                "url": p.document.url, "text_sha256": p.document.text_sha256, "extractor": p.extractors[0][0],
                "extractor_version": p.extractors[0][1], "module": f.extractor, "module_version": f.extractor_version,
                "start": f.start, "end": f.end, "mention": f.mention,
                "value": f.value, "value_high": f.value_high, "unit": f.unit, "unit_family": f.unit_family,
                "value_normalised": f.value_normalised, "unit_normalised": f.unit_normalised,
                "qualifier": f.qualifier, "comparison": f.comparison, "subject": f.subject, "metric": f.metric,
                "kind": f.kind, "period_start": f.period_start, "period_end": f.period_end, "region": f.region,
                "region_code": f.region_code, "sentence": f.sentence, "sentence_start": f.sentence_start,
                "sentence_end": f.sentence_end,
                "period_from": f.period_from, "period_from_start": f.period_from_start,
                "period_from_end": f.period_from_end, "period_rule": f.period_rule, "region_from": f.region_from,
                "region_from_start": f.region_from_start, "region_from_end": f.region_from_end,
                "region_rule": f.region_rule,
            }
            for p in items
            if p.extractors
            for f in p.figures
        ),
        _FIGURES,
    )
    regions = _table(_region_rows({f.region_code for p in items for f in p.figures if f.region_code}), _REGIONS)
    fails = _table(
        ({"source": f.source, "url": f.url, "stage": f.stage, "reason": f.reason} for f in failures), _FAILURES
    )
    vals = _table(
        (
            {"url": u, "source": s, "etag": e, "last_modified": lm, "page_sha256": sha, "is_article": art}
            for u, s, e, lm, sha, art in {v[0]: v for v in validators}.values()
        ),
        _VALIDATORS,
    )

    names = {"b_pages": pages, "b_docs": docs, "b_extractions": extractions, "b_figures": figures,
             "b_regions": regions, "b_failures": fails, "b_validators": vals}
    for name, table in names.items():
        con.register(name, table)
    params = {"run_id": run_id, "now": now}
    try:
        con.execute("BEGIN TRANSACTION")
        stats = LoadStats()
        con.execute(load_sql("doc_status"))
        for status, url in con.execute("SELECT status, url FROM b_doc_status ORDER BY url").fetchall():
            if status == "new":
                stats.documents_new += 1
                stats.new_urls.append(url)
            elif status == "changed":
                stats.documents_changed += 1
                stats.changed_urls.append(url)
            else:
                stats.documents_unchanged += 1
        for step in ("raw_pages", "documents", "figures", "regions", "extractions", "errors", "fetch_state"):
            con.execute(load_sql(step), {k: v for k, v in params.items() if f"${k}" in load_sql(step)})
            if step == "documents":  # new versions join the story of their release or start one
                assign_stories(con, now=now)
            if step == "figures":
                row = con.execute("SELECT count(*) FROM b_new_figures").fetchone()
                stats.figures = int(row[0]) if row else 0
        stats.failures = len(failures)
        con.execute("DROP TABLE IF EXISTS b_doc_status")
        con.execute("DROP TABLE IF EXISTS b_new_figures")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in names:
            con.unregister(name)
    return stats
