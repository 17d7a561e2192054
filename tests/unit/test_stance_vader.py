"""NewsVader must score exactly as the vaderSentiment library does."""

from __future__ import annotations

import random

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

from services.stances.evaluation import tone_of, vader

_SENTENCES = [
    "The draft is a provocative step.",
    "Lavrov said the resolution was not acceptable, but talks would go on.",
    "It is kind of good, at least not the worst outcome!!",
    "No one was hurt and no deal is better than a BAD deal.",
    "They never so much as condemned the attack???",
    "The ministry called it a cut-throat plan without doubt.",
    "A quiet day in the council.",
    "I love it 😀 so much",
    "",
    "   ",
]


def _fuzz(count: int) -> list[str]:
    """Random sentences from the words VADER's special rules look at, plus lexicon words."""
    rnd = random.Random(7)
    lexicon = sorted(SentimentIntensityAnalyzer().lexicon)
    words = ["no", "not", "never", "so", "this", "without", "doubt", "kind", "of", "least", "at", "very", "but",
             "or", "nor", "GREAT", "Terrible", "isn't", "the", "council", ":)", "😡"]
    words += sorted(BOOSTER_DICT)[:20] + NEGATE[:10] + [w for k in SPECIAL_CASES for w in k.split()]
    words += rnd.sample(lexicon, 60)
    return [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 14))) + rnd.choice(["", ".", "!!", "???"])
            for _ in range(count)]


def test_scores_equal_the_library() -> None:
    library = SentimentIntensityAnalyzer()
    for text in _SENTENCES + _fuzz(3000):
        expected = library.polarity_scores(text)
        assert vader().polarity_scores(text) == expected, text
        assert repr(tone_of(text)) == repr(expected["compound"]), text
