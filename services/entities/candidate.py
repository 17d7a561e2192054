"""A mention candidate: a span of the text that may name an entity, with what its context says."""

from __future__ import annotations

from dataclasses import dataclass

from services.entities.context import is_subject, org_context, place_context, population
from services.entities.names import normalise_name
from services.entities.parsed import ParsedDoc


@dataclass
class Candidate:
    """One mention of a name in the text, before merging."""

    text: str
    start: int
    end: int
    label: str  # spaCy's label, or ORG/PERSON/NORP for our own finds
    tok_start: int
    tok_end: int
    source: str = "ner"  # ner | chunk | demonym
    titled: bool = False  # a personal title stood before it
    place_ctx: bool = False  # "the town of X", "in X", "X province"
    place_strong: bool = False  # a place noun, not only a preposition, says so
    org_ctx: bool = False  # "the X rebel group"
    subject: bool = False  # grammatical subject or agent (capital-as-government)
    population: bool = False  # "thousands of Syrians"

    @property
    def norm(self) -> str:
        return normalise_name(self.text)


def make_candidate(doc: ParsedDoc, s: int, e: int, label: str, source: str, titled: bool = False) -> Candidate:
    place = place_context(doc, s, e)
    return Candidate(
        text=doc.span_text(s, e), start=doc.tokens[s].idx, end=doc.end_of(e - 1),
        label=label, tok_start=s, tok_end=e, source=source, titled=titled,
        place_ctx=place > 0, place_strong=place > 1, org_ctx=org_context(doc, s, e),
        subject=is_subject(doc, doc.root(s, e)), population=population(doc, s, e),
    )
