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

from collections.abc import Callable, Iterable
from typing import cast

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, ORTH, POS, SENT_START, SPACY, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.types import Ints2d

from schemas.models import SENT_START_BIT, Parse, encode_parse_columns

# Columns read from a parsed Doc, in this order: the string-valued ones first.
_READ = [ORTH, TAG, DEP, LEMMA, POS, SPACY, HEAD, SENT_START]
# Columns written into a rebuilt Doc: the order spaCy's own ``Doc(words=..., heads=..., ents=...)``
# constructor uses, so ``from_array`` sets exactly the same token fields.
_WRITE = [POS, HEAD, DEP, LEMMA, TAG, SENT_START, ENT_IOB, ENT_TYPE]
# ``Token.iob_strings()``: ("", "I", "O", "B").
IOB_INSIDE, IOB_OUTSIDE, IOB_BEGIN = 1, 2, 3
# ``Token.pos_`` by POS id, for reading a ``to_array`` POS column in one step.
POS_NAME_BY_ID = numpy.array([POS_NAMES.get(k, "") for k in range(max(POS_NAMES) + 1)], dtype=object)
_TEXT_KEY = "parse.text"  # doc.user_data: the Doc's text, joined once


def doc_to_parse(doc: Doc) -> Parse:
    """Columns of a parsed Doc (sentence starts, heads as absolute indices, entities).

    Every distinct string (hash id) is looked up in the StringStore once."""
    n = len(doc)
    columns = doc.to_array(_READ) if n else numpy.zeros((0, len(_READ)), dtype=numpy.uint64)
    # Words, tags, dependency labels and lemmas share one table; POS ids (a small enum) follow it.
    hashes, string_index = numpy.unique(columns[:, 0:4], return_inverse=True)
    pos_ids, pos_index = numpy.unique(columns[:, 4], return_inverse=True)
    store = doc.vocab.strings
    strings = [store[h] for h in hashes.tolist()] + POS_NAME_BY_ID[pos_ids].tolist()
    index = numpy.empty((5, n), dtype=numpy.int64)
    # Rows: word, tag, pos, dep, lemma (schemas.models.Parse).
    index[[0, 1, 3, 4]] = string_index.reshape(n, 4).T
    index[2] = pos_index.reshape(n) + len(hashes)
    # HEAD (relative) and SENT_START (-1/0/1) are signed values stored in the uint64 array;
    # ``Token.is_sent_start`` is None (0), False (-1) or True (1).
    signed = columns.view(numpy.int64)
    return Parse.model_validate({
        **encode_parse_columns(strings, index, numpy.arange(n, dtype=numpy.int64) + signed[:, 6],
                               columns[:, 5] != 0, signed[:, 7] > 0),
        "ents": [(e.start, e.end, e.label_) for e in doc.ents],
    })


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


def remember_text(doc: Doc, text: str) -> None:
    """Record the Doc's text when the caller already has it (it must equal ``doc.text``)."""
    doc.user_data[_TEXT_KEY] = text


def known_text(doc: Doc) -> str | None:
    """The Doc's text if ``remember_text`` recorded it, else None."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    return text


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (``Doc.text`` makes a Token per word to join it)."""
    text = known_text(doc)
    if text is None:
        text = doc.text
        remember_text(doc, text)
    return text


def parse_to_doc(parse: Parse, vocab: Vocab) -> Doc:
    """Rebuild the Doc. Its text equals the text that was parsed, so offsets agree.

    The same token fields as spaCy's constructor sets from the string columns, written as one array
    from the parse's index columns (each distinct string added to the StringStore once). Unusual
    columns (an unknown POS, overlapping or empty entity spans) take the constructor's path, which
    also raises its errors."""
    n = parse.n
    index = parse.index_array
    pos_used = numpy.unique(index[2]).tolist()
    if n == 0 or not _plain_ents(parse.ents, n) or not all(parse.strings[i] in POS_IDS for i in pos_used):
        return constructor_doc(parse, vocab)
    doc = Doc(vocab, words=parse.words, spaces=parse.spaces)
    store, table = vocab.strings, parse.strings
    # Hash id of each table entry the tag, dep and lemma rows use; POS ids for the POS row's entries
    # (each set of entries written in one step: a numpy item assignment per string cost more than the lookup).
    ids = numpy.zeros(len(table), dtype=numpy.uint64)
    used = numpy.unique(index[[1, 3, 4]]).tolist()
    ids[used] = [store.add(table[i]) for i in used]
    ids[pos_used] = [POS_IDS[table[i]] for i in pos_used]
    iob, ent_types = _entity_columns(parse.ents, n, store.add)
    heads = parse.head_array.astype(numpy.int64) - numpy.arange(n, dtype=numpy.int64)
    sent_starts = parse.flag_array & SENT_START_BIT != 0
    columns = numpy.empty((n, len(_WRITE)), dtype=numpy.uint64)
    columns[:, 0] = ids[index[2]]
    # Relative heads, and sentence starts as 1 / -1, wrap to uint64 as in spaCy's constructor.
    columns[:, 1] = heads.astype(numpy.int32).astype(numpy.uint64)
    columns[:, 2] = ids[index[3]]
    columns[:, 3] = ids[index[4]]
    columns[:, 4] = ids[index[1]]
    columns[:, 5] = numpy.where(sent_starts, 1, -1).astype(numpy.int32).astype(numpy.uint64)
    columns[:, 6] = iob
    columns[:, 7] = ent_types
    return doc.from_array(_WRITE, cast(Ints2d, columns))  # spaCy's stub wants thinc's array alias


def _entity_columns(ents: list[tuple[int, int, str]], n: int,
                    label_id: Callable[[str], int]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """ENT_IOB and ENT_TYPE columns of entity spans that are in order and apart (``_plain_ents``), filled
    as Python lists: three numpy slice assignments per entity cost more than the rest of the rebuild."""
    iob = [IOB_OUTSIDE] * n
    types = [0] * n
    ids: dict[str, int] = {}
    for start, end, label in ents:
        iob[start] = IOB_BEGIN
        iob[start + 1 : end] = [IOB_INSIDE] * (end - start - 1)
        type_id = ids.get(label)
        if type_id is None:
            type_id = ids[label] = label_id(label)
        types[start:end] = [type_id] * (end - start)
    return numpy.array(iob, dtype=numpy.uint64), numpy.array(types, dtype=numpy.uint64)


def names_of(ids: numpy.ndarray, name: Callable[[int], str], known: dict[int, str]) -> list[str]:
    """The strings behind a column of hash ids. ``known`` keeps each id's string for the whole
    process (a hash always stands for the same string), so an article looks up only new ones."""
    keys = ids.tolist()
    try:
        return list(map(known.__getitem__, keys))
    except KeyError:
        for h in set(keys).difference(known):
            known[h] = name(h)
        return list(map(known.__getitem__, keys))
