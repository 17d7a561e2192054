"""Votes and acts on a proposal: veto, vote against/for, abstain, sponsor, present, passive voice, naming."""

from __future__ import annotations

from services.stances.testing import stances_for, triples


def test_veto_split_over_conjunction() -> None:
    r = stances_for("Freedonia and Sylvania on Tuesday vetoed a draft resolution on the northern city.")
    assert {("Freedonia", "oppose", "draft resolution"), ("Sylvania", "oppose", "draft resolution")} <= triples(r)
    assert all(s.kind == "vote" for s in r.stances)


def test_voted_against_and_abstained_refer_back_to_the_resolution() -> None:
    text = ("Freedonia vetoed a ceasefire resolution on Monday.\n\n"
            "Bolivia also voted against the text, while Brazil abstained.")
    t = triples(stances_for(text))
    assert ("Bolivia", "oppose", "ceasefire resolution") in t
    assert ("Brazil", "neutral", "ceasefire resolution") in t


def test_presented_by_list_gives_one_stance_each() -> None:
    text = ("Freedonia blocked the draft resolution.\n\n"
            "The text was presented by Norway, Kenya and Mexico.")
    t = triples(stances_for(text))
    assert {("Norway", "support", "draft resolution"), ("Kenya", "support", "draft resolution"),
            ("Mexico", "support", "draft resolution")} <= t


def test_passive_vetoed_by() -> None:
    t = triples(stances_for("The resolution was vetoed by Freedonia on Saturday."))
    assert ("Freedonia", "oppose", "resolution") in t


def test_participle_sponsored_by() -> None:
    t = triples(stances_for("Sponsored by Kenya and Norway, the resolution demanded an end to the shelling."))
    assert {("Kenya", "support", "resolution"), ("Norway", "support", "resolution")} <= t


def test_voted_for() -> None:
    t = triples(stances_for("Mexico voted for the resolution, but Freedonia rejected it."))
    assert ("Mexico", "support", "resolution") in t


def test_rival_proposal_gets_its_own_name() -> None:
    text = ("Freedonia vetoed the draft resolution.\n\n"
            "Freedonia's draft, which asked for talks, was rejected by the council.")
    t = triples(stances_for(text))
    assert ("Freedonia", "oppose", "draft resolution") in t
    assert ("Freedonia", "support", "Freedonia's draft") in t


def test_possessive_veto_noun() -> None:
    text = ("Ambassador Ivan Petrov spoke before the vote on the truce plan.\n\n"
            "Petrov defended his veto of the truce plan.")
    t = triples(stances_for(text))
    assert ("Ivan Petrov", "oppose", "truce plan") in t


def test_used_its_veto_targets_the_proposal_under_discussion() -> None:
    text = "The council debated a ceasefire resolution. Freedonia used its veto for the fifth time."
    assert ("Freedonia", "oppose", "ceasefire resolution") in triples(stances_for(text))


def test_negated_veto_is_not_a_stance() -> None:
    t = triples(stances_for("Freedonia did not veto the resolution."))
    assert not any(h == "Freedonia" for h, _p, _t in t)


def test_supporters_listed_with_including() -> None:
    text = "Eleven members supported the resolution, including Norway, Kenya and Mexico."
    t = triples(stances_for(text))
    assert {("Norway", "support", "resolution"), ("Kenya", "support", "resolution"),
            ("Mexico", "support", "resolution")} <= t


def test_stance_evidence_is_the_sentence() -> None:
    text = "Intro line.\n\nFreedonia vetoed the resolution on Monday."
    r = stances_for(text)
    s = next(s for s in r.stances if s.holder.name == "Freedonia")
    assert s.evidence.text == "Freedonia vetoed the resolution on Monday."
    assert text[s.evidence.start:s.evidence.end] == s.evidence.text
    assert s.target.entity_id is None and s.holder.entity_id is not None


def test_put_forward_drafted_by_and_drew_up() -> None:
    text = ("Kenya put forward a draft resolution on Monday.\n\n"
            "The text, drafted by Norway and Mexico, was debated for hours.\n\n"
            "Brazil drew up the first version.")
    t = triples(stances_for(text))
    assert {("Kenya", "support", "draft resolution"), ("Norway", "support", "draft resolution"),
            ("Mexico", "support", "draft resolution")} <= t


def test_rival_proposal_does_not_capture_later_references() -> None:
    text = ("Freedonia vetoed a draft resolution, and its own rival measure was rejected.\n\n"
            "Minister Paul Girard backed the measure drafted by Norway.")
    t = triples(stances_for(text))
    assert ("Paul Girard", "support", "draft resolution") in t
