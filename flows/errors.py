"""Errors of the pipeline (flows package).

    PressetlError
    ├── ConfigError          sources.yaml or settings unreadable or invalid (names file and field)
    ├── SourceError          a whole source failed (listing unreachable, directory missing)
    └── DocumentError        one page or file failed; becomes an errors row, the run goes on
        ├── FetchError       HTTP status, timeout, reset, too large, redirect refused, robots
        ├── DecodeError      bytes that no deliberate decoding reads
        ├── CleanError       empty page, not HTML, no article text
        └── LimitError       cleaning and extraction took longer than the time limit per document

Each carries ``url`` (or path) and ``stage`` so an errors row names where and why.
Translated into a readable message only at the edge (the CLI and the flow summary).
"""

from __future__ import annotations


class PressetlError(Exception):
    """Base class of pressetl's pipeline errors."""


class ConfigError(PressetlError):
    """The sources file or a setting is missing or invalid."""


class SourceError(PressetlError):
    """A whole source failed: nothing could be discovered from it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"source {source!r}: {reason}")
        self.source = source
        self.reason = reason


class DocumentError(PressetlError):
    """One document failed at one stage; the run goes on without it."""

    stage = "document"

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class FetchError(DocumentError):
    """The page could not be fetched (status, timeout, reset, size, redirect, robots)."""

    stage = "fetch"


class DecodeError(DocumentError):
    """The page's bytes could not be decoded as text."""

    stage = "decode"


class CleanError(DocumentError):
    """The page held no article text (empty, not HTML, furniture only)."""

    stage = "clean"


class LimitError(DocumentError):
    """The document took longer than the time limit per document; its stage is where it was."""

    def __init__(self, url: str, reason: str, stage: str) -> None:
        super().__init__(url, reason)
        self.stage = stage
