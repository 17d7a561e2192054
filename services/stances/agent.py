"""Stance agent: ``articles.entities`` -> ``articles.stances`` (rebuilds the carried parse)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.vocab import Vocab

from schemas.models import ArticleEntities
from services.common import config, metrics
from services.common.config import Settings
from services.common.nlp import load_nlp
from services.common.stage import Incoming, Output, decode
from services.stances.process import find_stances

log = logging.getLogger(__name__)
NAME = "stances"


@dataclass
class StancesStage:
    settings: Settings
    vocab: Vocab = field(default=None)  # type: ignore[assignment]
    name: str = NAME
    source: str = config.ENTITIES

    def __post_init__(self) -> None:
        if self.vocab is None:
            self.vocab = load_nlp(self.settings.spacy_model).vocab

    def handle(self, batch: Sequence[Incoming]) -> list[list[Output]]:
        return [[self.handle_one(msg)] for msg in batch]

    def handle_one(self, msg: Incoming) -> Output:
        d = decode(ArticleEntities, msg, NAME)
        if isinstance(d, Output):
            return d
        result = find_stances(d, self.vocab)
        if d.skipped:
            metrics.SKIPPED.labels(NAME, d.skipped).inc()
        # One labels() look-up per label, not per quote or stance.
        for direct, count in Counter(str(q.direct).lower() for q in [*result.quotes, *result.reported_speech]).items():
            metrics.QUOTES.labels(direct).inc(count)
        for polarity, count in Counter(s.polarity for s in result.stances).items():
            metrics.STANCES.labels(polarity).inc(count)
        log.info("stances found", extra={"stage": NAME, "article_id": d.article_id, "quotes": len(result.quotes),
                                         "stances": len(result.stances)})
        return Output(config.STANCES, d.article_id, result)
