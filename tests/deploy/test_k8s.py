"""Kubernetes manifests (deploy/k8s): built-in kinds against the Kubernetes JSON schemas
shipped by kubernetes-validate (offline, strict: unknown fields fail); the CRDs
(ServiceMonitor, KEDA ScaledObject) by structure; and consistency with the service's
settings, topics, consumer groups, ports and image."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from services.common.config import AGENTS, ALL_TOPICS, Settings
from tests.deploy.promql import ALERTS, K8S, REPO

kubernetes_validate = pytest.importorskip("kubernetes_validate", reason="pip install -e '.[dev]' (kubernetes-validate)")

# The oldest Kubernetes still commonly run, and the newest the package ships.
K8S_VERSIONS = ("1.29.0", kubernetes_validate.latest_version())
CRD_KINDS = {
    ("monitoring.coreos.com/v1", "ServiceMonitor"),
    ("monitoring.coreos.com/v1", "PrometheusRule"),
    ("keda.sh/v1alpha1", "ScaledObject"),
}
IMAGE = "newsstream"
UID = 10001  # the Dockerfile's non-root user


def by_kind(docs: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


def name_of(doc: dict[str, Any]) -> str:
    return f"{doc['kind']}/{doc['metadata']['name']}"


@pytest.fixture(scope="module")
def configmap(k8s_docs: list[dict[str, Any]]) -> dict[str, str]:
    data: dict[str, str] = by_kind(k8s_docs, "ConfigMap")["newsstream-config"]["data"]
    return data


@pytest.fixture(scope="module")
def settings(configmap: dict[str, str]) -> Settings:
    return Settings.model_validate({k.removeprefix("NEWSSTREAM_").lower(): v for k, v in configmap.items()})


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    listed = {(K8S / r).resolve() for r in kustomization["resources"]}
    present = {p.resolve() for p in K8S.rglob("*.yaml") if p.name != "kustomization.yaml"}
    assert listed == present, f"unlisted: {present - listed}, missing: {listed - present}"
    assert kustomization["namespace"] == "newsstream"
    assert [i["name"] for i in kustomization["images"]] == [IMAGE]


def test_every_doc_has_basic_structure(k8s_docs: list[dict[str, Any]]) -> None:
    seen = set()
    for doc in k8s_docs:
        assert {"apiVersion", "kind", "metadata"} <= set(doc), doc
        assert doc["metadata"]["name"]
        assert "namespace" not in doc["metadata"], "the kustomization sets the namespace"
        assert name_of(doc) not in seen, f"duplicate {name_of(doc)}"
        seen.add(name_of(doc))


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_builtin_kinds_match_kubernetes_schemas(k8s_docs: list[dict[str, Any]], version: str) -> None:
    checked = 0
    for doc in k8s_docs:
        if (doc["apiVersion"], doc["kind"]) in CRD_KINDS:
            continue
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{name_of(doc)} (k8s {version}): {exc.message} at {'/'.join(map(str, exc.path))}")
        checked += 1
    assert checked >= 14


def test_schema_validation_catches_mistakes(k8s_docs: list[dict[str, Any]]) -> None:
    deployment = dict(next(d for d in k8s_docs if d["kind"] == "Deployment"))
    deployment["spec"] = {**deployment["spec"], "replica": 2}  # typo: unknown field
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSIONS[-1], strict=True)


def test_one_set_of_objects_per_agent(k8s_docs: list[dict[str, Any]]) -> None:
    for kind in ("Deployment", "Service", "ScaledObject", "PodDisruptionBudget"):
        assert set(by_kind(k8s_docs, kind)) >= {f"newsstream-{a}" for a in AGENTS}, kind
    assert by_kind(k8s_docs, "Namespace").keys() == {"newsstream"}
    assert "newsstream-topics" in by_kind(k8s_docs, "Job")
    assert by_kind(k8s_docs, "ServiceMonitor")


def test_configmap_keys_are_settings_fields(configmap: dict[str, str], settings_env_names: set[str]) -> None:
    unknown = set(configmap) - settings_env_names
    assert not unknown, f"{unknown} are not fields of services.common.config.Settings"
    assert all(isinstance(v, str) for v in configmap.values()), "ConfigMap values must be strings"


def pod_specs(k8s_docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {name_of(d): d["spec"]["template"]["spec"] for d in k8s_docs if d["kind"] in {"Deployment", "Job"}}


def test_pods_are_hardened(k8s_docs: list[dict[str, Any]]) -> None:
    for name, spec in pod_specs(k8s_docs).items():
        pod_sc = spec["securityContext"]
        assert pod_sc["runAsNonRoot"] is True, name
        assert pod_sc["runAsUser"] == UID, name
        assert pod_sc["seccompProfile"]["type"] == "RuntimeDefault", name
        volumes = {v["name"] for v in spec.get("volumes", [])}
        for c in spec["containers"]:
            sc = c["securityContext"]
            assert sc["readOnlyRootFilesystem"] is True, name
            assert sc["allowPrivilegeEscalation"] is False, name
            assert sc["capabilities"]["drop"] == ["ALL"], name
            assert {"cpu", "memory"} <= set(c["resources"]["requests"]), name
            assert {"cpu", "memory"} <= set(c["resources"]["limits"]), name
            assert c["image"].split(":")[0] == IMAGE, name
            assert {m["name"] for m in c.get("volumeMounts", [])} <= volumes, name
            refs = c["envFrom"]
            assert {"configMapRef": {"name": "newsstream-config"}} in refs, name
            for ref in refs:
                if "secretRef" in ref:
                    assert ref["secretRef"].get("optional") is True, f"{name}: a PLAINTEXT cluster has no secret"


def test_deployments_run_their_agent_with_probes_on_its_metrics_port(
    k8s_docs: list[dict[str, Any]], settings: Settings
) -> None:
    deployments = by_kind(k8s_docs, "Deployment")
    for agent in AGENTS:
        dep = deployments[f"newsstream-{agent}"]
        pod_labels = dep["spec"]["template"]["metadata"]["labels"]
        assert dep["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
        (c,) = dep["spec"]["template"]["spec"]["containers"]
        assert c["args"] == ["worker", agent]
        (port,) = c["ports"]
        assert port["name"] == "metrics"
        assert port["containerPort"] == settings.agent_metrics_port(agent)
        assert c["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
        assert c["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "metrics"}
        assert c["startupProbe"]["httpGet"]["path"] == "/healthz"
        # Prometheus and the probes reach the worker only if it binds every interface.
        assert settings.metrics_host == "0.0.0.0"


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    if not selector.get("matchLabels", {}).items() <= labels.items():
        return False
    for expr in selector.get("matchExpressions", []):
        key, op, values = expr["key"], expr["operator"], expr.get("values", [])
        ok = {
            "Exists": key in labels,
            "DoesNotExist": key not in labels,
            "In": labels.get(key) in values,
            "NotIn": labels.get(key) not in values,
        }[op]
        if not ok:
            return False
    return True


def test_services_and_pdbs_select_their_agent_pods(k8s_docs: list[dict[str, Any]]) -> None:
    deployments = by_kind(k8s_docs, "Deployment")
    services = by_kind(k8s_docs, "Service")
    pdbs = by_kind(k8s_docs, "PodDisruptionBudget")
    for agent in AGENTS:
        name = f"newsstream-{agent}"
        pods = {n: d["spec"]["template"]["metadata"]["labels"] for n, d in deployments.items()}
        service_selector = {"matchLabels": services[name]["spec"]["selector"]}
        chosen = {n for n, labels in pods.items() if selects(service_selector, labels)}
        assert chosen == {name}, f"Service {name} selects {chosen}"
        assert [p["name"] for p in services[name]["spec"]["ports"]] == ["metrics"]
        chosen = {n for n, labels in pods.items() if selects(pdbs[name]["spec"]["selector"], labels)}
        assert chosen == {name}, f"PDB {name} selects {chosen}"


def test_service_monitor_scrapes_every_agent_service(k8s_docs: list[dict[str, Any]]) -> None:
    (monitor,) = by_kind(k8s_docs, "ServiceMonitor").values()
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    spec = monitor["spec"]
    assert set(spec) <= {"jobLabel", "selector", "endpoints", "namespaceSelector", "targetLabels", "podTargetLabels"}
    services = by_kind(k8s_docs, "Service")
    chosen = {n for n, s in services.items() if selects(spec["selector"], s["metadata"]["labels"])}
    assert chosen == {f"newsstream-{a}" for a in AGENTS}
    # job label = agent name, as the alert rules expect (up{job=~"normaliser|..."}).
    for agent in AGENTS:
        assert services[f"newsstream-{agent}"]["metadata"]["labels"][spec["jobLabel"]] == agent
    (endpoint,) = spec["endpoints"]
    assert endpoint["port"] == "metrics" and endpoint["path"] == "/metrics"
    assert any(r["targetLabel"] == "agent" for r in endpoint["relabelings"])


def test_keda_scaled_objects_scale_on_the_agents_consumer_group_lag(
    k8s_docs: list[dict[str, Any]], settings: Settings, agent_sources: dict[str, str]
) -> None:
    from services.common.worker import group_id

    scaled = by_kind(k8s_docs, "ScaledObject")
    deployments = by_kind(k8s_docs, "Deployment")
    for agent in AGENTS:
        obj = scaled[f"newsstream-{agent}"]
        assert obj["apiVersion"] == "keda.sh/v1alpha1"
        spec = obj["spec"]
        assert spec["scaleTargetRef"]["name"] in deployments
        assert spec["scaleTargetRef"]["name"] == f"newsstream-{agent}"
        # More replicas than partitions would sit idle.
        assert spec["maxReplicaCount"] == settings.partitions
        assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"]
        (trigger,) = spec["triggers"]
        assert trigger["type"] == "kafka"
        meta = trigger["metadata"]
        assert meta["bootstrapServers"] == settings.bootstrap_servers
        assert meta["consumerGroup"] == group_id(agent, settings)
        assert meta["topic"] == settings.topic(agent_sources[agent])
        assert meta["topic"].removeprefix(settings.topic_prefix) in ALL_TOPICS
        assert int(meta["lagThreshold"]) > 0
        assert all(isinstance(v, str) for v in meta.values()), "KEDA trigger metadata values are strings"


def test_topics_job_creates_topics(k8s_docs: list[dict[str, Any]]) -> None:
    job = by_kind(k8s_docs, "Job")["newsstream-topics"]
    spec = job["spec"]["template"]["spec"]
    assert spec["restartPolicy"] in {"OnFailure", "Never"}
    (c,) = spec["containers"]
    assert c["args"][:4] == ["topics", "create", "--broker", "$(NEWSSTREAM_BROKER)"]


def test_manifests_are_plain_yaml_files() -> None:
    for path in K8S.rglob("*"):
        if path.is_file():
            assert path.suffix == ".yaml", f"{path.relative_to(REPO)}: use .yaml"
            assert Path(path).read_text(encoding="utf-8").strip()


def test_prometheus_rule_carries_the_alert_rules(k8s_docs: list[dict[str, Any]]) -> None:
    """deploy/k8s/prometheusrule.yaml = deploy/prometheus/alerts.yml, and is freshly generated."""
    import subprocess
    import sys

    (rule,) = by_kind(k8s_docs, "PrometheusRule").values()
    assert rule["apiVersion"] == "monitoring.coreos.com/v1"
    assert rule["spec"]["groups"] == yaml.safe_load(ALERTS.read_text(encoding="utf-8"))["groups"]
    script = REPO / "scripts" / "build-prometheusrule.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
