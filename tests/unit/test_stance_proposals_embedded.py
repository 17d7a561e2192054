"""proposals._embedded (head column walk) agrees with walking Token.head."""

from __future__ import annotations

from spacy.tokens import Token

from services.common.nlp import load_nlp
from services.stances.doctext import forget
from services.stances.proposals import _embedded, _proposal_words, is_proposal

TEXT = ("The council adopted a resolution calling for a ceasefire in Aleppo. Russia vetoed the draft text "
        "that demanded a cease fire, and the plan for a truce under the new agreement failed.")


def _embedded_by_tokens(tok: Token) -> bool:
    t = tok
    for _ in range(8):
        if t.head == t:
            return False
        t = t.head
        if is_proposal(t):
            return True
    return False


def test_embedded_matches_token_walk() -> None:
    doc = load_nlp()(TEXT)
    words = _proposal_words()
    try:
        results = [_embedded(doc, tok.i, words) for tok in doc]
        assert results == [_embedded_by_tokens(tok) for tok in doc]
        assert any(results)
    finally:
        forget(doc)
