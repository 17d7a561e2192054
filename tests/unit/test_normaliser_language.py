"""Language identification: lingua on a language subset, stop-word fallback, unknown."""

from __future__ import annotations

import pytest

from services.normaliser import language


@pytest.mark.parametrize(("text", "code"), [
    ("The foreign ministers met in Lisbon on Thursday and agreed to continue the talks next month.", "en"),
    ("Les ministres des Affaires étrangères se sont réunis jeudi à Lisbonne et ont convenu de poursuivre.", "fr"),
    ("Die Außenminister trafen sich am Donnerstag in Lissabon und vereinbarten, die Gespräche fortzusetzen.", "de"),
    ("Los ministros de Exteriores se reunieron el jueves en Lisboa y acordaron continuar las conversaciones.", "es"),
    ("اجتمع وزراء الخارجية في لشبونة يوم الخميس واتفقوا على مواصلة المحادثات الشهر المقبل.", "ar"),
    ("Министры иностранных дел встретились в четверг в Лиссабоне и договорились продолжить переговоры.", "ru"),
])
def test_identifies_common_languages(text: str, code: str) -> None:
    found = language.identify(text)
    assert found is not None and found[0] == code and 0.0 < found[1] <= 1.0


def test_no_letters_is_unknown() -> None:
    assert language.identify("12 345 678 -- 90 %") is None


def test_detector_is_built_once() -> None:
    assert language.detector() is language.detector()


def test_stopword_vote_decides_when_lingua_cannot() -> None:
    vote = language._stopword_vote("the and of")
    assert vote is not None and vote[0] == "en"
    assert language._stopword_vote("zzzz qqqq") is None


def test_stopwords_for_unknown_language_are_empty() -> None:
    assert language.stopwords("xx") == frozenset()
    assert "the" in language.stopwords("en")
