"""Build dead-letter records that keep the original payload exactly as received."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from schemas.models import DeadLetter, DeadLetterReason

# Keep the dead letter under Kafka's default 1 MB message limit.
MAX_ORIGINAL_BYTES = 900_000


def dead_letter(
    *,
    stage: str,
    reason: DeadLetterReason,
    message: str,
    original: bytes | None,
    key: bytes | None,
    article_id: str | None = None,
    attempts: int = 1,
) -> DeadLetter:
    raw = original or b""
    truncated = len(raw) > MAX_ORIGINAL_BYTES
    if truncated:
        raw = raw[:MAX_ORIGINAL_BYTES]
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = base64.b64encode(raw).decode("ascii"), "base64"
    key_text = key.decode("utf-8", errors="replace") if key else None
    return DeadLetter(
        article_id=article_id or key_text,
        key=key_text,
        stage=stage,
        error=reason,
        message=message[:2000],
        original=text,
        original_encoding=encoding,  # type: ignore[arg-type]
        original_truncated=truncated,
        received_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
        attempts=attempts,
    )
