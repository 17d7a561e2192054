"""Worker processes (one per agent, or K replicas of an agent in one consumer group) that die
with their parent."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from services.common.config import AGENTS, Settings


def _die_with_parent() -> None:
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


class WorkerFleet:
    """Starts ``newsstream worker <agent>`` processes and stops them with SIGTERM (then SIGKILL).

    ``replicas`` runs K processes of an agent (default 1); they share the agent's consumer
    group, so its partitions are split between them. Replica r serves its metrics on
    ``metrics_port + r * len(AGENTS) + agent index``, so replicas on one host never collide.
    """

    def __init__(self, settings: Settings, agents: list[str], log_dir: Path | None = None,
                 replicas: Mapping[str, int] | None = None, module: str = "services.cli.main") -> None:
        self.settings = settings
        self.module = module  # entry point run with ``python -m`` (the benchmark may wrap it)
        self.agents = agents
        self.log_dir = log_dir
        self.replicas = dict(replicas or {})
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.ports: dict[str, int] = {}  # worker name -> metrics port (0: none)

    def env(self, replica: int = 0) -> dict[str, str]:
        env = dict(os.environ)
        env["NEWSSTREAM_BROKER"] = self.settings.broker
        env["NEWSSTREAM_METRICS_PORT"] = str(self.metrics_base(replica))
        env["NEWSSTREAM_TOPIC_PREFIX"] = self.settings.topic_prefix
        env["NEWSSTREAM_PARTITIONS"] = str(self.settings.partitions)
        return env

    def metrics_base(self, replica: int) -> int:
        base = self.settings.metrics_port
        return 0 if base == 0 else base + replica * len(AGENTS)

    def start(self) -> WorkerFleet:
        for agent in self.agents:
            for r in range(max(1, self.replicas.get(agent, 1))):
                self.start_one(agent, f"{agent}-{r}" if r else None, replica=r)
        return self

    def start_one(self, agent: str, name: str | None = None, replica: int = 0) -> subprocess.Popen[bytes]:
        name = name or agent
        out: int | IO[bytes] = subprocess.DEVNULL
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            out = (self.log_dir / f"{name}.log").open("ab")
        proc = subprocess.Popen(
            [sys.executable, "-m", self.module, "worker", agent],
            env=self.env(replica), stdout=out, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent,
        )
        self.processes[name] = proc
        base = self.metrics_base(replica)
        self.ports[name] = base + AGENTS.index(agent) if base else 0
        return proc

    def alive(self) -> dict[str, bool]:
        return {name: p.poll() is None for name, p in self.processes.items()}

    def stop(self, timeout: float = 15.0) -> None:
        for p in self.processes.values():
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.processes.values():
            try:
                p.wait(timeout)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(5)
        self.processes.clear()
        self.ports.clear()

    def wait(self) -> int:
        """Block until every worker exits; returns the worst exit code."""
        codes = [p.wait() for p in self.processes.values()]
        return max((abs(c) for c in codes), default=0)
