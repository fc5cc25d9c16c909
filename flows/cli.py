"""The `pressetl` command.

Subcommands import what they need lazily: `extract` must not import Prefect, so it starts fast.
Errors are translated into one readable line here, at the edge.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path


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
# task-run recorder's shutdown tracebacks; a newcomer must see neither. Operators who set these
# variables themselves keep their values.
_QUIET_PREFECT = {
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
    from flows.config import samples_config

    # validate the sources file before Prefect starts, so a config error is one plain line
    from flows.pipeline import sources_for

    sources_for(settings, args.source or [], args.group)
    if settings.task_runner == "threads":
        from flows import cpu

        cpu.start(settings.workers)  # the cleaning workers warm up while Prefect is imported
    if args.plain:
        from flows import pipeline

        res = pipeline.run_plain(settings, args.source or [], group=args.group)
        summary = {"run_id": res.run_id, "status": res.status, "db": str(settings.db_path),
                   "sources": pipeline.summary_rows(res.outcomes), "failures": pipeline.failure_rows(res.failures)}
    else:
        from flows.ingest import ingest

        summary = ingest(
            sources=args.source or None,
            config=str(settings.sources_path) if settings.sources_path else None,
            db=str(settings.db_path),
            group=args.group,
        )
    _print_summary(summary, samples=settings.sources_path in (None, samples_config()))
    statuses = [s["status"] for s in summary["sources"]]
    return 1 if "failed" in statuses else 0


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
    with _reading_or_busy(settings.db_path, args.wait) as con:
        try:
            cur = con.execute(args.query)
        except duckdb.Error as e:
            print(f"pressetl sql: {str(e).strip()}", file=sys.stderr)
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
        at = lr[0].strftime("%Y-%m-%d %H:%M") if lr[0] else ""
        rows.append([s.name, s.kind, s.group, s.region, where, at, lr[1], lr[2]])
    print_table(cols, rows, sys.stdout, limit=50)
    return 0


def _hm(ts) -> str:
    return ts.strftime("%Y-%m-%d %H:%M") if ts else ""


def _num(v, fmt: str = "{:.1f}") -> str:
    return "" if v is None else fmt.format(v)


def cmd_status(args: argparse.Namespace) -> int:
    """Per source: last run, result, last new document, failure streak, drift. Exit 1 when stale."""
    import time

    from flows.pipeline import sources_for
    from flows.table import print_table
    from warehouse.db import reading
    from warehouse.errors import WarehouseBusy
    from warehouse.status import Configured, source_status

    settings = _settings(args)
    configured = [Configured(s.name, s.group, s.region, s.stale_after_hours) for s in sources_for(settings)]
    deadline = time.monotonic() + args.wait
    while True:  # a run holds the file only while a batch loads; wait for it a little
        try:
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
        print_table(cols, [
            [r.source, r.group, _hm(r.last_run_at), r.last_run_status, r.failure_streak or "",
             _hm(r.last_new_document_at), _num(r.hours_since_new), _num(r.stale_after_hours, "{:g}"),
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


def _add_reader_options(p: argparse.ArgumentParser, *, csv: bool = True) -> None:
    p.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                   help="how long to wait while a run is writing the warehouse (default: 30; 0: fail at once)")
    if csv:
        p.add_argument("--bom", action="store_true",
                       help="CSV: start with a UTF-8 byte order mark, for spreadsheet programs")


def _add_export_and_report(sub) -> None:
    x = sub.add_parser("export", help="write every view as a file (figures partitioned by year)")
    x.add_argument("dir", metavar="DIR")
    x.add_argument("--db", metavar="PATH", help="DuckDB file (default: data/pressetl.duckdb)")
    x.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    _add_reader_options(x)
    x.set_defaults(func=cmd_export)

    rp = sub.add_parser("report", help="one HTML file with series charts, a map and recent claims; opens offline")
    rp.add_argument("--db", metavar="PATH", help="DuckDB file (default: data/pressetl.duckdb)")
    rp.add_argument("--metric", action="append", metavar="METRIC",
                    help="chart this metric (repeatable; a prefix such as narcotics. works; default: the longest series)")
    rp.add_argument("--region", action="append", metavar="REGION", help="only this region (repeatable)")
    rp.add_argument("--out", default="report.html", metavar="FILE", help="where to write it (default: report.html)")
    _add_reader_options(rp, csv=False)
    rp.set_defaults(func=cmd_report)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pressetl", description="Regional press releases into a DuckDB history of figures.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    e = sub.add_parser("extract", help="print the figures of local files (no database, no Prefect)")
    e.add_argument("files", nargs="+", metavar="FILE")
    e.add_argument("--published", type=_date, help="publication date; periods resolve against it")
    e.add_argument("--region", help="the source's region, e.g. 云南省; resolves 全省/全市")
    e.add_argument("--format", choices=["jsonl", "table"], default="table")
    e.add_argument("--explain", action="store_true",
                   help="with --format table: name the rule that read each period and region")
    e.set_defaults(func=cmd_extract)

    r = sub.add_parser("run", help="run the ingest flow (the bundled samples by default)")
    r.add_argument("--config", metavar="SOURCES_YAML", help="sources file (default: the bundled samples)")
    r.add_argument("--db", metavar="PATH", help="DuckDB file (default: data/pressetl.duckdb)")
    r.add_argument("--source", action="append", metavar="NAME", help="run only this source (repeatable)")
    r.add_argument("--group", metavar="GROUP", help="run only the sources of this group")
    r.add_argument("--plain", action="store_true", help="run the stages without Prefect (the reference path)")
    r.set_defaults(func=cmd_run)

    q = sub.add_parser("sql", help="query the warehouse")
    q.add_argument("query", metavar="SQL")
    q.add_argument("--db", metavar="PATH", help="DuckDB file (default: data/pressetl.duckdb)")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    _add_reader_options(q)
    q.set_defaults(func=cmd_sql)
    _add_export_and_report(sub)

    so = sub.add_parser("sources", help="list the configured sources with their last run")
    so.add_argument("--config", metavar="SOURCES_YAML")
    so.add_argument("--db", metavar="PATH")
    so.set_defaults(func=cmd_sources)

    st = sub.add_parser("status", help="per source: last run, failures, staleness, drift (exit 1 when stale)")
    st.add_argument("--config", metavar="SOURCES_YAML", help="sources file (default: the bundled samples)")
    st.add_argument("--db", metavar="PATH", help="DuckDB file (default: data/pressetl.duckdb)")
    st.add_argument("--format", choices=["table", "json"], default="table")
    st.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                    help="how long to wait while a run is writing the warehouse (default: 30)")
    st.set_defaults(func=cmd_status)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from flows.errors import PressetlError
    from warehouse.errors import WarehouseError

    try:
        return args.func(args)
    except (PressetlError, WarehouseError) as e:
        print(f"pressetl {args.command}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
