"""`pressetl run` as a newcomer runs it: a fresh home, no Prefect server, no internet settings.
Nothing on the console but our summary and Prefect's own progress lines: no tracebacks, no
telemetry errors, no shutdown noise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_first_run_is_quiet_and_complete(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PRESSETL_"))}
    env["HOME"] = str(home)
    db = tmp_path / "demo.duckdb"
    p = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--db", str(db)], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=300)
    console = p.stdout + p.stderr
    assert p.returncode == 0, console[-3000:]
    for noise in ("Traceback", "CancelledError", "telemetry", "analytics", "ERROR", "Exception"):
        assert noise not in console, f"{noise!r} on a newcomer's console:\n{console[-3000:]}"
    assert "16 sources; documents: 16 new" in p.stdout
    assert "pressetl sql" in p.stdout
    assert Path(db).exists()
