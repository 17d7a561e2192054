from __future__ import annotations

from services.common.nlp import load_nlp
from services.common.parse import doc_to_parse, parse_to_doc


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


def test_empty_parse() -> None:
    nlp = load_nlp()
    assert len(parse_to_doc(doc_to_parse(nlp("")), nlp.vocab)) == 0
