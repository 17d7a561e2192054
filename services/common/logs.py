"""Structured logging: one JSON object per line, naming the article and stage."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

_MAX_FIELD = 300
_MAX_MSG = 2000
_STANDARD = set(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}


def safe(value: Any, limit: int = _MAX_FIELD) -> str:
    """Input text for a log line: truncated and with control characters escaped."""
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + f"...[{len(text) - limit} more]"
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            # The message too: a format argument may carry input text.
            "msg": safe(record.getMessage(), _MAX_MSG),
        }
        for key, val in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = val if isinstance(val, int | float | bool) or val is None else safe(val)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=True)


def setup_logging(level: str = "info", fmt: str = "json") -> None:
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel({"warn": "WARNING"}.get(level, level.upper()))
    for noisy in ("aiokafka", "faust", "mode"):
        logging.getLogger(noisy).setLevel(max(root.level, logging.WARNING))
