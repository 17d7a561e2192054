"""Test helpers: run the stance stage over a text of the test's own, parsed with the installed model.

Entities here come from a deliberately plain builder (spaCy's entities grouped
by name, surnames folded into full names), so stance tests do not move when the
entity stage changes.
"""

from __future__ import annotations

import hashlib

from schemas.models import ArticleEntities, ArticleStances, Entity, EntityType, Mention
from services.common.nlp import load_nlp
from services.common.parse import doc_to_parse
from services.stances.process import find_stances

_TYPES: dict[str, EntityType] = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
                                 "FAC": "FAC"}


def simple_entities(doc_ents: list[tuple[str, str, int, int]]) -> list[Entity]:
    """Entities from (text, label, start, end) mentions; a lone surname joins the full name it ends."""
    groups: dict[str, list[tuple[str, str, int, int]]] = {}
    for text, label, start, end in doc_ents:
        if label not in _TYPES:
            continue
        key = text.lower().removeprefix("the ")
        groups.setdefault(key, []).append((text, label, start, end))
    for key in list(groups):
        if " " in key or key not in groups:
            continue
        fuller = [k for k in groups if k != key and k.endswith(" " + key) and groups[k][0][1] == "PERSON"]
        if len(fuller) == 1:
            groups[fuller[0]].extend(groups.pop(key))
    out = []
    for key, ms in groups.items():
        name = max((m[0] for m in ms), key=len)
        name = name[4:] if name.lower().startswith("the ") else name
        label = next((m[1] for m in ms if " " in m[0]), ms[0][1])
        out.append(Entity(entity_id="ent:" + hashlib.sha1(key.encode()).hexdigest()[:8], name=name,
                          type=_TYPES[label], mentions=[Mention(text=m[0], start=m[2], end=m[3]) for m in ms],
                          salience=len(ms) / 10))
    return out


def article_for(text: str, article_id: str = "t1") -> ArticleEntities:
    nlp = load_nlp()
    doc = nlp(text)
    ents = simple_entities([(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents])
    return ArticleEntities(article_id=article_id, language="en", text=text, entities=ents,
                           parse=doc_to_parse(doc), title="A test headline")


def stances_for(text: str) -> ArticleStances:
    """The stance stage's output for ``text``."""
    return find_stances(article_for(text), load_nlp().vocab)


def triples(result: ArticleStances) -> set[tuple[str, str, str]]:
    """(holder, polarity, target) names of the stances, for compact assertions."""
    return {(s.holder.name, s.polarity, s.target.name) for s in result.stances}


def speakers(result: ArticleStances) -> dict[str, str | None]:
    """Quote text -> speaker name."""
    return {q.text: (q.speaker.name if q.speaker else None) for q in result.quotes}
