"""The event agent's stories feed: an echo of a story it holds is skipped unread, anything else is
restored as before (merged, resurrected or ignored when invalid)."""

from __future__ import annotations

import copy

import orjson
import pytest

from schemas.models import Story
from services.common import worker
from services.events.stories import StoryIndex, _State


def _index() -> StoryIndex:
    index = StoryIndex()
    index.hold(_State(story_id="story:a", article_ids=["a1", "a2"], outlets=["X"], first_date="2024-05-01",
                      last_date="2024-05-02", seen=None, sigs={}, main=[], entities={"e1": 2}, events={},
                      stances={}, updated_at=1.0))
    index.article_story.update({"a1": "story:a", "a2": "story:a"})
    return index


def _message(story_id: str, article_ids: list[str], **extra: object) -> bytes:
    value = {"story_id": story_id, "article_ids": article_ids, "outlets": ["X"], "updated_at": 2.0, **extra}
    return orjson.dumps(value)


def _state(index: StoryIndex) -> tuple[object, ...]:
    return copy.deepcopy((index.stories, index.article_story, index._order, index._by_age, index._by_update))


def test_an_echo_of_a_held_story_is_not_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    index = _index()
    before = _state(index)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated")

    monkeypatch.setattr(Story, "model_validate_json", refuse)
    worker._restore_story(index, _message("story:a", ["a2", "a1"]))
    worker._restore_story(index, _message("story:a", ["a1"], updated_at="not a time"))  # invalid: no effect either
    assert _state(index) == before


def test_a_new_article_of_a_held_story_is_merged() -> None:
    index = _index()
    worker._restore_story(index, _message("story:a", ["a1", "a3", "a3"]))
    assert index.stories["story:a"].article_ids == ["a1", "a2", "a3"]
    assert index.article_story["a3"] == "story:a"


def test_an_invalid_message_with_new_articles_changes_nothing() -> None:
    index = _index()
    before = _state(index)
    worker._restore_story(index, _message("story:a", ["a1", "a9"], updated_at="not a time"))
    worker._restore_story(index, b"{not json")
    worker._restore_story(index, _message("story:a", ["a1", 7]))
    assert _state(index) == before


def test_an_unknown_story_is_held_again() -> None:
    index = _index()
    worker._restore_story(index, _message("story:b", ["b1"]))
    assert index.stories["story:b"].article_ids == ["b1"]
    assert index.article_story["b1"] == "story:b"
