"""Name normalisation shared by the entity stage and its resolver (pure, no model)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_POSSESSIVE = re.compile(r"(?:'s|s')$|'s(?=\s)")
_DOTTED_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}")
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def fold(text: str) -> str:
    """Unicode-normalised text with curly quotes and dashes made plain (same length not kept)."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def ascii_fold(text: str) -> str:
    """Accents removed ("François" -> "Francois"), for comparison keys only."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """A comparison key: lower case, accents off, no leading article, no possessive, "U.S." -> "us"."""
    s = ascii_fold(fold(text)).lower().strip()
    s = _POSSESSIVE.sub("", s)
    s = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), s)
    s = _NON_WORD.sub(" ", s)
    s = _SPACES.sub(" ", s).strip()
    s = _ARTICLE.sub("", s)
    return s.strip("- ")


def slug(text: str) -> str:
    """An id-safe form of a name: "Bashar al-Assad" -> "bashar-al-assad"."""
    return re.sub(r"[^a-z0-9]+", "-", normalise_name(text)).strip("-")
