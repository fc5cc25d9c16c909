"""The small typed values the extractors return."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from datetime import date
from typing import Any, Literal, TypeVar

Qualifier = Literal["exact", "approx", "over", "under"]
Kind = Literal["aggregate", "event"]
Comparison = Literal["yoy", "mom", "share"]

C = TypeVar("C", bound=type)


# A class of this many fields or more is filled through its twin (see stored_by_slot): the two changes of class
# cost about what seven setters do. The marks, periods and contexts (two to four fields) keep their setters, and
# so does a class with a base of its own (a phrase is Generic): only a figure is filled through its twin.
_TWIN_FROM = 8


def stored_by_slot(cls: C) -> C:
    """A frozen dataclass with slots, built through an ``__init__`` that stores each field with its slot's
    own setter.

    The ``__init__`` dataclasses writes for a frozen class stores a field with ``object.__setattr__(self,
    name, value)``, which finds the slot by its name in the class on every call. A figure has 31 fields and
    each is built once by the recogniser and again when a refiner gives it a metric: that lookup was about
    half of the 4 µs a figure took to build (the marks, periods and phrases the recogniser builds for every
    period phrase are built the same way). The setters are looked up once here instead. The new
    ``__init__`` is written out from the fields as dataclasses writes its own (same parameters, order and
    defaults); the class stays frozen, compared and hashed by dataclasses' methods.

    A class of many fields (a figure) is filled faster still through its *twin*: a plain class with the same
    slots, which may take the instance's place (``__class__``) since their layouts are the same. The new
    instance is made the twin's while its fields are stored, each by a plain assignment (the fastest store
    Python has: a setter is a call), then given back its own class: a figure is built in a third of the time.
    """
    fds = fields(cls)
    if any(fd.default_factory is not MISSING or not fd.init for fd in fds) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: only plain fields with plain defaults are stored by slot")
    params = ", ".join(fd.name if fd.default is MISSING else f"{fd.name}=_default_{fd.name}" for fd in fds)
    space: dict[str, Any] = {f"_default_{fd.name}": fd.default for fd in fds if fd.default is not MISSING}
    if len(fds) >= _TWIN_FROM and cls.__bases__ == (object,):
        twin = type(f"_{cls.__name__}Twin", (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
        body = (
            "    own = type(self)\n    _set_attr(self, '__class__', _twin)\n"
            + "".join(f"    self.{fd.name} = {fd.name}\n" for fd in fds)
            + "    _set_attr(self, '__class__', own)\n"
        )
        space.update(_set_attr=object.__setattr__, _twin=twin)
    else:
        body = "".join(f"    _set_{fd.name}(self, {fd.name})\n" for fd in fds)
        space.update({f"_set_{fd.name}": getattr(cls, fd.name).__set__ for fd in fds})
    exec(f"def __init__(self, {params}):\n{body}", space)  # the source is written above, from the fields
    init = space["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    written = vars(cls)["__init__"]  # the one dataclasses wrote
    init.__doc__, init.__annotations__ = written.__doc__, dict(written.__annotations__)
    cls.__init__ = init  # type: ignore[misc]
    return cls


@stored_by_slot
@dataclass(frozen=True, slots=True)
class Figure:
    """One stated figure of a text, with what it counts, when and where.

    Offsets are character offsets into the text given to the extractor (the
    original text, not a converted copy).
    """

    mention: str
    start: int
    end: int
    value: float
    unit: str  # the base unit as written, without the 万/亿 multiplier: 起, 名, 公斤, 元, %
    qualifier: Qualifier
    subject: str
    kind: Kind
    period_start: date | None
    period_end: date | None
    region: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    extractor: str
    extractor_version: str
    metric: str | None = None  # a canonical key where a domain module knows the subject
    region_code: str | None = None  # GB/T 2260 code, where the region is a division
    comparison: Comparison | None = None
    value_high: float | None = None  # the upper end of a range (3至5人); value is the lower end
    unit_family: str = "count"  # count | mass | money | percent | points | ratio | other
    value_normalised: float | None = None  # kilograms for mass, yuan for money, else value
    unit_normalised: str | None = None  # kg | yuan | % | the unit itself
    # provenance: the phrase of the text that set the period and the one that set the region (offsets
    # into the original text), and the rule that read them (None where nothing did)
    period_from: str | None = None
    period_from_start: int | None = None
    period_from_end: int | None = None
    period_rule: str | None = None
    region_from: str | None = None
    region_from_start: int | None = None
    region_from_end: int | None = None
    region_rule: str | None = None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("period_start", "period_end"):
            v = d[k]
            d[k] = v.isoformat() if v is not None else None
        return d
