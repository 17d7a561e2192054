"""Helpers shared by the deploy and metrics tests: repository paths, promtool, and
the metric names used by the dashboard and the alert rules."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = REPO / "deploy" / "prometheus"
PROMETHEUS_CONFIG = PROMETHEUS_DIR / "prometheus.yml"
ALERTS = PROMETHEUS_DIR / "alerts.yml"
DASHBOARD = REPO / "deploy" / "grafana" / "dashboards" / "newsstream.json"
COMPOSE = REPO / "docker-compose.yml"
K8S = REPO / "deploy" / "k8s"
INSTALL_HINT = "promtool not found: run scripts/install-prometheus.sh (make test does)"

_KEYWORDS = {
    "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
    "bool", "offset", "atan2", "inf", "nan",
}  # fmt: skip
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_MATCHERS = re.compile(r"\{[^{}]*\}")
_RANGE = re.compile(r"\[[^\[\]]*\]")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)", re.IGNORECASE)
_IDENT = re.compile(r"(?<![\w$:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:])(?!\s*\()")


def promtool() -> str | None:
    return shutil.which("promtool")


def metric_names(expr: str) -> set[str]:
    """Metric names a PromQL expression selects (functions, keywords, labels and
    Grafana variables removed)."""
    text = _STRING.sub('""', expr)
    text = _MATCHERS.sub("", text)  # label matchers (and {{legend}} braces)
    text = _RANGE.sub("", text)  # [5m], [$__rate_interval], subqueries
    text = _GROUPING.sub(" ", text)  # by (agent, le) ...
    text = re.sub(r"\$\{?\w+\}?", " ", text)  # $agent, ${datasource}
    names = set()
    for match in _IDENT.finditer(text):
        name = match.group(1)
        if name.lower() in _KEYWORDS or re.fullmatch(r"\d+[smhdwy]", name):
            continue
        names.add(name)
    return names


def alert_rules() -> list[dict[str, Any]]:
    doc = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))
    return [rule for group in doc["groups"] for rule in group["rules"]]


def alert_exprs() -> dict[str, str]:
    return {rule.get("alert") or rule["record"]: rule["expr"] for rule in alert_rules()}


def _panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in panels:
        yield panel
        yield from _panels(panel.get("panels", []))


def dashboard() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return data


def dashboard_panels() -> list[dict[str, Any]]:
    return list(_panels(dashboard()["panels"]))


def dashboard_exprs() -> dict[str, str]:
    """'<panel title> / <refId>' -> PromQL of every target, plus the variable queries."""
    out: dict[str, str] = {}
    for panel in dashboard_panels():
        for target in panel.get("targets", []):
            out[f"{panel.get('title')} / {target.get('refId')}"] = target["expr"]
    for var in dashboard()["templating"]["list"]:
        query = var.get("query")
        if var.get("type") == "query" and isinstance(query, str):
            # label_values(metric, label): only the metric is a name.
            m = re.fullmatch(r"\s*label_values\(\s*([^,]+?)\s*,\s*\w+\s*\)\s*", query)
            out[f"variable {var['name']}"] = m.group(1) if m else query
    return out


def used_metric_names() -> dict[str, set[str]]:
    """Metric name -> where it is used (alert names, dashboard panels)."""
    used: dict[str, set[str]] = {}
    for where, expr in {**{f"alert {k}": v for k, v in alert_exprs().items()}, **dashboard_exprs()}.items():
        for name in metric_names(expr):
            used.setdefault(name, set()).add(where)
    return used


def newsstream_exposed_names() -> set[str]:
    """Series names the service's own metrics expose, from services/common/metrics.py:
    ALL_METRIC_NAMES, with _bucket/_sum/_count for histograms."""
    from prometheus_client import REGISTRY

    from services.common import metrics

    collectors = REGISTRY._names_to_collectors
    names: set[str] = set()
    for name in metrics.ALL_METRIC_NAMES:
        names.add(name)
        collector = collectors.get(name)
        if collector is not None and getattr(collector, "_type", "") == "histogram":
            names.update(f"{name}{suffix}" for suffix in ("_bucket", "_sum", "_count"))
    return names


def faust_exposed_names() -> set[str]:
    """Series names of Faust's prometheus sensor as each worker sets it up
    (name_prefix faust_<agent>, services/common/worker.py)."""
    from faust.sensors.prometheus import FaustMetrics
    from prometheus_client import CollectorRegistry

    from services.common.config import AGENTS

    names: set[str] = set()
    for agent in AGENTS:
        registry = CollectorRegistry()
        FaustMetrics.create(registry, f"faust_{agent}")
        names.update(n for n in registry._names_to_collectors if not n.endswith("_created"))
    return names


def exposed_names() -> set[str]:
    return newsstream_exposed_names() | faust_exposed_names() | {"up"}
