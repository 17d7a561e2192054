"""Carry a spaCy parse between stages: Doc <-> columnar ``schemas.Parse``.

The entity stage parses each article once; the stance and event stages
rebuild the Doc from these columns (no model run), so the text is never
parsed twice.

Both directions go through ``Doc.to_array`` / ``Doc.from_array`` (numpy
columns of hash ids) rather than per-token Python objects: every ``Token``
that Python touches is a new object, and building them cost more than the
rest of the conversion.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.types import Ints2d

from schemas.models import Parse

# Columns read from a parsed Doc, in this order.
_READ = [ORTH, SPACY, TAG, POS, DEP, HEAD, LEMMA, SENT_START, IDX]
# Columns written into a rebuilt Doc: the order spaCy's own ``Doc(words=..., heads=..., ents=...)``
# constructor uses, so ``from_array`` sets exactly the same token fields.
_WRITE = [POS, HEAD, DEP, LEMMA, TAG, SENT_START, ENT_IOB, ENT_TYPE]
# ``Token.iob_strings()``: ("", "I", "O", "B").
_IOB_I, _IOB_O, _IOB_B = 1, 2, 3


def _names(ids: numpy.ndarray, strings: StringStore) -> list[str]:
    """The strings behind a column of hash ids (each distinct id looked up once)."""
    distinct, positions = numpy.unique(ids, return_inverse=True)
    names = numpy.array([strings[h] for h in distinct.tolist()], dtype=object)
    return list(names[positions].tolist())


def doc_to_parse(doc: Doc) -> Parse:
    """Columns of a parsed Doc (sentence starts, heads as absolute indices, entities)."""
    if len(doc) == 0:
        return Parse(words=[], spaces=[], tags=[], pos=[], deps=[], heads=[], lemmas=[], sent_starts=[], ents=[],
                     offsets=[])
    strings = doc.vocab.strings
    columns = doc.to_array(_READ)
    # HEAD (relative) and SENT_START (-1/0/1) are signed values stored in the uint64 array.
    signed = columns.view(numpy.int64)
    positions = numpy.arange(len(doc), dtype=numpy.int64)
    return Parse(
        words=_names(columns[:, 0], strings),
        spaces=(columns[:, 1] != 0).tolist(),
        tags=_names(columns[:, 2], strings),
        pos=[POS_NAMES[p] for p in columns[:, 3].tolist()],
        deps=_names(columns[:, 4], strings),
        heads=(positions + signed[:, 5]).tolist(),
        lemmas=_names(columns[:, 6], strings),
        # ``Token.is_sent_start`` is None (0), False (-1) or True (1).
        sent_starts=(signed[:, 7] > 0).tolist(),
        ents=[(e.start, e.end, e.label_) for e in doc.ents],
        offsets=columns[:, 8].tolist(),
    )


def _ids(values: list[str], strings: StringStore) -> list[int]:
    """Hash ids of a string column, each distinct string added to the store (as spaCy's constructor does)."""
    lookup = {v: strings.add(v) for v in set(values)}
    return [lookup[v] for v in values]


def _plain_ents(ents: Iterable[tuple[int, int, str]], length: int) -> bool:
    """Whether entity spans are non-empty, labelled, in order and apart, as ``doc.ents`` yields them."""
    previous_end = 0
    for start, end, label in ents:
        if not label or not previous_end <= start < end <= length:
            return False
        previous_end = end
    return True


def constructor_doc(parse: Parse, vocab: Vocab) -> Doc:
    """The Doc built by spaCy's constructor from string columns: the reference for ``parse_to_doc``."""
    if not parse.words:
        return Doc(vocab, words=[])
    iob = ["O"] * len(parse.words)
    for start, end, label in parse.ents:
        for i in range(start, end):
            iob[i] = f"B-{label}" if i == start else f"I-{label}"
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


def parse_text(parse: Parse) -> str:
    """``Doc.text`` of the parse's Doc, joined from its word and space columns without making Token objects."""
    return "".join([word + " " if space else word for word, space in zip(parse.words, parse.spaces, strict=True)])


def parse_to_doc(parse: Parse, vocab: Vocab) -> Doc:
    """Rebuild the Doc. Its text equals the text that was parsed, so offsets agree.

    The same token fields as spaCy's constructor sets from the string columns, written as one array.
    Unusual columns (an unknown POS, overlapping or empty entity spans, sentence starts that are not
    all booleans) take the constructor's path, which also raises its errors."""
    n = len(parse.words)
    sent_starts = numpy.asarray(parse.sent_starts)
    if n == 0 or sent_starts.dtype != numpy.bool_ or not _plain_ents(parse.ents, n) \
            or not set(parse.pos) <= POS_IDS.keys():
        return constructor_doc(parse, vocab)
    doc = Doc(vocab, words=parse.words, spaces=parse.spaces)
    strings = vocab.strings
    iob = numpy.full(n, _IOB_O, dtype=numpy.uint64)
    ent_types = numpy.zeros(n, dtype=numpy.uint64)
    for start, end, label in parse.ents:
        iob[start] = _IOB_B
        iob[start + 1 : end] = _IOB_I
        ent_types[start:end] = strings.add(label)
    heads = numpy.asarray(parse.heads, dtype=numpy.int64) - numpy.arange(n, dtype=numpy.int64)
    columns = numpy.empty((n, len(_WRITE)), dtype=numpy.uint64)
    columns[:, 0] = [POS_IDS[p] for p in parse.pos]
    # Relative heads, and sentence starts as 1 / -1, wrap to uint64 as in spaCy's constructor.
    columns[:, 1] = heads.astype(numpy.int32).astype(numpy.uint64)
    columns[:, 2] = _ids(parse.deps, strings)
    columns[:, 3] = _ids(parse.lemmas, strings)
    columns[:, 4] = _ids(parse.tags, strings)
    columns[:, 5] = numpy.where(sent_starts, 1, -1).astype(numpy.int32).astype(numpy.uint64)
    columns[:, 6] = iob
    columns[:, 7] = ent_types
    return doc.from_array(_WRITE, cast(Ints2d, columns))  # spaCy's stub wants thinc's array alias
