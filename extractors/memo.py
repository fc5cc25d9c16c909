"""Results kept for the document being read.

Some helpers are asked the same question several times for one document (the subject of a figure
strips the same clause of its lead words more than once, looks it up in the gazetteer again after
stripping changed nothing). :func:`per_document` keeps the answers of such a helper, a pure function
of its arguments, until the next document begins (:func:`new_document`, called by the recogniser):
what is kept stays small, and no answer outlives the document it was asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_CACHES: list[dict[tuple[Any, ...], Any]] = []
_MISSING = object()  # what a cache answers for a question not asked yet (an answer may be None)


def per_document(func: F) -> F:
    """``func`` with its answers kept until the next document. Only for a pure function of hashable
    positional arguments whose answer callers do not change; a call with keywords is not kept."""
    cache: dict[tuple[Any, ...], Any] = {}
    _CACHES.append(cache)

    @functools.wraps(func)
    def kept(*args: Any, **kwargs: Any) -> Any:
        if kwargs:
            return func(*args, **kwargs)
        # (a lookup that answers None when nothing is kept: nineteen calls in twenty are asked first, and a
        # KeyError raised for each costs more than the call it spares)
        out = cache.get(args, _MISSING)
        if out is _MISSING:
            out = cache[args] = func(*args)
        return out

    return kept  # type: ignore[return-value]


def new_document() -> None:
    """Forget every kept answer: a new document begins."""
    for cache in _CACHES:
        cache.clear()
