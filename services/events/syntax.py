"""Dependency-tree helpers for the event coder: subjects, objects, prepositions, paragraph breaks.

The small model's parse has typical slips (a headline hung on the next paragraph, a past tense read
as a participle, two direct objects); these helpers repair the ones that cost events.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.tokens import Doc, Token

from services.events.tree import tree_of

_BREAKS_KEY = "events.paragraph_breaks"

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "obj")


def children(tok: Token, *deps: str) -> list[Token]:
    return tree_of(tok.doc).children_with(tok, deps)


def is_passive(verb: Token) -> bool:
    tree = tree_of(verb.doc)
    labels = tree.deps
    return any(labels[c] in ("nsubjpass", "auxpass") for c in tree.kids(verb.i)) or (
        verb.tag_ == "VBN" and labels[verb.i] in ("acl", "relcl") and not children(verb, "nsubj"))


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    tree = tree_of(tok.doc)
    labels, tokens, kids = tree.deps, tree.tokens, tree.kids
    out: list[Token] = []
    for p in kids(tok.i):
        if labels[p] in ("prep", "agent", "dative") and tokens[p].lower_ in preps:
            out.extend(tokens[o] for o in kids(p) if labels[o] in ("pobj", "pcomp"))
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
    tree = tree_of(verb.doc)
    head = tree.heads[verb.i]
    if head >= verb.i or not crosses_paragraph(tree.tokens[head], verb):
        return None
    start = verb.i
    while start > 0 and not is_paragraph_break(verb.doc, start - 1):
        start -= 1
        if verb.i - start > 12:
            return None
    for t in range(start, verb.i):
        if tree.pos[t] in ("PROPN", "NOUN", "PRON") and tree.heads[t] < start:
            return tree.tokens[t]
    return None


def hijacked_subject(verb: Token) -> Token | None:
    """ "backed by France but Germany rejected it": the parser joined Germany to France; a conjoined
    verb with no subject of its own takes the noun standing right before it."""
    if verb.dep_ != "conj" or verb.i == 0 or children(verb, *SUBJ):
        return None
    tree = tree_of(verb.doc)
    prev = verb.i - 1
    while tree.deps[prev] in ("advmod", "aux", "neg") and prev > 0:
        prev -= 1
    if tree.pos[prev] in ("PROPN", "NOUN") and tree.deps[prev] == "conj" and tree.heads[prev] < prev:
        return tree.tokens[prev]
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
    tree = tree_of(verb.doc)
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and tree.pos[tree.heads[verb.i]] in ("NOUN", "PROPN"):
        return [tree.head(verb)]  # "The envoy called on ...": a past tense is no participle, the noun is the subject
    if depth < 4 and tree.heads[verb.i] != verb.i and verb.dep_ in ("xcomp", "conj", "advcl", "pcomp"):
        head = tree.head(verb)
        governor = head
        if verb.dep_ == "pcomp" and head.pos_ == "ADP":
            head = tree.head(head)
        if head.pos_ in ("VERB", "AUX"):
            # "condemned Russia for vetoing", "accused X of shelling": the object does the gerund
            # (but "violated the truce by attacking": the subject does)
            if verb.dep_ == "pcomp" and governor.lower_ in ("for", "of"):
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
            return [tree_of(verb.doc).head(verb)]
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
        spaces = numpy.flatnonzero(doc.to_array("IS_SPACE")).tolist() if len(doc) else []
        breaks = [i for i in spaces if "\n" in doc[i].text]
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
    lo, hi = (a.i, b.i) if a.i < b.i else (b.i, a.i)
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
    tree = tree_of(verb.doc)
    if not any(c.lemma_.lower() == "have" for c in tree.children_with(verb, ("aux",))):
        return False
    for o in objs:
        if o.like_num or o.pos_ == "NUM":
            return True
        if o.tag_ in ("NNS", "NNPS") and any(tree.deps[c] == "nummod" for c in tree.kids(o.i)):
            return True
        if o.lemma_.lower() in QUANTITY and any(tree.tokens[t].like_num for t in tree.subtree(o.i)):
            return True
    return False


def crowd(h: Token) -> Token:
    """ "thousands of teachers", "dozens of activists": the people, not the number."""
    if h.like_num or h.lemma_.lower() in CROWDS:
        of = prep_objects(h, ("of",))
        if of:
            return of[0]
    return h
