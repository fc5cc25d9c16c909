from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from flows.cli import main
from warehouse.db import writing
from warehouse.load import load_batch
from warehouse.runs import SourceOutcome, finish_run, finish_source, start_run, upsert_source
from warehouse.status import Configured, source_status

from .conftest import make_processed

NOW = datetime(2024, 7, 1, 12, 0, tzinfo=UTC)


def record_run(con, run_id: str, at: datetime, results: dict[str, str], docs: dict[str, list] | None = None,
               flow: str = "ingest", stale_after: dict[str, float] | None = None) -> None:
    """A run finished at ``at``: per source its status and the documents it loaded."""
    start_run(con, run_id=run_id, flow=flow, prefect_flow_run_id=None)
    for source, status in results.items():
        limit = (stale_after or {}).get(source)
        upsert_source(con, name=source, kind="directory", region="云南省", group="yunnan",
                      config={"name": source, "stale_after_hours": limit})
        stats = load_batch(con, run_id=run_id, processed=(docs or {}).get(source, []))
        finish_source(con, run_id, SourceOutcome(source=source, status=status, documents_new=stats.documents_new,
                                                 figures=stats.figures,
                                                 fatal_reason="listing unreachable" if status == "failed" else None))
    finish_run(con, run_id, "completed")
    for table, col in (("runs", "started_at"), ("runs", "finished_at"), ("run_sources", "finished_at"),
                       ("documents", "created_at"), ("extractions", "extracted_at")):
        con.execute(f"UPDATE {table} SET {col} = ? WHERE run_id = ?", [at, run_id])


def docs(source: str, prefix: str, n: int, figures: int) -> list:
    return [make_processed(f"https://{source}.example/{prefix}{i}", f"text {prefix}{i}", source=source,
                           values=tuple(float(v + 1) for v in range(figures)))
            for i in range(n)]


def by_source(rows):
    return {r.source: r for r in rows}


def test_last_run_new_document_and_staleness(db_path):
    with writing(db_path) as con:
        record_run(con, "r1", NOW - timedelta(hours=50), {"quiet": "completed", "busy": "completed"},
                   {"quiet": docs("quiet", "a", 2, 1), "busy": docs("busy", "a", 2, 1)})
        record_run(con, "r2", NOW - timedelta(hours=2), {"quiet": "completed", "busy": "completed"},
                   {"busy": docs("busy", "b", 1, 1)})
        rows = by_source(source_status(con, now=NOW, configured=[
            Configured("quiet", stale_after_hours=24), Configured("busy", stale_after_hours=24),
            Configured("new-one", stale_after_hours=24)]))
    quiet, busy, new = rows["quiet"], rows["busy"], rows["new-one"]
    assert quiet.last_run_at == NOW - timedelta(hours=2) and quiet.last_run_status == "completed"
    assert quiet.last_new_document_at == NOW - timedelta(hours=50)
    assert quiet.hours_since_new == pytest.approx(50) and quiet.stale and quiet.flags == ["stale"]
    assert busy.hours_since_new == pytest.approx(2) and not busy.stale and busy.documents == 3
    # configured but never run: listed, not stale
    assert new.last_run_status == "never run" and not new.stale and new.hours_since_new is None


def test_a_source_that_never_gave_a_document_goes_stale_from_its_first_run(db_path):
    with writing(db_path) as con:
        record_run(con, "r1", NOW - timedelta(hours=30), {"empty": "completed"})
        rows = by_source(source_status(con, now=NOW, configured=[Configured("empty", stale_after_hours=24)]))
    assert rows["empty"].hours_since_new == pytest.approx(30) and rows["empty"].stale


def test_stored_limit_applies_without_a_configuration_and_removed_sources_never_count(db_path):
    with writing(db_path) as con:
        record_run(con, "r1", NOW - timedelta(hours=40), {"old": "completed"}, {"old": docs("old", "a", 1, 1)},
                   stale_after={"old": 12})
        unconfigured = by_source(source_status(con, now=NOW))
        removed = by_source(source_status(con, now=NOW, configured=[]))
    assert unconfigured["old"].stale and unconfigured["old"].stale_after_hours == 12
    assert not removed["old"].stale and removed["old"].flags == ["not configured"]


def test_failure_streak_counts_failed_and_partial_runs_ending_at_the_last(db_path):
    with writing(db_path) as con:
        for i, status in enumerate(["failed", "completed", "failed", "partial", "failed"]):
            record_run(con, f"r{i}", NOW - timedelta(hours=10 - i), {"s": status})
        broken = by_source(source_status(con, now=NOW))["s"]
        record_run(con, "r9", NOW - timedelta(hours=1), {"s": "completed"})
        mended = by_source(source_status(con, now=NOW))["s"]
    assert broken.failure_streak == 3 and broken.failing and broken.last_run_status == "failed"
    assert broken.last_run_reason == "listing unreachable"
    assert mended.failure_streak == 0 and not mended.failing


def test_backfill_and_reextract_runs_do_not_judge_the_live_source(db_path):
    with writing(db_path) as con:
        record_run(con, "r1", NOW - timedelta(hours=5), {"s": "failed"})
        record_run(con, "r2", NOW - timedelta(hours=4), {"s": "completed"}, flow="reextract")
        record_run(con, "r3", NOW - timedelta(hours=3), {"s": "completed"}, flow="backfill")
        row = by_source(source_status(con, now=NOW))["s"]
    assert row.last_run_status == "failed" and row.failure_streak == 1 and row.runs == 1


def test_drift_when_recent_documents_yield_far_fewer_figures_than_history(db_path):
    with writing(db_path) as con:
        record_run(con, "r1", NOW - timedelta(days=20), {"drifty": "completed", "steady": "completed"},
                   {"drifty": docs("drifty", "old", 15, 4), "steady": docs("steady", "old", 15, 4)})
        record_run(con, "r2", NOW - timedelta(days=1), {"drifty": "completed", "steady": "completed"},
                   {"drifty": docs("drifty", "new", 10, 1), "steady": docs("steady", "new", 10, 3)})
        rows = by_source(source_status(con, now=NOW))
    d, s = rows["drifty"], rows["steady"]
    assert (d.recent_documents, d.history_documents) == (10, 15)
    assert d.recent_figures_per_document == pytest.approx(1) and d.history_figures_per_document == pytest.approx(4)
    assert d.drifting and d.flags == ["drift"]
    assert not s.drifting


def test_no_drift_verdict_on_a_short_history(db_path):
    with writing(db_path) as con:
        record_run(con, "r1", NOW - timedelta(days=2), {"s": "completed"}, {"s": docs("s", "old", 3, 5)})
        record_run(con, "r2", NOW - timedelta(days=1), {"s": "completed"}, {"s": docs("s", "new", 10, 0)})
        row = by_source(source_status(con, now=NOW))["s"]
    assert row.history_documents == 3 and not row.drifting


# ---------------------------------------------------------------- the command


def write_config(tmp_path, stale_after: float | None) -> str:
    (tmp_path / "docs").mkdir(exist_ok=True)
    limit = f"\n    stale_after_hours: {stale_after}" if stale_after is not None else ""
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: s\n    kind: directory\n    path: docs{limit}\n", encoding="utf-8")
    return str(cfg)


def test_status_command_exits_1_when_a_source_is_stale(db_path, tmp_path, capsys):
    with writing(db_path) as con:
        record_run(con, "r1", datetime.now(UTC) - timedelta(hours=48), {"s": "completed"},
                   {"s": docs("s", "a", 1, 2)})
    assert main(["status", "--db", str(db_path), "--config", write_config(tmp_path, 24)]) == 1
    out = capsys.readouterr().out
    assert "stale: s: no new document for 48 h (limit 24 h)" in out
    assert main(["status", "--db", str(db_path), "--config", write_config(tmp_path, 72)]) == 0
    assert main(["status", "--db", str(db_path), "--config", write_config(tmp_path, None), "--format", "json"]) == 0
    out = capsys.readouterr().out.strip().splitlines()[-1]
    assert '"source": "s"' in out and '"last_run_status": "completed"' in out


def test_status_command_says_plainly_when_a_run_is_writing(db_path, tmp_path, capsys):
    with writing(db_path) as con:
        record_run(con, "r1", datetime.now(UTC), {"s": "completed"})
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time, duckdb
        con = duckdb.connect({str(db_path)!r})
        print("open", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        code = main(["status", "--db", str(db_path), "--config", write_config(tmp_path, None), "--wait", "0"])
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    assert code == 2
    err = capsys.readouterr().err
    assert "is open for writing by another process" in err and "try again when that run has finished" in err


def test_the_last_run_shows_however_it_ended_and_only_abandoned_ones_count_as_failing(db_path):
    with writing(db_path) as con:
        record_run(con, "r1", NOW - timedelta(hours=5), {"a": "completed", "b": "completed"})
        record_run(con, "r2", NOW - timedelta(hours=4), {"a": "interrupted", "b": "abandoned"})
        rows = by_source(source_status(con, now=NOW))
    assert (rows["a"].last_run_status, rows["a"].failing, rows["a"].failure_streak) == ("interrupted", False, 0)
    assert (rows["b"].last_run_status, rows["b"].failing, rows["b"].failure_streak) == ("abandoned", True, 1)


def run_then_kill(db_path, tmp_path, while_alive=lambda: None) -> None:
    """A process starts a run, loads one batch and is killed (SIGKILL: no chance to record its end)."""
    import os
    import signal

    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from flows.settings import Settings
        from flows import pipeline
        from tests.warehouse.conftest import make_processed
        settings = Settings(db_path={str(db_path)!r})
        cfg = pipeline.sources_for(settings.with_(sources_path={write_config(tmp_path, None)!r}))
        pipeline.prepare_run(settings, "killed-run", "plain", cfg)
        pipeline.load(settings, "killed-run", [make_processed("https://s.example/1", "text 1", source="s")], [])
        print("loaded", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "loaded"
        while_alive()
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    finally:
        holder.stdin.close()
        holder.stdout.close()
        if holder.poll() is None:
            holder.kill()


def test_a_killed_run_is_found_by_status_and_marked_abandoned_with_what_it_kept(db_path, tmp_path, capsys):
    """Its live-run lock goes with the killed process, so `pressetl status` marks it abandoned."""
    config = write_config(tmp_path, None)

    def status_while_alive():
        assert main(["status", "--db", str(db_path), "--config", config]) == 0
        assert "running" in capsys.readouterr().out  # alive: shown as running, left alone

    run_then_kill(db_path, tmp_path, status_while_alive)
    assert main(["status", "--db", str(db_path), "--config", config]) == 0
    captured = capsys.readouterr()
    assert "run killed-run ended without recording its end (its process is gone): marked abandoned" in captured.err
    assert "last run abandoned, 1 in a row: the run's process ended without recording its end" in captured.out
    with writing(db_path) as con:
        assert con.execute("SELECT status, finished_at IS NOT NULL, documents_new, figures FROM runs").fetchall() == [
            ("abandoned", True, 1, 1)]
    assert not list((tmp_path / "w.duckdb.runs").iterdir())


def test_status_says_which_zone_its_times_are_in(db_path, tmp_path, capsys):
    with writing(db_path) as con:
        record_run(con, "r1", datetime(2024, 7, 1, 1, 30, tzinfo=UTC), {"s": "completed"})
    config = write_config(tmp_path, None)
    assert main(["status", "--db", str(db_path), "--config", config]) == 0
    out = capsys.readouterr().out
    assert "times in Asia/Shanghai (UTC+08:00), the schedules' zone" in out and "2024-07-01 09:30" in out
    assert main(["status", "--db", str(db_path), "--config", config, "--tz", "UTC"]) == 0
    out = capsys.readouterr().out
    assert "times in UTC (UTC+00:00)" in out and "2024-07-01 01:30" in out
    assert main(["status", "--db", str(db_path), "--config", config, "--tz", "Mars/Olympus"]) == 2
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err


def test_a_killed_run_is_found_by_the_next_run(db_path, tmp_path, caplog):
    import logging

    from flows import pipeline
    from flows.settings import Settings

    run_then_kill(db_path, tmp_path)
    settings = Settings(db_path=db_path, sources_path=Path(write_config(tmp_path, None)))
    with caplog.at_level(logging.WARNING, logger="pressetl"):
        res = pipeline.run_plain(settings)
    assert "run killed-run ended without recording its end (its process is gone): marked abandoned" in caplog.text
    with writing(db_path) as con:
        assert dict(con.execute("SELECT run_id, status FROM runs").fetchall()) == {
            "killed-run": "abandoned", res.run_id: "completed"}


def test_a_lock_file_left_by_a_run_killed_after_recording_its_end_is_removed(db_path):
    """Killed between recording its end and removing its lock file: the next writer removes the
    file; a free lock file of a run not recorded at all (it may be starting) is left alone."""
    from warehouse.db import claim_run, release_run
    from warehouse.runs import abandon_dead_runs

    with writing(db_path) as con:
        record_run(con, "ended-run", NOW, {"s": "completed"})
    folder = db_path.with_name(db_path.name + ".runs")
    folder.mkdir()
    (folder / "ended-run").write_text("pid 1 on gone\n")  # no process holds it
    (folder / "unrecorded-run").write_text("pid 1 on gone\n")
    claim_run(db_path, "held-run")  # held by this process: alive
    try:
        with writing(db_path) as con:
            assert abandon_dead_runs(con, db_path) == []
        assert sorted(p.name for p in folder.iterdir()) == ["held-run", "unrecorded-run"]
    finally:
        release_run(db_path, "held-run")
