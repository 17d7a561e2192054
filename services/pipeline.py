"""The four stages chained in one process, without Kafka.

The Kafka agents call the same stage functions one hop at a time; this
module runs them back to back for ``newsstream analyse`` (offline runs,
evaluation) and for tests.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from pydantic import BaseModel
from spacy.language import Language

from schemas.models import ArticleDone, NormalisedArticle
from services.common import config
from services.common.config import Settings
from services.common.deadletter import dead_letter
from services.common.errors import Rejected
from services.common.nlp import load_nlp
from services.entities.process import tag_entities, text_to_parse
from services.events.process import code_events
from services.events.stories import StoryIndex
from services.normaliser.dedup import DuplicateIndex
from services.normaliser.intake import article_id_for, parse_raw
from services.normaliser.process import normalise
from services.stances.process import find_stances


@dataclass
class Output:
    topic: str
    key: str
    value: BaseModel


@dataclass
class InProcessPipeline:
    settings: Settings
    nlp: Language | None = None
    duplicates: DuplicateIndex = field(default_factory=DuplicateIndex)
    stories: StoryIndex = field(default_factory=StoryIndex)

    def __post_init__(self) -> None:
        if self.nlp is None:
            self.nlp = load_nlp(self.settings.spacy_model)

    def normalise(self, value: bytes, key: bytes | None) -> NormalisedArticle | Output:
        article_id = None
        try:
            raw = parse_raw(value, max_bytes=self.settings.max_input_bytes)
            article_id = article_id_for(raw, key, value)
            if raw.submitted_at is None:
                raw.submitted_at = time.time()
            article = normalise(raw, article_id, languages=self.settings.language_set,
                                max_text_chars=self.settings.max_text_chars)
        except Rejected as exc:
            dl = dead_letter(stage="normaliser", reason=exc.reason, message=exc.message, original=value,
                             key=key, article_id=article_id)
            return Output(config.DEADLETTER, dl.key or dl.article_id or "", dl)
        if article.skipped is None:
            dup, similarity = self.duplicates.check_and_add(
                article.article_id, article.content_hash, article.text, article.submitted_at or time.time()
            )
            if dup is not None:
                article.duplicate_of, article.duplicate_similarity = dup, similarity
                if similarity is not None and similarity >= 1.0:
                    article.skipped = "duplicate"
        return article

    def run(self, items: list[tuple[bytes, bytes | None]]) -> list[Output]:
        """All outputs for these (value, key) submissions, in topic order per article."""
        out: list[Output] = []
        articles: list[NormalisedArticle] = []
        for value, key in items:
            res = self.normalise(value, key)
            if isinstance(res, Output):
                out.append(res)
            else:
                articles.append(res)
                out.append(Output(config.NORMALISED, res.article_id, res))
        assert self.nlp is not None
        texts = [text_to_parse(a) for a in articles]
        docs = iter(self.nlp.pipe([t for t in texts if t is not None], batch_size=self.settings.spacy_batch_size))
        for article, text in zip(articles, texts, strict=True):
            doc = next(docs) if text is not None else None
            ents = tag_entities(article, doc)
            out.append(Output(config.ENTITIES, article.article_id, ents))
            stances = find_stances(ents, self.nlp.vocab)
            out.append(Output(config.STANCES, article.article_id, stances))
            events = code_events(stances, self.nlp.vocab) if stances.skipped is None else []
            story = self.stories.assign(stances, events) if events else None
            for ev in events:
                ev.story_id = story.story_id if story else None
                out.append(Output(config.EVENTS, ev.event_id, ev))
            if story is not None:
                out.append(Output(config.STORIES, story.story_id, story))
            done = ArticleDone(article_id=article.article_id, submitted_at=article.submitted_at,
                                 event_ids=[e.event_id for e in events],
                                 story_id=story.story_id if story else None, skipped=article.skipped,
                                 duplicate_of=article.duplicate_of)
            out.append(Output(config.ARTICLE_DONE, article.article_id, done))
        return out
