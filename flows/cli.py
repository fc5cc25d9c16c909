"""The `pressetl` command.

Subcommands import what they need lazily: `extract` must not import Prefect, so it starts fast.
Errors are translated into one readable line here, at the edge, with the exit status of
EXIT_CODES (the README's table lists the same, and a test holds them together).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_API_UNREACHABLE = 3
EXIT_INTERRUPTED = 130

EXIT_CODES: list[tuple[int, str]] = [
    (EXIT_OK, "done: every source ran (single bad documents are listed in the summary and the errors table)"),
    (EXIT_FAILED, "run: a whole source failed; status: a source is stale"),
    (EXIT_USAGE, "a configuration or usage error: a bad sources file (the message names the file, the source "
                 "and the field), a bad option or SQL query, a warehouse that cannot be read (damaged, or written "
                 "by a newer pressetl: it is left as it is)"),
    (EXIT_API_UNREACHABLE, "run: PREFECT_API_URL names a Prefect API that does not answer "
                           "(start it with `prefect server start`, or use --plain)"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C): what was loaded is kept and the run is recorded as interrupted"),
]

ENVIRONMENT: list[tuple[str, str]] = [
    ("PRESSETL_DB", "the warehouse file (default data/pressetl.duckdb); --db wins"),
    ("PRESSETL_SOURCES", "the sources file (default: the bundled samples); --config wins"),
    ("PRESSETL_USER_AGENT", "the User-Agent sent to every site"),
    ("PRESSETL_DELAY", "seconds between requests to one host (default 1)"),
    ("PRESSETL_CONCURRENCY", "requests in flight per host (default 2)"),
    ("PRESSETL_BATCH_SIZE", "documents per batch, the unit of loading (default 50)"),
    ("PRESSETL_BATCHES_IN_FLIGHT", "batches cleaned at once in a Prefect run (default 2)"),
    ("PRESSETL_MAX_BYTES", "the largest page, file or archive record read, decompressed (default 10485760)"),
    ("PRESSETL_DOCUMENT_SECONDS", "time limit for cleaning and extracting one document (default 60)"),
    ("PREFECT_API_URL", "a Prefect server for `run` (unset: a temporary one for the run)"),
]

EXAMPLES = """\
  pressetl run                                  the bundled samples into data/pressetl.duckdb
  pressetl run --config sources.yaml --group yunnan
  pressetl run --plain --source yunnan-police --db /tmp/try.duckdb
  pressetl sources --config sources.yaml        check a sources file, list its sources
  pressetl status                               what is stale, failing or drifting
  pressetl sql "select metric, region, period_start, value, unit from figures limit 20"
  pressetl extract release.html --published 2024-06-26 --region 云南省"""

SCHEDULE_ZONE = "Asia/Shanghai"  # the zone of the schedules in prefect.yaml; `status` shows times in it


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def _read_for_extract(path: Path):
    """(text, published_from_page) of a local file: .html cleaned, text files as they are."""
    from flows.model import Page

    body = path.read_bytes()
    if path.suffix.lower() in (".html", ".htm"):
        from flows.cleaning.clean import clean

        doc = clean(Page(url=path.resolve().as_uri(), source="cli", body=body))
        return doc.text, doc.published_at
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        from flows.cleaning.decode import decode

        text, _ = decode(body, url=str(path))
    return text, None


def _table_row(f, *, explain: bool = False) -> list:  # type: ignore[no-untyped-def]
    """A figure as a row of `pressetl extract --format table`: its period as start..end (a stock as
    ..end), and the text that set its period and its region (with the rule, under --explain)."""
    period = "" if f.period_start is None and f.period_end is None else (
        f"{f.period_start or ''}..{f.period_end or ''}")

    def source(text, rule):  # type: ignore[no-untyped-def]
        shown = text or ("(" + rule + ")" if rule and not text else "")
        return f"{shown} [{rule}]" if explain and rule and text else shown

    return [f.mention, f.value, f.unit, f.qualifier, f.subject, f.metric, f.kind, period,
            source(f.period_from, f.period_rule), f.region, source(f.region_from, f.region_rule)]


def cmd_extract(args: argparse.Namespace) -> int:
    from extractors import extract

    failed = 0
    out = sys.stdout
    for name in args.files:
        path = Path(name)
        try:
            text, page_date = _read_for_extract(path)
        except FileNotFoundError:
            print(f"pressetl extract: {path}: no such file", file=sys.stderr)
            failed += 1
            continue
        except Exception as e:  # one bad file never stops the others; the reason is printed
            print(f"pressetl extract: {path}: {e}", file=sys.stderr)
            failed += 1
            continue
        figures = extract(text, published=args.published or page_date, region=args.region)
        if args.format == "jsonl":
            for f in figures:
                row = f.to_json()
                if len(args.files) > 1:
                    row["file"] = str(path)
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            from flows.table import print_table

            # each figure with the phrase that set its period and the one that set its region
            cols = ["mention", "value", "unit", "qualifier", "subject", "metric", "kind",
                    "period", "period_from", "region", "region_from"]
            rows = [_table_row(f, explain=args.explain) for f in figures]
            if len(args.files) > 1:
                print(f"== {path} ({len(figures)} figures)")
            print_table(cols, rows, out)
    return 1 if failed and failed == len(args.files) else 0


# Prefect in ephemeral mode, on a machine without internet, prints telemetry errors and the
# task-run recorder's shutdown tracebacks, and on a terminal a telemetry notice; a newcomer must
# see none of them. Operators who set these variables themselves keep their values.
_QUIET_PREFECT = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_LOGGING_LOGGERS_PREFECT_SERVER_LEVEL": "CRITICAL",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "60",
}


def _quiet_prefect() -> None:
    import os

    for k, v in _QUIET_PREFECT.items():
        os.environ.setdefault(k, v)


def _settings(args: argparse.Namespace):
    from flows.settings import Settings, warehouse_target

    return Settings.from_env(
        db_path=warehouse_target(args.db) if getattr(args, "db", None) else None,
        sources_path=Path(args.config) if getattr(args, "config", None) else None,
    )


def cmd_run(args: argparse.Namespace) -> int:
    _quiet_prefect()
    settings = _settings(args)
    from flows import stopping
    from flows.config import samples_config

    # validate the sources file before Prefect starts, so a config error is one plain line
    from flows.pipeline import sources_for

    sources_for(settings, args.source or [], args.group)
    if settings.task_runner == "threads":
        from flows.pipeline import start_workers

        start_workers(settings)  # the cleaning workers warm up while Prefect is imported
    stopping.reset()
    display = _LiveDisplay.for_terminal()
    try:
        with stopping.stop_on_interrupt(on_stop=lambda: _on_stop(display)):
            if args.plain:
                summary = _run_plain(args, settings, display)
            else:
                summary = _run_prefect(args, settings, display)
    finally:
        if display:
            display.close()
    if summary is None or summary["status"] == "interrupted":
        print(_interrupted_line(summary, settings), file=sys.stderr)
        return EXIT_INTERRUPTED
    _print_summary(summary, samples=settings.sources_path in (None, samples_config()))
    statuses = [s["status"] for s in summary["sources"]]
    return EXIT_FAILED if "failed" in statuses else EXIT_OK


def _on_stop(display: _LiveDisplay | None) -> None:
    """The first Ctrl-C: Prefect's console keeps quiet from here on (errors only: the one line
    that follows says what was kept); the display says it is stopping."""
    for h in _prefect_console_handlers():
        h.setLevel(40)
    if display is not None:
        display.stopping()


def _interrupted_line(summary: dict | None, settings) -> str:
    if not summary or not summary.get("run_id"):
        return "interrupted before the run started: nothing was written"
    rows = summary["sources"]
    docs = sum(r["new"] + r["changed"] for r in rows)
    figures = sum(r["figures"] for r in rows)
    done = sum(1 for r in rows if r["status"] != "interrupted")
    return (f"interrupted: kept {docs} new or changed documents and {figures} figures in {summary['db']} "
            f"({done} of {len(rows)} sources finished); run {summary['run_id']} is recorded as interrupted, "
            "and the next run fetches the rest")


def _run_plain(args: argparse.Namespace, settings, display: _LiveDisplay | None) -> dict:
    import logging

    from flows import pipeline
    from flows.progress import LogProgress

    logger = logging.getLogger("pressetl")
    logger.setLevel(logging.INFO)
    handler = display.log_handler() if display else _plain_log_handler()
    logger.addHandler(handler)
    try:
        progress = display.progress() if display else LogProgress(logger)
        res = pipeline.run_plain(settings, args.source or [], group=args.group, progress=progress)
    finally:
        logger.removeHandler(handler)
    return {"run_id": res.run_id, "status": res.status, "db": str(settings.db_path),
            "sources": pipeline.summary_rows(res.outcomes), "failures": pipeline.failure_rows(res.failures)}


def _plain_log_handler():
    import logging

    h = logging.StreamHandler(sys.stderr)
    h.setFormatter(logging.Formatter("%(asctime)s | %(levelname)-7s | %(message)s", datefmt="%H:%M:%S"))
    return h


def _run_prefect(args: argparse.Namespace, settings, display: _LiveDisplay | None) -> dict | None:
    """The ingest flow against the configured API (checked first) or a temporary one of ours."""
    from contextlib import nullcontext

    from flows import prefect_api, stopping
    from flows.progress import install

    url = prefect_api.configured_api_url()
    if url:
        prefect_api.check_reachable(url)
    from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings

    from flows.ingest import ingest  # configures Prefect's logging

    _prefect_console(verbose=args.verbose)
    server = nullcontext(url) if url else prefect_api.temporary_api(give_up=stopping.stop_requested)
    with server as api_url:
        if api_url is None:
            return None
        # a temporary server serves no UI: no "View at" link to it
        updates = {PREFECT_API_URL: api_url} if url else {PREFECT_API_URL: api_url, PREFECT_UI_URL: ""}
        install(display.progress() if display else None)
        try:
            with temporary_settings(updates=updates):
                try:
                    state = ingest(
                        sources=args.source or None,
                        config=str(settings.sources_path) if settings.sources_path else None,
                        db=str(settings.db_path),
                        group=args.group,
                        return_state=True,
                    )
                except Exception as e:
                    if _is_unreachable(e):
                        raise prefect_api.ApiUnreachable(
                            prefect_api.unreachable_message(api_url, "it stopped answering during the run")) from None
                    raise
                finally:
                    prefect_api.drain()
        finally:
            install(None)
    if state.is_completed() or state.is_cancelled():
        return state.result(raise_on_failure=False)
    state.result()  # a failed flow run: raises what failed it
    raise RuntimeError(f"the flow run ended {state.name}")


def _is_unreachable(e: BaseException) -> bool:
    import httpx

    return isinstance(e, (httpx.ConnectError, httpx.ConnectTimeout)) or "Failed to reach API" in str(e)


def _prefect_console(*, verbose: bool) -> None:
    """Hide Prefect's per-task state lines on the console ("Finished in state Completed()");
    they still reach the API. --verbose, or PREFECT_LOGGING_LEVEL=DEBUG, keeps them."""
    import os

    if verbose or os.environ.get("PREFECT_LOGGING_LEVEL", "").upper() == "DEBUG":
        return
    for h in _prefect_console_handlers():
        if not any(isinstance(f, _HideTaskStates) for f in h.filters):
            h.addFilter(_HideTaskStates())


def _prefect_console_handlers() -> list:
    import logging

    # no import here: this runs in the Ctrl-C handler, which may interrupt an import half way (a
    # plain run importing httpx), and importing Prefect then fails on the half-made module; where
    # Prefect's handlers module is not loaded there are none of its handlers anyway
    handlers = sys.modules.get("prefect.logging.handlers")
    if handlers is None:
        return []
    return [h for h in logging.getLogger().handlers if isinstance(h, handlers.PrefectConsoleHandler)]


class _HideTaskStates:
    """A logging filter: drops task runs' INFO lines (their state changes), keeps warnings."""

    def filter(self, record) -> bool:
        return not (record.name == "prefect.task_runs" and record.levelno < 30)


class _HideCounts:
    """A logging filter for the console under a live display: the per-source count lines
    repeat what the display shows (they still reach the API and the log files)."""

    def filter(self, record) -> bool:
        return not getattr(record, "pressetl_counts", False)


class _LiveDisplay:
    """The live progress display on a terminal (rich, on stderr), shared with Prefect's console
    so that its log lines print above the display instead of through it."""

    def __init__(self) -> None:
        self._progress = None
        self._console = None
        self._theme_pushed = False
        self._hide_counts = _HideCounts()

    @classmethod
    def for_terminal(cls) -> _LiveDisplay | None:
        import os

        if not (sys.stdout.isatty() and sys.stderr.isatty()) or os.environ.get("TERM") == "dumb":
            return None
        return cls()

    def console(self):
        if self._console is None:
            handlers = _prefect_console_handlers() if "prefect" in sys.modules else []
            if handlers:
                from rich.theme import Theme

                self._console = handlers[0].console
                self._console.push_theme(Theme())  # rich's own styles, which Prefect's theme leaves out
                self._theme_pushed = True
            else:
                from rich.console import Console

                self._console = Console(stderr=True)
        return self._console

    def progress(self):
        from flows.progress import LiveProgress

        if self._progress is None:
            self._progress = LiveProgress(self.console())
            for h in _prefect_console_handlers():
                h.addFilter(self._hide_counts)
        return self._progress

    def log_handler(self):
        from rich.logging import RichHandler

        h = RichHandler(console=self.console(), show_path=False, markup=False)
        h.addFilter(self._hide_counts)
        return h

    def stopping(self) -> None:
        if self._progress is not None:
            self._progress.stopping()

    def close(self) -> None:
        for h in _prefect_console_handlers():
            h.removeFilter(self._hide_counts)
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        if self._theme_pushed and self._console is not None:
            self._console.pop_theme()
            self._theme_pushed = False


def _print_summary(summary: dict, *, samples: bool) -> None:
    from flows.table import print_table

    out = sys.stdout
    rows = summary["sources"]
    cols = ["source", "status", "discovered", "fetched", "skipped", "new", "changed", "unchanged", "failed", "figures"]
    print(f"run {summary['run_id']}: {summary['status']} -> {summary['db']}")
    print_table(cols, [[r[c] for c in cols] for r in rows], out)
    tot = {c: sum(r[c] for r in rows) for c in ("new", "changed", "unchanged", "figures", "failed")}
    print(f"{len(rows)} sources; documents: {tot['new']} new, {tot['changed']} changed, "
          f"{tot['unchanged']} unchanged; {tot['figures']} figures; {tot['failed']} failures")
    if summary["failures"]:
        print("failures:")
        for f in summary["failures"][:20]:
            print(f"  [{f['source']}] {f['stage']}: {f['url'] or '-'}: {f['reason']}")
        if len(summary["failures"]) > 20:
            print(f"  ... and {len(summary['failures']) - 20} more: pressetl sql \"select * from errors\"")
    db = "" if summary["db"] == "data/pressetl.duckdb" else f" --db {summary['db']}"
    print("try:")
    print(f'  pressetl sql "select metric, region, period_start, period_end, value, unit from figures limit 20"{db}')


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from flows.table import print_table, write_csv

    settings = _settings(args)
    with _writing_for_sql(settings.db_path, args.wait) if args.write else _reading_or_busy(settings.db_path, args.wait) as con:
        try:
            cur = con.execute(args.query)
        except duckdb.Error as e:
            hint = ("; pressetl sql is read-only: add --write to change the warehouse"
                    if "read-only mode" in str(e) and not args.write else "")
            print(f"pressetl sql: {str(e).strip()}{hint}", file=sys.stderr)
            return 2
        if cur.description is None:
            return 0
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    if args.format == "csv":
        write_csv(cols, rows, sys.stdout, bom=args.bom)
    elif args.format == "json":
        for r in rows:
            sys.stdout.write(json.dumps(dict(zip(cols, r, strict=True)), ensure_ascii=False, default=str) + "\n")
    else:
        print_table(cols, rows, sys.stdout, limit=60)
    return 0


@contextmanager
def _writing_for_sql(db_path: Path, wait: float) -> Iterator:
    """A read-write connection under the writer lock (`pressetl sql --write`), waiting up to ``wait`` s."""
    from warehouse.db import writing

    with writing(db_path, timeout=wait, owner="pressetl sql --write") as con:
        yield con


@contextmanager
def _reading_or_busy(db_path: Path, wait: float) -> Iterator:
    """A read-only connection, waiting up to ``wait`` seconds while a run writes; the message says so."""
    from warehouse.db import connect_waiting
    from warehouse.errors import WarehouseBusy

    try:
        con = connect_waiting(db_path, wait=wait)
    except WarehouseBusy as e:
        raise WarehouseBusy(f"{e}. DuckDB lets no reader in while a run writes a batch; "
                            "try again, or wait longer with --wait SECONDS") from None
    try:
        yield con
    finally:
        con.close()


def cmd_export(args: argparse.Namespace) -> int:
    """Every view as a file: Parquet or CSV; figures partitioned by year."""
    from warehouse.export import export

    settings = _settings(args)
    out = Path(args.dir)
    with _reading_or_busy(settings.db_path, args.wait) as con:
        done = export(con, out, fmt=args.format, bom=args.bom)
    for e in done:
        print(f"{e.view}: {e.rows} rows -> {e.path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """One self-contained HTML file: series charts, a map of figures by region, recent claims."""
    from warehouse.report import build_report

    settings = _settings(args)
    with _reading_or_busy(settings.db_path, args.wait) as con:
        html = build_report(con, metrics=args.metric or [], regions=args.region or [], db_label=str(settings.db_path))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    print(f"report -> {out} ({len(html.encode()) / 1e6:.1f} MB, opens without a network)")
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from flows.pipeline import sources_for
    from flows.table import print_table

    settings = _settings(args)
    zone = _zone(args.tz)
    sources = sources_for(settings)
    last: dict[str, tuple] = {}
    if isinstance(settings.db_path, str) or settings.db_path.exists():
        from warehouse.db import reading
        from warehouse.errors import WarehouseBusy

        try:
            with reading(settings.db_path) as con:
                for row in con.execute(
                    "SELECT source, last_run_at, last_run_status, documents FROM source_health"
                ).fetchall():
                    last[row[0]] = row[1:]
        except WarehouseBusy as e:
            print(f"pressetl sources: {e}; showing configuration only", file=sys.stderr)
    cols = ["source", "kind", "group", "region", "where", "last_run", "status", "documents"]
    rows = []
    for s in sources:
        where = str(getattr(s, "url", None) or getattr(s, "path", None) or f"{len(getattr(s, 'urls', []))} urls")
        lr = last.get(s.name, (None, "never run", 0))
        rows.append([s.name, s.kind, s.group, s.region, where, _hm(lr[0], zone), lr[1], lr[2]])
    print_table(cols, rows, sys.stdout, limit=50)
    if last:
        print(_zone_note(zone))
    return 0


def _zone(name: str):
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from flows.errors import ConfigError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"--tz: unknown time zone {name!r} (e.g. UTC, Asia/Shanghai, Europe/Berlin)") from None


def _hm(ts: datetime | None, zone=None) -> str:
    if not ts:
        return ""
    if zone is not None and ts.tzinfo is not None:
        ts = ts.astimezone(zone)
    return ts.strftime("%Y-%m-%d %H:%M")


def _zone_note(zone) -> str:
    offset = datetime.now(zone).strftime("%z")
    return f"times in {zone.key} (UTC{offset[:3]}:{offset[3:]})" + (
        ", the schedules' zone" if zone.key == SCHEDULE_ZONE else "")


def _num(v, fmt: str = "{:.1f}") -> str:
    return "" if v is None else fmt.format(v)


def _mark_abandoned(settings) -> list[str]:
    """Mark abandoned the runs recorded as running whose process is gone; the writer lock is
    taken only when there is one (WarehouseBusy while another run loads: the caller waits)."""
    from warehouse.db import reading, writing
    from warehouse.runs import abandon_dead_runs, dead_runs

    if isinstance(settings.db_path, str) or not settings.db_path.exists():
        return []  # DuckLake: runs on other machines cannot be seen from here (docs/scaling.md)
    with reading(settings.db_path) as con:
        if not dead_runs(con, settings.db_path):
            return []
    with writing(settings.db_path, timeout=1.0) as con:
        return abandon_dead_runs(con, settings.db_path)


def cmd_status(args: argparse.Namespace) -> int:
    """Per source: last run, result, last new document, failure streak, drift. Exit 1 when stale."""
    import time

    from flows.pipeline import sources_for
    from flows.table import print_table
    from warehouse.db import reading
    from warehouse.errors import WarehouseBusy
    from warehouse.status import Configured, source_status

    settings = _settings(args)
    zone = _zone(args.tz)
    configured = [Configured(s.name, s.group, s.region, s.stale_after_hours) for s in sources_for(settings)]
    deadline = time.monotonic() + args.wait
    while True:  # a run holds the file only while a batch loads; wait for it a little
        try:
            for run_id in _mark_abandoned(settings):
                print(f"pressetl status: run {run_id} ended without recording its end (its process is gone): "
                      "marked abandoned", file=sys.stderr)
            with reading(settings.db_path) as con:
                rows = source_status(con, configured=configured)
            break
        except WarehouseBusy as e:
            if time.monotonic() >= deadline:
                print(f"pressetl status: {e} (waited {args.wait:g} s; DuckDB lets no reader in while a run "
                      "writes)", file=sys.stderr)
                return 2
            time.sleep(0.5)
    stale = [r for r in rows if r.stale]
    if args.format == "json":
        for r in rows:
            sys.stdout.write(json.dumps(r.to_json(), ensure_ascii=False, default=str) + "\n")
    else:
        cols = ["source", "group", "last_run", "result", "streak", "last_new", "hours", "limit",
                "fig/doc_recent", "fig/doc_before", "flags"]
        print(_zone_note(zone))
        print_table(cols, [
            [r.source, r.group, _hm(r.last_run_at, zone), r.last_run_status, r.failure_streak or "",
             _hm(r.last_new_document_at, zone), _num(r.hours_since_new), _num(r.stale_after_hours, "{:g}"),
             _num(r.recent_figures_per_document), _num(r.history_figures_per_document), " ".join(r.flags)]
            for r in rows
        ], sys.stdout, limit=50)
        failing = [r for r in rows if r.failing]
        drifting = [r for r in rows if r.drifting]
        print(f"{len(rows)} sources: {len(stale)} stale, {len(failing)} failing, {len(drifting)} drifting")
        for r in stale:
            print(f"  stale: {r.source}: no new document for {r.hours_since_new:.0f} h (limit {r.stale_after_hours:g} h)")
        for r in failing:
            why = f": {r.last_run_reason}" if r.last_run_reason else " (see: pressetl sql \"select * from errors\")"
            print(f"  failing: {r.source}: last run {r.last_run_status}, {r.failure_streak} in a row{why}")
        for r in drifting:
            print(f"  drift: {r.source}: {r.recent_figures_per_document:.1f} figures per document in its "
                  f"{r.recent_documents} newest documents, {r.history_figures_per_document:.1f} before "
                  "(a changed page template?)")
    return 1 if stale else 0


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's layout (examples, tables) and shows each option's default."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if action.default not in (None, False, argparse.SUPPRESS) and "%(default)" not in text \
                and "default" not in text and action.option_strings:
            text += " (default: %(default)s)"
        return text


def _epilog() -> str:
    import textwrap

    codes = "\n".join(textwrap.fill(text, width=100, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7)
                      for code, text in EXIT_CODES)
    env = "\n".join(f"  {name:<27} {text}" for name, text in ENVIRONMENT)
    return (f"examples:\n{EXAMPLES}\n\nexit status:\n{codes}\n\nenvironment:\n{env}\n\n"
            "`pressetl COMMAND --help` describes each command. Docs: README.md, docs/sources.md (adding "
            "sources),\ndocs/operations.md (schedules, a Prefect server), docs/analysts.md (queries).")


def _version() -> str:
    from importlib import metadata

    def v(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "?"

    from extractors import EXTRACTOR_VERSION

    return (f"pressetl {v('pressetl')} (extractor {EXTRACTOR_VERSION}; Prefect {v('prefect')}, "
            f"DuckDB {v('duckdb')}, Python {sys.version.split()[0]})")


class _VersionAction(argparse.Action):
    """--version, computed only when asked (it reads package metadata and the extractor)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(_version())
        parser.exit()


def _add_reader_options(p: argparse.ArgumentParser, *, csv: bool = True) -> None:
    p.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                   help="how long to wait while a run is writing the warehouse (default: 30; 0: fail at once)")
    if csv:
        p.add_argument("--bom", action="store_true",
                       help="CSV: start with a UTF-8 byte order mark, for spreadsheet programs")


def _add_export_and_report(command, db_help: str) -> None:
    x = command("export", "write every view as a file (figures partitioned by year)",
                "Write every view of the warehouse as a file in DIR: Parquet by default, or CSV; figures "
                "partitioned by year.",
                "pressetl export exports/2024-07-01 --format csv --bom")
    x.add_argument("dir", metavar="DIR", help="the folder to write (created if missing)")
    x.add_argument("--db", metavar="PATH", help=db_help)
    x.add_argument("--format", choices=["parquet", "csv"], default="parquet",
                   help="parquet (typed, compact) or csv (for spreadsheets and scripts)")
    _add_reader_options(x)
    x.set_defaults(func=cmd_export)

    rp = command("report", "one HTML file with series charts, a map and recent claims; opens offline",
                 "Write one HTML file with series charts, a map and the recent claims of the warehouse; it "
                 "opens\nwithout a network.",
                 "pressetl report --metric narcotics. --region 云南省 --out yunnan.html")
    rp.add_argument("--db", metavar="PATH", help=db_help)
    rp.add_argument("--metric", action="append", metavar="METRIC",
                    help="chart this metric (repeatable; a prefix such as narcotics. works; default: the longest series)")
    rp.add_argument("--region", action="append", metavar="REGION", help="only this region (repeatable)")
    rp.add_argument("--out", default="report.html", metavar="FILE", help="where to write it (default: report.html)")
    _add_reader_options(rp, csv=False)
    rp.set_defaults(func=cmd_report)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="pressetl", formatter_class=_HelpFormatter, epilog=_epilog(),
        description="Regional press releases into a DuckDB history of their stated figures: fetch or read "
                    "the releases,\nclean them, extract every figure (value, unit, period, region), keep "
                    "the history.",
    )
    p.add_argument("--version", action=_VersionAction, help="print the versions of pressetl, its extractor, "
                   "Prefect, DuckDB and Python, and exit")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str, example: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=summary, description=description, formatter_class=_HelpFormatter,
                              epilog=f"example:\n  {example}")

    db_help = "the warehouse, a DuckDB file (default: $PRESSETL_DB, else data/pressetl.duckdb)"
    config_help = "the sources file (default: $PRESSETL_SOURCES, else the bundled samples)"

    e = command("extract", "print the figures of local files (no database, no Prefect)",
                "Extract the figures of local .txt or .html files and print them; touches no database "
                "and starts no Prefect.\nExit status 1 only when every file failed.",
                "pressetl extract release.html --published 2024-06-26 --region 云南省 --format jsonl")
    e.add_argument("files", nargs="+", metavar="FILE", help=".txt or .html files (.html is cleaned first)")
    e.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                   help="publication date; relative periods (今年1至5月) resolve against it "
                        "(default: the date read from the page, if any)")
    e.add_argument("--region", help="the source's region, e.g. 云南省; resolves 全省/全市")
    e.add_argument("--format", choices=["jsonl", "table"], default="table",
                   help="table for reading, jsonl (one JSON object a figure) for scripts")
    e.add_argument("--explain", action="store_true",
                   help="with --format table: name the rule that read each period and region")
    e.set_defaults(func=cmd_extract)

    r = command("run", "run the ingest flow (the bundled samples by default)",
                "Discover, fetch or read, clean, extract and load the configured sources, then print a summary "
                "per source.\nRuns as a Prefect flow: against PREFECT_API_URL when it is set (the server must "
                "answer), else\nagainst a temporary server started for the run. --plain runs the same stages "
                "without Prefect.\nOn a terminal a live display shows, per source, pages discovered, fetched "
                "and failed and\nbatches loaded; elsewhere a progress line per source every 10 s. Ctrl-C stops "
                "the run within\nseconds, keeps what was loaded and records the run as interrupted (exit 130).",
                "pressetl run --config sources.yaml --group yunnan --db /tmp/try.duckdb")
    r.add_argument("--config", metavar="SOURCES_YAML", help=config_help)
    r.add_argument("--db", metavar="PATH", help=db_help)
    r.add_argument("--source", action="append", metavar="NAME", help="run only this source (repeatable)")
    r.add_argument("--group", metavar="GROUP", help="run only the sources of this group (`group:` in the sources file)")
    r.add_argument("--plain", action="store_true",
                   help="run the stages without Prefect (no server, no flow run; the benchmark's reference)")
    r.add_argument("--verbose", "-v", action="store_true",
                   help="also show Prefect's line for every task run (hidden by default)")
    r.set_defaults(func=cmd_run)

    q = command("sql", "query the warehouse", "Run one SQL query (DuckDB's dialect) against the warehouse, "
                "read-only unless --write, and print the result.\nTables and views: see README.md (figures, "
                "documents, runs, errors ...).",
                'pressetl sql "select source, count(*) from documents group by source" --format csv')
    q.add_argument("query", metavar="SQL", help="the query, quoted for the shell")
    q.add_argument("--db", metavar="PATH", help=db_help)
    q.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="table for reading (60 rows at most), csv, or json (one object a row)")
    q.add_argument("--write", action="store_true",
                   help="let the query change the warehouse (it waits for the writer lock like a run's batch)")
    _add_reader_options(q)
    q.set_defaults(func=cmd_sql)
    _add_export_and_report(command, db_help)

    so = command("sources", "check the sources file and list its sources with their last run",
                 "Validate the sources file and list its sources: kind, group, region, where they are read "
                 "from,\nand from the warehouse (when there is one) their last run and documents. Exit status "
                 "2 names\nthe file, source and field of a mistake.",
                 "pressetl sources --config sources.yaml")
    so.add_argument("--config", metavar="SOURCES_YAML", help=config_help)
    so.add_argument("--db", metavar="PATH", help=db_help)
    so.add_argument("--tz", metavar="ZONE", default=SCHEDULE_ZONE,
                    help="time zone of the times shown, e.g. UTC (default: %(default)s, the schedules' zone)")
    so.set_defaults(func=cmd_sources)

    st = command("status", "per source: last run, failures, staleness, drift (exit 1 when stale)",
                 "Per source: its last ingest run and how it ended (completed, partial, failed, interrupted,\n"
                 "abandoned, or running), the failure streak, its last new document, and figures per "
                 "document\nlately against before (drift). Runs whose process is gone are marked "
                 "abandoned first.\nExit status 1 when a source is stale: use it from monitoring.",
                 "pressetl status --tz UTC --format json")
    st.add_argument("--config", metavar="SOURCES_YAML", help=config_help)
    st.add_argument("--db", metavar="PATH", help=db_help)
    st.add_argument("--format", choices=["table", "json"], default="table",
                    help="table for reading, json (one object a source, times in UTC) for scripts")
    st.add_argument("--tz", metavar="ZONE", default=SCHEDULE_ZONE,
                    help="time zone of the table's times, e.g. UTC (default: %(default)s, the schedules' zone)")
    st.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                    help="how long to wait while a run is writing the warehouse (default: 30)")
    st.set_defaults(func=cmd_status)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from flows.errors import PressetlError
    from flows.prefect_api import ApiUnreachable
    from warehouse.errors import WarehouseError

    try:
        return args.func(args)
    except ApiUnreachable as e:
        print(f"pressetl {args.command}: {e}", file=sys.stderr)
        return EXIT_API_UNREACHABLE
    except (PressetlError, WarehouseError) as e:
        print(f"pressetl {args.command}: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # outside a run (a run turns Ctrl-C into a stop): nothing to keep
        print(f"pressetl {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
