"""The per-doc indexes of the event stage (paragraph breaks, text and lemma/POS columns taken from the parse)
answer as the Token walks they replaced."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from services.common.nlp import load_nlp
from services.common.parse import doc_to_parse, parse_text, parse_to_doc
from services.events.coder import Coder
from services.events.lexicon import default_lexicon
from services.events.process import paragraph_clip
from services.events.syntax import crosses_paragraph, is_paragraph_break, paragraph_breaks

TEXT = (
    "Rebels shelled the town\n\nRussia and China vetoed the resolution on Monday. The envoy said\n"
    "talks would resume.\n \nGovernment forces recaptured two villages near the border, officials said.\n\n\n"
    "End"
)


@lru_cache(maxsize=1)
def _doc() -> Doc:
    return load_nlp()(TEXT)


def _clip_by_walk(tok: Token) -> Span:
    sent = tok.sent
    start, end = sent.start, sent.end
    for t in sent:
        if t.is_space and "\n" in t.text:
            if t.i < tok.i:
                start = t.i + 1
            elif t.i > tok.i:
                end = t.i
                break
    span = tok.doc[start:end]
    while len(span) > 1 and span[-1].is_space:
        span = span[:-1]
    return span


def _crosses_by_walk(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.is_space and "\n" in t.text for t in a.doc[lo:hi]) or any(
        "\n" in t.whitespace_ for t in a.doc[lo:hi])


def test_breaks_are_the_newline_space_tokens() -> None:
    doc = _doc()
    want = [t.i for t in doc if t.is_space and "\n" in t.text]
    assert want and paragraph_breaks(doc) == want
    assert [i for i in range(len(doc)) if is_paragraph_break(doc, i)] == want


def test_clip_and_crossing_match_the_token_walks() -> None:
    doc = _doc()
    for tok in doc:
        assert paragraph_clip(tok) == _clip_by_walk(tok)
        for other in doc:
            assert crosses_paragraph(tok, other) == _crosses_by_walk(tok, other)


def test_parse_text_is_the_doc_text() -> None:
    doc = _doc()
    parse = doc_to_parse(doc)
    assert parse_text(parse) == doc.text == parse_to_doc(parse, doc.vocab).text


def test_coder_columns_from_the_parse_match_the_doc() -> None:
    parse = doc_to_parse(_doc())
    doc = parse_to_doc(parse, _doc().vocab)
    refs = None  # the columns do not need the resolver
    from_doc = Coder(doc, default_lexicon(), refs)  # type: ignore[arg-type]
    from_parse = Coder(doc, default_lexicon(), refs, lemma_pos=(parse.lower_lemmas, parse.pos))  # type: ignore[arg-type]
    assert from_parse.lemmas == from_doc.lemmas == [lemma.lower() for lemma in parse.lemmas]
    assert from_parse.pos == from_doc.pos
