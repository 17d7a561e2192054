"""Per-Doc values computed once: spaCy rebuilds them on every access.

``Doc.text`` joins every token's text anew, and every ``for t in doc`` or
``doc[i]`` creates a new Python ``Token``; the stance rules read both many
times per article, so they are kept in ``doc.user_data``.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, SENT_START
from spacy.tokens import Doc, Span, Token

from schemas.models import DEP_ROW, LEMMA_ROW, POS_ROW, WORD_ROW, Parse
from services.common.parse import POS_NAME_BY_ID, names_of, source_parse

_TOKENS_KEY = "stances.tokens"
_COLUMNS_KEY = "stances.columns"
_SENTS_KEY = "stances.sents"
SENT_ENDS_KEY = "stances.sent_ends"  # quotes.py: sentences with their end offsets
_DEPENDENTS_KEY = "stances.dependents"
# ``Token.ent_iob_`` by IOB value.
_IOB_STRINGS = numpy.array(Token.iob_strings(), dtype=object)  # ("", "I", "O", "B")


def forget(doc: Doc) -> None:
    """Drop what was kept in ``doc.user_data``. Tokens and Spans refer back to their Doc, so a kept list
    of them is a reference cycle: without this the Doc waits for the cyclic garbage collector."""
    for key in (_TOKENS_KEY, _COLUMNS_KEY, _SENTS_KEY, SENT_ENDS_KEY, _DEPENDENTS_KEY):
        doc.user_data.pop(key, None)


def sentences_of(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once per Doc."""
    cached: list[Span] | None = doc.user_data.get(_SENTS_KEY)
    if cached is None:
        cached = list(doc.sents)
        doc.user_data[_SENTS_KEY] = cached
    return cached


def tokens_of(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list, so that indexing it reuses the same Token objects."""
    cached: list[Token] | None = doc.user_data.get(_TOKENS_KEY)
    if cached is None:
        cached = list(doc)
        doc.user_data[_TOKENS_KEY] = cached
    return cached


@dataclass(frozen=True, eq=False)
class TokenColumns:
    """Per-token values of a Doc, read with ``Doc.to_array`` instead of one Token object per value.

    Loops over every token check these lists and build a Token only for the few that matter.
    """

    start: list[int]  # character offset (``Token.idx``)
    end: list[int]  # character offset after the token
    head: list[int]  # absolute index of the syntactic head (``Token.head.i``)
    sent: list[int]  # sentence number, as ``Doc.sents`` counts them
    pos: list[str]  # ``Token.pos_``
    dep: list[str]  # ``Token.dep_``
    lemma: list[str]  # ``Token.lemma_.lower()``
    lower: list[str]  # ``Token.lower_``
    ent_type: list[str]  # ``Token.ent_type_``
    ent_iob: list[str]  # ``Token.ent_iob_``
    # ``lemma`` and ``lower`` again, as codes into a table of the article's few hundred distinct strings:
    # finding the tokens whose word is in a set then tests each distinct string once, not every token.
    forms: list[str]
    lemma_code: numpy.ndarray  # lemma[i] == forms[lemma_code[i]]
    lower_code: numpy.ndarray  # lower[i] == forms[lower_code[i]]
    labels: list[str]  # the distinct dependency labels
    dep_code: numpy.ndarray  # dep[i] == labels[dep_code[i]]

    def with_lemma(self, words: Container[str]) -> list[int]:
        """Ascending positions of the tokens whose lemma is one of ``words``."""
        return numpy.flatnonzero(self._forms_in(words)[self.lemma_code]).tolist()

    def with_form(self, words: Container[str]) -> list[int]:
        """Ascending positions of the tokens whose lower-case form is one of ``words``."""
        return numpy.flatnonzero(self._forms_in(words)[self.lower_code]).tolist()

    def with_word(self, words: Container[str]) -> list[int]:
        """Ascending positions of the tokens whose lemma or lower-case form is one of ``words``."""
        hits = self._forms_in(words)
        return numpy.flatnonzero(hits[self.lemma_code] | hits[self.lower_code]).tolist()

    def with_dep(self, labels: Container[str]) -> list[int]:
        """Ascending positions of the tokens whose dependency label is one of ``labels``."""
        hits = numpy.fromiter(map(labels.__contains__, self.labels), dtype=bool, count=len(self.labels))
        return numpy.flatnonzero(hits[self.dep_code]).tolist()

    def _forms_in(self, words: Container[str]) -> numpy.ndarray:
        return numpy.fromiter(map(words.__contains__, self.forms), dtype=bool, count=len(self.forms))


def positions_in(column: Sequence[object], values: Container[object]) -> Iterator[int]:
    """Ascending positions whose entry in ``column`` is one of ``values``, in one pass at C speed."""
    return compress(range(len(column)), map(values.__contains__, column))


def columns_of(doc: Doc) -> TokenColumns:
    cached: TokenColumns | None = doc.user_data.get(_COLUMNS_KEY)
    if cached is None:
        cached = _read_columns(doc)
        doc.user_data[_COLUMNS_KEY] = cached
    return cached


_READ = [IDX, LENGTH, HEAD, SENT_START, POS, DEP, LEMMA, LOWER, ENT_TYPE, ENT_IOB]
_NUMBERS = 4  # the leading numeric columns of _READ; the string-valued rest may come from the Doc's Parse
_NO_CODES = numpy.zeros(0, dtype=numpy.int64)


def _read_columns(doc: Doc) -> TokenColumns:
    if len(doc) == 0:
        return TokenColumns([], [], [], [], [], [], [], [], [], [], [], _NO_CODES, _NO_CODES, [], _NO_CODES)
    parse = source_parse(doc)
    # With the Parse at hand its string table gives the names: reading them from the Doc costs a hash
    # look-up per token and column.
    values = doc.to_array([*_READ[:_NUMBERS], ENT_IOB] if parse is not None else _READ)
    # HEAD (relative) and SENT_START (-1/0/1) are signed values stored in the uint64 array.
    signed = values.view(numpy.int64)
    starts = signed[:, 0]
    # ``Doc.sents`` starts a new sentence at every token after the first whose SENT_START is 1.
    boundaries = signed[:, 3] == 1
    boundaries[0] = False
    names = _names_from_parse(parse) if parse is not None else _names_from_doc(doc, values)
    forms = numpy.array(names.forms, dtype=object)
    return TokenColumns(
        start=starts.tolist(),
        end=(starts + signed[:, 1]).tolist(),
        head=(numpy.arange(len(doc), dtype=numpy.int64) + signed[:, 2]).tolist(),
        sent=numpy.cumsum(boundaries).tolist(),
        pos=names.pos,
        dep=numpy.array(names.labels, dtype=object)[names.dep_code].tolist(),
        lemma=forms[names.lemma_code].tolist(),
        lower=forms[names.lower_code].tolist(),
        ent_type=names.ent_type,
        ent_iob=_IOB_STRINGS[values[:, -1]].tolist(),
        forms=names.forms,
        lemma_code=names.lemma_code,
        lower_code=names.lower_code,
        labels=names.labels,
        dep_code=names.dep_code,
    )


class _Names(NamedTuple):
    """The string-valued columns; dependency labels as codes into ``labels``, lemmas and lower-case forms
    as codes into ``forms``."""

    pos: list[str]
    labels: list[str]
    dep_code: numpy.ndarray
    ent_type: list[str]
    forms: list[str]
    lemma_code: numpy.ndarray
    lower_code: numpy.ndarray


def _names_from_doc(doc: Doc, values: numpy.ndarray) -> _Names:
    strings = doc.vocab.strings
    dep_ids, dep_code = numpy.unique(values[:, 5], return_inverse=True)
    lemma_ids, lemma_code = numpy.unique(values[:, 6], return_inverse=True)
    lower_ids, lower_code = numpy.unique(values[:, 7], return_inverse=True)
    forms = [strings[h].lower() for h in lemma_ids.tolist()] + [strings[h] for h in lower_ids.tolist()]
    return _Names(POS_NAME_BY_ID[values[:, 4]].tolist(),
                  [strings[h] for h in dep_ids.tolist()], dep_code.reshape(-1),
                  names_of(values[:, 8], strings.__getitem__, _ENT_TYPE_NAMES),
                  forms, lemma_code.reshape(-1), lower_code.reshape(-1) + len(lemma_ids))


def _names_from_parse(parse: Parse) -> _Names:
    """The string columns of the Doc ``parse_to_doc`` built from ``parse`` (a token's lower-case form is its
    word lower-cased, as spaCy's English lexeme attribute makes it)."""
    table = numpy.array(parse.strings, dtype=object)
    index = parse.index_array
    ent_type = [""] * parse.n
    for start, end, label in parse.ents:
        ent_type[start:end] = [label] * (end - start)
    dep_entries, dep_code = numpy.unique(index[DEP_ROW], return_inverse=True)
    return _Names(table[index[POS_ROW]].tolist(), table[dep_entries].tolist(), dep_code.reshape(-1), ent_type,
                  parse.lowered_strings, index[LEMMA_ROW], index[WORD_ROW])


# Per column: hash id -> its string, shared by all articles.
_ENT_TYPE_NAMES: dict[int, str] = {}


def dependents_by_head(doc: Doc, labels: tuple[str, ...]) -> dict[int, list[int]]:
    """Per head token: its dependents whose label is one of ``labels``, in text order as ``Token.children``
    yields them. Built once per Doc and label set from the columns, so a rule asking about many heads
    walks no Token's children."""
    by_labels: dict[tuple[str, ...], dict[int, list[int]]] = doc.user_data.setdefault(_DEPENDENTS_KEY, {})
    found = by_labels.get(labels)
    if found is None:
        columns = columns_of(doc)
        found = by_labels[labels] = {}
        for i in columns.with_dep(labels):
            if columns.head[i] != i:
                found.setdefault(columns.head[i], []).append(i)
    return found


def sent_of(tok: Token) -> Span:
    """``tok.sent``: the same sentence, taken from ``sentences_of`` (``Token.sent`` searches the Doc for its
    boundaries and builds a new Span every time)."""
    doc = tok.doc
    return sentences_of(doc)[columns_of(doc).sent[tok.i]]
