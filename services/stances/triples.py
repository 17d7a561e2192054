"""Stance triples read from the dependency parse: votes, speech acts, relations.

Each rule finds a cue (a verb, a noun or an "X-backed" compound), its holders
(subjects, "by" agents in the passive, the noun a participle or relative
clause hangs on) and its targets (objects, "against"/"for" objects, the
proposal under discussion when a vote has no object). Conjunctions give one
triple per holder and target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from schemas.models import EntityRef
from services.stances.actors import SUBJECT_DEPS, Actors
from services.stances.lexicon import Lexicon, is_country
from services.stances.proposals import is_proposal

_FLIP = {"support": "oppose", "oppose": "support", "neutral": "neutral"}
_RELATIVE = {"which", "that", "who", "whom"}
_PLACES = {"GPE", "LOC", "FAC"}
_REFUSING = {"refuse", "decline", "reject"}
_FAILING = {"fail", "neglect", "omit"}
_MODALS = {"could", "might", "may", "would"}
_PROCEDURES = {"vote", "referendum", "meeting", "debate", "session"}
_TARGET_PRONOUNS = {"he", "she", "him", "her", "them", "they"}
_HYPHEN_CUES = {"backed": "support", "sponsored": "support", "drafted": "support", "led": "support",
                "funded": "support", "supported": "support", "armed": "support", "allied": "support"}


@dataclass
class Triple:
    holders: list[EntityRef]
    targets: list[EntityRef]
    polarity: str
    cue: str
    sent: Span
    confidence: float
    kind: str


@dataclass
class Context:
    doc: Doc
    actors: Actors
    proposal_names: dict[int, str]
    proposal_order: list[tuple[int, str, bool]]
    speaker_at: Callable[[Token], EntityRef | None]
    lex: Lexicon

    def current_proposal(self, i: int) -> str | None:
        last = last_vote = None
        for j, name, vote in self.proposal_order:
            if j > i:
                break
            last = name
            if vote:
                last_vote = name
        if last is None:
            # A vote before its text is named ("vetoed it, the draft ..."): the first in the same sentence.
            sent = self.doc[i].sent
            for j, name, _vote in self.proposal_order:
                if sent.start <= j < sent.end:
                    return name
        return last_vote or last


# ----- small syntax helpers ---------------------------------------------------------------------


def _antecedent_token(ctx: Context, tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if tok.lower_ in _RELATIVE and tok.tag_ in ("WDT", "WP"):
        ante = ctx.actors.relative_antecedent(tok)
        if ante is not None:
            return ante
    return tok


def _particle(verb: Token) -> str | None:
    prt = next((c for c in verb.children if c.dep_ == "prt"), None)
    return prt.lower_ if prt is not None else None


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)


def _agents(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and verb.tag_ == "VBN"):
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _subject(verb: Token) -> Token | None:
    v = verb
    for step in range(5):
        # "X are expected to abstain": the raised passive subject acts.
        deps = ("nsubj", "csubj", "nsubjpass") if step > 0 and verb.dep_ == "xcomp" else ("nsubj", "csubj")
        subj = [c for c in v.children if c.dep_ in deps]
        if subj:
            return subj[0]
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


def _objects(verb: Token, preps: tuple[str, ...] = ("against", "for", "on")) -> list[Token]:
    nominal = ("NOUN", "PROPN", "PRON")
    out: list[Token] = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in nominal]
    out = [o for o in out if o.dep_ == "dobj"] or out
    if not out:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


# ----- references ------------------------------------------------------------------------------


def _targets(ctx: Context, tok: Token, proposals_only: bool = False, allow_places: bool = True,
             proposal_pronoun: bool = False) -> list[EntityRef]:
    """What ``tok`` (and its conjuncts) names as a target; "it" is the proposal at hand when
    ``proposal_pronoun`` (votes: "Russia opposed it")."""
    tok = _antecedent_token(ctx, tok)
    out: list[EntityRef] = []
    for t in [tok, *tok.conjuncts]:
        name = ctx.proposal_names.get(t.i)
        if name is not None:
            ref = EntityRef(name=name)
            if ref not in out:
                out.append(ref)
            continue
        if proposals_only and not (proposal_pronoun and t.lower_ in ("it", "this")):
            continue
        if t.pos_ == "PRON" and t.lower_ in ("we", "us", "i", "me"):
            sp = ctx.speaker_at(t)
            refs = [sp] if sp is not None else []
        elif t.pos_ == "PRON" and t.lower_ in ("it", "this") and proposal_pronoun:
            current = ctx.current_proposal(t.i)
            refs = [EntityRef(name=current)] if current else []
        elif t.pos_ == "PRON" and t.lower_ not in _TARGET_PRONOUNS:
            refs = []  # "defend it": a thing pronoun is too vague a target
        else:
            refs = ctx.actors.refs(t)
        for ref in refs:
            if not allow_places and ref.type in _PLACES:
                continue
            if ref not in out:
                out.append(ref)
    return out


def _holders(ctx: Context, tok: Token | None) -> list[EntityRef]:
    if tok is None:
        return []
    tok = _antecedent_token(ctx, tok)
    out: list[EntityRef] = []
    for t in [tok, *tok.conjuncts]:
        if ctx.proposal_names.get(t.i) is not None or is_proposal(t):
            continue  # "the resolution demanded ..." is not a holder
        if t.pos_ == "PRON" and t.lower_ in ("we", "i"):
            sp = ctx.speaker_at(t)
            refs = [sp] if sp is not None else []
        else:
            refs = ctx.actors.refs(t)
        for ref in refs:
            if ref not in out:
                out.append(ref)
    return out


# ----- verb rules -------------------------------------------------------------------------------


def _verb_polarity(ctx: Context, verb: Token) -> tuple[str, str, list[Token], bool] | None:
    """(polarity, kind, target tokens, proposal-only) for a cue verb, or None."""
    lex = ctx.lex
    lemma = verb.lemma_.lower()
    prt = _particle(verb)
    if prt is not None and f"{lemma} {prt}" in lex.phrasal_oppose:
        return "oppose", "vote", _objects(verb), False
    if prt is not None and f"{lemma} {prt}" in lex.phrasal_support:
        return "support", "vote", _objects(verb), True
    if lemma == "vote":
        for c in verb.children:
            if c.dep_ in ("prep", "prt", "advmod") and c.lower_ == "against":
                return "oppose", "vote", [p for p in c.children if p.dep_ == "pobj"], False
            if c.dep_ == "prep" and c.lower_ == "for":
                return "support", "vote", [p for p in c.children if p.dep_ == "pobj"], False
            if c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ in ("favour", "favor") for p in c.children):
                fav = next(p for p in c.children if p.lower_ in ("favour", "favor"))
                of = [p for q in fav.children if q.lower_ == "of" for p in q.children if p.dep_ == "pobj"]
                return "support", "vote", of, False
        return None
    if lemma in lex.vote_neutral:
        return "neutral", "vote", _objects(verb, ("on", "from")), False
    if lemma in lex.light_verbs:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        nlemma = obj.lemma_.lower()
        if nlemma in lex.noun_oppose or nlemma in lex.noun_support:
            pol = "oppose" if nlemma in lex.noun_oppose else "support"
            tg = _prep_objects(obj, ("against", "on", "of", "for", "behind", "to")) or _prep_objects(
                verb, ("against", "on", "behind", "to", "for"))
            return pol, "vote", tg, False
        return None
    if lemma in lex.fight_verbs and lemma not in lex.speech_oppose:
        tg = _objects(verb, ("against",))
        return "oppose", "relation", tg, False
    if lemma in lex.vote_oppose or lemma in lex.speech_oppose:
        kind = "vote" if lemma in lex.vote_oppose else "speech_act"
        return "oppose", kind, _objects(verb, ("against",)), False
    if lemma in lex.vote_support or lemma in lex.speech_support:
        kind = "vote" if lemma in lex.vote_support else "speech_act"
        return "support", kind, _objects(verb, ("for",)), lemma in lex.proposal_only_support
    return None


def _verb_triples(ctx: Context, verb: Token) -> list[Triple]:
    found = _verb_polarity(ctx, verb)
    if found is None or _negated(verb):
        return []
    polarity, kind, target_toks, proposal_only = found
    governor = verb.head.lemma_.lower() if verb.dep_ == "xcomp" else ""
    if governor in _FAILING or (_negated(verb.head) and verb.dep_ == "xcomp"):
        return []  # "failed to condemn", "did not want to back": no position either way
    if governor in _REFUSING:
        if polarity != "support":
            return []
        polarity = "oppose"  # "refused to back the plan"
    confidence = 0.5 if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children) else 0.8
    lemma = verb.lemma_.lower()
    # Passive: "was vetoed by Russia", "the text presented by Spain", "Sponsored by Egypt, the resolution ...".
    participle = verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "amod", "relcl") and not any(
        c.dep_ in ("nsubj", "aux") for c in verb.children)
    if _is_passive(verb) or participle:
        holders_t = _agents(verb)
        if not holders_t:
            return []
        passive_subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive_subj is not None:
            target_toks = [passive_subj]
        elif verb.dep_ in ("acl", "amod", "relcl"):
            target_toks = [verb.head]
        elif verb.dep_ == "advcl":
            subj = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
            target_toks = [subj] if subj is not None else []
        holders = [h for t in holders_t for h in _holders(ctx, t)]
    else:
        subj = _subject(verb)
        if subj is None and verb.dep_ == "relcl":
            subj = verb.head  # "members that supported the resolution": handled by the relative pronoun
        holders = _holders(ctx, subj)
    allow_places = kind != "relation"
    targets = [r for t in target_toks for r in _targets(ctx, t, proposals_only=proposal_only,
                                                        allow_places=allow_places, proposal_pronoun=kind == "vote")]
    if lemma in ctx.lex.physical_cues:
        # "attacked the town" is an event; "attacked Russia" (or "Moscow") may be a stance.
        targets = [t for t in targets if t.type not in _PLACES or is_country(t.name)]
    # With no object the vote is on the proposal under discussion ("Angola abstained"); an object
    # we cannot read ("vetoed five") is not that proposal.
    has_obj = lemma not in ctx.lex.light_verbs and any(c.dep_ == "dobj" for c in verb.children)
    if not targets and kind == "vote" and not has_obj:
        current = ctx.current_proposal(verb.i)
        if current is not None:
            targets = [EntityRef(name=current)]
    if kind == "speech_act" and not targets:
        # "condemned the Russian veto", "welcomed Kenya's decision": the act stands for its author.
        targets = [r for t in target_toks if t.pos_ == "NOUN" for r in _act_owner(ctx, t)]
    if kind == "speech_act" and targets and all(t.entity_id is None and t.type is None and
                                                t.name not in ctx.proposal_names.values() for t in targets):
        # Speech acts aimed at a plain noun ("denounced inaction") are not stances between actors,
        # unless that noun is an actor ("the government").
        targets = [t for t in targets if _actorish(ctx, t)]
    if kind == "vote" and lemma in ctx.lex.speech_oppose and not any(t.name in ctx.proposal_names.values()
                                                                    for t in targets):
        kind = "speech_act"
    # "supported the resolution, including Britain and France": the list names the supporters.
    for t in target_toks:
        if ctx.proposal_names.get(t.i) is not None:
            listed = [r for o in _prep_objects(t, ("including",)) for r in ctx.actors.refs(o)]
            if listed:
                holders = listed
    if not holders or not targets:
        return []
    return [Triple(holders, targets, polarity, verb.text, verb.sent, confidence, kind)]


def _actorish(ctx: Context, ref: EntityRef) -> bool:
    last = ref.name.split()[-1].lower() if ref.name.split() else ""
    return last in ctx.lex.actor_nouns


def _urge_triples(ctx: Context, verb: Token) -> list[Triple]:
    """"urged members not to use their veto against X" -> support X; "called for a ceasefire" -> support."""
    lex = ctx.lex
    if verb.lemma_.lower() not in lex.urge_verbs:
        return []
    holders = _holders(ctx, _subject(verb))
    if not holders:
        return []
    out: list[Triple] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            # "called for a ceasefire" backs it; "called for the vote" only asks for a procedure.
            targets = [r for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in _PROCEDURES
                       for r in _targets(ctx, p, proposals_only=True)]
            if targets:
                out.append(Triple(holders, targets, "support", verb.text, verb.sent, 0.6, "speech_act"))
    inner = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            inner.extend(g for p in c.children for g in p.children if g.dep_ in ("xcomp", "acl"))
    for v in inner:
        found = _verb_polarity(ctx, v)
        if found is None and v.lemma_.lower() in lex.adopt_verbs:
            found = ("support", "vote", _objects(v), True)  # "urged lawmakers to pass it"
        if found is None:
            continue
        polarity, _kind, target_toks, proposal_only = found
        if _negated(v):
            polarity = _FLIP[polarity]
        targets = [r for t in target_toks for r in _targets(ctx, t, proposals_only=proposal_only,
                                                            proposal_pronoun=True)]
        if targets:
            out.append(Triple(holders, targets, polarity, verb.text, verb.sent, 0.7, "speech_act"))
    return out


def _label_triples(ctx: Context, verb: Token) -> list[Triple]:
    """"called the rebels terrorists" / "described X as criminals" -> oppose X."""
    lex = ctx.lex
    if verb.lemma_.lower() not in lex.label_verbs:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    labels = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
    if obj is None:
        # "called the rebels terrorists" is sometimes parsed as one noun phrase, "rebels" a compound.
        obj = next((c for lb in labels for c in lb.children if c.dep_ in ("compound", "nsubj")), None)
    if obj is None:
        return []
    labels += [c for c in obj.children if c.dep_ in ("appos", "oprd")]
    labels += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
    labels += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
    words = [t for lb in labels for t in lb.subtree if t.i > verb.i]
    neg = sum(1 for t in words if t.lemma_.lower() in lex.negative_labels or t.lower_ in lex.negative_labels
              or t.lower_ in lex.negative_evaluation)
    pos = sum(1 for t in words if t.lower_ in lex.positive_evaluation or t.lemma_.lower() in lex.positive_evaluation)
    if any(t.dep_ == "neg" for t in words):
        neg, pos = pos, neg
    if neg == pos:
        return []
    holders = _holders(ctx, _subject(verb))
    targets = _targets(ctx, obj, allow_places=False, proposal_pronoun=True)
    if not holders or not targets:
        return []
    return [Triple(holders, targets, "oppose" if neg > pos else "support", verb.text, verb.sent, 0.7, "speech_act")]


# ----- noun rules -------------------------------------------------------------------------------


def _owner(ctx: Context, noun: Token) -> list[EntityRef]:
    """Whose act a noun is: its possessor, "from/by X", an entity adjective, or the governing verb's subject."""
    for c in noun.children:
        if c.dep_ == "poss":
            return _holders(ctx, c)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return _holders(ctx, objs[0])
    adj = [c for c in noun.children if c.dep_ in ("amod", "compound") and ctx.actors.entity(c) is not None]
    if adj:
        return [r for a in adj for r in ctx.actors.refs(a)]
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
        return _holders(ctx, _subject(head))
    return []


def _act_owner(ctx: Context, noun: Token) -> list[EntityRef]:
    """Who performs a nominal act: "Russia's veto", "the Russian veto", "condemnation from the UN"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return _holders(ctx, c)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            return _holders(ctx, objs[0]) if objs else []
    adj = [c for c in noun.children if c.dep_ in ("amod", "compound") and ctx.actors.entity(c) is not None]
    return [r for a in adj for r in ctx.actors.refs(a)]


def _noun_triples(ctx: Context, noun: Token) -> list[Triple]:
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
        holders = _act_owner(ctx, noun)
        targets = [r for t in _objects(noun, ("of", "against", "on", "for", "to")) for r in _targets(ctx, t)]
        if not targets and lemma == "veto":
            current = ctx.current_proposal(noun.i)
            targets = [EntityRef(name=current)] if current else []
        if holders and targets:
            kind = "vote" if any(t.name in ctx.proposal_names.values() for t in targets) else "speech_act"
            out.append(Triple(holders, targets, polarity, noun.text, noun.sent, 0.7, kind))
    elif noun.i in ctx.proposal_names and lemma not in ("vote", "move"):
        # "Russia's draft", "its draft resolution": the owner backs its own text.
        holders = [r for c in noun.children if c.dep_ == "poss" for r in _holders(ctx, c)]
        if holders:
            target = EntityRef(name=ctx.proposal_names[noun.i])
            out.append(Triple(holders, [target], "support", noun.text, noun.sent, 0.6, "vote"))
    elif lemma in lex.ally_nouns or lemma in lex.enemy_nouns:
        polarity = "support" if lemma in lex.ally_nouns else "oppose"
        targets = [r for t in _objects(noun, ("of", "to", "for")) for r in _targets(ctx, t)]
        holders = []
        if noun.dep_ == "appos":
            holders = _holders(ctx, noun.head)
        elif noun.dep_ in ("attr",):
            holders = _holders(ctx, _subject(noun.head))
        if not targets:
            # "Syria and its Russian ally": the possessor is backed by the adjective's entity.
            poss = [c for c in noun.children if c.dep_ == "poss"]
            adj = [c for c in noun.children if c.dep_ in ("amod", "compound") and ctx.actors.entity(c) is not None]
            if poss and adj:
                targets = _holders(ctx, poss[0])
                holders = [r for a in adj for r in ctx.actors.refs(a)]
        if holders and targets:
            out.append(Triple(holders, targets, polarity, noun.text, noun.sent, 0.6, "relation"))
    elif lemma in lex.hostility_nouns or lemma in lex.political_hostility:
        # Strikes on a town are events, not stances; sanctions on a country are a stance.
        political = lemma in lex.political_hostility
        preps = tuple(lex.hostility_preps) + (("of",) if lemma in lex.hostility_of else ())
        aimed = _prep_objects(noun, preps)
        if not aimed and noun.dep_ == "dobj":
            aimed = _prep_objects(noun.head, tuple(lex.hostility_preps))  # "imposed sanctions on X"
        targets = [r for t in aimed for r in _targets(ctx, t, allow_places=political)]
        if targets:
            holders = _owner(ctx, noun)
            if holders:
                out.append(Triple(holders, targets, "oppose", noun.text, noun.sent, 0.5, "relation"))
    return out


def _hyphen_triples(ctx: Context, tok: Token) -> list[Triple]:
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
               and len(t.name) > len(cue) else t for t in _targets(ctx, head, allow_places=False)]
    if not targets:
        return []
    kind = "vote" if any(t.name in ctx.proposal_names.values() for t in targets) else "relation"
    return [Triple([holder], targets, _HYPHEN_CUES[tok.lower_], cue, tok.sent, 0.6, kind)]


def _alongside_triples(ctx: Context, verb: Token) -> list[Triple]:
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
        targets = [r for o in p.children if o.dep_ == "pobj" for r in _targets(ctx, o)]
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None and verb.dep_ == "acomp":
            subj = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None and verb.dep_ == "amod":
            subj = verb.head
        subj = subj or _subject(verb)
        if subj is None and verb.head.dep_ == "relcl":
            subj = verb.head.head
        holders = _holders(ctx, subj)
        if holders and targets:
            out.append(Triple(holders, targets, polarity, f"{verb.text} {p.text}", verb.sent, 0.6, "relation"))
    return out


def _regret_triples(ctx: Context, tok: Token) -> list[Triple]:
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
                targets = [r for o in _objects(v) for r in _targets(ctx, o, proposals_only=True)]
                if not targets:
                    continue
                owner = tok.head if tok.dep_ in ("dobj", "acomp", "attr") else tok
                subj = next((c for c in owner.children if c.dep_ in SUBJECT_DEPS), None) or _subject(owner)
                holders = _holders(ctx, subj)
                if holders:
                    out.append(Triple(holders, targets, "support", tok.text, tok.sent, 0.6, "evaluation"))
                return out
    return out


RULES = (_verb_triples, _urge_triples, _label_triples, _noun_triples, _hyphen_triples, _alongside_triples,
         _regret_triples)


def find_triples(ctx: Context) -> list[Triple]:
    out: list[Triple] = []
    for tok in ctx.doc:
        if tok.is_punct or tok.is_space:
            continue
        if tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
            for rule in RULES:
                out.extend(rule(ctx, tok))
    return out
