"""Figure is built through stored_by_slot's __init__: the same parameters, defaults and checks as the one
dataclasses writes, and still frozen."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import date

import pytest

from extractors.model import Figure, stored_by_slot

_REQUIRED = dict(
    mention="破获案件386起", start=4, end=12, value=386.0, unit="起", qualifier="exact", subject="案件",
    kind="aggregate", period_start=date(2024, 1, 1), period_end=date(2024, 5, 31), region="云南省",
    sentence="今年1至5月，全省破获案件386起。", sentence_start=0, sentence_end=18, extractor="generic",
    extractor_version="15",
)


def test_keywords_positions_and_defaults() -> None:
    by_keyword = Figure(**_REQUIRED)  # type: ignore[arg-type]
    by_position = Figure(*_REQUIRED.values())  # type: ignore[arg-type]
    assert by_keyword == by_position and hash(by_keyword) == hash(by_position)
    for fd in dataclasses.fields(Figure):
        expected = _REQUIRED[fd.name] if fd.name in _REQUIRED else fd.default
        assert getattr(by_keyword, fd.name) == expected
    assert by_keyword.unit_family == "count" and by_keyword.metric is None
    with_metric = dataclasses.replace(by_keyword, metric="narcotics.cases", unit_family="count")
    assert with_metric.metric == "narcotics.cases" and with_metric.start == 4


def test_same_signature_as_the_dataclass_one() -> None:
    params = inspect.signature(Figure).parameters
    assert list(params) == [fd.name for fd in dataclasses.fields(Figure)]
    assert params["start"].annotation == "int"
    with pytest.raises(TypeError):
        Figure(**{k: v for k, v in _REQUIRED.items() if k != "subject"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Figure(**_REQUIRED, colour="red")  # type: ignore[call-arg, arg-type]


def test_still_frozen() -> None:
    f = Figure(**_REQUIRED)  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 5  # type: ignore[misc]


def test_refuses_what_it_cannot_write() -> None:
    with pytest.raises(TypeError):

        @stored_by_slot
        @dataclasses.dataclass(frozen=True, slots=True)
        class WithFactory:
            items: list[int] = dataclasses.field(default_factory=list)
