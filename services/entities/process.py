"""Canonical entities of one article from its parse (pure).

spaCy's mentions -> cleaned candidates (``mentions``) -> one cluster per real-world entity
(``aliases``) -> a type (``retype``), a canonical name, a stable id (``ids``) and a salience.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span

from schemas.models import ArticleEntities, Entity, EntityType, NormalisedArticle, Parse
from services.common.parse import doc_to_parse
from services.entities import known_names
from services.entities.aliases import Cluster, cluster_mentions, person_tokens
from services.entities.gazetteer import gazetteer
from services.entities.ids import entity_id_for
from services.entities.lexicon import DIRECTION_WORDS, ORG_WORDS, PLACE_SUFFIXES
from services.entities.mentions import extract_candidates
from services.entities.names import normalise_name
from services.entities.parsed import ParsedDoc
from services.entities.personnames import given_names
from services.entities.retype import PLACE_TYPES, cluster_type
from services.entities.salience import in_headline, salience

# Whether the carried parse's entity spans are replaced by ours (see ``write_back_ents``).
WRITE_BACK_ENTS = False


def warm_up() -> None:
    """Load the gazetteers, name lists and patterns (~1 s) before the first article arrives."""
    gazetteer()
    given_names()
    known_names.warm_up()


def text_to_parse(article: NormalisedArticle) -> str | None:
    """The text the NLP model should parse, or None when the article is skipped."""
    return None if article.skipped else article.text


def _bare_place(text: str) -> str:
    """ "east Aleppo" -> "Aleppo", "Hama province" -> "Hama"."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in DIRECTION_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in PLACE_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _canonical_name(cl: Cluster, etype: EntityType) -> str:
    g = gazetteer()
    if cl.kind == "country" and cl.iso2:
        return g.countries[cl.iso2].name
    if cl.kind == "org" and cl.org is not None:
        return cl.org.name
    texts = [m.text for m in cl.mentions]
    if cl.kind == "city" or etype in PLACE_TYPES:
        # The bare place name ("Aleppo", not "east Aleppo").
        key = cl.key.split(":", 1)[1]
        exact = [t for t in texts if " ".join(person_tokens(t)) == key or normalise_name(t) == key]
        if exact:
            return Counter(exact).most_common(1)[0][0]
        # Other spellings, or only "east Aleppo" / "Hama province": the most used bare form.
        return Counter(_bare_place(t) for t in texts).most_common(1)[0][0]
    if etype == "PERSON":
        return max(texts, key=lambda t: (len(person_tokens(t)), len(t)))
    return max(texts, key=len)


def _headline_names(cl: Cluster, name: str) -> set[str]:
    names = {normalise_name(name)} | {normalise_name(m.text) for m in cl.mentions}
    g = gazetteer()
    if cl.kind == "country" and cl.iso2:
        c = g.countries[cl.iso2]
        names |= {normalise_name(n) for n in (c.name, *c.aliases, *c.demonyms) if normalise_name(n) not in
                  g.case_sensitive}
    return names


_GENERIC_PLURALS = frozenset({"troops", "rebels", "militias", "forces", "authorities", "officials", "activists"})


def _generic(cl: Cluster) -> bool:
    """A lone generic word ("Center", "Ministry") that matched no longer name: not an entity."""
    def generic(word: str) -> bool:
        return word in ORG_WORDS or (word.endswith("s") and word[:-1] in ORG_WORDS) or word in _GENERIC_PLURALS

    return cl.kind == "name" and all(generic(normalise_name(m.text)) for m in cl.mentions)


def build_entities(doc: Doc, title: str | None = None, text: str | None = None,
                   parse: Parse | None = None) -> list[Entity]:
    """One Entity per real-world entity in the Doc, most salient first (``text``: ``doc.text``, and
    ``parse``: ``doc_to_parse(doc)``, when the caller has them: spaCy rebuilds ``doc.text`` from every
    token on each access)."""
    parsed = ParsedDoc(doc, text, parse)
    text = parsed.text
    clusters = cluster_mentions(extract_candidates(parsed), text)
    max_mentions = max((len(cl.mentions) for cl in clusters), default=0)
    # Each entity's fields, validated in one step at the end: pydantic builds the mentions from dicts
    # faster than a Mention(...) call each.
    fields_by_id: dict[str, dict[str, Any]] = {}
    for cl in clusters:
        if _generic(cl):
            continue
        etype = cluster_type(cl)
        name = _canonical_name(cl, etype)
        eid, qid = entity_id_for(cl, etype, name)
        mentions = [{"text": m.text, "start": m.start, "end": m.end} for m in cl.mentions]
        fields = fields_by_id.get(eid)
        if fields is not None:  # two clusters that resolve to one id (rare): one entity
            fields["mentions"].extend(mentions)
            fields["mentions"].sort(key=lambda m: m["start"])
            continue
        fields_by_id[eid] = {
            "entity_id": eid, "name": name, "type": etype, "mentions": mentions, "wikidata": qid,
            "salience": salience(len(mentions), max_mentions, cl.mentions[0].start, len(text),
                                 in_headline(title, _headline_names(cl, name))),
        }
    entities = [Entity.model_validate(fields) for fields in fields_by_id.values()]
    return sorted(entities, key=lambda e: (-e.salience, e.mentions[0].start))


def write_back_ents(doc: Doc, entities: list[Entity]) -> None:
    """Replace the Doc's entity spans by our mentions and types, so the carried parse agrees with
    the entities (titles trimmed, types repaired, names spaCy missed). Mentions that are not whole
    tokens ("Russian" in "Russian-American") are left out."""
    spans = []
    for e in entities:
        for m in e.mentions:
            span = doc.char_span(m.start, m.end, label=e.type, alignment_mode="strict")
            if span is not None:
                spans.append(span)
    spans.sort(key=lambda sp: (sp.start, -sp.end))
    kept: list[Span] = []
    for sp in spans:
        if not kept or sp.start >= kept[-1].end:
            kept.append(sp)
    doc.ents = kept


def tag_entities(article: NormalisedArticle, doc: Doc | None, write_back: bool = WRITE_BACK_ENTS) -> ArticleEntities:
    parse = doc_to_parse(doc) if doc is not None else None
    # The Doc was parsed from ``article.text``, and spaCy's tokenizer keeps every character.
    entities = build_entities(doc, article.title, article.text, parse) if doc is not None else []
    if doc is not None and write_back:
        write_back_ents(doc, entities)
        parse = doc_to_parse(doc)  # with the new entity spans
    return ArticleEntities(
        article_id=article.article_id,
        submitted_at=article.submitted_at,
        url=article.url,
        source=article.source,
        title=article.title,
        published_at=article.published_at,
        language=article.language,
        text=article.text,
        entities=entities,
        skipped=article.skipped,
        duplicate_of=article.duplicate_of,
        parse=parse,
    )
