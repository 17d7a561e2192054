"""Mention candidates from a parsed Doc: spaCy's entities cleaned up (titles, articles and
possessives trimmed, junk dropped), demonym compounds split, and capitalised names spaCy missed.

Every candidate's ``text`` equals ``doc.text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from services.entities.gazetteer import gazetteer
from services.entities.lexicon import (
    DIRECTION_WORDS,
    LOCATIVE_PREPS,
    LOWER_NAME_STARTS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_FOLLOWERS,
    ORG_WORDS,
    PLACE_NOUNS,
    POPULATION_WORDS,
    STRONG_TITLES,
    TITLES,
    TOPONYM_PREFIXES,
)
from services.entities.names import normalise_name
from services.entities.personnames import looks_like_person_name

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"})
_STRIP_POS = frozenset({"VERB", "ADV", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM",
                        "SYM", "INTJ"})
_LEADING_JUNK = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
                           "these", "those"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})
_ACRONYM_TOKEN = re.compile(r"[A-Z][A-Z&]{1,7}")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_MOTION_VERBS = frozenset({"visit", "leave", "reach", "enter", "tour", "travel", "fly", "arrive", "return", "head",
                           "flee", "capture", "bomb", "shell", "besiege", "attack", "storm", "evacuate", "rebuild"})
_SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "announce", "claim", "insist", "warn", "accuse",
                           "deny", "urge", "call", "write", "explain", "argue", "note", "ask", "reply"})


@dataclass
class Candidate:
    """One mention of a name in the text, before merging."""

    text: str
    start: int
    end: int
    label: str  # spaCy's label, or ORG/PERSON/NORP for our own finds
    tok_start: int
    tok_end: int
    source: str = "ner"  # ner | chunk | demonym
    titled: bool = False  # a personal title stood before it
    place_ctx: bool = False  # "the town of X", "in X", "X province"
    place_strong: bool = False  # a place noun, not only a preposition, says so
    org_ctx: bool = False  # "the X rebel group"
    subject: bool = False  # grammatical subject or agent (capital-as-government)
    population: bool = False  # "thousands of Syrians"

    @property
    def norm(self) -> str:
        return normalise_name(self.text)


def _is_title_token(tok: Token) -> bool:
    return tok.lower_ in TITLES or tok.lower_.rstrip(".") in TITLES


def _titled_before(doc: Doc, i: int) -> bool:
    """A strong title in the (up to four) title words right before token i."""
    if i > 0 and doc[i - 1].lower_ == "of":
        return False  # "Director of National Intelligence": an office, not a name
    j = i - 1
    while j >= 0 and i - j <= 5:
        low = doc[j].lower_
        if doc[j].text == "-" or low == "elect":  # "President-elect"
            j -= 1
            continue
        if low in STRONG_TITLES:
            return True
        if not (_is_title_token(doc[j]) or low in gazetteer().demonyms or low in gazetteer().country_names):
            return False
        j -= 1
    return False


def _clean(ent: Span) -> tuple[int, int, bool] | None:
    """Token bounds of the name inside a spaCy entity, and whether a title was stripped."""
    doc = ent.doc
    s, e = ent.start, ent.end
    titled = False
    g = gazetteer()
    # "the Sheikh Maqsoud district": a place name whose first word looks like a title stays whole.
    keep_titles = _place_context(doc, s, e) > 1
    # "pro-Assad", "anti-Russian": the name after the prefix.
    if e - s >= 3 and doc[s].lower_ in ("pro", "anti") and doc[s + 1].text == "-":
        s += 2
    while s < e:
        tok = doc[s]
        low = tok.lower_
        if low in _LEADING_JUNK or tok.is_punct or tok.is_space:
            s += 1
        elif ent.label_ == "PERSON" and e - s > 1 and not keep_titles and (
            _is_title_token(tok) or low in g.demonyms or low in g.country_names
            or (low in g.orgs and tok.text.isupper())
            or (tok.pos_ in _STRIP_POS and low not in LOWER_NAME_STARTS)
            or (tok.tag_ in ("VBG", "VBN", "VBD") or (tok.is_sent_start and low.endswith("ing")))
        ):
            titled = titled or low in STRONG_TITLES
            s += 1
        else:
            break
    # "World Health Organization (WHO": the parenthesised acronym is a mention of its own.
    for i in range(s, e):
        if doc[i].text == "(":
            e = i
            break
    # "Ursula von der" + "Leyen": a name the model cut after a particle.
    if ent.label_ == "PERSON" and doc[e - 1].lower_ in NAME_PARTICLES:
        while e < len(doc) and doc[e].ent_type_ in ("", "PERSON", "ORG", "GPE") and (
            doc[e].lower_ in NAME_PARTICLES or (doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper())
        ):
            e += 1
    while e > s and (doc[e - 1].lower_ in _POSSESSIVE or doc[e - 1].is_punct or doc[e - 1].is_space
                     or doc[e - 1].like_num):
        e -= 1
    if s >= e:
        return None
    return s, e, titled or _titled_before(doc, s)


def _junk(doc: Doc, s: int, e: int) -> bool:
    toks = doc[s:e]
    text = toks.text
    if not _HAS_LETTER.search(text) or len(text) < 2:
        return True
    if not any(c.isupper() for c in text):
        return True  # lower-case fragment
    words = [t.lower_ for t in toks if not t.is_punct]
    if all(w in TITLES for w in words):
        return True  # a lone title
    return len(words) == 1 and words[0] in NOT_NAMES


def _place_context(doc: Doc, s: int, e: int, depth: int = 0) -> int:
    """Where a place stands: 2 for "the town of X", "X province", "districts of X and Y";
    1 for a locative preposition alone ("in X"); 0 otherwise."""
    before = doc[s - 1] if s > 0 else None
    after = doc[e] if e < len(doc) else None
    if after is not None and after.pos_ == "NOUN" and after.lemma_.lower() in PLACE_NOUNS \
            and after.lower_ not in ("state", "base"):
        return 2
    if before is not None:
        if before.lower_ == "of" and s > 1 and doc[s - 2].lemma_.lower() in PLACE_NOUNS:
            return 2
        if before.lower_ == "the" and s > 2 and doc[s - 2].lower_ == "of" and doc[s - 3].lemma_.lower() in PLACE_NOUNS:
            return 2
    root = doc[s:e].root
    # Apposition to a place noun ("a district of the city, X") or conjunct of a place in context.
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in PLACE_NOUNS:
        return 2
    if root.dep_ == "conj" and root.head.i < s and depth < 3:
        head = root.head
        left = head.left_edge.i
        if left < s:
            return _place_context(doc, left, head.i + 1, depth + 1)
    if before is not None and before.lower_ in DIRECTION_WORDS and s > 1:
        before = doc[s - 2]  # "in eastern X"
    if before is not None and before.lower_ in LOCATIVE_PREPS and before.lower_ not in ("to", "at") and (
        after is None or after.lower_ not in ("'s", "’s")
    ):
        return 1
    return 0


def _org_context(doc: Doc, s: int, e: int) -> bool:
    """ "the X rebel group", "the X movement"."""
    j = e
    while j < len(doc) and j - e < 3 and doc[j].pos_ in ("NOUN", "ADJ") and doc[j].is_lower:
        if doc[j].lemma_.lower() in ORG_FOLLOWERS:
            return True
        j += 1
    return False


_CITY_NOUNS = PLACE_NOUNS | {"street", "streets", "centre", "center", "mayor", "resident", "residents", "heart",
                             "edge", "part", "parts", "outskirt", "outskirts", "suburb", "airport", "skyline"}
_CITY_PREPS = LOCATIVE_PREPS | {"via", "outside", "inside"}


def _is_subject(tok: Token) -> bool:
    """Whether a capital stands for its government: subject, object, agent, possessor, "with/between X"
    ("Moscow has blocked", "talks between Washington and Moscow"), not a place ("in Moscow",
    "visited Moscow", "the streets of Moscow", "Moscow airport")."""
    doc = tok.doc
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-":
        return False  # "Moscow-based"
    if t.dep_ == "dobj":
        return t.head.lemma_.lower() not in _MOTION_VERBS  # "visited Moscow": the city
    if t.dep_ in ("nsubj", "nsubjpass", "poss", "dative", "agent"):
        return True
    if t.dep_ == "pobj":
        prep = t.head
        if prep.lower_ in _CITY_PREPS:
            return False
        if prep.lower_ == "from":
            return prep.head.lemma_.lower() not in _MOTION_VERBS
        if prep.lower_ == "of":
            return prep.head.lemma_.lower() not in _CITY_NOUNS
        return True  # by, with, between, against, on, for ...
    return t.dep_ == "compound" and t.head.lemma_.lower() in _SPEECH_VERBS


def _population(doc: Doc, s: int, e: int) -> bool:
    root = doc[s:e].root
    if any(c.dep_ == "nummod" for c in root.children):
        return True
    prev = [doc[j].lower_ for j in range(max(0, s - 2), s)]
    return any(w in POPULATION_WORDS for w in prev)


def _candidate(doc: Doc, s: int, e: int, label: str, source: str, titled: bool = False) -> Candidate:
    first, last = doc[s], doc[e - 1]
    place = _place_context(doc, s, e)
    return Candidate(
        text=doc[s:e].text, start=first.idx, end=last.idx + len(last.text),
        label=label, tok_start=s, tok_end=e, source=source, titled=titled,
        place_ctx=place > 0, place_strong=place > 1, org_ctx=_org_context(doc, s, e),
        subject=_is_subject(doc[s:e].root), population=_population(doc, s, e),
    )


def _parenthesised(ent: Span) -> tuple[int, int] | None:
    """Token bounds of "(ACR)" closing an entity ("World Health Organization (WHO)"), if any."""
    doc = ent.doc
    for i in range(ent.start + 1, ent.end):
        if doc[i].text == "(":
            j = i + 1
            k = j
            while k < len(doc) and k < ent.end + 1 and doc[k].text != ")":
                k += 1
            if k > j and all(t.text[:1].isupper() for t in doc[j:k]):
                return j, k
            return None
    return None


def _split_demonym_compound(doc: Doc, cand: Candidate) -> list[Candidate] | None:
    """ "Russian-American" -> mentions "Russian" and "American" (each a country's demonym)."""
    if "-" not in cand.text or " " in cand.text:
        return None
    parts = cand.text.split("-")
    g = gazetteer()
    if len(parts) < 2 or not all(normalise_name(p) in g.demonyms for p in parts):
        return None
    out = []
    pos = cand.start
    for p in parts:
        out.append(Candidate(text=p, start=pos, end=pos + len(p), label="NORP", tok_start=cand.tok_start,
                             tok_end=cand.tok_end, source="demonym"))
        pos += len(p) + 1
    return out


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in ("of", "for", "the", "and", "on", "in", "to")
                   and w[0].isalpha())


def _propn_chunks(doc: Doc, covered: list[bool]) -> list[tuple[int, int]]:
    """Runs of capitalised proper nouns spaCy left untagged ("Human Rights First", "Army of Islam")."""
    chunks = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if covered[i] or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < n and not covered[j]:
            t = doc[j]
            nxt = doc[j + 1] if j + 1 < n and not covered[j + 1] else None
            name_word = t.pos_ == "PROPN" and (t.text[:1].isupper() or t.lower_ in LOWER_NAME_STARTS)
            # Hyphens and "of" inside a name: "al-Zinki", "Army of Islam".
            joiner = nxt is not None and nxt.pos_ == "PROPN" and (
                t.text == "-" or (t.lower_ == "of" and nxt.text[:1].isupper()))
            if not (name_word or joiner):
                break
            j += 1
        # "al-X" before the run belongs to it.
        if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in LOWER_NAME_STARTS and not covered[i - 2]:
            i -= 2
        chunks.append((i, j))
        i = j
    return chunks


def _chunk_label(doc: Doc, s: int, e: int) -> str | None:
    """Type of an untagged capitalised run, or None when it is not clearly a name."""
    words = [t.lower_ for t in doc[s:e] if not t.is_punct]
    if e - s == 1 and 0 < s < len(doc) - 1 and doc[s - 1].text == "(" and doc[e].text == ")" \
            and _ACRONYM_TOKEN.fullmatch(doc[s].text):
        return "ORG"  # "(CDU)" after a party's name: the acronym merge joins them
    if not words:
        return None
    # A known place or organisation the model left untagged ("in eastern Aleppo").
    g = gazetteer()
    norm = normalise_name(doc[s:e].text)
    if norm not in NOT_NAMES and (norm not in g.case_sensitive or doc[s:e].text.isupper()):
        if norm in g.orgs:
            return "ORG"
        if norm in g.country_names or g.cities.get(norm, 0) >= 100_000 or norm in g.provinces:
            return "GPE"
    if len(words) == 1 and (words[0] in NOT_NAMES or doc[s].is_sent_start):
        return None
    if any(w.endswith("ing") for w in words):
        return None  # headline-style capitalised phrases ("Army Advancing"), not names
    if _org_context(doc, s, e) or any(w in ORG_WORDS for w in words[-1:]) or (
        len(words) >= 2 and sum(w in ORG_WORDS for w in words) >= 1 and words[0] not in TOPONYM_PREFIXES
    ):
        return "ORG"
    if words[0] in TOPONYM_PREFIXES or _place_context(doc, s, e) > 1:
        return "GPE"
    root = doc[s:e].root
    if looks_like_person_name(doc[s:e].text):
        return "PERSON"
    if 2 <= len(words) <= 4 and (
        _titled_before(doc, s)
        or (root.dep_ in ("nsubj", "appos") and root.head.lemma_.lower() in _SPEECH_VERBS)
    ):
        return "PERSON"
    return None


def _propagate(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Other occurrences of names already found, which the model left untagged ("IMRA called ...")."""
    labels: dict[str, str] = {}
    for c in found:
        words = c.text.lower().split()
        if (len(c.text) < 3 and not c.text.isupper()) or c.source == "demonym" or not c.text[:1].isupper():
            continue
        if len(words) == 1 and (words[0] in NOT_NAMES or words[0] in TITLES):
            continue
        labels.setdefault(c.text, c.label)
        # The surname alone ("Merkel" after "Angela Merkel", "Assad" after "Bashar al-Assad");
        # the surname rule then joins them.
        if (c.label == "PERSON" or looks_like_person_name(c.text)) and len(words) >= 2:
            last = c.text.split()[-1]
            for form in (last, re.sub(r"^(?:al|el|ad|as|ash|ar|at|az)-", "", last)):
                if len(form) >= 3 and form[:1].isupper() and form.lower() not in NOT_NAMES \
                        and form.lower() not in TITLES:
                    labels.setdefault(form, "PERSON")
    if not labels:
        return []
    text = doc.text
    taken = [False] * (len(text) + 1)
    for c in found:
        for i in range(c.start, c.end):
            taken[i] = True
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(labels, key=len, reverse=True))
                         + r")(?![\w-])")
    out = []
    for m in pattern.finditer(text):
        if any(taken[m.start() : m.end()]):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
        if span is None:
            continue
        # A capitalised sentence opener is a name only when tagged so or saying something ("Power said").
        if span[0].is_sent_start and span[0].pos_ != "PROPN" and not (
            span.end < len(doc) and doc[span.end].lemma_.lower() in _SPEECH_VERBS
        ):
            continue
        out.append(_candidate(doc, span.start, span.end, labels[m.group(0)], "propagated"))
    return out


# "Paris (AFP) --", "Beirut, Dec 6 (Reuters) -": a dateline in mixed case, with its agency.
_AGENCY_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Za-z.'\- ]{1,40}(?:,[^\n(]{1,30})?\s*\((?:AFP|Reuters|AP|dpa|DPA|Xinhua|Anadolu|UPI|EFE|ANSA"
    r"|TASS|Sputnik|IANS|PTI|Kyodo|Yonhap|AA)\)\s*(?:\u2014|\u2013|--?|:)\s")
# Bylines and credit lines: "By Jane Smith", "Reporting by ...; Editing by ...".
_CREDIT_LINE = re.compile(r"(?m)^(?:(?:By|BY|(?:Additional )?[Rr]eporting by|Writing by|Editing by|Compiled by)"
                          r"\s[^\n]{0,120}|[^\n]{0,80}\bcontributed (?:to this report|reporting)[^\n]{0,40})$")
# Photo captions and credits left in the text: a line ending "(AFP)" / "(Photo: Reuters)", "Image: ...".
_CAPTION_LINE = re.compile(
    r"(?m)^(?:[^\n]{0,500}\((?:[^()\n]*\b(?:AFP|Reuters|AP|Getty|Photo|EPA|Anadolu|dpa|Xinhua|UPI|Images?)\b"
    r"[^()\n]*)\)[ \t]*$|(?:Image|Photo|Picture|Photograph|Credit|Copyright|\u00a9)\s*:[^\n]*$)")
# "BEIRUT —", "UNITED NATIONS (Reuters) -", "MOSCOW, Dec 5 (AFP) -": a dateline, not the story's content.
_DATELINE = re.compile(r"(?m)^[A-Z][A-Z.'\- ]{2,40}(?:,[^\n(\u2014\u2013-]{1,30})?\s*(?:\([^)\n]{1,40}\))?"
                       r"\s*(?:\u2014|\u2013|--?)\s")


def _relabel(ent: Span) -> str | None:
    """A label in our scope for a known place or organisation spaCy gave another label
    ("Aleppo" as LANGUAGE), else None."""
    g = gazetteer()
    norm = normalise_name(ent.text)
    if norm in g.orgs:
        return "ORG"
    if norm in g.country_names or g.cities.get(norm, 0) >= 15_000 or norm in g.provinces:
        return "GPE"
    return None


def _extend_to_known_org(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """ "Islamic" + "State", "Jabhat" + "Fateh al-Sham": extend a mention over up to three capitalised
    words on either side when together they make a known organisation's name."""
    orgs = gazetteer().orgs

    def free(i: int) -> bool:
        return doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and doc[i].ent_type_ in ("", doc[s].ent_type_)

    best = (s, e)
    for j in range(e + 1, min(len(doc), e + 3) + 1):
        if not free(j - 1):
            break
        if normalise_name(doc[s:j].text) in orgs:
            best = (s, j)
    for i in range(s - 1, max(-1, s - 3), -1):
        if not free(i):
            break
        if normalise_name(doc[i : best[1]].text) in orgs:
            best = (i, best[1])
    return best


@lru_cache(maxsize=2)
def _gazetteer_pattern(multiword: bool) -> re.Pattern[str]:
    """Names of known organisations and countries: multi-word ones in any case ("UN security
    council", "Doctors Without Borders"), acronyms of three letters or more in capitals only."""
    g = gazetteer()
    names: set[str] = set()
    for org in g.orgs.values():
        names.update(n for n in (org.name, *org.aliases)
                     if (" " in n) == multiword and (multiword or (len(n) >= 3 and n.isupper())))
    if multiword:
        for c in g.countries.values():
            names.update(n for n in (c.name, *c.aliases) if " " in n)
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])", re.IGNORECASE if multiword else 0)


def _gazetteer_candidates(doc: Doc) -> list[Candidate]:
    g = gazetteer()
    out = []
    matches = [*_gazetteer_pattern(True).finditer(doc.text), *_gazetteer_pattern(False).finditer(doc.text)]
    for m in matches:
        if not m.group(0)[:1].isupper():
            continue  # "security council" alone is a common noun phrase
        span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
        if span is None:
            continue
        label = "ORG" if normalise_name(m.group(0)) in g.orgs else "GPE"
        out.append(_candidate(doc, span.start, span.end, label, "gazetteer"))
    return out


def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """A known name found in the text wins over the model's pieces of it ("Borders" inside
    "Doctors Without Borders"), unless the model's entity is the longer name."""
    gaz = [c for c in cands if c.source == "gazetteer"]
    rest = [c for c in cands if c.source != "gazetteer"]
    kept_gaz = [g for g in gaz if not any(r.start <= g.start and g.end <= r.end and (r.end - r.start) >
                                          (g.end - g.start) for r in rest)]
    kept_rest = [r for r in rest if not any(r.start < g.end and g.start < r.end for g in kept_gaz)]
    return kept_gaz + kept_rest


_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = tuple(".!?\"'”’:;)…")


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """Short paragraphs that are not sentences ("Skip to content", "VOA News", "Top Story"): page
    furniture left in the text. Names only found there are not the article's entities. A line of a
    hard-wrapped paragraph (another line right before or after it) is not furniture."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group(0).strip()
        if not line or len(line.split()) > 8 or line.endswith(_SENTENCE_END):
            continue
        a, b = m.span()
        alone_before = a == 0 or text[max(0, a - 2) : a] == "\n\n" or a == 1
        alone_after = b >= len(text) - 1 or text[b : b + 2] == "\n\n"
        if alone_before and alone_after:
            spans.append((a, b))
    return spans


def extract_candidates(doc: Doc) -> list[Candidate]:
    """Cleaned mentions in text order."""
    out: list[Candidate] = []
    covered = [False] * len(doc)
    for ent in doc.ents:
        inner = _parenthesised(ent)
        if inner is not None:
            out.append(_candidate(doc, inner[0], inner[1], ent.label_, "ner"))
        label = ent.label_ if ent.label_ in KEPT_LABELS else _relabel(ent)
        if label is None:
            for i in range(ent.start, ent.end):
                covered[i] = ent.label_ not in ("PRODUCT", "WORK_OF_ART")
            continue
        bounds = _clean(ent)
        for i in range(ent.start, ent.end):
            covered[i] = True
        if bounds is None or _junk(doc, bounds[0], bounds[1]):
            continue
        s, e, titled = bounds
        s2, e2 = _extend_to_known_org(doc, s, e)
        if (s2, e2) != (s, e):
            for i in range(s2, e2):
                covered[i] = True
            s, e, label = s2, e2, "ORG"
        cand = _candidate(doc, s, e, label, "ner", titled)
        parts = _split_demonym_compound(doc, cand)
        out.extend(parts if parts else [cand])
    initials = {_initials(c.text) for c in out if " " in c.text}
    for s, e in _propn_chunks(doc, covered):
        label = _chunk_label(doc, s, e)
        if label is None and e - s == 1 and doc[s].text in initials and _ACRONYM_TOKEN.fullmatch(doc[s].text):
            label = "ORG"  # "SOHR" after "Syrian Observatory for Human Rights"
        if label is None or _junk(doc, s, e):
            continue
        # Trim possessives and punctuation at the edges, as for spaCy's entities.
        while e > s and (doc[e - 1].lower_ in _POSSESSIVE or doc[e - 1].is_punct):
            e -= 1
        if e > s:
            out.append(_candidate(doc, s, e, label, "chunk", _titled_before(doc, s)))
    out = _resolve_overlaps(out + _gazetteer_candidates(doc))
    out.extend(_propagate(doc, out))
    datelines = [m.span() for m in _DATELINE.finditer(doc.text)]
    datelines += [m.span() for m in _AGENCY_DATELINE.finditer(doc.text)]
    datelines += [m.span() for m in _CREDIT_LINE.finditer(doc.text) if len(m.group(0).split()) <= 16]
    datelines += [m.span() for m in _CAPTION_LINE.finditer(doc.text)]
    datelines += _furniture_lines(doc.text)
    # A name never runs across a paragraph break ("Top Story\n\nDW" is two pieces of page furniture).
    out = [c for c in out if "\n\n" not in c.text and not any(a <= c.start < b for a, b in datelines)]
    out.sort(key=lambda c: (c.start, -c.end))
    # A name stretched over a neighbouring entity ("Ursula von der" + "Leyen") absorbs it.
    kept: list[Candidate] = []
    for c in out:
        if kept and c.start >= kept[-1].start and c.end <= kept[-1].end and c.source != "demonym":
            continue
        kept.append(c)
    return kept
