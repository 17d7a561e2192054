"""Language identification settles most articles on a short first sample."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from lingua import Language

from services.normaliser import language


def test_a_clear_article_is_settled_on_the_first_look() -> None:
    text = "The government announced new measures on Tuesday to support farmers hit by the drought. " * 12
    assert language.identify(text) == ("en", 1.0)


@dataclass
class Confidence:
    language: Language
    value: float


class ScriptedDetector:
    """Answers each call with the next scripted confidence and records the sample lengths."""

    def __init__(self, *values: float) -> None:
        self.values = list(values)
        self.samples: list[int] = []

    def compute_language_confidence_values(self, sample: str) -> list[Confidence]:
        self.samples.append(len(sample))
        return [Confidence(Language.ENGLISH, self.values.pop(0))]


@pytest.mark.parametrize("values, samples, expected", [
    ((1.0,), [400], ("en", 1.0)),  # certain at first look: done
    ((0.93, 0.97), [400, 1000], ("en", 0.97)),  # unsure: the full sample decides
])
def test_only_an_unsure_first_look_reads_the_full_sample(
        monkeypatch: pytest.MonkeyPatch, values: tuple[float, ...], samples: list[int],
        expected: tuple[str, float]) -> None:
    scripted = ScriptedDetector(*values)
    monkeypatch.setattr(language, "detector", lambda: scripted)
    assert language.identify("A clear English article about the talks. " * 50) == expected
    assert scripted.samples == samples


def test_a_short_text_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    scripted = ScriptedDetector(0.8)
    monkeypatch.setattr(language, "detector", lambda: scripted)
    assert language.identify("Talks went on.") == ("en", 0.8)
    assert scripted.samples == [14]
