"""The event stage's per-doc tree answers as the spaCy Token walks it replaces."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from services.common.nlp import load_nlp
from services.common.parse import doc_to_parse, parse_to_doc
from services.events.tree import Tree, tree_of

TEXT = (
    "Russia and China vetoed the resolution on Monday, which the council had debated for weeks.\n\n"
    "Government forces shelled the town of Kaspi, killing 12 people and wounding 30, activists said. "
    "The envoy, who arrived on 3 May, urged both sides to talk."
)


@lru_cache(maxsize=1)
def _doc() -> Doc:
    doc = load_nlp()(TEXT)
    return parse_to_doc(doc_to_parse(doc), doc.vocab)


def test_structure_matches_the_tokens() -> None:
    doc = _doc()
    tree = Tree(doc)
    for tok in doc:
        i = tok.i
        assert tree.heads[i] == tok.head.i and tree.head(tok) == tok.head
        assert tree.kids(i) == [c.i for c in tok.children]
        assert tree.children_with(tok, ("prep", "dobj")) == [c for c in tok.children if c.dep_ in ("prep", "dobj")]
        assert tree.lefts(tok) == list(tok.lefts) and tree.rights(tok) == list(tok.rights)
        assert tree.subtree(i) == [t.i for t in tok.subtree]
        assert tree.deps[i] == tok.dep_ and tree.pos[i] == tok.pos_
        assert (tree.sent_start(i), tree.sent_end(i)) == (tok.sent.start, tok.sent.end)


def test_tokens_are_made_once_and_entities_read_once() -> None:
    doc = _doc()
    tree = Tree(doc)
    assert tree.tokens[3] is tree.tokens[3] and tree.tokens[3] == doc[3]
    assert tree.tokens.range(2, 5) == list(doc[2:5])
    assert tree.date_spans == tuple(ent for ent in doc.ents if ent.label_ == "DATE")
    dates = {t.i: ent for ent in doc.ents if ent.label_ == "DATE" for t in ent}
    assert dates and tree.date_ents == dates


def test_tree_of_answers_for_the_doc_asked_about() -> None:
    doc = _doc()
    held = tree_of(doc)
    assert tree_of(doc) is held  # kept while someone holds it
    other = load_nlp()("A second text.")
    assert tree_of(other).doc is other
