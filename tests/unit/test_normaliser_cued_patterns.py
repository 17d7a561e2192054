"""The keyword pre-checks of the cued patterns and the token scan of the JSON depth check change no answer."""

from __future__ import annotations

import random
import re
import string
import sys

import pytest

from services.normaliser import intake, patterns

_CUED = {"FOOTER": patterns.FOOTER, "BOILERPLATE": patterns.BOILERPLATE, "STRONG_PROMO": patterns.STRONG_PROMO,
         "EMBED": patterns.EMBED, "TRAILING_COPYRIGHT": patterns.TRAILING_COPYRIGHT}
# Pieces of embeds and copyright tails the lowercase words of the patterns do not spell.
_EXTRA_PHRASES = ["pic.twitter.com/x", "https://t.co/ab", "— Jane Roe (@jroe) 5 May", "- x (@ab)", "(c) ", "© ",
                  "a long sentence that ends right here. ", "it said.” ", "copyright "]
# Characters that re.IGNORECASE equates with ASCII letters although they are not ASCII.
_CASE_TRAPS = "\u0130\u0131\u017f\u212a\u00df\u1e9e"


def test_ascii_case_key_maps_every_ignorecase_twin_of_an_ascii_letter() -> None:
    every_char = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in string.ascii_lowercase:
        for m in re.finditer(letter, every_char, re.IGNORECASE):
            assert patterns.ascii_case_key(m.group(0)) == letter, hex(ord(m.group(0)))


def _mangled(rng: random.Random, text: str) -> str:
    """``text`` with random case changes, including the non-ASCII twins of i, s and k."""
    twins = {"i": "\u0130\u0131Ii", "s": "\u017fSs", "k": "\u212aKk"}
    out = []
    for ch in text:
        if ch in twins and rng.random() < 0.3:
            out.append(rng.choice(twins[ch]))
        else:
            out.append(ch.upper() if rng.random() < 0.3 else ch)
    return "".join(out)


def _phrases(pattern: re.Pattern[str]) -> list[str]:
    """Literal-looking fragments of the pattern's own alternatives, to plant in random lines."""
    words = re.findall(r"[a-z][a-z ]{2,}[a-z]", pattern.pattern)
    return sorted(set(words))


@pytest.mark.parametrize("name", sorted(_CUED))
def test_cued_pattern_answers_like_its_regex(name: str) -> None:
    cued = _CUED[name]
    rng = random.Random(name)
    phrases = [*_phrases(cued.regex), *_EXTRA_PHRASES, "the", "a", "an", "or", "and", "news", "media", "our", "is"]
    filler = string.ascii_letters + "  ,.\"“”'’:-" + _CASE_TRAPS
    for _ in range(20000):
        parts = []
        for _ in range(rng.randint(1, 8)):
            if rng.random() < 0.6:
                parts.append(_mangled(rng, rng.choice(phrases)))
            else:
                parts.append("".join(rng.choice(filler) for _ in range(rng.randint(0, 6))))
        line = rng.choice(["", " ", ", "]).join(parts)
        want = [m.span() for m in cued.regex.finditer(line)]
        assert [m.span() for m in cued.finditer(line)] == want, line
        assert bool(cued.search(line)) == bool(want), line
        match = cued.match(line)
        assert (match and match.span()) == ((m := cued.regex.match(line)) and m.span()), line


def test_cued_patterns_on_typical_lines() -> None:
    lines = [
        "© 2025 Example Media. All Rights Reserved.",
        "Example News is an independent news organisation based in the capital.",
        "We use cookies to improve your experience. Accept all cookies",
        "Sign up for our newsletter and get the day's headlines in your inbox.",
        "This article may not be published, broadcast, rewritten or redistributed.",
        "The minister said on Tuesday that talks would resume next week.",
        "ALL RİGHTS RESERVED", "privacy poLıcy", "CoPyRıGHT", "Cookie \u017eettings",
        "Talks resumed on Monday after a long pause. © Example 24", "Watch pic.twitter.com/abc",
        "— Jane Roe (@jroe) March 5, 2024", "A statement was issued by the ministry. (C) Example",
    ]
    for line in lines:
        for cued in _CUED.values():
            assert [m.span() for m in cued.finditer(line)] == [m.span() for m in cued.regex.finditer(line)]
            assert bool(cued.match(line)) == bool(cued.regex.match(line))


def _json_depth_ok_by_chars(text: str) -> bool:
    """The character-by-character scan the token scan replaced."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > intake._MAX_JSON_DEPTH:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def test_json_depth_token_scan_matches_the_character_scan() -> None:
    rng = random.Random(7)
    for _ in range(30000):
        alphabet = rng.choice(['[]{}"\\ax\n', '[[[[{"\\]', '[{"\\x'])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        assert intake._json_depth_ok(text) == _json_depth_ok_by_chars(text), repr(text)
    for depth in range(28, 40):
        for text in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth,
                     '["\\\\"' * depth, '"\\"[' * depth + '"' + "[" * depth):
            assert intake._json_depth_ok(text) == _json_depth_ok_by_chars(text)
