"""The command line, run as a user runs it (subprocesses, real files)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flows.cli import main

TEXT = "据悉,今年1至5月,全省共破获毒品刑事案件5453起,缴获毒品11689.4公斤,抓获犯罪嫌疑人5648人。"


def pressetl(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_extract_does_not_import_prefect(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    code = (
        "import sys; from flows.cli import main; "
        f"rc = main(['extract', {str(f)!r}, '--published', '2018-06-26', '--format', 'jsonl']); "
        "sys.stdout.flush(); print('PREFECT' if any(m.split('.')[0] == 'prefect' for m in sys.modules) else 'CLEAN')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "CLEAN"


def test_extract_jsonl_has_the_contract_fields(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    out = pressetl("extract", str(f), "--published", "2018-06-26", "--format", "jsonl", "--region", "云南省")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows, out.stdout
    for r in rows:
        for k in ("mention", "start", "end", "value", "unit", "qualifier", "subject", "kind", "period_start",
                  "period_end", "region", "metric", "sentence"):
            assert k in r
        assert TEXT[r["start"]:r["end"]] == r["mention"]
    cases = next(r for r in rows if r["mention"] == "5453起")
    assert (cases["value"], cases["unit"], cases["period_start"], cases["period_end"]) == (
        5453, "起", "2018-01-01", "2018-05-31")


def test_extract_names_a_missing_file_and_goes_on(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    out = pressetl("extract", str(tmp_path / "missing.txt"), str(f), "--format", "jsonl")
    assert out.returncode == 0
    assert "missing.txt: no such file" in out.stderr
    assert any(json.loads(line)["mention"] == "5453起" for line in out.stdout.splitlines())


def test_bad_config_is_one_line_naming_source_and_field(tmp_path, capsys):
    cfg = tmp_path / "sources.yaml"
    cfg.write_text("sources:\n  - name: good\n    kind: directory\n    path: .\n"
                   "  - name: broken\n    kind: http\n    url: https://example.org/list\n", encoding="utf-8")
    rc = main(["run", "--config", str(cfg), "--db", str(tmp_path / "w.duckdb")])
    err = capsys.readouterr().err
    assert rc == 2
    assert "source 'broken'" in err and "link_pattern" in err and str(cfg) in err
    assert not (tmp_path / "w.duckdb").exists()


def test_private_address_refused_unless_allowed(tmp_path, capsys):
    cfg = tmp_path / "sources.yaml"
    cfg.write_text("sources:\n  - name: lan\n    kind: http\n    url: http://127.0.0.1:8080/list\n"
                   "    link_pattern: 'x'\n", encoding="utf-8")
    assert main(["sources", "--config", str(cfg)]) == 2
    assert "allow_private_network" in capsys.readouterr().err


def test_sql_csv_and_errors(tmp_path, capsys):
    from warehouse.db import writing

    db = tmp_path / "w.duckdb"
    with writing(db):
        pass
    assert main(["sql", "select 1 as a, '云南' as b", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["a,b", "1,云南"]
    assert main(["sql", "select * from no_such_table", "--db", str(db)]) == 2
    assert "no_such_table" in capsys.readouterr().err


def test_sql_without_a_warehouse_says_what_to_do(tmp_path, capsys):
    assert main(["sql", "select 1", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "run `pressetl run` first" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_sql_formats(tmp_path, capsys, fmt):
    from warehouse.db import writing

    db = tmp_path / "w.duckdb"
    with writing(db):
        pass
    assert main(["sql", "select 2 as n", "--db", str(db), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert (json.loads(out) == {"n": 2}) if fmt == "json" else ("n" in out and "2" in out)


def test_help_describes_every_command_and_option_with_examples_codes_and_environment():
    import argparse

    from flows.cli import build_parser

    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert {c.dest for c in sub._choices_actions} == set(sub.choices) == {
        "extract", "run", "sql", "export", "report", "sources", "status"}
    assert all(c.help for c in sub._choices_actions)
    for name, cmd in sub.choices.items():
        for action in cmd._actions:
            if not isinstance(action, argparse._HelpAction):
                assert action.help, f"pressetl {name} {action.option_strings or action.dest}: no help text"
        assert "example:\n  pressetl " + name in cmd.format_help()
    out = pressetl("--help").stdout
    for needed in ("examples:", "pressetl run --plain", "exit status:", "130", "environment:", "PRESSETL_DB",
                   "PRESSETL_SOURCES", "PREFECT_API_URL"):
        assert needed in out, needed


def test_version_names_pressetl_the_extractor_and_the_engines():
    import extractors

    out = pressetl("--version")
    assert out.returncode == 0
    assert re.fullmatch(rf"pressetl \S+ \(extractor {re.escape(extractors.EXTRACTOR_VERSION)}; Prefect 3\.\S+, "
                        r"DuckDB \S+, Python 3\.\S+\)\n", out.stdout), out.stdout


@pytest.mark.parametrize(("entry", "said"), [
    ("kind: http\n    url: https://example.org/list\n    link_patern: '/a/'",
     "source 'misspelt': unknown field 'link_patern' (did you mean 'link_pattern'?)"),
    ("kind: htp\n    url: https://example.org/list",
     "source 'misspelt', field 'kind': unknown kind 'htp' (did you mean 'http'?)"),
    ("kind: feed\n    url: https://example.org/rss\n    colour: red",
     "source 'misspelt': unknown field 'colour' (known: name, region, group, stale_after_hours,"),
])
def test_a_misspelt_key_names_the_file_source_and_closest_field(tmp_path, capsys, entry, said):
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: misspelt\n    {entry}\n", encoding="utf-8")
    assert main(["sources", "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pressetl sources: {cfg}: {said}"), err
    assert len(err.strip().splitlines()) == 1


def test_a_misspelt_top_level_key(tmp_path, capsys):
    cfg = tmp_path / "sources.yaml"
    cfg.write_text("sourcse:\n  - name: x\n", encoding="utf-8")
    assert main(["sources", "--config", str(cfg)]) == 2
    assert "unknown field 'sourcse' (did you mean 'sources'?)" in capsys.readouterr().err
