"""The four stages by name, and the in-process chain of them (no Kafka)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from services.common import config
from services.common.config import AGENTS, Settings
from services.common.nlp import load_nlp
from services.common.stage import Incoming, Output, Stage


def build_stage(agent: str, settings: Settings) -> Stage:
    """The pure part of one agent (imports are local: a normaliser worker never loads spaCy)."""
    if agent == "normaliser":
        from services.normaliser.agent import NormaliserStage

        return NormaliserStage(settings)
    if agent == "entities":
        from services.entities.agent import EntitiesStage

        return EntitiesStage(settings)
    if agent == "stances":
        from services.stances.agent import StancesStage

        return StancesStage(settings)
    if agent == "events":
        from services.events.agent import EventsStage

        return EventsStage(settings)
    raise ValueError(f"unknown agent {agent!r}; one of {', '.join(AGENTS)}")


@dataclass
class InProcessPipeline:
    """All four stages back to back in one process; outputs in the order Kafka would carry them."""

    settings: Settings
    stages: dict[str, Stage] = field(default_factory=dict)

    def __post_init__(self) -> None:
        load_nlp(self.settings.spacy_model)
        for agent in AGENTS:
            self.stages.setdefault(agent, build_stage(agent, self.settings))

    def run(self, items: Sequence[Incoming]) -> list[Output]:
        out: list[Output] = []
        batch = list(items)
        for agent in AGENTS:
            stage = self.stages[agent]
            produced = [o for outs in stage.handle(batch) for o in outs]
            out.extend(produced)
            batch = [Incoming(o.key.encode(), o.encode()) for o in produced if o.topic == _next_source(agent)]
        return out


def _next_source(agent: str) -> str:
    return {"normaliser": config.NORMALISED, "entities": config.ENTITIES, "stances": config.STANCES,
            "events": ""}[agent]
