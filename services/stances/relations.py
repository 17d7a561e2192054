"""Stances carried by nouns and modifiers: nominal acts, alliances, hostility, "X-backed", regret at failure."""

from __future__ import annotations

from spacy.tokens import Token

from schemas.models import EntityRef
from services.stances.actors import SUBJECT_DEPS
from services.stances.doctext import sent_of
from services.stances.lexicon import Lexicon
from services.stances.syntax import objects, prep_objects, subject
from services.stances.triples import Context, Triple, act_owner, holders_of, owner_of, targets_of

_HYPHEN_CUES = {"backed": "support", "sponsored": "support", "drafted": "support", "led": "support",
                "funded": "support", "supported": "support", "armed": "support", "allied": "support"}


def noun_cues(lex: Lexicon) -> frozenset[str]:
    """Lemmas ``noun_triples`` reads; it also reads every named proposal (``Context.proposal_names``)."""
    return frozenset().union(lex.noun_oppose, lex.noun_support, lex.ally_nouns, lex.enemy_nouns,
                             lex.hostility_nouns, lex.political_hostility)


def noun_triples(ctx: Context, noun: Token) -> list[Triple]:
    lex = ctx.lex
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN":
        return []
    out: list[Triple] = []
    if lemma in lex.noun_oppose or lemma in lex.noun_support:
        # Light-verb uses ("used its veto") are read by the verb rule.
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.light_verbs:
            return []
        polarity = "oppose" if lemma in lex.noun_oppose else "support"
        holders = act_owner(ctx, noun)
        targets = [r for t in objects(noun, ("of", "against", "on", "for", "to")) for r in targets_of(ctx, t)]
        if not targets and lemma == "veto":
            current = ctx.current_proposal(noun.i)
            targets = [EntityRef(name=current)] if current else []
        if holders and targets:
            kind = "vote" if any(t.name in ctx.proposal_names.values() for t in targets) else "speech_act"
            out.append(Triple(holders, targets, polarity, noun.text, sent_of(noun), 0.7, kind))
    elif noun.i in ctx.proposal_names and lemma not in ("vote", "move") and lemma not in lex.political_hostility:
        # "Russia's draft", "its draft resolution": the owner backs its own text.
        holders = [r for c in noun.children if c.dep_ == "poss" for r in holders_of(ctx, c)]
        if holders:
            target = EntityRef(name=ctx.proposal_names[noun.i])
            out.append(Triple(holders, [target], "support", noun.text, sent_of(noun), 0.6, "vote"))
    elif lemma in lex.ally_nouns or lemma in lex.enemy_nouns:
        polarity = "support" if lemma in lex.ally_nouns else "oppose"
        targets = [r for t in objects(noun, ("of", "to", "for")) for r in targets_of(ctx, t)]
        holders = []
        if noun.dep_ == "appos":
            holders = holders_of(ctx, noun.head)
        elif noun.dep_ in ("attr",):
            holders = holders_of(ctx, subject(noun.head))
        if not targets:
            # "Syria and its Russian ally": the possessor is backed by the adjective's entity.
            poss = [c for c in noun.children if c.dep_ == "poss"]
            adj = [c for c in noun.children if c.dep_ in ("amod", "compound") and ctx.actors.entity(c) is not None]
            if poss and adj:
                targets = holders_of(ctx, poss[0])
                holders = [r for a in adj for r in ctx.actors.refs(a)]
        if holders and targets:
            out.append(Triple(holders, targets, polarity, noun.text, sent_of(noun), 0.6, "relation"))
    elif lemma in lex.hostility_nouns or lemma in lex.political_hostility:
        # Strikes on a town are events, not stances; sanctions on a country are a stance.
        political = lemma in lex.political_hostility
        preps = tuple(lex.hostility_preps) + (("of",) if lemma in lex.hostility_of else ())
        aimed = prep_objects(noun, preps)
        if not aimed and noun.dep_ == "dobj":
            aimed = prep_objects(noun.head, tuple(lex.hostility_preps))  # "imposed sanctions on X"
        targets = [r for t in aimed for r in targets_of(ctx, t, allow_places=political)]
        if targets:
            holders = owner_of(ctx, noun)
            if holders:
                out.append(Triple(holders, targets, "oppose", noun.text, sent_of(noun), 0.5, "relation"))
    return out


def hyphen_cues(lex: Lexicon) -> frozenset[str]:
    return frozenset(_HYPHEN_CUES)


def hyphen_triples(ctx: Context, tok: Token) -> list[Triple]:
    """"Russian-backed forces", "French-drafted resolution": the prefix's entity supports the noun."""
    if tok.lower_ not in _HYPHEN_CUES or tok.i < 2 or ctx.doc[tok.i - 1].text not in ("-", "‐"):
        return []
    prefix = ctx.doc[tok.i - 2]
    holder = ctx.actors.entity(prefix) or ctx.actors.country_of(prefix.text)
    if holder is None or holder.type not in ("GPE", "ORG", "PERSON", "NORP"):
        return []
    head = tok.head
    while head.dep_ in ("amod", "compound") and head.head != head and head.pos_ not in ("NOUN", "PROPN"):
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    cue = f"{prefix.text}-{tok.text}"
    targets = [EntityRef(name=t.name[len(cue):].strip()) if t.entity_id is None and t.name.startswith(cue)
               and len(t.name) > len(cue) else t for t in targets_of(ctx, head, allow_places=False)]
    if not targets:
        return []
    kind = "vote" if any(t.name in ctx.proposal_names.values() for t in targets) else "relation"
    return [Triple([holder], targets, _HYPHEN_CUES[tok.lower_], cue, sent_of(tok), 0.6, kind)]


def alongside_cues(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.alongside_verbs) | frozenset(lex.stance_adjectives)


def alongside_triples(ctx: Context, verb: Token) -> list[Triple]:
    """"fights alongside X", "sided with X", "allied with X" -> support X; "opposed to X", "critical of X"."""
    lex = ctx.lex
    lemma, low = verb.lemma_.lower(), verb.lower_
    polarity = "support"
    if verb.pos_ in ("VERB", "AUX") and lemma in lex.alongside_verbs:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.alongside_verbs[lemma]]
    elif low in lex.stance_adjectives and verb.dep_ in ("acomp", "amod", "ROOT", "conj", "advcl", "oprd"):
        polarity = lex.stance_adjectives[low]
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "of", "toward",
                                                                                 "towards")]
    else:
        return []
    out = []
    for p in preps:
        targets = [r for o in p.children if o.dep_ == "pobj" for r in targets_of(ctx, o)]
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None and verb.dep_ == "acomp":
            subj = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None and verb.dep_ == "amod":
            subj = verb.head
        subj = subj or subject(verb)
        if subj is None and verb.head.dep_ == "relcl":
            subj = verb.head.head
        holders = holders_of(ctx, subj)
        if holders and targets:
            out.append(Triple(holders, targets, polarity, f"{verb.text} {p.text}", sent_of(verb), 0.6, "relation"))
    return out


def regret_cues(lex: Lexicon) -> frozenset[str]:
    return lex.regret_words


def regret_triples(ctx: Context, tok: Token) -> list[Triple]:
    """"disappointed that the council was unable to pass X" / "concern over the failure to adopt X" -> support X."""
    lex = ctx.lex
    if tok.lemma_.lower() not in lex.regret_words and tok.lower_ not in lex.regret_words:
        return []
    out = []
    for fail in tok.subtree:
        if fail.lemma_.lower() not in lex.failure_words and fail.lower_ not in lex.failure_words:
            continue
        for v in fail.subtree:
            if v.pos_ == "VERB" and v.lemma_.lower() in lex.adopt_verbs:
                targets = [r for o in objects(v) for r in targets_of(ctx, o, proposals_only=True)]
                if not targets:
                    continue
                owner = tok.head if tok.dep_ in ("dobj", "acomp", "attr") else tok
                subj = next((c for c in owner.children if c.dep_ in SUBJECT_DEPS), None) or subject(owner)
                holders = holders_of(ctx, subj)
                if holders:
                    out.append(Triple(holders, targets, "support", tok.text, sent_of(tok), 0.6, "evaluation"))
                return out
    return out
