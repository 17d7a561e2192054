"""Main text and metadata of an HTML page, with trafilatura.

trafilatura parses with lxml's HTML parser: scripts are never run and
DTD entities are not expanded (no billion-laughs blow-up). Anything the
library raises is caught: the page then falls back to trafilatura's
baseline extractor (all paragraph text), and only when that fails too is
the input rejected.
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from dataclasses import dataclass, field
from functools import lru_cache

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from services.common.errors import Rejected

log = logging.getLogger(__name__)

_MAX_TREE_SIZE = 200_000  # elements; bigger trees are hostile or not articles
_TAG = re.compile(
    r"<(?:p|div|br|span|a|h[1-6]|article|section|li|ul|body|html|head|meta|script|img|figure|table)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE)


@dataclass
class HtmlExtract:
    text: str  # one paragraph per line
    title: str | None = None
    date: str | None = None
    author: str | None = None
    site_name: str | None = None
    captions: list[str] = field(default_factory=list)  # figure captions found in the markup
    fallback: bool = False


def looks_like_html(body: str) -> bool:
    """A page rather than plain text: starts like one, or carries several block tags."""
    if _HTML_START.match(body):
        return True
    return len(_TAG.findall(body[:20_000])) >= 3


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    cfg = use_config()
    cfg.set("DEFAULT", "max_tree_size", str(_MAX_TREE_SIZE))
    cfg.set("DEFAULT", "extraction_timeout", "0")  # no SIGALRM: agents may run off the main thread
    cfg.set("DEFAULT", "extensive_date_search", "off")  # only dates the page states as its own
    return cfg


_CAPTION_XPATH = "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
_MAX_CAPTIONS = 100


def _captions(tree: HtmlElement) -> list[str]:
    """Figure captions, read before trafilatura prunes the tree (it drops them from the text)."""
    found: list[str] = []
    for el in tree.xpath(_CAPTION_XPATH)[:_MAX_CAPTIONS]:
        text = _clean(el.text_content())
        if text and text not in found:
            found.append(text)
    return found


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """The page's main text (paragraphs on separate lines) and metadata; Rejected when no text at all."""
    captions: list[str] = []
    try:
        tree = load_html(html)
        if tree is not None:
            captions = _captions(tree)
        doc = trafilatura.bare_extraction(
            tree if tree is not None else html, url=url, with_metadata=True, include_comments=False,
            include_tables=False, include_images=False, favor_recall=True, config=_config(),
        )
    except Exception as exc:  # the library can fail in many ways on hostile markup
        log.warning("trafilatura failed, falling back to baseline: %s", exc)
        doc = None
    text = getattr(doc, "text", None)
    if doc is not None and text and text.strip():
        return HtmlExtract(
            text=text, title=_clean(getattr(doc, "title", None)), date=_clean(getattr(doc, "date", None)),
            author=_clean(getattr(doc, "author", None)), site_name=_clean(getattr(doc, "sitename", None)),
            captions=captions,
        )
    try:
        _, base_text, _ = trafilatura.baseline(html)
    except Exception as exc:
        raise Rejected("empty_body", f"HTML could not be parsed: {type(exc).__name__}") from None
    if not base_text or not base_text.strip():
        raise Rejected("empty_body", "no text found in the HTML page")
    return HtmlExtract(text=base_text, captions=captions, fallback=True)
