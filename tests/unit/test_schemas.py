from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas import export
from schemas.models import SCHEMA_VERSION, TOPIC_MODELS, DeadLetter, EntityRef, Event, RawArticle, Span
from services.common import config


def test_exported_json_schemas_are_current() -> None:
    assert export.main(["--check"]) == 0, "run `make schemas` and commit schemas/json"


def test_every_contract_topic_has_a_model() -> None:
    assert set(config.ALL_TOPICS) == set(TOPIC_MODELS)


def test_raw_article_requires_a_string_body() -> None:
    with pytest.raises(ValidationError):
        RawArticle.model_validate({"title": "no body"})
    with pytest.raises(ValidationError):
        RawArticle.model_validate({"body": 42})
    assert RawArticle.model_validate({"body": "text", "unknown": 1}).body == "text"


def test_event_requires_a_plover_type_and_carries_the_version() -> None:
    ev = Event(article_id="a", event_id="e", type="REJECT", actor=EntityRef(name="X"),
               evidence=Span(text="X vetoed it.", start=0, end=12), confidence=0.9)
    assert ev.schema_version == SCHEMA_VERSION
    with pytest.raises(ValidationError):
        Event(article_id="a", event_id="e", type="VETO", actor=EntityRef(name="X"),  # type: ignore[arg-type]
              evidence=Span(text="", start=0, end=0), confidence=0.5)


def test_dead_letter_reasons_are_a_closed_set() -> None:
    with pytest.raises(ValidationError):
        DeadLetter(stage="x", error="oops", message="m", original="o", received_at="now")  # type: ignore[arg-type]
