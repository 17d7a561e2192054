"""A whole made-up article: one proposal named consistently, many positions, quotes and their speakers."""

from __future__ import annotations

from services.stances.testing import speakers, stances_for, triples

ARTICLE = "\n\n".join([
    ('Commission presents migration pact'),
    ('The European Commission on Wednesday presented a migration pact, but Greece and Hungary '
     'immediately rejected the proposal, saying it would leave frontline states to cope alone.'),
    ('Hungarian Prime Minister Viktor Orban called the plan "a betrayal of Europe\'s borders" and'
     ' said his government would not implement it.'),
    ('"We will not accept quotas dictated from Brussels, not now and not ever," Orban told state'
     ' radio. "Our position has not changed."'),
    ('German Chancellor Olaf Scholz welcomed the pact. Berlin and Paris have both backed the '
     'measure, which needs the approval of a majority of member states.'),
    ("Greece's migration minister, Notis Mitarachi, accused Turkey of using migrants as a "
     'weapon.'),
    ("According to diplomats, Italy and Spain are expected to abstain in next month's vote."),
    ('Amnesty International criticised the pact, arguing it would put lives at risk. "This is a '
     'race to the bottom," said Eve Geddie, the group\'s Europe director.'),
]) + "\n"


def test_positions_on_one_consistently_named_proposal() -> None:
    t = triples(stances_for(ARTICLE))
    expected = {
        ("European Commission", "support", "migration pact"),
        ("Greece", "oppose", "migration pact"),
        ("Hungary", "oppose", "migration pact"),
        ("Viktor Orban", "oppose", "migration pact"),
        ("Olaf Scholz", "support", "migration pact"),
        ("Berlin", "support", "migration pact"),
        ("Paris", "support", "migration pact"),
        ("Italy", "neutral", "migration pact"),
        ("Spain", "neutral", "migration pact"),
        ("Amnesty International", "oppose", "migration pact"),
        ("Notis Mitarachi", "oppose", "Turkey"),
    }
    assert expected <= t
    targets = {tg for _h, _p, tg in t if "pact" in tg or "plan" in tg or "proposal" in tg or "measure" in tg}
    assert targets == {"migration pact"}


def test_quotes_and_speakers() -> None:
    sp = speakers(stances_for(ARTICLE))
    assert sp["We will not accept quotas dictated from Brussels, not now and not ever"] == "Viktor Orban"
    assert sp["Our position has not changed."] == "Viktor Orban"
    assert sp["This is a race to the bottom"] == "Eve Geddie"
