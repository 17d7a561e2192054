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
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(labels, key=len, reverse=True))
                         + r")(?![\w-])")
    out = []
    for m in pattern.finditer(text):
        if any(taken[m.start() : m.end()]):
            continue
        span = doc.doc.char_span(m.start(), m.end(), alignment_mode="strict")
        if span is None:
            continue
        # A capitalised sentence opener is a name only when tagged so or saying something ("Power said").
        if span[0].is_sent_start and span[0].pos_ != "PROPN" and not (
            (span.end < len(doc) and doc.tokens[span.end].lemma_.lower() in SPEECH_VERBS)
            or (span.root.dep_ == "nsubj" and span.root.head.pos_ == "VERB")
        ):
            continue
        out.append(make_candidate(doc, span.start, span.end, labels[m.group(0)], "propagated"))
    return out


