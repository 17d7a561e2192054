"""Capitalised names the model left untagged: runs of proper nouns typed by the gazetteer, an
organisation word, a place context or a given name ("Coastal Relief Trust", "Army of the Mujahideen")."""

from __future__ import annotations

import re

from services.entities.context import org_context, place_context, titled_before
from services.entities.gazetteer import gazetteer
from services.entities.lexicon import LOWER_NAME_STARTS, NOT_NAMES, ORG_WORDS, TOPONYM_PREFIXES
from services.entities.names import normalise_name
from services.entities.parsed import ParsedDoc
from services.entities.personnames import looks_like_person_name

ACRONYM_TOKEN = re.compile(r"[A-Z][A-Z&]{1,7}")


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in ("of", "for", "the", "and", "on", "in", "to")
                   and w[0].isalpha())


def propn_chunks(doc: ParsedDoc, covered: list[bool]) -> list[tuple[int, int]]:
    """Runs of capitalised proper nouns spaCy left untagged ("Coastal Relief Trust", "Army of the North")."""
    words, lowers, pos = doc.words, doc.lowers, doc.pos
    chunks = []
    i, n = 0, len(words)
    while i < n:
        if covered[i] or pos[i] != "PROPN" or not words[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < n and not covered[j]:
            nxt = j + 1 if j + 1 < n and not covered[j + 1] else None
            name_word = pos[j] == "PROPN" and (words[j][:1].isupper() or lowers[j] in LOWER_NAME_STARTS)
            # Hyphens and "of" inside a name: "al-Baghdadi", "Army of Conquest".
            joiner = nxt is not None and pos[nxt] == "PROPN" and (
                words[j] == "-" or (lowers[j] == "of" and words[nxt][:1].isupper()))
            if not (name_word or joiner):
                break
            j += 1
        # "al-X" before the run belongs to it.
        if i >= 2 and words[i - 1] == "-" and lowers[i - 2] in LOWER_NAME_STARTS and not covered[i - 2]:
            i -= 2
        chunks.append((i, j))
        i = j
    return chunks


def chunk_label(doc: ParsedDoc, s: int, e: int) -> str | None:
    """Type of an untagged capitalised run, or None when it is not clearly a name."""
    toks = doc.tokens
    words = [t.lower_ for t in toks[s:e] if not t.is_punct]
    text = doc.span_text(s, e)
    if e - s == 1 and 0 < s < len(toks) - 1 and toks[s - 1].text == "(" and toks[e].text == ")" \
            and ACRONYM_TOKEN.fullmatch(toks[s].text):
        return "ORG"  # "(CDU)" after a party's name: the acronym merge joins them
    if not words:
        return None
    # A known place or organisation the model left untagged ("in eastern Aleppo").
    g = gazetteer()
    norm = normalise_name(text)
    if norm not in NOT_NAMES and (norm not in g.case_sensitive or text.isupper()):
        if norm in g.orgs:
            return "ORG"
        if norm in g.country_names or g.cities.get(norm, 0) >= 100_000 or norm in g.provinces:
            return "GPE"
    if len(words) == 1 and (words[0] in NOT_NAMES or toks[s].is_sent_start):
        return None
    if any(w.endswith("ing") for w in words):
        return None  # headline-style capitalised phrases ("Army Advancing"), not names
    if org_context(doc, s, e) or any(w in ORG_WORDS for w in words[-1:]) or (
        len(words) >= 2 and sum(w in ORG_WORDS for w in words) >= 1 and words[0] not in TOPONYM_PREFIXES
    ):
        return "ORG"
    if words[0] in TOPONYM_PREFIXES or place_context(doc, s, e) > 1:
        return "GPE"
    if looks_like_person_name(text):
        return "PERSON"
    if 2 <= len(words) <= 4 and titled_before(doc, s):
        return "PERSON"
    return None


