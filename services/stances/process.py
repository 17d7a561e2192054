"""Quotes and stances of one article (pure): the position map of a story.

The carried parse is rebuilt into a Doc (the model never runs again); quotes
are found from quotation marks and attributed, reported speech and stance
triples are read from the dependency parse, and every claim keeps the
sentence it came from as evidence (text == article.text[start:end]).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from schemas.models import ArticleEntities, ArticleStances, EntityRef, Quote, Stance
from schemas.models import Span as TextSpan
from services.common.parse import parse_text, parse_to_doc, remember_text, text_of
from services.stances import quotes as direct
from services.stances import reported as indirect
from services.stances.actors import Actors
from services.stances.doctext import forget
from services.stances.evaluation import evaluate_region
from services.stances.lexicon import lexicon
from services.stances.paragraphs import cut_at_paragraphs
from services.stances.proposals import name_proposals
from services.stances.quotemarks import find_quote_spans
from services.stances.rules import find_triples
from services.stances.tone import entity_tones
from services.stances.triples import Context, Triple


def _carry(msg: ArticleEntities) -> ArticleStances:
    return ArticleStances(
        article_id=msg.article_id,
        submitted_at=msg.submitted_at,
        url=msg.url,
        source=msg.source,
        title=msg.title,
        published_at=msg.published_at,
        language=msg.language,
        skipped=msg.skipped,
        duplicate_of=msg.duplicate_of,
        text=msg.text,
        entities=msg.entities,
        parse=msg.parse,
    )


def _key(ref: EntityRef) -> str:
    return ref.entity_id or ref.name.lower()


def _to_stances(doc: Doc, triples: list[Triple]) -> list[Stance]:
    out: list[Stance] = []
    seen: set[tuple[str, str, str, int]] = set()
    evidence: dict[int, TextSpan] = {}  # per sentence start: many triples share a sentence
    for tr in triples:
        ev = evidence.get(tr.sent.start)
        if ev is None:
            ev = evidence[tr.sent.start] = direct.evidence_of(doc, [tr.sent])
        for h in tr.holders:
            for t in tr.targets:
                if _key(h) == _key(t):
                    continue
                key = (_key(h), _key(t), tr.polarity, ev.start)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Stance(holder=h, target=t, polarity=tr.polarity, cue=tr.cue,  # type: ignore[arg-type]
                                  evidence=ev, confidence=tr.confidence, kind=tr.kind))
    return out


def analyse(doc: Doc, msg: ArticleEntities) -> tuple[list[Quote], list[Quote], list[Stance]]:
    """(direct quotes, reported speech, stances) of one article's rebuilt Doc."""
    spans = find_quote_spans(text_of(doc))
    actors = Actors(doc, msg.entities, [(s.open_mark, (s.close_mark or s.end) + 1) for s in spans])
    attributed = direct.attribute(doc, spans, actors)
    reported = indirect.find_reported(doc, actors)

    starts = [a.span.open_mark for a in attributed]

    def speaker_at(tok: Token) -> EntityRef | None:
        k = bisect.bisect_right(starts, tok.idx) - 1
        if k >= 0 and attributed[k].span.open_mark <= tok.idx <= (attributed[k].span.close_mark or
                                                                     attributed[k].span.end):
            return attributed[k].speaker
        return None

    names, order = name_proposals(doc)
    ctx = Context(doc=doc, actors=actors, proposal_names=names, proposal_order=order, speaker_at=speaker_at,
                  lex=lexicon())
    triples = find_triples(ctx)
    for a in attributed:
        triples.extend(evaluate_region(ctx, a.speaker, a.span.start, a.span.end))
    for r in reported:
        triples.extend(evaluate_region(ctx, r.speaker, r.clause.start_char, r.clause.end_char))
    return direct.to_quotes(doc, attributed), indirect.to_quotes(doc, reported), _to_stances(doc, triples)


def find_stances(msg: ArticleEntities, vocab: Vocab, reported_in_quotes: bool = False) -> ArticleStances:
    """The article's quotes, reported speech, stances and entity tone, with the carried fields passed on."""
    out = _carry(msg)
    if msg.skipped or msg.parse is None or not msg.parse.words:
        return out
    parse = cut_at_paragraphs(msg.parse)
    doc = parse_to_doc(parse, vocab, keep_source=True)  # the stance columns read their names from it
    remember_text(doc, parse_text(parse))
    try:
        quotes, reported, stances = analyse(doc, msg)
        out.quotes = sorted(quotes + reported, key=lambda q: q.start) if reported_in_quotes else quotes
        out.reported_speech = reported
        out.stances = stances
        out.tone = entity_tones(doc, msg.entities, stances)
    finally:
        forget(doc)  # the Doc is freed now, not by a later garbage collection
    return out
