"""The verb/noun dictionary (verbs.yaml), loaded and indexed once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from schemas.models import PLOVER_TYPES

DEFAULT_PATH = Path(__file__).with_name("verbs.yaml")


@dataclass(frozen=True)
class Pattern:
    """One dictionary entry: a trigger lemma with its constraints and its PLOVER coding."""

    lemma: str
    type: str
    mode: str | None = None
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    compounds: frozenset[str] = frozenset()
    via: tuple[str, ...] = ()
    complement: bool = False
    recipient_required: bool = False
    confidence: float = 0.8

    @property
    def specificity(self) -> int:
        return (2 * bool(self.particle) + 2 * bool(self.prep) + 3 * bool(self.objects)
                + 3 * bool(self.predicates) + 2 * bool(self.compounds) + bool(self.complement))


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    light_verbs: frozenset[str]
    casualties: dict[str, str]
    actor_nouns: frozenset[str]
    document_nouns: frozenset[str]
    org_anaphors: frozenset[str]
    vetoable_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    action_nouns: frozenset[str] = frozenset()
    instrument_nouns: frozenset[str] = frozenset()
    threat_verbs: frozenset[str] = frozenset()

    @cached_property
    def trigger_verbs(self) -> frozenset[str]:
        """Lemmas a verb trigger can have: dictionary, threat and casualty verbs."""
        return frozenset(self.verbs) | self.threat_verbs | frozenset(self.casualties)

    @cached_property
    def trigger_lemmas(self) -> frozenset[str]:
        """Lemmas any trigger, verb or noun, can have."""
        return self.trigger_verbs | frozenset(self.nouns)


def _word(value: object) -> str:
    """YAML 1.1 reads a bare on/off/yes/no as a boolean: "prep: on" must stay the word "on"."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value).lower()


def _pattern(entry: dict[str, object]) -> Pattern:
    ptype = str(entry["type"])
    if ptype not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {ptype!r} in verbs.yaml entry {entry!r}")

    def words(key: str) -> frozenset[str]:
        value = entry.get(key) or []
        return frozenset(_word(v) for v in value) if isinstance(value, list) else frozenset()

    mode = entry.get("mode")
    particle = entry.get("particle")
    prep = entry.get("prep")
    return Pattern(
        lemma=str(entry["lemma"]).lower(), type=ptype, mode=str(mode) if mode else None,
        particle=_word(particle) if particle is not None else None,
        prep=_word(prep) if prep is not None else None,
        objects=words("objects"), predicates=words("predicates"), compounds=words("compounds"),
        via=tuple(_word(v) for v in (entry.get("via") or [])),  # type: ignore[attr-defined]
        complement=bool(entry.get("complement", False)),
        recipient_required=bool(entry.get("recipient_required", False)),
        confidence=float(entry.get("confidence", 0.8)),  # type: ignore[arg-type]
    )


def _index(entries: list[dict[str, object]]) -> dict[str, tuple[Pattern, ...]]:
    out: dict[str, list[Pattern]] = {}
    for entry in entries:
        p = _pattern(entry)
        out.setdefault(p.lemma, []).append(p)
    # most specific first, so the first satisfied pattern is the best one
    return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in out.items()}


def load_lexicon(path: Path = DEFAULT_PATH) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Lexicon(
        verbs=_index(data.get("verbs") or []),
        nouns=_index(data.get("nouns") or []),
        light_verbs=frozenset(data.get("light_verbs") or []),
        casualties={str(k): str(v) for k, v in (data.get("casualties") or {}).items()},
        actor_nouns=frozenset(data.get("actor_nouns") or []),
        document_nouns=frozenset(data.get("document_nouns") or []),
        org_anaphors=frozenset(data.get("org_anaphors") or []),
        vetoable_nouns=frozenset(data.get("vetoable_nouns") or []),
        place_nouns=frozenset(data.get("place_nouns") or []),
        action_nouns=frozenset(data.get("action_nouns") or []),
        instrument_nouns=frozenset(data.get("instrument_nouns") or []),
        threat_verbs=frozenset(data.get("threat_verbs") or []),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
