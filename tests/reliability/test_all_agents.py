"""One shorter fault test through all four agents: the entity worker (spaCy, the slowest) is
SIGKILLed mid-stream and restarted; every article is still finished exactly once per topic
after de-duplication by key, and no key (article or event id) carries two contents."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from services.common import config
from services.common.config import AGENTS, Settings
from tests.fixtures.articles import TRADE_REPORT, VETO_REPORT
from tests.reliability.harness import Fleet, Watcher, comparable, create_topics, submit

pytestmark = pytest.mark.integration

TOPICS = (config.NORMALISED, config.ENTITIES, config.STANCES, config.EVENTS, config.ARTICLE_DONE,
          config.DEADLETTER)


# Two articles per entity batch, so a kill lands with articles still in flight.
SMALL_BATCHES = {"NEWSSTREAM_SPACY_BATCH_SIZE": "2", "NEWSSTREAM_ENTITIES_TAKE_SIZE": "2"}


@pytest.fixture
def fleet(settings: Settings, tmp_path: Path) -> Iterator[Fleet]:
    s = settings.model_copy(update={"metrics_port": 0})
    create_topics(s)
    f = Fleet(s, SMALL_BATCHES, log_dir=tmp_path / "logs")
    yield f
    f.stop()


def test_entity_worker_killed_mid_stream(fleet: Fleet, tmp_path: Path) -> None:
    s = fleet.settings
    # The first entity worker is slowed down, so the kill lands while articles are in flight.
    slow = Fleet(s, {**SMALL_BATCHES, "NEWSSTREAM_FAULT_INJECT": "slow=0.5"},
                 log_dir=tmp_path / "slow")
    items = []
    for i in range(6):
        for name, text in (("veto", VETO_REPORT), ("trade", TRADE_REPORT)):
            # distinct outlets' rewrites: a changed first line keeps them from being exact copies
            body = text + f"\n\nOn Thursday {i + 3} more delegations joined the talks in Geneva, officials said."
            items.append((orjson.dumps({"id": f"{name}-{i}", "body": body, "source": f"Outlet {i}"}),
                          f"{name}-{i}".encode()))
    keys = {k.decode() for _, k in items}
    try:
        with Watcher(s, TOPICS) as w:
            for agent in AGENTS:
                (slow if agent == "entities" else fleet).start_one(agent)
            submit(s, items)
            assert w.wait_count(1, timeout=120) and _wait(lambda: len(w.keys([config.ENTITIES])) >= 1, 120)
            in_flight = len(keys - w.keys([config.ENTITIES]))
            slow.signal("entities", 9)  # SIGKILL
            fleet.start_one("entities")
            assert not w.wait_keys(keys, timeout=150, topics=[config.ARTICLE_DONE, config.DEADLETTER])
            time.sleep(1.0)
            got = list(w.got)
    finally:
        slow.stop()
    assert in_flight > 0, "the kill came after the entity worker had finished"
    contents: dict[tuple[str, str | None], set[bytes]] = defaultdict(set)
    for r in got:
        contents[(r.topic, r.key)].add(comparable(r))
    assert not {k for k, v in contents.items() if len(v) > 1}, "one key, two contents"
    for topic in (config.NORMALISED, config.ENTITIES, config.STANCES, config.ARTICLE_DONE):
        assert {k for t, k in contents if t == topic} == keys, topic


def _wait(pred, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.1)
    return False
