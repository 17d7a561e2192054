"""Turn the bytes of an ``articles.raw`` message into a validated RawArticle.

Checks run cheapest first and the size limit before any parsing, so a
hostile message costs at most one bounded scan. Accepted shapes: a JSON
object (``RawArticle``), or a bare text/HTML body.
"""

from __future__ import annotations

import hashlib
import re

import orjson
from pydantic import ValidationError

from schemas.models import RawArticle
from services.common.errors import Rejected

# C0 controls other than tab/newline/CR, DEL and C1 controls: real text has almost none.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.02
_MAX_JSON_DEPTH = 32
_HTML_START = re.compile(r"(?is)\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])")


def decode_utf8(value: bytes) -> str:
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected("not_utf8", f"payload is not valid UTF-8 (byte {exc.start})") from None
    return text.removeprefix("\ufeff")


# The JSON tokens that matter to nesting depth: a whole string (escapes skipped, unterminated at the end
# of the text) or a bracket. Scanning these in C instead of every character in Python is what makes the
# check cheap on long bodies.
_JSON_DEPTH_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


def _json_depth_ok(text: str) -> bool:
    """Cheap bracket-depth scan so deeply nested JSON is refused before orjson recurses."""
    if text.count("[") + text.count("{") <= _MAX_JSON_DEPTH:
        return True  # every level opens with one of these, so few of them cannot nest too deep
    depth = 0
    for token in _JSON_DEPTH_TOKEN.findall(text):
        if token == "[" or token == "{":
            depth += 1
            if depth > _MAX_JSON_DEPTH:
                return False
        elif token == "]" or token == "}":
            depth -= 1
    return True


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) > max(2, _MAX_CONTROL_SHARE * len(text))


def _first_error(exc: ValidationError) -> str:
    err = exc.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(p) for p in err["loc"]) or "value"
    return f"{where}: {err['msg']}"


def parse_raw(value: bytes | None, *, max_bytes: int) -> RawArticle:
    """The article in ``value``, or ``Rejected`` with the dead-letter reason."""
    if value is None or not value.strip():
        raise Rejected("empty_body", "empty message")
    if len(value) > max_bytes:
        raise Rejected("too_large", f"message is {len(value)} bytes, limit is {max_bytes}")
    text = decode_utf8(value)
    if _looks_binary(text):
        raise Rejected("binary_content", "payload is mostly control characters, not text")
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        if not _json_depth_ok(stripped):
            raise Rejected("malformed_json", f"JSON nested deeper than {_MAX_JSON_DEPTH} levels")
        try:
            data = orjson.loads(stripped)
        except orjson.JSONDecodeError as exc:
            raise Rejected("malformed_json", f"invalid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise Rejected("invalid_schema", f"expected a JSON object, got {type(data).__name__}")
        if "body" not in data or data["body"] is None:
            raise Rejected("missing_body", "the JSON object has no 'body'")
        try:
            article = RawArticle.model_validate(data)
        except ValidationError as exc:
            raise Rejected("invalid_schema", _first_error(exc)) from None
    else:
        content_type = "text/html" if _HTML_START.match(text) else None
        article = RawArticle(body=text, content_type=content_type)
    if not article.body.strip():
        raise Rejected("empty_body", "body is blank")
    if _looks_binary(article.body):
        raise Rejected("binary_content", "body is mostly control characters, not text")
    return article


def article_id_for(article: RawArticle, key: bytes | None, value: bytes) -> str:
    """The id: the article's own, else the message key, else a hash of the payload (deterministic)."""
    if article.id and article.id.strip():
        return article.id.strip()
    if key:
        try:
            k = key.decode("utf-8").strip()
        except UnicodeDecodeError:
            k = ""
        if k:
            return k[:512]
    return "sha256-" + hashlib.sha256(value).hexdigest()[:24]
