"""Producing articles and reading topics with aiokafka (used by the CLI and tests)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from services.common import config
from services.common.config import Settings
from services.common.kafka import client_kwargs


@dataclass(frozen=True)
class Received:
    topic: str  # contract name (prefix removed)
    key: str | None
    value: bytes
    partition: int
    offset: int

    def json_value(self) -> object:
        try:
            return orjson.loads(self.value)
        except orjson.JSONDecodeError:
            return self.value.decode("utf-8", errors="replace")


async def produce(settings: Settings, items: Iterable[tuple[bytes, bytes | None]],
                  topic: str = config.RAW) -> int:
    """Send (value, key) pairs to a topic; returns the count once the broker acknowledged all."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all",
                                max_request_size=4 * 1024 * 1024, linger_ms=5, **client_kwargs(settings))
    await producer.start()
    try:
        futures = [await producer.send(settings.topic(topic), value=value, key=key) for value, key in items]
        await asyncio.gather(*futures)
        return len(futures)
    finally:
        await producer.stop()


def strip_prefix(settings: Settings, topic: str) -> str:
    return topic[len(settings.topic_prefix):] if settings.topic_prefix and topic.startswith(settings.topic_prefix) \
        else topic


async def consume(settings: Settings, topics: Iterable[str], *, from_beginning: bool,
                  idle_timeout: float | None = None, started: asyncio.Event | None = None) -> AsyncIterator[Received]:
    """Messages of ``topics`` (all partitions, no consumer group). Stops after ``idle_timeout``
    seconds without a message, if given. ``started`` is set once positions are fixed."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                group_id=None, fetch_max_wait_ms=100, max_partition_fetch_bytes=8 * 1024 * 1024,
                                **client_kwargs(settings))
    await consumer.start()
    try:
        tps: list[TopicPartition] = []
        for t in topics:
            parts = consumer.partitions_for_topic(settings.topic(t))
            if parts is None:
                await consumer._client.force_metadata_update()
                parts = consumer.partitions_for_topic(settings.topic(t)) or set()
            tps.extend(TopicPartition(settings.topic(t), p) for p in sorted(parts))
        consumer.assign(tps)
        if from_beginning:
            await consumer.seek_to_beginning(*tps)
        else:
            await consumer.seek_to_end(*tps)
            for tp in tps:  # resolve the lazy seek now, so messages sent after `started` are seen
                await consumer.position(tp)
        if started is not None:
            started.set()
        last = time.monotonic()
        while True:
            batches = await consumer.getmany(timeout_ms=200, max_records=500)
            for tp, records in batches.items():
                for r in records:
                    last = time.monotonic()
                    key = r.key.decode("utf-8", errors="replace") if r.key is not None else None
                    yield Received(strip_prefix(settings, tp.topic), key, r.value or b"", tp.partition, r.offset)
            if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                return
    finally:
        await consumer.stop()
