"""whole_word_matches must find what the alternation regex it replaces finds."""

from __future__ import annotations

import random
import re

from services.entities.propagate import whole_word_matches


def _regex_matches(text: str, names: list[str]) -> list[tuple[int, str]]:
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)]


def test_examples() -> None:
    text = "Merkel met Angela Merkel; Merkel-style talks, al-Assad and Assad. Merkel_x AssadAssad Assad"
    names = ["Angela Merkel", "al-Assad", "Merkel", "Assad"]
    assert whole_word_matches(text, names) == _regex_matches(text, names)
    assert whole_word_matches(text, names)[:2] == [(0, "Merkel"), (11, "Angela Merkel")]


def test_random_texts_agree_with_the_regex() -> None:
    rnd = random.Random(3)
    pieces = ["Ab", "Ab Cd", "Cd", "Ab-Cd", "AbAb", "é", "Éb", "_", "-", " ", " ", ".", "(", "3", "Cd Ab", "x", "ß"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        names = rnd.sample(["Ab", "Cd", "Ab Cd", "Cd Ab", "AbAb", "Éb", "b C", "Ab-Cd", "é"], rnd.randint(1, 5))
        names.sort(key=len, reverse=True)
        assert whole_word_matches(text, names) == _regex_matches(text, names), (text, names)
