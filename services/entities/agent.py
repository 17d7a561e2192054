"""Entity agent: ``articles.normalised`` -> ``articles.entities``. The one stage that runs the
spaCy model; it carries the parse on so later stages never parse again."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from schemas.models import NormalisedArticle
from services.common import config, metrics
from services.common.config import Settings
from services.common.nlp import load_nlp
from services.common.stage import Incoming, Output, decode
from services.entities.process import tag_entities, text_to_parse, warm_up

log = logging.getLogger(__name__)
NAME = "entities"


@dataclass
class EntitiesStage:
    settings: Settings
    nlp: Language = field(default=None)  # type: ignore[assignment]
    name: str = NAME
    source: str = config.NORMALISED

    def __post_init__(self) -> None:
        if self.nlp is None:
            self.nlp = load_nlp(self.settings.spacy_model)
        warm_up()  # gazetteers now, not on the first article

    def handle(self, batch: Sequence[Incoming]) -> list[list[Output]]:
        decoded = [decode(NormalisedArticle, msg, NAME) for msg in batch]
        articles = [d for d in decoded if isinstance(d, NormalisedArticle)]
        texts = [text_to_parse(a) for a in articles]
        # One nlp.pipe call per batch: the model's cost dominates the whole service.
        docs = iter(self.nlp.pipe([t for t in texts if t is not None], batch_size=self.settings.spacy_batch_size))
        parsed = {a.article_id: (next(docs) if t is not None else None) for a, t in zip(articles, texts, strict=True)}
        out: list[list[Output]] = []
        for d in decoded:
            if isinstance(d, Output):
                out.append([d])
                continue
            result = tag_entities(d, parsed[d.article_id])
            if d.skipped:
                metrics.SKIPPED.labels(NAME, d.skipped).inc()
            for ent in result.entities:
                metrics.ENTITIES.labels(ent.type).inc()
            log.info("entities tagged", extra={"stage": NAME, "article_id": d.article_id,
                                               "entities": len(result.entities)})
            out.append([Output(config.ENTITIES, d.article_id, result)])
        return out
