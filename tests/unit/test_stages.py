"""The agents' pure parts driven directly, as the Faust shell drives them (no Kafka)."""

from __future__ import annotations

import orjson
import pytest

from schemas.models import ArticleDone, ArticleEntities, ArticleStances, DeadLetter, NormalisedArticle
from services.common import config
from services.common.config import Settings
from services.common.stage import Incoming
from services.stages import InProcessPipeline, build_stage
from tests.fixtures.articles import TRADE_REPORT, VETO_REPORT


@pytest.fixture(scope="module")
def pipeline() -> InProcessPipeline:
    return InProcessPipeline(Settings())


def test_every_article_yields_one_message_per_topic(pipeline: InProcessPipeline) -> None:
    out = pipeline.run([Incoming(b"veto", VETO_REPORT.encode()), Incoming(b"trade", TRADE_REPORT.encode())])
    for topic, model in ((config.NORMALISED, NormalisedArticle), (config.ENTITIES, ArticleEntities),
                         (config.STANCES, ArticleStances), (config.ARTICLE_DONE, ArticleDone)):
        got = [o for o in out if o.topic == topic]
        assert sorted(o.key for o in got) == ["trade", "veto"], topic
        assert all(isinstance(o.value, model) for o in got)
    events = [o for o in out if o.topic == config.EVENTS]
    done = {o.key: o.value for o in out if o.topic == config.ARTICLE_DONE}
    assert sorted(e.key for e in events) == sorted(i for d in done.values() for i in d.event_ids)  # type: ignore[attr-defined]


def test_outputs_are_deterministic(pipeline: InProcessPipeline) -> None:
    fresh = InProcessPipeline(Settings())
    item = [Incoming(b"veto", orjson.dumps({"id": "veto", "body": VETO_REPORT, "submitted_at": 1.0}))]
    first = [(o.topic, o.key, o.encode()) for o in fresh.run(item) if o.topic != config.STORIES]
    again = [(o.topic, o.key, o.encode()) for o in InProcessPipeline(Settings()).run(item)
             if o.topic != config.STORIES]
    assert first == again


def test_entity_offsets_point_into_the_text(pipeline: InProcessPipeline) -> None:
    out = pipeline.run([Incoming(b"veto", VETO_REPORT.encode())])
    ents = next(o.value for o in out if o.topic == config.ENTITIES)
    assert isinstance(ents, ArticleEntities)
    assert ents.entities
    for e in ents.entities:
        for m in e.mentions:
            assert ents.text[m.start:m.end] == m.text


@pytest.mark.parametrize("agent", ["entities", "stances", "events"])
def test_downstream_stages_dead_letter_what_is_not_their_input(agent: str) -> None:
    stage = build_stage(agent, Settings())
    out = stage.handle([Incoming(b"k", b"not json"), Incoming(b"k2", b'{"article_id": 3}'), Incoming(b"k3", None)])
    letters = [o[0].value for o in out]
    assert all(isinstance(d, DeadLetter) and d.stage == agent for d in letters)
    assert [d.error for d in letters] == ["malformed_json", "invalid_schema", "empty_body"]  # type: ignore[union-attr]
    assert letters[0].original == "not json"  # type: ignore[union-attr]


def test_skipped_articles_pass_through_every_stage(pipeline: InProcessPipeline) -> None:
    item = orjson.dumps({"id": "de", "body": "Die Regierung hat am Dienstag ein neues Gesetz beschlossen. " * 5})
    out = pipeline.run([Incoming(b"de", item)])
    assert [o.topic for o in out] == [config.NORMALISED, config.ENTITIES, config.STANCES, config.ARTICLE_DONE]
    assert all(getattr(o.value, "skipped", None) == "unsupported_language" for o in out)
