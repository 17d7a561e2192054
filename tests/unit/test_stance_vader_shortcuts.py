"""Assumptions NewsVader's shortcuts rest on."""

from __future__ import annotations

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from services.stances.evaluation import vader


def test_no_emoji_is_ascii() -> None:
    """``has_emoji`` skips ASCII texts without looking at their characters."""
    assert vader().emoji_chars
    assert not any(k.isascii() for k in vader().emoji_chars)
    assert vader().has_emoji("I love it \U0001f600 so much")
    assert not vader().has_emoji("I love it :) so much")


def test_compound_equals_the_library_on_upper_case_boosters_and_least() -> None:
    library = SentimentIntensityAnalyzer()
    for text in ["The UN said it was VERY bad and EXTREMELY good.", "At least not the least bad", "least good",
                 "very least good!", "It is NOT GOOD at ALL", "KIND OF great", "barely ok but SO GREAT?!"]:
        assert repr(vader().compound(text)) == repr(library.polarity_scores(text)["compound"]), text


def test_compound_equals_the_library_around_idioms() -> None:
    """The idiom check is skipped only where no idiom word is near: each idiom and multi-word booster still counts."""
    library = SentimentIntensityAnalyzer()
    for text in ["The new plan is the bomb, truly good.", "That vote was a kiss of death for a good deal.",
                 "Yeah right, a great idea to die for.", "It is sort of good and just enough fun.",
                 "The bad ass envoy was kind of happy at the bus stop.", "Good good good, he said, not bad at all."]:
        assert repr(vader().compound(text)) == repr(library.polarity_scores(text)["compound"]), text
