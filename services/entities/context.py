"""What the words around a name say about it: a title before it (a person), a place noun or a
locative preposition (a place), "the X rebel group" (an organisation), its grammatical role (a
capital acting for its government), a quantity before a plural demonym (a population)."""

from __future__ import annotations

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


def is_title_word(low: str) -> bool:
    """Whether a lower-case word is a title ("president", "gen.")."""
    return low in TITLES or low.rstrip(".") in TITLES


def titled_before(doc: ParsedDoc, i: int) -> bool:
    """A strong title in the (up to four) title words right before token i."""
    lowers = doc.lowers
    if i > 0 and lowers[i - 1] == "of":
        return False  # "Director of National Intelligence": an office, not a name
    g = gazetteer()
    j = i - 1
    while j >= 0 and i - j <= 5:
        low = lowers[j]
        if doc.words[j] == "-" or low == "elect":  # "President-elect"
            j -= 1
            continue
        if low in STRONG_TITLES:
            return True
        if not (is_title_word(low) or low in g.demonyms or low in g.country_names):
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


def _lemma(doc: ParsedDoc, i: int) -> str:
    """Token i's lemma in lower case."""
    return doc.tokens[i].lemma_.lower()


def _place_context(doc: ParsedDoc, s: int, e: int, depth: int) -> int:
    lowers, heads, deps, pos = doc.lowers, doc.heads, doc.deps, doc.pos
    n = len(lowers)
    if e < n and pos[e] == "NOUN":
        after_lemma = _lemma(doc, e)
        if after_lemma in PLACE_NOUNS and after_lemma not in _NOT_AFTER_NAME:
            return 2
    before_low = lowers[s - 1] if s > 0 else None
    if before_low == "of" and s > 1 and _lemma(doc, s - 2) in PLACE_NOUNS:
        return 2
    if before_low == "the" and s > 2 and lowers[s - 2] == "of" and _lemma(doc, s - 3) in PLACE_NOUNS:
        return 2
    root = doc.root(s, e)
    root_dep, root_head = deps[root], heads[root]
    # Apposition to a place noun ("a district of the city, X") or conjunct of a place in context.
    if root_dep == "appos" and pos[root_head] == "NOUN" and _lemma(doc, root_head) in PLACE_NOUNS:
        return 2
    if root_dep == "conj" and root_head < s and depth < 3:
        left = doc.tokens[root_head].left_edge.i
        if left < s:
            return place_context(doc, left, root_head + 1, depth + 1)
    before = s - 1 if s > 0 else None
    if before_low in DIRECTION_WORDS and s > 1:
        before = s - 2  # "in eastern X"
    if root_dep in ("dobj", "nsubjpass") and _lemma(doc, root_head) in _TERRITORIAL_VERBS:
        return 2  # "annexed Crimea", "shelled X", "X was recaptured": only territory is
    if before is None or (e < n and lowers[e] in ("'s", "’s")):
        return 0
    before_low = lowers[before]
    if before_low in LOCATIVE_PREPS and before_low not in ("to", "at"):
        return 1
    # "the road from Goma to X", "fled to X", "convoys to X": movement ends at a place.
    if before_low in ("to", "from", "towards", "toward") and (
        _lemma(doc, heads[before]) in _MOVEMENT or lowers[heads[before]] in ("from", "to")
        or (before_low == "to" and "from" in lowers[max(0, s - 6) : s - 1])
    ):
        return 1
    return 0


def org_context(doc: ParsedDoc, s: int, e: int) -> bool:
    """ "the X rebel group", "the X movement"."""
    pos, tokens = doc.pos, doc.tokens
    j = e
    while j < len(tokens) and j - e < 3 and pos[j] in ("NOUN", "ADJ") and tokens[j].is_lower:
        if _lemma(doc, j) in ORG_FOLLOWERS:
            return True
        j += 1
    return False


_CITY_NOUNS = PLACE_NOUNS | {"street", "streets", "centre", "center", "mayor", "resident", "residents", "heart",
                             "edge", "part", "parts", "outskirt", "outskirts", "suburb", "airport", "skyline"}
_CITY_PREPS = LOCATIVE_PREPS | {"via", "outside", "inside"}
# Words after which "from X" says where someone spoke or reported from.
_SPEAKING_FROM = frozenset({"phone", "telephone", "tell", "speak", "talk", "interview", "broadcast", "video",
                            "link", "videolink"})


def is_subject(doc: ParsedDoc, i: int) -> bool:
    """Whether a capital (token i) stands for its government: subject, object, agent, possessor,
    "with/between X" ("Moscow has blocked", "talks between Washington and Moscow"), not a place
    ("in Moscow", "visited Moscow", "the streets of Moscow", "Moscow airport")."""
    deps, heads, lowers = doc.deps, doc.heads, doc.lowers
    t = i
    while deps[t] == "conj" and heads[t] != t:
        t = heads[t]
    if i + 1 < len(lowers) and doc.words[i + 1] == "-" and i + 2 < len(lowers):
        # "Moscow-backed", "Washington-led": the government; "Moscow-based": the city.
        return lowers[i + 2] not in ("based", "born", "bound", "area", "region")
    dep = deps[t]
    if dep == "dobj":
        return _lemma(doc, heads[t]) not in MOTION_VERBS  # "visited Moscow": the city
    if dep in ("nsubj", "nsubjpass", "poss", "dative", "agent"):
        return True
    if dep == "pobj":
        prep = heads[t]
        if lowers[prep] in _CITY_PREPS:
            return False
        if lowers[prep] == "from":
            # "told Reuters by phone from Vilnius", "speaking from Kyiv": where the speaker is.
            return _lemma(doc, heads[prep]) not in MOTION_VERBS | _SPEAKING_FROM
        if lowers[prep] == "of":
            return _lemma(doc, heads[prep]) not in _CITY_NOUNS
        return True  # by, with, between, against, on, for ...
    return False


def population(doc: ParsedDoc, s: int, e: int) -> bool:
    if doc.root(s, e) in doc.nummod_heads:
        return True
    return any(doc.lowers[j] in POPULATION_WORDS for j in range(max(0, s - 2), s))
