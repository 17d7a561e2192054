"""Evaluative stances: what a speaker says about the subject of a quoted or reported clause.

"The draft is a provocative step" (Lavrov) -> Lavrov opposes the draft. The
target must be the grammatical subject of an evaluated clause; the polarity
needs our evaluation lexicon (news idiom that VADER misreads: "alibi",
"unacceptable") or a copular judgement, with VADER's tone as the other vote.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from schemas.models import EntityRef
from services.stances.doctext import columns_of, text_of, tokens_of
from services.stances.triples import Context, Triple, act_owner, actorish, targets_of, verb_polarity

_THRESHOLD = 0.35
_CONDITIONAL = {"if", "unless", "whether"}
_LEX_WEIGHT = 0.6


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone_of(text: str) -> float:
    return float(vader().polarity_scores(text)["compound"])


def _lexicon_score(ctx: Context, toks: list[Token], text: str) -> tuple[int, int]:
    lex = ctx.lex
    neg = sum(1 for t in toks if t.lemma_.lower() in lex.negative_evaluation or t.lower_ in lex.negative_evaluation)
    pos = sum(1 for t in toks if t.lemma_.lower() in lex.positive_evaluation or t.lower_ in lex.positive_evaluation)
    low = text.lower()
    neg += sum(1 for w in lex.negative_evaluation if " " in w and w in low)
    pos += sum(1 for w in lex.positive_evaluation if " " in w and w in low)
    # Negated predicates ("is not acceptable") turn the judgement round.
    if any(t.dep_ == "neg" for t in toks):
        neg, pos = pos, neg
    return neg, pos


def _subject_targets(ctx: Context, subj: Token) -> list[EntityRef]:
    if subj.pos_ == "PRON":
        return []
    targets = targets_of(ctx, subj, allow_places=False)
    if targets:
        return targets
    # "Churkin's claim", "the Russian and Chinese action": the actors behind a non-actor noun.
    mods = [c for c in subj.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    mods += [cc for c in mods for cc in c.conjuncts]
    out: list[EntityRef] = []
    for m in mods:
        for ref in ctx.actors.refs(m, resolve_pronouns=False):
            if ref not in out:
                out.append(ref)
    if out:
        return out
    if subj.lemma_.lower() in ctx.lex.proposal_nouns and subj.tag_ == "NNS":
        return [EntityRef(name=ctx.actors.np_name(subj))]
    return []


def evaluate_region(ctx: Context, speaker: EntityRef | None, start: int, end: int) -> list[Triple]:
    """Stances of ``speaker`` toward the subjects of the clauses in text_of(doc)[start:end]."""
    if speaker is None:
        return []
    doc: Doc = ctx.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    out: list[Triple] = list(_owned_judgements(ctx, speaker, span))
    tokens, tags = tokens_of(doc), columns_of(doc).pos
    for v in [tokens[i] for i in range(span.start, span.end) if tags[i] in ("VERB", "AUX")]:
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and start <= c.idx < end), None)
        if subj is None or any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in v.children):
            continue  # "if the ceasefire is violated": a supposition, not a judgement
        stance_of_subject = _generic_stance(ctx, subj)
        targets = [t for t in _subject_targets(ctx, subj) if t != speaker] if stance_of_subject is None else []
        if not targets and stance_of_subject is None:
            continue
        # The judgement is in the verb and its complements, not in what it acts on:
        # "unable to pass this crucial resolution" says nothing good about the council.
        # Token positions, not Tokens: hashing a Token builds a tuple with its Doc.
        subject_part = {t.i for t in subj.subtree}
        clause = list(v.subtree)
        skip = set(subject_part)
        for t in clause:
            if t.dep_ in ("dobj", "pobj", "dative") and t.i not in skip:
                skip.update(o.i for o in t.subtree)
        if subj.dep_ == "nsubjpass":
            skip.add(v.i)  # "the truce was violated": a bad act done to the subject, not a judgement of it
        pred = [t for t in clause if t.i not in skip and start <= t.idx < end]
        if not pred:
            continue
        text = text_of(doc)[pred[0].idx: pred[-1].idx + len(pred[-1].text)]
        if stance_of_subject is not None:
            # What they would cause, objects included: "will give X the chance of killing more".
            whole = [t for t in clause if t.i not in subject_part and start <= t.idx < end]
            consequence = text_of(doc)[whole[0].idx: whole[-1].idx + len(whole[-1].text)]
            out.extend(_judged_by_their_stance(ctx, speaker, v, stance_of_subject, tone_of(consequence)))
            continue
        neg, pos = _lexicon_score(ctx, pred, text)
        copular = v.lemma_ == "be"
        if not (neg or pos or copular):
            continue
        score = tone_of(text) + _LEX_WEIGHT * (pos - neg)
        if score <= -_THRESHOLD and (neg > pos or copular):
            polarity = "oppose"
        elif score >= _THRESHOLD and (pos > neg or copular):
            polarity = "support"
        else:
            continue
        out.append(Triple([speaker], targets, polarity, v.text, v.sent, 0.5, "evaluation"))
    return out


_GENERIC_DETS = {"any", "every", "no", "each"}
_GENERIC_PRONOUNS = {"anyone", "anybody", "whoever", "those", "everyone", "anything", "whatever"}
_FLIP = {"support": "oppose", "oppose": "support"}


def _generic_stance(ctx: Context, subj: Token) -> tuple[str, list[EntityRef]] | None:
    """For "any country that opposes X" / "those who block X": the stance the generic subject stands for."""
    generic = subj.lower_ in _GENERIC_PRONOUNS or any(
        c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in subj.children)
    if not generic:
        return None
    for rel in subj.children:
        if rel.dep_ != "relcl":
            continue
        found = verb_polarity(ctx, rel)
        if found is None or found[0] not in _FLIP:
            continue
        polarity, _kind, target_toks, proposals_only = found
        targets = [r for t in target_toks for r in targets_of(ctx, t, proposals_only=proposals_only)]
        if targets:
            return polarity, targets
    return None


def _judged_by_their_stance(ctx: Context, speaker: EntityRef, verb: Token, stance: tuple[str, list[EntityRef]],
                            tone: float) -> list[Triple]:
    """"Any country that opposes X will help the killers" (negative) -> the speaker backs X."""
    polarity, targets = stance
    if tone <= -_THRESHOLD:
        polarity = _FLIP[polarity]
    elif tone < _THRESHOLD:
        return []
    return [Triple([speaker], [t for t in targets if t != speaker], polarity, verb.text, verb.sent, 0.5,
                   "evaluation")]


def _owned_judgements(ctx: Context, speaker: EntityRef, span: Span) -> list[Triple]:
    """"Assad's slaughter", "Russian aggression", "their crimes" in a speaker's words: a judgement of the owner."""
    lex = ctx.lex
    out: list[Triple] = []
    tokens, columns = tokens_of(ctx.doc), columns_of(ctx.doc)
    for i in range(span.start, span.end):
        if columns.pos[i] != "NOUN":
            continue
        low, lemma = columns.lower[i], columns.lemma[i]
        if low in lex.negative_evaluation or lemma in lex.negative_evaluation:
            polarity = "oppose"
        elif low in lex.positive_evaluation or lemma in lex.positive_evaluation:
            polarity = "support"
        else:
            continue
        noun = tokens[i]
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            continue  # "their crimes": whose is too uncertain
        owners = [o for o in act_owner(ctx, noun) if o != speaker and (o.type is not None or actorish(ctx, o))]
        if owners:
            out.append(Triple([speaker], owners, polarity, noun.text, noun.sent, 0.4, "evaluation"))
    return out
