"""Mention candidates from a parsed Doc: spaCy's entities cleaned up (titles, articles and
possessives trimmed, junk dropped), demonym compounds split, and capitalised names spaCy missed.

Every candidate's ``text`` equals ``doc.text[start:end]``.
"""

from __future__ import annotations

import re

from services.entities.candidate import Candidate, make_candidate
from services.entities.chunks import ACRONYM_TOKEN, chunk_label, initials, propn_chunks
from services.entities.context import (
    is_title_word,
    place_context,
    titled_before,
)
from services.entities.furniture import skipped_spans
from services.entities.gazetteer import gazetteer
from services.entities.known_names import extend_to_known_org, gazetteer_candidates, relabel, resolve_overlaps
from services.entities.lexicon import (
    LOWER_NAME_STARTS,
    NAME_PARTICLES,
    NOT_NAMES,
    STRONG_TITLES,
    TITLES,
)
from services.entities.names import normalise_name
from services.entities.parsed import ParsedDoc
from services.entities.propagate import propagate

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"})
_STRIP_POS = frozenset({"VERB", "ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM",
                        "SYM", "INTJ"})
_LEADING_JUNK = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
                           "these", "those"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _place_name(doc: ParsedDoc, ent_start: int, ent_end: int, s: int, e: int) -> bool:
    """Whether the entity reads as a place or organisation name (its context or the gazetteer says so)."""
    g = gazetteer()
    norm = normalise_name(doc.span_text(ent_start, ent_end))
    return place_context(doc, s, e) > 0 or norm in g.country_names or norm in g.orgs \
        or g.cities.get(norm, 0) >= 15_000 or norm in g.provinces


def _clean(doc: ParsedDoc, ent_start: int, ent_end: int, label: str) -> tuple[int, int, bool] | None:
    """Token bounds of the name inside a spaCy entity, and whether a title was stripped."""
    toks, words, lowers, pos = doc.tokens, doc.words, doc.lowers, doc.pos
    s, e = ent_start, ent_end
    titled = False
    g = gazetteer()
    # "in Sheikh Maqsoud" where the model tagged only "Maqsoud": a capitalised word attached to the
    # name and standing in a place slot belongs to it.
    while s > 0 and pos[s - 1] == "PROPN" and words[s - 1][:1].isupper() and toks[s - 1].ent_type_ == "" \
            and s <= doc.heads[s - 1] < e and place_context(doc, s - 1, e) > 0:
        s -= 1
    # "in Sheikh Maqsoud", "the Sheikh Saeed district", "New Zealand" tagged PERSON: a place name
    # whose first word looks like a title stays whole. Only PERSON names of two or more words can
    # lose a title, so only they ask (most entities are not).
    name_start = s
    # "pro-Assad", "anti-Russian": the name after the prefix.
    if e - s >= 3 and lowers[s] in ("pro", "anti") and words[s + 1] == "-":
        s += 2
    keep_titles = label == "PERSON" and e - s > 1 and _place_name(doc, ent_start, ent_end, name_start, e)
    while s < e:
        tok = toks[s]
        low = lowers[s]
        if low in _LEADING_JUNK or tok.is_punct or tok.is_space:
            s += 1
        elif label == "PERSON" and e - s > 1 and not keep_titles and (
            is_title_word(low) or low in g.demonyms or low in g.country_names
            or (low in g.orgs and words[s].isupper())
            or (pos[s] in _STRIP_POS and low not in LOWER_NAME_STARTS)
            or (tok.tag_ in ("VBG", "VBN", "VBD") or (tok.is_sent_start and low.endswith("ing")))
        ):
            titled = titled or low in STRONG_TITLES
            s += 1
        else:
            break
    # "World Health Organization (WHO": the parenthesised acronym is a mention of its own.
    if "(" in words[s:e]:
        e = words.index("(", s, e)
    # "Ursula von der" + "Leyen": a name the model cut after a particle.
    if label == "PERSON" and lowers[e - 1] in NAME_PARTICLES:
        while e < len(toks) and toks[e].ent_type_ in ("", "PERSON", "ORG", "GPE") and (
            lowers[e] in NAME_PARTICLES or (pos[e] == "PROPN" and words[e][:1].isupper())
        ):
            e += 1
    while e > s and (lowers[e - 1] in _POSSESSIVE or toks[e - 1].is_punct or toks[e - 1].is_space
                     or toks[e - 1].like_num):
        e -= 1
    if s >= e:
        return None
    return s, e, titled or titled_before(doc, s)


def _junk(doc: ParsedDoc, s: int, e: int) -> bool:
    text = doc.span_text(s, e)
    if not _HAS_LETTER.search(text) or len(text) < 2:
        return True
    if not any(c.isupper() for c in text):
        return True  # lower-case fragment
    toks, lowers = doc.tokens, doc.lowers
    words = [lowers[i] for i in range(s, e) if not toks[i].is_punct]
    if all(w in TITLES for w in words):
        return True  # a lone title
    if len(words) == 1 and words[0] in NOT_NAMES:
        return True
    # A capitalised sentence opener that is an ordinary participle or adjective ("Exiled opposition
    # leader X ...", "Armed men ..."): the model sometimes tags it as a name of its own.
    tok = toks[s]
    return bool(e - s == 1 and tok.is_sent_start and doc.words[s][1:].islower()
            and (tok.tag_ in ("VBN", "VBD", "VBG") or (tok.tag_ == "JJ" and tok.ent_type_ in ("PERSON", "")))
            and s + 1 < len(doc) and toks[s + 1].is_lower)


def _parenthesised(doc: ParsedDoc, ent_start: int, ent_end: int) -> tuple[int, int] | None:
    """Token bounds of "(ACR)" closing an entity ("World Health Organization (WHO)"), if any."""
    words = doc.words
    if "(" not in words[ent_start + 1 : ent_end]:
        return None
    j = words.index("(", ent_start + 1, ent_end) + 1
    k = j
    while k < len(words) and k < ent_end + 1 and words[k] != ")":
        k += 1
    if k > j and all(w[:1].isupper() for w in words[j:k]):
        return j, k
    return None


def _split_demonym_compound(cand: Candidate) -> list[Candidate] | None:
    """ "Russian-American", "US-Russian" -> one mention per country."""
    if "-" not in cand.text or " " in cand.text:
        return None
    parts = cand.text.split("-")
    g = gazetteer()
    def national(part: str) -> bool:
        key = normalise_name(part)
        return key in g.demonyms or (key in g.country_names and (key not in g.case_sensitive or part.isupper()))

    if len(parts) < 2 or not all(national(p) for p in parts):
        return None
    out = []
    pos = cand.start
    for p in parts:
        out.append(Candidate(text=p, start=pos, end=pos + len(p), label="NORP", tok_start=cand.tok_start,
                             tok_end=cand.tok_end, source="demonym"))
        pos += len(p) + 1
    return out


def _national_chapter(doc: ParsedDoc, s: int, e: int) -> int | None:
    """End of "Amnesty International Kenya", "Save the Children UK": an organisation's name of two or
    more words run straight into a country's name that is not itself modifying a noun."""
    toks = doc.tokens
    if e - s < 2 or e >= len(toks) or toks[e].ent_iob_ != "B" or toks[e].ent_type_ != "GPE":
        return None
    if toks[e - 1].whitespace_ != " " or toks[e].sent != toks[s].sent:
        return None
    end = e + 1
    while end < len(toks) and toks[end].ent_iob_ == "I":
        end += 1
    if end - e > 2 or not all(t.is_title or t.is_upper for t in toks[s:end] if t.is_alpha and len(t) > 3):
        return None
    if normalise_name(doc.span_text(e, end)) not in gazetteer().country_names:
        return None
    after = toks[end] if end < len(toks) else None
    if after is not None and after.pos_ in ("PROPN", "NOUN") and after.lower_ not in _POSSESSIVE:
        return None  # "Amnesty International Kenya office", "the UN Kenya mission"
    return end


def extract_candidates(doc: ParsedDoc) -> list[Candidate]:
    """Cleaned mentions in text order."""
    text = doc.text
    toks, words, lowers = doc.tokens, doc.words, doc.lowers
    out: list[Candidate] = []
    covered = [False] * len(doc)
    absorbed: set[int] = set()
    for ent_start, ent_end, ent_label in doc.ents:
        if ent_start in absorbed:
            continue
        inner = _parenthesised(doc, ent_start, ent_end)
        if inner is not None:
            out.append(make_candidate(doc, inner[0], inner[1], ent_label, "ner"))
        label = ent_label if ent_label in KEPT_LABELS else relabel(doc.span_text(ent_start, ent_end))
        if label is None:
            for i in range(ent_start, ent_end):
                covered[i] = ent_label not in ("PRODUCT", "WORK_OF_ART")
            continue
        bounds = _clean(doc, ent_start, ent_end, ent_label)
        for i in range(ent_start, ent_end):
            covered[i] = True
        if bounds is None or _junk(doc, bounds[0], bounds[1]):
            continue
        s, e, titled = bounds
        s2, e2 = extend_to_known_org(doc, s, e)
        if (s2, e2) != (s, e):
            for i in range(s2, e2):
                covered[i] = True
            s, e, label = s2, e2, "ORG"
        chapter = _national_chapter(doc, s, e) if label in ("ORG", "FAC") else None
        if chapter is not None:
            absorbed.add(e)
            for i in range(e, chapter):
                covered[i] = True
            e, label = chapter, "ORG"
        cand = make_candidate(doc, s, e, label, "ner", titled)
        parts = _split_demonym_compound(cand)
        out.extend(parts if parts else [cand])
    known_initials = {initials(c.text) for c in out if " " in c.text}
    for s, e in propn_chunks(doc, covered):
        label = chunk_label(doc, s, e)
        if label is None and e - s == 1 and words[s] in known_initials and ACRONYM_TOKEN.fullmatch(words[s]):
            label = "ORG"  # "SOHR" after "Syrian Observatory for Human Rights"
        if label is None or _junk(doc, s, e):
            continue
        # Trim possessives and punctuation at the edges, as for spaCy's entities.
        while e > s and (lowers[e - 1] in _POSSESSIVE or toks[e - 1].is_punct):
            e -= 1
        if e > s:
            out.append(make_candidate(doc, s, e, label, "chunk", titled_before(doc, s)))
    out = resolve_overlaps(out + gazetteer_candidates(doc))
    out.extend(propagate(doc, out))
    skipped = skipped_spans(text)
    # A name never runs across a paragraph break ("Most Read\n\nBBC" is two pieces of page furniture).
    out = [c for c in out if "\n\n" not in c.text and not any(a <= c.start < b for a, b in skipped)]
    out.sort(key=lambda c: (c.start, -c.end))
    # A name stretched over a neighbouring entity ("Ursula von der" + "Leyen") absorbs it.
    kept: list[Candidate] = []
    for c in out:
        if kept and c.start >= kept[-1].start and c.end <= kept[-1].end and c.source != "demonym":
            continue
        kept.append(c)
    return kept
