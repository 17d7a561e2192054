"""Helpers for the fault tests: worker processes with extra environment, a background
reader of the output topics, and the checks a de-duplicating consumer relies on."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import orjson

from services.cli.fleet import WorkerFleet
from services.cli.kafka_io import Received, consume, produce
from services.common import config
from services.common.config import Settings
from services.common.kafka import ensure_topics

NORMALISER_OUT = (config.NORMALISED, config.DEADLETTER)


class Fleet(WorkerFleet):
    """A WorkerFleet whose workers get extra environment (fault injection, metrics host)."""

    def __init__(self, settings: Settings, extra_env: dict[str, str] | None = None,
                 log_dir: Path | None = None) -> None:
        super().__init__(settings, [], log_dir=log_dir)
        self.extra_env = extra_env or {}

    def env(self, replica: int = 0) -> dict[str, str]:
        env = {k: v for k, v in super().env(replica).items() if k != "NEWSSTREAM_FAULT_INJECT"}
        env["NEWSSTREAM_METRICS_HOST"] = self.settings.metrics_host
        env["NEWSSTREAM_LOG_LEVEL"] = "warn"
        env.update(self.extra_env)
        return env

    def signal(self, name: str, sig: int) -> float:
        """Send ``sig`` to one worker and wait for it to exit; returns the seconds it took."""
        proc = self.processes.pop(name)
        started = time.monotonic()
        proc.send_signal(sig)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        return time.monotonic() - started


def article(i: int, tag: str = "a") -> tuple[bytes, bytes]:
    key = f"{tag}{i:05d}"
    body = (f"The council of Northtown {i} voted on {i % 7 + 2} new proposals on Monday. "
            f"Officials said plan number {i} would improve local transport and housing. "
            "Residents will be consulted again next month, the mayor told reporters.")
    return orjson.dumps({"id": key, "body": body, "source": "Test Wire"}), key.encode()


def submit(settings: Settings, items: Iterable[tuple[bytes, bytes | None]]) -> None:
    asyncio.run(produce(settings, list(items)))


def create_topics(settings: Settings) -> None:
    asyncio.run(ensure_topics(settings))


class Watcher:
    """Reads ``topics`` from the beginning in a background thread for the whole test."""

    def __init__(self, settings: Settings, topics: Iterable[str] = NORMALISER_OUT) -> None:
        self.settings, self.topics = settings, tuple(topics)
        self.got: list[Received] = []
        self._stop = threading.Event()
        self._started = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _run(self) -> None:
        started = asyncio.Event()
        agen = consume(self.settings, self.topics, from_beginning=True, idle_timeout=None, started=started)

        async def pump() -> None:
            async for r in agen:
                self.got.append(r)

        task = asyncio.create_task(pump())
        await started.wait()
        self._started.set()
        while not self._stop.is_set() and not task.done():
            await asyncio.sleep(0.1)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task

    def __enter__(self) -> Watcher:
        self._thread.start()
        self._started.wait(30)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)

    def keys(self, topics: Iterable[str] = NORMALISER_OUT) -> set[str]:
        wanted = set(topics)
        return {r.key for r in list(self.got) if r.topic in wanted and r.key is not None}

    def wait_keys(self, keys: set[str], timeout: float, topics: Iterable[str] = NORMALISER_OUT) -> set[str]:
        """Wait until every key is seen; returns the missing ones."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            missing = keys - self.keys(topics)
            if not missing:
                return set()
            time.sleep(0.2)
        return keys - self.keys(topics)

    def wait_count(self, n: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.keys()) >= n:
                return True
            time.sleep(0.05)
        return False


def comparable(r: Received) -> bytes:
    """The content a de-duplicating consumer compares: a dead letter's received_at (and attempts)
    say when/how often it was rejected, not what, so they are left out."""
    if r.topic != config.DEADLETTER:
        return r.value
    value = orjson.loads(r.value)
    value.pop("received_at", None)
    value.pop("attempts", None)
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def check_exactly_once(got: list[Received], keys: set[str]) -> dict[str, int]:
    """Every key once per topic after de-duplication by key, never two contents for one key,
    never both analysed and dead-lettered. Returns copies per topic (replays, allowed)."""
    contents: dict[tuple[str, str], set[bytes]] = defaultdict(set)
    copies: dict[str, int] = defaultdict(int)
    for r in got:
        if r.key in keys:
            contents[(r.topic, r.key)].add(comparable(r))
            copies[r.topic] += 1
    conflicting = {k: sorted(v) for k, v in contents.items() if len(v) > 1}
    assert not conflicting, f"one id, two contents: {sorted(conflicting.items())[:2]}"
    per_key: dict[str, set[str]] = defaultdict(set)
    for topic, key in contents:
        per_key[key].add(topic)
    missing = keys - set(per_key)
    assert not missing, f"{len(missing)} lost: {sorted(missing)[:10]}"
    both = [k for k, t in per_key.items() if len(t & set(NORMALISER_OUT)) > 1]
    assert not both, f"analysed and dead-lettered: {both[:5]}"
    return {t: n - sum(1 for (tt, _k) in contents if tt == t) for t, n in copies.items()}


SIGNALS = {"SIGTERM": signal.SIGTERM, "SIGKILL": signal.SIGKILL}
