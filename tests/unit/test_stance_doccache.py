"""Per-Doc values the stance stage computes once, and the shortcuts built on them: each must give
exactly what the slower path through spaCy Token objects gives."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from services.common.nlp import load_nlp
from services.common.parse import doc_to_parse, parse_text, parse_to_doc, source_parse, text_of
from services.stances.actors import Actors, _inside_quotes
from services.stances.doctext import columns_of, dependents_by_head, sentences_of, tokens_of
from services.stances.lexicon import lexicon
from services.stances.paragraphs import cut_at_paragraphs
from services.stances.process import find_stances
from services.stances.proposals import name_proposals
from services.stances.rules import RULES, find_triples
from services.stances.testing import article_for
from services.stances.triples import Context

TEXT = (
    "Russia vetoed the draft resolution on Monday, while China abstained. \u201cThis is a provocative step,\u201d "
    "Lavrov told reporters.\n\nBritain and France, which drafted the text, condemned the Russian veto. "
    "The UN envoy said the council had failed to pass the ceasefire resolution. Officials from two "
    "rebel groups backed the plan, according to the monitor. Kenya called the decision a disgrace."
)


@pytest.fixture(scope="module")
def doc() -> Doc:
    article = article_for(TEXT)
    assert article.parse is not None
    return parse_to_doc(cut_at_paragraphs(article.parse), load_nlp().vocab)


def test_parse_text_is_the_doc_text(doc: Doc) -> None:
    assert parse_text(doc_to_parse(doc)) == doc.text == text_of(doc)


def test_tokens_are_built_once(doc: Doc) -> None:
    tokens = tokens_of(doc)
    assert tokens is tokens_of(doc)
    assert [t.i for t in tokens] == list(range(len(doc)))


def test_columns_equal_the_token_attributes(doc: Doc) -> None:
    _assert_columns_are_the_token_attributes(doc)


def test_columns_read_from_the_parse_equal_the_token_attributes() -> None:
    article = article_for(TEXT)
    assert article.parse is not None
    parse = cut_at_paragraphs(article.parse)
    doc = parse_to_doc(parse, load_nlp().vocab, keep_source=True)
    assert source_parse(doc) is parse
    _assert_columns_are_the_token_attributes(doc)


def _assert_columns_are_the_token_attributes(doc: Doc) -> None:
    columns = columns_of(doc)
    assert columns is columns_of(doc)
    assert columns.start == [t.idx for t in doc]
    assert columns.end == [t.idx + len(t.text) for t in doc]
    assert columns.head == [t.head.i for t in doc]
    assert columns.pos == [t.pos_ for t in doc]
    assert columns.dep == [t.dep_ for t in doc]
    assert columns.lemma == [t.lemma_.lower() for t in doc]
    assert columns.lower == [t.lower_ for t in doc]
    assert columns.ent_type == [t.ent_type_ for t in doc]
    assert columns.ent_iob == [t.ent_iob_ for t in doc]
    words = {"vetoed", "russia", "say", "the"}  # "vetoed" is a form only, "say" a lemma only
    assert columns.with_lemma(words) == [t.i for t in doc if t.lemma_.lower() in words]
    assert columns.with_form(words) == [t.i for t in doc if t.lower_ in words]
    assert columns.with_word(words) == [t.i for t in doc if t.lemma_.lower() in words or t.lower_ in words]
    assert len(columns.with_word(words)) > len(columns.with_lemma(words)) > 0
    labels = ("nsubj", "nsubjpass", "punct")
    assert columns.with_dep(labels) == [t.i for t in doc if t.dep_ in labels]
    dependents = dependents_by_head(doc, labels)
    assert dependents is dependents_by_head(doc, labels)
    assert all(dependents.get(t.i, []) == [c.i for c in t.children if c.dep_ in labels] for t in doc)
    assert dependents
    sents = list(doc.sents)
    assert len(sents) > 3
    assert [s.start for s in sentences_of(doc)] == [s.start for s in sents]
    assert columns.sent == [next(k for k, s in enumerate(sents) if s.start <= t.i < s.end) for t in doc]


def test_columns_of_an_empty_doc() -> None:
    empty = Doc(load_nlp().vocab, words=[])
    assert columns_of(empty).start == [] and columns_of(empty).sent == []


def test_inside_quotes_takes_the_last_quote_opened() -> None:
    quoted = sorted([(10, 20), (10, 30), (40, 45), (42, 44)])
    offsets = [0, 9, 10, 19, 25, 30, 41, 43, 44, 45, 99]
    # (42, 44) is the last quote opened before 44: it does not cover 44, though (40, 45) does.
    assert _inside_quotes(quoted, offsets) == [False, False, True, True, True, False, True, True, False, False,
                                               False]
    assert _inside_quotes([], offsets) == [False] * len(offsets)


def _context(doc: Doc) -> Context:
    actors = Actors(doc, article_for(TEXT).entities)
    names, order = name_proposals(doc)
    return Context(doc=doc, actors=actors, proposal_names=names, proposal_order=order,
                   speaker_at=lambda _tok: None, lex=lexicon())


def test_rules_skip_only_tokens_that_fire_no_rule(doc: Doc) -> None:
    ctx = _context(doc)
    every_token = [t for rule in RULES for tok in doc if not (tok.is_punct or tok.is_space)
                   and tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN") for t in rule.find(ctx, tok)]
    ctx = _context(doc)
    gated = find_triples(ctx)
    assert gated
    key = [(t.cue, t.polarity, t.kind, [h.name for h in t.holders], [g.name for g in t.targets]) for t in gated]
    assert sorted(key) == sorted((t.cue, t.polarity, t.kind, [h.name for h in t.holders],
                                  [g.name for g in t.targets]) for t in every_token)


def test_stances_of_the_text_are_unchanged_by_reuse() -> None:
    # The per-Doc caches must not leak between articles: the same text twice gives the same result.
    first = find_stances(article_for(TEXT), load_nlp().vocab)
    again = find_stances(article_for(TEXT), load_nlp().vocab)
    assert first.model_dump() == again.model_dump()
    assert first.stances and first.quotes


def test_quote_mark_patterns_find_exactly_the_quote_characters() -> None:
    from services.stances.quotemarks import _DOUBLE_CHARS, _DOUBLE_MARK, _SINGLE_CHARS, _SINGLE_MARK

    sample = "".join(chr(c) for c in range(0x20, 0x2100))
    assert {m.group() for m in _DOUBLE_MARK.finditer(sample)} == _DOUBLE_CHARS
    assert {m.group() for m in _SINGLE_MARK.finditer(sample)} == _SINGLE_CHARS
