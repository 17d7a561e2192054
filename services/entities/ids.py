"""Stable entity ids: the same entity gets the same id in every article.

Wikidata QIDs where our offline tables know them (countries, major organisations), otherwise
``<type>:<slug>`` of the canonical name ("person:bashar-assad", "gpe:aleppo"); person slugs
drop name particles so "Bashar al-Assad" and "Bashar Assad" share one id.
"""

from __future__ import annotations

import re

from schemas.models import EntityType
from services.entities.aliases import Cluster, person_tokens
from services.entities.gazetteer import gazetteer
from services.entities.names import normalise_name, slug


def entity_id_for(cl: Cluster, etype: EntityType, name: str) -> tuple[str, str | None]:
    """(entity_id, wikidata QID or None)."""
    if cl.kind == "country" and cl.iso2:
        qid = gazetteer().countries[cl.iso2].qid
        return qid, qid
    if cl.kind == "org" and cl.org is not None:
        if cl.org.qid:
            return cl.org.qid, cl.org.qid
        return "org:" + cl.org.key, None
    if etype == "PERSON":
        base = "-".join(re.sub(r"[^a-z0-9]+", "", t) for t in person_tokens(name))
        return "person:" + (base.strip("-") or slug(name)), None
    if etype in ("GPE", "LOC", "FAC"):
        # One prefix for all places, so a town typed GPE in one article and LOC in another keeps its
        # id; known cities by their geonames name, so "Raqqa" and "Raqqah" share one.
        return "gpe:" + slug(gazetteer().city_canon.get(normalise_name(name), name)), None
    return etype.lower() + ":" + slug(name), None
