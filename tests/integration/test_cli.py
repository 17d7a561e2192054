"""The command-line tool against real processes: the main job, produce/subscribe, and no
orphan broker or worker when the parent is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import orjson
import pytest

from services.common.config import Settings
from tests.fixtures.articles import TRADE_REPORT, VETO_REPORT
from tests.integration.helpers import wait_for

pytestmark = pytest.mark.integration

NEWSSTREAM = [sys.executable, "-m", "services.cli.main"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSSTREAM_")}
    env.update(extra)
    return env


def _children(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def test_run_writes_every_output_and_exits_zero(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "veto.txt").write_text(VETO_REPORT)
    (articles / "trade.txt").write_text(TRADE_REPORT)
    (articles / "bad.json").write_text('{"body": ')
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([*NEWSSTREAM, "run", str(articles), "--output", str(out), "--quiet"],
                          env=_env(NEWSSTREAM_METRICS_PORT="0"), capture_output=True, timeout=240)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    lines = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    per_topic = Counter(line["topic"] for line in lines)
    for topic in ("articles.normalised", "articles.entities", "articles.stances", "articles.done"):
        assert per_topic[topic] == 2, per_topic
    assert per_topic["articles.deadletter"] == 1
    assert all({"topic", "key", "value"} == set(line) for line in lines)
    assert all("parse" not in line["value"] for line in lines)


def test_killing_run_leaves_no_broker_or_worker_behind(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    for i in range(3):
        (articles / f"a{i}.txt").write_text(VETO_REPORT)
    proc = subprocess.Popen([*NEWSSTREAM, "run", str(articles), "--quiet"], env=_env(NEWSSTREAM_METRICS_PORT="0"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Broker plus four workers are children of the run command.
    assert wait_for(lambda: len(_children(proc.pid)) >= 5, timeout=60)
    children = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert wait_for(lambda: not any(_alive(c) for c in children), timeout=20), \
        [c for c in children if _alive(c)]


def test_produce_and_subscribe(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(TRADE_REPORT)
    env = _env(NEWSSTREAM_BROKER=settings.broker, NEWSSTREAM_TOPIC_PREFIX=settings.topic_prefix)
    subprocess.run([*NEWSSTREAM, "topics", "create"], env=env, check=True, timeout=60)
    produced = subprocess.run([*NEWSSTREAM, "produce", str(tmp_path / "one.txt")], env=env, check=True,
                              capture_output=True, text=True, timeout=60)
    assert "submitted 1 article" in produced.stdout
    started = time.monotonic()
    sub = subprocess.run([*NEWSSTREAM, "subscribe", "articles.raw", "--from-beginning", "--idle-timeout", "2"],
                         env=env, capture_output=True, timeout=60)
    assert time.monotonic() - started < 30
    lines = [orjson.loads(line) for line in sub.stdout.splitlines()]
    assert [(line["topic"], line["key"]) for line in lines] == [("articles.raw", "one")]
    assert lines[0]["value"] == TRADE_REPORT or "Ministers" in str(lines[0]["value"])
