from __future__ import annotations

import pytest

from services.common.config import Settings


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSSTREAM_BROKER", "kafka://a:9092,kafka://b:9092")
    monkeypatch.setenv("NEWSSTREAM_TOPIC_PREFIX", "prod.")
    monkeypatch.setenv("NEWSSTREAM_PARTITIONS", "12")
    s = Settings()
    assert s.bootstrap_servers == "a:9092,b:9092"
    assert s.topic("events") == "prod.events"
    assert s.partitions == 12


def test_each_agent_gets_its_own_metrics_port() -> None:
    s = Settings(metrics_port=7000)
    assert [s.agent_metrics_port(a) for a in ("normaliser", "entities", "stances", "events")] == \
        [7000, 7001, 7002, 7003]


def test_every_setting_is_documented_in_the_readme() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for name in Settings.model_fields:
        env = f"NEWSSTREAM_{name.upper()}"
        short = "_" + name.upper().split("_", 1)[1] if name.startswith(("sasl_", "ssl_")) else None
        assert env in readme or (short and f"`{short}`" in readme) or f"/ `{env}`" in readme, env
