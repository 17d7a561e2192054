"""Hostile input to the stages' pure ``handle``: every input yields an output or a dead letter,
never an exception; size is checked before parsing, so memory stays bounded; HTML is parsed,
never evaluated (scripts and entity definitions do not reach the text)."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from schemas.models import DeadLetter, NormalisedArticle
from services.common import config
from services.common.config import Settings
from services.common.stage import Incoming, Output, Stage
from services.normaliser.agent import NormaliserStage

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SETTINGS = Settings(max_input_bytes=200_000)


@pytest.fixture(scope="module")
def normaliser() -> NormaliserStage:
    return NormaliserStage(SETTINGS)


def _one(stage: Stage, value: bytes | None, key: bytes | None = b"k") -> Output:
    out = stage.handle([Incoming(key, value, 1_700_000_000.0)])
    assert len(out) == 1
    assert len(out[0]) >= 1
    return out[0][-1]


def _accounted(out: Output, source_topics: Sequence[str]) -> None:
    assert out.topic in source_topics, out.topic
    if out.topic == config.DEADLETTER:
        assert isinstance(out.value, DeadLetter)
    out.encode()  # serialisable: it can be published


def _dumps(obj: object) -> bytes:
    """JSON as any producer might write it: big integers and Infinity included."""
    return json.dumps(obj).encode()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)
raw_objects = st.fixed_dictionaries(
    {"body": st.one_of(st.text(max_size=2000), st.integers(), st.none(), json_values)},
    optional={"id": st.one_of(st.text(max_size=600), st.integers()), "title": st.text(max_size=300),
              "published_at": st.text(max_size=40), "language": st.text(max_size=10),
              "content_type": st.text(max_size=20), "submitted_at": st.one_of(st.floats(), st.text(max_size=5))},
)
html_bits = st.sampled_from([
    "<script>alert(1)</script>", "<p>", "</p>", "<div>", "<img src=x onerror=alert(1)>", "<!--", "-->",
    "<style>p{}</style>", "&amp;", "&#x0;", "&nbsp;", "<![CDATA[", "]]>", "<iframe src='javascript:x'>",
    "Ministers agreed a deal on Tuesday. ", "\x00", "\u202e", "\ufeff", "<h1>Headline</h1>", "<svg onload=x>",
])


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(normaliser: NormaliserStage, data: bytes) -> None:
    _accounted(_one(normaliser, data), (config.NORMALISED, config.DEADLETTER))


@FUZZ
@given(raw_objects)
def test_random_json_articles(normaliser: NormaliserStage, obj: dict[str, object]) -> None:
    _accounted(_one(normaliser, _dumps(obj)), (config.NORMALISED, config.DEADLETTER))


@FUZZ
@given(st.lists(html_bits, max_size=60), st.text(max_size=300))
@example(["<![CDATA[", "<script>alert(1)</script>", "Ministers agreed a deal on Tuesday. " * 3], "")
def test_html_soup(normaliser: NormaliserStage, bits: list[str], tail: str) -> None:
    body = "<html><body>" + "".join(bits) + tail
    out = _one(normaliser, body.encode("utf-8", "replace"))
    _accounted(out, (config.NORMALISED, config.DEADLETTER))
    if isinstance(out.value, NormalisedArticle) and "alert(1)" not in _shown_text(body):
        assert "alert(1)" not in out.value.text  # script content is dropped, never run or kept


def _shown_text(html: str) -> str:
    """The text a browser would show: script and style content and comments removed. Markup can
    turn "alert(1)" into shown text (a bogus ``<![CDATA[<script>`` comment ends at its first ``>``)."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for el in tree.xpath("//script | //style | //comment()"):
        el.drop_tree()
    return str(tree.text_content())


@FUZZ
@given(st.text(alphabet=st.characters(max_codepoint=0x10FFFF, blacklist_categories=("Cs",)), max_size=3000))
def test_control_characters_and_odd_unicode(normaliser: NormaliserStage, text: str) -> None:
    _accounted(_one(normaliser, text.encode()), (config.NORMALISED, config.DEADLETTER))


@pytest.mark.parametrize("payload", [
    b"[" * 100_000 + b"]" * 100_000,  # deep JSON: refused before orjson recurses
    b'{"body": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    b"\xff\xfe" * 1000,  # invalid UTF-8
    b"\xc3\x28" + b"x" * 1000,
    "\u0000\u0001\u0002".encode() * 1000,
    b"",
    None,
])
def test_hostile_payloads_are_dead_lettered(normaliser: NormaliserStage, payload: bytes | None) -> None:
    out = _one(normaliser, payload)
    assert out.topic == config.DEADLETTER


def _one_with_peak(normaliser: NormaliserStage, payload: bytes) -> tuple[Output, int]:
    """The stage's output for ``payload`` and the peak bytes Python allocated meanwhile."""
    tracemalloc.start()
    try:
        out = _one(normaliser, payload)
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_billion_laughs_entities_are_not_expanded(normaliser: NormaliserStage) -> None:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    body = ("<!DOCTYPE html [" + "".join(ents) + "]><html><body><p>Ministers met on Tuesday to agree "
            "a new trade deal after talks in Geneva. &lol9;</p></body></html>")
    out, peak = _one_with_peak(normaliser, body.encode())
    assert peak < 50_000_000
    if isinstance(out.value, NormalisedArticle):
        assert out.value.text.count("lol") < 100


@pytest.mark.parametrize("size", [SETTINGS.max_input_bytes + 1, 20_000_000])
def test_oversized_input_is_refused_before_parsing(normaliser: NormaliserStage, size: int) -> None:
    payload = b'{"body": "' + b"a" * size + b'"}'
    out, peak = _one_with_peak(normaliser, payload)
    assert out.topic == config.DEADLETTER and isinstance(out.value, DeadLetter)
    assert out.value.error == "too_large"
    # The dead letter keeps at most ~0.9 MB of the original; nothing is parsed or decoded whole.
    assert peak < 8_000_000, peak


def test_zip_bomb_like_repetition_is_bounded(normaliser: NormaliserStage) -> None:
    body = ("<div>" * 2000 + "Ministers agreed. " * 5000 + "</div>" * 2000)[: SETTINGS.max_input_bytes - 100]
    out, peak = _one_with_peak(normaliser, body.encode())
    _accounted(out, (config.NORMALISED, config.DEADLETTER))
    assert peak < 200_000_000, peak


@pytest.fixture(scope="module")
def nlp_stages() -> list[Stage]:
    from services.stages import build_stage

    return [build_stage(agent, SETTINGS) for agent in ("entities", "stances", "events")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000), raw_objects.map(_dumps), json_values.map(_dumps)))
def test_later_stages_dead_letter_garbage(nlp_stages: list[Stage], data: bytes) -> None:
    for stage in nlp_stages:
        out = stage.handle([Incoming(b"k", data)])
        assert len(out) == 1 and out[0]
        assert all(o.topic in (config.DEADLETTER, config.ENTITIES, config.STANCES, config.EVENTS,
                               config.STORIES, config.ARTICLE_DONE) for o in out[0])
