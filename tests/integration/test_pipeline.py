"""The four agents as real worker processes over the real broker: every article comes out
on the output topics or on the dead-letter topic with a clear reason."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from schemas.models import ArticleDone, DeadLetter, Event, NormalisedArticle
from services.cli.fleet import WorkerFleet
from services.cli.kafka_io import Received
from services.common import config
from services.common.config import AGENTS, Settings
from tests.fixtures.articles import GERMAN_REPORT, TRADE_REPORT, VETO_REPORT
from tests.integration.helpers import produce_and_collect

pytestmark = pytest.mark.integration


@pytest.fixture
def fleet(settings: Settings, tmp_path: Path) -> Iterator[WorkerFleet]:
    asyncio.run(_ensure(settings))
    f = WorkerFleet(settings, list(AGENTS), log_dir=tmp_path / "logs").start()
    yield f
    f.stop()


async def _ensure(settings: Settings) -> None:
    from services.common.kafka import ensure_topics

    await ensure_topics(settings)


def _accounted(keys: set[str]):  # type: ignore[no-untyped-def]
    """True once every key has a dead letter, or an articles.done whose listed events all arrived."""
    def done(got: list[Received]) -> bool:
        finished = {r.key for r in got if r.topic in (config.ARTICLE_DONE, config.DEADLETTER)}
        listed = {e for r in got if r.topic == config.ARTICLE_DONE
                  for e in ArticleDone.model_validate_json(r.value).event_ids}
        arrived = {r.key for r in got if r.topic == config.EVENTS}
        return keys <= finished and listed <= arrived
    return done


def test_articles_and_bad_inputs_are_all_accounted_for(settings: Settings, fleet: WorkerFleet) -> None:
    big = b"x" * (settings.max_input_bytes + 10)
    items: list[tuple[bytes, bytes | None]] = [
        (orjson.dumps({"id": "veto", "body": VETO_REPORT, "source": "Example Wire"}), b"veto"),
        (TRADE_REPORT.encode(), b"trade"),
        (orjson.dumps({"id": "veto-copy", "body": VETO_REPORT, "source": "Other Desk"}), b"veto-copy"),
        (GERMAN_REPORT.encode(), b"german"),
        (b'{"id": "broken", "body": "unterminated', b"broken"),
        (orjson.dumps({"id": "nobody", "title": "No body here"}), b"nobody"),
        (orjson.dumps({"id": "blank", "body": "   \n  "}), b"blank"),
        (orjson.dumps({"id": "wrongtype", "body": 42}), b"wrongtype"),
        (big, b"huge"),
        (b"\xff\xfe\x00\x81 not utf-8 \xc3\x28", b"latin"),
        (bytes(range(0, 32)) * 20, b"binary"),
    ]
    keys = {k.decode() for _, k in items if k}
    got = asyncio.run(produce_and_collect(settings, items, config.OUTPUT_TOPICS, _accounted(keys), timeout=120))

    dead = {r.key: DeadLetter.model_validate_json(r.value) for r in got if r.topic == config.DEADLETTER}
    done = {r.key: ArticleDone.model_validate_json(r.value) for r in got if r.topic == config.ARTICLE_DONE}
    assert keys == set(dead) | set(done), "every article is accounted for"
    assert not set(dead) & set(done)
    assert {k: d.error for k, d in dead.items()} == {
        "broken": "malformed_json",
        "nobody": "missing_body",
        "blank": "empty_body",
        "wrongtype": "invalid_schema",
        "huge": "too_large",
        "latin": "not_utf8",
        "binary": "binary_content",
    }
    assert all(d.stage == "normaliser" for d in dead.values())
    # The original payload is kept exactly (base64 when it is not UTF-8).
    assert dead["broken"].original == '{"id": "broken", "body": "unterminated'
    assert dead["latin"].original_encoding == "base64"

    normalised = {r.key: NormalisedArticle.model_validate_json(r.value) for r in got
                  if r.topic == config.NORMALISED}
    assert normalised["german"].skipped == "unsupported_language"
    assert normalised["german"].language == "de"
    assert normalised["veto-copy"].duplicate_of == "veto"
    assert normalised["veto-copy"].skipped == "duplicate"
    assert normalised["veto"].skipped is None
    for key in ("veto", "trade"):
        assert {r.topic for r in got if r.key == key} >= {config.NORMALISED, config.ENTITIES, config.STANCES,
                                                          config.ARTICLE_DONE}
    events = [Event.model_validate_json(r.value) for r in got if r.topic == config.EVENTS]
    assert all(e.article_id in ("veto", "trade") for e in events)
    assert sorted(done["veto"].event_ids) == sorted(e.event_id for e in events if e.article_id == "veto")
