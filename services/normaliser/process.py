"""Normalise one raw article (pure: no Kafka, no network).

Steps: HTML bodies go through trafilatura (main text + title, date, author,
site name); every body is NFKC/whitespace normalised, split into line units
and classified (``classify``) into article paragraphs and removed junk
(each removed line is kept in ``removed`` with its kind, captions also in
``captions``). Curly quotes are kept as published (see ``textclean``).

Title: the input's, else the HTML metadata's, else the headline line of the
body. Publication date (ISO 8601): the input's, else the HTML metadata's,
else a date line the page shows (``dates``); null when there is none.
``text`` is cut at a paragraph end when longer than ``max_text_chars``.

Outcomes:
- language not in ``languages``: published with its code and
  ``skipped="unsupported_language"`` (later stages pass it through);
- blank body, or no letters left once page furniture is removed:
  ``Rejected("empty_body")``;
- a body with no letters at all (digits/symbols only), or letters in which
  neither lingua nor the stop-word vote finds a language:
  ``Rejected("unknown_language")``.
A producer-given ``language`` is trusted when it is a plain ISO 639-1 code.
"""

from __future__ import annotations

import hashlib
import re

from schemas.models import NormalisedArticle, Paragraph, RawArticle, RemovedLine
from services.common.errors import Rejected
from services.normaliser import language as lang
from services.normaliser.classify import Classified, classify
from services.normaliser.dates import normalise_input_date, published_from_lines
from services.normaliser.htmlextract import HtmlExtract, extract_html, looks_like_html
from services.normaliser.textclean import clean_line, normalise_unicode, split_units

_ISO_639_1 = re.compile(r"^[a-z]{2}$")
_SEPARATOR = "\n\n"


def _given_language(raw: RawArticle) -> str | None:
    code = (raw.language or "").strip().lower().split("-")[0].split("_")[0]
    return code if _ISO_639_1.match(code) else None


def _clean_meta(value: str | None) -> str | None:
    if value is None:
        return None
    value = clean_line(normalise_unicode(value).replace("\n", " "))
    return value or None


def _page_title(html: HtmlExtract) -> str | None:
    """The headline from the page's metadata, without a trailing " | Outlet" or " - Outlet"."""
    title = _clean_meta(html.title)
    if title is None:
        return None
    site = _clean_meta(html.site_name)
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(sep + site) and len(title) > len(sep + site):
                return title[: -len(sep + site)].strip()
    head = title.split(" | ", 1)[0].strip()
    return head if len(head.split()) >= 3 else title


def _assemble(result: Classified, max_text_chars: int) -> tuple[str, list[Paragraph]]:
    """Paragraphs joined by blank lines, with offsets; cut at a paragraph end within the limit."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for text, kind in result.paragraphs:
        start = pos + (len(_SEPARATOR) if parts else 0)
        end = start + len(text)
        if end > max_text_chars:
            if not parts:  # one huge paragraph: cut it rather than lose everything
                text = text[:max_text_chars]
                parts.append(text)
                paragraphs.append(Paragraph(start=0, end=len(text), kind=kind))
            break
        parts.append(text)
        paragraphs.append(Paragraph(start=start, end=end, kind=kind))
        pos = end
    return _SEPARATOR.join(parts), paragraphs


def _identify(text: str, raw: RawArticle) -> tuple[str, float | None]:
    given = _given_language(raw)
    if given is not None:
        return given, None
    found = lang.identify(text)
    if found is None:
        raise Rejected("unknown_language", "no language could be identified in the text")
    return found


def normalise(
    raw: RawArticle, article_id: str, *, languages: frozenset[str] = frozenset({"en"}), max_text_chars: int = 200_000
) -> NormalisedArticle:
    """The clean article, or ``Rejected`` with a dead-letter reason."""
    html: HtmlExtract | None = None
    body = raw.body
    if raw.content_type == "text/html" or (raw.content_type is None and looks_like_html(body)):
        html = extract_html(body, url=raw.url)
        body = html.text
    units = split_units(body, unwrap=html is None)
    if not units:
        raise Rejected("empty_body", "body is blank once markup and whitespace are removed")
    if not any(lang.has_letters(t) for t, _ in units):
        raise Rejected("unknown_language", "the body has no letters (only digits or symbols)")
    # Identify on the body lines (junk lines are few and short), before classifying with the stoplist.
    code, confidence = _identify("\n".join(t for t, _ in units), raw)
    title = _clean_meta(raw.title) or (_page_title(html) if html else None)
    result = classify(units, lang.stopwords(code), title=title, known_captions=html.captions if html else (),
                      outlet=raw.source or (html.site_name if html else None))
    text, paragraphs = _assemble(result, max_text_chars)
    if not lang.has_letters(text):
        raise Rejected("empty_body", "no article text left after removing page furniture")
    published = normalise_input_date(raw.published_at)
    if published is None and html is not None:
        published = normalise_input_date(html.date)
    if published is None:
        published = published_from_lines(result.date_lines)
    return NormalisedArticle(
        article_id=article_id,
        submitted_at=raw.submitted_at,
        url=raw.url,
        source=raw.source or (html.site_name if html else None),
        title=result.title,
        published_at=published,
        language=code,
        language_confidence=confidence,
        author=html.author if html else None,
        site_name=html.site_name if html else None,
        text=text,
        paragraphs=paragraphs,
        captions=result.captions,
        removed=[RemovedLine(text=t, kind=k) for t, k in result.removed],
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        skipped=None if code in languages else "unsupported_language",
        word_count=len(text.split()),
    )
