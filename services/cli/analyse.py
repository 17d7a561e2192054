"""``newsstream analyse``: run the four stages in-process over files (no Kafka) and write JSON lines."""

from __future__ import annotations

import sys
from pathlib import Path

import orjson

from services.cli.files import expand, submissions
from services.common.config import get_settings
from services.common.stage import Incoming, Output
from services.stages import InProcessPipeline


def output_line(o: Output) -> bytes:
    """The run-file line of one output message (the carried parse is left out: it is internal)."""
    return orjson.dumps({"topic": o.topic, "key": o.key, "value": o.value.model_dump(mode="json", exclude={"parse"})})


def analyse(paths: list[str], output: Path | None) -> int:
    pipeline = InProcessPipeline(get_settings())
    items = [Incoming(key, value) for f in expand(paths) for value, key in submissions(f)]
    outputs = pipeline.run(items)
    sink = output.open("wb") if output else sys.stdout.buffer
    try:
        for o in outputs:
            sink.write(output_line(o) + b"\n")
    finally:
        if output:
            sink.close()
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    out = None
    if "--output" in args:
        i = args.index("--output")
        out = Path(args[i + 1])
        del args[i : i + 2]
    sys.exit(analyse(args, out))
