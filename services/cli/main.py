"""``newsstream``: run the pipeline, workers, the embedded broker; produce and subscribe."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from services.common.config import AGENTS, Settings, get_settings
from services.common.logs import setup_logging


def _settings(args: argparse.Namespace) -> Settings:
    settings = get_settings()
    if getattr(args, "broker", None):
        settings = settings.model_copy(update={"broker": args.broker})
    return settings


def _no_broker(command: str) -> int:
    print(f"newsstream {command} needs a broker: --broker URL or NEWSSTREAM_BROKER", file=sys.stderr)
    return 2


@contextlib.contextmanager
def broker_for(settings: Settings) -> Iterator[Settings]:
    """The configured broker, or an embedded one started for the duration."""
    if settings.broker:
        yield settings
        return
    from services.common.broker import EmbeddedBroker

    with EmbeddedBroker() as broker:
        yield settings.model_copy(update={"broker": broker.url})


def cmd_worker(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if not settings.broker:
        return _no_broker(args.command)
    agents = args.agents or list(AGENTS)
    unknown = [a for a in agents if a not in AGENTS]
    if unknown:
        print(f"unknown agent(s) {unknown}; choose from {list(AGENTS)}", file=sys.stderr)
        return 2
    if len(agents) == 1:
        from services.common.worker import run_worker

        setup_logging(settings.log_level, settings.log_format)
        run_worker(agents[0], settings)
        return 0
    from services.cli.fleet import WorkerFleet

    fleet = WorkerFleet(settings, agents).start()
    signal.signal(signal.SIGTERM, lambda *_: fleet.stop())
    try:
        return fleet.wait()
    except KeyboardInterrupt:
        fleet.stop()
        return 0


def cmd_broker(args: argparse.Namespace) -> int:
    from services.common.broker import run_foreground

    return run_foreground(args.port)


def cmd_topics(args: argparse.Namespace) -> int:
    from services.common.kafka import client_kwargs, ensure_topics, wait_until_ready

    settings = _settings(args)
    if not settings.broker:
        return _no_broker(args.command)

    async def go() -> list[str]:
        await wait_until_ready(settings.bootstrap_servers, timeout=args.wait, **client_kwargs(settings))
        return await ensure_topics(settings)

    created = asyncio.run(go())
    print(f"created {len(created)} topic(s): {', '.join(created) or '-'}")
    return 0


def cmd_produce(args: argparse.Namespace) -> int:
    from services.cli.files import expand, submissions
    from services.cli.kafka_io import produce

    settings = _settings(args)
    if not settings.broker:
        return _no_broker(args.command)
    items = [(value, key) for f in expand(args.paths) for value, key in submissions(f)]
    n = asyncio.run(produce(settings, items))
    print(f"submitted {n} article(s) to {settings.topic('articles.raw')}")
    return 0


def cmd_subscribe(args: argparse.Namespace) -> int:
    import orjson

    from services.cli.kafka_io import consume

    settings = _settings(args)
    if not settings.broker:
        return _no_broker(args.command)
    sink = open(args.output, "ab") if args.output else sys.stdout.buffer  # noqa: SIM115

    async def go() -> None:
        async for r in consume(settings, [args.topic], from_beginning=args.from_beginning,
                               idle_timeout=args.idle_timeout):
            sink.write(orjson.dumps({"topic": r.topic, "key": r.key, "value": r.json_value()}) + b"\n")
            sink.flush()

    try:
        asyncio.run(go())
    except KeyboardInterrupt:
        pass
    finally:
        if args.output:
            sink.close()
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from services.cli.run import run_pipeline

    return run_pipeline(_settings(args), args.paths, Path(args.output) if args.output else None,
                        timeout=args.timeout, quiet=args.quiet)


def cmd_analyse(args: argparse.Namespace) -> int:
    from services.cli.analyse import analyse

    return analyse(args.paths, Path(args.output) if args.output else None)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsstream", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="the whole pipeline over files: submit, wait, print and write every output")
    r.add_argument("paths", nargs="+", help=".txt/.html/.json/.jsonl files or directories")
    r.add_argument("--output", "-o", help="write every output message here as JSON lines")
    r.add_argument("--broker", help="Kafka bootstrap URL; default: start the embedded broker")
    r.add_argument("--timeout", type=float, default=600.0, help="give up after this many seconds")
    r.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    r.set_defaults(func=cmd_run)

    b = sub.add_parser("broker", help="run the embedded broker in the foreground")
    b.add_argument("--port", type=int, default=9092)
    b.set_defaults(func=cmd_broker)

    w = sub.add_parser("worker", help="run agents until stopped (one process per agent)")
    w.add_argument("agents", nargs="*", help=f"any of {', '.join(AGENTS)} (default: all)")
    w.add_argument("--broker")
    w.set_defaults(func=cmd_worker)

    pr = sub.add_parser("produce", help="submit article files to articles.raw")
    pr.add_argument("paths", nargs="+")
    pr.add_argument("--broker")
    pr.set_defaults(func=cmd_produce)

    s = sub.add_parser("subscribe", help="print a topic's messages as JSON lines")
    s.add_argument("topic")
    s.add_argument("--broker")
    s.add_argument("--from-beginning", action="store_true")
    s.add_argument("--idle-timeout", type=float, default=None, help="exit after S seconds without a message")
    s.add_argument("--output", help="append to this file instead of printing")
    s.set_defaults(func=cmd_subscribe)

    t = sub.add_parser("topics", help="create the service's topics (idempotent)")
    t.add_argument("action", choices=["create"])
    t.add_argument("--broker")
    t.add_argument("--wait", type=float, default=60.0, help="seconds to wait for the broker")
    t.set_defaults(func=cmd_topics)

    a = sub.add_parser("analyse", help="run the four stages in-process over files, no Kafka")
    a.add_argument("paths", nargs="+")
    a.add_argument("--output", "-o")
    a.set_defaults(func=cmd_analyse)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command != "worker":
        settings = get_settings()
        quiet = args.command in ("run", "subscribe", "analyse")  # their output is the point, not logs
        setup_logging("error" if quiet else settings.log_level, settings.log_format)
        # aiokafka logs every refused connection while the broker starts; readiness is checked anyway.
        logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
