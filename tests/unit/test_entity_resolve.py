"""The resolver API the stance and event stages call."""

from __future__ import annotations

from schemas.models import Entity, Mention
from services.common.nlp import blank_vocab_nlp
from services.entities.resolve import EntityResolver, ref_at, ref_for_span, ref_for_text

TEXT = "Russia said Russian jets hit Idlib. Sergei Lavrov spoke. Ed Miliband and David Miliband met."


def m(text: str) -> Mention:
    start = TEXT.index(text)
    return Mention(text=text, start=start, end=start + len(text))


ENTITIES = [
    Entity(entity_id="Q159", name="Russia", type="GPE", mentions=[m("Russia"), m("Russian")], salience=0.9),
    Entity(entity_id="gpe:idlib", name="Idlib", type="GPE", mentions=[m("Idlib")], salience=0.5),
    Entity(entity_id="person:sergei-lavrov", name="Sergei Lavrov", type="PERSON", mentions=[m("Sergei Lavrov")]),
    Entity(entity_id="person:ed-miliband", name="Ed Miliband", type="PERSON", mentions=[m("Ed Miliband")]),
    Entity(entity_id="person:david-miliband", name="David Miliband", type="PERSON", mentions=[m("David Miliband")]),
]


def test_char_span_inside_or_overlapping_a_mention() -> None:
    s = TEXT.index("Russian")
    ref = ref_at(ENTITIES, (s + 1, s + 3))
    assert ref is not None and ref.entity_id == "Q159" and ref.type == "GPE" and ref.name == "Russia"
    assert ref_for_span(ENTITIES, s - 2, s + 2) is not None
    assert ref_at(ENTITIES, (TEXT.index("jets"), TEXT.index("jets") + 4)) is None


def test_token_and_span_of_the_doc() -> None:
    doc = blank_vocab_nlp()(TEXT)
    tok = next(t for t in doc if t.text == "Lavrov")
    ref = ref_at(ENTITIES, tok)
    assert ref is not None and ref.name == "Sergei Lavrov"
    span = doc.char_span(TEXT.index("Idlib"), TEXT.index("Idlib") + 5)
    assert span is not None
    ref = ref_at(ENTITIES, span)
    assert ref is not None and ref.entity_id == "gpe:idlib"


def test_name_strings() -> None:
    assert (r := ref_for_text(ENTITIES, "Lavrov")) and r.entity_id == "person:sergei-lavrov"
    assert (r := ref_for_text(ENTITIES, "Russians")) and r.entity_id == "Q159"
    assert (r := ref_for_text(ENTITIES, "the Russian")) and r.entity_id == "Q159"
    assert (r := ref_for_text(ENTITIES, "Foreign Minister Sergei Lavrov")) and r.name == "Sergei Lavrov"
    assert (r := ref_for_text(ENTITIES, "Russia's")) and r.name == "Russia"


def test_ambiguous_or_unknown_names_resolve_to_none() -> None:
    assert ref_for_text(ENTITIES, "Miliband") is None  # two people share it
    assert ref_for_text(ENTITIES, "Paris") is None  # not in this article
    assert ref_for_text(ENTITIES, "") is None


def test_resolver_reused() -> None:
    r = EntityResolver(ENTITIES)
    assert r.for_text("Idlib") == r.at((TEXT.index("Idlib"), TEXT.index("Idlib") + 5))


def test_other_names_of_a_country_in_the_article() -> None:
    assert (r := ref_for_text(ENTITIES, "Moscow")) is not None and r.entity_id == "Q159"
    assert (r := ref_for_text(ENTITIES, "Russian Federation")) is not None and r.entity_id == "Q159"
    assert ref_for_text(ENTITIES, "Washington") is None  # the US is not in this article


def test_cached_look_ups_agree_with_fresh_ones() -> None:
    resolver = EntityResolver(ENTITIES)
    s = TEXT.index("Lavrov")
    first = resolver.at((s, s + 6))
    assert first is not None and first.name == "Sergei Lavrov"
    assert resolver.at((s, s + 6)) == first == EntityResolver(ENTITIES).at((s, s + 6))


def _most_overlapping(start: int, end: int) -> Entity | None:
    """The resolver's rule, by brute force: most overlap, then the shorter mention, then the earlier one."""
    end = max(end, start + 1)
    mentions = sorted((mt.start, mt.end, k) for k, e in enumerate(ENTITIES) for mt in e.mentions)
    best: tuple[int, int] | None = None
    found = None
    for s, e, k in mentions:
        overlap = min(e, end) - max(s, start)
        if overlap > 0 and (best is None or (overlap, s - e) > best):
            best, found = (overlap, s - e), ENTITIES[k]
    return found


def test_entities_at_equals_entity_at_span_by_span() -> None:
    resolver = EntityResolver(ENTITIES)
    # Every (start, end) pair over the text, empty and reversed spans and offsets past its end included.
    spans = [(start, end) for start in range(-2, len(TEXT) + 3) for end in range(start - 1, start + 9)]
    batch = resolver.entities_at([s for s, _ in spans], [e for _, e in spans])
    assert batch == [_most_overlapping(s, e) for s, e in spans]
    assert batch == [EntityResolver(ENTITIES).entity_at(s, e) for s, e in spans]
    assert any(ent is not None for ent in batch) and any(ent is None for ent in batch)


def test_mentions_with_negative_offsets_still_resolve() -> None:
    odd = [Entity(entity_id="x", name="X", type="ORG", mentions=[Mention(text="X", start=-3, end=2)])]
    resolver = EntityResolver(odd)
    assert resolver.entities_at([0, 5], [1, 6]) == [odd[0], None]
    assert resolver.at((1, 2)) is not None
