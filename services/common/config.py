"""Service configuration from the environment (prefix ``NEWSSTREAM_``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Topic names of the output contract, before the configurable prefix.
RAW = "articles.raw"
NORMALISED = "articles.normalised"
ENTITIES = "articles.entities"
STANCES = "articles.stances"
EVENTS = "events"
ARTICLE_DONE = "articles.done"
STORIES = "stories"
DEADLETTER = "articles.deadletter"
ALL_TOPICS = (RAW, NORMALISED, ENTITIES, STANCES, EVENTS, ARTICLE_DONE, STORIES, DEADLETTER)
OUTPUT_TOPICS = (NORMALISED, ENTITIES, STANCES, EVENTS, ARTICLE_DONE, STORIES, DEADLETTER)

AGENTS = ("normaliser", "entities", "stances", "events")


class Settings(BaseSettings):
    """Every knob of the service; each field is read from ``NEWSSTREAM_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="NEWSSTREAM_", extra="ignore")

    broker: str = Field(
        default="",
        description="Kafka bootstrap servers, e.g. kafka://127.0.0.1:9092 (comma-separated); "
        "empty means start the embedded broker where the command supports it",
    )
    topic_prefix: str = Field(default="", description="prefix put before every topic name, e.g. 'prod.'")
    partitions: int = Field(default=4, ge=1, description="partitions of every topic the service creates")
    replication_factor: int = Field(default=1, ge=1)
    metrics_host: str = Field(default="127.0.0.1", description="address the metrics/health server binds")
    metrics_port: int = Field(default=6066, ge=0, le=65535, description="first metrics port; agent i uses port+i")
    max_input_bytes: int = Field(
        default=2_000_000, ge=1024, description="raw messages over this are dead-lettered unparsed"
    )
    max_text_chars: int = Field(default=200_000, ge=1000, description="normalised text is analysed up to this length")
    max_retries: int = Field(default=3, ge=0, description="attempts before a failing message is dead-lettered")
    dedup_window_s: int = Field(default=7 * 24 * 3600, ge=0, description="how long near-duplicates are remembered")
    near_duplicate_threshold: float = Field(default=0.8, gt=0.0, le=1.0)
    story_window_days: int = Field(default=7, ge=0, description="how far apart events of one story may be")
    fetch_max_wait_ms: int = Field(
        default=100, ge=1, le=1500,
        description="how long a consumer's fetch waits for data (Faust hard-codes 1500 ms; see worker.py)",
    )
    commit_interval_s: float = Field(
        default=0.5, ge=0.0, le=10.0,
        description="how often processed source offsets are committed (0: after every batch); "
                    "a crash replays at most this much work",
    )
    event_loop: Literal["uvloop", "asyncio"] = Field(
        default="uvloop",
        description="the workers' event loop (both Faust's and its consumer thread's); uvloop cut the "
                    "light agents' CPU per article (bench), asyncio is the standard library's",
    )
    spacy_model: str = "en_core_web_sm"
    spacy_batch_size: int = Field(
        default=4, ge=1, description="articles per nlp.pipe batch (small: less memory, less wait)"
    )
    entities_take_size: int = Field(
        default=16, ge=1,
        description="articles the entity agent takes at once into one nlp.pipe call (spaCy still batches "
                    "them by spacy_batch_size); fewer calls cost less per article",
    )
    languages: str = Field(default="en", description="comma-separated ISO 639-1 codes the NLP stages analyse")
    log_level: Literal["debug", "info", "warn", "error"] = "info"
    log_format: Literal["json", "console"] = "json"
    # Kafka security, passed to every client.
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: str | None = None
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    session_timeout_s: float = Field(default=6.0, gt=0, description="consumer group session timeout")
    heartbeat_interval_s: float = Field(default=1.0, gt=0)

    def topic(self, name: str) -> str:
        """The full topic name for a contract name."""
        return f"{self.topic_prefix}{name}"

    @property
    def bootstrap_servers(self) -> str:
        """Broker URL(s) without the ``kafka://`` scheme, as aiokafka wants them."""
        return ",".join(s.strip().removeprefix("kafka://") for s in self.broker.split(",") if s.strip())

    @property
    def language_set(self) -> frozenset[str]:
        return frozenset(code.strip() for code in self.languages.split(",") if code.strip())

    def agent_metrics_port(self, agent: str) -> int:
        """Each agent of one host gets its own port so they can run side by side."""
        return 0 if self.metrics_port == 0 else self.metrics_port + AGENTS.index(agent)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
