"""Group mention candidates into one cluster per real-world entity (pure).

Rules, in order:
1. Gazetteer keys: country names, aliases and demonyms ("Russian") -> the country; a capital
   that acts (subject, object, agent, possessor: "Moscow has blocked") -> its country, a capital
   as a place ("speaking in Moscow") -> the city; known organisations and their aliases.
2. Same name: equal comparison keys (case, accents, "the", possessives, "al-" particles ignored;
   "east Aleppo" and "Hama province" reduced to the place when that place is known).
3. Spellings: "Sergei Lavrov" and "Sergey Lavrov" (same surname, first names one transliteration
   apart) are one person.
4. Surnames: a shorter name that is the tail of a longer person's name ("Lavrov", "Abdul Karim")
   joins that person; when two people share it, each mention goes to the nearest one before it.
5. Acronyms: "SAMS" joins "Syrian American Medical Society" (initials, or "Long Name (ACR)").
6. Head-noun short forms: "the Observatory" joins "Syrian Observatory for Human Rights" when the
   short form holds the long name's head word.
Plural demonyms used for a population ("thousands of Syrians") stay a NORP group of people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from services.entities.candidate import Candidate
from services.entities.gazetteer import Org, gazetteer
from services.entities.lexicon import DIRECTION_WORDS, NAME_PARTICLES, PLACE_SUFFIXES
from services.entities.names import normalise_name
from services.entities.personnames import looks_like_person_name

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_WORD_BREAK = re.compile(r"[\s\-]+")  # between the words of a name
# Capitals that, acting, stand for an organisation rather than their country.
CAPITAL_FOR_ORG = {"brussels": "european union"}
_INITIAL_SKIP = frozenset({"of", "for", "the", "and", "on", "in", "to", "de", "des", "du", "la", "le", "at", "&"})


@dataclass(eq=False)  # identity: two clusters are never "equal"
class Cluster:
    key: str
    kind: str  # country | org | city | name | people
    mentions: list[Candidate] = field(default_factory=list)
    iso2: str | None = None
    org: Org | None = None
    surname_merged: bool = False
    long_forms: list[str] = field(default_factory=list)  # names of clusters merged in as expansions

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def labels(self) -> list[str]:
        return [m.label for m in self.mentions]


def person_tokens(name: str) -> list[str]:
    """Name words without particles: "Bashar al-Assad" -> ["bashar", "assad"]."""
    return list(_person_words(name))


@lru_cache(maxsize=65536)
def _person_words(name: str) -> tuple[str, ...]:
    """``person_tokens``, worked out once per name: the merge rules ask for each mention many times."""
    return tuple(w for w in _WORD_BREAK.split(normalise_name(name)) if w and w not in NAME_PARTICLES)


def _case_ok(norm: str, text: str) -> bool:
    """Acronym keys ("US", "WHO", "IS") only match when written in capitals."""
    return norm not in gazetteer().case_sensitive or text.replace(".", "").replace(" ", "").isupper()


def _strip_place_words(norm: str) -> str:
    words = norm.split()
    while len(words) > 1 and words[0] in DIRECTION_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1] in PLACE_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def classify(c: Candidate) -> tuple[str, str, str | None, Org | None]:
    """(key, kind, iso2, org) of one candidate."""
    g = gazetteer()
    norm = c.norm
    if not norm:
        return "", "name", None, None
    case_ok = _case_ok(norm, c.text)
    if norm in g.orgs and case_ok:
        org = g.orgs[norm]
        return "org:" + org.key, "org", None, org
    if norm in g.country_names and case_ok:
        iso = g.country_names[norm]
        return "country:" + iso, "country", iso, None
    if norm in g.demonyms and c.label in ("NORP", "GPE", "ORG", "LOC", "PERSON"):
        iso = g.demonyms[norm]
        if c.population and c.text.endswith("s"):
            return "people:" + norm, "people", iso, None
        return "country:" + iso, "country", iso, None
    # spaCy sometimes calls a capital a PERSON ("supplying Kyiv"); trust that only for small towns.
    if norm in g.capitals and (c.label in ("GPE", "LOC", "ORG", "NORP", "FAC")
                               or (c.label == "PERSON" and g.cities.get(norm, 0) >= 1_000_000)):
        if c.subject and not c.place_strong:
            acting_org = g.orgs.get(CAPITAL_FOR_ORG.get(norm, ""))
            if acting_org is not None:  # "Brussels" acting is the EU, not Belgium
                return "org:" + acting_org.key, "org", None, acting_org
            iso = g.capitals[norm]
            return "country:" + iso, "country", iso, None
        return "city:" + norm, "city", None, None
    stripped = _strip_place_words(norm)
    if stripped != norm:
        if stripped in g.country_names and norm.split()[0] in DIRECTION_WORDS and case_ok:
            iso = g.country_names[stripped]
            return "country:" + iso, "country", iso, None
        if g.cities.get(stripped, 0) >= 100_000 or stripped in g.provinces:
            return "name:" + stripped, "name", None, None
    return "name:" + norm, "name", None, None


def _place_like(cl: Cluster) -> bool:
    """A known place, or a name spaCy mostly calls a place."""
    if cl.kind == "city":
        return True
    g = gazetteer()
    key = cl.key.split(":", 1)[1]
    labels = cl.labels()
    if g.cities.get(key, 0) >= 50_000 or key in g.provinces:
        return True
    return sum(lb in ("GPE", "LOC", "FAC") for lb in labels) * 2 > len(labels)


def _group(cands: list[Candidate]) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}
    for c in cands:
        key, kind, iso2, org = classify(c)
        if not key:
            continue
        if kind == "name":
            # Persons and non-persons with the same particle-free words are one name; spellings
            # of one big city ("Raqqa", "Raqqah") are one place.
            name = key[5:]
            if c.label != "PERSON":
                name = gazetteer().city_canon.get(name, name)
            key = "name:" + " ".join(person_tokens(name))
        cl = clusters.get(key)
        if cl is None:
            cl = clusters[key] = Cluster(key=key, kind=kind, iso2=iso2, org=org)
        cl.mentions.append(c)
    # "east Aleppo" style keys with a known short form in the article join it.
    for key in list(clusters):
        if key not in clusters or not key.startswith("name:"):
            continue
        stripped = _strip_place_words(key[5:])
        canon = " ".join(person_tokens(gazetteer().city_canon.get(stripped, stripped)))
        target = clusters.get("name:" + stripped) or clusters.get("name:" + canon) or clusters.get("city:" + stripped)
        # "Hama province" names a place even when the bare "Hama" got another label.
        suffixed = key[5:].split()[-1] in PLACE_SUFFIXES
        if stripped != key[5:] and target is not None and target is not clusters[key] and (
            suffixed or _place_like(target)
        ):
            target.mentions.extend(clusters.pop(key).mentions)
    return sorted(clusters.values(), key=lambda c: c.first)


def _lone_word_mistyped(cl: Cluster) -> bool:
    """A one-word name the model typed ORG with nothing else saying it is an organisation or a place."""
    return (set(cl.labels()) <= {"ORG", "PERSON"} and all(" " not in m.text for m in cl.mentions)
            and not any(m.org_ctx or m.place_ctx or m.population for m in cl.mentions))


def _personish(cl: Cluster) -> bool:
    labels = cl.labels()
    return labels.count("PERSON") * 2 >= len(labels) or any(m.titled or looks_like_person_name(m.text)
                                                             for m in cl.mentions)


def _nearest(targets: list[Cluster], pos: int) -> Cluster:
    """The target with the latest mention before ``pos`` (else the earliest target)."""
    best, best_pos = targets[0], -1
    for t in targets:
        before = [m.start for m in t.mentions if m.start < pos]
        if before and max(before) > best_pos:
            best, best_pos = t, max(before)
    if best_pos < 0:
        best = min(targets, key=lambda t: t.first)
    return best


def _merge_into(src: Cluster, targets: list[Cluster]) -> list[Cluster]:
    """Each mention of ``src`` to the nearest target before it; the targets that received some."""
    received: list[Cluster] = []
    for m in src.mentions:
        t = _nearest(targets, m.start)
        t.mentions.append(m)
        if t not in received:
            received.append(t)
    return received


_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})


def _patronymic_tail(long: Cluster, toks: list[str], short_text: str) -> bool:
    """Whether ``toks`` is the father's name in the long name ("Salman" in "Mohammed bin Salman"):
    a bare "Salman" is then someone else, "bin Salman" is the same person."""
    raw = [w for w in _WORD_BREAK.split(normalise_name(max((m.text for m in long.mentions), key=len))) if w]
    i = len(raw) - len(toks)
    if i < 1 or raw[i:] != toks or raw[i - 1] not in _PATRONYMIC:
        return False
    return normalise_name(short_text).split()[0] not in _PATRONYMIC


def _merge_surnames(clusters: list[Cluster]) -> list[Cluster]:
    longs = [(cl, person_tokens(max((m.text for m in cl.mentions), key=len))) for cl in clusters
             if cl.kind == "name" and _personish(cl)]
    longs = [(cl, toks) for cl, toks in longs if len(toks) >= 2]
    out = []
    merged: set[int] = set()  # ids of clusters already merged away: never targets
    for cl in clusters:
        if cl.kind != "name" or any(m.place_strong for m in cl.mentions):
            out.append(cl)
            continue
        toks = person_tokens(cl.mentions[0].text)
        live = [(lc, lt) for lc, lt in longs if lc is not cl and id(lc) not in merged]
        targets = [lc for lc, lt in live if 0 < len(toks) < len(lt) and lt[-len(toks):] == toks
                   and not _patronymic_tail(lc, toks, cl.mentions[0].text)]
        if not targets and _personish(cl) and (len(toks) == 1 or toks[0] in ("abu", "umm")):
            # Family name first ("Ban" for "Ban Ki-moon", "Xi" for "Xi Jinping"), a first name alone,
            # or an Arabic kunya ("Abu Mohammad" for "Abu Mohammad al-Jolani").
            targets = [lc for lc, lt in live if len(lt) > len(toks) and lt[: len(toks)] == toks]
        if not targets and len(toks) == 1 and _lone_word_mistyped(cl):
            # "Wang said ..." after "Wang Wenbin", the model calling the short form ORG: the family
            # name of exactly one person named in full.
            firsts = [lc for lc, lt in live if len(lt) > 1 and lt[0] == toks[0]]
            targets = firsts if len(firsts) == 1 else []
        if not targets:
            out.append(cl)
            continue
        for t in _merge_into(cl, targets):
            t.surname_merged = True
        merged.add(id(cl))
    return out


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _spelling_variants(a: list[str], b: list[str]) -> bool:
    """ "Sergei Lavrov" / "Sergey Lavrov", "Mohammed Hakim" / "Muhammad Hakim": same surname, first
    names that differ by a transliteration (same initial, at most two edits)."""
    if len(a) != len(b) or len(a) < 2 or a[-1] != b[-1] or a == b:
        return False
    return all(x == y or (x[0] == y[0] and min(len(x), len(y)) >= 3 and _edit_distance(x, y) <= 2)
               for x, y in zip(a[:-1], b[:-1], strict=True))


def _merge_spellings(clusters: list[Cluster]) -> list[Cluster]:
    out: list[Cluster] = []
    for cl in clusters:
        toks = person_tokens(cl.mentions[0].text)
        target = None
        if cl.kind == "name" and _personish(cl):
            target = next((o for o in out if o.kind == "name" and _personish(o)
                           and _spelling_variants(person_tokens(o.mentions[0].text), toks)), None)
        if target is None:
            out.append(cl)
        else:
            target.mentions.extend(cl.mentions)
    return out


def _initials(name: str) -> str:
    words = [w for w in _WORD_BREAK.split(name) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in _INITIAL_SKIP and w[0].isalpha())


def _merge_acronyms(clusters: list[Cluster], text: str) -> list[Cluster]:
    out = []
    merged: set[int] = set()  # ids of clusters already merged away: never targets
    for cl in clusters:
        acr = cl.mentions[0].text.replace(".", "")
        if cl.kind not in ("name", "org") or not _ACRONYM.match(acr) or (cl.kind == "org" and cl.org and cl.org.qid):
            out.append(cl)
            continue
        paren = re.compile(r"\s*\(\s*" + re.escape(cl.mentions[0].text) + r"\s*\)")
        targets = []
        for other in clusters:
            if other is cl or id(other) in merged or other.kind not in ("name", "org") or _personish(other):
                continue
            forms = {m.text for m in other.mentions}
            if any(_initials(f) == acr for f in forms) or any(paren.match(text, m.end) for m in other.mentions):
                targets.append(other)
        if not targets:
            out.append(cl)
            continue
        for t in _merge_into(cl, targets):
            t.long_forms.append(acr)
        merged.add(id(cl))
    return out


def _head_index(words: list[str]) -> int:
    for i, w in enumerate(words):
        if i > 0 and w in ("of", "for", "on"):
            return i - 1
    return len(words) - 1


def _merge_head_nouns(clusters: list[Cluster]) -> list[Cluster]:
    longs = []
    for cl in clusters:
        if cl.kind not in ("name", "org") or _personish(cl):
            continue
        labels = cl.labels()
        if cl.kind == "name" and labels.count("ORG") * 2 < len(labels):
            continue
        forms = {m.text for m in cl.mentions} | ({cl.org.name} if cl.org else set())
        for f in forms:
            words = normalise_name(f).split()
            if len(words) >= 2:
                longs.append((cl, words))
    g = gazetteer()
    out = []
    merged: set[int] = set()
    for cl in clusters:
        words = normalise_name(cl.mentions[0].text).split()
        # A short form is generic ("the Observatory", "Foreign Ministry"); "Syrian Army" is a name of
        # its own and must not join "Free Syrian Army".
        qualified = any(w in g.demonyms or w in g.country_names for w in words)
        if cl.kind != "name" or not 1 <= len(words) <= 3 or qualified or any(m.place_strong or m.titled
                                                                             for m in cl.mentions):
            out.append(cl)
            continue
        targets = []
        for lc, lw in longs:
            if lc is cl or id(lc) in merged or len(lw) <= len(words):
                continue
            head = _head_index(lw)
            for i in range(len(lw) - len(words) + 1):
                if lw[i : i + len(words)] == words and i <= head < i + len(words):
                    if lc not in targets:
                        targets.append(lc)
                    break
        if not targets:
            out.append(cl)
            continue
        _merge_into(cl, targets)
        merged.add(id(cl))
    return out


def cluster_mentions(cands: list[Candidate], text: str) -> list[Cluster]:
    """One cluster per entity, in order of first mention."""
    clusters = _group(cands)
    clusters = _merge_spellings(clusters)
    clusters = _merge_surnames(clusters)
    clusters = _merge_acronyms(clusters, text)
    clusters = _merge_head_nouns(clusters)
    for cl in clusters:
        cl.mentions.sort(key=lambda m: m.start)
    return sorted(clusters, key=lambda c: c.first)
