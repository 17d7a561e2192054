"""What every agent's pure part looks like: a batch of incoming messages in,
the messages to publish for each of them out. No Kafka here; the Faust shell
(services.common.worker) and the in-process pipeline both drive these."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from schemas.models import DeadLetterReason
from services.common import config
from services.common.deadletter import dead_letter
from services.common.logs import safe

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Incoming:
    key: bytes | None
    value: bytes | None
    timestamp: float | None = None


@dataclass
class Output:
    """One message to publish: topic is the contract name (the prefix is added when sending)."""

    topic: str
    key: str
    value: BaseModel

    def encode(self) -> bytes:
        return self.value.model_dump_json().encode()


class Stage(Protocol):
    name: str
    source: str

    def handle(self, batch: Sequence[Incoming]) -> list[list[Output]]:
        """Outputs for each incoming message, in order. Must not raise for bad input:
        bad input becomes a dead letter. May raise for a transient failure of the whole batch."""
        ...


def dead_output(stage: str, reason: DeadLetterReason, message: str, msg: Incoming,
                article_id: str | None = None, attempts: int = 1) -> Output:
    dl = dead_letter(stage=stage, reason=reason, message=message, original=msg.value, key=msg.key,
                     article_id=article_id, attempts=attempts)
    log.warning("dead-lettered", extra={"stage": stage, "article_id": dl.article_id, "reason": reason,
                                         "detail": safe(message)})
    return Output(config.DEADLETTER, dl.key or dl.article_id or "", dl)


def decode(model: type[M], msg: Incoming, stage: str) -> M | Output:
    """The upstream message as ``model``, or a dead letter when it is not one."""
    if msg.value is None:
        return dead_output(stage, "empty_body", "empty message", msg)
    try:
        return model.model_validate_json(msg.value)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "value"
        reason: DeadLetterReason = "malformed_json" if first["type"] == "json_invalid" else "invalid_schema"
        return dead_output(stage, reason, f"{where}: {first['msg']}", msg)


def now() -> float:
    return time.time()
