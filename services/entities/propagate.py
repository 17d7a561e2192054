"""Further occurrences of names already found ("IMRA called ...", "Merkel said ...") that the
model left untagged, matched as whole words in the text."""

from __future__ import annotations

import re

from services.entities.candidate import Candidate, make_candidate
from services.entities.context import SPEECH_VERBS
from services.entities.lexicon import NOT_NAMES, TITLES
from services.entities.parsed import ParsedDoc
from services.entities.personnames import looks_like_person_name


def propagate(doc: ParsedDoc, found: list[Candidate]) -> list[Candidate]:
    """Other occurrences of names already found, which the model left untagged ("IMRA called ...")."""
    labels: dict[str, str] = {}
    for c in found:
        words = c.text.lower().split()
        if (len(c.text) < 3 and not c.text.isupper()) or c.source == "demonym" or not c.text[:1].isupper():
            continue
        if len(words) == 1 and (words[0] in NOT_NAMES or words[0] in TITLES):
            continue
        labels.setdefault(c.text, c.label)
        # The surname alone ("Merkel" after "Angela Merkel", "Assad" after "Bashar al-Assad");
        # the surname rule then joins them.
        if (c.label == "PERSON" or looks_like_person_name(c.text)) and len(words) >= 2:
            last = c.text.split()[-1]
            for form in (last, re.sub(r"^(?:al|el|ad|as|ash|ar|at|az)-", "", last)):
                if len(form) >= 3 and form[:1].isupper() and form.lower() not in NOT_NAMES \
                        and form.lower() not in TITLES:
                    labels.setdefault(form, "PERSON")
    if not labels:
        return []
    text = doc.text
    taken = [False] * (len(text) + 1)
    for c in found:
        for i in range(c.start, c.end):
            taken[i] = True
    out = []
    for start, name in whole_word_matches(text, sorted(labels, key=len, reverse=True)):
        end = start + len(name)
        if any(taken[start:end]):
            continue
        span = doc.doc.char_span(start, end, alignment_mode="strict")
        if span is None:
            continue
        # A capitalised sentence opener is a name only when tagged so or saying something ("Power said").
        if span[0].is_sent_start and span[0].pos_ != "PROPN" and not (
            (span.end < len(doc) and doc.tokens[span.end].lemma_.lower() in SPEECH_VERBS)
            or (span.root.dep_ == "nsubj" and span.root.head.pos_ == "VERB")
        ):
            continue
        out.append(make_candidate(doc, span.start, span.end, labels[name], "propagated"))
    return out




def _is_word_char(ch: str) -> bool:
    """What ``[\\w-]`` matches in a str pattern: ``\\w`` is ``isalnum()`` or "_"."""
    return ch.isalnum() or ch == "_" or ch == "-"


def whole_word_matches(text: str, names: list[str]) -> list[tuple[int, str]]:
    """(start, name) of what ``re.finditer(r"(?<![\\w-])(?:n1|n2|...)(?![\\w-])", text)`` finds for the
    escaped ``names`` in this order, without compiling a new pattern for every article's names.

    Like the regex: the leftmost position where some name stands as a whole word, the first such
    name in ``names`` order there, and the search goes on after it (no overlaps).
    """
    best_at: dict[int, int] = {}  # start -> index in ``names`` of the first name found there
    for rank, name in enumerate(names):
        if not name:
            continue
        size = len(name)
        at = text.find(name)
        while at >= 0:
            end = at + size
            if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
                best_at.setdefault(at, rank)  # names come in order: the first one found wins
            at = text.find(name, at + 1)
    out: list[tuple[int, str]] = []
    free_from = 0
    for at in sorted(best_at):
        if at >= free_from:
            name = names[best_at[at]]
            out.append((at, name))
            free_from = at + len(name)
    return out
