"""Direct quotes and who said them.

The speaker of a quote is read from the speech verb in its frame (the words of
its sentence outside any quote, plus a short "..., he said." sentence right
after it or an "X said:" sentence right before it). Pronouns and "the group"
resolve through the discourse memory of ``Actors``. A quote with no frame of
its own continues the previous quote's speaker when it follows on in the
same or the next paragraph, and a pull quote takes the name on its "- Name"
line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from schemas.models import EntityRef, Quote
from schemas.models import Span as TextSpan
from services.common.parse import text_of
from services.stances.actors import SUBJECT_DEPS, Actors
from services.stances.doctext import (
    SENT_ENDS_KEY,
    columns_of,
    dependents_by_head,
    sent_of,
    sentences_of,
    tokens_of,
)
from services.stances.lexicon import lexicon
from services.stances.quotemarks import QuoteSpan

_SHORT_FRAME = 14  # tokens: a sentence this short after a quote may be just its attribution
_PULL_LINE = re.compile(r"\s*[-–—]\s*([^\n,]+)")


@dataclass
class Attributed:
    span: QuoteSpan
    speaker: EntityRef | None
    cue: Token | None
    sents: list[Span]


def evidence_of(doc: Doc, sents: list[Span]) -> TextSpan:
    start, end = sents[0].start_char, sents[-1].end_char
    text = text_of(doc)[start:end].rstrip()
    return TextSpan(text=text, start=start, end=start + len(text))


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, looking through conjunction, xcomp and participle clauses."""
    doc = verb.doc
    subjects = dependents_by_head(doc, SUBJECT_DEPS)
    v = verb
    for _ in range(4):
        subj = subjects.get(v.i)
        if subj:
            return tokens_of(doc)[subj[0]]
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head != v:
            v = v.head
            continue
        break
    return None


def _sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The Doc's sentences and their end offsets, computed once per Doc."""
    cached = doc.user_data.get(SENT_ENDS_KEY)
    if cached is None:
        sents = sentences_of(doc)
        cached = (sents, [s.end_char for s in sents])
        doc.user_data[SENT_ENDS_KEY] = cached
    return cached  # type: ignore[no-any-return]


def _frame_sents(doc: Doc, span: QuoteSpan) -> list[Span]:
    close = span.close_mark if span.close_mark is not None else span.end
    all_sents, ends = _sentences(doc)
    k = first_k = bisect.bisect_right(ends, span.open_mark)
    sents = []
    while k < len(all_sents) and all_sents[k].start_char <= close:
        sents.append(all_sents[k])
        k += 1
    if not sents:
        return []
    first, last = sents[0], sents[-1]
    # "'...,' he said." split off as its own short sentence.
    if last.end < len(doc):
        nxt = all_sents[k] if k < len(all_sents) else sent_of(tokens_of(doc)[last.end])
        gap = text_of(doc)[close + 1: nxt.start_char]
        if len(nxt) <= _SHORT_FRAME and gap.strip() == "" and "\n" not in gap:
            sents.append(nxt)
    # "X said:" just before the quote.
    if first_k > 0 and first.start_char >= span.open_mark - 1:
        prev = all_sents[first_k - 1]
        if text_of(doc)[prev.start_char: prev.end_char].rstrip().endswith(":"):
            sents.insert(0, prev)
    return sents


def _speech_verbs(sents: list[Span], span: QuoteSpan, actors: Actors) -> list[Token]:
    lex = lexicon()
    out = []
    for s in sents:
        doc = s.doc
        tokens, columns = tokens_of(doc), columns_of(doc)
        for i in range(s.start, s.end):
            if actors.in_quote_at(i) or columns.pos[i] not in ("VERB", "AUX"):
                continue
            if columns.lemma[i] in lex.speech_verbs:
                out.append(tokens[i])
    close = span.close_mark if span.close_mark is not None else span.end

    def distance(t: Token) -> int:
        return span.open_mark - t.idx if t.idx < span.open_mark else t.idx - close

    return sorted(out, key=distance)


def _according_to(sents: list[Span], actors: Actors) -> Token | None:
    for s in sents:
        tokens, lower = tokens_of(s.doc), columns_of(s.doc).lower
        for t in [tokens[i] for i in range(s.start, s.end) if lower[i] == "according"]:
            if not actors.in_quote(t):
                to = next((c for c in t.children if c.lower_ == "to"), None)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if obj is not None:
                    return obj
    return None


def speaker_from_subject(subj: Token, actors: Actors, actors_only: bool = False) -> EntityRef | None:
    """Who a speech verb's subject is; a plain noun phrase ("the statement") unless ``actors_only``."""
    if subj.tag_ in ("WDT", "WP"):
        refs = actors.refs(subj)  # "Russia, which says ..."
        return refs[0] if refs else None
    if subj.pos_ in ("PRON", "NUM") and any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
        refs = actors.refs(subj)  # "one of the residents told AP"
        if refs:
            return refs[0]
    if subj.pos_ == "PRON":
        ref = actors.antecedent(subj)
        if ref is not None:
            actors.add_speaker(subj.i, ref)
        return ref
    refs = actors.refs(subj)
    if refs:
        return refs[0]
    if actors_only or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    generic = actors.refs(subj, actors_only=False)
    return generic[0] if generic else None


def _pull_quote_name(doc: Doc, span: QuoteSpan, actors: Actors) -> EntityRef | None:
    """A pull quote followed by a "- Name, title" line."""
    close = span.close_mark if span.close_mark is not None else span.end
    rest = text_of(doc)[close + 1: close + 200]
    if not rest.startswith("\n") and not rest.strip().startswith(("-", "–", "—")):
        return None
    m = _PULL_LINE.match(rest.lstrip("\n"))
    if m is None:
        return None
    return actors.resolver.for_text(m.group(1).strip())


def attribute(doc: Doc, spans: list[QuoteSpan], actors: Actors) -> list[Attributed]:
    """Speaker, cue and evidence sentences of every quote span, in text order."""
    out: list[Attributed] = []
    for span in spans:
        sents = _frame_sents(doc, span)
        if not sents:
            continue
        speaker: EntityRef | None = None
        cue: Token | None = None
        # An actor subject wins over a nearer plain noun ("said the offer was 'an insult' and vowed").
        fallback: tuple[EntityRef, Token] | None = None
        for verb in _speech_verbs(sents, span, actors):
            subj = subject_of(verb)
            if subj is None:
                continue
            speaker = speaker_from_subject(subj, actors, actors_only=True)
            if speaker is not None:
                cue = verb
                break
            if fallback is None and subj.pos_ in ("NOUN", "PROPN"):
                generic = actors.refs(subj, actors_only=False)
                fallback = (generic[0], verb) if generic else None
        if speaker is None and fallback is not None:
            speaker, cue = fallback
        if speaker is None:
            obj = _according_to(sents, actors)
            if obj is not None:
                refs = actors.refs(obj) or actors.refs(obj, actors_only=False)
                speaker = refs[0] if refs else None
        if speaker is None and out:
            prev = out[-1]
            gap = text_of(doc)[(prev.span.close_mark or prev.span.end) + 1: span.open_mark]
            gap_start = (prev.span.close_mark or prev.span.end) + 1
            frame_end = prev.sents[-1].end_char
            own_attribution = frame_end >= span.open_mark or text_of(doc)[frame_end: span.open_mark].strip() == ""
            if span.continues or "\n" not in gap or (gap.count("\n\n") <= 1 and own_attribution
                                                      and gap_start <= frame_end):
                speaker, cue = prev.speaker, prev.cue
        if speaker is None:
            speaker = _pull_quote_name(doc, span, actors)
        out.append(Attributed(span, speaker, cue, sents))
    # A quote whose attribution only comes with the next quote, right after it:
    # "“We are not leaving.”\n\n“This is our home,” she said."
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        gap = text_of(doc)[(a.span.close_mark or a.span.end) + 1: b.span.open_mark]
        if a.speaker is None and b.speaker is not None and gap.strip() == "" and gap.count("\n") <= 2:
            out[k] = Attributed(a.span, b.speaker, b.cue, a.sents)
    return out


def looks_like_a_name(text: str) -> bool:
    """Quoted titles and names ("Operation Desert Shield", "Gone with the Wind"): not something said."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not words or len(words) > 8 or text.rstrip()[-1:] in ".!?":
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital >= max(2, round(0.6 * len(words)))


def to_quotes(doc: Doc, attributed: list[Attributed]) -> list[Quote]:
    out = []
    for a in attributed:
        text = text_of(doc)[a.span.start: a.span.end]
        if a.speaker is None and looks_like_a_name(text):
            continue
        out.append(Quote(speaker=a.speaker, text=text, start=a.span.start, end=a.span.end, direct=True,
                         cue=a.cue.text if a.cue is not None else None, evidence=evidence_of(doc, a.sents)))
    return out
