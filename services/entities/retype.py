"""Type of each entity cluster: gazetteer facts first, then votes from spaCy's labels and context.

spaCy's small model often calls towns PERSON or NORP and surnames ORG or GPE; a country,
capital, province, city or known organisation in the gazetteer, a title before a name, a
merged full name, or a place/organisation context ("the town of X", "the X rebel group")
outweigh its label.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import cast

from schemas.models import EntityType
from services.entities.aliases import Cluster
from services.entities.gazetteer import gazetteer
from services.entities.lexicon import ARABIC_ORG_WORDS, ORG_WORDS, PLACE_SUFFIXES, TOPONYM_PREFIXES
from services.entities.names import normalise_name
from services.entities.personnames import looks_like_person_name

PLACE_TYPES = ("GPE", "LOC", "FAC")
_SURNAME_SUFFIX = re.compile(r"(?:ov|ev|ova|eva|sky|ski|skiy|enko|vich|ovic|shvili|dze|yan)$")


def _place_subtype(labels: Counter[str]) -> EntityType:
    if labels["LOC"] > labels["GPE"] and labels["LOC"] >= labels["FAC"]:
        return "LOC"
    if labels["FAC"] > labels["GPE"]:
        return "FAC"
    return "GPE"


def _head_word(words: list[str]) -> str:
    """The word before the first "of"/"for"/"on": the head of "Council of X"."""
    for i, w in enumerate(words):
        if i > 0 and w in ("of", "for", "on"):
            return words[i - 1]
    return words[-1]


def cluster_type(cl: Cluster) -> EntityType:
    """PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, LAW or OTHER for one cluster."""
    if cl.kind in ("country", "city"):
        return "GPE"
    if cl.kind == "org" and cl.org is not None:
        return cast(EntityType, cl.org.kind)
    if cl.kind == "people":
        return "NORP"
    g = gazetteer()
    labels = Counter(cl.labels())
    words = cl.key.split(":", 1)[1].split()
    forms = [normalise_name(m.text).split() for m in cl.mentions]
    last_words = {f[-1] for f in forms if f}
    titled = any(m.titled for m in cl.mentions)
    # A place noun ("the town of X") is strong evidence; a bare "in X" only counts against
    # spaCy's PERSON/NORP labels, its usual mistakes on towns ("in Congress" stays an ORG).
    strong = sum(m.place_strong for m in cl.mentions)
    weak = sum(m.place_ctx and not m.place_strong and m.label in ("PERSON", "NORP") for m in cl.mentions)
    org_ctx = any(m.org_ctx for m in cl.mentions)
    # "... Front", "... Society"; Arabic group names ("Jaish al-...", "... al-Sham": of the Levant).
    heads = {_head_word(f) for f in forms if f}  # "Local Council of Aleppo City": "council"
    org_word = bool((last_words | heads) & ORG_WORDS) or (
        bool(words) and (words[0] in ARABIC_ORG_WORDS or words[-1] == "sham"))

    votes: Counter[str] = Counter()
    given = any(looks_like_person_name(m.text) for m in cl.mentions)  # "Samantha Power" tagged ORG
    # A lone Slavic, Armenian or Georgian surname ("Peskov", "Zakharova", "Poroshenko") is a person.
    given = given or (len(words) == 1 and _SURNAME_SUFFIX.search(words[0]) is not None
                      and words[0] not in g.cities and words[0] not in g.provinces)
    votes["PERSON"] = labels["PERSON"] + (3 if titled else 0) + (2 if cl.surname_merged else 0) + (2 if given else 0)
    suffixed = 0 if org_word else sum(len(f) > 1 and f[-1] in PLACE_SUFFIXES for f in forms)  # "Hama province"
    # "the town of X" / "X district" all but settles it: people are not found in those slots.
    votes["PLACE"] = labels["GPE"] + labels["LOC"] + labels["FAC"] + 5 * min(strong, 1) + 3 * (strong + suffixed) \
        + 2 * weak
    votes["ORG"] = labels["ORG"] + (3 if org_ctx else 0) + (2 if org_word else 0) + (2 if cl.long_forms else 0)
    if any(len(f) > 1 and f[0] in g.demonyms for f in forms) and not titled:
        # "Georgian Dream", "Syrian Democratic Forces": a name opened by a nationality is a body, not a person.
        votes["ORG"] += votes["PERSON"]
        votes["PERSON"] = 0
    votes["NORP"] = labels["NORP"]
    votes["EVENT"] = labels["EVENT"]
    votes["LAW"] = labels["LAW"]

    key = " ".join(words)
    pop = max((g.cities.get(" ".join(f), 0) for f in forms), default=0)
    province = key in g.provinces or any(" ".join(f) in g.provinces for f in forms)
    known_place = (pop > 0 or province) and not titled and not cl.surname_merged and not org_word and not org_ctx
    if known_place:
        # NORP on a known place name is one of spaCy sm's usual mistakes; ORG on a large one too.
        votes["PLACE"] += 1 + votes["NORP"]
        votes["NORP"] = 0
        if pop >= 100_000 or province:
            votes["PLACE"] += votes["ORG"] + 1
            votes["ORG"] = 0
        # Many first names and surnames are also towns: PERSON yields only to a big city or context.
        if pop >= 1_000_000 or strong or weak:
            votes["PLACE"] += votes["PERSON"]
            votes["PERSON"] = 0
    if words and words[0] in TOPONYM_PREFIXES and not titled:
        votes["PLACE"] += 2

    best, _ = max(votes.items(), key=lambda kv: (kv[1], kv[0] == "PERSON", kv[0] == "PLACE"))
    if votes[best] <= 0:
        best = labels.most_common(1)[0][0] if labels else "OTHER"
        if best in PLACE_TYPES:
            best = "PLACE"
    if best == "PLACE":
        return _place_subtype(labels)
    if best in ("PERSON", "ORG", "NORP", "EVENT", "LAW"):
        return cast(EntityType, best)
    return "OTHER"
