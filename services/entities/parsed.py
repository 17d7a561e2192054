"""A parsed article as the entity rules read it: the Doc, its text and its tokens made once.

spaCy builds a new ``Token`` object on every ``doc[i]``, every iteration and every ``.head``, and
``doc.text`` / ``Span.text`` join the tokens again on each access. The rules look at each token
many times, so they index one list of tokens and slice the article's text instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


class ParsedDoc:
    """The Doc of ``text`` (which spaCy's tokenizer keeps character for character) and its tokens."""

    __slots__ = ("doc", "text", "tokens")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.tokens: list[Token] = list(doc)

    def __len__(self) -> int:
        return len(self.tokens)

    def span(self, start: int, end: int) -> Span:
        return self.doc[start:end]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the text from the first token to the end of the last one."""
        if start >= end:
            return ""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx : last.idx + len(last.text)]
