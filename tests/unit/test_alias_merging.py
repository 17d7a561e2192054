"""Alias merge rules, each with a case where merging would be wrong (own sentences, real model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from schemas.models import Entity
from services.common.nlp import load_nlp
from services.entities.process import build_entities


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def ents(nlp: Language, text: str) -> list[Entity]:
    out = build_entities(nlp(text))
    for e in out:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    return out


def find(entities: list[Entity], mention: str) -> list[Entity]:
    return [e for e in entities if any(m.text == mention for m in e.mentions)]


def test_surname_joins_full_name(nlp: Language) -> None:
    out = ents(nlp, "Foreign Minister Heiko Maas arrived on Monday. Maas said the talks were useful.")
    (maas,) = find(out, "Maas")
    assert maas.name == "Heiko Maas" and maas.type == "PERSON"


def test_two_people_sharing_a_surname_stay_apart(nlp: Language) -> None:
    out = ents(nlp, "Ed Miliband and David Miliband spoke at the conference in London. "
                    "David Miliband later left for New York.")
    persons = {e.name for e in out if e.type == "PERSON"}
    assert {"Ed Miliband", "David Miliband"} <= persons


def test_bare_shared_surname_goes_to_the_nearest_earlier_person(nlp: Language) -> None:
    out = ents(nlp, "Ed Miliband spoke first. Hours later, David Miliband gave a speech in Leeds. "
                    "Miliband said the party had to change.")
    (target,) = find(out, "Miliband")
    assert target.name == "David Miliband"


def test_arabic_surname_with_article(nlp: Language) -> None:
    out = ents(nlp, "Prime Minister Haider al-Abadi visited Basra. Abadi said the army would stay.")
    (abadi,) = find(out, "Abadi")
    assert abadi.name == "Haider al-Abadi"


def test_acronym_joins_its_expansion(nlp: Language) -> None:
    out = ents(nlp, "The Independent Medical Relief Agency (IMRA) said its clinics were shelled. "
                    "IMRA called for a truce.")
    (imra,) = find(out, "IMRA")
    assert imra.name == "Independent Medical Relief Agency" and imra.type == "ORG"
    assert len(imra.mentions) >= 3


def test_known_acronym_joins_gazetteer_org(nlp: Language) -> None:
    out = ents(nlp, "The World Health Organization (WHO) warned of cholera. WHO staff were evacuated.")
    (who,) = find(out, "WHO")
    assert who.entity_id == "Q7817" and who.name == "World Health Organization"


def test_head_noun_short_form_joins_long_org_name(nlp: Language) -> None:
    out = ents(nlp, "The Baltic Institute for Press Freedom published a report on Monday. "
                    "The Institute said three reporters were detained.")
    (inst,) = find(out, "Institute")
    assert inst.name == "Baltic Institute for Press Freedom"


def test_security_council_joins_un_security_council(nlp: Language) -> None:
    out = ents(nlp, "The UN Security Council met on Monday. The Security Council failed to agree.")
    (sc,) = find(out, "Security Council")
    assert sc.entity_id == "Q37470"


def test_demonym_modifying_state_actors_is_the_country(nlp: Language) -> None:
    out = ents(nlp, "Turkish troops crossed the border, and Iranian officials protested.")
    assert find(out, "Turkish")[0].name == "Turkey"
    assert find(out, "Iranian")[0].name == "Iran"
    assert find(out, "Turkish")[0].type == "GPE"


def test_population_plural_stays_people(nlp: Language) -> None:
    out = ents(nlp, "Thousands of Afghans crossed into Iran last week.")
    afghans = find(out, "Afghans")
    assert afghans and afghans[0].type == "NORP" and afghans[0].name == "Afghans"


def test_hyphenated_demonym_pair_is_two_countries(nlp: Language) -> None:
    text = "The plan undermines Russian-American efforts."
    out = ents(nlp, text)
    names = {e.name for e in out}
    assert {"Russia", "United States"} <= names


def test_capital_acting_is_the_country(nlp: Language) -> None:
    out = ents(nlp, "Beijing has rejected the proposal. China says the plan is unfair.")
    (china,) = find(out, "Beijing")
    assert china.name == "China" and china.entity_id == "Q148"


def test_capital_as_place_stays_the_city(nlp: Language) -> None:
    out = ents(nlp, "Speaking in Moscow, the minister said Russia would not back down.")
    (moscow,) = find(out, "Moscow")
    assert moscow.name == "Moscow" and moscow.type == "GPE" and moscow.entity_id != "Q159"
    assert find(out, "Russia")[0].entity_id == "Q159"


def test_visited_capital_stays_the_city(nlp: Language) -> None:
    out = ents(nlp, "The president visited Ankara on Monday.")
    (ankara,) = find(out, "Ankara")
    assert ankara.name == "Ankara"


def test_province_form_joins_the_place(nlp: Language) -> None:
    out = ents(nlp, "Fighting spread across Homs. Rebels hold parts of Homs province.")
    homs = [e for e in out if e.name == "Homs"]
    assert len(homs) == 1 and homs[0].type == "GPE"
    assert {"Homs", "Homs province"} <= {m.text for m in homs[0].mentions}


def test_country_name_is_not_stripped_to_a_shorter_country(nlp: Language) -> None:
    out = ents(nlp, "South Sudan and Sudan signed a deal.")
    names = {e.name for e in out}
    assert {"South Sudan", "Sudan"} <= names


def test_father_in_patronymic_is_someone_else(nlp: Language) -> None:
    out = ents(nlp, "King Salman and Crown Prince Mohammed bin Salman hosted the summit. "
                    "Mohammed bin Salman said the kingdom wanted calm.")
    prince = find(out, "Mohammed bin Salman")[0]
    assert "Salman" not in {m.text for m in prince.mentions}


def test_pro_prefix_is_not_part_of_the_name(nlp: Language) -> None:
    out = ents(nlp, "Syrian President Bashar al-Assad spoke. Later, pro-Assad militias entered the town.")
    names = {e.name for e in out}
    assert "pro-Assad" not in names


def test_byline_and_credit_lines_are_not_entities(nlp: Language) -> None:
    text = "By Jane Smithson\n\nRebels in Homs called for a truce.\n\nReporting by Tom Perry; Editing by Peter Graff"
    names = {e.name for e in ents(nlp, text)}
    assert not names & {"Jane Smithson", "Tom Perry", "Peter Graff"}


def test_capital_hyphen_compounds(nlp: Language) -> None:
    backed = ents(nlp, "Moscow-backed forces advanced on the town.")
    assert find(backed, "Moscow")[0].name == "Russia"
    based = ents(nlp, "A Moscow-based analyst said the talks had failed.")
    assert find(based, "Moscow")[0].name == "Moscow"


def test_surname_after_in_still_joins_and_trump_camp_is_not_a_place(nlp: Language) -> None:
    out = ents(nlp, "Donald Trump spoke on Monday. Voters lost faith in Trump, and the Trump camp was worried.")
    trump = [e for e in out if any(m.text == "Trump" for m in e.mentions)]
    assert len(trump) == 1 and trump[0].name == "Donald Trump" and trump[0].type == "PERSON"
