"""A parsed article as the entity rules read it: the Doc, its text and its tokens made once.

spaCy builds a new ``Token`` object on every ``doc[i]``, every iteration and every ``.head``, and
``doc.text`` / ``Span.text`` join the tokens again on each access. The rules look at each token
many times, so they index one list of tokens and slice the article's text instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token


class ParsedDoc:
    """The Doc of ``text`` (which spaCy's tokenizer keeps character for character) and its tokens."""

    __slots__ = ("_roots", "doc", "place_contexts", "text", "tokens")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.tokens: list[Token] = list(doc)
        self._roots: dict[tuple[int, int], Token] = {}
        # context.place_context by (start, end, depth): cleaning and making a candidate ask it again.
        self.place_contexts: dict[tuple[int, int, int], int] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def root(self, start: int, end: int) -> Token:
        """``doc[start:end].root``, worked out once per span (each candidate's context asks several times)."""
        key = (start, end)
        root = self._roots.get(key)
        if root is None:
            root = self._roots[key] = self.tokens[self.doc[start:end].root.i]
        return root

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the text from the first token to the end of the last one."""
        if start >= end:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx : last.idx + len(last.text)]
