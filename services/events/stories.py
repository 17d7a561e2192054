"""Cross-outlet story clustering. FIRST VERSION: one story per article; issue 6 deepens it."""

from __future__ import annotations

import time

from schemas.models import ArticleStances, Event, Story


class StoryIndex:
    """Assigns each article (and its events) to a story; state is plain data for a Faust table."""

    def __init__(self) -> None:
        self.stories: dict[str, Story] = {}

    def assign(self, msg: ArticleStances, events: list[Event]) -> Story:
        story_id = "story:" + msg.article_id
        story = Story(story_id=story_id, article_ids=[msg.article_id], outlets=[msg.source or ""],
                      updated_at=time.time())
        self.stories[story_id] = story
        return story
