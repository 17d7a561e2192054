"""The Faust shell around one agent's pure stage.

Each agent is its own Faust app (consumer group ``newsstream-<agent>``) and
runs in its own process. Delivery is at-least-once: a batch's outputs are
awaited until the broker has them before its offsets are committed, and every
output has a deterministic key/id, so a replay after a crash yields the same
messages (consumers de-duplicate by key). The embedded broker supports no
idempotent producer, so Faust's exactly_once is not used.

Offsets of the source topic are committed here, not by Faust (see
docs/RELIABILITY.md): Faust's ack path can commit an offset that was never
processed (its take_events buffer acks a batch when the generator is closed,
even if the batch was cancelled or failed, and its commit computation treats
the first uncommitted offset as optional). This shell commits ``last + 1``
only after the batch's outputs are acknowledged and only when the batch starts
exactly where the partition's committed position is; a hole makes it seek back.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import platform
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import faust
import orjson
from aiokafka import AIOKafkaConsumer
from aiokafka import TopicPartition as KafkaTP
from aiokafka.structs import OffsetAndMetadata
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP, EventT

from services.common import config, metrics
from services.common.config import Settings
from services.common.kafka import client_kwargs, ensure_topics
from services.common.logs import safe
from services.common.stage import Incoming, Output, Stage, dead_output
from services.common.take import take_batches
from services.stages import build_stage

log = logging.getLogger(__name__)

VERSION = "0.1.0"
BATCH_WITHIN_S = 0.025  # how long a batch waits to fill after its first message: bounds the added latency
FAULT_ENV = "NEWSSTREAM_FAULT_INJECT"  # test-only, see Faults
MAX_SAME_HOLE = 3  # a hole still there after this many re-reads is real (compaction, transaction markers)
HOLE_WAIT_S = 5.0  # how long a seek back may take to bring the missing offset
INLINE_AGENTS = frozenset({"normaliser", "stances", "events"})  # milliseconds per article, no model
# A light agent takes up to this many messages at once: at saturation the entity agent publishes
# that many together; larger takes only delayed the first outputs of a burst (bench: cores idle
# while the normaliser worked through 64 raw articles before publishing any).
LIGHT_TAKE_SIZE = 16
INLINE_MAX_BATCH = LIGHT_TAKE_SIZE  # a whole light take runs on the loop (below the byte limit)
INLINE_MAX_BYTES = 1_000_000  # a batch of big raw pages (HTML parsing) still goes to a thread
STALL_S = 10.0  # a partition with messages past our position and no progress for this long is re-read
RESTORE_TIMEOUT_S = 60.0
GC_YOUNG_THRESHOLD = 20_000  # allocations between young-generation collections (Python's default: 700)


@dataclass(frozen=True)
class Faults:
    """Test-only fault injection, from ``NEWSSTREAM_FAULT_INJECT`` (comma-separated):

    - ``raise_on=<key>``: the stage raises for messages with this key (a poison message);
    - ``slow=<seconds>``: each stage call sleeps first (a slow batch in flight at a stop);
    - ``faust_commits``: let Faust ack and commit the source topic (the old, lossy path),
      to show that the reliability tests fail without this shell's own commits;
    - ``drop_once=<key>``: Faust's fetch loop loses the first delivery of the source message
      with this key, as it does when a rebalance suspends the flow while a fetched message is
      being handed to the stream (``Consumer._drain_messages`` -> ``wait_first``): the message
      is never delivered nor acked, but its offset counts as read.

    Never set in production; unset means no faults.
    """

    raise_on: frozenset[str] = frozenset()
    faust_commits: bool = False
    slow_s: float = 0.0
    drop_once: frozenset[str] = frozenset()

    @classmethod
    def from_env(cls, value: str | None = None) -> Faults:
        value = os.environ.get(FAULT_ENV, "") if value is None else value
        raise_on: set[str] = set()
        drop_once: set[str] = set()
        faust_commits = False
        slow_s = 0.0
        for item in filter(None, (v.strip() for v in value.split(","))):
            if item.startswith("raise_on="):
                raise_on.add(item.removeprefix("raise_on="))
            elif item == "faust_commits":
                faust_commits = True
            elif item.startswith("slow="):
                slow_s = float(item.removeprefix("slow="))
            elif item.startswith("drop_once="):
                drop_once.add(item.removeprefix("drop_once="))
            else:
                raise ValueError(f"unknown {FAULT_ENV} item {item!r}")
        return cls(frozenset(raise_on), faust_commits, slow_s, frozenset(drop_once))


def drop_first_delivery(on_message: Callable[[Any], Awaitable[None]], topic: str,
                        keys: frozenset[str]) -> Callable[[Any], Awaitable[None]]:
    """Wrap Faust's consumer callback so the first delivery of each of ``keys`` on ``topic``
    is lost (test-only; see ``Faults.drop_once``)."""
    dropped: set[str] = set()

    async def deliver(message: Any) -> None:
        key = (message.key or b"").decode("utf-8", "replace")
        if message.topic == topic and key in keys and key not in dropped:
            dropped.add(key)
            log.warning("fault injection: delivery lost", extra={"article_id": key, "offset": message.offset})
            return
        await on_message(message)

    return deliver


@dataclass
class FaultyStage:
    """Wraps a stage so that it raises for the keys in ``raise_on`` or is slow (test-only)."""

    inner: Stage
    raise_on: frozenset[str]
    slow_s: float = 0.0
    name: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        self.name, self.source = self.inner.name, self.inner.source

    def handle(self, batch: Sequence[Incoming]) -> list[list[Output]]:
        if self.slow_s:
            time.sleep(self.slow_s)  # runs in a worker thread: the loop stays free
        for msg in batch:
            if msg.key is not None and msg.key.decode("utf-8", "replace") in self.raise_on:
                raise RuntimeError("injected fault")
        return self.inner.handle(batch)


@dataclass
class StateFeed:
    """How an agent rebuilds its in-memory state from its own output topic."""

    topic: str
    apply: Callable[[bytes], None]
    applied: set[str] = field(default_factory=set)


def batch_size_for(agent: str, settings: Settings) -> int:
    # The entity agent takes several spaCy batches per call: each nlp.pipe call and each batch
    # through the shell has a fixed cost (bench: 16 instead of 4 cut ~3.7 ms CPU per article over
    # the pipeline). Under light load a take holds what has arrived within BATCH_WITHIN_S.
    return settings.entities_take_size if agent == "entities" else LIGHT_TAKE_SIZE


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


# Faust hard-codes fetch_max_wait_ms=1500, and the embedded broker does not answer a waiting
# fetch when data arrives: a fetch returns after about a quarter to a third of its wait, so
# every hop between agents waited ~0.4 s (measured: 100 ms -> 17 ms per hop at p50, 250 ms ->
# 55 ms, 500 ms -> 104 ms). ``Settings.fetch_max_wait_ms`` sets it per app; aiokafka reads the
# attribute in start(), after Faust creates the consumer.
_FETCH_WAIT_ATTR = "newsstream_fetch_max_wait_ms"
_create_worker_consumer = faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer


def _short_fetch_wait_consumer(self: Any, transport: Any) -> Any:
    consumer = _create_worker_consumer(self, transport)
    wait_ms = getattr(self.app, _FETCH_WAIT_ATTR, None)
    if wait_ms is not None:
        consumer._fetch_max_wait_ms = wait_ms
    return consumer


faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer = _short_fetch_wait_consumer  # type: ignore[method-assign]


def make_app(agent: str, settings: Settings) -> faust.App:
    port = settings.agent_metrics_port(agent)
    app = faust.App(
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
        # No agent runs leader-only work; without the leader topic every fetch of the
        # consumer asks for one partition less (idle polling is most of the brokers' load).
        topic_disable_leader=True,
    )
    setattr(app, _FETCH_WAIT_ATTR, settings.fetch_max_wait_ms)  # read by _short_fetch_wait_consumer
    return app


class AgentRunner:
    """Wires one stage into a Faust app: source topic -> stage.handle -> output topics."""

    def __init__(self, agent: str, settings: Settings, stage: Stage | None = None,
                 faults: Faults | None = None) -> None:
        self.agent = agent
        self.settings = settings
        self.faults = faults or Faults()
        stage = stage or build_stage(agent, settings)
        faulty = self.faults.raise_on or self.faults.slow_s
        self.stage: Stage = FaultyStage(stage, self.faults.raise_on, self.faults.slow_s) if faulty else stage
        self.app = make_app(agent, settings)
        self.topics: dict[str, faust.TopicT] = {}
        # Our own commit bookkeeping (unused when faults.faust_commits).
        self.own_commits = not self.faults.faust_commits
        self._position: dict[TP, int] = {}  # next offset to process, per assigned partition
        self._pending: dict[TP, int] = {}  # processed and published, not yet committed
        self._holes: dict[tuple[TP, int], int] = {}
        self._seeking: dict[TP, tuple[int, float]] = {}  # partition -> (offset sought, when)
        self._progress: dict[TP, tuple[int, float]] = {}  # partition -> (position, since when)
        self._generation = 0  # bumped on revocation: a batch from before must not move positions
        self._stage_lock = asyncio.Lock()  # the stage's state is touched by handle (thread) and the feed
        self.feed = self._state_feed()
        self.restored = asyncio.Event()
        self._resync = False
        self._wire()

    def topic(self, name: str, acks: bool = True) -> faust.TopicT:
        if name not in self.topics:
            self.topics[name] = self.app.topic(
                self.settings.topic(name), key_type=bytes, value_type=bytes,
                key_serializer="raw", value_serializer="raw", partitions=self.settings.partitions,
                acks=acks,
            )
        return self.topics[name]

    def _wire(self) -> None:
        app, agent = self.app, self.agent
        source = self.topic(self.stage.source, acks=not self.own_commits)
        batch_size = batch_size_for(agent, self.settings)
        if self.faults.drop_once:
            # The consumer takes the conductor's callback when it is created (at start-up).
            conductor = cast(Any, app.topics)
            conductor.on_message = drop_first_delivery(conductor.on_message, self.settings.topic(self.stage.source),
                                                       self.faults.drop_once)

        @app.agent(source, name=f"{agent}-agent")
        async def consume(stream: faust.StreamT) -> None:
            await self.restored.wait()  # state first, so replays give the same outputs
            async for events in take_batches(stream, batch_size, BATCH_WITHIN_S):
                await self.process_batch(events)

        @app.task
        async def follow_own_outputs() -> None:
            await self.follow_feed()

        @app.on_partitions_revoked.connect  # type: ignore[arg-type]
        async def on_revoked(sender: Any, revoked: set[TP], **kwargs: Any) -> None:
            # Runs after Faust waited for in-flight batches; forget positions so a
            # re-assignment starts from the broker's committed offset.
            self._generation += 1
            # Commit what was finished here, so the next owner does not replay it.
            finished = {tp: self._pending[tp] for tp in revoked if tp in self._pending}
            if finished:
                await self.commit(finished)
            for tp in revoked:
                self._seeking.pop(tp, None)
                self._progress.pop(tp, None)
                self._position.pop(tp, None)
                self._pending.pop(tp, None)

        @app.on_partitions_assigned.connect  # type: ignore[arg-type]
        async def on_assigned(sender: Any, assigned: set[TP], **kwargs: Any) -> None:
            # Another worker may have published outputs for what we now replay: read the
            # state topic up to its current end before the next batch.
            if self.feed is not None:
                self.restored.clear()
                self._resync = True

        @app.timer(interval=self.settings.commit_interval_s or 1.0)
        async def commit_finished() -> None:
            # Periodic rather than per batch: one commit request per interval instead of one per
            # (often single-message) batch. Failed commits are retried here too.
            await self.commit_pending()

        @app.on_before_shutdown.connect  # type: ignore[arg-type]
        async def commit_on_shutdown(sender: Any, **kwargs: Any) -> None:
            # Sent after Faust stopped fetching and before the consumer stops.
            await self.commit_pending()

        @app.timer(interval=2.0)
        async def report_lag() -> None:
            self.update_lag()
            if self.own_commits:
                await self.re_read_stalled()

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
        metrics.init_agent_series(agent, self.settings.topic(self.stage.source))
        metrics.WORKER_READY.labels(agent).set(0)
        metrics.BUILD_INFO.info({"version": VERSION, "python": platform.python_version(), "agent": agent})

    @property
    def real_stage(self) -> Stage:
        """The stage without test-only fault injection around it (where its state lives)."""
        return self.stage.inner if isinstance(self.stage, FaultyStage) else self.stage

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
            if tp.topic != self.settings.topic(self.stage.source):
                continue  # Faust's internal leader topic is not work
            try:
                high = consumer.highwater(tp)
            except Exception:
                continue
            if high is None:
                continue
            position = cast(Any, consumer)._committed_offset.get(tp) or 0
            metrics.CONSUMER_LAG.labels(self.agent, tp.topic, str(tp.partition)).set(max(0, high - position))
        stories = getattr(self.real_stage, "stories", None)
        if stories is not None:
            metrics.STORIES.set(len(stories.stories))
        self.ready()

    async def re_read_stalled(self) -> None:
        """Seek back a partition that has messages past our position but makes no progress.

        Hole detection needs a later message to notice a lost delivery; when the lost one was
        the last in its partition, nothing later comes, so the high-water mark is the witness.
        A spurious seek only re-fetches what ``_in_order`` then drops."""
        if self.app.rebalancing or not self.restored.is_set():
            return  # restoring state is not a stall
        consumer = self.app.consumer
        now = time.monotonic()
        try:
            assignment = consumer.assignment()
        except Exception:
            return
        source = self.settings.topic(self.stage.source)
        for tp in assignment:
            if tp.topic != source:
                continue
            try:
                high = consumer.highwater(tp)
            except Exception:
                continue
            if not high:
                continue
            position = self._position.get(tp)
            if position is None:
                position = await self._expected(tp)  # nothing delivered yet since the assignment
            if position is None or high <= position:
                self._progress.pop(tp, None)
                continue
            seen = self._progress.get(tp)
            if seen is None or seen[0] != position:
                self._progress[tp] = (position, now)
            elif now - seen[1] > STALL_S:
                log.warning("no progress with messages waiting: re-reading",
                            extra={"stage": self.agent, "tp": str(tp), "from": position, "high_water": high})
                metrics.RETRIES.labels(self.agent).inc()
                self._progress[tp] = (position, now)
                await self.seek(tp, position)

    async def process_batch(self, events: Sequence[EventT]) -> None:
        """Process, publish (acked by the broker), then commit. Never raises but on cancellation:
        an exception ending the agent would leave its batch acked by Faust's take_events."""
        await self.restored.wait()  # after a rebalance: state caught up first
        generation = self._generation
        if self.own_commits:
            events = await self._in_order(events)
            if not events:
                return
        try:
            await self._process(events)
        except Exception:
            # Not committed: re-drive the batch from its first offset per partition.
            log.exception("batch failed; re-reading it", extra={"stage": self.agent, "size": len(events)})
            firsts: dict[TP, int] = {}
            for e in events:
                firsts.setdefault(e.message.tp, e.message.offset)
            await asyncio.sleep(1.0)
            for tp, offset in firsts.items():
                await self.seek(tp, offset)
            return
        if self.own_commits and generation == self._generation:
            offsets: dict[TP, int] = {}
            for e in events:
                tp = e.message.tp
                offsets[tp] = max(offsets.get(tp, 0), e.message.offset + 1)
            self._position.update(offsets)
            self._pending.update(offsets)
            if not self.settings.commit_interval_s:
                await self.commit_pending()

    async def _process(self, events: Sequence[EventT]) -> None:
        agent = self.agent
        batch = [Incoming(e.key, e.value, e.message.timestamp or None)  # Faust gives seconds
                 for e in events]
        for e in events:
            metrics.MESSAGES_IN.labels(agent, e.message.topic).inc()
        metrics.BATCH_SIZE.labels(agent).observe(len(batch))
        started = time.perf_counter()
        async with self._stage_lock:
            outputs = await self.handle_with_retries(batch)
        elapsed = time.perf_counter() - started
        for _ in batch:
            metrics.PROCESSING_SECONDS.labels(agent).observe(elapsed / len(batch))
        flat = [o for outs in outputs for o in outs]
        self._note_own_outputs(flat)
        await self.publish(flat)

    async def _in_order(self, events: Sequence[EventT]) -> list[EventT]:
        """The events that continue each partition exactly where it was committed.

        Already processed offsets (a re-fetch) are dropped; a hole (an offset we never saw)
        makes the partition seek back, so nothing is committed past an unprocessed message.
        """
        keep: list[EventT] = []
        stalled: set[TP] = set()
        local: dict[TP, int | None] = {}  # positions move only once the batch is published
        for e in events:
            tp, offset = e.message.tp, e.message.offset
            if tp in stalled:
                continue
            expected = local[tp] if tp in local else await self._expected(tp)
            if expected is None or offset == expected:
                self._seeking.pop(tp, None)
                local[tp] = offset + 1
                keep.append(e)
            elif offset < expected:
                continue  # processed and committed already
            else:
                stalled.add(tp)
                pending = self._seeking.get(tp)
                if pending is not None and pending[0] == expected and time.monotonic() - pending[1] < HOLE_WAIT_S:
                    continue  # already seeking back: these were fetched before the seek
                seen = self._holes[(tp, expected)] = self._holes.get((tp, expected), 0) + 1
                metrics.RETRIES.labels(self.agent).inc()
                if seen > MAX_SAME_HOLE:  # re-read several times and still absent: the log has no such offset
                    log.warning("stepping over a hole in the log",
                                extra={"stage": self.agent, "tp": str(tp), "from": expected, "to": offset})
                    stalled.discard(tp)
                    self._seeking.pop(tp, None)
                    local[tp] = offset + 1
                    keep.append(e)
                    continue
                log.warning("offset hole: seeking back", extra={"stage": self.agent, "tp": str(tp),
                                                                "expected": expected, "got": offset})
                self._seeking[tp] = (expected, time.monotonic())
                await self.seek(tp, expected)
        return keep

    async def seek(self, tp: TP, offset: int) -> None:
        await self.app.consumer.seek(tp, offset)

    async def _expected(self, tp: TP) -> int | None:
        """The next offset to process on ``tp``: from our bookkeeping, else the broker's committed offset."""
        if tp in self._position:
            return self._position[tp]
        thread = cast(Any, self.app.consumer)._thread

        async def committed() -> int | None:
            consumer = thread._ensure_consumer()
            ktp = KafkaTP(tp.topic, tp.partition)
            offset = await consumer.committed(ktp)
            if offset is None or offset < 0:
                offset = (await consumer.beginning_offsets([ktp]))[ktp]
            return int(offset)

        try:
            position: int | None = await thread.call_thread(committed)
        except Exception as exc:
            log.warning("committed offset unknown; trusting the fetch position",
                        extra={"stage": self.agent, "tp": str(tp), "error": safe(exc)})
            return None
        assert position is not None
        self._position[tp] = position
        return position

    async def commit_pending(self) -> None:
        if self._pending:
            await self.commit(dict(self._pending))

    async def commit(self, offsets: dict[TP, int]) -> bool:
        """Commit ``offsets`` (next offset to read) for partitions still assigned to us.
        A failure (a rebalance, the broker away) keeps them pending: never commit is always safe."""
        thread = cast(Any, self.app.consumer)._thread

        async def do() -> dict[TP, int]:
            consumer = thread._ensure_consumer()
            assigned = consumer.assignment()
            todo = {tp: off for tp, off in offsets.items() if KafkaTP(tp.topic, tp.partition) in assigned}
            if todo:
                await consumer.commit({KafkaTP(tp.topic, tp.partition): OffsetAndMetadata(off, "")
                                       for tp, off in todo.items()})
            return todo

        try:
            done: dict[TP, int] = await thread.call_thread(do)
        except Exception as exc:
            log.warning("commit failed; will retry", extra={"stage": self.agent, "error": safe(exc)})
            return False
        for tp, off in offsets.items():
            if self._pending.get(tp) == off:
                del self._pending[tp]
        cast(Any, self.app.consumer)._committed_offset.update(done)  # read by update_lag
        return True

    async def handle_with_retries(self, batch: list[Incoming]) -> list[list[Output]]:
        """The stage's outputs; a batch that raises is retried message by message, and a
        message that keeps failing is dead-lettered so it never blocks its partition."""
        try:
            if self._inline(batch):
                return self.stage.handle(batch)
            # In a thread: spaCy holds the loop for seconds otherwise, starving heartbeats.
            return await asyncio.to_thread(self.stage.handle, batch)
        except Exception:
            log.exception("batch failed; retrying one by one", extra={"stage": self.agent, "size": len(batch)})
        out: list[list[Output]] = []
        for msg in batch:
            out.append(await self.handle_one_with_retries(msg))
        return out

    def _inline(self, batch: Sequence[Incoming]) -> bool:
        """Run a light stage's small batch on the loop: a few ms of work needs no hand-over to a
        thread and back (py-spy showed the loop wake-ups in the light agents' profiles). Heartbeats
        run in Faust's consumer thread, so a short hold of the loop does not endanger the group."""
        return (self.agent in INLINE_AGENTS and len(batch) <= INLINE_MAX_BATCH
                and not isinstance(self.stage, FaultyStage)
                and sum(len(m.value or b"") for m in batch) <= INLINE_MAX_BYTES)

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
        """Send and wait for the broker's acks, so the batch is committed only once its outputs are
        safe. A failed send is retried (outputs are idempotent by key) until it succeeds."""
        delay = 0.2
        while True:
            try:
                # Straight to the producer: Faust's Topic.send machinery (channels, callbacks,
                # sensors) cost the event agent ~0.7 ms of CPU per article (~12 sends each).
                # Partitioning is the same (the client's default partitioner on the key).
                producer = self.app.producer
                futures = [await producer.send(self.settings.topic(o.topic), o.key.encode(), o.encode(),
                                               None, None, None)
                           for o in outputs]
                await asyncio.gather(*futures)
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("publish failed; retrying", extra={"stage": self.agent, "error": safe(exc)})
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
        wall = time.time()
        for o in outputs:
            metrics.MESSAGES_OUT.labels(self.agent, self.settings.topic(o.topic)).inc()
            if o.topic == config.DEADLETTER:
                metrics.DEADLETTERS.labels(self.agent, getattr(o.value, "error", "unknown")).inc()
            submitted = getattr(o.value, "submitted_at", None)
            if submitted and o.topic != config.DEADLETTER:
                metrics.END_TO_END_SECONDS.labels(self.agent).observe(max(0.0, wall - submitted))

    # ----- state that must survive restarts --------------------------------------------

    def _state_feed(self) -> StateFeed | None:
        """The normaliser's duplicate index and the event agent's stories live in memory; both
        are rebuilt from the agent's own output topic (the log is the state)."""
        stage = self.real_stage
        duplicates = getattr(stage, "duplicates", None)
        stories = getattr(stage, "stories", None)
        if self.stage.name == "normaliser" and duplicates is not None:
            feed = StateFeed(config.NORMALISED, lambda raw: None)
            feed.apply = lambda raw: _restore_duplicate(duplicates, feed.applied, raw)
            return feed
        if self.stage.name == "events" and stories is not None:
            return StateFeed(config.STORIES, lambda raw: _restore_story(stories, raw))
        return None

    def _note_own_outputs(self, outputs: list[Output]) -> None:
        """Articles this worker indexed itself need not be applied again when the feed brings them."""
        if self.feed is not None and self.feed.topic == config.NORMALISED:
            self.feed.applied.update(o.key for o in outputs if o.topic == config.NORMALISED)

    async def follow_feed(self) -> None:
        """Read the state topic from the beginning (all partitions, no group): first up to the
        high-water mark seen when starting, then the other workers' outputs as they come."""
        if self.feed is None:
            self.restored.set()
            return
        topic = self.settings.topic(self.feed.topic)
        consumer = AIOKafkaConsumer(bootstrap_servers=self.settings.bootstrap_servers, group_id=None,
                                    enable_auto_commit=False, auto_offset_reset="earliest",
                                    fetch_max_wait_ms=200, max_partition_fetch_bytes=8 * 1024 * 1024,
                                    **client_kwargs(self.settings))
        started = time.monotonic()
        count = 0
        try:
            await consumer.start()
            parts = consumer.partitions_for_topic(topic)
            if not parts:
                await consumer._client.force_metadata_update()
                parts = consumer.partitions_for_topic(topic) or set()
            tps = [KafkaTP(topic, p) for p in sorted(parts)]
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            targets: dict[KafkaTP, int] = {}
            while True:
                batches = await consumer.getmany(timeout_ms=200, max_records=1000)
                async with self._stage_lock:
                    for records in batches.values():
                        for r in records:
                            if r.value:
                                self.feed.apply(r.value)
                                count += 1
                if self._resync:
                    self._resync, targets, started = False, {}, time.monotonic()
                    continue  # targets from the next fetch, which follows the assignment
                if not self.restored.is_set():
                    # The fetch high-water is exact (ListOffsets under-reports on the embedded broker).
                    for tp in tps:
                        if tp not in targets and consumer.highwater(tp) is not None:
                            targets[tp] = int(consumer.highwater(tp) or 0)
                    caught_up = len(targets) == len(tps) and all(
                        [await consumer.position(tp) >= end for tp, end in targets.items()])
                    if caught_up or time.monotonic() - started > RESTORE_TIMEOUT_S:
                        log.info("state restored", extra={"stage": self.agent, "topic": topic, "records": count,
                                                          "complete": caught_up})
                        self.restored.set()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("state feed failed", extra={"stage": self.agent, "error": safe(exc)})
            self.restored.set()
        finally:
            await consumer.stop()


def _restore_duplicate(index: Any, applied: set[str], raw: bytes) -> None:
    """Put an article another run of this agent published back into the index, with the answer
    it got then (so a replay of it, here, gets that answer again: one id, one content)."""
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return
    if not isinstance(value, dict):
        return
    article_id = value.get("article_id")
    if not isinstance(article_id, str) or article_id in applied:
        return
    applied.add(article_id)
    if value.get("skipped") not in (None, "duplicate") or not isinstance(value.get("content_hash"), str):
        return
    dup, sim = value.get("duplicate_of"), value.get("duplicate_similarity")
    if dup and (sim or 0) >= 1.0:
        return  # an exact copy is not added to the index by the live path either
    if article_id in index:
        return  # judged here already
    text = value.get("text") or ""
    at = float(value.get("submitted_at") or 0.0)
    from services.normaliser import dedup

    if hasattr(index, "restore") and hasattr(dedup, "minhash_of"):
        items = dedup.shingles(text)
        index.restore([{"article_id": article_id, "content_hash": value["content_hash"], "at": at,
                        "minhash": [int(v) for v in dedup.minhash_of(items).hashvalues], "shingles": len(items),
                        "duplicate_of": dup, "similarity": sim}])
    else:
        index.check_and_add(article_id, value["content_hash"], text, at)


def _echoes_held_story(index: Any, raw: bytes) -> bool:
    """Whether ``raw`` names a story the index holds with every one of its article ids already filed
    under some story: restoring it, valid or not, would change nothing. Most messages on the feed are
    this worker's own outputs coming back, and validating a big story costs more than its articles."""
    stories, filed = getattr(index, "stories", None), getattr(index, "article_story", None)
    if not isinstance(stories, dict) or not isinstance(filed, dict):
        return False
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return False
    if not isinstance(value, dict) or not isinstance(value.get("story_id"), str):
        return False
    known, article_ids = stories.get(value["story_id"]), value.get("article_ids")
    if known is None or not isinstance(article_ids, list):
        return False
    held = set(known.article_ids)
    return all(isinstance(aid, str) and aid in held and aid in filed for aid in article_ids)


def _restore_story(index: Any, raw: bytes) -> None:
    """Story ids survive a restart (a redelivered article keeps its story). The clustering
    features are not on the ``stories`` topic, so a restored story is matched by id only."""
    from schemas.models import Story
    from services.events import stories as story_module

    if _echoes_held_story(index, raw):
        return
    try:
        story = Story.model_validate_json(raw)
    except ValueError:
        return
    state_cls = getattr(story_module, "_State", None)
    if state_cls is None or not hasattr(index, "article_story"):
        return
    known = index.stories.get(story.story_id)
    if known is not None:  # a newer version of a story we hold: merge its membership
        held = set(known.article_ids)  # a big story comes back often: no list scan per article id
        for aid in story.article_ids:
            if aid not in held:
                held.add(aid)
                known.article_ids.append(aid)
            index.article_story.setdefault(aid, story.story_id)
        return
    st = state_cls.from_dict({"story_id": story.story_id, "article_ids": list(story.article_ids),
                              "outlets": list(story.outlets), "first_date": story.first_date,
                              "last_date": story.last_date, "seen": None, "sigs": {}, "main": [],
                              "entities": {}, "events": {}, "stances": {}, "updated_at": story.updated_at})
    index.hold(st)
    for aid in st.article_ids:
        index.article_story.setdefault(aid, st.story_id)


def settle_heap() -> None:
    """After loading: the model, lexicons and gazetteers live for the whole process, so they move out
    of the cyclic collector's view (each collection scans only per-article objects), and the young
    generation is collected every GC_YOUNG_THRESHOLD allocations instead of 700: an article's objects
    mostly die with its batch, and the stance and event stages spent ~0.25 and ~0.1 ms per article
    in young collections (in-process, frozen heap)."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, older, oldest)


def use_event_loop(kind: str) -> None:
    """Make every loop this process creates from now on (Faust's, and the one its consumer thread
    starts) a uvloop loop, or the standard library's."""
    if kind == "uvloop":
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    else:
        asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())


def run_worker(agent: str, settings: Settings) -> None:
    """Run one agent until SIGTERM/SIGINT (Faust's worker handles signals and commits on stop)."""
    use_event_loop(settings.event_loop)
    # Topics first, on a loop of their own: Faust must not auto-create them (see STACK.md).
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(ensure_topics(settings))
    finally:
        loop.close()
    runner = AgentRunner(agent, settings, faults=Faults.from_env())
    settle_heap()
    worker = faust.Worker(runner.app, loglevel=settings.log_level.upper().replace("WARN", "WARNING"),
                          quiet=True, override_logging=False)
    try:
        worker.execute_from_commandline()
    finally:
        metrics.WORKER_UP.labels(agent).set(0)
