from __future__ import annotations

from datetime import date

import pytest

from extractors.model import Figure
from flows.cpu import figure_row
from flows.model import Document, Page
from warehouse.records import Processed


def make_processed(url: str, text: str, *, source: str = "s1", extractor_version: str = "1",
                   values: tuple[float, ...] = (5453.0,)) -> Processed:
    page = Page(url=url, source=source, body=("<html><body>" + text + "</body></html>").encode())
    doc = Document(url=url, source=source, text=text, title="t", published_at=date(2018, 6, 26), author=None,
                   site=None, encoding="utf-8", page_sha256=page.sha256)
    figs = [
        Figure(mention=f"{v:g}起", start=i * 10, end=i * 10 + 5, value=v, unit="起", qualifier="exact",
               subject="破获毒品刑事案件", kind="aggregate", period_start=date(2018, 1, 1),
               period_end=date(2018, 5, 31), region="云南省", sentence=text, sentence_start=0,
               sentence_end=len(text), extractor="figures", extractor_version=extractor_version,
               metric="drug_cases_solved", region_code="530000")
        for i, v in enumerate(values)
    ]
    return Processed(page=page.record(), document=doc.record(), figures=[figure_row(f) for f in figs],
                     extractors=[("figures", extractor_version)])


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "w.duckdb"
