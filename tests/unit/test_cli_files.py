from __future__ import annotations

from pathlib import Path

import orjson

from services.cli.files import expand, submissions


def test_submissions_from_each_file_kind(tmp_path: Path) -> None:
    (tmp_path / "story-one.txt").write_text("Plain body.")
    (tmp_path / "page.html").write_text("<html><body><p>Hi.</p></body></html>")
    (tmp_path / "one.json").write_text('{"id": "given", "body": "B."}')
    (tmp_path / "many.jsonl").write_text('{"body": "a"}\n\n{"id": "x", "body": "b"}\n')
    (tmp_path / "broken.json").write_text('{"body": ')
    (tmp_path / "notes.md").write_text("ignored")
    files = expand([tmp_path])
    assert [f.name for f in files] == ["broken.json", "many.jsonl", "one.json", "page.html", "story-one.txt"]
    keys = {key.decode(): value for f in files for value, key in submissions(f)}
    assert keys["story-one"] == b"Plain body."
    assert keys["given"] == b'{"id": "given", "body": "B."}'
    assert set(keys) == {"story-one", "page", "given", "many-1", "x", "broken"}
    assert orjson.loads(keys["page"])["content_type"] == "text/html"
    assert keys["broken"] == b'{"body": '  # sent as is: the normaliser dead-letters it
