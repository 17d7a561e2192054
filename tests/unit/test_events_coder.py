"""The PLOVER event coder on sentences written for these tests (parsed once with the real model)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from schemas.models import ArticleStances, Entity, EntityRef, Event, Mention, Quote
from services.common.nlp import load_nlp
from services.common.parse import doc_to_parse
from services.events.process import code_events

_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


def article(text: str, published: str | None = None, quotes: Sequence[Quote] = ()) -> ArticleStances:
    """An article as the stance stage hands it on: text, parse, one entity per distinct name."""
    nlp = load_nlp()
    doc = nlp(text)
    ents: dict[str, Entity] = {}
    for e in doc.ents:
        if e.label_ not in _TYPES:
            continue
        key = e.text.lower().removeprefix("the ")
        name = e.text[4:] if e.text.lower().startswith("the ") else e.text
        ent = ents.setdefault(key, Entity(entity_id="ent:" + key.replace(" ", "_"), name=name,
                                          type=e.label_, mentions=[]))  # type: ignore[arg-type]
        ent.mentions.append(Mention(text=e.text, start=e.start_char, end=e.end_char))
    return ArticleStances(article_id="a1", language="en", text=text, entities=list(ents.values()),
                          parse=doc_to_parse(doc), published_at=published, quotes=list(quotes))


def code(text: str, published: str | None = None, quotes: Sequence[Quote] = (),
         keep_background: bool = False) -> list[Event]:
    return code_events(article(text, published, quotes), load_nlp().vocab, keep_background=keep_background)


def triples(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in events}


# ----- verb patterns ------------------------------------------------------------------

def test_veto_one_event_per_actor() -> None:
    evs = code("Russia and China vetoed a draft resolution on Monday.")
    assert triples(evs) == {("REJECT", "Russia", "draft resolution"), ("REJECT", "China", "draft resolution")}
    assert all(e.mode == "veto" and e.actor.entity_id for e in evs)


def test_passive_voice_takes_the_agent() -> None:
    evs = code("The resolution was vetoed by France.")
    assert triples(evs) == {("REJECT", "France", "resolution")}
    assert evs[0].recipient is not None and evs[0].recipient.entity_id is None


def test_particle_pattern() -> None:
    assert ("REJECT", "Hamas", "ceasefire") in triples(code("Hamas ruled out a ceasefire."))


def test_accuse_and_condemn_each_recipient() -> None:
    assert ("ACCUSE", "opposition", "government") in triples(
        code("The opposition accused the government of rigging the vote."))
    got = triples(code("The Arab League condemned Israel and Hamas for the violence."))
    assert {("ACCUSE", "Arab League", "Israel"), ("ACCUSE", "Arab League", "Hamas")} <= got


def test_label_as_accusation() -> None:
    assert ("ACCUSE", "ministry", "protesters") in triples(code("The ministry called the protesters terrorists."))


def test_relative_clause_object_is_the_antecedent() -> None:
    got = triples(code("The union backed a plan, which the government later rejected."))
    assert ("REJECT", "government", "plan") in got


def test_object_given_patterns_take_the_recipient_from_the_preposition() -> None:
    assert triples(code("The United States imposed sanctions on Venezuela.")) == {
        ("SANCTION", "United States", "Venezuela")}
    assert ("AID", "France", "Lebanon") in triples(code("France sent humanitarian aid to Lebanon."))


def test_symmetric_agreement_pairs_the_sides() -> None:
    got = triples(code("The truce was brokered by Egypt and Qatar."))
    assert {("AGREE", "Egypt", "Qatar"), ("AGREE", "Qatar", "Egypt")} <= got


def test_request_to_listed_members() -> None:
    text = '"We urge all sides, including Egypt and Jordan, to respect the truce," said Omar Haddad.'
    speaker = EntityRef(name="Omar Haddad", entity_id="ent:omar_haddad", type="PERSON")
    quote = Quote(speaker=speaker, text=text[1:text.index('"', 1)], start=1, end=text.index('"', 1), direct=True)
    got = triples(code(text, quotes=[quote]))
    assert {("REQUEST", "Omar Haddad", "Egypt"), ("REQUEST", "Omar Haddad", "Jordan")} <= got


def test_crowd_actor_and_protest() -> None:
    evs = code("Thousands of teachers protested in Paris against the pension reform.")
    assert [(e.type, e.actor.name) for e in evs] == [("PROTEST", "teachers")]
    assert evs[0].location is not None and evs[0].location.name == "Paris"


# ----- noun triggers and counts -----------------------------------------------------

def test_noun_trigger_with_demonym_actor_and_count() -> None:
    evs = code("Israeli air strikes killed at least 12 people in Gaza on Sunday.")
    assert len(evs) == 1
    ev = evs[0]
    assert (ev.type, ev.mode, ev.actor.name, ev.fatalities) == ("ASSAULT", "aerial", "Israeli", 12)
    assert ev.recipient is not None and ev.recipient.name == "Gaza"


def test_strikes_on_the_town_of_x_target_x() -> None:
    evs = code("Nine villagers were killed in Ethiopian drone strikes on the village of Bora, officials said.")
    assert [(e.type, e.actor.name, e.recipient.name if e.recipient else None, e.fatalities) for e in evs] == [
        ("ASSAULT", "Ethiopian", "Bora", 9)]


def test_count_in_words_and_apposition() -> None:
    evs = code("Six civilians, two of them children, died in a rocket attack by the militia.")
    assert [(e.type, e.actor.name, e.fatalities) for e in evs] == [("ASSAULT", "militia", 6)]
    evs = code("Soldiers killed twenty-three rebels near the border.")
    assert [(e.actor.name, e.recipient.name if e.recipient else None, e.fatalities) for e in evs] == [
        ("Soldiers", "rebels", 23)]


def test_participle_killing_adds_counts_to_the_attack() -> None:
    evs = code("The army shelled the town of Kobani on Monday, killing 14 people and wounding 30.",
               published="2021-06-10")
    assert len(evs) == 1
    ev = evs[0]
    assert (ev.type, ev.mode, ev.actor.name, ev.fatalities, ev.quantities) == (
        "ASSAULT", "shelling", "army", 14, {"injured": 30})
    assert ev.recipient is not None and ev.recipient.name == "Kobani"
    assert ev.date == "2021-06-07"


def test_passing_mention_of_strikes_is_no_event() -> None:
    assert all(e.type != "ASSAULT" for e in code("The ministry dismissed claims of casualties in its strikes."))


# ----- flags -----------------------------------------------------------------------

def test_negated() -> None:
    evs = code("Germany did not condemn the raid.")
    assert len(evs) == 1 and evs[0].negated and not evs[0].hypothetical


def test_hypothetical_noun_trigger() -> None:
    evs = code("Moscow might use its veto to block the text.")
    assert evs and all(e.hypothetical for e in evs if e.type == "REJECT")


def test_future_and_reported_would() -> None:
    evs = code("The minister will meet with Chinese officials next week.")
    assert [(e.type, e.future, e.hypothetical) for e in evs] == [("CONSULT", True, False)]
    evs = code("The rebels said they would reject any plan that leaves them disarmed.")
    assert [(e.type, e.actor.name, e.future, e.hypothetical) for e in evs] == [("REJECT", "rebels", True, False)]


def test_threatened_action_is_hypothetical() -> None:
    evs = code("Iran threatened to attack American ships.")
    kinds = {(e.type, e.hypothetical) for e in evs}
    assert ("THREATEN", False) in kinds and ("ASSAULT", True) in kinds


def test_pronoun_subject_of_reported_clause() -> None:
    evs = code("The Kenyan government said it will reject the proposal.")
    assert [(e.type, e.actor.name, e.future) for e in evs] == [("REJECT", "Kenyan government", True)]


def test_background_events_dropped_or_marked() -> None:
    text = "In 2015, Saudi Arabia launched air strikes on Yemen."
    assert code(text, published="2020-03-01") == []
    kept = code(text, published="2020-03-01", keep_background=True)
    assert kept and all(e.background for e in kept)


# ----- identity ----------------------------------------------------------------------

def test_same_event_told_twice_is_one_event() -> None:
    evs = code("Russia vetoed the resolution. Later, Russia vetoed the resolution again.")
    assert len(evs) == 1


def test_event_ids_are_deterministic() -> None:
    text = "Police arrested 40 protesters in Nairobi on Friday."
    a, b = code(text), code(text)
    assert [e.event_id for e in a] == [e.event_id for e in b] and a
    assert a[0].quantities == {"arrested": 40}
    assert a[0].evidence.text == text


@pytest.mark.parametrize("text", ["The weather was fine.", "Markets rose on Monday."])
def test_no_event(text: str) -> None:
    assert code(text) == []


def test_article_without_parse() -> None:
    msg = ArticleStances(article_id="a2", language="en", text="", parse=None)
    assert code_events(msg, load_nlp().vocab) == []


# ----- more constructions ----------------------------------------------------------

def test_claimed_attack_takes_the_claimant_as_actor() -> None:
    evs = code("The bombing, which killed 15 soldiers, was claimed by the Islamic State.")
    assert [(e.type, e.actor.name, e.fatalities) for e in evs] == [("ASSAULT", "Islamic State", 15)]


def test_forces_act_for_their_owner() -> None:
    evs = code("Russia's warplanes bombed the town of Ariha.")
    assert [(e.type, e.actor.name, e.recipient.name if e.recipient else None) for e in evs] == [
        ("ASSAULT", "Russia", "Ariha")]


def test_deaths_after_an_attack_are_its_fatalities() -> None:
    evs = code("Ten people died after security forces opened fire on demonstrators.")
    assert [(e.type, e.actor.name, e.fatalities) for e in evs] == [("ASSAULT", "security forces", 10)]


def test_crowd_control_is_coercion() -> None:
    evs = code("Police fired tear gas at protesters in the capital.")
    assert [(e.type, e.mode, e.recipient.name if e.recipient else None) for e in evs] == [
        ("COERCE", "crowd_control", "protesters")]


def test_alleged_act_is_hypothetical() -> None:
    evs = code("Ukraine accused Russia of shelling a nuclear plant.")
    kinds = {(e.type, e.actor.name, e.hypothetical) for e in evs}
    assert ("ACCUSE", "Ukraine", False) in kinds and ("ASSAULT", "Russia", True) in kinds


def test_recipient_attached_to_the_object() -> None:
    assert triples(code("France recalled its ambassador to Italy.")) == {("SANCTION", "France", "Italy")}


def test_headline_paragraph_does_not_lend_a_subject() -> None:
    text = "Talks planned with officials from the northern city\n\nKenya and Uganda on Friday signed a trade deal."
    evs = code(text)
    assert {e.actor.name for e in evs} <= {"Kenya", "Uganda"}
    assert all("\n" not in e.evidence.text for e in evs)


def test_org_anaphor_resolves_to_last_organisation() -> None:
    text = "Amnesty International published a report on Monday. The group accused the army of torture."
    evs = code(text)
    assert ("ACCUSE", "Amnesty International", "army") in triples(evs)


def test_year_only_dates_are_background_without_publication_date() -> None:
    text = "Turkey is an ally of Azerbaijan, and it launched a military campaign to support its army in May 2018."
    assert all(e.type != "ASSAULT" for e in code(text))
    kept = [e for e in code(text, keep_background=True) if e.type == "ASSAULT"]
    assert kept and kept[0].background and kept[0].date == "2018-05-01"


def test_threat_takes_the_target_of_the_threatened_act() -> None:
    evs = code("Turkey has threatened to launch a ground operation against Kurdish fighters.")
    got = {(e.type, e.actor.name, e.recipient.name if e.recipient else None, e.hypothetical) for e in evs}
    assert ("THREATEN", "Turkey", "Kurdish fighters", False) in got
    assert ("ASSAULT", "Turkey", "Kurdish fighters", True) in got


def test_a_tally_of_past_acts_is_background() -> None:
    assert code("Moscow has blocked six resolutions on the war, while Beijing has vetoed four.") == []
    evs = code("Rebels have killed 12 soldiers in the north.")
    assert [(e.type, e.fatalities, e.background) for e in evs] == [("ASSAULT", 12, False)]


def test_quoted_promise_of_violence_is_a_threat_by_the_speaker() -> None:
    text = '"Anyone who stays in the city will be crushed," the general said.'
    speaker = EntityRef(name="Anton Volkov", entity_id="ent:anton_volkov", type="PERSON")
    quote = Quote(speaker=speaker, text=text[1:text.index('"', 1)], start=1, end=text.index('"', 1), direct=True)
    evs = code(text, quotes=[quote])
    assert [(e.type, e.actor.name, e.negated, e.hypothetical) for e in evs] == [
        ("THREATEN", "Anton Volkov", False, False)]
    assert code(text) == []  # no known speaker, no threat


@pytest.mark.parametrize(("text", "want"), [
    ("The United Nations demanded that Israel withdraw its troops.", ("REQUEST", "United Nations", "Israel")),
    ("Germany expressed support for the Ukrainian government.", ("SUPPORT", "Germany", "Ukrainian government")),
    ("Iran issued an ultimatum to the rebels.", ("THREATEN", "Iran", "rebels")),
    ("The minister pressed Beijing to release the detainees.", ("REQUEST", "minister", "Beijing")),
    ("The president lashed out at the opposition.", ("ACCUSE", "president", "opposition")),
    ("Putin met with Xi Jinping in Moscow on Tuesday.", ("CONSULT", "Putin", "Xi Jinping")),
    ("Japan pledged $50 million in aid to Turkey.", ("AID", "Japan", "Turkey")),
    ("Washington expelled 10 Russian diplomats.", ("SANCTION", "Washington", "Russian diplomats")),
    ("Security forces arrested dozens of opposition activists.",
     ("COERCE", "Security forces", "opposition activists")),
    ("Government troops advanced on the rebel stronghold of Daraya.", ("ASSAULT", "Government troops", "Daraya")),
    ("Protesters clashed with police in the capital.", ("ASSAULT", "Protesters", "police")),
    ("Britain voted in favour of the resolution.", ("SUPPORT", "Britain", "resolution")),
    ("Kenya thanked Ethiopia for its help.", ("SUPPORT", "Kenya", "Ethiopia")),
])
def test_pattern_families(text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(code(text))


def test_light_verb_without_object_is_not_a_request() -> None:
    assert all(e.type != "REQUEST" for e in code("The army pressed its offensive."))


def test_count_hung_on_the_speech_verb_still_reaches_the_attack() -> None:
    text = ("Gunmen attacked a village in the north on Wednesday, killing at least 40 people, "
            "including women and children, witnesses said.")
    evs = [e for e in code(text) if e.type == "ASSAULT"]
    assert [(e.actor.name, e.fatalities) for e in evs] == [("Gunmen", 40)]


def test_mediators_are_not_each_others_partners() -> None:
    evs = code("Egypt and Qatar mediated between the warring parties.")
    assert {(e.actor.name, e.recipient.name if e.recipient else None) for e in evs} == {
        ("Egypt", "warring parties"), ("Qatar", "warring parties")}


def test_same_act_on_the_same_thing_in_other_words_is_one_event() -> None:
    text = "Russia vetoed the draft resolution on Monday. The UN resolution, vetoed by Russia, called for a truce."
    evs = [e for e in code(text) if e.type == "REJECT"]
    assert len(evs) == 1 and evs[0].evidence.start == 0


def test_object_pronoun_points_to_the_text_not_the_subject() -> None:
    evs = code("The UN Security Council debated a draft resolution on Monday. Russia vetoed it.")
    assert triples(evs) == {("REJECT", "Russia", "draft resolution")}


def test_subject_of_a_following_clause_is_not_part_of_the_list() -> None:
    got = triples(code("The plan was backed by France but Germany rejected it."))
    assert got == {("SUPPORT", "France", "plan"), ("REJECT", "Germany", "plan")}


def test_gerund_after_by_is_done_by_the_subject() -> None:
    evs = code("Officials said the militia had broken the truce by attacking soldiers near the border, killing two.")
    assert ("ASSAULT", "militia", "soldiers") in triples(evs)
    assert next(e for e in evs if e.type == "ASSAULT").fatalities == 2


def test_event_ids_are_unique_within_an_article() -> None:
    evs = code("Russia and China vetoed and rejected the draft resolution, and Russia condemned France and Britain.")
    ids = [e.event_id for e in evs]
    assert len(ids) == len(set(ids)) and len(ids) >= 4
