"""The shell's own commit bookkeeping, without a broker: a batch never carries a partition
past an offset that was not processed (the Faust hand-over loss), re-fetched offsets are
dropped, and a hole makes the partition seek back."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from faust.types import TP

from services.common.config import Settings
from services.common.stage import Incoming, Output
from services.common.worker import MAX_SAME_HOLE, AgentRunner

TP0 = TP("t.articles.raw", 0)
TP1 = TP("t.articles.raw", 1)


class NullStage:
    name = "normaliser-test"
    source = "articles.raw"

    def handle(self, batch: Sequence[Incoming]) -> list[list[Output]]:
        return [[] for _ in batch]


class Runner(AgentRunner):
    def __init__(self, commit_interval_s: float = 0.0) -> None:
        # Interval 0: a commit after every batch, so each test sees every commit decision.
        super().__init__("normaliser", Settings(broker="kafka://127.0.0.1:1", metrics_port=0,
                                                commit_interval_s=commit_interval_s), stage=NullStage())
        self.seeks: list[tuple[TP, int]] = []
        self.committed: list[dict[TP, int]] = []

    async def seek(self, tp: TP, offset: int) -> None:
        self.seeks.append((tp, offset))

    async def commit(self, offsets: dict[TP, int]) -> bool:
        self.committed.append(dict(offsets))
        self._pending.clear()
        return True


def _events(*pairs: tuple[TP, int]) -> list[Any]:
    return [SimpleNamespace(key=b"k", value=b"v", message=SimpleNamespace(tp=tp, offset=o, timestamp=None,
                                                                          topic=tp.topic))
            for tp, o in pairs]


def _run(runner: Runner, *batches: list[Any]) -> None:
    async def go() -> None:
        runner.restored.set()
        for b in batches:
            await runner.process_batch(b)
    asyncio.run(go())


def test_contiguous_batches_commit_last_plus_one() -> None:
    r = Runner()
    r._position.update({TP0: 10, TP1: 0})
    _run(r, _events((TP0, 10), (TP1, 0), (TP0, 11)), _events((TP0, 12)))
    assert r.committed == [{TP0: 12, TP1: 1}, {TP0: 13}]
    assert not r.seeks


def test_a_skipped_offset_is_never_committed_past() -> None:
    r = Runner()
    r._position[TP0] = 10
    # Offset 10 never arrives (what Faust did at a hand-over): no commit moves past it.
    _run(r, _events((TP0, 11), (TP0, 12)))
    assert r.seeks == [(TP0, 10)]
    assert all(c.get(TP0, 10) <= 10 for c in r.committed)
    # The re-read brings 10: processing resumes and commits.
    _run(r, _events((TP0, 10), (TP0, 11)))
    assert r.committed[-1][TP0] == 12


def test_refetched_offsets_are_dropped() -> None:
    r = Runner()
    r._position[TP0] = 5
    _run(r, _events((TP0, 3), (TP0, 4), (TP0, 5)))
    assert r.committed[-1] == {TP0: 6}


def test_a_real_hole_is_stepped_over_after_repeated_reads(monkeypatch: Any) -> None:
    r = Runner()
    r._position[TP0] = 10
    clock = [0.0]
    monkeypatch.setattr("services.common.worker.time.monotonic", lambda: clock[0])
    for _ in range(MAX_SAME_HOLE + 1):
        clock[0] += 10.0  # each re-read came back without offset 10
        _run(r, _events((TP0, 11)))
    assert len(r.seeks) == MAX_SAME_HOLE
    assert r.committed[-1] == {TP0: 12}


class StalledConsumer:
    """What the shell reads from Faust's consumer when checking for stalls."""

    def __init__(self, high: dict[TP, int]) -> None:
        self.high = high

    def assignment(self) -> set[TP]:
        return set(self.high)

    def highwater(self, tp: TP) -> int:
        return self.high[tp]


def test_a_partition_with_waiting_messages_and_no_progress_is_re_read(monkeypatch: Any) -> None:
    # The lost delivery was the partition's last message: no later offset reveals the hole.
    import services.common.worker as worker

    r = Runner()
    waiting, caught_up = (TP(r.settings.topic(NullStage.source), p) for p in (0, 1))
    r._position.update({waiting: 7, caught_up: 3})
    consumer = StalledConsumer({waiting: 8, caught_up: 3})
    monkeypatch.setattr(type(r.app), "consumer", property(lambda app: consumer))
    clock = [100.0]
    monkeypatch.setattr(worker.time, "monotonic", lambda: clock[0])

    async def go() -> None:
        r.restored.set()
        await r.re_read_stalled()  # first sight: starts the clock
        clock[0] += worker.STALL_S / 2
        await r.re_read_stalled()  # not long enough
        assert not r.seeks
        clock[0] += worker.STALL_S
        await r.re_read_stalled()
    asyncio.run(go())
    assert r.seeks == [(waiting, 7)]


def test_with_a_commit_interval_finished_offsets_wait_for_the_timer() -> None:
    r = Runner(commit_interval_s=0.5)
    r._position[TP0] = 10
    _run(r, _events((TP0, 10), (TP0, 11)), _events((TP0, 12)))
    assert r.committed == []  # the periodic commit (or a revocation, or shutdown) takes them
    assert r._pending == {TP0: 13}


def test_light_stages_run_small_batches_inline_and_big_ones_in_a_thread() -> None:
    import services.common.worker as worker

    r = Runner()
    small = [Incoming(b"k", b"x" * 100) for _ in range(worker.INLINE_MAX_BATCH)]
    assert r._inline(small)
    assert not r._inline([*small, Incoming(b"k", b"x")])  # too many
    assert not r._inline([Incoming(b"k", b"x" * (worker.INLINE_MAX_BYTES + 1))])  # too big
    r.agent = "entities"  # spaCy: seconds per batch, always in a thread
    assert not r._inline(small[:1])
