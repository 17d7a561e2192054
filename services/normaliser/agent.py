"""Normaliser agent: ``articles.raw`` -> ``articles.normalised`` (or the dead-letter topic)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas.models import NormalisedArticle
from services.common import config, metrics
from services.common.config import Settings
from services.common.errors import Rejected
from services.common.stage import Incoming, Output, dead_output, now
from services.normaliser.dedup import DuplicateIndex
from services.normaliser.intake import article_id_for, parse_raw
from services.normaliser.process import normalise

log = logging.getLogger(__name__)
NAME = "normaliser"


@dataclass
class NormaliserStage:
    settings: Settings
    duplicates: DuplicateIndex = field(default=None)  # type: ignore[assignment]
    name: str = NAME
    source: str = config.RAW

    def __post_init__(self) -> None:
        if self.duplicates is None:
            self.duplicates = DuplicateIndex.from_settings(self.settings)

    def handle(self, batch: Sequence[Incoming]) -> list[list[Output]]:
        return [[self.handle_one(msg)] for msg in batch]

    def handle_one(self, msg: Incoming) -> Output:
        article_id = None
        try:
            raw = parse_raw(msg.value, max_bytes=self.settings.max_input_bytes)
            assert msg.value is not None
            article_id = article_id_for(raw, msg.key, msg.value)
            if raw.submitted_at is None:
                raw.submitted_at = msg.timestamp or now()
            article = normalise(raw, article_id, languages=self.settings.language_set,
                                max_text_chars=self.settings.max_text_chars)
        except Rejected as exc:
            return dead_output(NAME, exc.reason, exc.message, msg, article_id=article_id)
        self._flag_duplicates(article)
        if article.skipped:
            metrics.SKIPPED.labels(NAME, article.skipped).inc()
        log.info("normalised", extra={"stage": NAME, "article_id": article.article_id, "words": article.word_count,
                                      "language": article.language, "skipped": article.skipped})
        return Output(config.NORMALISED, article.article_id, article)

    def _flag_duplicates(self, article: NormalisedArticle) -> None:
        if article.skipped is not None:
            return
        dup, similarity = self.duplicates.check_and_add(
            article.article_id, article.content_hash, article.text, article.submitted_at or now()
        )
        if dup is not None:
            article.duplicate_of, article.duplicate_similarity = dup, similarity
            # An exact copy is not analysed twice; a near copy is, and stays linked.
            if similarity is not None and similarity >= 1.0:
                article.skipped = "duplicate"
