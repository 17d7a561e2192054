"""normalise(): HTML, languages, rejections, titles, dates, output shape."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from schemas.models import RawArticle
from services.common.errors import Rejected
from services.normaliser.process import normalise

PARAS = [
    "The parliament of Ecuador voted on Wednesday to extend a state of emergency in three coastal provinces for "
    "another sixty days, the speaker announced.",
    "Opposition lawmakers said the government had failed to explain why the army was still needed on the streets "
    "of Guayaquil.",
    '"We are not against security, we are against a permanent emergency," said Maria Torres, who leads the largest '
    "opposition group.",
    "The interior ministry said violent crime had fallen by a third since the measures were first imposed in "
    "January.",
]
TITLE = "Ecuador extends state of emergency in coastal provinces"


def text_page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_html_page_uses_trafilatura_text_and_metadata() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = f"""<!DOCTYPE html><html><head><title>{TITLE} | Quito Ledger</title>
    <meta property="og:title" content="{TITLE}"><meta property="og:site_name" content="Quito Ledger">
    <meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2025-02-12T09:30:00Z">
    <script>document.write("never run")</script></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
    <article><h1>{TITLE}</h1><figure><img src="a.jpg"><figcaption>Soldiers patrol a street in Guayaquil (Reuters)
    </figcaption></figure>{paras}</article>
    <footer><p>Copyright Quito Ledger. All rights reserved.</p></footer></body></html>"""
    art = normalise(RawArticle(body=html, content_type="text/html"), "h1")
    for p in PARAS:
        assert p in art.text
    assert art.title == TITLE
    assert art.published_at is not None and art.published_at.startswith("2025-02-12")
    assert art.site_name == "Quito Ledger"
    assert art.author == "Ana Ruiz"
    assert "never run" not in art.text and "All rights reserved" not in art.text
    assert art.captions == ["Soldiers patrol a street in Guayaquil (Reuters)"]
    assert "Soldiers patrol" not in art.text


def test_html_is_detected_without_content_type() -> None:
    body = "<div><h1>" + TITLE + "</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
    art = normalise(RawArticle(body=body), "h2")
    assert "<p>" not in art.text and PARAS[0] in art.text


def test_hostile_html_entities_are_not_expanded() -> None:
    ents = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "boom"}">' for i in range(10))
    body = f'<?xml version="1.0"?><!DOCTYPE html [{ents}]><html><body><p>&e9;</p>' + \
        "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>"
    start = time.perf_counter()
    art = normalise(RawArticle(body=body, content_type="text/html"), "h3")
    assert time.perf_counter() - start < 5
    assert "boomboom" not in art.text


def test_html_without_text_is_rejected_as_empty() -> None:
    with pytest.raises(Rejected) as exc:
        normalise(RawArticle(body="<html><body><script>var a = 1;</script></body></html>",
                             content_type="text/html"), "h4")
    assert exc.value.reason == "empty_body"


def test_non_english_article_is_published_as_unsupported() -> None:
    body = text_page(
        "Le Parlement équatorien prolonge l'état d'urgence",
        "Le Parlement de l'Équateur a voté mercredi la prolongation de l'état d'urgence dans trois provinces "
        "côtières pour soixante jours supplémentaires, a annoncé son président.",
        "Les députés de l'opposition ont reproché au gouvernement de ne pas expliquer pourquoi l'armée restait "
        "déployée dans les rues de Guayaquil.",
    )
    art = normalise(RawArticle(body=body), "fr1", languages=frozenset({"en"}))
    assert art.language == "fr"
    assert art.skipped == "unsupported_language"
    assert "soixante jours" in art.text


def test_supported_language_is_not_skipped() -> None:
    art = normalise(RawArticle(body=text_page(TITLE, *PARAS)), "en1", languages=frozenset({"en"}))
    assert art.language == "en" and art.skipped is None
    assert art.language_confidence is not None and art.language_confidence > 0.5


def test_digits_only_is_unknown_language() -> None:
    with pytest.raises(Rejected) as exc:
        normalise(RawArticle(body="12 345 678\n\n90 %% 11 -- 22"), "u1")
    assert exc.value.reason == "unknown_language"


def test_only_page_furniture_is_empty_body() -> None:
    with pytest.raises(Rejected) as exc:
        normalise(RawArticle(body="Skip to main content\nMenu\nShare\nXS\nSM"), "e1")
    assert exc.value.reason == "empty_body"


def test_blank_body_is_empty() -> None:
    with pytest.raises(Rejected) as exc:
        normalise(RawArticle(body=" \n\u200b\n "), "e2")
    assert exc.value.reason == "empty_body"


def test_given_title_is_used_and_its_line_removed() -> None:
    art = normalise(RawArticle(body=text_page(TITLE, *PARAS), title=TITLE), "t1")
    assert art.title == TITLE and TITLE not in art.text


def test_headline_found_after_labels() -> None:
    art = normalise(RawArticle(body=text_page("Accessibility links", "Breaking News", TITLE, "update", *PARAS)),
                    "t2")
    assert art.title == TITLE


@pytest.mark.parametrize(("line", "want"), [
    ("December 6, 2016", "2016-12-06"),
    ("Published on December 6, 2016", "2016-12-06"),
    ("06.12.2016", "2016-12-06"),
    ("Updated 5 Dec 2016 14:02 GMT", "2016-12-05T14:02:00"),
    ("Last updated: Monday 7 March 2022", "2022-03-07"),
    ("By Jane Roe | 3 May 2021", "2021-05-03"),
    ("2024-11-30", "2024-11-30"),
])
def test_date_line_is_the_publication_date(line: str, want: str) -> None:
    art = normalise(RawArticle(body=text_page(TITLE, line, *PARAS)), "d1")
    assert art.published_at == want
    assert line not in art.text


def test_published_beats_updated() -> None:
    art = normalise(RawArticle(body=text_page(TITLE, "Updated 9 May 2021", "Published 3 May 2021", *PARAS)), "d2")
    assert art.published_at == "2021-05-03"


def test_no_date_line_means_null_even_with_dates_in_captions() -> None:
    cap = "Soldiers guard a checkpoint in Guayaquil, Ecuador, Jan. 10, 2025."
    art = normalise(RawArticle(body=text_page(TITLE, f"{cap}\n{cap}", *PARAS)), "d3")
    assert art.published_at is None
    assert art.captions == [cap]


@pytest.mark.parametrize(("given", "want"), [
    ("2025-02-12", "2025-02-12"), ("2025-02-12T09:30:00+00:00", "2025-02-12T09:30:00+00:00"),
    ("Wed, 12 Feb 2025 09:30:00 GMT", "2025-02-12T09:30:00"), ("not a date", None),
])
def test_input_publication_date_is_normalised(given: str, want: str | None) -> None:
    art = normalise(RawArticle(body=text_page(TITLE, *PARAS), published_at=given), "d4")
    assert art.published_at == want


def test_whitespace_and_unicode_normalised_sentences_whole() -> None:
    body = text_page(TITLE, "The\u00a0parliament   voted\ton Wednesday to extend the emergency, the speaker said.",
                     *PARAS[1:])
    art = normalise(RawArticle(body=body), "w1")
    assert "The parliament voted on Wednesday to extend the emergency, the speaker said." in art.text


def test_output_shape() -> None:
    art = normalise(RawArticle(body=text_page("Menu", TITLE, *PARAS, "XS"), url="https://x.example/a",
                               source="Quito Ledger", submitted_at=12.5), "s1")
    assert art.article_id == "s1" and art.url == "https://x.example/a" and art.source == "Quito Ledger"
    assert art.submitted_at == 12.5
    assert art.content_hash == hashlib.sha256(art.text.encode()).hexdigest()
    assert art.word_count == len(art.text.split())
    assert [art.text[p.start:p.end] for p in art.paragraphs] == art.text.split("\n\n")
    assert {r.kind for r in art.removed} == {"navigation", "title"}


def test_max_text_chars_cuts_at_a_paragraph_end() -> None:
    art = normalise(RawArticle(body=text_page(TITLE, *PARAS)), "m1", max_text_chars=len(PARAS[0]) + 10)
    assert art.text == PARAS[0]


def test_same_input_same_output() -> None:
    raw = RawArticle(body=text_page("Menu", TITLE, *PARAS))
    assert normalise(raw, "r1").model_dump() == normalise(raw, "r1").model_dump()


def test_project_samples_normalise() -> None:
    from services.cli.files import expand, submissions
    from services.normaliser.intake import article_id_for, parse_raw

    samples = Path(__file__).resolve().parents[2] / "samples"
    files = expand([samples])
    assert len(files) >= 6
    for f in files:
        for value, key in submissions(f):
            raw = parse_raw(value, max_bytes=2_000_000)
            art = normalise(raw, article_id_for(raw, key, value))
            assert art.title and art.word_count > 150
            assert not any(j in art.text for j in ("Skip to", "All rights reserved", "Getty Images", "Read more"))


def test_normalising_an_article_takes_milliseconds() -> None:
    body = text_page("Skip to main content", TITLE, *(PARAS * 6), "XS\nSM")
    normalise(RawArticle(body=body), "p0")  # loads the language detector once
    start = time.perf_counter()
    for i in range(10):
        normalise(RawArticle(body=body), f"p{i}")
    assert (time.perf_counter() - start) / 10 < 0.05


def test_given_language_tag_is_trusted() -> None:
    art = normalise(RawArticle(body=text_page(TITLE, *PARAS), language="en-GB"), "l1")
    assert art.language == "en" and art.skipped is None
    art = normalise(RawArticle(body=text_page(TITLE, *PARAS), language="fr"), "l2", languages=frozenset({"en"}))
    assert art.language == "fr" and art.skipped == "unsupported_language"


def test_thousands_of_repeated_lines_stay_fast() -> None:
    body = "\n".join(["Same caption line repeated on a broken page"] * 20_000) + "\n\n" + text_page(TITLE, *PARAS)
    start = time.perf_counter()
    art = normalise(RawArticle(body=body), "big1")
    assert time.perf_counter() - start < 10
    for p in PARAS:
        assert p in art.text


def test_text_without_spaces_between_words_keeps_its_paragraphs() -> None:
    body = text_page(
        "新闻",
        "厄瓜多尔议会延长沿海省份紧急状态",
        "厄瓜多尔议会周三投票决定将三个沿海省份的紧急状态再延长六十天，议长宣布了这一决定。",
        "反对派议员表示，政府没有解释为什么军队仍然需要在瓜亚基尔街头部署。",
    )
    art = normalise(RawArticle(body=body), "zh1")
    assert art.language == "zh" and art.skipped == "unsupported_language"
    assert art.title == "厄瓜多尔议会延长沿海省份紧急状态"
    assert len(art.paragraphs) == 2 and "六十天" in art.text


def test_html_title_loses_the_outlet_suffix() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (f'<html><head><title>{TITLE} - Quito Ledger</title><meta property="og:site_name" content="Quito Ledger">'
            f"</head><body><div>{paras}</div></body></html>")
    art = normalise(RawArticle(body=html, content_type="text/html"), "h5")
    assert art.title == TITLE
