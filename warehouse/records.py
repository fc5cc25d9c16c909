"""What a batch load takes: the warehouse's own input records.

The warehouse sits below the flows and beside the extractors; it imports neither. Callers turn
their pages, documents and figures into these records (flows/pipeline.py does, in the worker
process that cleaned the page), and `warehouse.load.load_batch` turns the records into Arrow
tables.

    PageRecord      a page as fetched: bytes and headers          -> raw_pages
    DocumentRecord  the text cleaned from it, with its metadata   -> documents
    figure rows     one tuple per figure, its values in the order -> extracted_figures
                    of FIGURE_COLUMNS (tuples: cheap to pickle
                    from a worker process and to turn into columns)
    Failure         one thing that went wrong                     -> errors
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# The per-figure columns of extracted_figures that a figure row carries (the document's URL, its
# text hash and the extraction's name and version are added by the load).
FIGURE_COLUMNS: tuple[str, ...] = (
    "module", "module_version", "start", "end", "mention", "value", "value_high", "unit", "unit_family",
    "value_normalised", "unit_normalised", "qualifier", "comparison", "subject", "metric", "kind",
    "period_start", "period_end", "region", "region_code", "sentence", "sentence_start", "sentence_end",
    # where the period and the region came from: the phrase, its offsets, the rule (migration 002)
    "period_from", "period_from_start", "period_from_end", "period_rule", "region_from", "region_from_start",
    "region_from_end", "region_rule",
)


@dataclass(frozen=True, slots=True)
class PageRecord:
    """Raw bytes of one page, as fetched or read."""

    url: str
    source: str
    body: bytes
    page_sha256: str
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    final_url: str | None = None
    fetched_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """The text cleaned from a page, and its metadata."""

    url: str
    source: str
    text: str
    text_sha256: str
    page_sha256: str
    title: str | None
    published_at: date | None
    author: str | None
    site: str | None
    encoding: str
    simhash: int | None = None  # warehouse.stories.fingerprint(text), when the caller computed it


@dataclass(frozen=True, slots=True)
class Failure:
    """One thing that went wrong, for the errors table and the run summary."""

    source: str
    url: str | None  # URL or file path
    stage: str  # discover | fetch | decode | clean | extract | load | config
    reason: str


@dataclass(frozen=True, slots=True)
class Processed:
    """One page carried through cleaning and extraction."""

    page: PageRecord
    document: DocumentRecord
    figures: Sequence[tuple[Any, ...]]  # rows in the order of FIGURE_COLUMNS
    # (name, version) naming the extraction: the set of extractors at its version. Figures are
    # stored under the first; each row's module/module_version names the module that shaped it.
    extractors: Sequence[tuple[str, str]]
