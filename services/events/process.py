"""PLOVER events of one article (pure). FIRST VERSION: issue 6 deepens it."""

from __future__ import annotations

from spacy.vocab import Vocab

from schemas.models import ArticleStances, Event


def code_events(msg: ArticleStances, vocab: Vocab) -> list[Event]:
    return []
