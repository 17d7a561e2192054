from __future__ import annotations

import base64
import json

import numpy
import pytest
import spacy
from pydantic import ValidationError
from spacy.tokens import Doc

from schemas.models import Parse
from services.common.nlp import load_nlp
from services.common.parse import constructor_doc, doc_to_parse, parse_to_doc, source_parse


def test_carried_parse_rebuilds_the_same_doc() -> None:
    nlp = load_nlp()
    text = ('Freedonia and Sylvania on Tuesday vetoed a resolution.  "We will not accept it," '
            "Ivan Petrov said.\n\nThe council, he added, would meet again in Geneva.")
    doc = nlp(text)
    parse = doc_to_parse(doc)
    again = parse_to_doc(parse.model_validate_json(parse.model_dump_json()), nlp.vocab)
    assert again.text == text
    assert [(t.i, t.idx, t.dep_, t.head.i, t.pos_, t.tag_, t.lemma_) for t in again] == \
        [(t.i, t.idx, t.dep_, t.head.i, t.pos_, t.tag_, t.lemma_) for t in doc]
    assert [(e.start_char, e.end_char, e.label_) for e in again.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert [s.start for s in again.sents] == [s.start for s in doc.sents]
    assert parse.offsets == [t.idx for t in doc]


def test_the_parse_of_a_doc_is_what_validation_makes_of_it() -> None:
    """doc_to_parse skips validation (its columns are right by construction): they must pass it unchanged."""
    nlp = load_nlp()
    for text in ("", "Hi.", 'Freedonia vetoed it.  "No," Ivan Petrov said in Geneva.\n\nThe UN met.'):
        parse = doc_to_parse(nlp(text))
        validated = Parse.model_validate(parse.model_dump())
        assert validated.model_dump_json() == parse.model_dump_json()
        assert validated.model_fields_set == parse.model_fields_set
        assert validated.ents == parse.ents


def test_empty_parse() -> None:
    nlp = load_nlp()
    assert len(parse_to_doc(doc_to_parse(nlp("")), nlp.vocab)) == 0


TEXT = ('Angela Merkel met Ivan Petrov in Berlin.  "We will not accept it," the United Nations said.\n\n'
        "The council, he added, would meet again in Geneva on Friday.")


def _token_fields(doc: Doc) -> list[tuple[object, ...]]:
    return [(t.i, t.idx, t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.is_sent_start,
             t.ent_iob_, t.ent_type_, t.left_edge.i, t.right_edge.i, [c.i for c in t.children]) for t in doc]


def test_columns_equal_the_token_attributes() -> None:
    doc = load_nlp()(TEXT)
    parse = doc_to_parse(doc)
    assert parse.words == [t.text for t in doc]
    assert parse.spaces == [bool(t.whitespace_) for t in doc]
    assert parse.tags == [t.tag_ for t in doc]
    assert parse.pos == [t.pos_ for t in doc]
    assert parse.deps == [t.dep_ for t in doc]
    assert parse.heads == [t.head.i for t in doc]
    assert parse.lemmas == [t.lemma_ for t in doc]
    assert parse.sent_starts == [bool(t.is_sent_start) for t in doc]
    assert parse.ents == [(e.start, e.end, e.label_) for e in doc.ents]
    assert parse.offsets == [t.idx for t in doc]


def test_rebuilt_doc_equals_spacysconstructor_doc() -> None:
    nlp = load_nlp()
    doc = nlp(TEXT)
    parse = doc_to_parse(doc)
    fast, reference = parse_to_doc(parse, nlp.vocab), constructor_doc(parse, nlp.vocab)
    assert _token_fields(fast) == _token_fields(reference) == _token_fields(doc)
    assert fast.to_bytes() == reference.to_bytes()
    assert [(s.start, s.end) for s in fast.sents] == [(s.start, s.end) for s in doc.sents]


def test_rebuild_into_a_fresh_vocab() -> None:
    """The downstream stages run in other processes: lemmas and labels must reach their string store."""
    doc = load_nlp()(TEXT)
    again = parse_to_doc(doc_to_parse(doc), spacy.blank("en").vocab)
    assert _token_fields(again) == _token_fields(doc)


def test_unusual_columns_take_the_constructor_path() -> None:
    nlp = load_nlp()
    parse = doc_to_parse(nlp(TEXT))
    overlapping = parse.model_copy(update={"ents": [(0, 2, "PERSON"), (1, 3, "ORG")]})
    rebuilt = parse_to_doc(overlapping, nlp.vocab, keep_source=True)
    assert _token_fields(rebuilt) == _token_fields(constructor_doc(overlapping, nlp.vocab))
    assert source_parse(rebuilt) is None  # its fields were not written from the index columns
    unknown_pos = Parse.from_lists(words=parse.words, spaces=parse.spaces, tags=parse.tags,
                                   pos=["NOTAPOS", *parse.pos[1:]], deps=parse.deps, heads=parse.heads,
                                   lemmas=parse.lemmas, sent_starts=parse.sent_starts, ents=parse.ents)
    with pytest.raises(ValueError):
        parse_to_doc(unknown_pos, nlp.vocab)


def _lists(parse: Parse) -> dict[str, object]:
    return {"words": parse.words, "spaces": parse.spaces, "tags": parse.tags, "pos": parse.pos, "deps": parse.deps,
            "heads": parse.heads, "lemmas": parse.lemmas, "sent_starts": parse.sent_starts, "ents": parse.ents}


def test_the_wire_form_is_compact_and_the_older_list_form_is_still_read() -> None:
    parse = doc_to_parse(load_nlp()(TEXT * 20))
    lists = _lists(parse)
    older = json.dumps({**lists, "offsets": parse.offsets})
    assert len(parse.model_dump_json()) < len(older) / 2
    assert _lists(Parse.model_validate_json(older)) == lists
    assert _lists(Parse.from_lists(**lists)) == lists  # type: ignore[arg-type]


def test_with_syntax_changes_only_heads_labels_and_sentence_starts() -> None:
    parse = doc_to_parse(load_nlp()(TEXT))
    heads = [i for i in range(parse.n)]
    deps = ["ROOT", "a_new_label", *parse.deps[2:]]
    starts = [True] * parse.n
    changed = parse.with_syntax(heads=heads, deps=deps, sent_starts=starts)
    assert (changed.heads, changed.deps, changed.sent_starts) == (heads, deps, starts)
    assert {k: v for k, v in _lists(changed).items() if k not in ("heads", "deps", "sent_starts")} == \
        {k: v for k, v in _lists(parse).items() if k not in ("heads", "deps", "sent_starts")}


@pytest.mark.parametrize("field, value", [
    ("n", 3),  # columns hold another number of tokens
    ("index_columns", "not base64!"),
    ("head_column", base64.b64encode(numpy.full(4, 99, dtype="<i4").tobytes()).decode()),  # head out of range
    ("index_columns", base64.b64encode(numpy.full((5, 4), 50, dtype="<u2").tobytes()).decode()),  # no such string
])
def test_inconsistent_columns_are_rejected(field: str, value: object) -> None:
    parse = Parse.from_lists(words=["a", "b", "c", "d"], spaces=[True] * 4, tags=["X"] * 4, pos=["X"] * 4,
                             deps=["dep"] * 4, heads=[0, 0, 0, 0], lemmas=["a", "b", "c", "d"],
                             sent_starts=[True, False, False, False])
    with pytest.raises(ValidationError):
        Parse.model_validate({**parse.model_dump(), field: value})
