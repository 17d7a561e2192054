from __future__ import annotations

import random
import re

from services.entities.salience import in_headline, whole_words_in

_ALPHABET = "ab -_'.1²é\u0301ß東"


def _regex(name: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text) is not None


def test_whole_words_in_agrees_with_the_regex() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        name = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 3)))
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12)))
        assert whole_words_in(name, text) == _regex(name, text), (name, text)


def test_in_headline() -> None:
    assert in_headline("Merkel meets Putin", {"putin"})
    assert not in_headline("Merkel meets Putinists", {"putin"})
    assert not in_headline("Anti-Putin rally", {"putin"})
    assert not in_headline(None, {"putin"})
