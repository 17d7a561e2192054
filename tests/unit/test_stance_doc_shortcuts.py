"""Shortcuts of the stance stage that stand in for spaCy properties must give what those properties give."""

from __future__ import annotations

from spacy.tokens import Doc

from services.common.nlp import load_nlp
from services.common.parse import parse_to_doc
from services.stances.doctext import sent_of, tokens_of
from services.stances.paragraphs import cut_at_paragraphs
from services.stances.testing import article_for

TEXT = (
    "Russia vetoed the draft resolution on Monday. China abstained.\n\n\u201cThis is a provocative step,\u201d "
    "Lavrov told reporters. Britain and France condemned the veto"
)


def _doc() -> Doc:
    article = article_for(TEXT)
    assert article.parse is not None
    return parse_to_doc(cut_at_paragraphs(article.parse), load_nlp().vocab)


def test_sent_of_is_the_token_sentence() -> None:
    doc = _doc()
    assert len(list(doc.sents)) > 3
    for tok in tokens_of(doc):
        own, spacy_sent = sent_of(tok), tok.sent
        assert (own.start, own.end, own.start_char, own.end_char) == (
            spacy_sent.start, spacy_sent.end, spacy_sent.start_char, spacy_sent.end_char)
