"""The deploy path of docs/operations.md against a real Prefect server, end to end.

Starts `prefect server start` on a free port of 127.0.0.1 with its own PREFECT_HOME, creates
the `pressetl` process work pool, runs `prefect deploy --all` from the repository root,
triggers `ingest/samples`, runs a worker with --run-once until that flow run finishes, then
asserts through the REST API that the run is Completed (the worker exits 0 even when the flow
failed) and published its artifacts, and that the warehouse holds its rows.

Every process it starts runs in its own process group and is killed at the end, also on failure;
every wait is bounded and says what it waited for.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

REPO = Path(__file__).resolve().parents[2]
PREFECT = str(Path(sys.executable).parent / "prefect")
POOL = "pressetl"
SERVER_START_TIMEOUT = 90
COMMAND_TIMEOUT = 90
WORKER_TIMEOUT = 150


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no output)"


class Processes:
    """Popen in new process groups, each killed (the whole group) by stop_all."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def start(self, cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
        out = open(log, "wb")  # closed in stop()
        p = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        p._log_file = out  # type: ignore[attr-defined]
        self.started.append(p)
        return p

    @staticmethod
    def stop(p: subprocess.Popen) -> None:
        """SIGTERM to the group, then SIGKILL to whatever is left of it (a flow-run subprocess)."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(p.pid, sig)
            except ProcessLookupError:
                break
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        p._log_file.close()  # type: ignore[attr-defined]

    def stop_all(self) -> None:
        for p in reversed(self.started):
            self.stop(p)


@pytest.fixture
def procs():
    ps = Processes()
    try:
        yield ps
    finally:
        ps.stop_all()


@pytest.fixture
def server(tmp_path, procs):
    """A fresh Prefect server; yields (api_url, env for the CLI and the worker)."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PRESSETL_"))}
    env.update({
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_API_HOST": "127.0.0.1",
        "PREFECT_SERVER_API_PORT": str(port),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
        # the test triggers its run itself; no scheduled run may race it to the worker
        "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        "PREFECT_CLI_PROMPT": "false",
        "PREFECT_CLI_COLORS": "false",
        "PREFECT_CLI_WRAP_LINES": "false",
        "PRESSETL_DB": str(tmp_path / "warehouse" / "pressetl.duckdb"),
        "PYTHONUNBUFFERED": "1",
    })
    start_server(procs, port, env, tmp_path / "server.log")
    yield api, env


def start_server(procs: Processes, port: int, env: dict[str, str], log: Path) -> None:
    """`prefect server start` on 127.0.0.1:``port`` with ``env``, waited for until its API is healthy."""
    api = env["PREFECT_API_URL"]
    p = procs.start([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"], env, log)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if p.poll() is not None:
            pytest.fail(f"prefect server exited with {p.returncode} before it was healthy:\n{tail(log)}")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"prefect server not healthy on {api} after {SERVER_START_TIMEOUT} s:\n{tail(log)}")
        time.sleep(0.5)


def prefect(env: dict[str, str], *args: str, timeout: float = COMMAND_TIMEOUT) -> str:
    try:
        res = subprocess.run([PREFECT, *args], cwd=REPO, env=env, capture_output=True, text=True,
                             timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"`prefect {' '.join(args)}` did not finish in {timeout} s:\n{e.stdout}\n{e.stderr}")
    if res.returncode != 0:
        pytest.fail(f"`prefect {' '.join(args)}` exited {res.returncode}:\n{res.stdout}\n{res.stderr}")
    return res.stdout + res.stderr


def test_deploy_trigger_and_run_the_samples_deployment(server, procs, tmp_path):
    api, env = server
    t0 = time.monotonic()
    prefect(env, "work-pool", "create", POOL, "--type", "process")
    said = prefect(env, "deploy", "--all")
    assert "PRESSETL_SOURCES is not set here, so every schedule is created paused" in said

    with httpx.Client(base_url=api, timeout=10) as client:
        # the deployments as prefect.yaml declares them
        groups = ["yunnan", "guangxi", "guizhou", "guangdong", "sichuan", "portal", "stats"]
        for name in ["samples", *groups]:
            d = client.get(f"/deployments/name/ingest/{name}").raise_for_status().json()
            assert d["work_pool_name"] == POOL
            assert d["global_concurrency_limit"]["limit"] == 1
            assert d["concurrency_options"]["collision_strategy"] == "ENQUEUE"
            (sched,) = d["schedules"]
            assert sched["schedule"]["cron"] and sched["schedule"]["timezone"] == "Asia/Shanghai"
            assert sched["active"] is False  # deployed without PRESSETL_SOURCES: paused, not over the samples
            assert d["parameters"] == ({} if name == "samples" else {"group": name})
            assert d["pull_steps"] == [
                {"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}
            ]
        for flow_name in ("reextract", "backfill"):
            d = client.get(f"/deployments/name/{flow_name}/{flow_name}").raise_for_status().json()
            assert d["schedules"] == [] and d["entrypoint"] == f"flows/maintenance.py:{flow_name}"
        d = client.get("/deployments/name/status/status").raise_for_status().json()
        assert d["schedules"][0]["schedule"]["timezone"] == "Asia/Shanghai"

        # the automations of docs/automations.yaml, as docs/operations.md creates them
        block_id = subprocess.run(
            [sys.executable, "-c", "from prefect.blocks.notifications import SlackWebhook; "
             "print(SlackWebhook(url='http://127.0.0.1:9/hook').save('pressetl-alerts'))"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=COMMAND_TIMEOUT, check=True,
        ).stdout.strip().splitlines()[-1]
        autos = tmp_path / "automations.yaml"
        autos.write_text((REPO / "docs" / "automations.yaml").read_text(encoding="utf-8").replace(
            "YOUR-NOTIFICATION-BLOCK-ID", block_id), encoding="utf-8")
        prefect(env, "automation", "create", "--from-file", str(autos))
        names = {a["name"] for a in client.post("/automations/filter", json={}).raise_for_status().json()}
        assert {"pressetl-flow-run-failed", "pressetl-source-in-trouble", "pressetl-ingest-quiet"} <= names

        out = prefect(env, "deployment", "run", "ingest/samples")
        m = re.search(r"UUID:\s*([0-9a-f-]{36})", out)
        assert m, f"no flow run id in the output of `prefect deployment run`:\n{out}"
        run_id = m.group(1)

        log = tmp_path / "worker.log"
        worker = procs.start([PREFECT, "worker", "start", "--pool", POOL, "--run-once"], env, log)
        try:
            code = worker.wait(timeout=WORKER_TIMEOUT)
        except subprocess.TimeoutExpired:
            state = client.get(f"/flow_runs/{run_id}").json().get("state", {})
            pytest.fail(f"the worker did not finish flow run {run_id} in {WORKER_TIMEOUT} s "
                        f"(state {state.get('type')}: {state.get('message')}):\n{tail(log)}")
        assert code == 0, f"the worker exited {code}:\n{tail(log)}"

        # --run-once exits 0 even when the flow failed: the state is the verdict
        run = client.get(f"/flow_runs/{run_id}").raise_for_status().json()
        assert run["state"]["type"] == "COMPLETED", (
            f"flow run {run_id} is {run['state']['type']}: {run['state'].get('message')}\n{tail(log, 80)}")

        arts = client.post("/artifacts/filter", json={
            "artifacts": {"flow_run_id": {"any_": [run_id]}}}).raise_for_status().json()
        by_key = {a["key"]: a for a in arts}
        assert {"ingest-summary", "ingest-failures"} <= set(by_key)
        assert by_key["ingest-summary"]["type"] == "table"

    db = Path(env["PRESSETL_DB"])
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] > 0
        assert con.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0] > 1
        status, flow = con.execute(
            "SELECT status, flow FROM runs WHERE prefect_flow_run_id = ?", [run_id]).fetchone()
        assert flow == "ingest" and status in ("completed", "partial")
    finally:
        con.close()
    print(f"deploy, run and worker took {time.monotonic() - t0:.0f} s")
