"""Event agent: ``articles.stances`` -> ``events`` (one message per event), ``stories`` and
``articles.done`` (one per article, so a producer can tell its article is finished)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.vocab import Vocab

from schemas.models import ArticleDone, ArticleStances
from services.common import config, metrics
from services.common.config import Settings
from services.common.nlp import load_nlp
from services.common.stage import Incoming, Output, decode
from services.events.process import code_events
from services.events.stories import StoryIndex

log = logging.getLogger(__name__)
NAME = "events"


@dataclass
class EventsStage:
    settings: Settings
    vocab: Vocab = field(default=None)  # type: ignore[assignment]
    stories: StoryIndex = field(default=None)  # type: ignore[assignment]
    name: str = NAME
    source: str = config.STANCES

    def __post_init__(self) -> None:
        if self.vocab is None:
            self.vocab = load_nlp(self.settings.spacy_model).vocab
        if self.stories is None:
            self.stories = StoryIndex(window_days=self.settings.story_window_days)

    def handle(self, batch: Sequence[Incoming]) -> list[list[Output]]:
        return [self.handle_one(msg) for msg in batch]

    def handle_one(self, msg: Incoming) -> list[Output]:
        d = decode(ArticleStances, msg, NAME)
        if isinstance(d, Output):
            return [d]
        events = code_events(d, self.vocab) if d.skipped is None else []
        story = self.stories.assign(d, events) if events else None
        out: list[Output] = []
        for ev in events:
            ev.story_id = story.story_id if story else None
            out.append(Output(config.EVENTS, ev.event_id, ev))
        for event_type, count in Counter(ev.type for ev in events).items():
            metrics.EVENTS.labels(event_type).inc(count)  # one labelled look-up per type, not per event
        if story is not None:
            out.append(Output(config.STORIES, story.story_id, story))
        if d.skipped:
            metrics.SKIPPED.labels(NAME, d.skipped).inc()
        done = ArticleDone(article_id=d.article_id, submitted_at=d.submitted_at,
                           event_ids=[e.event_id for e in events], story_id=story.story_id if story else None,
                           skipped=d.skipped, duplicate_of=d.duplicate_of)
        out.append(Output(config.ARTICLE_DONE, d.article_id, done))
        log.info("events coded", extra={"stage": NAME, "article_id": d.article_id, "events": len(events),
                                        "story_id": done.story_id})
        return out
