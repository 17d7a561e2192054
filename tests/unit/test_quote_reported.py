"""Reported speech: "X said (that) ...", "according to X", "X told Y that ...", "X accused Y of ..."."""

from __future__ import annotations

from services.stances.testing import stances_for


def reported(text: str) -> dict[str, str | None]:
    r = stances_for(text)
    assert all(not q.direct for q in r.reported_speech)
    for q in r.reported_speech:
        assert text[q.start:q.end] == q.text
    return {q.text: (q.speaker.name if q.speaker else None) for q in r.reported_speech}


def test_said_that_clause() -> None:
    assert reported("Maria Lopez said that the bridge would reopen in May.") == {
        "the bridge would reopen in May": "Maria Lopez"}


def test_said_without_that() -> None:
    assert reported("Daniel Okafor said the port will stay closed this week.") == {
        "the port will stay closed this week": "Daniel Okafor"}


def test_according_to() -> None:
    assert reported("Twelve villages were flooded overnight, according to the Red Cross.") == {
        "Twelve villages were flooded overnight": "Red Cross"}


def test_told_someone_that() -> None:
    assert reported("Peter Novak told reporters that the talks had collapsed.") == {
        "the talks had collapsed": "Peter Novak"}


def test_accused_of() -> None:
    out = reported("Amnesty International accused the police of beating peaceful marchers.")
    assert out == {"the police of beating peaceful marchers": "Amnesty International"}


def test_pronoun_speaker_resolved() -> None:
    text = "Karl Brandt arrived in the capital on Monday.\n\nHe said the border would reopen soon."
    assert reported(text) == {"the border would reopen soon": "Karl Brandt"}


def test_direct_quotes_are_not_reported_speech() -> None:
    r = stances_for("“The harvest is lost,” Ruth Mbeki said.")
    assert r.reported_speech == [] and len(r.quotes) == 1


def test_relative_pronoun_speaker() -> None:
    out = reported("Freedonia, which says it is not involved in the fighting, sent envoys.")
    assert out == {"it is not involved in the fighting": "Freedonia"}


def test_according_to_a_non_actor_is_not_attribution() -> None:
    assert reported("Prices are set according to their weight and size.") == {}


def test_conjoined_speech_verb_keeps_the_first_speaker() -> None:
    text = "Freedonia said it would talk to Sylvania, and warned that any delay would be costly."
    out = reported(text)
    assert out["any delay would be costly"] == "Freedonia"
