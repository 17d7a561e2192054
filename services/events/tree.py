"""One article's dependency tree as plain lists, read once per Doc.

spaCy makes a new Python ``Token`` on every ``doc[i]``, ``token.head``, ``token.children``,
``token.sent`` or span iteration, and the coder walks the tree thousands of times per article:
building those objects cost more than the rules themselves. Here each token the rules reach is made
once (``tokens[i]`` returns the same object every time), and heads, children, labels and sentence
bounds are index lists read with ``Doc.to_array``.
"""

from __future__ import annotations

import weakref
from functools import cached_property

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, POS, SENT_START
from spacy.tokens import Doc, Span, Token

from services.common.parse import IOB_BEGIN, IOB_INSIDE, POS_NAME_BY_ID, names_of

_COLUMNS = [HEAD, DEP, SENT_START, POS, ENT_IOB, ENT_TYPE]


class _Tokens(dict[int, Token]):
    """The Doc's Token objects by index, each made on first use (most of an article is never visited)."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, i: int) -> Token:
        tok = self[i] = self.doc[i]
        return tok

    def range(self, start: int, end: int) -> list[Token]:
        """``list(doc[start:end])``."""
        return [self[i] for i in range(start, end)]


class Tree:
    """The tokens, heads, children, labels and sentences of one Doc (which must not change afterwards)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens = _Tokens(doc)
        n = len(doc)
        values = doc.to_array(_COLUMNS) if n else numpy.zeros((0, len(_COLUMNS)), dtype=numpy.uint64)
        # HEAD (relative) and SENT_START (-1/0/1) are signed values stored in the uint64 array.
        signed = values.view(numpy.int64)
        positions = numpy.arange(n, dtype=numpy.int64)
        heads = positions + signed[:, 0]
        self.heads: list[int] = heads.tolist()
        strings = doc.vocab.strings
        self.deps = names_of(values[:, 1], strings.__getitem__, _LABELS)
        self._sent_flags: list[int] = signed[:, 2].tolist()
        self.pos: list[str] = POS_NAME_BY_ID[values[:, 3]].tolist()
        self._ent_iob = values[:, 4]
        self._ent_type = values[:, 5]
        # Children grouped by head, in index order as ``Token.children`` yields them (lefts, then rights):
        # two flat lists instead of a list per token (fewer objects for the garbage collector to track).
        dependants = positions[heads != positions]
        by_head = dependants[numpy.argsort(heads[dependants], kind="stable")]
        self._kid_list: list[int] = by_head.tolist()
        self._kid_offsets: list[int] = numpy.searchsorted(heads[by_head], numpy.arange(n + 1)).tolist()

    # ----- structure --------------------------------------------------------
    def kids(self, i: int) -> list[int]:
        """The indices of ``doc[i].children``."""
        offsets = self._kid_offsets
        return self._kid_list[offsets[i]:offsets[i + 1]]

    def head(self, tok: Token) -> Token:
        return self.tokens[self.heads[tok.i]]

    def children_with(self, tok: Token, deps: tuple[str, ...]) -> list[Token]:
        """``[c for c in tok.children if c.dep_ in deps]``, checking labels before making Tokens."""
        i, offsets, tokens, labels = tok.i, self._kid_offsets, self.tokens, self.deps
        return [tokens[j] for j in self._kid_list[offsets[i]:offsets[i + 1]] if labels[j] in deps]

    def lefts(self, tok: Token) -> list[Token]:
        i, tokens = tok.i, self.tokens
        return [tokens[j] for j in self.kids(i) if j < i]

    def rights(self, tok: Token) -> list[Token]:
        i, tokens = tok.i, self.tokens
        return [tokens[j] for j in self.kids(i) if j > i]

    def subtree(self, i: int) -> list[int]:
        """The indices of ``Token.subtree``: the token and its descendants, in index order."""
        out: list[int] = []
        self._collect(i, out)
        return out

    def _collect(self, i: int, out: list[int]) -> None:
        kids = self.kids(i)
        for j in kids:
            if j < i:
                self._collect(j, out)
        out.append(i)
        for j in kids:
            if j > i:
                self._collect(j, out)

    # ----- sentences and entities ------------------------------------------
    def sent_start(self, i: int) -> int:
        """The first token of ``Token.sent``."""
        flags = self._sent_flags
        while i > 0 and flags[i] != 1:
            i -= 1
        return i

    def sent_end(self, i: int) -> int:
        """The end (exclusive) of ``Token.sent``."""
        flags, n = self._sent_flags, len(self._sent_flags)
        i += 1
        while i < n and flags[i] != 1:
            i += 1
        return i

    @cached_property
    def date_spans(self) -> tuple[Span, ...]:
        """The DATE entities of ``Doc.ents``, in order (``Doc.ents`` would make a Span for every entity)."""
        n = len(self.heads)
        starts = numpy.flatnonzero((self._ent_iob == IOB_BEGIN) & (self._ent_type == self.doc.vocab.strings["DATE"]))
        # an entity runs from its B token over the I tokens after it
        breaks = numpy.append(numpy.flatnonzero(self._ent_iob != IOB_INSIDE), n)
        ends = breaks[numpy.searchsorted(breaks, starts, side="right")]
        bounds = zip(starts.tolist(), ends.tolist(), strict=True)
        return tuple(Span(self.doc, start, end, label="DATE") for start, end in bounds)

    @cached_property
    def date_ents(self) -> dict[int, Span]:
        """The DATE entity each token stands in, by token index (entities do not overlap)."""
        return {i: ent for ent in self.date_spans for i in range(ent.start, ent.end)}


# The tree of the Doc being coded: an article's helpers all ask for the same Doc, one article at a time.
# Held weakly: whoever codes the article keeps it (``Coder.tree``), so its Tokens die with the article
# and do not linger into older garbage-collector generations.
_current: weakref.ref[Tree] | None = None


def tree_of(doc: Doc) -> Tree:
    global _current
    tree = _current() if _current is not None else None
    if tree is None or tree.doc is not doc:
        tree = Tree(doc)
        _current = weakref.ref(tree)
    return tree


# Dependency label id -> its string, for the whole process (the parser has a few dozen labels).
_LABELS: dict[int, str] = {}
