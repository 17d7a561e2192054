"""Kafka security settings reach the clients; logged input is truncated and escaped;
fault injection is off unless asked for. Unit tests: no broker."""

from __future__ import annotations

import json
import logging
import ssl

import certifi
import faust
import pytest
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from services.common.config import Settings
from services.common.kafka import client_kwargs
from services.common.logs import JsonFormatter, safe
from services.common.worker import Faults, broker_credentials, make_app


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_ssl_settings_reach_aiokafka_and_faust(mechanism: str) -> None:
    s = Settings(broker="kafka://k1:9093,kafka://k2:9093", security_protocol="SASL_SSL", sasl_mechanism=mechanism,
                 sasl_username="svc", sasl_password="s3cret", ssl_cafile=certifi.where())
    kw = client_kwargs(s)
    assert kw["security_protocol"] == "SASL_SSL"
    assert kw["sasl_mechanism"] == mechanism
    assert (kw["sasl_plain_username"], kw["sasl_plain_password"]) == ("svc", "s3cret")
    assert isinstance(kw["ssl_context"], ssl.SSLContext)
    assert kw["ssl_context"].verify_mode == ssl.CERT_REQUIRED

    creds = broker_credentials(s)
    assert isinstance(creds, faust.SASLCredentials)
    app = make_app("normaliser", s)
    assert isinstance(app.conf.broker_credentials, faust.SASLCredentials)
    auth = credentials_to_aiokafka_auth(app.conf.broker_credentials)
    assert auth["security_protocol"] == "SASL_SSL"
    assert auth["sasl_mechanism"] == mechanism
    assert (auth["sasl_plain_username"], auth["sasl_plain_password"]) == ("svc", "s3cret")
    assert isinstance(auth["ssl_context"], ssl.SSLContext)
    assert [str(u) for u in app.conf.broker] == ["kafka://k1:9093", "kafka://k2:9093"]


def test_sasl_plaintext_has_no_tls() -> None:
    s = Settings(security_protocol="SASL_PLAINTEXT", sasl_mechanism="SCRAM-SHA-256", sasl_username="u",
                 sasl_password="p")
    kw = client_kwargs(s)
    assert "ssl_context" not in kw
    auth = credentials_to_aiokafka_auth(broker_credentials(s))
    assert auth["security_protocol"] == "SASL_PLAINTEXT"


def test_ssl_only_passes_a_context() -> None:
    s = Settings(security_protocol="SSL", ssl_cafile=certifi.where())
    ctx = broker_credentials(s)
    assert isinstance(ctx, ssl.SSLContext)
    app = make_app("normaliser", s)
    auth = credentials_to_aiokafka_auth(None, ssl_context=app.conf.ssl_context or ctx)
    assert auth["security_protocol"] == "SSL"


def test_plaintext_by_default() -> None:
    assert client_kwargs(Settings()) == {"security_protocol": "PLAINTEXT"}


def test_metrics_server_binds_the_configured_host() -> None:
    app = make_app("normaliser", Settings(metrics_host="10.1.2.3", metrics_port=7000))
    assert app.conf.web_bind == "10.1.2.3"
    assert app.conf.web_port == 7000
    assert make_app("normaliser", Settings()).conf.web_bind == "127.0.0.1"  # never 0.0.0.0 unless asked


def test_safe_truncates_and_escapes() -> None:
    assert safe("x" * 1000).startswith("x" * 300)
    assert safe("x" * 1000).endswith("...[700 more]")
    hostile = "line1\nFAKE {\"level\": \"error\"}\r\x1b[31mred\x1b[0m\x00\u202e"
    out = safe(hostile)
    assert "\n" not in out and "\r" not in out and "\x1b" not in out and "\x00" not in out
    assert "\u202e" not in out  # bidi override: could disguise what an operator reads
    assert out.isascii()


def test_log_lines_stay_one_json_object_per_line() -> None:
    record = logging.makeLogRecord({"msg": "dead-lettered", "levelname": "WARNING", "name": "t",
                                    "detail": "evil\n{\"injected\": true}\x1b[2J" + "y" * 5000,
                                    "article_id": "a\r\nb"})
    line = JsonFormatter().format(record)
    assert "\n" not in line and "\r" not in line
    entry = json.loads(line)
    assert len(entry["detail"]) < 400
    assert "injected" not in entry or entry.get("injected") is None


def test_fault_injection_is_off_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSSTREAM_FAULT_INJECT", raising=False)
    assert Faults.from_env() == Faults()
    assert Faults.from_env("raise_on=k1,faust_commits") == Faults(frozenset({"k1"}), True)
    assert Faults.from_env("drop_once=k2").drop_once == frozenset({"k2"})
    with pytest.raises(ValueError):
        Faults.from_env("drop_everything")


def test_log_message_arguments_are_truncated_and_escaped() -> None:
    record = logging.makeLogRecord({"msg": "got %s", "args": ("x\n" * 5000,), "levelname": "INFO", "name": "t"})
    entry = json.loads(JsonFormatter().format(record))
    assert len(entry["msg"]) < 4100  # 2,000 characters, escaped
    assert "\n" not in entry["msg"]
