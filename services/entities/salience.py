"""Salience of an entity in its article, in 0..1: how often it is mentioned, whether the
headline names it, and how early it first appears (the lede carries what the story is about)."""

from __future__ import annotations

from services.entities.names import normalise_name


def _joins_words(char: str) -> bool:
    """A character that continues a word: regex ``[\\w-]`` (``\\w`` is ``isalnum()`` or ``_``)."""
    return char.isalnum() or char in "_-"


def whole_words_in(name: str, text: str) -> bool:
    """``re.search(r"(?<![\\w-])" + re.escape(name) + r"(?![\\w-])", text)``, without compiling a
    pattern for every name of every article (they miss the ``re`` cache)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or not _joins_words(text[start - 1])) and (end == len(text) or not _joins_words(text[end])):
            return True
        start = text.find(name, start + 1)
    return False


def in_headline(title: str | None, names: set[str]) -> bool:
    """Whether one of the (normalised) names stands as whole words in the headline."""
    if not title:
        return False
    t = " " + normalise_name(title) + " "
    return any(n and whole_words_in(n, t) for n in names)


def salience(mentions: int, max_mentions: int, first_start: int, text_len: int, headline: bool) -> float:
    """0.5 for mentions (relative to the most mentioned entity), 0.25 headline, 0.25 position of first mention."""
    freq = mentions / max_mentions if max_mentions else 0.0
    position = 1.0 - min(1.0, first_start / text_len) if text_len else 0.0
    score = 0.5 * freq + 0.25 * (1.0 if headline else 0.0) + 0.25 * position ** 2
    return round(max(0.0, min(1.0, score)), 3)
