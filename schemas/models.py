"""Message schemas for every topic: the single source of truth.

Every value on every topic is one of these models serialised as UTF-8 JSON.
The required fields of ``shared/spec/OUTPUT.md`` are never renamed or dropped;
fields may be added (bump ``SCHEMA_VERSION``'s minor part when adding).
"""

from __future__ import annotations

import base64
from functools import cached_property
from typing import Any, Literal

import numpy
from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.2"

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
    """A spaCy parse in columnar form, so later stages rebuild the Doc instead of parsing again.

    Internal to the stages (not part of the subscriber contract). On the wire it is a table of the
    article's distinct strings plus base64 blocks of little-endian integer columns: a ~700-token
    article is ~15 kB instead of ~47 kB of JSON lists, and reading it validates a few fields instead
    of ~7,000 list items. The per-token lists (``words``, ``heads``, ...) are decoded on first use.
    A message in the older form (``words``, ``spaces``, ... as JSON lists) is still read.
    """

    model_config = ConfigDict(extra="forbid")

    n: int = Field(ge=0, description="number of tokens")
    strings: list[str] = Field(description="every distinct word, tag, POS, dependency label and lemma, once")
    index_columns: str = Field(
        description="base64 of the (5, n) index columns word, tag, pos, dep, lemma into `strings`; "
                    "uint16 little-endian, or uint32 when `strings` has more than 65,536 entries",
    )
    head_column: str = Field(description="base64 of int32 little-endian: each token's head (absolute index)")
    flag_column: str = Field(description="base64 of uint8: bit 0 whitespace after the token, bit 1 sentence start")
    ents: list[tuple[int, int, str]] = Field(default_factory=list, description="token start, end, label")

    @model_validator(mode="before")
    @classmethod
    def _from_lists(cls, data: Any) -> Any:
        if isinstance(data, dict) and "words" in data:  # the pre-1.2 form
            return _parse_fields(**{k: v for k, v in data.items() if k != "offsets"})
        return data

    @model_validator(mode="after")
    def _check_columns(self) -> Parse:
        index, heads, flags = self.index_array, self.head_array, self.flag_array
        if index.shape != (5, self.n) or heads.shape != (self.n,) or flags.shape != (self.n,):
            raise ValueError(f"columns do not hold {self.n} tokens")
        if self.n and (int(index.max()) >= len(self.strings) or int(heads.min()) < 0 or int(heads.max()) >= self.n):
            raise ValueError("a string index or head is out of range")
        return self

    @classmethod
    def from_lists(cls, *, words: list[str], spaces: list[bool], tags: list[str], pos: list[str], deps: list[str],
                   heads: list[int], lemmas: list[str], sent_starts: list[bool],
                   ents: list[tuple[int, int, str]] | None = None) -> Parse:
        """The parse of per-token lists (all of one length)."""
        return cls.model_validate(_parse_fields(words=words, spaces=spaces, tags=tags, pos=pos, deps=deps,
                                                heads=heads, lemmas=lemmas, sent_starts=sent_starts,
                                                ents=ents or []))

    def with_syntax(self, *, heads: list[int], deps: list[str], sent_starts: list[bool]) -> Parse:
        """A copy with other heads, dependency labels and sentence starts (words, tags, ... kept)."""
        table = {s: i for i, s in reversed(list(enumerate(self.strings)))}  # first index of each string
        strings = list(self.strings)
        for dep in set(deps) - table.keys():
            table[dep] = len(strings)
            strings.append(dep)
        index = self.index_array.astype(numpy.int64)
        index[DEP_ROW] = [table[d] for d in deps]
        fields = encode_parse_columns(strings, index, numpy.asarray(heads, dtype=numpy.int64),
                                      self.flag_array & SPACE_BIT != 0, numpy.asarray(sent_starts, dtype=bool))
        return Parse.model_validate({**fields, "ents": self.ents})

    # Decoded columns (numpy views of the base64 blocks), cached per instance.
    @cached_property
    def index_array(self) -> numpy.ndarray:
        raw = base64.b64decode(self.index_columns, validate=True)
        width = len(raw) // (5 * self.n) if self.n else 2
        dtype = {2: "<u2", 4: "<u4"}.get(width)
        if dtype is None or len(raw) != width * 5 * self.n:
            raise ValueError(f"columns do not hold 5 x {self.n} indices")
        return numpy.frombuffer(raw, dtype=dtype).reshape(5, self.n)

    @cached_property
    def head_array(self) -> numpy.ndarray:
        return numpy.frombuffer(base64.b64decode(self.head_column, validate=True), dtype="<i4")

    @cached_property
    def flag_array(self) -> numpy.ndarray:
        return numpy.frombuffer(base64.b64decode(self.flag_column, validate=True), dtype=numpy.uint8)

    def _strings_of(self, column: int, table: list[str] | None = None) -> list[str]:
        # One fancy-indexing step over an object array beats a Python loop over the tokens.
        entries = numpy.array(self.strings if table is None else table, dtype=object)
        strings: list[str] = entries[self.index_array[column]].tolist()
        return strings

    @cached_property
    def lowered_strings(self) -> list[str]:
        """``strings``, each lower-cased (as spaCy's ``lower_``, ``str.lower``): once per distinct string."""
        return [s.lower() for s in self.strings]

    @cached_property
    def words(self) -> list[str]:
        return self._strings_of(WORD_ROW)

    @cached_property
    def tags(self) -> list[str]:
        return self._strings_of(TAG_ROW)

    @cached_property
    def pos(self) -> list[str]:
        return self._strings_of(POS_ROW)

    @cached_property
    def deps(self) -> list[str]:
        return self._strings_of(DEP_ROW)

    @cached_property
    def lemmas(self) -> list[str]:
        return self._strings_of(LEMMA_ROW)

    @cached_property
    def lower_lemmas(self) -> list[str]:
        """``[lemma.lower() for lemma in self.lemmas]``, each distinct string of the table lower-cased once."""
        return self._strings_of(LEMMA_ROW, self.lowered_strings)

    @cached_property
    def lower_words(self) -> list[str]:
        """Each token's ``lower_``, each distinct string of the table lower-cased once."""
        return self._strings_of(WORD_ROW, self.lowered_strings)

    @cached_property
    def heads(self) -> list[int]:
        return list(self.head_array.tolist())

    @cached_property
    def spaces(self) -> list[bool]:
        return list((self.flag_array & SPACE_BIT != 0).tolist())

    @cached_property
    def sent_starts(self) -> list[bool]:
        return list((self.flag_array & SENT_START_BIT != 0).tolist())

    @cached_property
    def offsets(self) -> list[int]:
        """Character offset of each token in the text the words and spaces make up."""
        lengths = [len(w) for w in self.words]
        ends = numpy.cumsum(numpy.asarray(lengths, dtype=numpy.int64) + (self.flag_array & SPACE_BIT))
        return [0, *ends[:-1].tolist()] if self.n else []


# Rows of ``Parse.index_array`` and bits of ``Parse.flag_array``.
WORD_ROW, TAG_ROW, POS_ROW, DEP_ROW, LEMMA_ROW = range(5)
SPACE_BIT, SENT_START_BIT = 1, 2


def _b64(array: numpy.ndarray) -> str:
    return base64.b64encode(array.tobytes()).decode("ascii")


def encode_parse_columns(strings: list[str], index: numpy.ndarray, heads: numpy.ndarray, spaces: numpy.ndarray,
                         sent_starts: numpy.ndarray) -> dict[str, Any]:
    """The wire fields of a Parse: ``index`` is (5, n) into ``strings``; the others are length n."""
    dtype = "<u2" if len(strings) <= 1 << 16 else "<u4"
    flags = spaces.astype(numpy.uint8) * SPACE_BIT | sent_starts.astype(numpy.uint8) * SENT_START_BIT
    return {"n": int(index.shape[1]), "strings": strings, "index_columns": _b64(index.astype(dtype)),
            "head_column": _b64(heads.astype("<i4")), "flag_column": _b64(flags.astype(numpy.uint8))}


def _parse_fields(*, words: list[str], spaces: list[bool], tags: list[str], pos: list[str], deps: list[str],
                  heads: list[int], lemmas: list[str], sent_starts: list[bool],
                  ents: list[tuple[int, int, str]] | list[list[Any]]) -> dict[str, Any]:
    n = len(words)
    if any(len(c) != n for c in (spaces, tags, pos, deps, heads, lemmas, sent_starts)):
        raise ValueError("per-token lists differ in length")
    table: dict[str, int] = {}
    index = numpy.array([[table.setdefault(s, len(table)) for s in column]
                         for column in (words, tags, pos, deps, lemmas)], dtype=numpy.uint32).reshape(5, n)
    return {**encode_parse_columns(list(table), index, numpy.asarray(heads, dtype=numpy.int64),
                                   numpy.asarray(spaces, dtype=bool), numpy.asarray(sent_starts, dtype=bool)),
            "ents": ents}


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
