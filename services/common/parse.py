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
from spacy.strings import StringStore
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
# Hash id -> string of the words, tags, dependency labels and lemmas of every Doc this process reads.
_STRING_BY_HASH: dict[int, str] = {}
_SOURCE_KEY = "parse.source"  # doc.user_data: the Parse whose index columns the Doc's fields were written from


def doc_to_parse(doc: Doc) -> Parse:
    """Columns of a parsed Doc (sentence starts, heads as absolute indices, entities).

    Every distinct string (hash id) is looked up in the StringStore once per process."""
    n = len(doc)
    columns = doc.to_array(_READ) if n else numpy.zeros((0, len(_READ)), dtype=numpy.uint64)
    # Words, tags, dependency labels and lemmas share one table; POS ids (a small enum) follow it.
    hashes, string_index = numpy.unique(columns[:, 0:4], return_inverse=True)
    pos_ids, pos_index = numpy.unique(columns[:, 4], return_inverse=True)
    strings = names_of(hashes, doc.vocab.strings.__getitem__, _STRING_BY_HASH) + POS_NAME_BY_ID[pos_ids].tolist()
    index = numpy.empty((5, n), dtype=numpy.int64)
    # Rows: word, tag, pos, dep, lemma (schemas.models.Parse).
    index[[0, 1, 3, 4]] = string_index.reshape(n, 4).T
    index[2] = pos_index.reshape(n) + len(hashes)
    # HEAD (relative) and SENT_START (-1/0/1) are signed values stored in the uint64 array;
    # ``Token.is_sent_start`` is None (0), False (-1) or True (1).
    signed = columns.view(numpy.int64)
    # Built here from the Doc's own arrays, the columns hold n tokens and every index is in range by
    # construction, so the validation a Parse read from a message gets (~45 us: decoding the columns
    # again) is skipped.
    return Parse.model_construct(
        **encode_parse_columns(strings, index, numpy.arange(n, dtype=numpy.int64) + signed[:, 6],
                               columns[:, 5] != 0, signed[:, 7] > 0),
        ents=[(e.start, e.end, e.label_) for e in doc.ents],
    )


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


def parse_to_doc(parse: Parse, vocab: Vocab, keep_source: bool = False) -> Doc:
    """Rebuild the Doc. Its text equals the text that was parsed, so offsets agree.

    The same token fields as spaCy's constructor sets from the string columns, written as one array
    from the parse's index columns (each distinct string added to the StringStore once). Unusual
    columns (an unknown POS, overlapping or empty entity spans) take the constructor's path, which
    also raises its errors. With ``keep_source`` a Doc written from the index columns records ``parse``
    for ``source_parse`` (in ``doc.user_data``, which ``Doc.to_bytes`` cannot then serialise)."""
    n = parse.n
    index = parse.index_array
    pos_used = _pos_entries(parse)
    if pos_used is None:
        return constructor_doc(parse, vocab)
    doc = Doc(vocab, words=parse.words, spaces=parse.spaces)
    store = vocab.strings
    # Hash id of each table entry the tag, dep and lemma rows use; POS ids for the POS row's entries.
    # Filled a row of entries at a time: numpy's per-item assignment costs more than the look-up.
    ids = numpy.zeros(len(parse.strings), dtype=numpy.uint64)
    used = numpy.unique(index[[1, 3, 4]])
    ids[used] = [store.add(parse.strings[i]) for i in used.tolist()]
    ids[pos_used] = [POS_IDS[parse.strings[i]] for i in pos_used]
    iob, ent_types = _entity_columns(parse.ents, n, store)
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
    if keep_source:
        doc.user_data[_SOURCE_KEY] = parse
    return doc.from_array(_WRITE, cast(Ints2d, columns))  # spaCy's stub wants thinc's array alias


def _entity_columns(ents: list[tuple[int, int, str]], n: int,
                    store: StringStore) -> tuple[numpy.ndarray, numpy.ndarray]:
    """ENT_IOB and ENT_TYPE columns of ``n`` tokens for entity spans as ``_plain_ents`` accepts them."""
    iob = numpy.full(n, IOB_OUTSIDE, dtype=numpy.uint64)
    ent_types = numpy.zeros(n, dtype=numpy.uint64)
    if not ents:
        return iob, ent_types
    starts, ends, labels = zip(*ents, strict=True)
    # Each label added once, in the order the entities name them.
    label_ids = {label: store.add(label) for label in dict.fromkeys(labels)}
    lengths = numpy.subtract(ends, starts)
    # Every token of every span: span starts repeated, plus each token's place within its span.
    first_of_span = numpy.repeat(numpy.cumsum(lengths) - lengths, lengths)
    covered = numpy.repeat(starts, lengths) + numpy.arange(len(first_of_span)) - first_of_span
    iob[covered] = IOB_INSIDE
    iob[list(starts)] = IOB_BEGIN
    ent_types[covered] = numpy.repeat([label_ids[label] for label in labels], lengths)
    return iob, ent_types


def _pos_entries(parse: Parse) -> list[int] | None:
    """The table entries the POS row uses, when ``parse_to_doc`` can write the Doc's fields from the index
    columns; None when it takes the constructor's path (no tokens, unusual entities or POS)."""
    if parse.n == 0 or not _plain_ents(parse.ents, parse.n):
        return None
    pos_used: list[int] = numpy.unique(parse.index_array[2]).tolist()
    return pos_used if all(parse.strings[i] in POS_IDS for i in pos_used) else None


def source_parse(doc: Doc) -> Parse | None:
    """The Parse the Doc's fields were written from, token for token (each token's POS, dependency label
    and lemma are its ``strings`` entries, its entities ``ents``), if ``parse_to_doc`` kept it."""
    parse: Parse | None = doc.user_data.get(_SOURCE_KEY)
    return parse


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
