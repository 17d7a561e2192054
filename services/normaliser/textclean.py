"""Unicode and whitespace normalisation, and splitting a body into line units.

Quote style: curly quotes are KEPT as the page had them (NFKC leaves them
alone), so article sentences stay exactly as published; only whitespace,
invisible format characters and NFKC compatibility forms change. Comparisons
inside the normaliser use :func:`fold` (quotes straightened, lower-cased).
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that only get in the way (zero-width space, word joiner,
# BOM, soft hyphen). ZWJ/ZWNJ stay: Persian and Indic scripts need them.
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SPACES = re.compile(r"[^\S\n]+")
# Line breaks other than "\n" (CR LF counts as one).
_LINE_BREAK_CHARS = "\r\u2028\u2029\x0b\x0c\x85"
_LINE_BREAKS = re.compile(f"\r\n|[{_LINE_BREAK_CHARS}]")
# A line ends like a sentence when, past any closing quotes/brackets, its last character is one of these,
# or when it ends with a closing quote.
_TERMINAL_MARKS = ".!?…:;。！？؟۔"
_CLOSERS = "\"'”’»」』)]"
_CLOSING_QUOTES = "\"”’»」』"
# Scripts written without spaces between words: count characters instead.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
_QUOTE_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_WORD_RUN = re.compile(r"\w+")
_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})
_MAX_WRAP_WIDTH = 110
_LIST_MARK = re.compile(r"^\s*(?:[-*•·▪●◦]|\d{1,2}[.)])\s+")


def normalise_unicode(text: str) -> str:
    """NFKC, unified line breaks, invisible characters removed."""
    # Most bodies have neither: looking for the characters is far cheaper than a substitution pass.
    if any(map(text.__contains__, _LINE_BREAK_CHARS)):
        text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFKC", text)
    if any(map(text.__contains__, _INVISIBLE_CHARS)):
        text = _INVISIBLE.sub("", text)
    return text


def clean_line(line: str) -> str:
    """One line with runs of spaces/tabs collapsed and ends stripped."""
    if "\n" in line:  # the pattern keeps newlines; str.split() would not
        return _SPACES.sub(" ", line).strip()
    # The same without a substitution per word gap: \s and str.split() agree on what whitespace is.
    return " ".join(line.split())


def word_runs(text: str) -> list[str]:
    r"""``re.findall(r"\w+", text)``. In ASCII text a table turning every other character into a space,
    and str.split(), find the runs three times faster than the regex."""
    if text.isascii():
        return text.translate(_ASCII_NON_WORD).split()
    return _WORD_RUN.findall(text)


def fold(text: str) -> str:
    """Comparison key: quotes/dashes straightened, punctuation dropped, lower-cased."""
    if not text.isascii():  # the quotes and dashes to straighten are not ASCII
        text = text.translate(_QUOTE_FOLD)
    return " ".join(word_runs(text.lower()))


def word_count(text: str) -> int:
    """Words, with two characters of Chinese, Japanese or Thai counted as one word."""
    if text.isascii():  # most lines: no Chinese, Japanese or Thai characters to count
        return len(text.split())
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def is_terminated(line: str) -> bool:
    """Ends like a sentence (full stop, question, quote close...)."""
    # The character test of the pattern ``[.!?…:;。！？؟۔]["'”’»」』)\]]*$|["”’»」』]$`` without scanning the line.
    if line.endswith("\n"):
        line = line[:-1]  # ``$`` also matches before one final newline
    if line[-1:] and line[-1] in _CLOSING_QUOTES:
        return True
    last = line.rstrip(_CLOSERS)[-1:]
    return bool(last) and last in _TERMINAL_MARKS


def _is_wrapped_block(block: list[str]) -> bool:
    """A hard-wrapped paragraph: similar long lines that mostly do not end a sentence."""
    if len(block) < 2 or any(_LIST_MARK.match(x) for x in block):
        return False
    if len({fold(x) for x in block}) < len(block):
        return False  # doubled lines (captions) are not a wrapped paragraph
    head = block[:-1]
    width = max(len(x) for x in block)
    # Hard wraps happen at a fixed width (60-100 characters); two lines alone only count when
    # the second carries on a sentence in lower case.
    if not 40 <= width <= _MAX_WRAP_WIDTH or any(len(x) < 0.6 * width for x in head):
        return False
    if len(block) == 2 and not block[1][:1].islower():
        return False
    open_ends = sum(1 for x in head if not is_terminated(x))
    return open_ends * 2 >= len(head)


def split_units(body: str, unwrap: bool = True) -> list[tuple[str, bool]]:
    """Non-blank line units as (text, indented); hard-wrapped blocks are joined into one unit.

    Blank lines separate blocks; inside a block every line is a unit of its
    own (copied pages put captions, menus and credits on single lines) unless
    the block is a hard-wrapped paragraph (never for text extracted from HTML,
    where every line is a paragraph already: ``unwrap=False``).
    """
    units: list[tuple[str, bool]] = []
    for block in re.split(r"\n\s*\n", normalise_unicode(body)):
        raw_lines = [ln for ln in block.split("\n") if ln.strip()]
        lines = [clean_line(ln) for ln in raw_lines]
        if unwrap and _is_wrapped_block(lines):
            units.append((" ".join(lines), raw_lines[0][:1].isspace()))
            continue
        units.extend((line, raw[:1].isspace()) for line, raw in zip(lines, raw_lines, strict=True))
    return units
