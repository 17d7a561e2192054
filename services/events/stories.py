"""Cross-outlet story clustering from the events themselves (pure, state as plain JSON-able data).

An article joins the story whose events it repeats (same type and actor), whose entities it
shares, and whose dates agree with its own; otherwise it founds a new story. Dates come from the
events' resolved dates, then the publication date; a weekday named in the evidence ("on Saturday")
still separates two vetoes when neither article carries a date. Stories older than the window
(in stream time: the latest date seen) are evicted, so memory stays bounded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from schemas.models import ArticleStances, EntityRef, Event, StanceDifference, Story, StoryEvent
from services.events.dates import parse_published

STATE_VERSION = 1
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_NON_WORD = re.compile(r"\W+")
_CLUSTER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
# The same happening is dated within this many days by different outlets.
SAME_EVENT_DAYS = 2
# Sentences with events that make an article's lead (its main happening).
LEAD_SENTENCES = 2


def ref_key(ref: EntityRef | None) -> str:
    if ref is None:
        return ""
    return ref.entity_id or _name_key(ref.name)


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """A named-only reference's key (a stream repeats its names; the regex is the cost)."""
    return _NON_WORD.sub(" ", name.lower()).strip()


def _sig(ev: Event) -> str:
    """What makes two reports tell of the same kind of happening: the type and who did it."""
    return f"{ev.type}|{ref_key(ev.actor)}"


def _story_event_key(ev: Event) -> str:
    # entity recipients must agree; named-only recipients ("the resolution", "the draft") are one slot
    recip = ev.recipient.entity_id if ev.recipient is not None and ev.recipient.entity_id else "*"
    return f"{ev.type}|{ref_key(ev.actor)}|{recip}"


def _weekday(ev: Event) -> int | None:
    text = ev.evidence.text
    if "day" not in text.lower():
        return None  # every weekday name ends so: a cheap test spares most sentences the regex
    m = _WEEKDAY_RE.search(text)
    return _WEEKDAYS.index(m.group(1).lower()) if m else None


@dataclass
class _Features:
    """What an article contributes to clustering."""

    article_id: str
    outlet: str
    date: dt.date | None
    sigs: dict[str, dict[str, Any]]
    entities: set[str]
    main: set[str] = field(default_factory=set)


@dataclass
class _State:
    """One story's memory (plain data: see ``as_dict``)."""

    story_id: str
    article_ids: list[str]
    outlets: list[str]
    first_date: str | None
    last_date: str | None
    seen: str | None  # stream date at the last update, for eviction of undated stories
    sigs: dict[str, dict[str, Any]]  # sig -> {"dates": [...], "weekdays": [...], "recipients": [...]}
    main: list[str]  # the signatures of its articles' leads
    entities: dict[str, int]
    events: dict[str, dict[str, Any]]
    stances: dict[str, dict[str, Any]]
    updated_at: float = field(default_factory=time.time)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("story_id", "article_ids", "outlets", "first_date", "last_date",
                                               "seen", "sigs", "main", "entities", "events", "stances",
                                               "updated_at")}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> _State:
        return cls(**{k: d[k] for k in ("story_id", "article_ids", "outlets", "first_date", "last_date", "seen",
                                        "sigs", "main", "entities", "events", "stances", "updated_at")})


def _age_key(st: _State) -> str:
    """What a story's age is judged by: its last event date, else the stream date it was last
    updated at; a story with neither never ages out."""
    return st.last_date or st.seen or "9999"


def _features(msg: ArticleStances, events: list[Event]) -> _Features:
    real = [e for e in events if not (e.negated or e.hypothetical or e.background)]
    sigs: dict[str, dict[str, Any]] = {}
    for ev in real:
        s = sigs.setdefault(_sig(ev), {"dates": [], "weekdays": [], "recipients": []})
        if ev.date and ev.date not in s["dates"]:
            s["dates"].append(ev.date)
        wd = _weekday(ev) if ev.date is None else dt.date.fromisoformat(ev.date).weekday()
        if wd is not None and wd not in s["weekdays"]:
            s["weekdays"].append(wd)
        rk = ref_key(ev.recipient)
        if rk and rk not in s["recipients"]:
            s["recipients"].append(rk)
    # the lead: news puts the happening it reports in its first sentences
    lead = sorted({e.evidence.start for e in real})[:LEAD_SENTENCES]
    main = {_sig(e) for e in real if e.evidence.start in lead}
    dates = Counter(e.date for e in real if e.date)
    date = dt.date.fromisoformat(dates.most_common(1)[0][0]) if dates else parse_published(msg.published_at)
    ents = {e.entity_id for e in msg.entities if e.type in _CLUSTER_TYPES}
    return _Features(article_id=msg.article_id, outlet=msg.source or "", date=date, sigs=sigs, entities=ents,
                     main=main)


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two tellings of one (type, actor) can be the same happening: dates and weekdays agree."""
    if a["dates"] and b["dates"]:
        da = [dt.date.fromisoformat(x) for x in a["dates"]]
        db = [dt.date.fromisoformat(x) for x in b["dates"]]
        if min(abs((x - y).days) for x in da for y in db) > SAME_EVENT_DAYS:
            return False
    # two weekdays named for one happening that share no day: two happenings
    return not (a["weekdays"] and b["weekdays"] and not set(a["weekdays"]) & set(b["weekdays"]))


class StoryIndex:
    """Assigns each article (and its events) to a story; state is plain data for a Faust table."""

    def __init__(self, window_days: int = 7, max_stories: int = 10_000, min_score: float = 1.0) -> None:
        self.window_days = window_days
        self.max_stories = max_stories
        self.min_score = min_score
        self.stories: dict[str, _State] = {}
        self.article_story: dict[str, str] = {}
        self.clock: dt.date | None = None
        # derived look-ups (rebuilt on restore): entity/signature -> stories holding it
        self._postings: dict[str, set[str]] = {}
        # Founding (or restoring) order of the held stories, and two heaps for eviction, so an
        # article costs O(log stories) rather than a scan (or, at the cap, a sort) of all of them.
        # Heap entries go stale when a story changes or is dropped; they are checked when popped.
        self._order: dict[str, int] = {}
        self._held = 0
        self._by_age: list[tuple[str, int, str]] = []  # (age key, order, story id)
        self._by_update: list[tuple[float, int, str]] = []  # (updated_at, order, story id)

    # ----- state -------------------------------------------------------------
    def export(self) -> dict[str, Any]:
        """All state as JSON-able data."""
        return {"version": STATE_VERSION, "window_days": self.window_days,
                "clock": self.clock.isoformat() if self.clock else None,
                "stories": [s.as_dict() for s in self.stories.values()]}

    def restore(self, data: dict[str, Any]) -> None:
        """Replace the state by one ``export`` produced."""
        self.stories = {}
        self.article_story = {}
        self._postings = {}
        self._order, self._by_age, self._by_update = {}, [], []
        self.clock = dt.date.fromisoformat(data["clock"]) if data.get("clock") else None
        for d in data.get("stories", []):
            st = _State.from_dict(d)
            self.hold(st)
            for aid in st.article_ids:
                self.article_story[aid] = st.story_id
            self._post(st)

    @classmethod
    def from_state(cls, data: dict[str, Any], **kwargs: Any) -> StoryIndex:
        idx = cls(**kwargs)
        idx.restore(data)
        return idx

    def hold(self, st: _State) -> None:
        """Keep a story (founded here, or restored): after the ones held before it, and evictable."""
        self.stories[st.story_id] = st
        if st.story_id not in self._order:
            self._order[st.story_id] = self._held
            self._held += 1
        self._note(st)

    def _note(self, st: _State) -> None:
        """Put the story's current age and update time on the eviction heaps."""
        order = self._order[st.story_id]
        heapq.heappush(self._by_age, (_age_key(st), order, st.story_id))
        heapq.heappush(self._by_update, (st.updated_at, order, st.story_id))
        if len(self._by_update) > 2 * len(self.stories) + 64:  # mostly stale entries: rebuild
            held = [(self._order[sid], st) for sid, st in self.stories.items()]
            self._by_age = [(_age_key(s), o, s.story_id) for o, s in held]
            self._by_update = [(s.updated_at, o, s.story_id) for o, s in held]
            heapq.heapify(self._by_age)
            heapq.heapify(self._by_update)

    # ----- clustering ---------------------------------------------------------
    def _post(self, st: _State, entities: Iterable[str] | None = None, sigs: Iterable[str] | None = None) -> None:
        """Post the story under its entities and signatures (or only these, when the rest are posted already)."""
        for key in [*(st.entities if entities is None else entities),
                    *("sig:" + k for k in (st.sigs if sigs is None else sigs))]:
            self._postings.setdefault(key, set()).add(st.story_id)

    def _idf(self, key: str) -> float:
        df = len(self._postings.get(key, ()))
        return math.log(1.0 + (len(self.stories) + 1) / (df + 1))

    def _candidates(self, f: _Features) -> list[_State]:
        """Stories sharing an entity or an event signature with the article (in founding order)."""
        ids: set[str] = set()
        for key in [*f.entities, *("sig:" + k for k in f.sigs)]:
            ids |= self._postings.get(key, set())
        return sorted((self.stories[sid] for sid in ids if sid in self.stories),
                      key=lambda st: self._order[st.story_id])

    def _score(self, f: _Features, st: _State) -> float:
        if f.date is not None and st.first_date and st.last_date:
            lo = dt.date.fromisoformat(st.first_date) - dt.timedelta(days=self.window_days)
            hi = dt.date.fromisoformat(st.last_date) + dt.timedelta(days=self.window_days)
            if not lo <= f.date <= hi:
                return 0.0
        shared = 0.0
        for sig, mine in f.sigs.items():
            theirs = st.sigs.get(sig)
            if theirs is None:
                continue
            if not _compatible(mine, theirs):
                if sig in f.main or sig in st.main:
                    return 0.0  # the lead happening again, on another day: another happening
                continue  # a side event that recurs (daily shelling) says nothing either way
            shared += 1.0 + 0.5 * bool(set(mine["recipients"]) & set(theirs["recipients"]))
        if not f.entities:
            return shared
        total = sum(self._idf(k) for k in f.entities)
        common = sum(self._idf(k) for k in f.entities if k in st.entities)
        ent_sim = common / total if total else 0.0
        if shared == 0.0 and ent_sim < 0.6:
            return 0.0
        if ent_sim < 0.15:
            return 0.0
        return shared + 3.0 * ent_sim

    def assign(self, msg: ArticleStances, events: list[Event]) -> Story:
        """The story this article belongs to (founding one if none fits); its events get the story id."""
        known = self.article_story.get(msg.article_id)
        if known is not None and known in self.stories:
            return self._story(self.stories[known])  # a redelivered article changes nothing
        f = _features(msg, events)
        if f.date is not None and (self.clock is None or f.date > self.clock):
            self.clock = f.date
        self._evict()
        best: _State | None = None
        best_score = self.min_score
        for st in self._candidates(f):
            sc = self._score(f, st)
            if sc >= best_score:
                best, best_score = st, sc
        if best is None:
            best = self._found(f, events)
        self._add(best, f, msg, events)
        return self._story(best)

    def _found(self, f: _Features, events: list[Event]) -> _State:
        first = events[0].event_id if events else ""
        story_id = "story:" + hashlib.sha1(f"{f.article_id}|{first}".encode()).hexdigest()[:16]
        st = _State(story_id=story_id, article_ids=[], outlets=[], first_date=None, last_date=None, seen=None,
                    sigs={}, main=[], entities={}, events={}, stances={})
        self.hold(st)
        return st

    def _add(self, st: _State, f: _Features, msg: ArticleStances, events: list[Event]) -> None:
        st.article_ids.append(f.article_id)
        self.article_story[f.article_id] = st.story_id
        if f.outlet and f.outlet not in st.outlets:
            st.outlets.append(f.outlet)
        dates = [d for d in [f.date.isoformat() if f.date else None, *(e.date for e in events
                 if e.date and not e.background)] if d]
        if dates:
            st.first_date = min([*dates, *([st.first_date] if st.first_date else [])])
            st.last_date = max([*dates, *([st.last_date] if st.last_date else [])])
        st.seen = self.clock.isoformat() if self.clock else st.seen
        for sig, v in f.sigs.items():
            cur = st.sigs.setdefault(sig, {"dates": [], "weekdays": [], "recipients": []})
            for k in ("dates", "weekdays", "recipients"):
                cur[k].extend(x for x in v[k] if x not in cur[k])
        st.main.extend(sig for sig in sorted(f.main) if sig not in st.main)
        for key in f.entities:
            st.entities[key] = st.entities.get(key, 0) + 1
        for ev in events:
            if ev.negated or ev.hypothetical or ev.background:
                continue
            se = st.events.setdefault(_story_event_key(ev), {
                "type": ev.type, "actor": ev.actor.name, "recipient": ev.recipient.name if ev.recipient else None,
                "mode": ev.mode, "date": ev.date, "fatalities": ev.fatalities, "article_ids": [], "event_ids": []})
            if f.article_id not in se["article_ids"]:
                se["article_ids"].append(f.article_id)
            if ev.event_id not in se["event_ids"]:
                se["event_ids"].append(ev.event_id)
            if ev.date and (se["date"] is None or ev.date < se["date"]):
                se["date"] = ev.date
            if ev.fatalities is not None and (se["fatalities"] is None or ev.fatalities > se["fatalities"]):
                se["fatalities"] = ev.fatalities  # outlets' tolls grow: the highest reported
            se["mode"] = se["mode"] or ev.mode
        for s in msg.stances:
            key = f"{ref_key(s.holder)}|{ref_key(s.target)}"
            entry = st.stances.setdefault(key, {"holder": s.holder.name, "target": s.target.name, "polarities": {}})
            entry["polarities"].setdefault(f.article_id, s.polarity)
        st.updated_at = time.time()
        self._post(st, f.entities, f.sigs)  # its earlier keys were posted when they came
        self._note(st)

    def _story(self, st: _State) -> Story:
        events = [StoryEvent(**e) for e in st.events.values()]
        diffs = [StanceDifference(holder=e["holder"], target=e["target"], polarities=dict(e["polarities"]))
                 for e in st.stances.values() if len(set(e["polarities"].values())) > 1]
        return Story(story_id=st.story_id, article_ids=list(st.article_ids), outlets=list(st.outlets),
                     first_date=st.first_date, last_date=st.last_date, events=events,
                     stance_differences=diffs, updated_at=st.updated_at)

    def _evict(self) -> None:
        """Drop stories older than the window (stream time), and the oldest beyond max_stories."""
        if self.clock is not None:
            horizon = (self.clock - dt.timedelta(days=self.window_days)).isoformat()
            while self._by_age and self._by_age[0][0] < horizon:
                _, order, sid = heapq.heappop(self._by_age)
                st = self.stories.get(sid)
                # A stale entry (dropped, or changed since: its newer entry is on the heap) is skipped.
                if st is not None and self._order[sid] == order and _age_key(st) < horizon:
                    self._drop(sid)
        # The least recently updated beyond the cap; ties in the order the stories were held.
        while len(self.stories) > self.max_stories and self._by_update:
            updated_at, order, sid = heapq.heappop(self._by_update)
            st = self.stories.get(sid)
            if st is not None and self._order[sid] == order and st.updated_at == updated_at:
                self._drop(sid)

    def _drop(self, sid: str) -> None:
        st = self.stories.pop(sid)
        del self._order[sid]
        for key in [*st.entities, *("sig:" + k for k in st.sigs)]:
            holders = self._postings.get(key)
            if holders is not None:
                holders.discard(sid)
                if not holders:
                    del self._postings[key]
        for aid in st.article_ids:
            if self.article_story.get(aid) == sid:
                del self.article_story[aid]
