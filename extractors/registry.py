"""The extractors, in the order they run.

A *recogniser* reads a text and returns figures; a *refiner* (a domain module)
takes those figures and returns them with what it knows added (a canonical
``metric``). Each is registered once, by name; every figure records the name
and version of the extractor that last shaped it.

    @register("narcotics", "1")
    def assign(figures, text): ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from extractors.errors import DuplicateExtractor

Stage = Literal["recognise", "refine"]
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    version: str
    stage: Stage
    func: Callable[..., Any]


EXTRACTORS: list[Extractor] = []


def register(name: str, version: str, *, stage: Stage = "refine") -> Callable[[F], F]:
    """Add the decorated function to :data:`EXTRACTORS`; a name may be taken once."""

    def deco(func: F) -> F:
        if any(e.name == name for e in EXTRACTORS):
            raise DuplicateExtractor(f"an extractor named {name!r} is already registered")
        EXTRACTORS.append(Extractor(name, version, stage, func))
        return func

    return deco


def stage(kind: Stage) -> list[Extractor]:
    """The registered extractors of one stage, in registration order."""
    return [e for e in EXTRACTORS if e.stage == kind]
