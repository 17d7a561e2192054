from __future__ import annotations

from services.common.nlp import load_nlp
from services.entities.parsed import ParsedDoc

TEXT = ('Angela Merkel met Ivan Petrov and 300 Syrians in Berlin.  "We will not accept it," the UN said.\n\n'
        "The council's envoy, he added, would meet again in Geneva.")


def test_span_text_equals_spacys_span_text() -> None:
    doc = load_nlp()(TEXT)
    parsed = ParsedDoc(doc, TEXT)
    assert parsed.text == doc.text
    assert len(parsed) == len(doc)
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            assert parsed.span_text(start, end) == doc[start:end].text
    assert parsed.span_text(5, 3) == doc[5:3].text == ""


def test_tokens_and_columns_are_the_docs() -> None:
    doc = load_nlp()(TEXT)
    parsed = ParsedDoc(doc)
    assert [t.i for t in parsed.tokens] == list(range(len(doc)))
    assert parsed.words == [t.text for t in doc]
    assert parsed.lowers == [t.lower_ for t in doc]
    assert parsed.pos == [t.pos_ for t in doc]
    assert parsed.deps == [t.dep_ for t in doc]
    assert parsed.heads == [t.head.i for t in doc]
    assert parsed.nummod_heads == {t.i for t in doc if any(c.dep_ == "nummod" for c in t.children)}
    assert [parsed.end_of(t.i) for t in doc] == [t.idx + len(t.text) for t in doc]
    for start in range(len(doc) - 3):
        for end in (start + 1, start + 3):
            assert parsed.root(start, end) == doc[start:end].root.i


def test_place_context_is_remembered_per_span() -> None:
    from services.entities.context import _place_context, place_context

    doc = load_nlp()(TEXT)
    parsed = ParsedDoc(doc, TEXT)
    for start in range(1, len(doc) - 2):
        for end in (start + 1, start + 2):
            assert place_context(parsed, start, end) == _place_context(ParsedDoc(doc, TEXT), start, end, 0)
            assert (start, end, 0) in parsed.place_contexts
