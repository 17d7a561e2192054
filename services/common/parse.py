"""Carry a spaCy parse between stages: Doc <-> columnar ``schemas.Parse``.

The entity stage parses each article once; the stance and event stages
rebuild the Doc from these columns (no model run), so the text is never
parsed twice.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from schemas.models import Parse


def doc_to_parse(doc: Doc) -> Parse:
    """Columns of a parsed Doc (sentence starts, heads as absolute indices, entities)."""
    return Parse(
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in doc],
        pos=[t.pos_ for t in doc],
        deps=[t.dep_ for t in doc],
        heads=[t.head.i for t in doc],
        lemmas=[t.lemma_ for t in doc],
        sent_starts=[bool(t.is_sent_start) for t in doc],
        ents=[(e.start, e.end, e.label_) for e in doc.ents],
        offsets=[t.idx for t in doc],
    )


def parse_to_doc(parse: Parse, vocab: Vocab) -> Doc:
    """Rebuild the Doc. Its text equals the text that was parsed, so offsets agree."""
    if not parse.words:
        return Doc(vocab, words=[])
    ents = [f"B-{label}" if i == start else f"I-{label}" for start, end, label in parse.ents for i in range(start, end)]
    iob = ["O"] * len(parse.words)
    k = 0
    for start, end, _label in parse.ents:
        for i in range(start, end):
            iob[i] = ents[k]
            k += 1
    return Doc(
        vocab,
        words=parse.words,
        spaces=parse.spaces,
        tags=parse.tags,
        pos=parse.pos,
        deps=parse.deps,
        heads=parse.heads,
        lemmas=parse.lemmas,
        sent_starts=list[bool | int | None](parse.sent_starts),
        ents=iob,
    )
