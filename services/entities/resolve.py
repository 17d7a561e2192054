"""Resolve a piece of text to one of the article's canonical entities (pure).

Public API for the stance and event stages::

    from services.entities.resolve import ref_at, ref_for_text, entity_ref

    ref_at(entities, (start, end))    # character span of the normalised text
    ref_at(entities, span_or_token)   # a spaCy Span or Token of the rebuilt Doc
    ref_for_text(entities, "Lavrov")  # a name string -> the canonical entity

Both return an ``EntityRef`` (canonical ``name``, ``entity_id``, ``type``) or
None when nothing matches. Offsets are those of ``article.text`` (the rebuilt
Doc's ``token.idx`` / ``span.start_char`` agree with them).

For many look-ups in one article build an ``EntityResolver`` once and call its
``at`` / ``for_text`` methods (the module functions build one per call).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cached_property

import numpy
from spacy.tokens import Span, Token

from schemas.models import Entity, EntityRef
from services.entities.gazetteer import gazetteer
from services.entities.names import normalise_name

Target = tuple[int, int] | Span | Token


def _gazetteer_name(key: str, text: str) -> str | None:
    """The display name of the country or organisation a name key stands for, if known."""
    g = gazetteer()
    if key in g.case_sensitive and not text.replace(".", "").replace(" ", "").isupper():
        return None
    if key in g.orgs:
        return g.orgs[key].name
    iso = g.country_names.get(key) or g.demonyms.get(key) or g.capitals.get(key)
    return g.countries[iso].name if iso else None


def entity_ref(entity: Entity) -> EntityRef:
    """The reference to a canonical entity."""
    return EntityRef(name=entity.name, entity_id=entity.entity_id, type=entity.type)


def _char_span(target: Target) -> tuple[int, int]:
    if isinstance(target, Token):
        return target.idx, target.idx + len(target.text)
    if isinstance(target, Span):
        return target.start_char, target.end_char
    return int(target[0]), int(target[1])


_TOKEN_RE = re.compile(r"[\w'-]+")


def _covered_chars(spans: Sequence[tuple[int, int, int]]) -> bytearray | None:
    """1 at every character offset some mention covers: most tokens lie outside every mention.

    None when a mention has a negative offset (slices would count it from the end)."""
    if any(s < 0 for s, _, _ in spans):
        return None
    covered = bytearray(max((e for _, e, _ in spans), default=0))
    for s, e, _ in spans:
        if e > s:
            covered[s:e] = b"\x01" * (e - s)
    return covered


class EntityResolver:
    """Look-ups over one article's entities (build once per article)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        # Mentions sorted by start, for overlap queries.
        spans = sorted((m.start, m.end, i) for i, e in enumerate(self.entities) for m in e.mentions)
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self._max_len = max((e - s for s, e, _ in spans), default=0)
        # Callers ask about the same tokens many times per article.
        self._at_cache: dict[tuple[int, int], Entity | None] = {}
        self._covered = _covered_chars(spans)

    @cached_property
    def _name_index(self) -> tuple[dict[str, int], dict[str, list[int]]]:
        """Normalised name / mention text -> entity index (first, most salient wins), and a person's
        surname -> entity indices. Built on the first name look-up: the event stage makes none."""
        order = sorted(range(len(self.entities)), key=lambda i: -self.entities[i].salience)
        names: dict[str, int] = {}
        surnames: dict[str, list[int]] = {}
        for i in order:
            e = self.entities[i]
            for text in [e.name, *(m.text for m in e.mentions)]:
                names.setdefault(normalise_name(text), i)
            if e.type == "PERSON":
                words = _TOKEN_RE.findall(normalise_name(e.name))
                if len(words) > 1:
                    surnames.setdefault(words[-1], []).append(i)
        return names, surnames

    def _entity_at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps [start, end) the most (shorter mention on a tie)."""
        if end <= start:
            end = start + 1
        if self._covered is not None and start >= 0 and self._covered.find(1, start, end) < 0:
            return None  # no mention reaches into [start, end)
        lo = bisect.bisect_left(self._starts, start - self._max_len)
        hi = bisect.bisect_left(self._starts, end)
        best: tuple[int, int] | None = None
        best_i = -1
        for s, e, i in self._spans[lo:hi]:
            overlap = min(e, end) - max(s, start)
            if overlap <= 0:
                continue
            key = (overlap, -(e - s))
            if best is None or key > best:
                best, best_i = key, i
        return self.entities[best_i] if best is not None else None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The canonical entity with a mention overlapping the char span [start, end), or None."""
        key = (start, end)
        if key in self._at_cache:
            return self._at_cache[key]
        ent = self._entity_at(start, end)
        self._at_cache[key] = ent
        return ent

    def entities_at(self, starts: Sequence[int], ends: Sequence[int]) -> list[Entity | None]:
        """``entity_at`` of many char spans at once (every token of a Doc): most overlap no mention."""
        out: list[Entity | None] = [None] * len(starts)
        for k in self._may_overlap(starts, ends):
            out[k] = self.entity_at(starts[k], ends[k])
        return out

    def _may_overlap(self, starts: Sequence[int], ends: Sequence[int]) -> list[int]:
        """Indices of the spans that overlap some mention (all of them when that cannot be told quickly)."""
        if self._covered is None:
            return list(range(len(starts)))
        covered = numpy.frombuffer(self._covered, dtype=numpy.uint8)
        # Covered characters before each offset: a span overlaps a mention iff the count grows across it.
        before = numpy.concatenate(([0], numpy.cumsum(covered, dtype=numpy.int64)))
        lo = numpy.asarray(starts, dtype=numpy.int64)
        hi = numpy.maximum(numpy.asarray(ends, dtype=numpy.int64), lo + 1)  # as _entity_at widens empty spans
        lo, hi = numpy.clip(lo, 0, len(covered)), numpy.clip(hi, 0, len(covered))
        return list(numpy.flatnonzero(before[hi] > before[lo]).tolist())

    def at(self, target: Target) -> EntityRef | None:
        """The canonical entity with a mention covering/overlapping a char span, Span or Token."""
        ent = self.entity_at(*_char_span(target))
        return entity_ref(ent) if ent is not None else None

    def entity_for_text(self, text: str) -> Entity | None:
        """The canonical entity a name string stands for, or None."""
        key = normalise_name(text)
        if not key:
            return None
        names, surnames = self._name_index
        i = names.get(key)
        if i is not None:
            return self.entities[i]
        # Another name of a known country or organisation: a demonym ("Russians"), an alias
        # ("America"), a capital ("Moscow" when the article only names Russia), an acronym.
        canonical = _gazetteer_name(key, text)
        if canonical is not None:
            i = names.get(normalise_name(canonical))
            if i is not None:
                return self.entities[i]
        # A surname of one known person ("Lavrov"); ambiguous surnames resolve to nothing.
        words = _TOKEN_RE.findall(key)
        if len(words) == 1:
            cands = surnames.get(words[0], [])
            if len(cands) == 1:
                return self.entities[cands[0]]
        # A longer phrase ending in a known name ("Foreign Minister Sergei Lavrov").
        for k in range(1, len(words)):
            i = names.get(" ".join(words[k:]))
            if i is not None:
                return self.entities[i]
        return None

    def for_text(self, text: str) -> EntityRef | None:
        ent = self.entity_for_text(text)
        return entity_ref(ent) if ent is not None else None


def ref_at(entities: Sequence[Entity], target: Target) -> EntityRef | None:
    """The entity whose mention overlaps ``target``: (start, end) char offsets, a Span or a Token."""
    return EntityResolver(entities).at(target)


def ref_for_span(entities: Sequence[Entity], start: int, end: int) -> EntityRef | None:
    """Same as ``ref_at(entities, (start, end))``."""
    return EntityResolver(entities).at((start, end))


def ref_for_text(entities: Sequence[Entity], text: str) -> EntityRef | None:
    """The canonical entity a name string stands for ("Lavrov", "Moscow", "Russian"), or None."""
    return EntityResolver(entities).for_text(text)
