"""Evaluative stances: what a speaker says about the subject of a quoted or reported clause.

"The draft is a provocative step" (Lavrov) -> Lavrov opposes the draft. The
target must be the grammatical subject of an evaluated clause; the polarity
needs our evaluation lexicon (news idiom that VADER misreads: "alibi",
"unacceptable") or a copular judgement, with VADER's tone as the other vote.
"""

from __future__ import annotations

import string
from functools import lru_cache
from itertools import compress

from spacy.tokens import Doc, Span, Token
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

from schemas.models import EntityRef
from services.common.parse import text_of
from services.stances.doctext import columns_of, dependents_by_head, sent_of, tokens_of
from services.stances.triples import Context, Triple, act_owner, actorish, targets_of, verb_polarity

_THRESHOLD = 0.35
_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass")  # the subjects an evaluated clause judges
_CONDITIONAL = {"if", "unless", "whether"}
_LEX_WEIGHT = 0.6


class NewsVader(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """VADER's ``polarity_scores``, same scores, about twice as fast on news sentences.

    The library lower-cases the whole word list again for every sentiment word it checks and
    first rewrites the text one character at a time to spell out emoji (rare in news). Here the
    words are lower-cased once and texts without emoji skip the rewrite; the rules are VADER's own,
    in its order, and tests/unit compare the scores with the library's.
    """

    def __init__(self) -> None:
        super().__init__()
        # The emoji rewrite looks at single characters, so only one-character keys can match.
        self.emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def has_emoji(self, text: str) -> bool:
        # All of them are non-ASCII (tests/unit check), and str.isascii() reads a flag instead of scanning.
        return not text.isascii() and not self.emoji_chars.isdisjoint(text)

    def polarity_scores(self, text: str) -> dict[str, float]:
        if self.has_emoji(text):
            return dict(super().polarity_scores(text))
        text = text.strip()
        return dict(self.score_valence(self._sentiments(text), text))

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]``, without the pos/neu/neg shares nobody reads."""
        if self.has_emoji(text):
            return float(super().polarity_scores(text)["compound"])
        text = text.strip()
        sentiments = self._sentiments(text)
        if not sentiments:
            return 0.0
        # score_valence's compound: the sum, pushed away from 0 by "!" and "?", normalised.
        total = float(sum(sentiments))
        emphasis = self._punctuation_emphasis(text)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return round(normalize(total), 4)

    def _sentiments(self, text: str) -> list[float]:
        """The valence of every word of ``text`` (stripped, without emoji), as VADER weighs it."""
        words = _words_and_emoticons(text)
        lowered = list(map(str.lower, words))
        is_cap_diff = 0 < len(words) - sum(map(str.isupper, words)) < len(words)  # allcap_differential
        lexicon, last = self.lexicon, len(words) - 1
        # Words outside the lexicon score 0 in ``_valence`` too: most words, so it is called for the others only.
        sentiments: list[float] = [0] * len(words)
        for i in compress(range(len(words)), map(lexicon.__contains__, lowered)):
            low = lowered[i]
            if low not in BOOSTER_DICT and not (i < last and low == "kind" and lowered[i + 1] == "of"):
                sentiments[i] = self._valence(words, lowered, i, is_cap_diff)
        if "but" in lowered:  # ``_but_check`` changes nothing without one
            sentiments = self._but_check(words, sentiments)
        return sentiments

    def _valence(self, words: list[str], lowered: list[str], i: int, is_cap_diff: bool) -> float:
        """``sentiment_valence`` of word ``i``, a lexicon word (``lowered``: the words in lower case)."""
        lexicon = self.lexicon
        item = lowered[i]
        valence = lexicon[item]
        if item == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lowered[i - 1] == "no") or (i > 1 and lowered[i - 2] == "no") \
                or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor")):
            valence = lexicon[item] * N_SCALAR
        if words[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(0, 3):
            if i > start_i and lowered[i - (start_i + 1)] not in lexicon:
                s = _scalar_inc_dec(words[i - (start_i + 1)], lowered[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lowered, start_i, i)
                if start_i == 2 and not _IDIOM_WORDS.isdisjoint(lowered[i - 3: i + 3]):
                    valence = _special_idioms_check(valence, lowered, i)
        return _least_check(valence, lowered, i, lexicon)


def _scalar_inc_dec(word: str, lowered: str, valence: float, is_cap_diff: bool) -> float:
    """``vaderSentiment.scalar_inc_dec`` of ``word`` (``lowered``: the word in lower case)."""
    if lowered not in BOOSTER_DICT:
        return 0.0
    scalar = float(BOOSTER_DICT[lowered])
    if valence < 0:
        scalar *= -1
    if word.isupper() and is_cap_diff:
        scalar = scalar + C_INCR if valence > 0 else scalar - C_INCR
    return scalar


def _least_check(valence: float, lowered: list[str], i: int, lexicon: dict[str, float]) -> float:
    """``SentimentIntensityAnalyzer._least_check`` on the lower-cased words."""
    if i > 1 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        if lowered[i - 2] != "at" and lowered[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        valence = valence * N_SCALAR
    return float(valence)


def _words_and_emoticons(text: str) -> list[str]:
    """``SentiText(text).words_and_emoticons``: each word stripped of punctuation unless that leaves two
    characters or fewer (an emoticon)."""
    return [word if len(stripped := word.strip(_PUNCTUATION)) <= 2 else stripped for word in text.split()]


_PUNCTUATION = string.punctuation


def _negated(word: str) -> bool:
    """``vaderSentiment.negated([word])`` of a lower-case word."""
    return word in _NEGATE or "n't" in word


_NEGATE = frozenset(NEGATE)


def _negation_check(valence: float, lowered: list[str], start_i: int, i: int) -> float:
    """``SentimentIntensityAnalyzer._negation_check`` on the lower-cased words."""
    if start_i == 0 and _negated(lowered[i - 1]):
        valence = valence * N_SCALAR
    if start_i == 1:
        if lowered[i - 2] == "never" and (lowered[i - 1] == "so" or lowered[i - 1] == "this"):
            valence = valence * 1.25
        elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            pass
        elif _negated(lowered[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (lowered[i - 3] == "never" and (lowered[i - 2] == "so" or lowered[i - 2] == "this")) or \
                (lowered[i - 1] == "so" or lowered[i - 1] == "this"):
            valence = valence * 1.25
        elif lowered[i - 3] == "without" and (lowered[i - 2] == "doubt" or lowered[i - 1] == "doubt"):
            pass
        elif _negated(lowered[i - 3]):
            valence = valence * N_SCALAR
    return valence


# Every word of the idioms and multi-word boosters ``_special_idioms_check`` looks for: where no word
# around a lexicon word is one of these, no n-gram there can match and the check is skipped.
_IDIOM_WORDS = frozenset(word for phrase in [*SPECIAL_CASES, *BOOSTER_DICT] if " " in phrase for word in phrase.split())


def _special_idioms_check(valence: float, lowered: list[str], i: int) -> float:
    """``SentimentIntensityAnalyzer._special_idioms_check`` on the lower-cased words."""
    onezero = f"{lowered[i - 1]} {lowered[i]}"
    twoonezero = f"{lowered[i - 2]} {lowered[i - 1]} {lowered[i]}"
    twoone = f"{lowered[i - 2]} {lowered[i - 1]}"
    threetwoone = f"{lowered[i - 3]} {lowered[i - 2]} {lowered[i - 1]}"
    threetwo = f"{lowered[i - 3]} {lowered[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lowered) - 1 > i:
        zeroone = f"{lowered[i]} {lowered[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lowered) - 1 > i + 1:
        zeroonetwo = f"{lowered[i]} {lowered[i + 1]} {lowered[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


@lru_cache(maxsize=1)
def vader() -> NewsVader:
    return NewsVader()


def tone_of(text: str) -> float:
    return vader().compound(text)


def _lexicon_score(ctx: Context, toks: list[Token], text: str) -> tuple[int, int]:
    lex, columns = ctx.lex, columns_of(ctx.doc)
    lemma, lower = columns.lemma, columns.lower
    positions = [t.i for t in toks]
    negative, positive = lex.negative_evaluation, lex.positive_evaluation
    neg = sum(1 for i in positions if lemma[i] in negative or lower[i] in negative)
    pos = sum(1 for i in positions if lemma[i] in positive or lower[i] in positive)
    low = text.lower()
    neg += sum(1 for w in lex.negative_phrases if w in low)
    pos += sum(1 for w in lex.positive_phrases if w in low)
    # Negated predicates ("is not acceptable") turn the judgement round.
    if any(columns.dep[i] == "neg" for i in positions):
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
    tokens, columns = tokens_of(doc), columns_of(doc)
    subjects = dependents_by_head(doc, _CLAUSE_SUBJECTS)
    for i in range(span.start, span.end):
        if columns.pos[i] not in ("VERB", "AUX"):
            continue
        subj_at = next((j for j in subjects.get(i, ()) if start <= columns.start[j] < end), None)
        if subj_at is None:
            continue
        v, subj = tokens[i], tokens[subj_at]
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in v.children):
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
        out.append(Triple([speaker], targets, polarity, v.text, sent_of(v), 0.5, "evaluation"))
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
    return [Triple([speaker], [t for t in targets if t != speaker], polarity, verb.text, sent_of(verb), 0.5,
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
            out.append(Triple([speaker], owners, polarity, noun.text, sent_of(noun), 0.4, "evaluation"))
    return out
