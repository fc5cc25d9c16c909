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


# The longest modules (each starts servers or whole runs; measured with --durations), handed out
# first: `make test` runs the suite in two processes, each taking a module at a time, and a long
# module begun last would leave one of them working alone at the end.
LONGEST_FIRST = ("test_scaling.py", "test_deployment_e2e.py", "test_concurrent_runs.py", "test_exactly_once.py",
                 "test_terminal.py", "test_newcomer_run.py", "test_streaming.py", "test_maintenance.py")


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        name = item.path.name
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order inside a module, and of the other modules, is kept


def pytest_sessionfinish(session):
    """In a worker of pytest-xdist (make test runs two), hand what the reliability tests counted to the controller."""
    from tests import tally

    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["tally"] = tally.state()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """In the controller of pytest-xdist: add up what each worker counted."""
    from tests import tally

    output = getattr(node, "workeroutput", None) or {}
    if "tally" in output:
        tally.merge(output["tally"])


def pytest_terminal_summary(terminalreporter):
    """One line on what the reliability tests did: kills, faults, hostile inputs, rows lost/doubled."""
    from tests import tally

    line = tally.line()
    if line:
        terminalreporter.write_line(line)
