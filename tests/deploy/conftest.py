"""Fixtures of the deploy tests: parsed compose file, Kubernetes manifests, settings fields."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
import yaml

from services.common.config import AGENTS, Settings
from tests.deploy.promql import COMPOSE, K8S

# The module of each agent's stage: its `source` is the topic the agent consumes.
STAGE_CLASSES = {
    "normaliser": ("services.normaliser.agent", "NormaliserStage"),
    "entities": ("services.entities.agent", "EntitiesStage"),
    "stances": ("services.stances.agent", "StancesStage"),
    "events": ("services.events.agent", "EventsStage"),
}


@pytest.fixture(scope="session")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def k8s_docs() -> list[dict[str, Any]]:
    """Every manifest the kustomization lists, in order."""
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = []
    for resource in kustomization["resources"]:
        path = K8S / resource
        assert path.is_file(), f"kustomization lists missing file {resource}"
        docs.extend(d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d)
    return docs


@pytest.fixture(scope="session")
def settings_env_names() -> set[str]:
    return {f"NEWSSTREAM_{name.upper()}" for name in Settings.model_fields}


@pytest.fixture(scope="session")
def agent_sources() -> dict[str, str]:
    """Agent -> the contract topic it consumes (from the stage classes)."""
    out = {}
    for agent in AGENTS:
        module, cls = STAGE_CLASSES[agent]
        out[agent] = getattr(importlib.import_module(module), cls).source
    return out
