"""Dependency-tree helpers for the event coder: subjects, objects, prepositions, paragraph breaks.

The small model's parse has typical slips (a headline hung on the next paragraph, a past tense read
as a participle, two direct objects); these helpers repair the ones that cost events.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

_BREAKS_KEY = "events.paragraph_breaks"

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "obj")


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not children(verb, "nsubj"))


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out.extend(children(p, "pobj", "pcomp"))
    return out


def agents(verb: Token) -> list[Token]:
    for a in children(verb, "agent"):
        pobj = children(a, "pobj")
        if pobj:
            return [pobj[0]]
    return []


def orphan_subject(verb: Token) -> Token | None:
    """A subject the parser hung on the previous paragraph ("...city\n\nRussia and China vetoed").

    When a paragraph break lies between a verb and its head, the first noun after the break and
    before the verb that is attached across the break is the verb's real subject.
    """
    if verb.head == verb or verb.head.i > verb.i or not crosses_paragraph(verb.head, verb):
        return None
    start = verb.i
    while start > 0 and not is_paragraph_break(verb.doc, start - 1):
        start -= 1
        if verb.i - start > 12:
            return None
    for t in verb.doc[start:verb.i]:
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.head.i < start:
            return t
    return None


def hijacked_subject(verb: Token) -> Token | None:
    """ "backed by France but Germany rejected it": the parser joined Germany to France; a conjoined
    verb with no subject of its own takes the noun standing right before it."""
    if verb.dep_ != "conj" or verb.i == 0 or children(verb, *SUBJ):
        return None
    prev = verb.doc[verb.i - 1]
    while prev.dep_ in ("advmod", "aux", "neg") and prev.i > 0:
        prev = verb.doc[prev.i - 1]
    if prev.pos_ in ("PROPN", "NOUN") and prev.dep_ == "conj" and prev.head.i < prev.i:
        return prev
    return None


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Who does ``verb``: its subject, its passive agent, or the subject it shares with a governing verb."""
    if is_passive(verb):
        return agents(verb)
    subj = children(verb, *SUBJ)
    if len(subj) > 1:
        # "dozens injured after police opened fire": two subjects on one verb; the nearest one acts.
        before = [t for t in subj if t.i < verb.i]
        return [max(before, key=lambda t: t.i) if before else subj[0]]
    if subj:
        return [subj[0]]
    orphan = orphan_subject(verb) or hijacked_subject(verb)
    if orphan is not None:
        return [orphan]
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]  # "The envoy called on ...": a past tense is no participle, the noun is the subject
    if depth < 4 and verb.head != verb and verb.dep_ in ("xcomp", "conj", "advcl", "pcomp"):
        head = verb.head
        if verb.dep_ == "pcomp" and head.pos_ == "ADP":
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            # "condemned Russia for vetoing", "accused X of shelling": the object does the gerund
            # (but "violated the truce by attacking": the subject does)
            if verb.dep_ == "pcomp" and verb.head.lower_ in ("for", "of"):
                obj = children(head, *OBJ)
                if obj:
                    return [obj[0]]
            # "urged members to veto" -> members; "decided to veto" -> the decider
            if verb.dep_ == "xcomp":
                # "urged X to ...", "called on X to ..."
                obj = children(head, *OBJ) or [
                    t for t in prep_objects(head, ("on", "upon")) if t.ent_type_ not in ("DATE", "TIME")]
                if obj:
                    return [obj[0]]
            return subjects(head, depth + 1)
    return []


def objects(verb: Token) -> list[Token]:
    """Whom ``verb`` is done to: the direct object, or the passive subject / modified noun."""
    if is_passive(verb):
        subj = children(verb, "nsubjpass")
        if subj:
            return [subj[0]]
        if verb.dep_ in ("acl", "relcl"):
            return [verb.head]
        return []
    # one object; a second "object" is a parse slip (conjoined lists come from the first)
    return children(verb, *OBJ)[:1]


def paragraph_breaks(doc: Doc) -> list[int]:
    """The sorted indices of the doc's whitespace tokens that hold a newline, found once per doc.

    Kept in ``doc.user_data``: scanning the doc through Tokens for every trigger cost more than the
    coding that needed it (spaCy makes a new Python Token on each access).
    """
    breaks: list[int] | None = doc.user_data.get(_BREAKS_KEY)
    if breaks is None:
        spaces = doc.to_array("IS_SPACE").tolist() if len(doc) else []
        breaks = [i for i, space in enumerate(spaces) if space and "\n" in doc[i].text]
        doc.user_data[_BREAKS_KEY] = breaks
    return breaks


def is_paragraph_break(doc: Doc, i: int) -> bool:
    breaks = paragraph_breaks(doc)
    at = bisect_left(breaks, i)
    return at < len(breaks) and breaks[at] == i


def crosses_paragraph(a: Token, b: Token) -> bool:
    """Whether a paragraph break lies between two tokens (the parser sometimes links a headline to the next line).

    A token's trailing whitespace is one space or nothing, so only whitespace tokens can hold the newline.
    """
    lo, hi = sorted((a.i, b.i))
    breaks = paragraph_breaks(a.doc)
    at = bisect_left(breaks, lo)
    return at < len(breaks) and breaks[at] < hi


# "a total of six resolutions", "a new round of sanctions": the thing counted is the recipient
QUANTITY = frozenset({"half", "third", "quarter", "part", "most", "total", "number", "series", "round", "wave",
                       "package", "set", "pair", "couple", "batch", "handful", "majority", "rest", "raft", "string"})
CROWDS = frozenset({"thousand", "hundred", "dozen", "score", "million", "crowd", "group", "number", "scores"})
GENERIC = frozenset({"any", "every", "no", "each", "whichever", "whoever"})


def is_tally(verb: Token, objs: list[Token]) -> bool:
    """A perfect tense over counted objects ("Moscow has blocked six resolutions", "has vetoed five")."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    for o in objs:
        if o.like_num or o.pos_ == "NUM":
            return True
        if o.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" for c in o.children):
            return True
        if o.lemma_.lower() in QUANTITY and any(t.like_num for t in o.subtree):
            return True
    return False


def crowd(h: Token) -> Token:
    """ "thousands of teachers", "dozens of activists": the people, not the number."""
    if h.like_num or h.lemma_.lower() in CROWDS:
        of = prep_objects(h, ("of",))
        if of:
            return of[0]
    return h
