"""Known names (gazetteer organisations and countries) in the text: relabelling the model's
out-of-scope labels, completing its partial spans ("Islamic" + "State"), and scanning for
multi-word names it split or missed ("Doctors Without Borders")."""

from __future__ import annotations

import re
from functools import lru_cache

from services.entities.candidate import Candidate, make_candidate
from services.entities.gazetteer import gazetteer
from services.entities.names import normalise_name
from services.entities.parsed import ParsedDoc


def relabel(ent_text: str) -> str | None:
    """A label in our scope for a known place or organisation spaCy gave another label
    ("Aleppo" as LANGUAGE), else None."""
    g = gazetteer()
    norm = normalise_name(ent_text)
    if norm in g.orgs:
        return "ORG"
    if norm in g.country_names or g.cities.get(norm, 0) >= 15_000 or norm in g.provinces:
        return "GPE"
    return None


def extend_to_known_org(doc: ParsedDoc, s: int, e: int) -> tuple[int, int]:
    """ "Islamic" + "State", "Jabhat" + "Fateh al-Sham": extend a mention over up to three capitalised
    words on either side when together they make a known organisation's name."""
    orgs = gazetteer().orgs
    toks, words, pos = doc.tokens, doc.words, doc.pos

    def free(i: int) -> bool:
        return pos[i] == "PROPN" and words[i][:1].isupper() and toks[i].ent_type_ in ("", toks[s].ent_type_)

    best = (s, e)
    for j in range(e + 1, min(len(toks), e + 3) + 1):
        if not free(j - 1):
            break
        if normalise_name(doc.span_text(s, j)) in orgs:
            best = (s, j)
    for i in range(s - 1, max(-1, s - 3), -1):
        if not free(i):
            break
        if normalise_name(doc.span_text(i, best[1])) in orgs:
            best = (i, best[1])
    return best


@lru_cache(maxsize=2)
def _gazetteer_pattern(multiword: bool) -> re.Pattern[str]:
    """Names of known organisations and countries: multi-word ones in any case ("UN security
    council", "Doctors Without Borders"), acronyms of three letters or more in capitals only."""
    g = gazetteer()
    names: set[str] = set()
    for org in g.orgs.values():
        names.update(n for n in (org.name, *org.aliases)
                     if (" " in n) == multiword and (multiword or (len(n) >= 3 and n.isupper())))
    if multiword:
        for c in g.countries.values():
            names.update(n for n in (c.name, *c.aliases) if " " in n)
    return capitalised_names_pattern(sorted(names, key=len, reverse=True), ignore_case=multiword)


def capitalised_names_pattern(names: list[str], ignore_case: bool) -> re.Pattern[str]:
    """``re.compile(r"(?<![\\w-])(?=(?-i:[A-Z]))(?:n1|n2|...)(?![\\w-])")`` for the escaped ``names`` in
    this order (with re.IGNORECASE when ``ignore_case``): the same matches, found faster.

    A match opens with a capital A-Z, so the alternation is factored by that letter: "A(?:l1|l2)|B(...)".
    A pattern that opens on literal letters lets the engine jump to the next such letter instead of
    trying the look-behind at every position; the look-behind moves after the letter ("is the
    character before it part of a word"). Within a letter's group the names keep their order, so a
    match is the same name as before; with ``ignore_case`` only the rest of the name ignores case.
    Only for ASCII first characters (no other character can both be a capital A-Z and match one);
    otherwise the flat pattern.
    """
    if not all(n and n[0].isascii() for n in names):
        flat = "|".join(re.escape(n) for n in names)
        return re.compile(r"(?<![\w-])(?=(?-i:[A-Z]))(?:" + flat + r")(?![\w-])", re.IGNORECASE if ignore_case else 0)
    groups: dict[str, list[str]] = {}
    for n in names:
        # With ``ignore_case`` the first letter matches in either case, but the match opens with a capital.
        groups.setdefault(n[0].upper() if ignore_case else n[0], []).append(n)
    rest_group = "(?i:" if ignore_case else "(?:"
    parts = [letter + r"(?<![\w-].)" + rest_group + "|".join(re.escape(n[1:]) for n in members) + ")"
             for letter, members in groups.items() if "A" <= letter <= "Z"]  # others never open a match
    return re.compile("(?:" + "|".join(parts) + r")(?![\w-])" if parts else "(?!)")  # "(?!)": no match


def gazetteer_candidates(doc: ParsedDoc) -> list[Candidate]:
    g = gazetteer()
    out = []
    text = doc.text
    matches = [*_gazetteer_pattern(True).finditer(text), *_gazetteer_pattern(False).finditer(text)]
    for m in matches:
        span = doc.doc.char_span(m.start(), m.end(), alignment_mode="strict")
        if span is None:
            continue
        label = "ORG" if normalise_name(m.group(0)) in g.orgs else "GPE"
        out.append(make_candidate(doc, span.start, span.end, label, "gazetteer"))
    return out


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """A known name found in the text wins over the model's pieces of it ("Borders" inside
    "Doctors Without Borders"), unless the model's entity is the longer name."""
    gaz = [c for c in cands if c.source == "gazetteer"]
    rest = [c for c in cands if c.source != "gazetteer"]
    kept_gaz = [g for g in gaz if not any(r.start <= g.start and g.end <= r.end and (r.end - r.start) >
                                          (g.end - g.start) for r in rest)]
    kept_rest = [r for r in rest if not any(r.start < g.end and g.start < r.end for g in kept_gaz)]
    return kept_gaz + kept_rest




def warm_up() -> None:
    """Build the name patterns now rather than on the first article."""
    _gazetteer_pattern(True)
    _gazetteer_pattern(False)
