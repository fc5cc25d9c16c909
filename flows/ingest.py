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
from prefect.states import Cancelled, State

from flows import pipeline
from flows.config import Source
from flows.model import Failure
from flows.progress import LogProgress, Progress
from flows.progress import installed as installed_progress
from flows.settings import Settings
from flows.stopping import stop_requested
from warehouse.load import LoadStats
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


def run_sources(kind: str, settings: Settings, chosen: list[Source],
                window: pipeline.Window | None = None) -> dict | State:
    """The body of the ingest and backfill flows: acquire every source at once, then clean,
    extract and load each source's pages batch by batch (batches in parallel, loads one at a time).

    Progress goes to the display the CLI installed, else to periodic log lines. A stop
    (Ctrl-C in `pressetl run`) ends it early: the run is recorded as interrupted and the flow
    run ends Cancelled, its summary in the state's data."""
    logger = get_run_logger()
    run_id = str(flow_run.id or pipeline.new_run_id())
    if stop_requested():  # stopped while Prefect was starting: nothing recorded
        return Cancelled(message="interrupted before it started", data=_summary("", "interrupted", settings, [], []))
    progress = installed_progress() or LogProgress(logger)
    seen = prepare_task(settings, run_id, kind, chosen, str(flow_run.id) if flow_run.id else None)
    progress.start([s.name for s in chosen])
    try:
        acquired = {s.name: acquire_task.submit(s, settings, seen[s.name], progress) for s in chosen}
        outcomes: list[SourceOutcome] = []
        failures: list[Failure] = []
        for s in chosen:
            acq = acquired[s.name].result()
            first = pipeline.source_failures(acq)
            results: list[pipeline.BatchResult] = []
            if not acq.interrupted:
                pipeline.log_acquired(logger, acq)
                results = run_batches(settings, run_id, s, acq, first, window, progress)
                for r in results:
                    pipeline.log_failures(logger, r.failures)
            o = pipeline.outcome(acq, results)
            progress.finished(s.name, o.status)
            if o.status != "interrupted":
                pipeline.log_outcome(logger, o)
            outcomes.append(o)
            failures += first + [f for r in results for f in r.failures]
        status = finish_task(settings, run_id, outcomes)
    except Exception:
        pipeline.end_failed(settings, run_id)
        raise
    publish(kind, run_id, status, outcomes, failures)
    summary = _summary(run_id, status, settings, outcomes, failures)
    if status == "interrupted":
        logger.warning("%s run %s interrupted: kept %d documents and %d figures", kind, run_id,
                       sum(o.documents_new + o.documents_changed for o in outcomes), sum(o.figures for o in outcomes))
        return Cancelled(message="interrupted (Ctrl-C): kept what was loaded", data=summary)
    logger.info("%s run %s %s: %d sources", kind, run_id, status, len(outcomes))
    return summary


def run_batches(settings: Settings, run_id: str, s: Source, acq, first: list[Failure],
                window: pipeline.Window | None, progress: Progress) -> list[pipeline.BatchResult]:
    """A source's batches as tasks, in a bounded window: cleaning and extraction are CPU-bound
    Python, and more threads than cores only contend for the GIL (900 pages: 13.1 s unbounded,
    9.1 s with 2). No batch starts once a stop is requested."""
    batches = list(pipeline.batched(acq.pages, settings.batch_size)) or [[]]
    progress.loading(s.name, len(batches))
    results: list[pipeline.BatchResult] = []
    pending = []
    for i, batch in enumerate(batches):
        if stop_requested():
            results.append(pipeline.BatchResult(LoadStats(), [], interrupted=True))
            break
        last = i == len(batches) - 1  # it stores the listings' validators: only once the others committed
        while pending and (last or len(pending) >= max(1, settings.batches_in_flight)):
            results.append(pending.pop(0).result())
        pending.append(batch_task.submit(settings, run_id, s.name, s.region, batch,
                                         pipeline.listing_validators(acq, i, len(batches)),
                                         first if i == 0 else (), window, progress))
    return results + [f.result() for f in pending]


def _summary(run_id: str, status: str, settings: Settings, outcomes: list[SourceOutcome],
             failures: list[Failure]) -> dict:
    return {"run_id": run_id, "status": status, "db": str(settings.db_path),
            "sources": pipeline.summary_rows(outcomes), "failures": pipeline.failure_rows(failures)}


@flow(name="ingest", log_prints=False)
def ingest(sources: list[str] | None = None, config: str | None = None, db: str | None = None,
           group: str | None = None) -> dict | State:
    """Fetch, clean and extract the configured sources into the warehouse.

    sources: source names to run (all by default); config: sources.yaml (the bundled samples by
    default); db: the DuckDB file (data/pressetl.duckdb by default); group: only the sources of
    this group (a deployment per group, see prefect.yaml).
    """
    settings = settings_for(config, db)
    return run_sources("ingest", settings, pipeline.sources_for(settings, sources or [], group))
