"""A parsed article as the entity rules read it: the Doc, its text, its tokens and its columns made once.

spaCy builds a new ``Token`` object on every ``doc[i]``, every iteration and every ``.head``, each
string attribute (``lower_``, ``pos_``, ``text``, ``dep_``) is looked up in the StringStore on every
access, and ``doc.text`` / ``Span.text`` join the tokens again on each access. The rules look at each
token many times, so they index lists of tokens and of the most read values (taken from the article's
``Parse``, which the stage builds anyway) and slice the article's text instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from schemas.models import Parse
from services.common.parse import doc_to_parse


class ParsedDoc:
    """The Doc of ``text`` (which spaCy's tokenizer keeps character for character), its tokens and, per
    token, its ``text``, ``lower_``, ``pos_``, ``dep_`` and ``head.i``, and its entity spans (``parse``:
    ``doc_to_parse(doc)``, when the caller has it)."""

    __slots__ = ("_nummod_heads", "_roots", "deps", "doc", "ents", "heads", "lowers", "place_contexts", "pos",
                 "text", "tokens", "words")

    def __init__(self, doc: Doc, text: str | None = None, parse: Parse | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.tokens: list[Token] = list(doc)  # for the values read less often
        parse = doc_to_parse(doc) if parse is None else parse
        self.words: list[str] = parse.words
        # ``Token.lower_`` is the lexeme's LOWER, which spaCy sets with ``str.lower``
        # (``spacy.lang.lex_attrs.lower``).
        self.lowers: list[str] = parse.lower_words
        self.pos: list[str] = parse.pos
        self.deps: list[str] = parse.deps
        self.heads: list[int] = parse.head_array.tolist()
        self.ents = parse.ents  # (start, end, label) of ``doc.ents``, which makes a Span per entity
        self._roots: dict[tuple[int, int], int] = {}
        self._nummod_heads: set[int] | None = None
        # context.place_context by (start, end, depth): cleaning and making a candidate ask it again.
        self.place_contexts: dict[tuple[int, int, int], int] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def root(self, start: int, end: int) -> int:
        """``doc[start:end].root.i``, worked out once per span (each candidate's context asks several
        times). A one-token span is its own root."""
        if end - start == 1:
            return start
        key = (start, end)
        root = self._roots.get(key)
        if root is None:
            root = self._roots[key] = self.doc[start:end].root.i
        return root

    @property
    def nummod_heads(self) -> set[int]:
        """Tokens with a number among their children ("three Syrians"): ``any(c.dep_ == "nummod" for c in
        tok.children)``, for all tokens at once (``Token.children`` makes a Token per child)."""
        if self._nummod_heads is None:
            heads = self.heads
            self._nummod_heads = {heads[i] for i, dep in enumerate(self.deps) if dep == "nummod" and heads[i] != i}
        return self._nummod_heads

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the text from the first token to the end of the last one."""
        if start >= end:
            return ""
        return self.text[self.tokens[start].idx : self.tokens[end - 1].idx + len(self.words[end - 1])]

    def end_of(self, i: int) -> int:
        """Character offset after token i."""
        return self.tokens[i].idx + len(self.words[i])
