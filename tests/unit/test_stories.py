"""Story clustering: same happening across outlets -> one story; same act on another day -> another."""

from __future__ import annotations

import json

from schemas.models import ArticleStances, Entity, EntityRef, Event, Mention, Span, Stance
from services.events.stories import StoryIndex


def ent(name: str, etype: str = "GPE") -> Entity:
    return Entity(entity_id="ent:" + name.lower(), name=name, type=etype,  # type: ignore[arg-type]
                  mentions=[Mention(text=name, start=0, end=len(name))])


def ref(name: str) -> EntityRef:
    return EntityRef(name=name, entity_id="ent:" + name.lower(), type="GPE")


def msg(aid: str, names: list[str], published: str | None = None, source: str | None = None,
        stances: list[Stance] | None = None) -> ArticleStances:
    return ArticleStances(article_id=aid, language="en", published_at=published, source=source,
                          entities=[ent(n) for n in names], stances=stances or [])


def ev(aid: str, etype: str, actor: str, recipient: str | None = None, date: str | None = None,
       evidence: str = "x", fatalities: int | None = None, **flags: bool) -> Event:
    rec = EntityRef(name=recipient) if recipient else None
    return Event(article_id=aid, event_id=f"ev:{aid}:{etype}:{actor}", type=etype,  # type: ignore[arg-type]
                 actor=ref(actor), recipient=rec, date=date, fatalities=fatalities,
                 evidence=Span(text=evidence, start=0, end=len(evidence)), confidence=0.9, **flags)


VETO_NAMES = ["Norway", "Peru", "Chad", "Fiji", "Oman"]


def test_two_outlets_one_veto_one_story() -> None:
    idx = StoryIndex(window_days=7)
    a = idx.assign(msg("a", VETO_NAMES, "2020-05-04", "outlet1"),
                   [ev("a", "REJECT", "Norway", "the resolution", "2020-05-04")])
    b = idx.assign(msg("b", VETO_NAMES[:4], "2020-05-05", "outlet2"),
                   [ev("b", "REJECT", "Norway", "draft resolution")])
    assert a.story_id == b.story_id
    assert b.article_ids == ["a", "b"] and b.outlets == ["outlet1", "outlet2"]
    assert len(b.events) == 1 and b.events[0].article_ids == ["a", "b"]
    assert b.first_date == "2020-05-04" and b.last_date == "2020-05-05"


def test_same_act_two_months_apart_are_two_stories() -> None:
    idx = StoryIndex(window_days=7)
    a = idx.assign(msg("a", VETO_NAMES, "2020-03-02"), [ev("a", "REJECT", "Norway", "resolution", "2020-03-02")])
    b = idx.assign(msg("b", VETO_NAMES, "2020-05-04"), [ev("b", "REJECT", "Norway", "resolution", "2020-05-04")])
    assert a.story_id != b.story_id


def test_undated_reports_told_on_other_weekdays_are_two_stories() -> None:
    idx = StoryIndex()
    a = idx.assign(msg("a", VETO_NAMES), [ev("a", "REJECT", "Norway", "resolution", evidence="on Monday")])
    b = idx.assign(msg("b", VETO_NAMES), [ev("b", "REJECT", "Norway", "resolution", evidence="on Friday")])
    c = idx.assign(msg("c", VETO_NAMES, "2020-05-05"),
                   [ev("c", "REJECT", "Norway", "resolution", "2020-05-04", evidence="on Monday")])
    assert a.story_id != b.story_id
    assert c.story_id == a.story_id  # 4 May 2020 was a Monday


def test_unrelated_articles_are_not_merged() -> None:
    idx = StoryIndex()
    a = idx.assign(msg("a", VETO_NAMES, "2020-05-04"), [ev("a", "REJECT", "Norway", "resolution")])
    b = idx.assign(msg("b", ["Kenya", "Ghana"], "2020-05-04"), [ev("b", "PROTEST", "Kenya")])
    assert a.story_id != b.story_id


def test_story_ids_are_deterministic() -> None:
    def run() -> list[str]:
        idx = StoryIndex()
        return [idx.assign(msg(a, VETO_NAMES, "2020-05-04"), [ev(a, "REJECT", "Norway", "resolution")]).story_id
                for a in ("a", "b")]
    assert run() == run()


def test_export_restore_round_trip() -> None:
    idx = StoryIndex()
    first = idx.assign(msg("a", VETO_NAMES, "2020-05-04"), [ev("a", "REJECT", "Norway", "resolution")])
    state = json.loads(json.dumps(idx.export()))  # plain JSON-able data
    again = StoryIndex()
    again.restore(state)
    b = again.assign(msg("b", VETO_NAMES, "2020-05-04"), [ev("b", "REJECT", "Norway", "resolution")])
    assert b.story_id == first.story_id and b.article_ids == ["a", "b"]


def test_old_stories_are_evicted() -> None:
    idx = StoryIndex(window_days=3)
    idx.assign(msg("a", VETO_NAMES, "2020-05-04"), [ev("a", "REJECT", "Norway", "resolution")])
    idx.assign(msg("b", ["Kenya"], "2020-06-30"), [ev("b", "PROTEST", "Kenya")])
    assert len(idx.stories) == 1 and "a" not in idx.article_story


def test_redelivered_article_changes_nothing() -> None:
    idx = StoryIndex()
    m = msg("a", VETO_NAMES, "2020-05-04")
    events = [ev("a", "REJECT", "Norway", "resolution")]
    s1 = idx.assign(m, events)
    s2 = idx.assign(m, events)
    assert s1.story_id == s2.story_id and s2.article_ids == ["a"]


def test_negated_and_hypothetical_events_are_not_story_events() -> None:
    idx = StoryIndex()
    s = idx.assign(msg("a", VETO_NAMES), [ev("a", "REJECT", "Norway", "resolution", hypothetical=True),
                                          ev("a", "ASSAULT", "Peru", fatalities=3)])
    assert [e.type for e in s.events] == ["ASSAULT"] and s.events[0].fatalities == 3


def test_stance_differences_between_outlets() -> None:
    def stance(pol: str) -> Stance:
        return Stance(holder=ref("Norway"), target=EntityRef(name="resolution"), polarity=pol,  # type: ignore[arg-type]
                      cue="x", evidence=Span(text="x", start=0, end=1), confidence=0.8)
    idx = StoryIndex()
    idx.assign(msg("a", VETO_NAMES, "2020-05-04", stances=[stance("oppose")]),
               [ev("a", "REJECT", "Norway", "resolution")])
    s = idx.assign(msg("b", VETO_NAMES, "2020-05-04", stances=[stance("support")]),
                   [ev("b", "REJECT", "Norway", "resolution")])
    assert len(s.stance_differences) == 1
    assert s.stance_differences[0].polarities == {"a": "oppose", "b": "support"}


def _at(e: Event, text: str, start: int) -> Event:
    return e.model_copy(update={"evidence": Span(text=text, start=start, end=start + len(text))})


def test_a_recurring_side_event_on_another_day_does_not_split_a_story() -> None:
    idx = StoryIndex()
    a = idx.assign(msg("a", VETO_NAMES), [_at(ev("a", "REJECT", "Norway", "resolution"), "on Monday vetoed", 0),
                                          _at(ev("a", "ACCUSE", "Chad"), "x", 40),
                                          _at(ev("a", "ASSAULT", "Peru"), "shelled on Monday", 90)])
    b = idx.assign(msg("b", VETO_NAMES), [_at(ev("b", "REJECT", "Norway", "resolution"), "vetoed", 0),
                                          _at(ev("b", "ACCUSE", "Fiji"), "y", 30),
                                          _at(ev("b", "ASSAULT", "Peru"), "shelled on Tuesday", 80)])
    assert a.story_id == b.story_id


def test_memory_stays_bounded_and_assign_stays_fast() -> None:
    import time

    idx = StoryIndex(window_days=2, max_stories=300)
    t0 = time.perf_counter()
    for i in range(1500):
        day = f"2020-{1 + (i // 300) % 12:02d}-{1 + (i % 28):02d}"
        names = [f"Place{i % 97}", f"Org{i % 31}", f"Person{i}"]
        idx.assign(msg(f"x{i}", names, day), [ev(f"x{i}", "PROTEST", f"Place{i % 97}", date=day)])
    assert len(idx.stories) <= 300
    assert len(idx.article_story) <= sum(len(s.article_ids) for s in idx.stories.values())
    assert time.perf_counter() - t0 < 20
