"""Resolve a date phrase ("on Monday", "last month", "4 December") against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEAD = re.compile(r"^(?:on|in|at|during|since|from|by|early|late|earlier|this|the)\s+", re.I)
_RANGE = re.compile(r"\d{4}\s*[-\u2013/]\s*\d{2,4}|\d{4}s\b")  # "2015-16", "the 1990s": spans, not days
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Phrases dateparser would read as "now": they carry no date of their own.
_VAGUE = {"now", "recently", "currently", "this week", "the past year", "past year", "the year", "weeks", "days"}


def parse_published(published_at: str | None) -> dt.date | None:
    """The publication date of an ISO date or datetime string."""
    if not published_at:
        return None
    try:
        return dt.date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def clean_phrase(phrase: str) -> str:
    s = phrase.strip().strip(".,;")
    prev = None
    while prev != s:
        prev, s = s, _LEAD.sub("", s)
    return s


@lru_cache(maxsize=4096)
def _resolve(phrase: str, base: dt.date | None) -> dt.date | None:
    try:
        return _resolve_unsafe(phrase, base)
    except (ValueError, OverflowError, TypeError, KeyError, IndexError):
        return None  # dateparser on odd phrases ("the 1990s", "2015-16"): no date rather than a failure


def _resolve_unsafe(phrase: str, base: dt.date | None) -> dt.date | None:
    s = clean_phrase(phrase)
    low = s.lower()
    if not s or low in _VAGUE or len(s) > 40 or _RANGE.search(s):
        return None
    if base is None:
        # Without a publication date only absolute dates that name their year resolve.
        if not _YEAR.search(s):
            return None
        got = dateparser.parse(s, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                              "REQUIRE_PARTS": ["year"]})
        return got.date() if got else None
    if low in _WEEKDAYS:
        return last_weekday(base, _WEEKDAYS.index(low))
    got = dateparser.parse(s, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)), "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
    })
    if got is None:
        return None
    day = got.date()
    # A date phrase is never about the far future in news about events.
    if day > base + dt.timedelta(days=400):
        return None
    return day


def last_weekday(base: dt.date, weekday: int) -> dt.date:
    """The latest day with that weekday (Monday=0) on or before ``base``: "on Tuesday" in a paper
    dated Tuesday means that day, not a week before. This is what dateparser answers for a weekday
    preferring the past from the day after ``base``, at a fraction of its cost (most date phrases
    in news are weekdays)."""
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def resolve_date(phrase: str, published: dt.date | None) -> dt.date | None:
    """The calendar date a phrase names, relative to the publication date (None when it names none)."""
    return _resolve(phrase, published)


def weekday_of(phrase: str) -> int | None:
    """Monday=0 .. Sunday=6 when the phrase names a weekday."""
    low = phrase.lower()
    for i, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            return i
    return None
