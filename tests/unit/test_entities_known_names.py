"""The factored gazetteer alternation must match exactly what the flat one matches."""

from __future__ import annotations

import random
import re

from services.entities.known_names import alternatives_by_first_letter


def _both(names: list[str], flags: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    wrap = r"(?<![\w-])(?=(?-i:[A-Z]))(?:{})(?![\w-])"
    flat = re.compile(wrap.format("|".join(re.escape(n) for n in names)), flags)
    factored = re.compile(wrap.format(alternatives_by_first_letter(names, ignore_case=bool(flags))), flags)
    return flat, factored


def test_factored_pattern() -> None:
    assert alternatives_by_first_letter(["Ab c", "ab", "Bc"], ignore_case=True) == r"A(?:b\ c|b)|B(?:c)"
    assert alternatives_by_first_letter(["AB", "aB"], ignore_case=False) == "A(?:B)|a(?:B)"


def test_random_texts_match_alike() -> None:
    rnd = random.Random(5)
    words = ["Un", "un", "UN", "Security", "security", "Council", "council", "Doctors", "Without", "Borders",
             "Kk", "K", "-", "_", ".", "é", "Islamic", "State", "state", "of"]
    for _ in range(300):
        names = sorted({" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 3))) for _ in range(12)},
                       key=len, reverse=True)
        for flags in (re.IGNORECASE, 0):
            flat, factored = _both(names, flags)
            for _ in range(10):
                text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 20)))
                expected = [(m.span(), m.group(0)) for m in flat.finditer(text)]
                assert [(m.span(), m.group(0)) for m in factored.finditer(text)] == expected, (names, text)
