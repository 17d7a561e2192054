"""cut_at_paragraphs: arcs and sentences kept inside paragraphs; a parse with nothing to cut is returned as is."""

from __future__ import annotations

from services.stances.paragraphs import cut_at_paragraphs, paragraph_ids
from services.stances.testing import article_for

GLUED = "Russia vetoes the Syria draft\n\nRussia vetoed the draft resolution on Monday and China abstained."
PLAIN = "Russia vetoed the draft resolution on Monday.\n\nChina abstained, its envoy said."


def test_arcs_and_sentences_stay_inside_paragraphs() -> None:
    for text in (GLUED, PLAIN):
        parse = article_for(text).parse
        assert parse is not None
        cut = cut_at_paragraphs(parse)
        paras = paragraph_ids(cut).tolist()
        assert paras == [text[:offset].count("\n\n") for offset in cut.offsets]
        assert all(paras[h] == paras[i] for i, h in enumerate(cut.heads))
        assert all(cut.sent_starts[i] for i in range(1, cut.n) if paras[i] != paras[i - 1])


def test_a_parse_with_nothing_to_cut_is_returned_as_is() -> None:
    parse = article_for(PLAIN).parse
    assert parse is not None
    once = cut_at_paragraphs(parse)
    assert cut_at_paragraphs(once) is once
