"""Per-article tone toward each salient entity: mean VADER tone of the sentences that mention it."""

from __future__ import annotations

import bisect
from collections import Counter

from spacy.tokens import Doc

from schemas.models import Entity, EntityTone, Stance
from services.common.parse import text_of
from services.entities.resolve import entity_ref
from services.stances.doctext import sentences_of
from services.stances.evaluation import tone_of

_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
MAX_ENTITIES = 12


def salient(entities: list[Entity]) -> list[Entity]:
    """The entities worth a tone line: actors, most salient first (mentions break ties)."""
    cands = [e for e in entities if e.type in _TYPES]
    cands.sort(key=lambda e: (-e.salience, -len(e.mentions), e.name))
    return cands[:MAX_ENTITIES]


def entity_tones(doc: Doc, entities: list[Entity], stances: list[Stance]) -> list[EntityTone]:
    sents = sentences_of(doc)
    starts = [s.start_char for s in sents]
    text = text_of(doc)
    cache: dict[int, float] = {}
    out: list[EntityTone] = []
    # Stances per (target entity id, polarity), counted once rather than once per entity.
    toward = Counter((s.target.entity_id, s.polarity) for s in stances)
    for ent in salient(entities):
        idx = sorted({bisect.bisect_right(starts, m.start) - 1 for m in ent.mentions} - {-1})
        if not idx:
            continue
        tones = []
        for k in idx:
            if k not in cache:
                # A sentence's text is text_of(doc)[start:end] (``Span.text`` rebuilds it token by token).
                cache[k] = tone_of(text[sents[k].start_char: sents[k].end_char])
            tones.append(cache[k])
        support = toward[ent.entity_id, "support"]
        oppose = toward[ent.entity_id, "oppose"]
        tone = max(-1.0, min(1.0, sum(tones) / len(tones)))
        out.append(EntityTone(entity=entity_ref(ent), tone=round(tone, 3), support=support, oppose=oppose,
                              sentences=len(idx)))
    return out
