"""Who a token stands for: canonical entities, non-entity actors, pronouns resolved in discourse.

Built once per article over the rebuilt Doc. Holders, targets and speakers
all go through ``Actors.refs`` so that conjunctions ("Russia and China"),
lists ("members ..., including Britain and France"), appositions ("Russia's
envoy, Vitaly Churkin"), relative pronouns ("France, which ...") and
pronouns ("he said") are handled the same way everywhere.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import compress, repeat
from operator import is_not

import numpy
from spacy.tokens import Doc, Token

from schemas.models import Entity, EntityRef
from services.common.parse import text_of
from services.entities.resolve import EntityResolver, entity_ref
from services.stances.doctext import columns_of, positions_in, sent_of, tokens_of
from services.stances.lexicon import lexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_LEADING_DROP = {"the", "a", "an", "any", "all", "some", "this", "that", "these", "those", "both", "its",
                 "their", "his", "her", "our", "my", "your", "such", "each", "every", "another", "other"}
_NP_LEFT_DEPS = {"det", "poss", "compound", "amod", "nmod", "nummod", "case", "quantmod", "punct", "npadvmod",
                 "advmod", "predet"}
_PERSON_PRON = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_THING_PRON = {"it", "its", "itself"}
_PLURAL_PRON = {"they", "them", "their", "theirs", "themselves"}
_RELATIVE = {"which", "who", "that", "whom", "whose"}
_GENERIC_DETS = {"any", "no", "every", "each"}
_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_TITLE_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                 "madam": "f", "dame": "f", "lady": "f", "lord": "m", "king": "m", "queen": "f"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
# Entity types that can hold a stance or speak.
ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
SUBJECT_WINDOW = 8  # sentences searched back for a pronoun's antecedent


@dataclass(frozen=True)
class Record:
    """An actor seen in the text: position, reference, whether it was a grammatical subject."""

    i: int
    ref: EntityRef
    subject: bool
    sent: int


class Actors:
    """Entity look-ups and discourse memory for one article."""

    def __init__(self, doc: Doc, entities: list[Entity], quoted: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        # Tokens are indexed in this list, never as doc[i]: each doc[i] creates a new Token object.
        self.tokens = tokens_of(doc)
        self._columns = columns_of(doc)
        self.resolver = EntityResolver(entities)
        self.lex = lexicon()
        self._sent_of = self._columns.sent
        self._quoted_token = _inside_quotes(sorted(quoted or []), self._columns.start)
        # Per token index: the entity of the mention under the token, and what ``entity`` makes of it.
        self._mentions = self.resolver.entities_at(self._columns.start, self._columns.end)
        self._mention_refs: dict[int, EntityRef | None] = {}
        # One EntityRef per entity (keyed by id): a mention has many tokens, and each pydantic model costs.
        self._refs_by_entity: dict[int, EntityRef] = {}
        self._entity_refs: dict[int, EntityRef | None] = {}
        self.records: list[Record] = []
        self.gender: dict[str, str] = {}
        # The rules ask ``refs`` about the same tokens many times; see ``refs`` for when an answer is reused.
        self._refs_seen: dict[tuple[int, bool, bool], tuple[tuple[int, int], list[EntityRef]]] = {}
        self._build_memory()
        # Resolving the gendered subject pronouns in order teaches who is "he" and who is "she".
        columns = self._columns
        for i in columns.with_form(("he", "she")):
            if columns.dep[i] in SUBJECT_DEPS and not self._quoted_token[i]:
                self.antecedent(self.tokens[i])

    # ----- entities -------------------------------------------------------------------------

    def in_quote(self, tok: Token) -> bool:
        return self._quoted_token[tok.i]

    def in_quote_at(self, i: int) -> bool:
        """Whether token ``i`` lies inside a direct quote."""
        return self._quoted_token[i]

    def sent_index(self, tok: Token) -> int:
        return self._sent_of[tok.i]

    def _mention_ref(self, i: int) -> EntityRef | None:
        """``resolver.at`` of token ``i``, looked up once per token."""
        if i not in self._mention_refs:
            ent = self._mentions[i]
            self._mention_refs[i] = self._ref_of_entity(ent) if ent is not None else None
        return self._mention_refs[i]

    def _ref_of_entity(self, ent: Entity) -> EntityRef:
        ref = self._refs_by_entity.get(id(ent))
        if ref is None:
            ref = self._refs_by_entity[id(ent)] = entity_ref(ent)
        return ref

    def entity(self, tok: Token) -> EntityRef | None:
        """The canonical entity of the mention covering ``tok``; demonyms map to their country."""
        return self._entity_at(tok.i)

    def _entity_at(self, i: int) -> EntityRef | None:
        if i not in self._entity_refs:
            self._entity_refs[i] = self._resolve_entity(i)
        return self._entity_refs[i]

    def _resolve_entity(self, i: int) -> EntityRef | None:
        if self._mentions[i] is None and self._columns.ent_type[i] != "NORP":
            return None  # no mention, and no demonym to look up by name
        ref = self._mention_ref(i)
        if ref is not None and ref.type != "NORP":
            return ref  # the token's text is only needed to look a name up or to map a demonym
        text = text_of(self.doc)[self._columns.start[i]: self._columns.end[i]]
        if ref is None:
            ref = self.resolver.for_text(text)
        if ref is not None and ref.type == "NORP":
            country = self.country_of(text) or self.country_of(ref.name)
            if country is not None:
                return country
        return ref

    def country_of(self, word: str) -> EntityRef | None:
        """A demonym ("French", "Russian-drafted" -> "French") as its country entity, else None."""
        w = word.lower().split("-")[0].strip()
        ref = self.resolver.for_text(w)
        if ref is not None and ref.type in _PLACE_TYPES:
            return ref
        name = self.lex.demonyms.get(w)
        if name is None:
            return None
        ref = self.resolver.for_text(name)
        return ref if ref is not None else EntityRef(name=name, entity_id=None, type="GPE")

    def np_name(self, head: Token, with_of: bool = False, with_for: bool = False) -> str:
        """The noun phrase headed by ``head`` as display text, without clauses or leading determiners."""
        left = head.i
        for child in head.lefts:
            if child.dep_ in _NP_LEFT_DEPS:
                left = min(left, child.left_edge.i)
        right = head.i
        if with_of:
            nxt = self.tokens[head.i + 1] if head.i + 1 < len(self.tokens) else None
            # The parser sometimes hangs "from ..." on the verb; take it when it directly follows.
            preps = [c for c in head.rights if c.dep_ == "prep"]
            if nxt is not None and nxt not in preps and nxt.dep_ in ("prep", "dep"):
                preps.insert(0, nxt)
            for child in preps:
                allowed = ("of", "from", "for") if with_for else ("of", "from")
                if child.lower_ in allowed and child.right_edge.i - head.i <= 8:
                    right = child.right_edge.i
                    break
        toks = self.tokens[left: right + 1]
        while toks and (toks[0].lower_ in _LEADING_DROP or toks[0].is_punct):
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            return head.text
        return text_of(self.doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)]

    # ----- discourse memory -------------------------------------------------------------------

    def _build_memory(self) -> None:
        tokens, columns = self.tokens, self._columns
        heads, pos, dep, lemma = columns.head, columns.pos, columns.dep, columns.lemma
        # Only mentions, demonyms and noun subjects can make a record; the loop below looks at those few alone.
        in_mention = compress(range(len(tokens)), map(is_not, self._mentions, repeat(None)))
        noun_subjects = [i for i in columns.with_dep(SUBJECT_DEPS) if pos[i] == "NOUN"]
        maybe_actors = sorted({*in_mention, *positions_in(columns.ent_type, ("NORP",)), *noun_subjects})
        for i in maybe_actors:
            if self._quoted_token[i] or pos[i] == "PRON":
                continue
            # Most tokens lie in no mention and are no demonym: they have no entity to look up.
            ref = self._entity_at(i) if self._mentions[i] is not None or columns.ent_type[i] == "NORP" else None
            if ref is None or ref.type not in ACTOR_TYPES:
                # Non-entity subjects still count for "it"/"the group" ("The monitor said ... It also said").
                if dep[i] in SUBJECT_DEPS and pos[i] == "NOUN" and lemma[i] in self.lex.actor_nouns:
                    self.records.append(Record(i, self._generic(tokens[i]), True, self._sent_of[i]))
                continue
            tok = tokens[i]
            # One record per mention: use the mention's last token (its syntactic head in English).
            mention = self._mention_ref(i)
            if i + 1 < len(tokens) and columns.ent_iob[i + 1] == "I" and _same(self._mention_ref(i + 1), mention):
                continue
            # The mention's syntactic root ("Observatory" in "Observatory for Human Rights").
            root = i
            for _ in range(6):
                if heads[root] == root or not _same(self._mention_ref(heads[root]), mention):
                    break
                root = heads[root]
            subject = self._is_subject(tokens[root])
            self.records.append(Record(i, ref, subject, self._sent_of[i]))
            if ref.type == "PERSON":
                self._note_title(tok, ref)

    def _note_title(self, tok: Token, ref: EntityRef) -> None:
        """Gender from a title before the name: "Mr", "Ms", "spokeswoman", "chairman"."""
        k = tok.i
        while k > 0 and self.tokens[k].ent_iob_ == "I":
            k -= 1
        for t in self.tokens[max(0, k - 2): k]:
            low = t.lower_
            g = _TITLE_GENDER.get(low)
            if g is None and len(low) > 5 and low.endswith("woman"):
                g = "f"
            elif g is None and len(low) > 3 and low.endswith("man") and low not in ("german", "oman"):
                g = "m"
            if g is not None:
                self.gender.setdefault(_key(ref), g)

    def _is_subject(self, tok: Token) -> bool:
        head = tok
        for _ in range(3):
            if head.dep_ in SUBJECT_DEPS:
                return True
            # A compound only when its head is a generic body: "the X monitor said" is X speaking,
            # "an AFP photographer saw" is not AFP.
            org_head = head.dep_ == "compound" and head.head.lemma_.lower() in self.lex.org_anaphors
            if head.dep_ in ("appos", "flat") or org_head or (head.dep_ == "conj" and head.head.dep_ in SUBJECT_DEPS):
                head = head.head
                continue
            break
        # "said Lavrov" inverted, or "according to X" count as subjects of speech.
        return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"

    def add_speaker(self, i: int, ref: EntityRef) -> None:
        """Remember a resolved speaker (a pronoun's referent) as a subject at position i."""
        rec = Record(i, ref, True, self._sent_of[min(i, len(self._sent_of) - 1)])
        pos = bisect.bisect_left([r.i for r in self.records], i)
        self.records.insert(pos, rec)

    def antecedent(self, pron: Token) -> EntityRef | None:
        """The referent of a personal pronoun: the latest fitting subject before it, else the latest fitting name."""
        low = pron.lower_
        if low in ("i", "we", "me", "us", "our", "my"):
            return None
        person = low in _PERSON_PRON
        thing = low in _THING_PRON
        if not (person or thing or low in _PLURAL_PRON):
            return None
        if pron.dep_ == "poss":
            own = self._clause_subject(pron)
            if own is not None:
                return own
        sent = self._sent_of[pron.i]

        want = _GENDER.get(low)

        def fits(r: Record) -> bool:
            if person:
                known = self.gender.get(_key(r.ref))
                return r.ref.type == "PERSON" and (want is None or known is None or known == want)
            if thing:
                return r.ref.type in ("ORG", "GPE", "NORP") or (r.ref.type is None and not _plural(r.ref.name))
            return r.ref.type != "PERSON"

        before = [r for r in self.records if r.i < pron.i and sent - r.sent <= SUBJECT_WINDOW]
        found: EntityRef | None = None
        for r in reversed(before):
            if r.subject and fits(r):
                if thing and self._proposal_between(r.i, pron.i):
                    return None  # "rejected the plan, saying it ...": "it" is the plan
                found = r.ref
                if want is not None and self.gender.get(_key(r.ref)) is None:
                    # A named pair ("Chen and Osei spoke"): the one known to be "she" wins.
                    near = [q for q in before if q.subject and r.sent - q.sent <= 1 and fits(q)
                            and self.gender.get(_key(q.ref)) == want]
                    if near:
                        found = near[-1].ref
                break
        if found is None and person:
            found = next((r.ref for r in reversed(before) if fits(r)), None)
        if found is not None and want is not None:
            # "she" once resolved to X makes X female for the rest of the article.
            self.gender.setdefault(_key(found), want)
        return found

    def _proposal_between(self, start: int, end: int) -> bool:
        from services.stances.proposals import is_proposal

        sent = self._sent_of[end]
        return any(self._sent_of[j] == sent and is_proposal(self.tokens[j]) for j in range(start + 1, end))

    def _clause_subject(self, pron: Token) -> EntityRef | None:
        """For "its veto"/"his veto": the subject of the clause the possessive sits in, if it fits."""
        low = pron.lower_
        verb = pron.head
        for _ in range(6):
            subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != pron.i and c.pos_ != "PRON"]
            if subj:
                refs = self.refs(subj[0], resolve_pronouns=False)
                for r in refs:
                    if (low in _PERSON_PRON) == (r.type == "PERSON"):
                        return r
                return None
            if verb.head == verb:
                break
            verb = verb.head
        return None

    def speaker_org(self, before: int) -> EntityRef | None:
        """The latest organisation (or non-person actor) that was a subject before token ``before``."""
        sent = self._sent_of[min(before, len(self._sent_of) - 1)]
        for r in reversed(self.records):
            if r.i < before and r.subject and r.ref.type in ("ORG",) and sent - r.sent <= SUBJECT_WINDOW:
                return r.ref
        return None

    def speaker_person(self, before: int) -> EntityRef | None:
        sent = self._sent_of[min(before, len(self._sent_of) - 1)]
        for r in reversed(self.records):
            if r.i < before and r.subject and r.ref.type == "PERSON" and sent - r.sent <= SUBJECT_WINDOW:
                return r.ref
        return None

    # ----- references ----------------------------------------------------------------------

    def refs(self, head: Token, resolve_pronouns: bool = True, actors_only: bool = True) -> list[EntityRef]:
        """Everything ``head`` (and its conjuncts) refers to, as EntityRefs; empty when not an actor."""
        # The answer depends on the token and on the discourse memory (pronouns, "the group"). The memory
        # only grows, so its size names its state: an answer is reused while the size is the one it was
        # computed with, and kept only when computing it did not itself add to the memory.
        key = (head.i, resolve_pronouns, actors_only)
        memory = (len(self.records), len(self.gender))
        seen = self._refs_seen.get(key)
        if seen is not None and seen[0] == memory:
            return list(seen[1])
        out: list[EntityRef] = []
        for tok in [head, *head.conjuncts]:
            for ref in self._ref_one(tok, resolve_pronouns, actors_only):
                if ref not in out:
                    out.append(ref)
        if (len(self.records), len(self.gender)) == memory:
            self._refs_seen[key] = (memory, list(out))
        return out

    def _ref_one(self, tok: Token, resolve_pronouns: bool, actors_only: bool) -> list[EntityRef]:
        i, columns = tok.i, self._columns
        dep, lower, pos = columns.dep, columns.lower, columns.pos
        low = lower[i]
        if low in ("one", "some", "many", "two", "three", "several") and pos[i] in ("NUM", "PRON", "DET", "ADJ"):
            # "one of the residents told AP": the group the speaker belongs to.
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj" and p.pos_ == "NOUN"
                  and (p.lemma_.lower() in self.lex.actor_nouns or p.lower_ in self.lex.actor_nouns)]
            if of:
                return [self._generic(of[0])]
        if low in _RELATIVE and tok.tag_ in ("WDT", "WP", "WP$"):
            ante = self.relative_antecedent(tok)
            return self.refs(ante, resolve_pronouns, actors_only) if ante is not None else []
        if pos[i] == "PRON":
            if not resolve_pronouns:
                return []
            ref = self.antecedent(tok)
            return [ref] if ref is not None else []
        # The dependents are read once: the checks below look at them several times.
        children = list(tok.children)
        rights = [c for c in children if c.i > i]
        # "members ..., including Britain, France and the United States"
        for child in rights:
            if dep[child.i] == "prep" and lower[child.i] in ("including", "like", "notably"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return self.refs(objs[0], resolve_pronouns, actors_only)
        # Generic quantified actors ("any country that opposes X") hold no stance of their own.
        if any(dep[c.i] == "det" and lower[c.i] in _GENERIC_DETS for c in children):
            return []
        ref = self.entity(tok)
        if ref is not None and ref.type in _PLACE_TYPES and tok.left_edge.i == sent_of(tok).start \
                and any(dep[c.i] == "punct" and c.text in "—–-" for c in children):
            # A dateline glued to the subject: "NEW YORK — Human Rights First said ..."
            for child in rights:
                aref = self.entity(child) if dep[child.i] == "appos" else None
                if aref is not None and aref.type in ("ORG", "PERSON"):
                    return [aref]
        if ref is not None and (not actors_only or ref.type in ACTOR_TYPES):
            return [ref]
        # "Russia's ambassador, Vitaly Churkin" -> Churkin
        for child in rights:
            if dep[child.i] == "appos":
                aref = self.entity(child)
                if aref is not None and aref.type in ACTOR_TYPES:
                    return [aref]
        lemma = columns.lemma[i]
        if pos[i] in ("NOUN", "PROPN") and lemma in self.lex.actor_nouns:
            # "its Russian ally" is Russia.
            if lemma in self.lex.ally_nouns:
                found = [self.entity(c) for c in children if dep[c.i] in ("amod", "compound")]
                mods = [m for m in found if m is not None and m.type in ("GPE", "ORG", "NORP")]
                if len(mods) == 1:
                    return mods
            return [self._generic(tok)]
        if not actors_only and pos[i] in ("NOUN", "PROPN"):
            return [EntityRef(name=self.np_name(tok))]
        return []

    def is_actor_token(self, tok: Token) -> bool:
        ref = self.entity(tok)
        if ref is not None:
            return ref.type in ACTOR_TYPES
        return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.lex.actor_nouns

    def relative_antecedent(self, rel: Token) -> Token | None:
        """What "which"/"that"/"who" stands for, even when the parser hung its clause on the wrong word."""
        from services.stances.proposals import is_proposal

        head = rel.head
        if head.dep_ == "relcl":
            cand = head.head
            if self.is_actor_token(cand) or is_proposal(cand):
                return cand
        # The noun phrase just before: "members of the Council that ...", "a deal to let X go, which ...".
        k = rel.i - 1
        while k >= 0 and (self.tokens[k].is_punct or self.tokens[k].is_space):
            k -= 1
        if k < 0:
            return None
        cand = self.tokens[k]
        for _ in range(6):
            if cand.pos_ in ("NOUN", "PROPN") and (self.is_actor_token(cand) or is_proposal(cand)):
                # "members of the Security Council that": the members, not the council.
                up = cand
                while up.dep_ == "pobj" and up.head.lower_ == "of" and up.head.head.pos_ in ("NOUN", "PROPN"):
                    up = up.head.head
                return up if self.is_actor_token(up) or is_proposal(up) else cand
            if cand.head == cand:
                break
            cand = cand.head
        # No noun above it: the nearest proposal, else actor, to the left in the sentence.
        left = [t for t in self.tokens[sent_of(rel).start: rel.i] if t.pos_ in ("NOUN", "PROPN")]
        for test in (is_proposal, self.is_actor_token):
            found = [t for t in left if test(t)]
            if found:
                return found[-1]
        return head.head if head.dep_ == "relcl" else None

    def _generic(self, tok: Token) -> EntityRef:
        """A non-entity actor ("the group", "Syrian rebels", "Officials from two rebel groups")."""
        dets = {c.lower_ for c in tok.lefts if c.dep_ == "det"}
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss", "nmod")]
        lemma = tok.lemma_.lower()
        # A bare "the group said" points back at the last organisation that spoke.
        if dets & {"the", "this"} and not mods and lemma in self.lex.org_anaphors:
            org = self.speaker_org(tok.i)
            if org is not None:
                return org
        if dets & {"the", "this"} and not mods and lemma in self.lex.person_anaphors:
            person = self.speaker_person(tok.i)
            if person is not None:
                return person
        nxt = self.tokens[tok.i + 1] if tok.i + 1 < len(self.tokens) else None
        has_of = nxt is not None and nxt.lower_ in ("of", "from", "for") and nxt.dep_ in ("prep", "dep")
        # "Officials from two rebel groups", "a spokesman for the ministry": the phrase says whose.
        titled = lemma in self.lex.person_anaphors
        name = self.np_name(tok, with_of=has_of and (tok.tag_ == "NNS" or titled), with_for=titled)
        return EntityRef(name=name)


def _inside_quotes(quoted: list[tuple[int, int]], offsets: list[int]) -> list[bool]:
    """Per offset: whether the last quote starting at or before it (in sorted order) still covers it."""
    if not quoted:
        return [False] * len(offsets)
    quote_starts = numpy.array([s for s, _ in quoted], dtype=numpy.int64)
    quote_ends = numpy.array([e for _, e in quoted], dtype=numpy.int64)
    at = numpy.asarray(offsets, dtype=numpy.int64)
    k = numpy.searchsorted(quote_starts, at, side="right") - 1
    return list(((k >= 0) & (at < quote_ends[k])).tolist())


def _same(a: EntityRef | None, b: EntityRef | None) -> bool:
    """``a == b``; the refs of one entity are one object, and pydantic's ``==`` is slower than ``is``."""
    return a is b or (a is not None and b is not None and a == b)


def _plural(name: str) -> bool:
    last = name.split()[-1].lower() if name.split() else ""
    return last.endswith("s") and not last.endswith("ss")


def _key(ref: EntityRef) -> str:
    return ref.entity_id or ref.name.lower()
