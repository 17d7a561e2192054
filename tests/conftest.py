"""Shared fixtures. Integration tests run against a real broker process (never a mock):
the embedded Tansu broker, or the Kafka named by NEWSSTREAM_TEST_BROKER."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from services.common.config import Settings


@pytest.fixture(scope="session")
def broker() -> Iterator[str]:
    """Bootstrap URL of a running broker for the test session."""
    external = os.environ.get("NEWSSTREAM_TEST_BROKER")
    if external:
        yield external
        return
    from services.common.broker import EmbeddedBroker

    with EmbeddedBroker() as b:
        yield b.url


@pytest.fixture
def settings(broker: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings on the test broker with a fresh topic prefix, so tests never see each other's messages."""
    from services.common.broker import free_port

    return Settings(broker=broker, topic_prefix=f"t{uuid.uuid4().hex[:8]}.", partitions=2,
                    metrics_port=free_port(), max_retries=1)
