"""Normalise one raw article (pure: no Kafka). FIRST VERSION: issue 3 deepens it."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from schemas.models import NormalisedArticle, Paragraph, RawArticle, RemovedLine
from services.common.errors import Rejected


def _clean_lines(body: str) -> list[str]:
    body = unicodedata.normalize("NFKC", body)
    return [re.sub(r"\s+", " ", line).strip() for line in body.splitlines()]


def normalise(
    raw: RawArticle, article_id: str, *, languages: frozenset[str] = frozenset({"en"}), max_text_chars: int = 200_000
) -> NormalisedArticle:
    lines = [ln for ln in _clean_lines(raw.body) if ln]
    kept: list[str] = []
    removed: list[RemovedLine] = []
    title = raw.title
    for line in lines:
        words = line.split()
        if title is None and len(words) >= 4 and not line.endswith("."):
            title = line
            removed.append(RemovedLine(text=line, kind="title"))
        elif len(words) >= 6 and re.search(r"[.!?\"'”’]$", line):
            kept.append(line)
        else:
            removed.append(RemovedLine(text=line, kind="other"))
    if not kept:
        raise Rejected("empty_body", "no article text left after cleaning")
    text = "\n\n".join(kept)[:max_text_chars]
    paragraphs = []
    pos = 0
    for para in text.split("\n\n"):
        paragraphs.append(Paragraph(start=pos, end=pos + len(para)))
        pos += len(para) + 2
    return NormalisedArticle(
        article_id=article_id,
        submitted_at=raw.submitted_at,
        url=raw.url,
        source=raw.source,
        title=title,
        published_at=raw.published_at,
        language=raw.language or "en",
        text=text,
        paragraphs=paragraphs,
        removed=removed,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        word_count=len(text.split()),
    )
