"""Counts written in digits or words ("at least 26", "six", "300,000", "two hundred")."""

from __future__ import annotations

import re

from spacy.tokens import Token

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
MAX_COUNT = 100_000_000
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def words_to_int(words: list[str]) -> int | None:
    """The integer a run of number words/digits spells, or None ("twenty-six" -> 26, "1.5 million")."""
    total, current, seen = 0, 0.0, False  # current may hold a decimal ("1.5 million")
    for raw in words:
        for w in raw.lower().replace("-", " ").split():
            if _DIGITS.match(w):
                digits = w.replace(",", "")
                current += float(digits) if "." in digits else int(digits)
            elif w in _UNITS and (w not in ("a", "an") or len(words) > 1):
                current += _UNITS[w]
            elif w in _TENS:
                current += _TENS[w]
            elif w in _SCALES:
                scale = _SCALES[w]
                if scale < 1000:
                    current = (current or 1) * scale
                else:
                    total += int((current or 1) * scale)
                    current = 0
            elif w == "and":
                continue
            else:
                return None
            seen = True
    if not seen:
        return None
    value = int(total + current)
    # a count beyond any human toll is a misread (a phone number, a year range)
    return value if value <= MAX_COUNT else None


def token_count(tok: Token) -> int | None:
    """The count a number token stands for, taking its compound number words along ("two hundred")."""
    parts = [t for t in tok.subtree if t.like_num or t.lower_ in _SCALES or t.lower_ == "-"]
    return words_to_int([t.text for t in sorted(parts, key=lambda t: t.i) if t.text != "-"])


def np_count(head: Token) -> int | None:
    """The count of a noun phrase ("at least 26 civilians" -> 26); a bare number counts itself."""
    if head.like_num:
        return token_count(head)
    for child in head.children:
        if child.dep_ == "nummod" and child.i < head.i:
            return token_count(child)
    return None


def victims_count(head: Token) -> int | None:
    """Count over a coordination ("320 civilians and 200 rebels" -> 520)."""
    total, found = 0, False
    for tok in [head, *[c for c in head.conjuncts]]:
        n = np_count(tok)
        if n is not None:
            total += n
            found = True
    return total if found else None
