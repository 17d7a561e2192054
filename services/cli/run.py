"""``newsstream run``: the main job. Starts the broker (unless one is given) and the four
agents, submits the files, waits until every article is accounted for (``articles.done``
or a dead letter), writes every output message to a JSON Lines file and prints a summary."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from services.cli.files import expand, submissions
from services.cli.fleet import WorkerFleet
from services.cli.kafka_io import Received, consume, produce
from services.cli.main import broker_for
from services.common import config
from services.common.config import AGENTS, Settings
from services.common.kafka import ensure_topics

# The parse carried between stages is internal plumbing, left out of the run file.
INTERNAL_FIELDS = ("parse",)


def run_line(r: Received) -> bytes:
    value = r.json_value()
    if isinstance(value, dict):
        for f in INTERNAL_FIELDS:
            value.pop(f, None)
    return orjson.dumps({"topic": r.topic, "key": r.key, "value": value})


async def _collect(settings: Settings, items: list[tuple[bytes, bytes]], fleet: WorkerFleet, timeout: float,
                   console: Console, quiet: bool) -> tuple[list[Received], set[str]]:
    expected = {key.decode() for _, key in items}
    finished: set[str] = set()
    seen: list[Received] = []
    # An article is finished when its articles.done arrived and every event it lists too
    # (they travel on other partitions, so they may be read after it).
    waiting_events: dict[str, set[str]] = {}
    events_seen: set[str] = set()
    started = asyncio.Event()
    progress = Progress(TextColumn("[bold]articles"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, disable=quiet, transient=True)

    async def reader() -> None:
        async for r in consume(settings, config.OUTPUT_TOPICS, from_beginning=False, started=started):
            value = r.json_value()
            article_id = value.get("article_id") if isinstance(value, dict) else None
            if article_id not in expected and r.key not in expected:
                continue  # another producer's article on a shared broker
            seen.append(r)
            if r.topic == config.EVENTS and isinstance(value, dict):
                events_seen.add(str(value.get("event_id")))
            elif r.topic == config.ARTICLE_DONE and article_id in expected and isinstance(value, dict):
                waiting_events[article_id] = set(value.get("event_ids") or [])
            elif r.topic == config.DEADLETTER:
                finished.add(r.key if r.key in expected else str(article_id))
            for done_id, wanted in list(waiting_events.items()):
                if wanted <= events_seen:
                    finished.add(done_id)
                    del waiting_events[done_id]
            progress.update(task, completed=len(finished & expected))
            if expected <= finished:
                return

    with progress:
        task = progress.add_task("articles", total=len(expected))
        read = asyncio.create_task(reader())
        await asyncio.wait_for(started.wait(), 30)
        await produce(settings, items)
        deadline = time.monotonic() + timeout
        while not read.done():
            if time.monotonic() > deadline:
                read.cancel()
                break
            dead = [a for a, ok in fleet.alive().items() if not ok]
            if dead:
                read.cancel()
                raise RuntimeError(f"worker(s) exited: {', '.join(dead)}")
            await asyncio.sleep(0.2)
        if read.done() and not read.cancelled() and read.exception():
            raise read.exception()  # type: ignore[misc]
    return seen, expected - finished


def summarise(seen: list[Received], console: Console) -> None:
    by_article: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": [], "stances": [], "dead": None})
    for r in seen:
        v = r.json_value()
        if not isinstance(v, dict):
            continue
        a = by_article[str(v.get("article_id") or r.key)]
        if r.topic == config.NORMALISED:
            a["title"] = v.get("title")
            a["skipped"] = v.get("skipped")
        elif r.topic == config.STANCES:
            a["stances"] = v.get("stances", [])
            a["quotes"] = len(v.get("quotes", []))
        elif r.topic == config.ENTITIES:
            a["entities"] = len(v.get("entities", []))
        elif r.topic == config.EVENTS:
            a["events"].append(v)
        elif r.topic == config.DEADLETTER:
            a["dead"] = f"{v.get('stage')}: {v.get('error')} ({v.get('message')})"

    def name(ref: Any) -> str:
        return ref.get("name", "?") if isinstance(ref, dict) else "-"

    for article_id, a in sorted(by_article.items()):
        console.print(f"\n[bold]{article_id}[/bold]  {a.get('title') or ''}")
        if a["dead"]:
            console.print(f"  [red]dead letter[/red] {a['dead']}")
            continue
        if a.get("skipped"):
            console.print(f"  [yellow]skipped[/yellow]: {a['skipped']}")
        console.print(f"  {a.get('entities', 0)} entities, {a.get('quotes', 0)} quotes, "
                      f"{len(a['stances'])} stances, {len(a['events'])} events")
        for e in a["events"]:
            flags = [f for f in ("negated", "hypothetical", "future", "background") if e.get(f)]
            console.print(f"  [cyan]{e['type']:<9}[/cyan] {name(e.get('actor'))} -> {name(e.get('recipient'))}"
                          f"  mode={e.get('mode')} date={e.get('date')} fatalities={e.get('fatalities')}"
                          f"{' [' + ','.join(flags) + ']' if flags else ''}  story={e.get('story_id')}")
        for s in a["stances"][:12]:
            console.print(f"  [magenta]{s['polarity']:<8}[/magenta] {name(s['holder'])} on {name(s['target'])}"
                          f"  ({s.get('cue')})")


def run_pipeline(settings: Settings, paths: list[str], output: Path | None, *, timeout: float = 600.0,
                 quiet: bool = False) -> int:
    console = Console(stderr=True, quiet=quiet)
    files = expand(paths)
    items = [(value, key) for f in files for value, key in submissions(f)]
    if not items:
        console.print("no article files found")
        return 2
    with broker_for(settings) as settings, tempfile.TemporaryDirectory(prefix="newsstream-") as logs:
        asyncio.run(ensure_topics(settings))
        fleet = WorkerFleet(settings, list(AGENTS), log_dir=Path(logs)).start()
        try:
            console.print(f"broker {settings.broker}; {len(AGENTS)} agents; submitting {len(items)} article(s)")
            seen, missing = asyncio.run(_collect(settings, items, fleet, timeout, console, quiet))
        except Exception:
            for log_file in Path(logs).glob("*.log"):
                sys.stderr.write(f"--- {log_file.name} (last lines)\n")
                sys.stderr.write("\n".join(log_file.read_text(errors="replace").splitlines()[-20:]) + "\n")
            raise
        finally:
            fleet.stop()
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("wb") as fh:
            for r in seen:
                fh.write(run_line(r) + b"\n")
    summarise(seen, console)
    dead = sum(1 for r in seen if r.topic == config.DEADLETTER)
    events = sum(1 for r in seen if r.topic == config.EVENTS)
    console.print(f"\n{len(items)} submitted, {len(items) - len(missing) - dead} analysed, {dead} dead-lettered, "
                  f"{events} events" + (f"; wrote {output}" if output else ""))
    if missing:
        console.print(f"[red]not accounted for after {timeout:.0f}s: {sorted(missing)}[/red]")
        return 1
    return 0
