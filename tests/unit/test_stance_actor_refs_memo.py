"""``Actors.refs`` reuses answers while the discourse memory is unchanged: it must answer exactly as
recomputing every time does, also when speakers are added between the questions."""

from __future__ import annotations

import random
from typing import Any

from spacy.tokens import Doc

from services.common.nlp import load_nlp
from services.common.parse import parse_text, parse_to_doc, remember_text
from services.stances.actors import Actors
from services.stances.doctext import tokens_of
from services.stances.paragraphs import cut_at_paragraphs
from services.stances.testing import article_for

TEXT = (
    "Maria Chen met Daniel Osei and Alex Kim in Geneva. She said the deal was fair, and he said it was not. "
    "The group, which backed the plan, said it would vote. Russia and China, its ally, opposed it. "
    "Officials from two rebel groups said they would fight. Chen said she would return; Osei said he agreed."
)


class _NeverKept(dict[Any, Any]):
    """A memo that forgets everything: ``refs`` then recomputes each answer."""

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


def _actors() -> tuple[Doc, Actors, Actors]:
    article = article_for(TEXT)
    assert article.parse is not None
    parse = cut_at_paragraphs(article.parse)
    doc = parse_to_doc(parse, load_nlp().vocab)
    remember_text(doc, parse_text(parse))
    memo, plain = Actors(doc, article.entities), Actors(doc, article.entities)
    plain._refs_seen = _NeverKept()
    return doc, memo, plain


def test_reused_answers_equal_recomputed_ones() -> None:
    doc, memo, plain = _actors()
    tokens = tokens_of(doc)
    persons = [r.ref for r in memo.records if r.ref.type == "PERSON"]
    rnd = random.Random(3)
    for step in range(400):
        tok = rnd.choice(tokens)
        flags = {"resolve_pronouns": rnd.random() < 0.8, "actors_only": rnd.random() < 0.7}
        assert memo.refs(tok, **flags) == plain.refs(tok, **flags), (step, tok.text)
        if step % 50 == 49:
            at, speaker = rnd.randrange(len(tokens)), rnd.choice(persons)
            memo.add_speaker(at, speaker)
            plain.add_speaker(at, speaker)


def test_a_new_speaker_changes_what_a_pronoun_after_it_means() -> None:
    doc, memo, plain = _actors()
    he = next(t for t in tokens_of(doc) if t.lower_ == "he")
    osei = next(r.ref for r in memo.records if r.ref.name == "Daniel Osei")
    first = memo.refs(he)
    assert first == plain.refs(he) and first != [osei]
    memo.add_speaker(he.i - 1, osei)
    plain.add_speaker(he.i - 1, osei)
    assert memo.refs(he) == plain.refs(he) == [osei]
