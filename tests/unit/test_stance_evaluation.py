"""Evaluative quotes and reported judgements: the speaker's stance toward the subject judged."""

from __future__ import annotations

from services.stances.testing import stances_for, triples


def test_negative_judgement_of_a_proposal_in_a_quote() -> None:
    text = ("Freedonia's envoy Ivan Petrov spoke before the vote on the draft resolution.\n\n"
            "“The draft resolution is a provocative step that undermines the talks,” Petrov said.")
    t = triples(stances_for(text))
    assert ("Ivan Petrov", "oppose", "draft resolution") in t


def test_reported_judgement_of_actors_behind_an_action() -> None:
    text = "Ambassador Clara Moss said the Freedonian and Sylvanian action would deprive civilians of food."
    r = stances_for(text)
    holders = {(s.holder.name, s.polarity) for s in r.stances if s.kind == "evaluation"}
    assert ("Clara Moss", "oppose") in holders


def test_news_idiom_vader_misreads() -> None:
    # VADER reads "made up alibi" as positive; the evaluation lexicon knows better.
    text = "Envoy Clara Moss said that Petrov's claim of a deal was a made up alibi."
    r = stances_for(text)
    assert any(s.holder.name == "Clara Moss" and s.polarity == "oppose" for s in r.stances)


def test_tone_alone_makes_no_stance() -> None:
    # A cheerful quote about the weather names no target judged by the speaker.
    text = "“What a wonderful, happy, glorious morning in Harbin,” said Maria Lopez."
    assert triples(stances_for(text)) == set()


def test_judgement_of_the_object_is_not_a_judgement_of_the_subject() -> None:
    text = "“We are sad that the council could not pass this vital resolution,” said Maria Lopez."
    t = triples(stances_for(text))
    assert not any(tg == "council" for _h, _p, tg in t)


def test_regret_at_failure_to_adopt_means_support() -> None:
    text = "“We are disappointed that the council was unable to pass the resolution,” said Maria Lopez."
    assert ("Maria Lopez", "support", "resolution") in triples(stances_for(text))


def test_condemning_whoever_opposes_a_proposal_backs_it() -> None:
    text = ("Minister Paul Girard said any country that opposes the draft resolution will "
            "help the killers and bring more death and suffering.")
    assert ("Paul Girard", "support", "draft resolution") in triples(stances_for(text))


def test_praising_whoever_backs_a_proposal_backs_it() -> None:
    text = "“Anyone who supports this plan is a true friend of peace and freedom,” said Paul Girard."
    assert ("Paul Girard", "support", "plan") in triples(stances_for(text))


def test_judging_an_actors_deeds_opposes_the_actor() -> None:
    text = "“Nobody should reward Freedonia's aggression against its neighbours,” said Paul Girard."
    assert ("Paul Girard", "oppose", "Freedonia") in triples(stances_for(text))
