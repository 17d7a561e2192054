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
from services.stances.doctext import sent_of, tokens_of
from services.stances.lexicon import Lexicon, is_country
from services.stances.proposals import is_proposal
from services.stances.syntax import agents, is_passive, negated, objects, particle, prep_objects, subject

_FLIP = {"support": "oppose", "oppose": "support", "neutral": "neutral"}
_RELATIVE = {"which", "that", "who", "whom"}
_PLACES = {"GPE", "LOC", "FAC"}
_REFUSING = {"refuse", "decline", "reject"}
_FAILING = {"fail", "neglect", "omit"}
_MODALS = {"could", "might", "may", "would"}
_PROCEDURES = {"vote", "referendum", "meeting", "debate", "session"}
_TARGET_PRONOUNS = {"he", "she", "him", "her", "them", "they"}


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
            sent = sent_of(tokens_of(self.doc)[i])
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


# ----- references ------------------------------------------------------------------------------


def targets_of(ctx: Context, tok: Token, proposals_only: bool = False, allow_places: bool = True,
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


def holders_of(ctx: Context, tok: Token | None) -> list[EntityRef]:
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


def verb_cues(lex: Lexicon) -> frozenset[str]:
    """Every lemma ``verb_polarity`` reads as a cue: for any other word it gives None."""
    return frozenset().union(lex.phrasal_heads, {"vote"}, lex.vote_neutral, lex.light_verbs, lex.fight_verbs,
                             lex.vote_oppose, lex.speech_oppose, lex.vote_support, lex.speech_support)


def verb_polarity(ctx: Context, verb: Token) -> tuple[str, str, list[Token], bool] | None:
    """(polarity, kind, target tokens, proposal-only) for a cue verb, or None."""
    lex = ctx.lex
    lemma = verb.lemma_.lower()
    # Reading the particle walks the verb's children: only worth it when the verb starts a phrasal cue.
    prt = particle(verb) if lemma in lex.phrasal_heads else None
    if prt is not None and f"{lemma} {prt}" in lex.phrasal_oppose:
        return "oppose", "vote", objects(verb), False
    if prt is not None and f"{lemma} {prt}" in lex.phrasal_support:
        return "support", "vote", objects(verb), True
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
        return "neutral", "vote", objects(verb, ("on", "from")), False
    if lemma in lex.light_verbs:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        nlemma = obj.lemma_.lower()
        if nlemma in lex.noun_oppose or nlemma in lex.noun_support:
            pol = "oppose" if nlemma in lex.noun_oppose else "support"
            tg = prep_objects(obj, ("against", "on", "of", "for", "behind", "to")) or prep_objects(
                verb, ("against", "on", "behind", "to", "for"))
            return pol, "vote", tg, False
        return None
    if lemma in lex.fight_verbs and lemma not in lex.speech_oppose:
        tg = objects(verb, ("against",))
        return "oppose", "relation", tg, False
    if lemma in lex.vote_oppose or lemma in lex.speech_oppose:
        kind = "vote" if lemma in lex.vote_oppose else "speech_act"
        return "oppose", kind, objects(verb, ("against",)), False
    if lemma in lex.vote_support or lemma in lex.speech_support:
        kind = "vote" if lemma in lex.vote_support else "speech_act"
        return "support", kind, objects(verb, ("for",)), lemma in lex.proposal_only_support
    return None


def verb_triples(ctx: Context, verb: Token) -> list[Triple]:
    found = verb_polarity(ctx, verb)
    if found is None:
        return []
    polarity, kind, target_toks, proposal_only = found
    if negated(verb):
        if polarity != "support" or verb.lemma_.lower() not in ctx.lex.negation_flips:
            return []
        polarity = "oppose"  # "do not recognise the result", "will not accept the deal"
    governor = verb.head.lemma_.lower() if verb.dep_ == "xcomp" else ""
    if governor in _FAILING or (negated(verb.head) and verb.dep_ == "xcomp"):
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
    if is_passive(verb) or participle:
        holders_t = agents(verb)
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
        holders = [h for t in holders_t for h in holders_of(ctx, t)]
    else:
        subj = subject(verb)
        if subj is None and verb.dep_ == "relcl":
            subj = verb.head  # "members that supported the resolution": handled by the relative pronoun
        holders = holders_of(ctx, subj) or _speaker_of_misattached(ctx, verb, subj)
    allow_places = kind != "relation"
    if len(holders) > 1 and any(_reciprocal(c) for c in verb.children if c.dep_ in ("dobj", "dative")):
        # "The army and the RSF accused each other": each holds the stance toward the others.
        return [Triple(holders, list(holders), polarity, verb.text, sent_of(verb), confidence, kind)]
    targets = [r for t in target_toks for r in targets_of(ctx, t, proposals_only=proposal_only,
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
    if kind in ("speech_act", "relation") and not targets:
        # "condemned the Russian veto", "welcomed Kenya's decision", "will fight the Russian
        # occupation": the act stands for its author.
        targets = [r for t in target_toks if t.pos_ == "NOUN" for r in act_owner(ctx, t)]
    if kind == "vote" and polarity == "oppose" and not targets:
        # "rejected India's allegations", "dismissed the Russian claims": their author is opposed.
        targets = [r for t in target_toks if t.pos_ == "NOUN" and t.lemma_.lower() in ctx.lex.claim_nouns
                   for r in act_owner(ctx, t)]
    if kind == "speech_act" and not targets and polarity == "oppose":
        # "condemned the attack" with no author named: the attack itself is what is opposed.
        targets = [EntityRef(name=ctx.actors.np_name(t)) for t in target_toks
                   if t.pos_ == "NOUN" and t.lemma_.lower() in ctx.lex.act_targets]
    if kind == "speech_act" and targets and all(t.entity_id is None and t.type is None and
                                                t.name not in ctx.proposal_names.values() for t in targets):
        # Speech acts aimed at a plain noun ("denounced inaction") are not stances between actors,
        # unless that noun is an actor ("the government").
        targets = [t for t in targets if actorish(ctx, t) or (polarity == "oppose" and _act_noun(ctx, t))]
    if kind == "vote" and lemma in ctx.lex.speech_oppose and not any(t.name in ctx.proposal_names.values()
                                                                    for t in targets):
        kind = "speech_act"
    # "supported the resolution, including Britain and France": the list names the supporters.
    for t in target_toks:
        if ctx.proposal_names.get(t.i) is not None:
            listed = [r for o in prep_objects(t, ("including",)) for r in ctx.actors.refs(o)]
            if listed:
                holders = listed
    if not holders or not targets:
        return []
    return [Triple(holders, targets, polarity, verb.text, sent_of(verb), confidence, kind)]


def _speaker_of_misattached(ctx: Context, verb: Token, subj: Token | None) -> list[EntityRef]:
    """"X said the vote was fair and accused Y": the parser joined "accused" to the reported clause,
    whose subject is no actor; the speaker does it."""
    head = verb.head
    if subj is None or verb.dep_ != "conj" or head.dep_ != "ccomp" or verb.tag_ != head.head.tag_ \
            or head.head.lemma_.lower() not in ctx.lex.speech_verbs:
        return []
    return holders_of(ctx, subject(head.head))


def _reciprocal(tok: Token) -> bool:
    """"each other", "one another"."""
    return (tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children)) or (
        tok.lower_ == "another" and any(c.lower_ == "one" for c in tok.children)) or (
        tok.lower_ in ("each", "one") and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].lower_ in ("other", "another"))


def _act_noun(ctx: Context, ref: EntityRef) -> bool:
    """A violent act named as a target ("the air strike", "the killings")."""
    last = ref.name.split()[-1].lower() if ref.name.split() else ""
    return last in ctx.lex.act_targets or (last.endswith("s") and last[:-1] in ctx.lex.act_targets)


def actorish(ctx: Context, ref: EntityRef) -> bool:
    last = ref.name.split()[-1].lower() if ref.name.split() else ""
    return last in ctx.lex.actor_nouns


def urge_cues(lex: Lexicon) -> frozenset[str]:
    return lex.urge_verbs


def urge_triples(ctx: Context, verb: Token) -> list[Triple]:
    """"urged members not to use their veto against X" -> support X; "called for a ceasefire" -> support."""
    lex = ctx.lex
    if verb.lemma_.lower() not in lex.urge_verbs:
        return []
    holders = holders_of(ctx, subject(verb))
    if not holders:
        return []
    out: list[Triple] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            # "called for a ceasefire" backs it; "called for the vote" only asks for a procedure.
            targets = [r for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in _PROCEDURES
                       for r in targets_of(ctx, p, proposals_only=True)]
            if targets:
                out.append(Triple(holders, targets, "support", verb.text, sent_of(verb), 0.6, "speech_act"))
    inner = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            inner.extend(g for p in c.children for g in p.children if g.dep_ in ("xcomp", "acl"))
    for v in inner:
        found = verb_polarity(ctx, v)
        if found is None and v.lemma_.lower() in lex.adopt_verbs:
            found = ("support", "vote", objects(v), True)  # "urged lawmakers to pass it"
        if found is None and v.lemma_.lower() in lex.retract_verbs:
            found = ("oppose", "vote", objects(v), True)  # "demanded that Ruto withdraw the bill"
        if found is None:
            continue
        polarity, _kind, target_toks, proposal_only = found
        if negated(v):
            polarity = _FLIP[polarity]
        targets = [r for t in target_toks for r in targets_of(ctx, t, proposals_only=proposal_only,
                                                            proposal_pronoun=True)]
        if targets:
            out.append(Triple(holders, targets, polarity, verb.text, sent_of(verb), 0.7, "speech_act"))
    return out


def label_cues(lex: Lexicon) -> frozenset[str]:
    return lex.label_verbs


def label_triples(ctx: Context, verb: Token) -> list[Triple]:
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
    holders = holders_of(ctx, subject(verb)) or _speaker_of_misattached(ctx, verb, subject(verb))
    targets = targets_of(ctx, obj, allow_places=False, proposal_pronoun=True)
    if not targets and neg > pos and obj.pos_ == "NOUN" and obj.lemma_.lower() in lex.act_targets:
        targets = [EntityRef(name=ctx.actors.np_name(obj))]  # "called the attack a war crime"
    if not holders or not targets:
        return []
    return [Triple(holders, targets, "oppose" if neg > pos else "support", verb.text, sent_of(verb), 0.7, "speech_act")]


# ----- noun rules -------------------------------------------------------------------------------


def owner_of(ctx: Context, noun: Token) -> list[EntityRef]:
    """Whose act a noun is: its possessor, "from/by X", an entity adjective, or the governing verb's subject."""
    for c in noun.children:
        if c.dep_ == "poss":
            return holders_of(ctx, c)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return holders_of(ctx, objs[0])
    adj = [c for c in noun.children if c.dep_ in ("amod", "compound") and ctx.actors.entity(c) is not None]
    if adj:
        return [r for a in adj for r in ctx.actors.refs(a)]
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX"):
        return holders_of(ctx, subject(head))
    return []


def act_owner(ctx: Context, noun: Token) -> list[EntityRef]:
    """Who performs a nominal act: "Russia's veto", "the Russian veto", "condemnation from the UN"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return holders_of(ctx, c)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            objs = [p for p in c.children if p.dep_ == "pobj"]
            return holders_of(ctx, objs[0]) if objs else []
    adj = [c for c in noun.children if c.dep_ in ("amod", "compound") and ctx.actors.entity(c) is not None]
    return [r for a in adj for r in ctx.actors.refs(a)]
