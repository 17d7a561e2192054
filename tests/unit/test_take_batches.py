"""take_batches: batches from a Faust agent's stream (Faust's in-process test context, no broker),
with a timer only while a batch is open."""

import asyncio
import time

import faust

from services.common.take import take_batches


def _batches(values: list[int], max_: int, within: float, gap_s: float = 0.0,
             settle_s: float = 0.3) -> list[tuple[list[int], float]]:
    """The batches an agent taking with ``take_batches`` sees, each with when it came (monotonic)."""
    async def run() -> list[tuple[list[int], float]]:
        app = faust.App("take-batches-test", broker="kafka://127.0.0.1:9", store="memory://",
                        autodiscover=False, web_enabled=False)
        seen: list[tuple[list[int], float]] = []

        @app.agent()
        async def consume(stream: faust.StreamT) -> None:
            async for events in take_batches(stream, max_, within):
                seen.append(([e.value for e in events], time.monotonic()))

        async with consume.test_context() as agent:
            for v in values:
                await agent.put(v)
                if gap_s:
                    await asyncio.sleep(gap_s)
            await asyncio.sleep(settle_s)
        return seen

    return asyncio.run(run())


def test_a_full_batch_goes_at_once_and_the_rest_after_the_window() -> None:
    batches = [b for b, _ in _batches(list(range(10)), max_=4, within=0.05)]
    assert batches == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


def test_events_further_apart_than_the_window_come_one_by_one() -> None:
    batches = [b for b, _ in _batches([1, 2, 3], max_=16, within=0.02, gap_s=0.1)]
    assert batches == [[1], [2], [3]]


def test_a_lone_event_waits_the_window_from_its_arrival() -> None:
    started = time.monotonic()
    (batch, at), = _batches([7], max_=16, within=0.15)
    assert batch == [7]
    assert 0.1 <= at - started < 1.0
