"""The stage function: pass-through, carried fields, offsets, tone, speed."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.models import ArticleEntities
from services.common.nlp import load_nlp
from services.stances.process import find_stances
from services.stances.testing import article_for

TEXT = ("Freedonia and Sylvania vetoed a draft resolution on Tuesday.\n\n"
        "“This text is an attempt to shield armed groups,” Freedonia's ambassador Ivan Petrov told reporters.\n\n"
        "Norway condemned the veto, and Kenya welcomed the draft.")


def test_skipped_article_passes_through() -> None:
    msg = ArticleEntities(article_id="a", language="de", text="Hallo", skipped="unsupported_language")
    out = find_stances(msg, load_nlp().vocab)
    assert out.skipped == "unsupported_language" and out.quotes == [] and out.stances == []
    assert out.text == "Hallo"


def test_missing_parse_passes_through() -> None:
    msg = ArticleEntities(article_id="a", language="en", text="Some text.", parse=None)
    out = find_stances(msg, load_nlp().vocab)
    assert out.stances == [] and out.text == "Some text."


def test_carried_fields_and_offsets() -> None:
    msg = article_for(TEXT)
    out = find_stances(msg, load_nlp().vocab)
    assert out.text == msg.text and out.entities == msg.entities and out.parse == msg.parse
    assert out.title == msg.title
    for s in out.stances:
        assert TEXT[s.evidence.start:s.evidence.end] == s.evidence.text
        assert 0.0 <= s.confidence <= 1.0
    for q in out.quotes + out.reported_speech:
        assert TEXT[q.start:q.end] == q.text


def test_reported_speech_can_join_quotes() -> None:
    msg = article_for("Ivan Petrov said the talks had failed.")
    out = find_stances(msg, load_nlp().vocab, reported_in_quotes=True)
    assert [q.direct for q in out.quotes] == [False]


def test_tone_lists_salient_entities() -> None:
    out = find_stances(article_for(TEXT), load_nlp().vocab)
    names = {t.entity.name for t in out.tone}
    assert "Freedonia" in names
    for t in out.tone:
        assert -1.0 <= t.tone <= 1.0 and t.sentences >= 1


def test_fast_on_a_rebuilt_doc() -> None:
    msg = article_for("\n\n".join([TEXT] * 10))
    vocab = load_nlp().vocab
    find_stances(msg, vocab)  # warm lexicons and VADER
    start = time.perf_counter()
    for _ in range(5):
        find_stances(msg, vocab)
    per_article = (time.perf_counter() - start) / 5
    assert per_article < 0.25  # ~30 sentences; a few ms per ordinary article


def test_lexicon_loads_as_text() -> None:
    from services.stances.lexicon import lexicon

    lex = lexicon()
    assert "on" in lex.hostility_preps and "false" in lex.negative_evaluation


@pytest.mark.parametrize("text", [
    "", "\n\n", "“", "'", "\"\"\"", "He said.", "“He” ‘she’ \"it\" 'they' said", "it it it it",
    "“Unclosed quote\n\n“Another unclosed\n\n", "Aleph's rebels' 'quote' “x” ” “",
    "The resolution, which, that, who vetoed.", "— said, according to, told that.",
])
def test_odd_texts_never_crash(text: str) -> None:
    out = find_stances(article_for(text), load_nlp().vocab)
    for q in out.quotes + out.reported_speech:
        assert text[q.start:q.end] == q.text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    "Russia vetoed it.", "“No,” he said.", "She told AFP that the plan failed.", "'", "“", "\n\n",
    "Kenya, which backed the draft, abstained.", "According to them, it was over.", "The group said:",
    "They condemned France and Spain for blocking the text.", "Its veto of the deal was criticised.",
]), max_size=8))
def test_random_article_never_crashes(parts: list[str]) -> None:
    text = " ".join(parts)
    out = find_stances(article_for(text), load_nlp().vocab)
    for s in out.stances:
        assert text[s.evidence.start:s.evidence.end] == s.evidence.text
