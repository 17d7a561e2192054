"""The Grafana dashboard: generated JSON is committed and fresh, valid, and provisioned."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.deploy.promql import COMPOSE, DASHBOARD, REPO, dashboard, dashboard_panels

GENERATOR = REPO / "deploy" / "grafana" / "build_dashboard.py"
PROVISIONING = REPO / "deploy" / "grafana" / "provisioning"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    pytest.importorskip("grafana_foundation_sdk", reason="pip install -e '.[dev]' (grafana-foundation-sdk)")
    spec = importlib.util.spec_from_file_location("build_dashboard", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_json_equals_generator_output(generator: ModuleType) -> None:
    assert DASHBOARD.read_text(encoding="utf-8") == generator.render(), (
        "deploy/grafana/dashboards/newsstream.json is stale: run .venv/bin/python deploy/grafana/build_dashboard.py"
    )


def test_generator_check_mode_passes() -> None:
    pytest.importorskip("grafana_foundation_sdk")
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr


def test_dashboard_is_valid_json_with_grafana_essentials() -> None:
    data = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    assert data["uid"] == "newsstream-overview"
    assert data["title"] == "newsstream"
    assert isinstance(data["schemaVersion"], int)
    assert data["panels"]


def test_panels_have_queries_on_the_datasource_variable() -> None:
    for panel in dashboard_panels():
        if panel["type"] == "row":
            continue
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        assert panel["targets"], panel["title"]
        ref_ids = [t["refId"] for t in panel["targets"]]
        assert len(ref_ids) == len(set(ref_ids)), panel["title"]
        for target in panel["targets"]:
            assert target["expr"].strip(), panel["title"]


def test_panels_fit_the_grid_without_overlap() -> None:
    taken: set[tuple[int, int]] = set()
    for panel in dashboard_panels():
        pos = panel["gridPos"]
        assert pos["x"] >= 0 and pos["x"] + pos["w"] <= 24, panel["title"]
        cells = {(x, y) for x in range(pos["x"], pos["x"] + pos["w"]) for y in range(pos["y"], pos["y"] + pos["h"])}
        assert not cells & taken, f"{panel['title']} overlaps another panel"
        taken |= cells


def variables() -> dict[str, dict[str, Any]]:
    return {v["name"]: v for v in dashboard()["templating"]["list"]}


def test_agent_variable_and_per_agent_row() -> None:
    agent = variables()["agent"]
    assert agent["type"] == "query"
    assert agent["multi"] and agent["includeAll"]
    assert "newsstream_worker_up" in agent["query"]
    assert variables()["datasource"]["query"] == "prometheus"
    repeated = [p for p in dashboard_panels() if p["type"] == "row" and p.get("repeat") == "agent"]
    assert repeated, "no row repeated per agent"
    assert any('agent="$agent"' in t["expr"] for p in dashboard_panels() for t in p.get("targets", []))


@pytest.mark.parametrize(
    "needle",
    [
        "newsstream_messages_in_total",
        "newsstream_messages_out_total",
        "newsstream_consumer_lag_messages",
        "histogram_quantile(0.5, sum by (le) (rate(newsstream_end_to_end_latency_seconds_bucket",
        "histogram_quantile(0.95, sum by (le) (rate(newsstream_end_to_end_latency_seconds_bucket",
        "histogram_quantile(0.99, sum by (le) (rate(newsstream_end_to_end_latency_seconds_bucket",
        "histogram_quantile(0.99, sum by (agent, le) (rate(newsstream_processing_seconds_bucket",
        "sum by (stage, reason) (rate(newsstream_deadletters_total",
        "sum by (type) (rate(newsstream_events_total",
        "newsstream_entities_total",
        "newsstream_quotes_total",
        "newsstream_stances_total",
        "newsstream_articles_skipped_total",
        "newsstream_worker_up",
        "newsstream_worker_ready",
    ],
)
def test_dashboard_shows(needle: str) -> None:
    exprs = [t["expr"] for p in dashboard_panels() for t in p.get("targets", [])]
    assert any(needle in e for e in exprs), f"no panel queries {needle}"


def test_datasource_provisioning() -> None:
    doc = yaml.safe_load((PROVISIONING / "datasources" / "prometheus.yml").read_text(encoding="utf-8"))
    assert doc["apiVersion"] == 1
    (ds,) = doc["datasources"]
    assert ds["type"] == "prometheus"
    assert ds["uid"] == "prometheus"
    assert ds["isDefault"] is True
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert ds["url"] == "http://prometheus:9090"
    assert "prometheus" in compose["services"]


def test_dashboard_provisioning_path_is_where_compose_mounts_the_json() -> None:
    doc = yaml.safe_load((PROVISIONING / "dashboards" / "newsstream.yml").read_text(encoding="utf-8"))
    assert doc["apiVersion"] == 1
    (provider,) = doc["providers"]
    assert provider["type"] == "file"
    path = provider["options"]["path"]
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    mounts = dict(v.split(":")[:2] for v in compose["services"]["grafana"]["volumes"])
    assert mounts["./deploy/grafana/dashboards"] == path
    assert mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
