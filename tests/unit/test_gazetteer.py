"""The offline gazetteer: complete country table, QIDs, demonyms, capitals, organisations."""

from __future__ import annotations

import re

import pycountry

from services.entities.gazetteer import demonym_to_country_name, gazetteer
from services.entities.names import normalise_name, slug


def test_country_table_covers_un_members_with_unique_qids() -> None:
    g = gazetteer()
    assert len(g.countries) >= 197  # 193 UN members, 2 observers, Taiwan, Kosovo
    qids = [c.qid for c in g.countries.values()]
    assert all(re.fullmatch(r"Q\d+", q) for q in qids)
    assert len(set(qids)) == len(qids)
    for iso in g.countries:
        assert iso == "XK" or pycountry.countries.get(alpha_2=iso) is not None


def test_well_known_qids() -> None:
    g = gazetteer()
    assert g.countries["RU"].qid == "Q159"
    assert g.countries["US"].qid == "Q30"
    assert g.countries["GB"].qid == "Q145"
    assert g.countries["CN"].qid == "Q148"
    assert g.orgs["un"].qid == "Q1065"
    assert g.orgs["nato"].qid == "Q7184"
    assert g.orgs["european union"].qid == "Q458"


def test_names_aliases_demonyms_capitals() -> None:
    g = gazetteer()
    assert g.country_names["syrian arab republic"] == "SY"
    assert g.country_names["us"] == "US"
    assert g.demonyms["french"] == "FR"
    assert g.demonyms["british"] == "GB"
    assert g.capitals["moscow"] == "RU"
    assert g.capitals["washington"] == "US"
    assert demonym_to_country_name()["iranian"] == "Iran"


def test_cities_and_provinces() -> None:
    g = gazetteer()
    assert g.cities["mosul"] > 100_000
    assert g.cities["new york city"] > 1_000_000
    assert "texas" in g.provinces


def test_acronyms_are_case_sensitive() -> None:
    g = gazetteer()
    assert {"us", "un", "who", "is"} <= g.case_sensitive


def test_gazetteer_is_loaded_once() -> None:
    assert gazetteer() is gazetteer()


def test_normalise_name() -> None:
    assert normalise_name("the U.S.") == "us"
    assert normalise_name("Russia's") == "russia"
    assert normalise_name("Assad’s") == "assad"
    assert normalise_name("François Hollande") == "francois hollande"
    assert slug("Bashar al-Assad") == "bashar-al-assad"


def test_given_names_are_person_evidence_but_not_places() -> None:
    from services.entities.personnames import given_names, looks_like_person_name

    names = given_names()
    assert {"samantha", "sergei", "yasser"} <= names
    assert "jordan" not in names and "paris" not in names  # a country and a big city
    assert looks_like_person_name("Samantha Power")
    assert not looks_like_person_name("Samantha")  # one word is not enough
    assert not looks_like_person_name("Grace Hospital")  # an organisation word
