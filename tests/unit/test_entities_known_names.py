"""The factored gazetteer pattern must match exactly what the flat one matches."""

from __future__ import annotations

import random
import re

from services.entities.known_names import capitalised_names_pattern


def _both(names: list[str], flags: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    flat = re.compile(r"(?<![\w-])(?=(?-i:[A-Z]))(?:{})(?![\w-])".format("|".join(re.escape(n) for n in names)),
                      flags)
    return flat, capitalised_names_pattern(names, ignore_case=bool(flags))


def test_factored_pattern() -> None:
    assert capitalised_names_pattern(["Ab c", "ab", "Bc", "1x"], ignore_case=True).pattern == \
        r"(?:A(?<![\w-].)(?i:b\ c|b)|B(?<![\w-].)(?i:c))(?![\w-])"
    assert capitalised_names_pattern(["AB", "aB"], ignore_case=False).pattern == r"(?:A(?<![\w-].)(?:B))(?![\w-])"
    assert capitalised_names_pattern(["ab"], ignore_case=False).search("ab Ab") is None


def test_random_texts_match_alike() -> None:
    rnd = random.Random(5)
    words = ["Un", "un", "UN", "Security", "security", "Council", "council", "Doctors", "Without", "Borders",
             "Kk", "K", "k", "-", "_", ".", "é", "É", "Islamic", "State", "state", "of", "1st", "\n", "aUN", "ſt"]
    for _ in range(300):
        names = sorted({" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 3))) for _ in range(12)},
                       key=len, reverse=True)
        if rnd.random() < 0.7:  # the factored pattern (a non-ASCII first letter takes the flat one)
            names = [n for n in names if n[0].isascii()]
        for flags in (re.IGNORECASE, 0):
            flat, factored = _both(names, flags)
            for _ in range(10):
                text = rnd.choice(["", " ", "-", "x"]).join(rnd.choice(words) for _ in range(rnd.randint(0, 20)))
                expected = [(m.span(), m.group(0)) for m in flat.finditer(text)]
                assert [(m.span(), m.group(0)) for m in factored.finditer(text)] == expected, (names, text)
