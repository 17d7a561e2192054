"""Given names, as evidence that a capitalised phrase is a person ("Samantha Power" tagged ORG).

The list is gender-guesser's ``nam_dict.txt`` (about 45,000 first names from many countries,
Arabic and Slavic ones included), read once per process. Names that are also countries or
big cities ("Jordan", "Paris", "Georgia") do not count as evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from services.entities.gazetteer import gazetteer
from services.entities.lexicon import NAME_PARTICLES, ORG_WORDS, PLACE_NOUNS, TOPONYM_PREFIXES

_NAME = re.compile(r"[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)?")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-case first names."""
    try:
        raw = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_bytes()
        text = raw.decode("utf-8", errors="ignore")
    except (ModuleNotFoundError, FileNotFoundError):  # optional data: without it, no evidence
        return frozenset()
    names = set()
    for line in text.splitlines():
        if line.startswith(("#", "=")) or len(line) < 4:
            continue
        name = line[3:29].strip()
        if _NAME.fullmatch(name):
            names.add(name.lower())
    g = gazetteer()
    return frozenset(n for n in names if n not in g.country_names and g.cities.get(n, 0) < 100_000
                     and n not in TOPONYM_PREFIXES and n not in NAME_PARTICLES and n not in ORG_WORDS)


def looks_like_person_name(text: str) -> bool:
    """Two to four capitalised words opening with a known given name: "Samantha Power", "Jane Doe"."""
    words = text.replace("-", " - ").split()
    if not 2 <= len([w for w in words if w != "-"]) <= 4 or not words[0][:1].isupper():
        return False
    if any(w.lower() in ORG_WORDS or w.lower() in PLACE_NOUNS for w in words[1:]):
        return False
    return words[0].lower() in given_names()
