"""Find direct-quote spans in plain text from quotation marks (pure string work).

Quotation marks are paired within a paragraph. Apostrophes inside or at the
end of words (Aleppo's, rebels') are not quote marks, and a mark that finds
no partner is never paired blindly with a distant one: an opening mark left
open either continues into the next paragraph (when that paragraph opens with
a quote mark, the news convention for a quote that runs on) or ends at its
attribution ("..., she said.") or at the end of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
_OPEN_BEFORE = set(" \t([{—–-/:;…\u00a0") | set(DOUBLE_OPEN) | set('"')
_SINGLE_CHARS = frozenset(SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE)
_DOUBLE_CHARS = frozenset(DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE)
_PUNCT_AFTER = set(" \t.,;:!?)]}—–-…\u00a0") | set(DOUBLE_CLOSE) | set('"')

# An attribution that ends an unclosed quote: ", she said." / ", Smith told AFP."
_ATTRIBUTION = re.compile(
    r"[,.!?]\s*(?:he|she|they|it|we|I|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:said|says|added|adds|told|tells|stated|declared|insisted|warned|explained|noted|wrote|asked)\b"
)
_PARAGRAPH = re.compile(r"[^\n]+")
# The quotation marks of each kind, found by the regex engine rather than a Python loop over every character.
_DOUBLE_MARK = re.compile("[" + re.escape("".join(sorted(_DOUBLE_CHARS))) + "]")
_SINGLE_MARK = re.compile("[" + re.escape("".join(sorted(_SINGLE_CHARS))) + "]")


@dataclass(frozen=True)
class QuoteSpan:
    """Inner text of a quote: text[start:end]; ``open_mark`` is the opening mark's offset."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    continues: bool = False  # carries on a quote from the previous paragraph
    runs_on: bool = False  # left open at paragraph end, continued in the next


def _kind(text: str, i: int) -> str | None:
    """'open', 'close', 'either' or None (not a quote mark) for the character at i, double quotes."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if ch == STRAIGHT_DOUBLE:
        if (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace():
            return "open"
        if not prev.isspace() and (nxt.isspace() or nxt in _PUNCT_AFTER):
            return "close"
        return "either"
    return None


def _single_kind(text: str, i: int) -> str | None:
    """Single marks: word-internal ones (Aleppo's, don't) are apostrophes, never quotes."""
    ch = text[i]
    if ch not in SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE:
        return None
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if prev.isalnum() and nxt.isalnum():
        return None  # don't, Aleppo’s
    opener = ch in SINGLE_OPEN or ch == STRAIGHT_SINGLE or ch == "’"
    # An opener needs a letter after it ('90s-style elisions with digits are not quotes).
    if opener and (prev.isspace() or prev in _OPEN_BEFORE) and (nxt.isalpha() or nxt in "“\"…"):
        return "open"
    closer = ch in SINGLE_CLOSE or ch == STRAIGHT_SINGLE
    if closer and not prev.isspace() and (nxt.isspace() or nxt in _PUNCT_AFTER or nxt == "\n"):
        # After a plain "s" the mark may be a plural possessive (rebels' positions): weak closer.
        return "weak" if prev in "sSzZ" and nxt == " " else "close"
    return None


def _cut_unclosed(text: str, start: int, end: int) -> int:
    """Where an unclosed quote ends: before its attribution, else at ``end``."""
    m = _ATTRIBUTION.search(text, start, end)
    if m:
        return m.start() + (1 if text[m.start()] in ".!?" else 0)
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _has_words(text: str, start: int, end: int) -> bool:
    return any(c.isalpha() for c in text[start:end])


def _double_spans(text: str, p_start: int, p_end: int, next_opens: bool) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for mark in _DOUBLE_MARK.finditer(text, p_start, p_end):
        i = mark.start()
        kind = _kind(text, i)
        if kind is None:
            continue
        if kind == "either":
            kind = "close" if open_at is not None else "open"
        if kind == "open":
            if open_at is not None:
                # A second opener while one is open: the first was never closed.
                cut = _cut_unclosed(text, open_at + 1, i)
                spans.append(QuoteSpan(open_at + 1, cut, open_at, None))
            open_at = i
        elif open_at is not None:
            spans.append(QuoteSpan(open_at + 1, i, open_at, i))
            open_at = None
    if open_at is not None:
        if next_opens:
            spans.append(QuoteSpan(open_at + 1, p_end, open_at, None, runs_on=True))
        else:
            spans.append(QuoteSpan(open_at + 1, _cut_unclosed(text, open_at + 1, p_end), open_at, None))
    return spans


def _single_spans(text: str, p_start: int, p_end: int, taken: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Single-quoted spans outside double-quoted ones, each opener paired with a closer in its paragraph."""

    def inside(i: int) -> bool:
        return any(a - 1 <= i <= b for a, b in taken)

    marks = [(i, k) for i in (m.start() for m in _SINGLE_MARK.finditer(text, p_start, p_end))
             if not inside(i) and (k := _single_kind(text, i))]
    spans: list[QuoteSpan] = []
    j = 0
    while j < len(marks):
        i, kind = marks[j]
        if kind != "open":
            j += 1
            continue
        strong = next((n for n in range(j + 1, len(marks)) if marks[n][1] == "close"), None)
        weak = next((n for n in range(j + 1, len(marks)) if marks[n][1] == "weak"), None)
        # A weak closer counts only when it is the last mark left (no strong closer after it).
        pick = strong if strong is not None else weak
        if pick is None:
            j += 1
            continue
        close = marks[pick][0]
        spans.append(QuoteSpan(i + 1, close, i, close))
        j = pick + 1
    return spans


def _outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """A quote nested in another ('he said "no"' inside a quote) is part of it, not a quote of its own."""
    out: list[QuoteSpan] = []
    for s in spans:
        if out and s.open_mark < (out[-1].close_mark if out[-1].close_mark is not None else out[-1].end):
            continue
        out.append(s)
    return out


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All direct-quote spans of ``text``, in order, trimmed of edge spaces and commas."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    out: list[QuoteSpan] = []
    carried = False
    for n, (p_start, p_end) in enumerate(paragraphs):
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        next_opens = False
        if nxt is not None:
            first = text[nxt[0]:nxt[1]].lstrip()[:1]
            next_opens = bool(first) and (first in DOUBLE_OPEN or first == STRAIGHT_DOUBLE)
        doubles = _double_spans(text, p_start, p_end, next_opens)
        singles = _single_spans(text, p_start, p_end, [(s.start, s.end) for s in doubles])
        spans = _outermost(sorted(doubles + singles, key=lambda s: (s.start, -s.end)))
        for k, s in enumerate(spans):
            start, end = _trim(text, s.start, s.end)
            if end <= start or not _has_words(text, start, end):
                continue
            cont = carried and k == 0 and text[p_start:s.open_mark].strip() == ""
            out.append(QuoteSpan(start, end, s.open_mark, s.close_mark, continues=cont, runs_on=s.runs_on))
        carried = bool(spans) and spans[-1].runs_on
    return out
