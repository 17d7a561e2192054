"""The stance agent pauses the cyclic garbage collector during a batch: that is only free if a batch
leaves no reference cycles behind, and the collector must be back on afterwards."""

from __future__ import annotations

import gc

from services.common.config import Settings
from services.common.nlp import load_nlp
from services.common.stage import Incoming
from services.stances.agent import StancesStage
from services.stances.testing import article_for

TEXT = (
    "Russia vetoed the draft resolution on Monday, while China abstained. \u201cThis is a provocative step,\u201d "
    "Lavrov told reporters.\n\nBritain and France, which drafted the text, condemned the Russian veto. "
    "The UN envoy said the council had failed to pass the ceasefire resolution. She said it was a disgrace."
)


def test_a_batch_leaves_no_garbage_cycles_and_the_collector_on() -> None:
    stage = StancesStage(Settings(), vocab=load_nlp().vocab)
    msg = Incoming(b"t1", article_for(TEXT).model_dump_json().encode())
    stage.handle([msg])
    gc.collect()
    outputs = stage.handle([msg, msg])
    assert gc.isenabled()
    assert gc.collect() == 0
    assert len(outputs) == 2


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    stage = StancesStage(Settings(), vocab=load_nlp().vocab)
    gc.disable()
    try:
        stage.handle([Incoming(b"t1", article_for(TEXT).model_dump_json().encode())])
        assert not gc.isenabled()
    finally:
        gc.enable()
