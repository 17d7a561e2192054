"""Kafka client plumbing shared by the CLI and the agents (aiokafka)."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from services.common import config
from services.common.config import Settings

# Per-topic configs. The dead-letter topic keeps messages longest: operators
# replay from it. (The embedded broker stores but does not enforce these.)
WEEK_MS = 7 * 24 * 3600 * 1000
TOPIC_CONFIGS: dict[str, dict[str, str]] = {
    config.RAW: {"retention.ms": str(WEEK_MS), "max.message.bytes": "4194304"},
    config.NORMALISED: {"retention.ms": str(WEEK_MS)},
    config.ENTITIES: {"retention.ms": str(WEEK_MS), "max.message.bytes": "4194304"},
    config.STANCES: {"retention.ms": str(WEEK_MS), "max.message.bytes": "4194304"},
    config.EVENTS: {"retention.ms": str(4 * WEEK_MS)},
    config.ARTICLE_DONE: {"retention.ms": str(WEEK_MS)},
    config.STORIES: {"cleanup.policy": "compact"},
    config.DEADLETTER: {"retention.ms": str(4 * WEEK_MS), "max.message.bytes": "4194304"},
}


def client_kwargs(settings: Settings) -> dict[str, Any]:
    """Security settings for every aiokafka client."""
    kwargs: dict[str, Any] = {"security_protocol": settings.security_protocol}
    if settings.security_protocol in ("SSL", "SASL_SSL"):
        ctx = ssl.create_default_context(cafile=settings.ssl_cafile)
        if settings.ssl_certfile:
            ctx.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile)
        kwargs["ssl_context"] = ctx
    if settings.security_protocol.startswith("SASL"):
        kwargs.update(
            sasl_mechanism=settings.sasl_mechanism or "PLAIN",
            sasl_plain_username=settings.sasl_username,
            sasl_plain_password=settings.sasl_password,
        )
    return kwargs


async def wait_until_ready(
    bootstrap: str,
    timeout: float = 30.0,
    process: subprocess.Popen[bytes] | None = None,
    **kwargs: Any,
) -> None:
    """Return once the broker answers a metadata request (list_topics)."""
    deadline = asyncio.get_running_loop().time() + timeout
    last: Exception | None = None
    while asyncio.get_running_loop().time() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"broker exited with code {process.returncode}")
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=2000, **kwargs)
        try:
            await admin.start()
            await admin.list_topics()
            return
        except (KafkaError, OSError) as exc:
            last = exc
            await asyncio.sleep(0.1)
        finally:
            await admin.close()
    raise TimeoutError(f"broker at {bootstrap} not ready after {timeout}s: {last}")


async def ensure_topics(settings: Settings, topics: tuple[str, ...] = config.ALL_TOPICS) -> list[str]:
    """Create the service's topics (idempotent); returns the names created now.

    Declared explicitly because the embedded broker auto-creates topics that a
    client merely asks about, with 4 partitions and no config.
    """
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(
                name=settings.topic(t),
                num_partitions=settings.partitions,
                replication_factor=settings.replication_factor,
                topic_configs=TOPIC_CONFIGS.get(t, {}),
            )
            for t in topics
            if settings.topic(t) not in existing
        ]
        created = []
        for topic in wanted:  # one at a time: an existing topic must not fail the others
            try:
                await admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        await admin.close()
