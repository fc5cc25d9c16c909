"""Small typed values passed between the pipeline's stages.

    discover+fetch (flows.fetching.acquire)  ->  Page | Failure
    clean          (flows.cleaning.clean)    ->  Document
    extract        (extractors)     ->  list[Figure]
    load           (warehouse)      ->  rows, idempotent on natural keys

Failure is the warehouse's own record (warehouse.records), re-exported here: the stages pass it
down unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from warehouse.records import DocumentRecord, Failure, PageRecord

__all__ = ["Acquired", "Document", "Failure", "Page", "SeenUrl"]


@dataclass(frozen=True, slots=True)
class Page:
    """Raw bytes of one article as fetched (or read from a file or archive)."""

    url: str  # canonical URL; file:///abs/path for local files
    source: str
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # response headers, lower-cased names
    final_url: str | None = None  # after redirects, when different
    fetched_at: datetime | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    def record(self) -> PageRecord:
        """The page as the warehouse stores it."""
        return PageRecord(url=self.url, source=self.source, body=self.body, page_sha256=self.sha256,
                          status=self.status, headers=self.headers, final_url=self.final_url,
                          fetched_at=self.fetched_at)


@dataclass(frozen=True, slots=True)
class Document:
    """The article cleaned from a page: text and metadata."""

    url: str
    source: str
    text: str
    title: str | None
    published_at: date | None  # from the page's own dateline first, htmldate as a fallback
    author: str | None
    site: str | None
    encoding: str  # the encoding the bytes were decoded with (utf-8, gb18030, big5, ...)
    page_sha256: str

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def record(self) -> DocumentRecord:
        """The document as the warehouse stores it."""
        return DocumentRecord(url=self.url, source=self.source, text=self.text, text_sha256=self.text_sha256,
                              page_sha256=self.page_sha256, title=self.title, published_at=self.published_at,
                              author=self.author, site=self.site, encoding=self.encoding)


@dataclass(frozen=True, slots=True)
class SeenUrl:
    """What the warehouse knows of an article URL, for incremental runs."""

    url: str
    etag: str | None
    last_modified: str | None
    page_sha256: str | None


@dataclass(slots=True)
class Acquired:
    """What acquiring one source gave: pages to process and what failed or was skipped."""

    source: str
    pages: list[Page] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    fetched: int = 0  # pages fetched or read (kept in pages, or handed to a consumer as they came)
    discovered: int = 0  # article URLs discovered (before skipping seen ones)
    skipped: int = 0  # seen before and not re-checked, or 304 Not Modified
    fatal: str | None = None  # the whole source failed (listing unreachable, folder missing)
    interrupted: bool = False  # a stop was requested: what is here is what came before it
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # url -> (etag, last-modified)
