from __future__ import annotations

import orjson
import pytest

from services.common.errors import Rejected
from services.normaliser.intake import article_id_for, parse_raw

LIMIT = 10_000


def reason(value: bytes | None) -> str:
    with pytest.raises(Rejected) as exc:
        parse_raw(value, max_bytes=LIMIT)
    return exc.value.reason


def test_plain_text_and_json_are_accepted() -> None:
    assert parse_raw(b"A plain article body.", max_bytes=LIMIT).body == "A plain article body."
    art = parse_raw(orjson.dumps({"id": "a1", "url": "https://example.org/x", "body": "Body."}), max_bytes=LIMIT)
    assert (art.id, art.url, art.body) == ("a1", "https://example.org/x", "Body.")


def test_html_is_recognised() -> None:
    assert parse_raw(b"<!DOCTYPE html><html><body><p>Hi.</p></body></html>", max_bytes=LIMIT).content_type == \
        "text/html"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "empty_body"),
        (b"   \n ", "empty_body"),
        (b"x" * (LIMIT + 1), "too_large"),
        (b"caf\xe9 au lait", "not_utf8"),
        (bytes(range(1, 9)) * 50, "binary_content"),
        (b'{"body": "open', "malformed_json"),
        (b"[1, 2, 3]", "invalid_schema"),
        (b'{"title": "t"}', "missing_body"),
        (b'{"body": null}', "missing_body"),
        (b'{"body": ""}', "empty_body"),
        (b'{"body": ["a"]}', "invalid_schema"),
        (b'{"body": "ok", "published_at": 12}', "invalid_schema"),
        (b"[" * 100 + b"]" * 100, "malformed_json"),
    ],
)
def test_bad_inputs_have_a_defined_reason(value: bytes | None, expected: str) -> None:
    assert reason(value) == expected


def test_size_limit_applies_before_parsing() -> None:
    # Deep JSON over the limit is refused for size without being parsed.
    assert reason(b"[" * (LIMIT + 5)) == "too_large"


def test_article_id_prefers_the_article_then_the_key_then_a_content_hash() -> None:
    art = parse_raw(orjson.dumps({"id": " a1 ", "body": "B."}), max_bytes=LIMIT)
    assert article_id_for(art, b"key", b"v") == "a1"
    art = parse_raw(b"Body text.", max_bytes=LIMIT)
    assert article_id_for(art, b"file-name", b"Body text.") == "file-name"
    first = article_id_for(art, None, b"Body text.")
    assert first.startswith("sha256-") and first == article_id_for(art, None, b"Body text.")
