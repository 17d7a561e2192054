"""More ways news reports a position: pronoun objects, adjectives, nominal acts, light verbs."""

from __future__ import annotations

import pytest

from services.stances.testing import stances_for, triples

CASES = [
    ("The resolution was adopted by 13 votes, with Russia and China abstaining.",
     {("Russia", "neutral", "resolution"), ("China", "neutral", "resolution")}),
    ("Britain supported the motion, while Russia opposed it.",
     {("Britain", "support", "motion"), ("Russia", "oppose", "motion")}),
    ("Russia threatened to veto the resolution.", {("Russia", "oppose", "resolution")}),
    ("Washington imposed sanctions on Iran last year.", {("Washington", "oppose", "Iran")}),
    ("Germany and France signed the agreement in Paris.",
     {("Germany", "support", "agreement"), ("France", "support", "agreement")}),
    ("Japan expressed support for the proposal.", {("Japan", "support", "proposal")}),
    ("Turkey is opposed to the plan.", {("Turkey", "oppose", "plan")}),
    ("Canada was critical of China over the arrests.", {("Canada", "oppose", "China")}),
    ("Poland sided with Ukraine in the dispute.", {("Poland", "support", "Ukraine")}),
    ("Egypt condemned the Russian veto.", {("Egypt", "oppose", "Russia")}),
    ("Russia's invasion of Ukraine has drawn wide condemnation.", {("Russia", "oppose", "Ukraine")}),
    ("Brazil threw its support behind the resolution.", {("Brazil", "support", "resolution")}),
    ("The United States and Britain backed the measure, but Russia voted against it.",
     {("United States", "support", "measure"), ("Britain", "support", "measure"), ("Russia", "oppose", "measure")}),
    ("Israel accused Hamas of violating the truce.", {("Israel", "oppose", "Hamas")}),
    ("Human Rights Watch said the government's crackdown was brutal and illegal.",
     {("Human Rights Watch", "oppose", "government")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_pattern(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(stances_for(text))


def test_it_after_a_proposal_is_not_the_speaker() -> None:
    t = triples(stances_for("Hamas rejected the proposal, saying it favoured Israel."))
    assert ("Hamas", "oppose", "proposal") in t
    assert ("Hamas", "support", "Israel") not in t


def test_decision_to_veto_belongs_to_the_possessor() -> None:
    t = triples(stances_for("Russia's decision to veto the resolution angered Kenya."))
    assert ("Russia", "oppose", "resolution") in t


def test_refused_to_back_is_opposition() -> None:
    t = triples(stances_for("Hungary refused to back the plan."))
    assert ("Hungary", "oppose", "plan") in t


def test_failed_to_condemn_is_no_stance() -> None:
    t = triples(stances_for("Brazil failed to condemn Russia."))
    assert not any(h == "Brazil" for h, _p, _t in t)


def test_modal_lowers_confidence() -> None:
    r = stances_for("Freedonia might veto the resolution.")
    s = next(s for s in r.stances if s.holder.name == "Freedonia")
    assert s.polarity == "oppose" and s.confidence < 0.8


def test_urged_to_pass_it() -> None:
    text = "The Senate debated the border bill. President Ann Cole urged lawmakers to pass it."
    assert ("Ann Cole", "support", "border bill") in triples(stances_for(text))


def test_negotiated_by_and_legislation_refers_back() -> None:
    text = ("The bill, negotiated by Senator Tom Hale, failed on Tuesday.\n\n"
            "The Chamber of Commerce, which backed the legislation, was disappointed.")
    t = triples(stances_for(text))
    assert ("Tom Hale", "support", "bill") in t
    assert ("Chamber of Commerce", "support", "bill") in t
