"""Helpers for tests that drive real worker processes over the broker."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterable

from services.cli.kafka_io import Received, consume, produce
from services.common.config import Settings


async def produce_and_collect(
    settings: Settings,
    items: Iterable[tuple[bytes, bytes | None]],
    topics: Iterable[str],
    until: callable,  # type: ignore[valid-type]
    timeout: float = 90.0,
) -> list[Received]:
    """Submit items to articles.raw and read ``topics`` until ``until(received)`` is true."""
    got: list[Received] = []
    started = asyncio.Event()

    async def reader() -> None:
        async for r in consume(settings, topics, from_beginning=True, started=started):
            got.append(r)
            if until(got):
                return

    task = asyncio.create_task(reader())
    await asyncio.wait_for(started.wait(), 30)
    await produce(settings, list(items))
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(task, timeout)
    return got


def wait_for(predicate: callable, timeout: float = 30.0, interval: float = 0.2) -> bool:  # type: ignore[valid-type]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
