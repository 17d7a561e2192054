"""Publication dates: recognise the date line a page shows and parse it to ISO 8601.

Only whole date lines count ("December 6, 2016", "Published on 6 Dec 2016",
"06.12.2016", "Updated 5 Dec 2016 14:02 GMT"); dates inside article
sentences ("on 4 December") or captions are never used. Parsing uses
dateparser with absolute formats only, so nothing is resolved relative to
today. Numeric dates are day-first, dotted or slashed
(as most of the world writes them), month-first only when day-first is impossible.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from services.normaliser import patterns

_MAX_DATE_LINE_WORDS = 16
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\b\.?)?", re.IGNORECASE)
_SEPARATOR = re.compile(r"[|•·]")
_WORD = re.compile(r"[^\W\d_]{2,}")
# Every date patterns.DATE_TOKEN reads has a year: four digits in a row. Most short lines have none,
# and this scan is far cheaper than trying the date alternatives at every position.
_FOUR_DIGITS = re.compile(r"\d{4}")


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser  # imported lazily: it is slow to load and only needed for date lines

    return dateparser


def _settings(order: str) -> dict[str, Any]:
    return {
        "PARSERS": ["custom-formats", "absolute-time"],  # no "3 hours ago" relative to today
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": order,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


_US_CLOCK = re.compile(r"\b(?:[ap]\.?m\.?|e[sd]t|c[sd]t|p[sd]t|et|pt)\b", re.IGNORECASE)


# A date with its month spelled out, one space between the parts: "27 June 2025", "Dec. 6, 2016".
_DAY_MONTH_YEAR = re.compile(rf"^([0-9]{{1,2}})(?:st|nd|rd|th)? ({patterns.MONTHS})\.?,? ([0-9]{{4}})$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"^({patterns.MONTHS})\.? ([0-9]{{1,2}})(?:st|nd|rd|th)?,? ([0-9]{{4}})$", re.IGNORECASE)
_MONTH_NUMBER = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _spelled_date(text: str) -> datetime | None:
    """The most common date line shapes, read directly: dateparser reads them the same way (in
    either day order) but costs about half a millisecond a call. None: leave it to dateparser."""
    m = _DAY_MONTH_YEAR.match(text)
    if m is not None:
        day, month, year = m.group(1), m.group(2), m.group(3)
    else:
        m = _MONTH_DAY_YEAR.match(text)
        if m is None:
            return None
        month, day, year = m.group(1), m.group(2), m.group(3)
    try:
        return datetime(int(year), _MONTH_NUMBER[month[:3].lower()], int(day))
    except ValueError:
        return None  # "31 June 2025": dateparser decides what an impossible day means


def _parse(text: str, context: str = "") -> datetime | None:
    spelled = _spelled_date(text)
    if spelled is not None:
        return spelled
    # A 12-hour clock or a US time zone beside "12/05/2016" means the US month-first order.
    orders = ("MDY", "DMY") if _US_CLOCK.search(context or text) else ("DMY", "MDY")
    for order in orders:
        try:
            parsed = _dateparser().parse(text, languages=["en"], settings=_settings(order))
        except (ValueError, OverflowError, TypeError, AttributeError):
            parsed = None
        if parsed is not None:
            return parsed  # type: ignore[no-any-return]
    return None


def _iso(parsed: datetime, with_time: bool) -> str:
    if with_time and (parsed.hour or parsed.minute):
        return parsed.isoformat()
    return parsed.date().isoformat()


def date_line(line: str) -> bool:
    """The line is a date line: a date with at most a label, weekday, time or a short byline beside it."""
    if len(line.split()) > _MAX_DATE_LINE_WORDS or not _FOUR_DIGITS.search(line):
        return False
    m = patterns.DATE_TOKEN.search(line)
    if not m:
        return False
    rest = patterns.DATE_PREFIX.sub("", line[: m.start()]) + " " + line[m.end():]
    rest = patterns.DATE_FILLER.sub(" ", rest)
    rest = patterns.DATE_TOKEN.sub(" ", rest)
    words = _WORD.findall(rest)
    if len(words) <= 1:
        return True
    # "By Jane Doe | 6 December 2016": a byline sharing the line.
    return len(words) <= 6 and (bool(_SEPARATOR.search(line)) or line.lower().startswith("by "))


def parse_date_line(line: str) -> str | None:
    """ISO date (or datetime when the line gives a time) of a date line, else None."""
    m = patterns.DATE_TOKEN.search(line)
    if not m:
        return None
    # Parse the date with the time that follows it, if any ("5 Dec 2016 14:02 GMT").
    tail = line[m.end(): m.end() + 20]
    t = _TIME.match(tail.strip(" ,|-–—at"))
    candidate = m.group(0) + (" " + re.sub(r"(?<=\d)[h.](?=\d)", ":", t.group(0)) if t else "")
    parsed = _parse(candidate, line) or _parse(m.group(0), line)
    if parsed is None or not (1900 <= parsed.year <= 2100):
        return None
    return _iso(parsed, with_time=t is not None)


def published_from_lines(lines: list[str]) -> str | None:
    """The publication date among date lines: a 'published' one first, else the first plain one, else 'updated'."""
    plain: list[str] = []
    updated: list[str] = []
    for line in lines:
        iso = parse_date_line(line)
        if iso is None:
            continue
        if patterns.PUBLISHED_LABEL.search(line):
            return iso
        (updated if patterns.UPDATED_LABEL.search(line) else plain).append(iso)
    found = plain or updated
    return found[0] if found else None


def normalise_input_date(value: str | None) -> str | None:
    """A producer-given publication date as ISO 8601; None when it cannot be read as a date."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    parsed = _parse(text)
    if parsed is None:
        return None
    return _iso(parsed, with_time=bool(_TIME.search(text)))
