"""Date resolution, counts, the verb dictionary and flags of the event stage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schemas.models import PLOVER_TYPES
from services.common.nlp import load_nlp
from services.events.dates import last_weekday, parse_published, resolve_date, weekday_of
from services.events.flags import flags_for
from services.events.lexicon import DEFAULT_PATH, default_lexicon, load_lexicon
from services.events.quantities import words_to_int

BASE = dt.date(2019, 3, 13)  # a Wednesday


@pytest.mark.parametrize(("phrase", "want"), [
    ("on Monday", dt.date(2019, 3, 11)),
    ("Wednesday", BASE),  # the publication day itself, not a week earlier
    ("yesterday", dt.date(2019, 3, 12)),
    ("last month", dt.date(2019, 2, 1)),
    ("2 March", dt.date(2019, 3, 2)),
    ("in June 2012", dt.date(2012, 6, 1)),
    ("Jan. 7, 2019", dt.date(2019, 1, 7)),
])
def test_resolve_against_publication(phrase: str, want: dt.date) -> None:
    assert resolve_date(phrase, BASE) == want


@pytest.mark.parametrize("base", [BASE + dt.timedelta(days=k) for k in range(7)])
def test_weekdays_resolve_as_dateparser_does(base: dt.date) -> None:
    """The weekday shortcut gives dateparser's answer (relative to the day after publication, past preferred)."""
    import dateparser

    relative = dt.datetime.combine(base + dt.timedelta(days=1), dt.time(12))
    for weekday, name in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")):
        parsed = dateparser.parse(name, languages=["en"], settings={
            "RELATIVE_BASE": relative, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"})
        assert parsed is not None
        assert last_weekday(base, weekday) == parsed.date()
        assert resolve_date(f"on {name}", base) == parsed.date()


def test_without_publication_only_absolute_dates() -> None:
    assert resolve_date("on Monday", None) is None
    assert resolve_date("2 March", None) is None
    assert resolve_date("2 March 2018", None) == dt.date(2018, 3, 2)


def test_vague_phrases_have_no_date() -> None:
    assert resolve_date("this week", BASE) is None
    assert resolve_date("recently", BASE) is None


def test_published_and_weekday() -> None:
    assert parse_published("2019-03-13T10:00:00Z") == BASE
    assert parse_published("not a date") is None
    assert parse_published(None) is None
    assert weekday_of("late on Saturday") == 5
    assert weekday_of("last month") is None


@pytest.mark.parametrize(("words", "want"), [
    (["26"], 26), (["twenty-six"], 26), (["300,000"], 300000), (["1.5", "million"], 1500000),
    (["two", "hundred"], 200), (["a", "dozen"], 12), (["seven"], 7), (["dozens"], None), (["a"], None),
])
def test_words_to_int(words: list[str], want: int | None) -> None:
    assert words_to_int(words) == want


def test_dictionary_loads_and_uses_only_plover_types() -> None:
    lex = default_lexicon()
    types = {p.type for ps in [*lex.verbs.values(), *lex.nouns.values()] for p in ps}
    assert types <= set(PLOVER_TYPES)
    assert types == set(PLOVER_TYPES)  # every type has at least one pattern
    assert lex.verbs["veto"][0].mode == "veto"
    # the most specific pattern comes first
    rule = lex.verbs["call"]
    assert rule[0].specificity >= rule[-1].specificity


def test_dictionary_is_extensible(tmp_path: Path) -> None:
    extra = DEFAULT_PATH.read_text(encoding="utf-8").replace(
        "verbs:\n", "verbs:\n  - {lemma: torpedo, type: REJECT, mode: block}\n", 1)
    path = tmp_path / "verbs.yaml"
    path.write_text(extra, encoding="utf-8")
    assert load_lexicon(path).verbs["torpedo"][0].type == "REJECT"


def test_unknown_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text("verbs:\n  - {lemma: hug, type: EMBRACE}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_lexicon(path)


def _flags(text: str, word: str) -> tuple[bool, bool, bool]:
    doc = load_nlp()(text)
    tok = next(t for t in doc if t.text == word)
    f = flags_for(tok)
    return f.negated, f.hypothetical, f.future


@pytest.mark.parametrize(("text", "word", "want"), [
    ("Spain never recognised the vote.", "recognised", (True, False, False)),
    ("The army refused to withdraw from the city.", "withdraw", (True, False, False)),
    ("Brazil could impose tariffs.", "impose", (False, True, False)),
    ("If talks fail, the union would strike.", "strike", (False, True, False)),
    ("The party plans to boycott the election.", "boycott", (False, False, True)),
    ("The envoy will visit Tokyo.", "visit", (False, False, True)),
    ("The envoy visited Tokyo.", "visited", (False, False, False)),
])
def test_flags(text: str, word: str, want: tuple[bool, bool, bool]) -> None:
    assert _flags(text, word) == want


def test_spans_and_absurd_counts_give_nothing() -> None:
    assert resolve_date("2015-16", BASE) is None
    assert resolve_date("the 1990s", BASE) is None
    assert words_to_int(["99999999999999999999"]) is None


@pytest.mark.parametrize("text", ['!!! ??? ...', '"', "Russia vetoed.", "They vetoed it.", "Strikes.",
                                  "The attack killed at least dozens of people.", "Police arrested him."])
def test_odd_inputs_do_not_fail(text: str) -> None:
    from schemas.models import ArticleStances
    from services.common.parse import doc_to_parse
    from services.events.process import code_events

    doc = load_nlp()(text)
    msg = ArticleStances(article_id="odd", language="en", text=text, parse=doc_to_parse(doc))
    for ev in code_events(msg, load_nlp().vocab):
        assert 0.0 <= ev.confidence <= 1.0
        assert ev.evidence.text == text[ev.evidence.start:ev.evidence.end]


def test_conditional_act_is_hypothetical() -> None:
    assert _flags("Russia will veto the text if it includes sanctions.", "veto") == (False, True, False)
