"""The line shortcuts (fold, word_runs, is_terminated, clean_line, word scan, credit pre-check) answer as before."""

from __future__ import annotations

import random
import re
import unicodedata

from services.normaliser import classify, dates, patterns, textclean

# The former implementations, kept here as the reference.
_NON_WORD = re.compile(r"[^\w\s]+")
_TERMINAL = re.compile(r"[.!?…:;。！？؟۔][\"'”’»」』)\]]*$|[\"”’»」』]$")

# Letters, digits, marks, spaces of several kinds, quotes, brackets, separators and the credit words.
_ALPHABET = [*"aZ9_ -.,;:!?…'\"()[]|/\t\n", "\u2019", "\u201c", "\u201d", "»", "」", "。", "é", "\u0130", "\u0131",
             "\u00a0", "\u2028", "\u200b", "ß", "ſ", "©"]
_PIECES = ["credit", "CREDIT", "cred\u0130t", "Photo: ", "(Reuters)", " | Getty Images", " AFP/Jane Roe",
           "[AP]", "Source: X", "said.", "Geneva"]


def _random_line(rng: random.Random) -> str:
    parts = [rng.choice(_PIECES) if rng.random() < 0.2 else rng.choice(_ALPHABET) for _ in range(rng.randint(0, 14))]
    return "".join(parts)


def test_fold_matches_the_substitution_it_replaced() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        line = _random_line(rng)
        want = " ".join(_NON_WORD.sub(" ", line.translate(textclean._QUOTE_FOLD).lower()).split())
        assert textclean.fold(line) == want, repr(line)


def test_every_ascii_character_folds_as_before() -> None:
    for code in range(128):
        line = f"a{chr(code)}b {chr(code)}"
        want = " ".join(_NON_WORD.sub(" ", line.lower()).split())
        assert textclean.fold(line) == want, code


def test_is_terminated_matches_its_pattern() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        line = _random_line(rng)
        assert textclean.is_terminated(line) == bool(_TERMINAL.search(line)), repr(line)
    for line in ("", "\n", ".\n", ".\n\n", "x.)\n", "”", "a)”", "end.”)]"):
        assert textclean.is_terminated(line) == bool(_TERMINAL.search(line)), repr(line)


def test_credit_suffix_pre_check_skips_only_lines_without_a_credit() -> None:
    rng = random.Random(13)
    for _ in range(20_000):
        line = _random_line(rng)
        m = patterns.CREDIT_SUFFIX.search(line) or patterns._CREDIT_PAREN.search(line)
        if m is not None:
            assert any(c in line for c in patterns._CREDIT_SUFFIX_MARKS) or "credit" in patterns.ascii_case_key(line)
        if patterns.credit_suffix_start(line) >= 0:
            assert m is not None


def test_lower_words_are_the_word_pattern_s_words() -> None:
    rng = random.Random(17)
    for _ in range(20_000):
        line = _random_line(rng) + rng.choice(["", " it's", " co-operate", "--x'", "a-'b", "'-'"])
        want = sorted(w.lower() for w in classify._WORD.findall(line))
        assert sorted(classify._lower_words(line)) == want, repr(line)


def test_clean_line_collapses_as_the_substitution_did() -> None:
    spaces = re.compile(r"[^\S\n]+")
    rng = random.Random(19)
    for _ in range(20_000):
        line = _random_line(rng) + rng.choice(["", " \x1c x", "\u3000", " \x85 "])
        assert textclean.clean_line(line) == spaces.sub(" ", line).strip(), repr(line)


def test_word_runs_are_the_regex_runs() -> None:
    rng = random.Random(23)
    for _ in range(20_000):
        line = _random_line(rng)
        assert textclean.word_runs(line) == re.findall(r"\w+", line), repr(line)
    every_ascii = "".join(map(chr, range(128)))
    assert textclean.word_runs(every_ascii) == re.findall(r"\w+", every_ascii)


def test_every_date_token_has_four_digits_in_a_row() -> None:
    rng = random.Random(29)
    pieces = ["6 December 2016", "Dec. 6, 2016", "2016-12-06T10:00Z", "06.12.2016", "2016/12/06", "1st Jan 2020",
              "12 Dec 16", "6/12/16", "٢٠١٦", "2016", "Sept 30 2019"]
    for _ in range(20_000):
        line = _random_line(rng) + rng.choice(pieces) + _random_line(rng)
        if patterns.DATE_TOKEN.search(line):
            assert dates._FOUR_DIGITS.search(line), repr(line)


def test_normalise_unicode_skips_only_substitutions_that_change_nothing() -> None:
    line_breaks = re.compile(r"\r\n|\r|[\u2028\u2029\x0b\x0c\x85]")
    invisible = re.compile("[\u200b\u2060\ufeff\u00ad]")
    rng = random.Random(31)
    alphabet = "a \n\r\u2028\u2029\x0b\x0c\x85\u200b\u2060\ufeff\u00ad\uff21\u00bd"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        want = invisible.sub("", unicodedata.normalize("NFKC", line_breaks.sub("\n", text)))
        assert textclean.normalise_unicode(text) == want, repr(text)
