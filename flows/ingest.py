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
from flows.model import Failure
from flows.settings import Settings
from warehouse.load import LoadStats
from warehouse.runs import SourceOutcome

# Stages as tasks at the call site; inputs hold page bytes, so nothing is cached or hashed.
prepare_task = task(pipeline.prepare_run, name="prepare", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
acquire_task = task(pipeline.acquire, name="acquire", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
process_task = task(pipeline.process, name="clean-extract", cache_policy=NO_CACHE)
load_task = task(pipeline.load, name="load", cache_policy=NO_CACHE, retries=3, retry_delay_seconds=2)
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


@flow(name="ingest", log_prints=False)
def ingest(sources: list[str] | None = None, config: str | None = None, db: str | None = None,
           group: str | None = None) -> dict:
    """Fetch, clean and extract the configured sources into the warehouse.

    sources: source names to run (all by default); config: sources.yaml (the bundled samples by
    default); db: the DuckDB file (data/pressetl.duckdb by default); group: only the sources of
    this group (a deployment per group, see prefect.yaml).
    """
    logger = get_run_logger()
    settings = settings_for(config, db)
    chosen = pipeline.sources_for(settings, sources or [], group)
    run_id = str(flow_run.id or pipeline.new_run_id())
    seen = prepare_task(settings, run_id, "ingest", chosen, str(flow_run.id) if flow_run.id else None)

    acquired = {s.name: acquire_task.submit(s, settings, seen[s.name]) for s in chosen}
    outcomes: list[SourceOutcome] = []
    failures: list[Failure] = []
    for s in chosen:
        acq = acquired[s.name].result()
        if acq.fatal:
            logger.error("source %s: failed at discovery: %s", s.name, acq.fatal)
        logger.info("source %s: discovered %d, fetched %d, skipped %d unchanged, %d fetch failures",
                    s.name, acq.discovered, len(acq.pages), acq.skipped, len(acq.failures))
        for f in acq.failures:
            logger.warning("source %s: %s failed: %s: %s", s.name, f.stage, f.url, f.reason)
        src_failures = list(acq.failures) + ([Failure(s.name, None, "discover", acq.fatal)] if acq.fatal else [])
        batches = list(pipeline.batched(acq.pages, settings.batch_size)) or [[]]
        processed_futures = [process_task.submit(b, s.region) for b in batches]
        stats = LoadStats()
        n_process_failures = 0
        for i, fut in enumerate(processed_futures):
            processed, fails = fut.result()
            n_process_failures += len(fails)
            for f in fails:
                logger.warning("source %s: %s failed: %s: %s", s.name, f.stage, f.url, f.reason)
            extra = src_failures if i == 0 else []
            stats.add(load_task(settings, run_id, processed, list(fails) + extra,
                                pipeline.validators_of(acq, processed)))
            failures += fails
        failures += src_failures
        o = pipeline.outcome(acq, stats, n_process_failures)
        logger.info("source %s: %d new, %d changed, %d unchanged documents, %d figures, %d failures",
                    s.name, o.documents_new, o.documents_changed, o.documents_unchanged, o.figures, o.failures)
        outcomes.append(o)

    status = finish_task(settings, run_id, outcomes)
    publish("ingest", run_id, status, outcomes, failures)
    logger.info("run %s %s: %d sources", run_id, status, len(outcomes))
    return {"run_id": run_id, "status": status, "db": str(settings.db_path),
            "sources": pipeline.summary_rows(outcomes), "failures": pipeline.failure_rows(failures)}
