"""Re-extraction and backfills: the plain functions, then the flows under a Prefect test harness.

The extractor is replaced by a small one whose version a test can bump, which is the situation
re-extraction exists for.
"""

from __future__ import annotations

import re
import time
from datetime import date

import pytest

import extractors
from extractors.model import Figure
from flows import maintenance, pipeline
from flows.errors import ConfigError
from flows.settings import Settings
from warehouse.db import writing

DATED = {
    "jan.txt": "一月通报\n2024年1月10日\n全省破获案件12起。\n",
    "mar.txt": "三月通报\n2024年3月5日\n全省破获案件30起，抓获45人。\n",
    "jun.txt": "六月通报\n2024年6月20日\n全省破获案件7起。\n",
    "undated.txt": "无日期通报\n全省破获案件3起。\n",
}


class FakeExtractor:
    """One figure per number in the text, under a version the test sets."""

    def __init__(self) -> None:
        self.version = "1"
        self.calls = 0

    def __call__(self, text: str, published=None, region=None) -> list[Figure]:
        self.calls += 1
        out = []
        for m in re.finditer(r"\d+", text):
            if self.version == "1" and len(out) == 1:
                break  # version 1 finds only the first number
            out.append(Figure(mention=m.group(), start=m.start(), end=m.end(), value=float(m.group()), unit="起",
                              qualifier="exact", subject="案件", kind="aggregate", period_start=None,
                              period_end=None, region=region, sentence=text, sentence_start=0,
                              sentence_end=len(text), extractor="figures", extractor_version=self.version))
        return out


@pytest.fixture
def fake_extractor(monkeypatch):
    fake = FakeExtractor()
    monkeypatch.setattr(extractors, "extract", fake, raising=False)
    monkeypatch.setattr(pipeline, "extractor_ids", lambda: [("figures", fake.version)])
    return fake


@pytest.fixture
def settings(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, text in DATED.items():
        (folder / name).write_text(text, encoding="utf-8")
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(
        "sources:\n"
        "  - name: police\n    kind: directory\n    path: releases\n    region: 云南省\n    group: yunnan\n"
        "  - name: other\n    kind: directory\n    path: releases\n    glob: ['jan.txt']\n    group: stats\n",
        encoding="utf-8",
    )
    # workers=0, document_seconds=0: cleaning and extraction in this process, where the stand-in extractor is
    return Settings(db_path=tmp_path / "w.duckdb", sources_path=cfg, batch_size=2, workers=0, document_seconds=0)


def query(settings: Settings, sql: str) -> list[tuple]:
    with writing(settings.db_path) as con:
        return con.execute(sql).fetchall()


# ---------------------------------------------------------------- re-extraction


def test_reextract_loads_a_new_extractor_version_and_a_rerun_adds_nothing(settings, fake_extractor):
    pipeline.run_plain(settings)
    assert query(settings, "SELECT DISTINCT extractor_version FROM figures") == [("1",)]
    before = query(settings, "SELECT count(*) FROM figures WHERE source = 'police'")[0][0]
    docs_before = query(settings, "SELECT count(*) FROM documents")[0][0]

    fake_extractor.version = "2"
    res = maintenance.run_reextract(settings)
    assert res.status == "completed" and not res.failures
    police = next(o for o in res.outcomes if o.source == "police")
    assert police.discovered == 4 and police.documents_unchanged == 4 and police.documents_new == 0
    assert police.figures == 14  # every number of the four texts, where version 1 took the first
    assert query(settings, "SELECT DISTINCT extractor_version FROM figures") == [("2",)]
    after = query(settings, "SELECT count(*) FROM figures WHERE source = 'police'")[0][0]
    assert (before, after) == (4, 14)
    # nothing fetched or cleaned again: same documents, no new raw pages
    assert query(settings, "SELECT count(*) FROM documents")[0][0] == docs_before
    assert query(settings, "SELECT count(*) FROM raw_pages")[0][0] == docs_before
    assert query(settings, f"SELECT flow, status FROM runs WHERE run_id = '{res.run_id}'") == [("reextract", "completed")]

    again = maintenance.run_reextract(settings)
    assert sum(o.figures for o in again.outcomes) == 0
    assert query(settings, "SELECT count(*) FROM figures WHERE source = 'police'")[0][0] == after


def test_reextract_since_and_sources_choose_the_documents(settings, fake_extractor):
    pipeline.run_plain(settings)
    fake_extractor.version = "2"
    fake_extractor.calls = 0
    res = maintenance.run_reextract(settings, since=date(2024, 3, 1), sources=["police"])
    assert fake_extractor.calls == 2  # mar and jun; jan is older, undated has no date
    assert [(o.source, o.discovered) for o in res.outcomes] == [("police", 2)]
    versions = dict(query(settings, "SELECT document_title, extractor_version FROM figures WHERE source = 'police'"))
    assert versions == {"一月通报": "1", "三月通报": "2", "六月通报": "2", "无日期通报": "1"}


# ---------------------------------------------------------------- backfill


def test_backfill_keeps_only_documents_published_within_the_range(settings, fake_extractor):
    res = maintenance.run_backfill(settings, date(2024, 3, 1), date(2024, 6, 20), sources=["police"])
    assert res.status == "completed"
    (o,) = res.outcomes
    assert (o.discovered, o.documents_new, o.skipped) == (4, 2, 2)  # jan and the undated one left for later
    titles = {t for (t,) in query(settings, "SELECT title FROM documents")}
    assert titles == {"三月通报", "六月通报"}
    assert query(settings, f"SELECT flow FROM runs WHERE run_id = '{res.run_id}'") == [("backfill",)]

    # another range finds what the first one left, and the ordinary ingest the undated one
    res2 = maintenance.run_backfill(settings, date(2024, 1, 1), date(2024, 1, 31), group="yunnan")
    assert [(o.source, o.documents_new, o.skipped) for o in res2.outcomes] == [("police", 1, 3)]
    ran = pipeline.run_plain(settings, ["police"])
    assert [(o.documents_new, o.skipped) for o in ran.outcomes] == [(1, 3)]


def test_backfill_refuses_a_reversed_range_and_an_unknown_group(settings):
    with pytest.raises(ConfigError, match="after end"):
        maintenance.run_backfill(settings, date(2024, 6, 1), date(2024, 1, 1))
    with pytest.raises(ConfigError, match="no source in group 'nowhere'"):
        maintenance.run_backfill(settings, date(2024, 1, 1), date(2024, 6, 1), group="nowhere")


# ---------------------------------------------------------------- the flows


def artifact_keys(flow_run_id: str) -> set[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
    return {a.key for a in arts}


def test_the_flows_publish_their_summaries(settings, fake_extractor, prefect_harness):
    cfg, db = str(settings.sources_path), str(settings.db_path)
    res = maintenance.backfill(start=date(2024, 3, 1), end=date(2024, 6, 30), config=cfg, db=db, sources=["police"])
    assert res["status"] == "completed" and res["sources"][0]["new"] == 2
    assert artifact_keys(res["run_id"]) == {"backfill-summary", "backfill-failures"}

    fake_extractor.version = "2"
    res = maintenance.reextract(db=db)
    assert res["status"] == "completed" and res["sources"][0]["unchanged"] == 2
    assert artifact_keys(res["run_id"]) == {"reextract-summary", "reextract-failures"}
    assert query(settings, "SELECT DISTINCT extractor_version FROM figures") == [("2",)]


def test_the_status_flow_flags_sources_in_trouble(settings, fake_extractor, prefect_harness, tmp_path):
    pipeline.run_plain(settings)
    cfg = tmp_path / "stale.yaml"
    cfg.write_text(settings.sources_path.read_text(encoding="utf-8").replace(
        "group: stats\n", "group: stats\n    stale_after_hours: 0.0001\n"), encoding="utf-8")
    time.sleep(0.5)  # past the 0.36 s limit
    state = maintenance.status(config=str(cfg), db=str(settings.db_path), return_state=True)
    rows = {r["source"]: r for r in state.result()}
    assert rows["other"]["flags"] == ["stale"] and rows["police"]["flags"] == []
    assert artifact_keys(str(state.state_details.flow_run_id)) == {"source-status"}
    events = maintenance.status_events(maintenance.read_status(settings.with_(sources_path=cfg)))
    assert [(e, s) for e, s, _ in events] == [("pressetl.source.stale", "other")]
