"""Fixtures shared across packages: the sample warehouse, built the way a newcomer builds it."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import settings

# No per-example deadline: speed is measured in bench/, not asserted by tests, and a loaded CI machine
# must not turn a slow example into a failure.
settings.register_profile("pressetl", deadline=None)
settings.load_profile("pressetl")


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory):
    """The bundled samples loaded by `pressetl run --plain` into a fresh DuckDB file (read it, don't write)."""
    from flows.cli import main

    db = tmp_path_factory.mktemp("samples") / "pressetl.duckdb"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["run", "--plain", "--db", str(db)])
    assert code == 0, out.getvalue()
    return db


def pytest_terminal_summary(terminalreporter):
    """One line on what the reliability tests did: kills, faults, hostile inputs, rows lost/doubled."""
    from tests import tally

    line = tally.line()
    if line:
        terminalreporter.write_line(line)
