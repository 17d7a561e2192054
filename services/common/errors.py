"""The one exception a pure stage raises to reject an input with a dead-letter reason."""

from __future__ import annotations

from schemas.models import DeadLetterReason


class Rejected(Exception):
    """The input cannot be processed; it goes to the dead-letter topic with this reason."""

    def __init__(self, reason: DeadLetterReason, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason: DeadLetterReason = reason
        self.message = message
