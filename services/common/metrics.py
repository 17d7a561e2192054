"""The service's own Prometheus metrics (all on the default registry).

Names start with ``newsstream_`` and follow Prometheus conventions. The
dashboard (deploy/grafana) and alert rules (deploy/prometheus) use these
names; a test checks each one they use exists in a worker's /metrics.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, Info

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)

MESSAGES_IN = Counter("newsstream_messages_in_total", "Messages consumed", ["agent", "topic"])
MESSAGES_OUT = Counter("newsstream_messages_out_total", "Messages produced", ["agent", "topic"])
DEADLETTERS = Counter("newsstream_deadletters_total", "Inputs sent to the dead-letter topic", ["stage", "reason"])
RETRIES = Counter("newsstream_retries_total", "Processing attempts that failed and were retried", ["agent"])
SKIPPED = Counter("newsstream_articles_skipped_total", "Articles passed on without analysis", ["agent", "reason"])
PROCESSING_SECONDS = Histogram(
    "newsstream_processing_seconds", "Time to process one message in an agent", ["agent"], buckets=LATENCY_BUCKETS
)
BATCH_SIZE = Histogram(
    "newsstream_batch_size", "Messages processed per batch", ["agent"], buckets=(1, 2, 4, 8, 16, 32, 64, 128)
)
END_TO_END_SECONDS = Histogram(
    "newsstream_end_to_end_latency_seconds",
    "Time from submission to the stage's output (stage=events is the whole pipeline)",
    ["stage"],
    buckets=LATENCY_BUCKETS,
)
ENTITIES = Counter("newsstream_entities_total", "Canonical entities tagged", ["type"])
QUOTES = Counter("newsstream_quotes_total", "Quotes attributed", ["direct"])
STANCES = Counter("newsstream_stances_total", "Stances found", ["polarity"])
EVENTS = Counter("newsstream_events_total", "Events published", ["type"])
STORIES = Gauge("newsstream_stories", "Stories held in the story index")
CONSUMER_LAG = Gauge(
    "newsstream_consumer_lag_messages",
    "High-water mark (from fetch responses) minus the consumer position, per partition",
    ["agent", "topic", "partition"],
)
WORKER_UP = Gauge("newsstream_worker_up", "1 while the worker process runs", ["agent"])
WORKER_READY = Gauge("newsstream_worker_ready", "1 when the broker is reachable and partitions are assigned", ["agent"])
BUILD_INFO = Info("newsstream_build", "Version of the service")

def init_agent_series(agent: str, source_topic: str) -> None:
    """Create an agent's labelled series at 0 on start, so rate() and the no-progress alert
    see the first messages after a restart (a series only appears on its first increment)."""
    MESSAGES_IN.labels(agent, source_topic)
    PROCESSING_SECONDS.labels(agent)
    BATCH_SIZE.labels(agent)
    RETRIES.labels(agent)
    END_TO_END_SECONDS.labels(agent)


ALL_METRIC_NAMES = (
    "newsstream_messages_in_total",
    "newsstream_messages_out_total",
    "newsstream_deadletters_total",
    "newsstream_retries_total",
    "newsstream_articles_skipped_total",
    "newsstream_processing_seconds",
    "newsstream_batch_size",
    "newsstream_end_to_end_latency_seconds",
    "newsstream_entities_total",
    "newsstream_quotes_total",
    "newsstream_stances_total",
    "newsstream_events_total",
    "newsstream_stories",
    "newsstream_consumer_lag_messages",
    "newsstream_worker_up",
    "newsstream_worker_ready",
    "newsstream_build_info",
)
