"""Canonical entities of one article from its parse (pure). FIRST VERSION: issue 4 deepens it."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from schemas.models import ArticleEntities, Entity, Mention, NormalisedArticle
from services.common.parse import doc_to_parse

_TYPE_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP",
             "EVENT": "EVENT", "LAW": "LAW"}


def text_to_parse(article: NormalisedArticle) -> str | None:
    """The text the NLP model should parse, or None when the article is skipped."""
    return None if article.skipped else article.text


def tag_entities(article: NormalisedArticle, doc: Doc | None) -> ArticleEntities:
    entities: dict[str, Entity] = {}
    if doc is not None:
        for ent in doc.ents:
            etype = _TYPE_MAP.get(ent.label_)
            if etype is None:
                continue
            key = ent.text.lower().removeprefix("the ")
            if key not in entities:
                entities[key] = Entity(
                    entity_id="ent:" + hashlib.sha1(key.encode()).hexdigest()[:12],
                    name=ent.text, type=etype, mentions=[],  # type: ignore[arg-type]
                )
            entities[key].mentions.append(Mention(text=ent.text, start=ent.start_char, end=ent.end_char))
    return ArticleEntities(
        article_id=article.article_id,
        submitted_at=article.submitted_at,
        url=article.url,
        source=article.source,
        title=article.title,
        published_at=article.published_at,
        language=article.language,
        text=article.text,
        entities=list(entities.values()),
        skipped=article.skipped,
        duplicate_of=article.duplicate_of,
        parse=doc_to_parse(doc) if doc is not None else None,
    )
