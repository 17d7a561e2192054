"""Which event loop, Faust settings and collector settings a worker runs with."""

import asyncio
import gc

import pytest
import uvloop

from services.common.config import Settings
from services.common.worker import GC_YOUNG_THRESHOLD, make_app, settle_heap, use_event_loop


@pytest.fixture(autouse=True)
def standard_policy_after() -> object:
    yield
    asyncio.set_event_loop_policy(None)


def test_uvloop_is_the_default_and_every_new_loop_is_one() -> None:
    use_event_loop(Settings().event_loop)
    loop = asyncio.new_event_loop()  # as Faust's consumer thread makes its own
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()


def test_the_standard_loop_can_be_chosen() -> None:
    use_event_loop(Settings(event_loop="asyncio").event_loop)
    loop = asyncio.new_event_loop()
    try:
        assert not isinstance(loop, uvloop.Loop)
    finally:
        loop.close()


def test_apps_do_without_faust_leader_topic() -> None:
    app = make_app("stances", Settings(broker="kafka://127.0.0.1:9", metrics_port=0))
    assert app.conf.topic_disable_leader


def test_a_settled_heap_is_frozen_and_collects_young_objects_less_often() -> None:
    before = gc.get_threshold()
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, before[1], before[2])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
