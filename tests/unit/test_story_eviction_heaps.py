"""The story index's eviction heaps and founding order decide exactly as a scan of all stories does."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable
from types import SimpleNamespace

import pytest

from services.events import stories as story_module
from services.events.stories import StoryIndex, _State
from tests.unit.test_stories import ev, msg


class ScanningStoryIndex(StoryIndex):
    """The reference: candidates and evictions found by scanning every held story."""

    def _candidates(self, f: story_module._Features) -> list[_State]:
        ids: set[str] = set()
        for key in [*f.entities, *("sig:" + k for k in f.sigs)]:
            ids |= self._postings.get(key, set())
        return [st for sid, st in self.stories.items() if sid in ids]

    def _evict(self) -> None:
        if self.clock is not None:
            horizon = (self.clock - dt.timedelta(days=self.window_days)).isoformat()
            for sid in [sid for sid, st in self.stories.items() if (st.last_date or st.seen or "9999") < horizon]:
                self._drop(sid)
        if len(self.stories) > self.max_stories:
            order = sorted(self.stories.values(), key=lambda s: s.updated_at)
            for st in order[: len(self.stories) - self.max_stories]:
                self._drop(st.story_id)


def _stream(seed: int) -> list[tuple[str, list[str], str | None, str | None]]:
    rng = random.Random(seed)
    out = []
    for i in range(400):
        day = None if rng.random() < 0.15 else (dt.date(2020, 1, 1) + dt.timedelta(days=i // 6 + rng.randint(-9, 3)))
        names = [f"Place{rng.randint(0, 25)}", f"Org{rng.randint(0, 12)}", f"Person{rng.randint(0, 60)}"]
        event_day = None if rng.random() < 0.4 else (day.isoformat() if day else "2019-12-30")
        out.append((f"a{i}", names, day.isoformat() if day else None, event_day))
    return out


def _ticks() -> Callable[[], float]:
    ticks = itertools.count()
    return lambda: float(next(ticks) // 3)


@pytest.mark.parametrize("seed, window, cap", [(1, 3, 40), (2, 10, 15), (3, 2, 1000), (4, 30, 25)])
def test_heaps_decide_as_the_scan_does(monkeypatch: pytest.MonkeyPatch, seed: int, window: int, cap: int) -> None:
    results = []
    for cls in (ScanningStoryIndex, StoryIndex):
        # Update times with ties (several articles per tick), the same for both runs.
        monkeypatch.setattr(story_module, "time", SimpleNamespace(time=_ticks()))
        idx = cls(window_days=window, max_stories=cap)
        assigned = []
        for aid, names, published, event_day in _stream(seed):
            actor = names[0]
            story = idx.assign(msg(aid, names, published), [ev(aid, "PROTEST", actor, date=event_day)])
            assigned.append(story.story_id)
        results.append((assigned, list(idx.stories), dict(idx.article_story)))
    scan, heaps = results
    assert heaps[0] == scan[0]  # every article got the same story
    assert sorted(heaps[1]) == sorted(scan[1]) and heaps[2] == scan[2]


def test_the_heaps_stay_bounded() -> None:
    idx = StoryIndex(window_days=10_000, max_stories=10_000)
    for i in range(600):  # one story updated again and again
        idx.assign(msg(f"b{i}", ["Norway", "Peru"], "2020-05-04"), [ev(f"b{i}", "REJECT", "Norway", "resolution")])
    assert len(idx.stories) == 1
    assert len(idx._by_update) <= 2 * len(idx.stories) + 65
