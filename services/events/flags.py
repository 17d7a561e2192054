"""PLOVER auxiliary flags of a trigger: negated, hypothetical, future."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from services.events.tree import tree_of

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
    tree = tree_of(verb.doc)
    labels, tokens, kids = tree.deps, tree.tokens, tree.kids
    neg = hypo = fut = would = False
    for c in kids(verb.i):
        dep = labels[c]
        if dep == "neg":
            neg = True
        elif dep in ("advmod", "det"):
            neg = neg or tokens[c].lower_ in ("never", "no")
        elif dep in ("aux", "auxpass"):
            low = tokens[c].lower_
            if low in _HYPO_AUX:
                hypo = True
            elif low in _FUTURE_AUX:
                fut = True
            elif low in ("would", "'d"):
                would = True
        elif dep == "mark" and tokens[c].lower_ in ("if", "unless", "whether"):
            hypo = True
        elif dep == "advcl" and any(labels[m] == "mark" and tokens[m].lower_ in ("if", "unless") for m in kids(c)):
            hypo = True  # "X will veto if Y": a conditional act has not happened
    if verb.lower_ == "going" and any(labels[c] == "xcomp" for c in kids(verb.i)):
        fut = True
    return neg, hypo, fut, would


def governing_verb(tok: Token) -> Token | None:
    """The verb whose clause holds a noun trigger ("might use its veto" -> use)."""
    tree = tree_of(tok.doc)
    cur = tok.i
    for _ in range(8):
        if tree.heads[cur] == cur:
            return None
        cur = tree.heads[cur]
        if tree.pos[cur] in ("VERB", "AUX"):
            return tree.tokens[cur]
    return None


def flags_for(trigger: Token) -> Flags:
    """Flags of a verb trigger, or of the clause a noun trigger sits in."""
    verb: Token | None = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    tree = tree_of(trigger.doc)
    labels, heads = tree.deps, tree.heads
    neg = hypo = fut = False
    if trigger.pos_ not in ("VERB", "AUX") and any(
            labels[c] == "det" and tree.tokens[c].lower_ == "no" for c in tree.kids(trigger.i)):
        neg = True
    depth = 0
    while verb is not None and depth < 5:
        n, h, f, would = _own_flags(verb)
        neg, hypo, fut = neg or (n and depth == 0), hypo or h, fut or f
        if would and not h:
            # "said they would reject": reported future; a bare "would" is conditional
            parent = tree.head(verb)
            reported = verb.dep_ == "ccomp" and parent.lemma_.lower() in _SPEECH
            fut = fut or reported
            hypo = hypo or not reported
        if verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp") or heads[verb.i] == verb.i:
            break
        parent = tree.head(verb)
        if verb.dep_ == "pcomp" and parent.pos_ == "ADP" and heads[parent.i] != parent.i:
            # "accused X of shelling": the governing verb is above the preposition
            lemma = tree.head(parent).lemma_.lower()
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
            if any(labels[c] == "neg" for c in tree.kids(parent.i)):
                neg = True
        elif verb.dep_ == "conj":
            pass  # conjuncts share the auxiliaries of their head ("will meet and discuss")
        else:
            # a complement clause keeps its own flags; stop at speech verbs and clause boundaries
            break
        verb = parent
        depth += 1
    return _FLAGS[neg, hypo, fut and not hypo]


# The eight possible Flags, made once (a frozen dataclass is slow to build, and flags are never changed).
_FLAGS = {(neg, hypo, fut): Flags(negated=neg, hypothetical=hypo, future=fut)
          for neg in (False, True) for hypo in (False, True) for fut in (False, True)}
