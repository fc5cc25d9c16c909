"""Fixtures for flow tests: a real HTTP fixture site on 127.0.0.1 (see fixture_site.py)."""

from __future__ import annotations

import pytest

from tests.flows.fixture_site import FixtureSite


@pytest.fixture
def site():
    """A fresh fixture site per test; robots.txt allows everything unless a test sets it."""
    with FixtureSite() as s:
        yield s
    assert s.server_errors == [], "the fixture site's handler raised"


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for every flow test of the session (no server of ours needed)."""
    import os

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
