"""Relations between actors: allies, backers, fighting alongside or against."""

from __future__ import annotations

from services.stances.testing import stances_for, triples


def test_staunch_ally_of() -> None:
    t = triples(stances_for("Freedonia is a staunch ally of Sylvania's government."))
    assert ("Freedonia", "support", "Sylvania's government") in t


def test_appositive_ally() -> None:
    t = triples(stances_for("Freedonia, a key ally of Sylvania, blocked the text."))
    assert ("Freedonia", "support", "Sylvania") in t


def test_backed_by() -> None:
    t = triples(stances_for("The army, backed by Freedonia, retook the town."))
    assert ("Freedonia", "support", "army") in t


def test_fights_alongside() -> None:
    t = triples(stances_for("The army also fights alongside Hezbollah in the south."))
    assert ("army", "support", "Hezbollah") in t


def test_hyphen_backed() -> None:
    t = triples(stances_for("US-backed rebels entered the town on Friday."))
    assert any(h in ("US", "United States") and p == "support" and tg == "rebels" for h, p, tg in t)


def test_campaign_against() -> None:
    t = triples(stances_for("Freedonia has waged a long air campaign against the rebels."))
    assert ("Freedonia", "oppose", "rebels") in t


def test_fight_against_an_occupier() -> None:
    t = triples(stances_for("The rebels vowed to fight the militias until the end."))
    assert ("rebels", "oppose", "militias") in t


def test_attacks_on_a_place_are_not_stances() -> None:
    t = triples(stances_for("The army launched strikes on Harbin on Monday."))
    assert t == set()


def test_attacking_a_town_is_not_a_stance_but_attacking_a_country_is() -> None:
    assert triples(stances_for("The rebels attacked Chicago at dawn.")) == set()
    assert ("Freedonia", "oppose", "Iran") in triples(stances_for("Freedonia attacked Iran in a speech."))


def test_fighting_an_occupation_opposes_the_occupiers() -> None:
    t = triples(stances_for("The rebels will fight the Freedonian and Sylvanian occupation until the end."))
    assert {("rebels", "oppose", "Freedonia"), ("rebels", "oppose", "Sylvania")} <= t or {
        ("rebels", "oppose", "Freedonian"), ("rebels", "oppose", "Sylvanian")} <= t


def test_supporter_of() -> None:
    t = triples(stances_for("Kenya, a long-time supporter of Norway, voted early."))
    assert ("Kenya", "support", "Norway") in t
