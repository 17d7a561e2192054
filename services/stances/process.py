"""Quotes and stances of one article (pure). FIRST VERSION: issue 5 deepens it."""

from __future__ import annotations

from spacy.vocab import Vocab

from schemas.models import ArticleEntities, ArticleStances


def find_stances(msg: ArticleEntities, vocab: Vocab) -> ArticleStances:
    return ArticleStances(
        article_id=msg.article_id,
        submitted_at=msg.submitted_at,
        url=msg.url,
        source=msg.source,
        title=msg.title,
        published_at=msg.published_at,
        language=msg.language,
        skipped=msg.skipped,
        duplicate_of=msg.duplicate_of,
        text=msg.text,
        entities=msg.entities,
        parse=msg.parse,
    )
