"""Export the JSON Schema of every topic's model to ``schemas/json/``.

``python -m schemas.export`` writes the files; ``--check`` exits 1 when they are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from schemas.models import TOPIC_MODELS

JSON_DIR = Path(__file__).resolve().parent / "json"


def rendered() -> dict[str, str]:
    """File name -> JSON Schema text, for every topic."""
    out: dict[str, str] = {}
    for topic, model in TOPIC_MODELS.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$id"] = f"newsstream:{topic}"
        schema["x-topic"] = topic
        out[f"{topic}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    files = rendered()
    if "--check" in argv:
        stale = [n for n, t in files.items() if not (JSON_DIR / n).exists() or (JSON_DIR / n).read_text() != t]
        extra = [p.name for p in JSON_DIR.glob("*.json") if p.name not in files]
        if stale or extra:
            print("stale JSON Schema files (run `make schemas`):", *stale, *extra)
            return 1
        return 0
    JSON_DIR.mkdir(exist_ok=True)
    for p in JSON_DIR.glob("*.json"):
        if p.name not in files:
            p.unlink()
    for name, text in files.items():
        (JSON_DIR / name).write_text(text)
    print(f"wrote {len(files)} schemas to {JSON_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
