"""Read article files for submission: .txt, .html/.htm, .json (one object or a list), .jsonl."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import orjson

SUFFIXES = {".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson"}


def expand(paths: Sequence[str | Path]) -> list[Path]:
    """Files named, and the article files inside named directories (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def submissions(path: Path) -> Iterator[tuple[bytes, bytes]]:
    """(value, key) pairs to put on articles.raw. The key is the article id: the file name
    without extension for plain files, the object's ``id`` (or name + line number) for JSON."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    stem = path.stem
    if suffix in (".jsonl", ".ndjson"):
        for n, line in enumerate(data.splitlines(), 1):
            if line.strip():
                yield line, _json_key(line, f"{stem}-{n}")
    elif suffix == ".json":
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError:
            yield data, stem.encode()  # submitted as is: the normaliser dead-letters it
            return
        if isinstance(parsed, list):
            for n, item in enumerate(parsed, 1):
                value = orjson.dumps(item)
                yield value, _json_key(value, f"{stem}-{n}")
        else:
            yield data, _json_key(data, stem)
    elif suffix in (".html", ".htm"):
        yield orjson.dumps({"id": stem, "body": data.decode("utf-8", errors="replace"),
                            "content_type": "text/html"}), stem.encode()
    else:
        yield data, stem.encode()


def _json_key(value: bytes, default: str) -> bytes:
    try:
        obj = orjson.loads(value)
    except orjson.JSONDecodeError:
        return default.encode()
    if isinstance(obj, dict) and isinstance(obj.get("id"), str) and obj["id"].strip():
        return str(obj["id"]).strip().encode()
    return default.encode()
