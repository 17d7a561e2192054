"""Quote-mark pairing on plain text: curly and straight marks, apostrophes, unbalanced marks, paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.stances.quotemarks import find_quote_spans


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quote_spans(text)]


def test_curly_double_quotes() -> None:
    assert texts("The minister said: “We will not give up the port.”") == ["We will not give up the port."]


def test_straight_double_quotes() -> None:
    t = 'The mayor said "the bridge will reopen in May" and left.'
    assert texts(t) == ["the bridge will reopen in May"]


def test_single_quotes_paired_but_apostrophes_ignored() -> None:
    t = "The town’s council called the plan 'a reckless gamble' while the farmers' union stayed silent."
    assert texts(t) == ["a reckless gamble"]


def test_possessive_apostrophes_never_open_a_quote() -> None:
    t = "Harbin's mayor met the rebels' envoys in the governor’s office. Nobody spoke to the press."
    assert find_quote_spans(t) == []


def test_plural_possessive_inside_single_quote() -> None:
    t = "He called it 'the guards' last stand' before leaving."
    assert texts(t) == ["the guards' last stand"]


def test_quote_spanning_sentences() -> None:
    t = "“The talks failed. We will try again next week,” the envoy said."
    assert texts(t) == ["The talks failed. We will try again next week"]


def test_quote_continued_in_next_paragraph() -> None:
    t = "“The first part runs on.\n\n“And the second part ends here,” she said."
    spans = find_quote_spans(t)
    assert [t[s.start:s.end] for s in spans] == ["The first part runs on.", "And the second part ends here"]
    assert spans[0].runs_on and spans[1].continues


def test_unclosed_quote_stops_at_its_attribution() -> None:
    t = "“They have wrecked the talks, she said. “This is a dark day for everyone.”"
    assert texts(t) == ["They have wrecked the talks", "This is a dark day for everyone."]


def test_unclosed_quote_without_attribution_ends_at_paragraph() -> None:
    t = "He shouted “nobody leaves this room\n\nThe meeting ended at noon."
    assert texts(t) == ["nobody leaves this room"]


def test_stray_closing_mark_is_ignored() -> None:
    assert texts("The vote ended” and the delegates left.") == []


def test_unmatched_single_mark_is_not_paired_across_paragraphs() -> None:
    t = "The 'plan was vague.\n\nLater the rebels' spokesman spoke."
    assert texts(t) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n'\"“”‘’s")), max_size=80))
def test_never_crashes_and_spans_stay_inside(text: str) -> None:
    spans = find_quote_spans(text)
    last = -1
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start > last  # in order, not overlapping
        last = s.end - 1
