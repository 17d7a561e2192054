"""Every metric the dashboard and the alert rules use is one the service exposes."""

from __future__ import annotations

import pytest

from services.common import metrics
from tests.deploy.promql import exposed_names, metric_names, used_metric_names


def test_parser_finds_metric_names_only() -> None:
    expr = (
        'histogram_quantile(0.99, sum by (le) (rate(newsstream_end_to_end_latency_seconds_bucket{stage="events"}'
        '[$__rate_interval]))) > 5 unless on (agent) absent(up{job=~"a|b"} offset 1h) or vector(0)'
    )
    assert metric_names(expr) == {"newsstream_end_to_end_latency_seconds_bucket", "up"}


def test_all_metric_names_are_registered() -> None:
    from prometheus_client import REGISTRY

    for name in metrics.ALL_METRIC_NAMES:
        assert name in REGISTRY._names_to_collectors, name


def test_dashboard_and_alerts_use_the_core_metrics() -> None:
    used = used_metric_names()
    for name in (
        "newsstream_messages_in_total",
        "newsstream_messages_out_total",
        "newsstream_consumer_lag_messages",
        "newsstream_end_to_end_latency_seconds_bucket",
        "newsstream_processing_seconds_bucket",
        "newsstream_deadletters_total",
        "newsstream_events_total",
        "newsstream_entities_total",
        "newsstream_quotes_total",
        "newsstream_stances_total",
        "newsstream_articles_skipped_total",
        "newsstream_worker_up",
        "newsstream_worker_ready",
        "up",
    ):
        assert name in used, f"{name} is in neither the dashboard nor the alerts"


@pytest.mark.parametrize("name", sorted(used_metric_names()))
def test_used_metric_is_exposed(name: str) -> None:
    where = ", ".join(sorted(used_metric_names()[name]))
    assert name in exposed_names(), (
        f"{name} (used by {where}) is not exposed: not in services/common/metrics.py ALL_METRIC_NAMES "
        "(with histogram suffixes), Faust's prometheus sensor, or `up`"
    )
