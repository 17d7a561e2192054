"""Lines of the text that are not the story: datelines, bylines and credit lines, photo captions
and short page-furniture paragraphs the normaliser may have left. Names found only there are not
the article's entities (pure, character offsets of the text)."""

from __future__ import annotations

import re

# "Paris (AFP) --", "Beirut, Dec 6 (Reuters) -": a dateline in mixed case, with its agency.
_AGENCY_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Za-z.'\- ]{1,40}(?:,[^\n(]{1,30})?\s*\((?:AFP|Reuters|AP|dpa|DPA|Xinhua|Anadolu|UPI|EFE|ANSA"
    r"|TASS|Sputnik|IANS|PTI|Kyodo|Yonhap|AA|CNN|BBC|NPR|ABC|NBC|CBS|Bloomberg|Al Jazeera|DW|VOA|UPI|ANI|Bernama"
    r"|Interfax|Ukrinform|WAFA|SANA|IRNA|KCNA)\)\s*(?:\u2014|\u2013|--?|:)\s")
# Bylines and credit lines: "By Jane Smith", "Reporting by ...; Editing by ...".
_CREDIT_LINE = re.compile(r"(?m)^(?:(?:By|BY|(?:Additional )?[Rr]eporting by|Writing by|Editing by|Compiled by)"
                          r"\s[^\n]{0,120}|[^\n]{0,80}\bcontributed (?:to this report|reporting)[^\n]{0,40})$")
# Photo captions and credits left in the text: a line ending "(AFP)" / "(Photo: Reuters)", "Image: ...".
_CAPTION_LINE = re.compile(
    r"(?m)^(?:[^\n]{0,500}\((?:[^()\n]*\b(?:AFP|Reuters|AP|Getty|Photo|EPA|Anadolu|dpa|Xinhua|UPI|Images?)\b"
    r"[^()\n]*)\)[ \t]*$|(?:Image|Photo|Picture|Photograph|Credit|Copyright|\u00a9)\s*:[^\n]*$)")
# "BEIRUT —", "UNITED NATIONS (Reuters) -", "MOSCOW, Dec 5 (AFP) -": a dateline, not the story's content.
_DATELINE = re.compile(r"(?m)^[A-Z][A-Z.'\- ]{2,40}(?:,[^\n(\u2014\u2013/-]{1,30})?\s*(?:\([^)\n]{1,40}\))?"
                       r"\s*(?:\u2014|\u2013|--?|/[A-Za-z-]{2,20}/\.?)\s")


_LINE = re.compile(r"[^\n]+")
_NEWLINE = re.compile(r"\n")
_SENTENCE_END = tuple(".!?\"'”’:;)…")


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """Short paragraphs that are not sentences ("Skip to content", "Most Read", "Latest News"): page
    furniture left in the text. Names only found there are not the article's entities. A line of a
    hard-wrapped paragraph (another line right before or after it) is not furniture."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group(0).strip()
        # (Counting at most nine words: a paragraph's line is long.)
        if not line or line.endswith(_SENTENCE_END) or len(line.split(None, 8)) > 8:
            continue
        a, b = m.span()
        alone_before = a == 0 or text[max(0, a - 2) : a] == "\n\n" or a == 1
        alone_after = b >= len(text) - 1 or text[b : b + 2] == "\n\n"
        if alone_before and alone_after:
            spans.append((a, b))
    return spans




def _line_matches(pattern: re.Pattern[str], text: str, line_starts: list[int]) -> list[tuple[int, int]]:
    """Spans of ``pattern.finditer(text)`` for a pattern that opens with a multi-line ``^`` and matches no
    empty string: only a line start can open a match, so it is tried there alone, not at every character."""
    spans = []
    free_from = 0  # finditer goes on after the end of a match
    for start in line_starts:
        if start >= free_from:
            m = pattern.match(text, start)
            if m is not None:
                spans.append(m.span())
                free_from = m.end()
    return spans


def skipped_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of dateline, credit, caption and furniture lines."""
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    spans = _line_matches(_DATELINE, text, line_starts)
    spans += _line_matches(_AGENCY_DATELINE, text, line_starts)
    spans += [(a, b) for a, b in _line_matches(_CREDIT_LINE, text, line_starts) if len(text[a:b].split()) <= 16]
    spans += _line_matches(_CAPTION_LINE, text, line_starts)
    spans += _furniture_lines(text)
    return spans
