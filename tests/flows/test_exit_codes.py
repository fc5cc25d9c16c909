"""The README's exit-status table is what the CLI returns: each code is produced here the way a
user meets it, and the table, `pressetl --help` and the CLI's own list agree."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.cli import EXIT_CODES, main
from flows.config import samples_config

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_exit_codes() -> dict[int, str]:
    section = README.read_text(encoding="utf-8").split("### Exit status", 1)[1].split("\n### ", 1)[0]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| (.+) \|$", section, re.M)}


def pressetl(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=cwd)


def test_the_readme_help_and_cli_list_the_same_codes():
    readme = readme_exit_codes()
    assert sorted(readme) == [code for code, _ in EXIT_CODES] == [0, 1, 2, 3, 130]
    out = pressetl("--help")
    assert out.returncode == 0
    listed = out.stdout.split("exit status:", 1)[1].split("\n\n", 1)[0]
    assert sorted(int(m.group(1)) for m in re.finditer(r"^\s+(\d+)\s", listed, re.M)) == sorted(readme)


def folder_source(tmp_path: Path, folder: Path) -> Path:
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(f"sources:\n  - name: archive\n    kind: directory\n    path: {folder}\n", encoding="utf-8")
    return cfg


def test_each_code_is_what_the_cli_returns(tmp_path, capsys):
    readme = readme_exit_codes()
    folder = tmp_path / "releases"
    folder.mkdir()
    shutil.copy(samples_config().parent / "yunnan" / "ynga_jindu_20240625.html", folder)

    # 0: every source ran
    assert main(["run", "--plain", "--config", str(folder_source(tmp_path, folder)),
                 "--db", str(tmp_path / "ok.duckdb")]) == 0
    assert "every source ran" in readme[0]

    # 1: a whole source failed (its folder is gone)
    assert main(["run", "--plain", "--config", str(folder_source(tmp_path, tmp_path / "gone")),
                 "--db", str(tmp_path / "failed.duckdb")]) == 1
    assert "a whole source failed" in readme[1]

    # 2: a mistake in the sources file, named with the closest field
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"sources:\n  - name: archive\n    kind: directory\n    pth: {folder}\n", encoding="utf-8")
    assert main(["run", "--plain", "--config", str(bad)]) == 2
    assert f"{bad}: source 'archive': unknown field 'pth' (did you mean 'path'?)" in capsys.readouterr().err
    assert "sources file" in readme[2]

    # 3: PREFECT_API_URL names a server that does not answer
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(HOME=str(tmp_path), PREFECT_API_URL=f"http://127.0.0.1:{port}/api")
    out = pressetl("run", "--db", str(tmp_path / "api.duckdb"), env=env, cwd=tmp_path)
    assert out.returncode == 3, out.stderr
    assert "PREFECT_API_URL" in readme[3] and "prefect server start" in out.stderr and "--plain" in out.stderr


@pytest.mark.timeout(120)
def test_interrupted_is_130_without_a_terminal_too(tmp_path):
    """SIGINT as a job control or a supervisor sends it (the terminal's Ctrl-C: test_terminal.py)."""
    from tests.flows.fixture_site import FixtureSite, html

    db = tmp_path / "w.duckdb"
    with FixtureSite() as site:
        site.route("/list.html", html("".join(f"<a href='/a/{i}.html'>{i}</a>" for i in range(40))))
        for i in range(40):
            site.route(f"/a/{i}.html", html("<p>今年1至5月,全省共破获毒品刑事案件12起。</p>", delay=0.5))
        cfg = tmp_path / "sources.yaml"
        cfg.write_text(f"sources:\n  - name: slow\n    kind: http\n    url: {site.url('/list.html')}\n"
                       "    link_pattern: '/a/'\n    allow_private_network: true\n    delay_seconds: 0\n",
                       encoding="utf-8")
        p = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--plain", "--config", str(cfg),
                              "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while site.hits() < 4 and time.monotonic() < deadline:  # the run is fetching
            time.sleep(0.05)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
    assert p.returncode == 130, err
    assert "Ctrl-C" in readme_exit_codes()[130]
    assert err.strip().splitlines()[-1].startswith("interrupted: kept 0 new or changed documents")
