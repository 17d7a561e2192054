"""PLOVER auxiliary flags of a trigger: negated, hypothetical, future."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

_NEG_WORDS = frozenset({"not", "n't", "never", "no"})
_HYPO_AUX = frozenset({"might", "could", "may", "should", "must", "ought"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Governing verbs that make their complement unreal or not done ("refused to veto").
_NEG_GOVERNORS = frozenset({"refuse", "fail", "decline", "avoid", "reject", "deny", "stop", "cease", "abandon",
                            "forgo", "halt"})
_HYPO_GOVERNORS = frozenset({"threaten", "consider", "mull", "weigh", "propose", "suggest", "want", "wish",
                             "hope", "seek", "try", "attempt", "urge", "ask", "call", "demand", "request",
                             "push", "press", "allow", "permit", "let", "able", "ready", "willing", "may",
                             "aim", "offer", "recommend", "encourage", "invite", "need", "fear", "warn"})
_FUTURE_GOVERNORS = frozenset({"plan", "prepare", "intend", "expect", "vow", "pledge", "promise", "set",
                               "schedule", "agree", "decide", "go", "due", "poise", "about"})
# "accused X of shelling", "suspected of planning": the act is alleged, not reported as fact.
_ALLEGING = frozenset({"accuse", "blame", "allege", "suspect", "charge", "deny"})
_SPEECH = frozenset({"say", "tell", "add", "state", "announce", "declare", "claim", "insist", "warn", "report",
                     "confirm", "vow", "predict", "argue", "believe", "think"})


@dataclass(frozen=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False


def _own_flags(verb: Token) -> tuple[bool, bool, bool, bool]:
    """negated, hypothetical, future, conditional-would of one verb from its own auxiliaries."""
    neg = hypo = fut = would = False
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in ("never", "no")):
            neg = True
        elif c.dep_ in ("aux", "auxpass"):
            if low in _HYPO_AUX:
                hypo = True
            elif low in _FUTURE_AUX:
                fut = True
            elif low in ("would", "'d"):
                would = True
        elif c.dep_ == "mark" and low in ("if", "unless", "whether"):
            hypo = True
        elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
            hypo = True  # "X will veto if Y": a conditional act has not happened
    if verb.lower_ in ("going",) and any(c.dep_ == "xcomp" for c in verb.children):
        fut = True
    return neg, hypo, fut, would


def governing_verb(tok: Token) -> Token | None:
    """The verb whose clause holds a noun trigger ("might use its veto" -> use)."""
    cur = tok
    for _ in range(8):
        if cur.head == cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def flags_for(trigger: Token) -> Flags:
    """Flags of a verb trigger, or of the clause a noun trigger sits in."""
    verb: Token | None = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    neg = hypo = fut = False
    if trigger.pos_ not in ("VERB", "AUX") and any(c.lower_ == "no" and c.dep_ == "det" for c in trigger.children):
        neg = True
    depth = 0
    while verb is not None and depth < 5:
        n, h, f, would = _own_flags(verb)
        neg, hypo, fut = neg or (n and depth == 0), hypo or h, fut or f
        if would and not h:
            # "said they would reject": reported future; a bare "would" is conditional
            parent = verb.head
            reported = verb.dep_ == "ccomp" and parent.lemma_.lower() in _SPEECH
            fut = fut or reported
            hypo = hypo or not reported
        if verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp") or verb.head == verb:
            break
        parent = verb.head
        if verb.dep_ == "pcomp" and parent.pos_ == "ADP" and parent.head != parent:
            # "accused X of shelling": the governing verb is above the preposition
            lemma = parent.head.lemma_.lower()
            if lemma in _ALLEGING:
                hypo = True
        else:
            lemma = parent.lemma_.lower()
        if verb.dep_ == "xcomp" or (verb.dep_ == "pcomp" and parent.pos_ == "ADP") or (
                verb.dep_ == "ccomp" and lemma in _HYPO_GOVERNORS and lemma not in _SPEECH):
            if lemma in _NEG_GOVERNORS:
                neg = True
            elif lemma in _HYPO_GOVERNORS:
                hypo = True
            elif lemma in _FUTURE_GOVERNORS:
                fut = True
            # negation of the governing verb carries down ("did not agree to")
            if any(c.dep_ == "neg" for c in parent.children):
                neg = True
        elif verb.dep_ == "conj":
            pass  # conjuncts share the auxiliaries of their head ("will meet and discuss")
        else:
            # a complement clause keeps its own flags; stop at speech verbs and clause boundaries
            break
        verb = parent
        depth += 1
    return Flags(negated=neg, hypothetical=hypo, future=fut and not hypo)
