"""Small dependency-tree helpers for the stance rules (subjects, objects, agents, negation)."""

from __future__ import annotations

from spacy.tokens import Token

from services.stances.doctext import dependents_by_head, tokens_of

_PARTICLES = {"forward", "up", "down", "out", "back", "through", "off", "in"}
# Dependency labels looked up through ``dependents_by_head``: a label set names a per-Doc map.
_NEGATION = ("neg",)
_PASSIVE_MARKS = ("nsubjpass", "auxpass", "agent")
_ACTIVE_SUBJECTS = ("nsubj", "csubj")
_SUBJECTS_OR_PASSIVE = ("nsubj", "csubj", "nsubjpass")


def particle(verb: Token) -> str | None:
    """The particle of a phrasal verb ("ruled out", "put forward"; the parser tags some as adverbs)."""
    prt = next((c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)),
               None)
    return prt.lower_ if prt is not None else None


def negated(tok: Token) -> bool:
    return tok.i in dependents_by_head(tok.doc, _NEGATION)


def is_passive(verb: Token) -> bool:
    return verb.i in dependents_by_head(verb.doc, _PASSIVE_MARKS)


def agents(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and verb.tag_ == "VBN"):
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def subject(verb: Token) -> Token | None:
    doc = verb.doc
    v = verb
    for step in range(5):
        # "X are expected to abstain": the raised passive subject acts.
        deps = _SUBJECTS_OR_PASSIVE if step > 0 and verb.dep_ == "xcomp" else _ACTIVE_SUBJECTS
        subj = dependents_by_head(doc, deps).get(v.i)
        if subj:
            return tokens_of(doc)[subj[0]]
        # "condemned Russia for vetoing X": the condemned are the vetoers.
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in ("for", "of"):
            obj = next((c for c in v.head.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if v.dep_ in ("conj", "xcomp", "advcl", "pcomp") and v.head != v:
            v = v.head
            if v.dep_ == "prep":
                v = v.head
            continue
        if v.dep_ == "relcl":
            return None
        if v.dep_ == "acl" and v.head.pos_ == "NOUN":
            # "Russia's decision to veto the text": the possessor decides.
            poss = next((c for c in v.head.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
        break
    return None


def objects(verb: Token, preps: tuple[str, ...] = ("against", "for", "on")) -> list[Token]:
    nominal = ("NOUN", "PROPN", "PRON")
    out: list[Token] = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in nominal]
    out = [o for o in out if o.dep_ == "dobj"] or out
    if not out:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]
