"""Merge rules on hand-made candidates (no model): the decisions, not spaCy's labels."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.entities.aliases import classify, cluster_mentions, person_tokens
from services.entities.candidate import Candidate
from services.entities.retype import cluster_type


def cand(text: str, label: str, start: int, **flags: bool) -> Candidate:
    c = Candidate(text=text, start=start, end=start + len(text), label=label, tok_start=0, tok_end=1)
    for name, value in flags.items():
        setattr(c, name, value)
    return c


def test_person_tokens_drop_particles() -> None:
    assert person_tokens("Bashar al-Assad") == ["bashar", "assad"]
    assert person_tokens("Staffan de Mistura") == ["staffan", "mistura"]
    assert person_tokens("Jean-Claude Juncker") == ["jean", "claude", "juncker"]


def test_direction_word_joins_the_known_place() -> None:
    clusters = cluster_mentions([cand("Mosul", "GPE", 0), cand("eastern Mosul", "LOC", 20)], "")
    assert len(clusters) == 1 and len(clusters[0].mentions) == 2


def test_direction_word_kept_for_unknown_place() -> None:
    # "West Bank" is not "Bank".
    clusters = cluster_mentions([cand("West Bank", "GPE", 0), cand("Bank", "ORG", 20)], "")
    assert len(clusters) == 2


def test_country_aliases_and_case() -> None:
    assert classify(cand("U.S.", "GPE", 0))[0] == "country:US"
    assert classify(cand("America", "GPE", 0))[0] == "country:US"
    assert classify(cand("Britons", "NORP", 0))[0] == "country:GB"
    assert classify(cand("Us", "ORG", 0))[0] != "country:US"  # acronyms only in capitals


def test_population_plural_is_people() -> None:
    _key, kind, iso, _ = classify(cand("Syrians", "NORP", 0, population=True))
    assert kind == "people" and iso == "SY"
    assert classify(cand("Syrians", "NORP", 0))[1] == "country"


def test_capital_subject_vs_place() -> None:
    assert classify(cand("Tehran", "GPE", 0, subject=True))[0] == "country:IR"
    assert classify(cand("Tehran", "GPE", 0))[0] == "city:tehran"
    assert classify(cand("Tehran", "GPE", 0, subject=True, place_strong=True))[0] == "city:tehran"


def test_surname_not_merged_when_used_as_place() -> None:
    # "Jackson" the city is not "Andrew Jackson".
    clusters = cluster_mentions([cand("Andrew Jackson", "PERSON", 0),
                                 cand("Jackson", "GPE", 30, place_ctx=True, place_strong=True)], "")
    assert len(clusters) == 2


def test_acronym_needs_matching_initials_or_parentheses() -> None:
    text = "Coastal Fisheries Board said ... CFB ... XYZ"
    clusters = cluster_mentions([cand("Coastal Fisheries Board", "ORG", 0), cand("CFB", "ORG", 33),
                                 cand("XYZ", "ORG", 41)], text)
    assert len(clusters) == 2
    assert {m.text for m in clusters[0].mentions} == {"Coastal Fisheries Board", "CFB"}


def test_head_noun_must_be_the_head() -> None:
    # "Rights" is not the head of "Centre for Human Rights Studies"; "Centre" is.
    text = ""
    clusters = cluster_mentions([cand("Centre for Human Rights Studies", "ORG", 0), cand("Rights", "ORG", 50),
                                 cand("Centre", "ORG", 70)], text)
    long = next(c for c in clusters if c.mentions[0].text.startswith("Centre for"))
    assert {m.text for m in long.mentions} == {"Centre for Human Rights Studies", "Centre"}


def test_type_repair_known_city_labelled_norp_or_person() -> None:
    clusters = cluster_mentions([cand("Mosul", "NORP", 0), cand("Mosul", "NORP", 10)], "")
    assert cluster_type(clusters[0]) == "GPE"
    # A big city beats a PERSON label; a small town named like a person needs context.
    assert cluster_type(cluster_mentions([cand("Baghdad", "PERSON", 0)], "")[0]) == "GPE"


def test_type_repair_unknown_town_from_context() -> None:
    clusters = cluster_mentions([cand("Kfar Zeita", "PERSON", 0, place_ctx=True, place_strong=True)], "")
    assert cluster_type(clusters[0]) == "GPE"


def test_type_repair_surname_of_known_person() -> None:
    clusters = cluster_mentions([cand("Vasily Nebenzya", "PERSON", 0), cand("Nebenzya", "ORG", 40)], "")
    assert len(clusters) == 1 and cluster_type(clusters[0]) == "PERSON"


def test_titled_name_is_a_person_even_if_a_town() -> None:
    clusters = cluster_mentions([cand("Florence", "GPE", 0, titled=True)], "")
    assert cluster_type(clusters[0]) == "PERSON"


def test_known_org_from_gazetteer_is_org() -> None:
    clusters = cluster_mentions([cand("Hezbollah", "NORP", 0)], "")
    assert clusters[0].kind == "org" and cluster_type(clusters[0]) == "ORG"


def test_qualified_short_name_does_not_join_a_different_org() -> None:
    # "Syrian Army" (government) is not "Free Syrian Army" (rebels).
    clusters = cluster_mentions([cand("Free Syrian Army", "ORG", 0), cand("Syrian Army", "ORG", 40)], "")
    assert len(clusters) == 2


def test_lone_slavic_surname_is_a_person() -> None:
    assert cluster_type(cluster_mentions([cand("Peskov", "ORG", 0)], "")[0]) == "PERSON"


def test_kunya_joins_the_full_name() -> None:
    clusters = cluster_mentions([cand("Abu Mohammad al-Golani", "PERSON", 0), cand("Abu Mohammad", "PERSON", 40)], "")
    assert len(clusters) == 1


def test_family_name_first() -> None:
    clusters = cluster_mentions([cand("Ban Ki-moon", "PERSON", 0), cand("Ban", "PERSON", 30)], "")
    assert len(clusters) == 1 and clusters[0].surname_merged


def test_transliteration_variants_are_one_person() -> None:
    clusters = cluster_mentions([cand("Sergei Lavrov", "PERSON", 0), cand("Sergey Lavrov", "PERSON", 40)], "")
    assert len(clusters) == 1


def test_different_first_names_same_surname_stay_apart() -> None:
    clusters = cluster_mentions([cand("Joe Biden", "PERSON", 0), cand("Jill Biden", "PERSON", 40)], "")
    assert len(clusters) == 2


def test_city_spellings_share_a_cluster_and_an_id() -> None:
    from services.entities.ids import entity_id_for

    clusters = cluster_mentions([cand("Raqqa", "GPE", 0), cand("Raqqah", "GPE", 30)], "")
    assert len(clusters) == 1
    assert entity_id_for(clusters[0], "GPE", "Raqqa")[0] == entity_id_for(clusters[0], "LOC", "Raqqah")[0]


def test_chained_surnames_keep_every_mention() -> None:
    cands = [cand("Rami Abdul Karim", "PERSON", 0), cand("Abdul Karim", "PERSON", 30), cand("Karim", "PERSON", 60)]
    clusters = cluster_mentions(cands, "")
    assert len(clusters) == 1 and len(clusters[0].mentions) == 3


def test_chained_org_short_forms_keep_every_mention() -> None:
    cands = [cand("Baltic Institute for Press Freedom", "ORG", 0), cand("Baltic Institute", "ORG", 50),
             cand("Institute", "ORG", 80), cand("BIPF", "ORG", 100)]
    clusters = cluster_mentions(cands, "")
    assert sum(len(c.mentions) for c in clusters) == 4
    assert len(clusters) == 1


POOL = ["Maria Lopez", "Lopez", "Maria", "Global Health Fund", "Fund", "GHF", "Health Fund", "Russia", "Russian",
        "Moscow", "Kyiv", "eastern Kyiv", "Kyiv region", "Ed Miliband", "David Miliband", "Miliband", "UN",
        "Security Council", "UN Security Council", "Syrians", "Abu Omar al-Shami", "Abu Omar", "Shami"]
LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC"]


@given(st.lists(st.tuples(st.sampled_from(POOL), st.sampled_from(LABELS), st.booleans()), max_size=25))
@settings(max_examples=60, deadline=None)
def test_merging_never_loses_or_duplicates_a_mention(items: list[tuple[str, str, bool]]) -> None:
    cands, pos = [], 0
    for text, label, subject in items:
        cands.append(cand(text, label, pos, subject=subject))
        pos += len(text) + 5
    clusters = cluster_mentions(cands, "")
    got = sorted(id(m) for c in clusters for m in c.mentions)
    assert got == sorted(id(c) for c in cands)
    for c in clusters:
        cluster_type(c)  # every cluster gets a type
