"""Reported (indirect) speech: "X said (that) ...", "X told Y that ...", "according to X", "X accused Y of ...".

The quote text is the reported clause itself (without "that"); clauses that
are mostly a direct quote are left to the direct-quote finder.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from schemas.models import EntityRef, Quote
from services.common.parse import text_of
from services.stances.actors import Actors
from services.stances.doctext import columns_of, dependents_by_head, sent_of, tokens_of
from services.stances.lexicon import lexicon
from services.stances.quotes import evidence_of, speaker_from_subject, subject_of

_MIN_TOKENS = 3


@dataclass
class Reported:
    speaker: EntityRef | None
    cue: Token
    clause: Span  # the reported clause
    sent: Span
    quoted: bool = False  # mostly a direct quote: listed with the direct quotes, still read for stance


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """Tokens [start, end) without a leading "that"/comma and trailing punctuation."""
    tokens = tokens_of(doc)
    while start < end and (tokens[start].lower_ in ("that", ",", ":", "-", "—") or tokens[start].is_space):
        start += 1
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    return Span(doc, start, end) if end - start >= _MIN_TOKENS else None  # doc[start:end], without its slice checks


def _quoted_share(span: Span, actors: Actors) -> float:
    inside = sum(1 for i in range(span.start, span.end) if actors.in_quote_at(i))
    return inside / max(1, len(span))


def _cue_indices(doc: Doc, actors: Actors) -> list[int]:
    """Tokens outside quotes that can open reported speech: a reporting verb, "accuse"/"charge", "according"."""
    verbs = lexicon().reported_verbs | {"accuse", "charge"}
    columns = columns_of(doc)
    speech = [i for i in columns.with_lemma(verbs) if columns.pos[i] in ("VERB", "AUX")]
    return [i for i in sorted({*speech, *columns.with_form(("according",))}) if not actors.in_quote_at(i)]


def find_reported(doc: Doc, actors: Actors) -> list[Reported]:
    lex = lexicon()
    out: list[Reported] = []
    tokens = tokens_of(doc)
    complements = dependents_by_head(doc, ("ccomp",))
    for i in _cue_indices(doc, actors):
        tok = tokens[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in lex.reported_verbs:
            comp_at = next((j for j in complements.get(i, ()) if j > i), None)  # the first ccomp to the right
            if comp_at is None:
                continue
            comp = tokens[comp_at]
            # "which the group said was meant to ...": the clause starts after the verb.
            clause = _trim(doc, max(comp.left_edge.i, tok.i + 1), comp.right_edge.i + 1)
            subj = subject_of(tok)
            if clause is None or subj is None:
                continue
            speaker = speaker_from_subject(subj, actors, actors_only=True)
            if speaker is None and tok.dep_ == "conj":
                speaker = _earlier_speaker(tok, actors)  # "X said ..., and warned ..."
            if speaker is None:
                speaker = speaker_from_subject(subj, actors)
            out.append(Reported(speaker, tok, clause, sent_of(tok), _quoted_share(clause, actors) > 0.5))
        elif lemma in ("accuse", "charge") and tok.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subj = subject_of(tok)
            if obj is None or of is None or subj is None:
                continue
            clause = _trim(doc, obj.left_edge.i, of.right_edge.i + 1)
            if clause is not None and _quoted_share(clause, actors) <= 0.5:
                out.append(Reported(speaker_from_subject(subj, actors), tok, clause, sent_of(tok)))
        elif tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is None:
                continue
            sent = sent_of(tok)
            phrase = (tok.left_edge.i, (to.right_edge.i if to is not None else tok.i) + 1)
            # The rest of the sentence, on whichever side of "according to X" it stands.
            if phrase[0] - sent.start >= sent.end - phrase[1]:
                clause = _trim(doc, sent.start, phrase[0])
            else:
                clause = _trim(doc, phrase[1], sent.end)
            refs = actors.refs(obj)  # "according to their type" attributes nothing
            if refs and clause is not None and _quoted_share(clause, actors) <= 0.5:
                out.append(Reported(refs[0], tok, clause, sent))
    return out


def to_quotes(doc: Doc, reported: list[Reported]) -> list[Quote]:
    out = []
    for r in reported:
        if r.quoted:
            continue
        # The clause's text is text_of(doc)[start:end] (``Span.text`` would rebuild it token by token).
        start, end = r.clause.start_char, r.clause.end_char
        out.append(Quote(speaker=r.speaker, text=text_of(doc)[start:end], start=start, end=end,
                         direct=False, cue=r.cue.text, evidence=evidence_of(doc, [r.sent])))
    return out


def _earlier_speaker(verb: Token, actors: Actors) -> EntityRef | None:
    """The actor subject of an earlier speech verb in the same sentence."""
    lex = lexicon()
    for t in reversed(verb.doc[sent_of(verb).start: verb.i]):
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex.speech_verbs:
            subj = subject_of(t)
            ref = speaker_from_subject(subj, actors, actors_only=True) if subj is not None else None
            if ref is not None:
                return ref
    return None
