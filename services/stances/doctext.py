"""The Doc's text, computed once: spaCy rebuilds ``Doc.text`` from its tokens on every access."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "stances.text"


def text_of(doc: Doc) -> str:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_KEY] = cached
    return str(cached)
