"""Errors of the extractors package.

    ExtractorError
    └── DuplicateExtractor   a second extractor registered under a name already taken

Extraction itself never raises on odd text: no figures is ``[]``.
"""


class ExtractorError(Exception):
    """Base class of the extractors package's errors."""


class DuplicateExtractor(ExtractorError):
    """An extractor was registered under a name that is already taken."""
