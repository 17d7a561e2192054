"""The metrics, proven with a real Prometheus: the four agents run as worker processes on
the embedded broker, a real Prometheus server scrapes them every second, and

- Prometheus's HTTP API returns non-zero values for the service's metrics,
- every PromQL expression of the dashboard and the alert rules runs on that server,
- the alert rules load and evaluate without errors,
- every metric the dashboard and alerts use appears in the workers' /metrics.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml

from services.common.broker import free_port
from services.common.config import AGENTS, Settings
from tests.deploy.promql import ALERTS, REPO, alert_exprs, dashboard_exprs, used_metric_names
from tests.fixtures.articles import TRADE_REPORT, VETO_REPORT

pytestmark = pytest.mark.integration

PROMETHEUS = shutil.which("prometheus")


def http_get(url: str, timeout: float = 5.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (urllib.error.URLError, OSError):
        return 0, b""


def free_port_block(count: int, avoid: set[int]) -> int:
    """A first port such that it and the next count-1 are free now (agent i binds base+i)."""
    for _ in range(100):
        base = free_port()
        ports = set(range(base, base + count))
        if ports & avoid or base + count > 65535:
            continue
        try:
            for port in ports:
                with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
                    sock.bind(("127.0.0.1", port))
        except OSError:
            continue
        return base
    raise RuntimeError(f"no block of {count} free ports")


def wait_until(predicate: Any, timeout: float, what: str, interval: float = 0.5) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}")


@dataclass
class Stack:
    settings: Settings
    ports: dict[str, int]  # agent -> metrics port
    pids: dict[str, int]  # agent -> worker process id
    prometheus_url: str
    log_dir: Path

    def query(self, expr: str) -> dict[str, Any]:
        url = f"{self.prometheus_url}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        status, body = http_get(url)
        assert body, f"no answer from Prometheus for {expr!r} (HTTP {status})"
        data: dict[str, Any] = json.loads(body)
        return data

    def value(self, expr: str) -> float:
        """The single result of an instant query (0 when empty)."""
        data = self.query(expr)
        assert data["status"] == "success", data
        result = data["data"]["result"]
        return sum(float(r["value"][1]) for r in result) if result else 0.0

    def rules(self) -> list[dict[str, Any]]:
        """Every rule Prometheus loaded, with its health and state."""
        status, body = http_get(f"{self.prometheus_url}/api/v1/rules")
        assert status == 200, body
        return [rule for group in json.loads(body)["data"]["groups"] for rule in group["rules"]]

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in self.log_dir.glob("*.log"))


def prometheus_config(ports: dict[str, int], scrape_interval: str = "1s") -> dict[str, Any]:
    """The compose config's jobs and labels (job = agent, label agent), with static targets."""
    return {
        "global": {"scrape_interval": scrape_interval, "evaluation_interval": scrape_interval},
        "rule_files": [str(ALERTS)],
        "scrape_configs": [
            {
                "job_name": agent,
                "honor_labels": True,
                "static_configs": [{"targets": [f"127.0.0.1:{port}"]}],
                "relabel_configs": [{"target_label": "agent", "replacement": agent}],
            }
            for agent, port in ports.items()
        ],
    }


@pytest.fixture(scope="module")
def stack(broker: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if PROMETHEUS is None:
        pytest.skip("prometheus not found: run scripts/install-prometheus.sh (make test does)")
    from services.cli.fleet import WorkerFleet
    from services.common.kafka import ensure_topics

    tmp = tmp_path_factory.mktemp("prometheus-scrape")
    # Fresh prefix: this module never sees other tests' messages or consumer groups.
    # Ports first: the workers bind base+i only after starting, so nothing else may take them.
    prom_port = free_port()
    base = free_port_block(len(AGENTS), avoid={prom_port})
    settings = Settings(
        broker=broker, topic_prefix=f"m{uuid.uuid4().hex[:8]}.", partitions=2, metrics_port=base, max_retries=1
    )
    asyncio.run(ensure_topics(settings))
    fleet = WorkerFleet(settings, list(AGENTS), log_dir=tmp / "logs").start()
    prom: subprocess.Popen[bytes] | None = None
    try:
        ports = {agent: settings.agent_metrics_port(agent) for agent in AGENTS}
        config_path = tmp / "prometheus.yml"
        config_path.write_text(yaml.safe_dump(prometheus_config(ports)), encoding="utf-8")
        prom_log = (tmp / "logs" / "prometheus.log").open("wb")
        prom = subprocess.Popen(
            [
                PROMETHEUS,
                f"--config.file={config_path}",
                f"--storage.tsdb.path={tmp / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{prom_port}",
                "--log.level=warn",
            ],
            stdout=prom_log,
            stderr=subprocess.STDOUT,
        )
        pids = {agent: proc.pid for agent, proc in fleet.processes.items()}
        s = Stack(settings, ports, pids, f"http://127.0.0.1:{prom_port}", tmp / "logs")
        wait_until(lambda: http_get(f"{s.prometheus_url}/-/ready")[0] == 200, 60, "Prometheus ready")
        for agent, port in ports.items():
            wait_until(
                lambda port=port: http_get(f"http://127.0.0.1:{port}/readyz")[0] == 200,
                180,
                f"{agent} /readyz\n{s.logs()}",
            )
        yield s
    finally:
        if prom is not None:
            prom.terminate()
            try:
                prom.wait(15)
            except subprocess.TimeoutExpired:
                prom.kill()
                prom.wait(5)
        fleet.stop()


ARTICLES: list[tuple[bytes, bytes]] = [
    (orjson.dumps({"id": "metrics-veto", "body": VETO_REPORT, "source": "Example Wire"}), b"metrics-veto"),
    (orjson.dumps({"id": "metrics-trade", "body": TRADE_REPORT, "source": "Other Desk"}), b"metrics-trade"),
    # Invalid JSON: a dead letter, so the dead-letter counter has a series.
    (b'{"id": "metrics-broken", "body": "unterminated', b"metrics-broken"),
]


async def produce(settings: Settings, items: list[tuple[bytes, bytes]]) -> None:
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all")
    await producer.start()
    try:
        for value, key in items:
            await producer.send_and_wait(settings.topic("articles.raw"), value=value, key=key)
    finally:
        await producer.stop()


@pytest.fixture(scope="module")
def processed(stack: Stack) -> Stack:
    """The stack after the articles went through all four agents, as Prometheus sees it."""
    asyncio.run(produce(stack.settings, ARTICLES))
    # Two good articles reach the events agent; Prometheus has scraped it after that.
    wait_until(
        lambda: stack.value('sum(newsstream_messages_in_total{agent="events"})') >= 2,
        180,
        f"events agent to consume 2 articles (seen by Prometheus)\n{stack.logs()}",
        interval=1.0,
    )
    return stack


def test_prometheus_scrapes_every_worker(processed: Stack) -> None:
    for agent in AGENTS:
        assert processed.value(f'up{{job="{agent}"}}') == 1, agent
        assert processed.value(f'newsstream_worker_up{{agent="{agent}"}}') == 1, agent
        assert processed.value(f'newsstream_worker_ready{{agent="{agent}"}}') == 1, agent


def test_prometheus_sees_the_service_metrics(processed: Stack) -> None:
    # (query, lowest acceptable value): each agent's target is scraped on its own 1 s
    # schedule, so an upstream agent's last increments may land a scrape later.
    expected: list[tuple[str, float]] = [
        ('sum(newsstream_messages_in_total{agent="normaliser"})', len(ARTICLES)),
        ('sum(newsstream_deadletters_total{stage="normaliser"})', 1),
        ("sum(newsstream_entities_total)", 1),
        ('sum(newsstream_end_to_end_latency_seconds_count{stage="events"})', 2),
        ("count(newsstream_consumer_lag_messages)", 1),
    ]
    for agent in AGENTS:
        expected.append((f'sum(newsstream_messages_in_total{{agent="{agent}"}})', 1))
        expected.append((f'sum(newsstream_processing_seconds_count{{agent="{agent}"}})', 1))
    for agent in ("normaliser", "entities", "stances"):
        expected.append((f'sum(newsstream_messages_out_total{{agent="{agent}"}})', 1))

    def short() -> dict[str, float]:
        return {q: got for q, low in expected if (got := processed.value(q)) < low}

    deadline = time.monotonic() + 20
    while short() and time.monotonic() < deadline:
        time.sleep(1)
    assert not short(), f"below expectation: {short()}"
    # The latency alert's quantile over the buckets: a real number of seconds. (Cumulative
    # buckets: a series born with its first observation has no increase() yet.)
    p99 = processed.value(
        'histogram_quantile(0.99, sum by (le) (newsstream_end_to_end_latency_seconds_bucket{stage="events"}))'
    )
    assert 0 < p99 < 300


def grafana_to_promql(expr: str, agent: str = "normaliser") -> str:
    """Replace the dashboard's template variables with what Grafana would send."""
    return (
        expr.replace('=~"$agent"', '=~".+"')
        .replace("$agent", agent)
        .replace("$__rate_interval", "30s")
        .replace("${datasource}", "prometheus")
    )


def test_every_dashboard_and_alert_expression_runs(processed: Stack) -> None:
    failures = {}
    exprs = {**{f"alert {k}": v for k, v in alert_exprs().items()}, **dashboard_exprs()}
    for where, expr in exprs.items():
        data = processed.query(grafana_to_promql(expr))
        if data.get("status") != "success":
            failures[where] = data.get("error")
    assert not failures, failures


def test_dashboard_queries_return_data_for_core_panels(processed: Stack) -> None:
    exprs = dashboard_exprs()
    for title in (
        "Messages in by agent and topic / A",
        "Messages out by agent and topic / A",
        "Processing time per message by agent / A",
        "Workers up / A",
        "Entities by type / A",
    ):
        # rate() needs two scrapes of a series inside the window: a wide window, and a few
        # seconds for series born with the last message.
        expr = grafana_to_promql(exprs[title]).replace("[30s]", "[5m]")
        wait_until(lambda expr=expr: bool(processed.query(expr)["data"]["result"]), 20, f"{title}: {expr}")


def test_alert_rules_load_and_evaluate_cleanly(processed: Stack) -> None:
    def evaluated() -> bool:
        rules = processed.rules()
        return bool(rules) and all(r.get("lastEvaluation", "").startswith("20") for r in rules)

    wait_until(evaluated, 30, "rules evaluated")
    rules = processed.rules()
    assert {r["name"] for r in rules} == set(alert_exprs())
    assert all(r["health"] == "ok" for r in rules), [(r["name"], r.get("lastError")) for r in rules]
    # Everything runs and is ready: none of these may be firing.
    for name in ("NewsstreamWorkerDown", "NewsstreamWorkerAbsent"):
        (rule,) = [r for r in rules if r["name"] == name]
        assert rule["state"] == "inactive", rule


def exposition_names(text: str) -> set[str]:
    """Sample names and declared families (# TYPE lines) of a /metrics page."""
    names = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(maxsplit=3)
            names.add(name)
            if kind == "histogram":
                names.update(f"{name}{s}" for s in ("_bucket", "_sum", "_count"))
        elif line and not line.startswith("#"):
            names.add(line.split("{", 1)[0].split(" ", 1)[0])
    return names


def test_every_metric_used_by_dashboard_and_alerts_is_in_the_workers_metrics(processed: Stack) -> None:
    exposed = {"up"}  # Prometheus's own per-target series
    pages = {}
    for agent, port in processed.ports.items():
        status, body = http_get(f"http://127.0.0.1:{port}/metrics")
        assert status == 200, agent
        pages[agent] = body.decode()
        exposed |= exposition_names(pages[agent])
    missing = {name: sorted(where) for name, where in used_metric_names().items() if name not in exposed}
    assert not missing, f"used but not exposed by any worker: {missing}"
    # And with samples, not just declared, for the core series after processing.
    lines = [line for page in pages.values() for line in page.splitlines()]
    samples = {line.split("{", 1)[0].split(" ", 1)[0] for line in lines if line and not line.startswith("#")}
    for name in (
        "newsstream_messages_in_total",
        "newsstream_messages_out_total",
        "newsstream_processing_seconds_bucket",
        "newsstream_end_to_end_latency_seconds_bucket",
        "newsstream_consumer_lag_messages",
        "newsstream_deadletters_total",
        "newsstream_entities_total",
        "newsstream_worker_up",
        "newsstream_worker_ready",
    ):
        assert name in samples, name


def dockerfile_healthcheck_code() -> str:
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith('CMD ["python", "-c"'))
    code: str = json.loads(line.strip()[3:])[2]
    return code


@pytest.mark.parametrize("agent", AGENTS)
def test_docker_healthcheck_probes_each_agent(stack: Stack, agent: str) -> None:
    """The image's HEALTHCHECK code, with the worker's pid in place of the container's PID 1:
    it finds the agent's port from the command line and NEWSSTREAM_METRICS_PORT."""
    code = dockerfile_healthcheck_code().replace("/proc/1/", f"/proc/{stack.pids[agent]}/")
    env = {**os.environ, "NEWSSTREAM_METRICS_PORT": str(stack.settings.metrics_port)}
    ok = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=30, check=False)
    assert ok.returncode == 0, ok.stderr.decode()[-2000:]
    # A port where nothing listens must fail the check.
    env["NEWSSTREAM_METRICS_PORT"] = str(free_port())
    bad = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=30, check=False)
    assert bad.returncode != 0
