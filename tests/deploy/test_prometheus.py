"""Prometheus config and alert rules, checked by promtool (config, rules, rule unit tests)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from services.common.config import AGENTS, Settings
from tests.deploy.promql import ALERTS, COMPOSE, PROMETHEUS_CONFIG, PROMETHEUS_DIR, REPO, alert_rules, promtool

TOOL = promtool()
needs_promtool = pytest.mark.skipif(TOOL is None, reason="promtool not found: run scripts/install-prometheus.sh")

REQUIRED_ALERTS = {
    "NewsstreamNoProgress",
    "NewsstreamDeadLettersHigh",
    "NewsstreamWorkerDown",
    "NewsstreamWorkerAbsent",
    "NewsstreamWorkerNotReady",
    "NewsstreamEndToEndLatencyHigh",
}


def run_promtool(*args: str) -> subprocess.CompletedProcess[str]:
    assert TOOL is not None
    return subprocess.run([TOOL, *args], cwd=REPO, capture_output=True, text=True, timeout=120, check=False)


@needs_promtool
def test_promtool_check_config() -> None:
    result = run_promtool("check", "config", str(PROMETHEUS_CONFIG))
    assert result.returncode == 0, result.stdout + result.stderr


@needs_promtool
def test_promtool_check_rules() -> None:
    result = run_promtool("check", "rules", str(ALERTS))
    assert result.returncode == 0, result.stdout + result.stderr


def rule_test_files() -> list[Path]:
    return sorted((PROMETHEUS_DIR / "tests").glob("*.yml"))


@needs_promtool
def test_promtool_rule_unit_tests() -> None:
    files = rule_test_files()
    assert files, "no promtool rule tests in deploy/prometheus/tests/"
    result = run_promtool("test", "rules", *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr


@needs_promtool
def test_promtool_rule_tests_catch_a_wrong_expectation(tmp_path: Path) -> None:
    """The unit tests really compare: a copy with one expected value changed must fail."""
    original = (PROMETHEUS_DIR / "tests" / "alerts_test.yml").read_text(encoding="utf-8")
    broken = original.replace("is 300 messages", "is 301 messages")
    assert broken != original
    copy = tmp_path / "broken_test.yml"
    copy.write_text(broken.replace("../alerts.yml", str(ALERTS)), encoding="utf-8")
    result = run_promtool("test", "rules", str(copy))
    assert result.returncode != 0


def test_every_alert_has_firing_and_quiet_unit_tests() -> None:
    alerts = {rule["alert"] for rule in alert_rules() if "alert" in rule}
    assert alerts >= REQUIRED_ALERTS
    fired: set[str] = set()
    quiet: set[str] = set()
    for path in rule_test_files():
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for test in doc["tests"]:
            for case in test.get("alert_rule_test", []):
                (fired if case.get("exp_alerts") else quiet).add(case["alertname"])
    assert alerts <= fired, f"alerts never tested firing: {alerts - fired}"
    assert alerts <= quiet, f"alerts never tested quiet: {alerts - quiet}"


def test_alerts_have_severity_and_summary() -> None:
    for rule in alert_rules():
        assert rule["labels"]["severity"] in {"warning", "critical"}, rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]


def test_scrape_config_covers_every_compose_agent_with_dns_discovery() -> None:
    """Each agent service of the compose file is scraped via DNS A records (all --scale
    replicas) on the port its worker binds: NEWSSTREAM_METRICS_PORT + agent index."""
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text(encoding="utf-8"))
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    assert "prometheus" in jobs
    for agent in AGENTS:
        assert agent in compose["services"], f"compose lacks agent service {agent}"
        env = compose["services"][agent]["environment"]
        settings = Settings(metrics_port=int(env["NEWSSTREAM_METRICS_PORT"]))
        job = jobs[agent]
        (sd,) = job["dns_sd_configs"]
        assert sd["type"] == "A"
        assert sd["names"] == [agent]
        assert sd["port"] == settings.agent_metrics_port(agent)
        assert any(r.get("target_label") == "agent" and r.get("replacement") == agent for r in job["relabel_configs"])


def test_alert_worker_jobs_match_scrape_jobs() -> None:
    """NewsstreamWorkerDown selects up{job=~"..."}: those must be the scrape jobs."""
    expr = next(rule["expr"] for rule in alert_rules() if rule.get("alert") == "NewsstreamWorkerDown")
    assert 'job=~"' + "|".join(AGENTS) + '"' in expr


INSTALL_SCRIPT = REPO / "scripts" / "install-prometheus.sh"


def test_install_script_is_valid_bash() -> None:
    result = subprocess.run(["bash", "-n", str(INSTALL_SCRIPT)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(
    TOOL is None or shutil.which("prometheus") is None, reason="prometheus not installed: nothing to be idempotent on"
)
def test_install_script_is_a_no_op_when_installed() -> None:
    """Idempotent: with prometheus and promtool present it touches nothing (no apt-get)."""
    result = subprocess.run(["bash", str(INSTALL_SCRIPT)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "already installed" in result.stdout
