"""Speech acts aimed at actors: condemn, accuse, criticise, welcome, praise, urge, label."""

from __future__ import annotations

from services.stances.testing import stances_for, triples


def test_condemned_two_targets_for_vetoing() -> None:
    text = ("Freedonia and Sylvania vetoed the resolution on Monday.\n\n"
            "Amnesty International condemned Freedonia and Sylvania for vetoing the resolution.")
    t = triples(stances_for(text))
    assert {("Amnesty International", "oppose", "Freedonia"),
            ("Amnesty International", "oppose", "Sylvania")} <= t


def test_accused_of() -> None:
    t = triples(stances_for("Amnesty International accused the government of torturing prisoners."))
    assert ("Amnesty International", "oppose", "government") in t


def test_criticised_and_blamed() -> None:
    t = triples(stances_for("Maria Lopez criticised Freedonia and blamed the rebels for the delay."))
    assert ("Maria Lopez", "oppose", "Freedonia") in t
    assert ("Maria Lopez", "oppose", "rebels") in t


def test_welcomed_and_praised() -> None:
    t = triples(stances_for("Kenya welcomed the resolution and praised Norway for its work."))
    assert ("Kenya", "support", "resolution") in t
    assert ("Kenya", "support", "Norway") in t


def test_urged_not_to_veto_means_support() -> None:
    text = "President Anne Holm urged council members not to use their veto against the resolution."
    assert ("Anne Holm", "support", "resolution") in triples(stances_for(text))


def test_urged_to_adopt() -> None:
    text = "Kenya urged the council to adopt the draft resolution."
    assert ("Kenya", "support", "draft resolution") in triples(stances_for(text))


def test_called_them_terrorists() -> None:
    text = "The Freedonian Foreign Ministry called the rebels terrorists in a statement."
    assert ("Freedonian Foreign Ministry", "oppose", "rebels") in triples(stances_for(text))


def test_pronoun_holder_resolves_to_speaker() -> None:
    text = "The Freedonian government says it will reject any truce that lets the rebels stay."
    assert ("Freedonian government", "oppose", "truce") in triples(stances_for(text))


def test_plain_noun_target_is_not_a_stance() -> None:
    t = triples(stances_for("The charity denounced international inaction on Monday."))
    assert t == set()


def test_passive_relative_clause_rejected_by() -> None:
    text = "The talks concern a deal to let the rebels leave, which the rebels have rejected."
    assert ("rebels", "oppose", "deal") in triples(stances_for(text))
