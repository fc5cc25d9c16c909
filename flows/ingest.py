"""Prefect flows: thin wrappers that build the settings and call the plain stages.

Tasks wrap batches of documents, never single documents (a task run costs the API about 17 ms
of CPU). Pages stream from each source's acquisition into batch tasks as they arrive
(`pipeline.ingest_sources`). Loads hold the warehouse's writer lock only while a batch commits,
so two flows can run at once and still write one at a time.

Where batch tasks run is the ``task_runner`` setting: ``threads`` (the default: tasks in threads
of the flow, cleaning and extraction in a pool of worker processes, flows/cpu.py), ``processes``
(Prefect's ProcessPoolTaskRunner: each batch task in a worker process), ``dask`` (prefect-dask's
DaskTaskRunner on a LocalCluster with a worker process per core), or ``dask:<address>`` (a
running Dask scheduler). The warehouse is the same either way; docs/design.md has what each costs.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE as NO_CACHE
from prefect.runtime import flow_run
from prefect.states import Cancelled, State
from prefect.utilities.annotations import quote

from flows import pipeline
from flows.config import Source
from flows.model import Failure
from flows.progress import LogProgress
from flows.progress import installed as installed_progress
from flows.settings import Settings, warehouse_target
from flows.stopping import stop_requested
from warehouse.runs import SourceOutcome

# Stages as tasks at the call site; inputs hold page bytes, so nothing is cached or hashed.
prepare_task = task(pipeline.prepare_run, name="prepare", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
batch_task = task(pipeline.ingest_batch, name="clean-extract-load", cache_policy=NO_CACHE, retries=2,
                  retry_delay_seconds=2)
finish_task = task(pipeline.finish, name="finish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)


def settings_for(config: str | None, db: str | None, task_runner: str | None = None) -> Settings:
    return Settings.from_env(sources_path=Path(config) if config else None,
                             db_path=warehouse_target(db) if db else None, task_runner=task_runner)


def dask_runner(setting: str, workers: int):
    """prefect-dask's DaskTaskRunner for ``dask`` (a LocalCluster of ``workers`` processes) or
    ``dask:<scheduler address>``."""
    from prefect_dask import DaskTaskRunner

    address = setting.partition(":")[2]
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": max(1, workers), "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


def batch_submitter(settings: Settings, stack: ExitStack):
    """How `ingest_sources` runs a batch: a task on the flow's thread runner, or on Dask.

    Pages and validators are quoted, so Prefect does not walk them looking for futures."""
    names = ("settings", "run_id", "source", "region", "pages", "validators", "extra_failures", "window")
    if settings.task_runner == "threads":
        return lambda *args: batch_task.submit(*args[:4], *(quote(a) for a in args[4:7]), args[7])
    if settings.task_runner == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        runner = stack.enter_context(ProcessPoolTaskRunner(max_workers=max(1, settings.workers)))
    elif settings.task_runner.startswith("dask"):
        runner = stack.enter_context(dask_runner(settings.task_runner, settings.workers))
    else:
        from flows.errors import ConfigError

        raise ConfigError(f"task_runner: {settings.task_runner!r} is not threads, processes, dask or dask:<address>")

    def submit(*args):
        # on Dask or a process pool each batch task is itself one of the worker processes: it cleans in-line
        params = dict(zip(names, args, strict=True))
        params["settings"] = params["settings"].with_(workers=0)
        # not quoted: Dask takes a quote (a tuple) apart on its way to the worker
        return runner.submit(batch_task, parameters=params)
    return submit


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
    """The body of the ingest and backfill flows: acquire every source at once and clean,
    extract and load its pages batch by batch as they arrive (a few batches in flight, cleaning
    on every core, loads one at a time).

    Progress goes to the display the CLI installed, else to periodic log lines. A stop
    (Ctrl-C in `pressetl run`) ends it early: the run is recorded as interrupted and the flow
    run ends Cancelled, its summary in the state's data."""
    logger = get_run_logger()
    run_id = str(flow_run.id or pipeline.new_run_id())
    if stop_requested():  # stopped while Prefect was starting: nothing recorded
        return Cancelled(message="interrupted before it started", data=_summary("", "interrupted", settings, [], []))
    progress = installed_progress() or LogProgress(logger)
    if settings.task_runner == "threads":
        pipeline.start_workers(settings)  # the workers warm up while the run is recorded and listings fetched
    seen = prepare_task(settings, run_id, kind, chosen, str(flow_run.id) if flow_run.id else None)
    progress.start([s.name for s in chosen])
    try:
        with ExitStack() as stack:
            outcomes, failures = pipeline.ingest_sources(settings, run_id, chosen, seen,
                                                         batch_submitter(settings, stack), window=window,
                                                         logger=logger, progress=progress)
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


def _summary(run_id: str, status: str, settings: Settings, outcomes: list[SourceOutcome],
             failures: list[Failure]) -> dict:
    return {"run_id": run_id, "status": status, "db": str(settings.db_path),
            "sources": pipeline.summary_rows(outcomes), "failures": pipeline.failure_rows(failures)}


@flow(name="ingest", log_prints=False)
def ingest(sources: list[str] | None = None, config: str | None = None, db: str | None = None,
           group: str | None = None, task_runner: str | None = None) -> dict | State:
    """Fetch, clean and extract the configured sources into the warehouse.

    sources: source names to run (all by default); config: sources.yaml (the bundled samples by
    default); db: the DuckDB file (data/pressetl.duckdb by default); group: only the sources of
    this group (a deployment per group, see prefect.yaml); task_runner: where batches run,
    threads (default, $PRESSETL_TASK_RUNNER), processes, dask or dask:<scheduler address>.
    """
    settings = settings_for(config, db, task_runner)
    return run_sources("ingest", settings, pipeline.sources_for(settings, sources or [], group))
