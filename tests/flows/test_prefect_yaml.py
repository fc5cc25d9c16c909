"""prefect.yaml and docs/automations.yaml read as Prefect reads them, without a server.

The end-to-end test deploys them for real; these checks say quickly which deployment is wrong.
"""

from __future__ import annotations

import inspect
import uuid
from pathlib import Path

import pytest
import yaml

from flows.config import load_sources, samples_config

REPO = Path(__file__).resolve().parents[2]


def deployments() -> list[dict]:
    return yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]


def load_flow(entrypoint: str):
    from prefect.flows import load_flow_from_entrypoint

    path, name = entrypoint.split(":")
    return load_flow_from_entrypoint(str(REPO / path) + ":" + name)


@pytest.mark.parametrize("d", deployments(), ids=lambda d: d["name"])
def test_each_deployment_names_a_flow_and_its_parameters(d):
    from prefect.cli.deploy._models import PrefectYamlModel

    PrefectYamlModel.model_validate({"deployments": [d]})
    fl = load_flow(d["entrypoint"])
    accepted = set(inspect.signature(fl.fn).parameters)
    assert set(d["parameters"]) <= accepted, f"{d['name']}: unknown parameters {set(d['parameters']) - accepted}"
    assert d["work_pool"]["name"] == "pressetl"
    assert d["concurrency_limit"] == {"limit": 1, "collision_strategy": "ENQUEUE"}
    for s in d["schedules"]:
        assert s["timezone"] == "Asia/Shanghai" and len(s["cron"].split()) == 5


def test_the_sample_groups_each_have_a_deployment_and_on_demand_runs_have_no_schedule():
    by_name = {d["name"]: d for d in deployments()}
    groups = {s.group for s in load_sources(samples_config()) if s.group}
    deployed = {d["parameters"]["group"] for d in by_name.values() if "group" in d["parameters"]}
    assert deployed == groups
    assert by_name["samples"]["parameters"] == {} and by_name["samples"]["schedules"]
    assert by_name["reextract"]["schedules"] == [] and by_name["backfill"]["schedules"] == []


def build_steps() -> dict[str, dict]:
    cfg = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    steps = [b["prefect.deployments.steps.run_shell_script"] for b in cfg["build"]]
    return {s["id"]: s for s in steps}


def test_the_pull_step_runs_the_checkout_prefect_deploy_ran_in():
    cfg = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    step = build_steps()["checkout"]
    assert step["script"] == "pwd"
    assert cfg["pull"] == [{"prefect.deployments.steps.set_working_directory":
                            {"directory": "{{ " + step["id"] + ".stdout }}"}}]


@pytest.mark.parametrize("sources", [None, "/srv/pressetl/sources.yaml"])
def test_schedules_are_active_only_when_deployed_with_a_sources_file(sources):
    """Without PRESSETL_SOURCES a deploy would schedule runs over the bundled samples: its
    schedules are created paused, and the deploy says so. The samples' own schedule is always paused."""
    import asyncio
    import os

    from prefect.deployments.steps.utility import run_shell_script
    from prefect.utilities.templating import apply_values

    env = {k: v for k, v in os.environ.items() if k != "PRESSETL_SOURCES"}
    if sources:
        env["PRESSETL_SOURCES"] = sources
    steps = build_steps()
    outputs = {}
    for name in ("schedules", "schedules-note"):
        out = asyncio.run(run_shell_script(steps[name]["script"], env=env, stream_output=False))
        outputs[name] = out  # as `prefect deploy` keeps a step's outputs: under its id
    assert outputs["schedules"]["stdout"] == ("true" if sources else "false")
    assert ("is not set here, so every schedule is created paused" in outputs["schedules-note"]["stdout"]) == (not sources)
    for d in deployments():
        for sched in apply_values(d["schedules"], outputs):
            active = sched.get("active", True)
            expected = False if d["name"] == "samples" else bool(sources)
            assert str(active).lower() == str(expected).lower(), (d["name"], active)


def test_the_documented_automations_are_valid():
    from prefect.events.schemas.automations import AutomationCore

    text = (REPO / "docs" / "automations.yaml").read_text(encoding="utf-8")
    assert "YOUR-NOTIFICATION-BLOCK-ID" in text
    data = yaml.safe_load(text.replace("YOUR-NOTIFICATION-BLOCK-ID", str(uuid.uuid4())))
    autos = [AutomationCore.model_validate(a) for a in data["automations"]]
    assert {a.name for a in autos} == {"pressetl-flow-run-failed", "pressetl-source-in-trouble", "pressetl-ingest-quiet"}
