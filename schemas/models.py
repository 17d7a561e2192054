"""Message schemas for every topic: the single source of truth.

Every value on every topic is one of these models serialised as UTF-8 JSON.
The required fields of ``shared/spec/OUTPUT.md`` are never renamed or dropped;
fields may be added (bump ``SCHEMA_VERSION``'s minor part when adding).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "OTHER"]
Polarity = Literal["support", "oppose", "neutral"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = PloverType.__args__  # type: ignore[attr-defined]

# Why an article passed a stage without analysis (it still flows downstream).
SkipReason = Literal["unsupported_language", "duplicate"]

# Why an input was dead-lettered.
DeadLetterReason = Literal[
    "too_large",         # over the configured byte limit, rejected before parsing
    "not_utf8",          # bytes that are not valid UTF-8
    "binary_content",    # decodes, but is mostly control characters / not text
    "malformed_json",    # looked like JSON (starts with { or [) but does not parse
    "invalid_schema",    # JSON of the wrong shape or wrong types
    "missing_body",      # no body field
    "empty_body",        # body present but blank once markup/whitespace is removed
    "unknown_language",  # no language could be identified
    "processing_error",  # a bug or unexpected failure in a stage (after retries)
]


class Message(BaseModel):
    """Fields every value carries."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    article_id: str
    submitted_at: float | None = Field(
        default=None, description="Unix time the article was submitted; carried for end-to-end latency."
    )


class Span(BaseModel):
    """A piece of the normalised text: text == article.text[start:end]."""

    model_config = ConfigDict(extra="forbid")

    text: str
    start: int
    end: int


class EntityRef(BaseModel):
    """A reference to an entity; entity_id is null when the referent is not a tagged entity."""

    model_config = ConfigDict(extra="forbid")

    name: str
    entity_id: str | None = None
    type: EntityType | None = None


# ----- articles.raw -----------------------------------------------------------

class RawArticle(BaseModel):
    """What producers put on ``articles.raw`` (a bare text/HTML body is accepted too)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    schema_version: str = SCHEMA_VERSION
    id: str | None = Field(default=None, max_length=512)
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str | None = None
    content_type: Literal["text/plain", "text/html"] | None = None
    body: str
    submitted_at: float | None = None


# ----- articles.normalised ----------------------------------------------------

ParagraphKind = Literal["body", "heading", "quote"]
RemovedKind = Literal[
    "navigation", "caption", "credit", "pull_quote", "byline", "dateline", "title",
    "boilerplate", "promo", "footer", "duplicate_line", "section_label", "other",
]


class Paragraph(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: int
    end: int
    kind: ParagraphKind = "body"


class RemovedLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    kind: RemovedKind


class NormalisedArticle(Message):
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str
    language_confidence: float | None = None
    author: str | None = None
    site_name: str | None = None
    text: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    removed: list[RemovedLine] = Field(default_factory=list)
    content_hash: str = Field(description="sha256 of the normalised text")
    duplicate_of: str | None = Field(default=None, description="article id of an exact or near duplicate seen earlier")
    duplicate_similarity: float | None = None
    skipped: SkipReason | None = Field(default=None, description="why later stages do not analyse this article")
    word_count: int = 0


# ----- parse carried between NLP stages --------------------------------------

class Parse(BaseModel):
    """A spaCy parse in columnar form, so later stages rebuild the Doc instead of parsing again."""

    model_config = ConfigDict(extra="forbid")

    words: list[str]
    spaces: list[bool]
    tags: list[str]
    pos: list[str]
    deps: list[str]
    heads: list[int]
    lemmas: list[str]
    sent_starts: list[bool]
    ents: list[tuple[int, int, str]] = Field(default_factory=list, description="token start, end, label")
    offsets: list[int] = Field(default_factory=list, description="character offset of each token in text")


# ----- articles.entities ------------------------------------------------------

class Mention(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    start: int
    end: int


class Entity(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity_id: str
    name: str
    type: EntityType
    mentions: list[Mention]
    salience: float = 0.0
    wikidata: str | None = None


class ArticleEntities(Message):
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str
    text: str
    entities: list[Entity] = Field(default_factory=list)
    skipped: SkipReason | None = None
    duplicate_of: str | None = None
    parse: Parse | None = Field(default=None, description="the parse, for later stages")


# ----- articles.stances -------------------------------------------------------

class Quote(BaseModel):
    model_config = ConfigDict(extra="forbid")

    speaker: EntityRef | None
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None = None
    evidence: Span | None = None


class Stance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    holder: EntityRef
    target: EntityRef
    polarity: Polarity
    cue: str
    evidence: Span
    confidence: float = Field(ge=0.0, le=1.0)
    kind: str | None = Field(default=None, description="vote, speech_act, relation, evaluation")


class EntityTone(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity: EntityRef
    tone: float = Field(ge=-1.0, le=1.0, description="mean lexicon tone of sentences mentioning the entity")
    support: int = 0
    oppose: int = 0
    sentences: int = 0


class ArticleStances(Message):
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str
    quotes: list[Quote] = Field(default_factory=list)
    reported_speech: list[Quote] = Field(
        default_factory=list,
        description="reported (indirect) speech, direct=false: 'X said (that) ...', 'according to X'",
    )
    stances: list[Stance] = Field(default_factory=list)
    tone: list[EntityTone] = Field(default_factory=list)
    skipped: SkipReason | None = None
    duplicate_of: str | None = None
    # carried for the event stage
    text: str = ""
    entities: list[Entity] = Field(default_factory=list)
    parse: Parse | None = None


# ----- events -----------------------------------------------------------------

class Event(Message):
    event_id: str
    type: PloverType
    mode: str | None = None
    actor: EntityRef
    recipient: EntityRef | None = None
    location: EntityRef | None = None
    date: str | None = None
    fatalities: int | None = None
    quantities: dict[str, int] = Field(default_factory=dict)
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    background: bool = Field(default=False, description="an earlier happening recalled as context")
    cue: str | None = None
    evidence: Span
    confidence: float = Field(ge=0.0, le=1.0)
    story_id: str | None = None
    source: str | None = None
    published_at: str | None = None


class ArticleDone(Message):
    """One per article on ``articles.done``: every stage has finished with it (events published)."""

    event_ids: list[str] = Field(default_factory=list)
    story_id: str | None = None
    skipped: SkipReason | None = None
    duplicate_of: str | None = None


class StoryEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: PloverType
    actor: str
    recipient: str | None = None
    mode: str | None = None
    date: str | None = None
    fatalities: int | None = None
    article_ids: list[str]
    event_ids: list[str]


class StanceDifference(BaseModel):
    model_config = ConfigDict(extra="forbid")

    holder: str
    target: str
    polarities: dict[str, Polarity] = Field(description="article id -> polarity reported there")


class Story(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    story_id: str
    article_ids: list[str]
    outlets: list[str]
    first_date: str | None = None
    last_date: str | None = None
    events: list[StoryEvent] = Field(default_factory=list)
    stance_differences: list[StanceDifference] = Field(default_factory=list)
    updated_at: float


# ----- articles.deadletter ---------------------------------------------------

class DeadLetter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    article_id: str | None = None
    key: str | None = None
    stage: str
    error: DeadLetterReason
    message: str
    original: str = Field(description="the input exactly as received: text, or base64 when not UTF-8")
    original_encoding: Literal["utf-8", "base64"] = "utf-8"
    original_truncated: bool = False
    received_at: str
    attempts: int = 1


TOPIC_MODELS: dict[str, type[BaseModel]] = {
    "articles.raw": RawArticle,
    "articles.normalised": NormalisedArticle,
    "articles.entities": ArticleEntities,
    "articles.stances": ArticleStances,
    "events": Event,
    "articles.done": ArticleDone,
    "stories": Story,
    "articles.deadletter": DeadLetter,
}
