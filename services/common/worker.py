"""The Faust shell around one agent's pure stage.

Each agent is its own Faust app (consumer group ``newsstream-<agent>``) and
runs in its own process. Delivery is at-least-once: a batch's outputs are
awaited until the broker has them before its offsets are acknowledged, and
every output has a deterministic key/id, so a replay after a crash yields the
same messages (consumers de-duplicate by key). The embedded broker supports no
idempotent producer, so Faust's exactly_once is not used.
"""

from __future__ import annotations

import asyncio
import logging
import platform
import time
from collections.abc import Sequence
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.types import EventT

from services.common import config, metrics
from services.common.config import Settings
from services.common.kafka import client_kwargs, ensure_topics
from services.common.stage import Incoming, Output, Stage, dead_output
from services.stages import build_stage

log = logging.getLogger(__name__)

VERSION = "0.1.0"
BATCH_WITHIN_S = 0.05  # how long a batch waits to fill: bounds the added latency


def batch_size_for(agent: str, settings: Settings) -> int:
    return settings.spacy_batch_size if agent == "entities" else 64


def broker_credentials(settings: Settings) -> Any:
    kwargs = client_kwargs(settings)
    if settings.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.sasl_username or "",
            password=settings.sasl_password or "",
            mechanism=settings.sasl_mechanism or "PLAIN",
            ssl_context=kwargs.get("ssl_context"),
        )
    return kwargs.get("ssl_context")


def group_id(agent: str, settings: Settings) -> str:
    """Consumer group (and Faust app id) of an agent; the topic prefix keeps environments apart."""
    return f"{settings.topic_prefix}newsstream-{agent}"


def make_app(agent: str, settings: Settings) -> faust.App:
    port = settings.agent_metrics_port(agent)
    return faust.App(
        group_id(agent, settings),
        broker=[f"kafka://{s}" for s in settings.bootstrap_servers.split(",")],
        broker_credentials=broker_credentials(settings),
        # Measured on the embedded broker: a group join waits half the session timeout.
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        broker_commit_interval=1.0,
        consumer_auto_offset_reset="earliest",
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        topic_allow_declare=False,  # topics are created explicitly by ensure_topics
        producer_acks=-1,
        producer_max_request_size=4 * 1024 * 1024,
        store="memory://",
        web_enabled=port != 0,
        web_bind=settings.metrics_host,
        web_host=settings.metrics_host,
        web_port=port or 6066,
        web_in_thread=False,
        stream_buffer_maxsize=256,
        value_serializer="raw",
        key_serializer="raw",
        autodiscover=False,
    )


class AgentRunner:
    """Wires one stage into a Faust app: source topic -> stage.handle -> output topics."""

    def __init__(self, agent: str, settings: Settings, stage: Stage | None = None) -> None:
        self.agent = agent
        self.settings = settings
        self.stage = stage or build_stage(agent, settings)
        self.app = make_app(agent, settings)
        self.topics: dict[str, faust.TopicT] = {}
        self._wire()

    def topic(self, name: str) -> faust.TopicT:
        if name not in self.topics:
            self.topics[name] = self.app.topic(
                self.settings.topic(name), key_type=bytes, value_type=bytes,
                key_serializer="raw", value_serializer="raw", partitions=self.settings.partitions,
            )
        return self.topics[name]

    def _wire(self) -> None:
        app, agent = self.app, self.agent
        source = self.topic(self.stage.source)
        batch_size = batch_size_for(agent, self.settings)

        @app.agent(source, name=f"{agent}-agent")
        async def consume(stream: faust.StreamT) -> None:
            async for events in stream.take_events(batch_size, within=BATCH_WITHIN_S):
                await self.process_batch(events)

        @app.timer(interval=2.0)
        async def report_lag() -> None:
            self.update_lag()

        if app.conf.web_enabled:
            setup_prometheus_sensors(app, pattern="/metrics", name_prefix=f"faust_{agent}")

            @app.page("/healthz")
            async def healthz(view: Any, request: Any) -> Any:
                return view.json({"status": "ok", "agent": agent})

            @app.page("/readyz")
            async def readyz(view: Any, request: Any) -> Any:
                ready = self.ready()
                return view.json({"ready": ready, "agent": agent}, status=200 if ready else 503)

        metrics.WORKER_UP.labels(agent).set(1)
        metrics.WORKER_READY.labels(agent).set(0)
        metrics.BUILD_INFO.info({"version": VERSION, "python": platform.python_version(), "agent": agent})

    def ready(self) -> bool:
        try:
            ok = bool(self.app.consumer.assignment()) and not self.app.rebalancing
        except Exception:
            ok = False
        metrics.WORKER_READY.labels(self.agent).set(int(ok))
        return ok

    def update_lag(self) -> None:
        """Lag from the fetch high-water mark: the embedded broker under-reports end_offsets()."""
        consumer = self.app.consumer
        try:
            assignment = consumer.assignment()
        except Exception:
            return
        for tp in assignment:
            try:
                high = consumer.highwater(tp)
            except Exception:
                continue
            if high is None:
                continue
            position = consumer._committed_offset.get(tp) or 0
            metrics.CONSUMER_LAG.labels(self.agent, tp.topic, str(tp.partition)).set(max(0, high - position))
        self.ready()

    async def process_batch(self, events: Sequence[EventT]) -> None:
        agent = self.agent
        batch = [Incoming(e.key, e.value, e.message.timestamp or None)  # Faust gives seconds
                 for e in events]
        for e in events:
            metrics.MESSAGES_IN.labels(agent, e.message.topic).inc()
        metrics.BATCH_SIZE.labels(agent).observe(len(batch))
        started = time.perf_counter()
        outputs = await self.handle_with_retries(batch)
        elapsed = time.perf_counter() - started
        for _ in batch:
            metrics.PROCESSING_SECONDS.labels(agent).observe(elapsed / len(batch))
        await self.publish([o for outs in outputs for o in outs])

    async def handle_with_retries(self, batch: list[Incoming]) -> list[list[Output]]:
        """The stage's outputs; a batch that raises is retried message by message, and a
        message that keeps failing is dead-lettered so it never blocks its partition."""
        try:
            # In a thread: spaCy holds the loop for seconds otherwise, starving heartbeats.
            return await asyncio.to_thread(self.stage.handle, batch)
        except Exception:
            log.exception("batch failed; retrying one by one", extra={"stage": self.agent, "size": len(batch)})
        out: list[list[Output]] = []
        for msg in batch:
            out.append(await self.handle_one_with_retries(msg))
        return out

    async def handle_one_with_retries(self, msg: Incoming) -> list[Output]:
        attempts = self.settings.max_retries + 1
        last: Exception | None = None
        for attempt in range(1, attempts + 1):
            try:
                return (await asyncio.to_thread(self.stage.handle, [msg]))[0]
            except Exception as exc:
                last = exc
                metrics.RETRIES.labels(self.agent).inc()
                await asyncio.sleep(min(0.1 * 2**attempt, 2.0))
        return [dead_output(self.agent, "processing_error", f"{type(last).__name__}: {last}", msg,
                            attempts=attempts)]

    async def publish(self, outputs: list[Output]) -> None:
        """Send and wait for the broker's acks, so the batch is acked only once its outputs are safe."""
        futures = []
        for o in outputs:
            fut = await self.topic(o.topic).send(key=o.key.encode(), value=o.encode())
            futures.append(fut)
        await asyncio.gather(*futures)
        wall = time.time()
        for o in outputs:
            metrics.MESSAGES_OUT.labels(self.agent, self.settings.topic(o.topic)).inc()
            if o.topic == config.DEADLETTER:
                metrics.DEADLETTERS.labels(self.agent, getattr(o.value, "error", "unknown")).inc()
            submitted = getattr(o.value, "submitted_at", None)
            if submitted and o.topic != config.DEADLETTER:
                metrics.END_TO_END_SECONDS.labels(self.agent).observe(max(0.0, wall - submitted))


def run_worker(agent: str, settings: Settings) -> None:
    """Run one agent until SIGTERM/SIGINT (Faust's worker handles signals and commits on stop)."""
    # Topics first, on a loop of their own: Faust must not auto-create them (see STACK.md).
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(ensure_topics(settings))
    finally:
        loop.close()
    runner = AgentRunner(agent, settings)
    worker = faust.Worker(runner.app, loglevel=settings.log_level.upper().replace("WARN", "WARNING"),
                          quiet=True, override_logging=False)
    try:
        worker.execute_from_commandline()
    finally:
        metrics.WORKER_UP.labels(agent).set(0)
