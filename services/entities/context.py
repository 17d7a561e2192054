"""What the words around a name say about it: a title before it (a person), a place noun or a
locative preposition (a place), "the X rebel group" (an organisation), its grammatical role (a
capital acting for its government), a quantity before a plural demonym (a population)."""

from __future__ import annotations

from spacy.tokens import Token

from services.entities.gazetteer import gazetteer
from services.entities.lexicon import (
    DIRECTION_WORDS,
    LOCATIVE_PREPS,
    ORG_FOLLOWERS,
    PLACE_NOUNS,
    POPULATION_WORDS,
    STRONG_TITLES,
    TITLES,
)
from services.entities.parsed import ParsedDoc

# Place nouns that, after a name, often mean something else ("the Trump camp", "Assad's base").
_NOT_AFTER_NAME = frozenset({"camp", "base", "state", "border", "crossing", "capital", "port", "strip", "sea",
                             "gulf", "bay", "department", "island", "islands", "settlement", "enclave"})

# Verbs whose object is territory.
_TERRITORIAL_VERBS = frozenset({"annex", "occupy", "besiege", "shell", "bomb", "bombard", "recapture", "retake",
                                "encircle", "liberate", "overrun", "capture", "seize"})

# Verbs and nouns of movement: "to X" / "from X" after them is a place.
_MOVEMENT = frozenset({"road", "route", "way", "flight", "trip", "journey", "corridor", "convoy", "go", "move",
                       "head", "drive", "march", "advance", "push", "retreat", "withdraw", "flee", "return",
                       "travel", "fly", "arrive", "evacuate", "deploy", "send", "walk", "escape", "relocate"})

MOTION_VERBS = frozenset({"visit", "leave", "reach", "enter", "tour", "travel", "fly", "arrive", "return", "head",
                          "flee", "capture", "bomb", "shell", "besiege", "attack", "storm", "evacuate", "rebuild"})
SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "announce", "claim", "insist", "warn", "accuse",
                          "deny", "urge", "call", "write", "explain", "argue", "note", "ask", "reply"})


def is_title_token(tok: Token) -> bool:
    return tok.lower_ in TITLES or tok.lower_.rstrip(".") in TITLES


def titled_before(doc: ParsedDoc, i: int) -> bool:
    """A strong title in the (up to four) title words right before token i."""
    toks = doc.tokens
    if i > 0 and toks[i - 1].lower_ == "of":
        return False  # "Director of National Intelligence": an office, not a name
    j = i - 1
    while j >= 0 and i - j <= 5:
        low = toks[j].lower_
        if toks[j].text == "-" or low == "elect":  # "President-elect"
            j -= 1
            continue
        if low in STRONG_TITLES:
            return True
        if not (is_title_token(toks[j]) or low in gazetteer().demonyms or low in gazetteer().country_names):
            return False
        j -= 1
    return False


def place_context(doc: ParsedDoc, s: int, e: int, depth: int = 0) -> int:
    """Where a place stands: 2 for "the town of X", "X province", "districts of X and Y",
    "annexed X"; 1 for a locative preposition alone ("in X", "from Goma to X"); 0 otherwise.
    Worked out once per span and article (about half the calls ask again)."""
    key = (s, e, depth)
    found = doc.place_contexts.get(key)
    if found is None:
        found = doc.place_contexts[key] = _place_context(doc, s, e, depth)
    return found


def _place_context(doc: ParsedDoc, s: int, e: int, depth: int) -> int:
    toks = doc.tokens
    before = toks[s - 1] if s > 0 else None
    after = toks[e] if e < len(toks) else None
    if after is not None and after.pos_ == "NOUN" and after.lemma_.lower() in PLACE_NOUNS \
            and after.lemma_.lower() not in _NOT_AFTER_NAME:
        return 2
    if before is not None:
        if before.lower_ == "of" and s > 1 and toks[s - 2].lemma_.lower() in PLACE_NOUNS:
            return 2
        if before.lower_ == "the" and s > 2 and toks[s - 2].lower_ == "of" \
                and toks[s - 3].lemma_.lower() in PLACE_NOUNS:
            return 2
    root = doc.root(s, e)
    # Apposition to a place noun ("a district of the city, X") or conjunct of a place in context.
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in PLACE_NOUNS:
        return 2
    if root.dep_ == "conj" and root.head.i < s and depth < 3:
        head = root.head
        left = head.left_edge.i
        if left < s:
            return place_context(doc, left, head.i + 1, depth + 1)
    if before is not None and before.lower_ in DIRECTION_WORDS and s > 1:
        before = toks[s - 2]  # "in eastern X"
    root = doc.root(s, e)
    if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in _TERRITORIAL_VERBS:
        return 2  # "annexed Crimea", "shelled X", "X was recaptured": only territory is
    if before is None or (after is not None and after.lower_ in ("'s", "’s")):
        return 0
    if before.lower_ in LOCATIVE_PREPS and before.lower_ not in ("to", "at"):
        return 1
    # "the road from Goma to X", "fled to X", "convoys to X": movement ends at a place.
    if before.lower_ in ("to", "from", "towards", "toward") and (
        before.head.lemma_.lower() in _MOVEMENT or before.head.lower_ in ("from", "to")
        or (before.lower_ == "to" and any(toks[k].lower_ == "from" for k in range(max(0, s - 6), s - 1)))
    ):
        return 1
    return 0


def org_context(doc: ParsedDoc, s: int, e: int) -> bool:
    """ "the X rebel group", "the X movement"."""
    toks = doc.tokens
    j = e
    while j < len(toks) and j - e < 3 and toks[j].pos_ in ("NOUN", "ADJ") and toks[j].is_lower:
        if toks[j].lemma_.lower() in ORG_FOLLOWERS:
            return True
        j += 1
    return False


_CITY_NOUNS = PLACE_NOUNS | {"street", "streets", "centre", "center", "mayor", "resident", "residents", "heart",
                             "edge", "part", "parts", "outskirt", "outskirts", "suburb", "airport", "skyline"}
_CITY_PREPS = LOCATIVE_PREPS | {"via", "outside", "inside"}
# Words after which "from X" says where someone spoke or reported from.
_SPEAKING_FROM = frozenset({"phone", "telephone", "tell", "speak", "talk", "interview", "broadcast", "video",
                            "link", "videolink"})


def is_subject(doc: ParsedDoc, tok: Token) -> bool:
    """Whether a capital stands for its government: subject, object, agent, possessor, "with/between X"
    ("Moscow has blocked", "talks between Washington and Moscow"), not a place ("in Moscow",
    "visited Moscow", "the streets of Moscow", "Moscow airport")."""
    toks = doc.tokens
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
    if nxt is not None and nxt.text == "-" and tok.i + 2 < len(toks):
        # "Moscow-backed", "Washington-led": the government; "Moscow-based": the city.
        return toks[tok.i + 2].lower_ not in ("based", "born", "bound", "area", "region")
    if t.dep_ == "dobj":
        return t.head.lemma_.lower() not in MOTION_VERBS  # "visited Moscow": the city
    if t.dep_ in ("nsubj", "nsubjpass", "poss", "dative", "agent"):
        return True
    if t.dep_ == "pobj":
        prep = t.head
        if prep.lower_ in _CITY_PREPS:
            return False
        if prep.lower_ == "from":
            # "told Reuters by phone from Vilnius", "speaking from Kyiv": where the speaker is.
            return prep.head.lemma_.lower() not in MOTION_VERBS | _SPEAKING_FROM
        if prep.lower_ == "of":
            return prep.head.lemma_.lower() not in _CITY_NOUNS
        return True  # by, with, between, against, on, for ...
    return False


def population(doc: ParsedDoc, s: int, e: int) -> bool:
    root = doc.root(s, e)
    if any(c.dep_ == "nummod" for c in root.children):
        return True
    prev = [doc.tokens[j].lower_ for j in range(max(0, s - 2), s)]
    return any(w in POPULATION_WORDS for w in prev)


