"""Prefect flows: thin wrappers that build the settings and call the plain stages.

Tasks wrap a source's acquisition and batches of documents, never single documents (a task
run costs the API about 17 ms of CPU). Loads hold the warehouse's writer lock only while a
batch commits, so two flows can run at once and still write one at a time.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE as NO_CACHE
from prefect.runtime import flow_run

from flows import pipeline
from flows.config import Source
from flows.model import Failure
from flows.settings import Settings
from warehouse.runs import SourceOutcome

# Stages as tasks at the call site; inputs hold page bytes, so nothing is cached or hashed.
prepare_task = task(pipeline.prepare_run, name="prepare", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
acquire_task = task(pipeline.acquire, name="acquire", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
batch_task = task(pipeline.ingest_batch, name="clean-extract-load", cache_policy=NO_CACHE, retries=2,
                  retry_delay_seconds=2)
finish_task = task(pipeline.finish, name="finish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)


def settings_for(config: str | None, db: str | None) -> Settings:
    return Settings.from_env(sources_path=Path(config) if config else None, db_path=Path(db) if db else None)


def publish(kind: str, run_id: str, status: str, outcomes: list[SourceOutcome], failures: list[Failure]) -> None:
    """A table per source (key <kind>-summary) and the failures with their reasons (<kind>-failures)."""
    create_table_artifact(table=pipeline.summary_rows(outcomes), key=f"{kind}-summary",
                          description=f"pressetl {kind} {run_id}: {status}, one row per source")
    if failures:
        create_table_artifact(table=[{**r, "url": r["url"] or ""} for r in pipeline.failure_rows(failures)],
                              key=f"{kind}-failures", description=f"pressetl {kind} {run_id}: what failed and why")
    else:
        create_markdown_artifact(markdown=f"{kind} `{run_id}`: no failures.", key=f"{kind}-failures")


def run_sources(kind: str, settings: Settings, chosen: list[Source], window: pipeline.Window | None = None) -> dict:
    """The body of the ingest and backfill flows: acquire every source at once, then clean,
    extract and load each source's pages batch by batch (batches in parallel, loads one at a time)."""
    logger = get_run_logger()
    run_id = str(flow_run.id or pipeline.new_run_id())
    seen = prepare_task(settings, run_id, kind, chosen, str(flow_run.id) if flow_run.id else None)
    acquired = {s.name: acquire_task.submit(s, settings, seen[s.name]) for s in chosen}
    outcomes: list[SourceOutcome] = []
    failures: list[Failure] = []
    for s in chosen:
        acq = acquired[s.name].result()
        pipeline.log_acquired(logger, acq)
        first = pipeline.source_failures(acq)
        # A bounded window of batch tasks: cleaning and extraction are CPU-bound Python, and more
        # threads than cores only contend for the GIL (900 pages: 13.1 s unbounded, 9.1 s with 2).
        results: list[pipeline.BatchResult] = []
        pending = []
        for i, batch in enumerate(list(pipeline.batched(acq.pages, settings.batch_size)) or [[]]):
            if len(pending) >= max(1, settings.batches_in_flight):
                results.append(pending.pop(0).result())
            pending.append(batch_task.submit(settings, run_id, s.name, s.region, batch, acq.validators,
                                             first if i == 0 else (), window))
        results += [f.result() for f in pending]
        for r in results:
            pipeline.log_failures(logger, r.failures)
        o = pipeline.outcome(acq, results)
        pipeline.log_outcome(logger, o)
        outcomes.append(o)
        failures += first + [f for r in results for f in r.failures]
    status = finish_task(settings, run_id, outcomes)
    publish(kind, run_id, status, outcomes, failures)
    logger.info("%s run %s %s: %d sources", kind, run_id, status, len(outcomes))
    return {"run_id": run_id, "status": status, "db": str(settings.db_path),
            "sources": pipeline.summary_rows(outcomes), "failures": pipeline.failure_rows(failures)}


@flow(name="ingest", log_prints=False)
def ingest(sources: list[str] | None = None, config: str | None = None, db: str | None = None,
           group: str | None = None) -> dict:
    """Fetch, clean and extract the configured sources into the warehouse.

    sources: source names to run (all by default); config: sources.yaml (the bundled samples by
    default); db: the DuckDB file (data/pressetl.duckdb by default); group: only the sources of
    this group (a deployment per group, see prefect.yaml).
    """
    settings = settings_for(config, db)
    return run_sources("ingest", settings, pipeline.sources_for(settings, sources or [], group))
