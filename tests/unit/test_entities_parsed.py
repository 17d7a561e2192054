from __future__ import annotations

from services.common.nlp import load_nlp
from services.entities.parsed import ParsedDoc

TEXT = ('Angela Merkel met Ivan Petrov in Berlin.  "We will not accept it," the United Nations said.\n\n'
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


def test_tokens_are_the_docs_tokens() -> None:
    doc = load_nlp()(TEXT)
    parsed = ParsedDoc(doc)
    assert [t.i for t in parsed.tokens] == list(range(len(doc)))
    for start in range(len(doc) - 3):
        for end in (start + 1, start + 3):
            assert parsed.root(start, end).i == doc[start:end].root.i
            assert parsed.root(start, end) is parsed.tokens[parsed.root(start, end).i]


def test_place_context_is_remembered_per_span() -> None:
    from services.entities.context import _place_context, place_context

    doc = load_nlp()(TEXT)
    parsed = ParsedDoc(doc, TEXT)
    for start in range(1, len(doc) - 2):
        for end in (start + 1, start + 2):
            assert place_context(parsed, start, end) == _place_context(ParsedDoc(doc, TEXT), start, end, 0)
            assert (start, end, 0) in parsed.place_contexts
