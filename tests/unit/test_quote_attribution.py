"""Who said a direct quote: speaker before or after, pronouns, continuations, partial quotes."""

from __future__ import annotations

from services.stances.testing import speakers, stances_for


def test_speaker_after_quote() -> None:
    r = stances_for("“We will rebuild every school in the province,” Maria Lopez said on Monday.")
    assert speakers(r) == {"We will rebuild every school in the province": "Maria Lopez"}
    assert r.quotes[0].direct and r.quotes[0].cue == "said"


def test_speaker_before_quote_with_colon() -> None:
    r = stances_for('Daniel Okafor said: "The port will stay closed until the storm passes."')
    assert speakers(r) == {"The port will stay closed until the storm passes.": "Daniel Okafor"}


def test_inverted_speaker_with_apposition() -> None:
    r = stances_for("“Nobody will be left behind in the valley,” said Peter Novak, the regional envoy.")
    assert speakers(r) == {"Nobody will be left behind in the valley": "Peter Novak"}


def test_pronoun_resolves_to_earlier_speaker_not_nearest_name() -> None:
    text = ("Foreign minister Karl Brandt said the border would reopen soon.\n\n"
            "Farmers near the home of Anna Weber waited at the gate for hours.\n\n"
            "“We expect the first trucks to cross on Friday,” he told reporters.")
    r = stances_for(text)
    assert speakers(r) == {"We expect the first trucks to cross on Friday": "Karl Brandt"}


def test_pronoun_told_agency() -> None:
    text = ("Samir Haddad of the Northern Front group rejected the offer.\n\n"
            "“It is for the foreign troops to leave our city first,” he told Reuters.")
    r = stances_for(text)
    assert speakers(r)["It is for the foreign troops to leave our city first"] == "Samir Haddad"


def test_quote_continued_in_next_paragraph_without_attribution() -> None:
    text = ("“The harvest is lost in three districts,” said Ruth Mbeki, the agriculture minister.\n\n"
            "“We will need food aid before the winter comes.”")
    r = stances_for(text)
    assert speakers(r) == {"The harvest is lost in three districts": "Ruth Mbeki",
                           "We will need food aid before the winter comes.": "Ruth Mbeki"}


def test_quote_after_attributed_quote_in_same_paragraph() -> None:
    text = "“This is our home,” Omar Farouk said. “We will not leave it for anyone.”"
    r = stances_for(text)
    assert speakers(r) == {"This is our home": "Omar Farouk", "We will not leave it for anyone.": "Omar Farouk"}


def test_partial_quote_inside_sentence() -> None:
    text = "The opposition leader Lena Hart called the budget a “shameless giveaway to the banks”."
    r = stances_for(text)
    assert speakers(r) == {"shameless giveaway to the banks": "Lena Hart"}


def test_group_said_points_back_to_organisation() -> None:
    text = ("The Coastal Rescue Alliance said its boats were stuck in port.\n\n"
            "The group said: “Every day we wait, more people are put at risk at sea.”")
    r = stances_for(text)
    assert speakers(r) == {"Every day we wait, more people are put at risk at sea.": "Coastal Rescue Alliance"}


def test_unbalanced_quote_attributed_to_pronoun() -> None:
    text = ("Deputy envoy Clara Moss spoke after the vote.\n\n"
            "“They have blocked help for the wounded, she said. “This is a shameful day.”")
    r = stances_for(text)
    assert speakers(r)["They have blocked help for the wounded"] == "Clara Moss"
    assert speakers(r)["This is a shameful day."] == "Clara Moss"


def test_apostrophes_do_not_make_quotes() -> None:
    text = "The rebels' commander visited Harbin's old market, the army's spokesman said."
    r = stances_for(text)
    assert r.quotes == []


def test_quote_offsets_and_evidence_point_into_text() -> None:
    text = "Intro line.\n\n“Talks will resume in June,” said Maria Lopez."
    r = stances_for(text)
    q = r.quotes[0]
    assert text[q.start:q.end] == q.text
    assert q.evidence is not None and text[q.evidence.start:q.evidence.end] == q.evidence.text


def test_pronoun_gender_from_title() -> None:
    text = ("Ms Laura Chen met Mr David Osei in the capital.\n\n"
            "“The talks were useful but hard,” he said afterwards.")
    r = stances_for(text)
    assert speakers(r) == {"The talks were useful but hard": "David Osei"}


def test_pronoun_gender_remembered_from_earlier_pronoun() -> None:
    text = ("Laura Chen said she would travel to the border.\n\n"
            "Laura Chen and David Osei spoke to reporters later.\n\n"
            "“We hope for an answer this week,” she said.")
    r = stances_for(text)
    assert speakers(r) == {"We hope for an answer this week": "Laura Chen"}


def test_quoted_titles_are_not_quotes() -> None:
    r = stances_for("The army launched “Operation Northern Storm Rising” in the spring.")
    assert r.quotes == []


def test_actor_speaker_beats_nearer_plain_noun() -> None:
    r = stances_for('Tom Reed said the offer was "an insult to every worker in this country" and vowed to strike.')
    assert speakers(r) == {"an insult to every worker in this country": "Tom Reed"}


def test_quote_split_by_its_attribution() -> None:
    r = stances_for("“We are ready,” Foreign Minister Ana Ruiz said, “to talk to anyone who wants peace.”")
    assert speakers(r) == {"We are ready": "Ana Ruiz", "to talk to anyone who wants peace.": "Ana Ruiz"}


def test_unnamed_spokesman_keeps_whose_spokesman() -> None:
    r = stances_for("“We reject these claims,” a spokesman for the Foreign Ministry said.")
    assert speakers(r) == {"We reject these claims": "spokesman for the Foreign Ministry"}


def test_attribution_in_the_following_quote() -> None:
    text = ("The shelling went on all night.\n\n“We are not leaving.”\n\n"
            "“This is our home,” said Omar Farouk, a shopkeeper.")
    r = stances_for(text)
    assert speakers(r) == {"We are not leaving.": "Omar Farouk", "This is our home": "Omar Farouk"}
