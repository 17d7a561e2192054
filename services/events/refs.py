"""Who a noun phrase refers to: a canonical entity, a named group ("government forces") or a pronoun's antecedent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from schemas.models import EntityRef, Quote
from services.common.parse import text_of
from services.entities.resolve import EntityResolver
from services.events.tree import tree_of

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "myself", "ourselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
PRONOUNS = FIRST_PERSON | PERSON_PRONOUNS | THING_PRONOUNS
SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "announce", "declare", "claim", "insist", "warn",
                          "argue", "explain", "note", "write", "report", "suggest", "confirm", "vow"})
# Left modifiers kept in a short noun phrase name ("the Syrian army", "rebel groups").
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "case", "punct"})
# Heads that read as "X of/from Y" ("officials from two rebel groups"): the group is named too.
_PART_NOUNS = frozenset({"official", "member", "leader", "spokesman", "spokeswoman", "spokesperson",
                         "representative", "head", "chief", "commander", "delegation", "delegate"})
_DROP_LEFT = frozenset({"DT", "PDT", "PRP$", "WDT", "CC", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH"})


@dataclass
class RefContext:
    """What one article offers for resolving references."""

    doc: Doc
    resolver: EntityResolver
    quotes: Sequence[Quote] = ()
    group_nouns: frozenset[str] = frozenset()
    org_anaphors: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()
    _cache: dict[int, EntityRef | None] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The doc's text, joined once."""
        return text_of(self.doc)

    def entity_at(self, tok: Token) -> EntityRef | None:
        i = tok.i
        if i in self._cache:
            return self._cache[i]
        ref = self.resolver.at(tok) if tok.pos_ in ("PROPN", "ADJ", "NOUN", "NUM") or tok.ent_type_ else None
        self._cache[i] = ref
        return ref


def np_tokens(head: Token) -> list[Token]:
    """The short name of the phrase headed by ``head``: its left modifiers and itself (no determiners)."""
    tree = tree_of(head.doc)
    labels, tokens = tree.deps, tree.tokens
    left = head.i
    for child in tree.kids(head.i):
        if child < head.i and labels[child] in _NAME_DEPS:
            left = min(left, tokens[child].left_edge.i)
    toks = tokens.range(left, head.i + 1)
    while toks and (toks[0].tag_ in _DROP_LEFT or toks[0].lower_ in ("any", "all", "both", "some", "each")):
        toks = toks[1:]
    while toks and toks[0].dep_ in ("poss",) and toks[0].tag_ == "PRP$":
        toks = toks[1:]
    if head.lemma_.lower() in _PART_NOUNS:
        for prep in tree.rights(head):
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for pobj in tree.kids(prep.i):
                    if labels[pobj] == "pobj":
                        toks = toks + tokens.range(head.i + 1, pobj + 1)
                break
    return toks or [head]


def np_name(head: Token, text: str) -> str:
    """The short name's words, cut from ``text``, the doc's text (a Span would make a Token per word)."""
    toks = np_tokens(head)
    first, last = toks[0], toks[-1]
    return text[first.idx:last.idx + len(last)].strip()


def _opens_clause(tok: Token) -> bool:
    """A noun joined to a list that is really the subject of the verb right after it."""
    tree = tree_of(tok.doc)
    nxt = tok.i + 1
    labels = tree.deps
    return labels[tok.i] == "conj" and nxt < len(labels) and tree.pos[nxt] == "VERB" and labels[nxt] == "conj" \
        and not any(labels[d] in ("nsubj", "nsubjpass") for d in tree.kids(nxt))


def conjuncts(head: Token) -> list[Token]:
    """The head and the nouns coordinated with it ("Russia and China")."""
    if _opens_clause(head):
        return [head]
    out = [head]
    for c in head.conjuncts:
        if _opens_clause(c):
            continue  # the subject of the next clause, wrongly joined to this list
        if c.pos_ in ("NOUN", "PROPN", "PRON") and c.i not in {t.i for t in out}:
            out.append(c)
    return sorted(out, key=lambda t: t.i)


def included(head: Token) -> list[Token]:
    """Members listed after "including" ("all parties to the war, including Russia and Iran")."""
    tree = tree_of(head.doc)
    heads, labels = tree.heads, tree.deps
    end = min(len(heads), head.i + 12, tree.sent_end(head.i))
    for t in range(head.i + 1, end):
        if labels[t] not in ("prep", "acl", "advcl") or tree.tokens[t].lower_ != "including":
            continue
        # the list hangs on the head, or on a phrase right after it ("parties to the conflict, including")
        anc = heads[t]
        for _ in range(3):
            if anc in (head.i, heads[head.i]):
                for pobj in tree.kids(t):
                    if labels[pobj] in ("pobj", "dobj"):
                        return conjuncts(tree.tokens[pobj])
                break
            if heads[anc] == anc:
                break
            anc = heads[anc]
    return []


def antecedent(tok: Token, agents: frozenset[str] = frozenset()) -> Token:
    """A relative pronoun's antecedent ("the deal, which rebels rejected" -> deal)."""
    if tok.lower_ in RELATIVE and tok.tag_ in ("WDT", "WP", "WP$"):
        tree = tree_of(tok.doc)
        heads, labels = tree.heads, tree.deps
        verb = heads[tok.i]
        while labels[verb] in ("xcomp", "conj") and heads[verb] != verb:
            verb = heads[verb]
        if labels[verb] in ("relcl", "acl") and heads[verb] != verb:
            return tree.tokens[heads[verb]]
        # the parser hung the clause elsewhere: the nearest earlier noun that fits the pronoun
        # ("which" a thing, "who" a person), not one inside a prepositional phrase
        human = tok.lower_ in ("who", "whom", "whose")
        for i in range(tok.i - 1, tree.sent_start(tok.i) - 1, -1):
            if tree.pos[i] not in ("NOUN", "PROPN") or labels[i] in ("pobj", "compound", "poss"):
                continue
            t = tree.tokens[i]
            is_agent = t.lemma_.lower() in agents or t.ent_type_ in ("PERSON", "NORP")
            if is_agent == human:
                return t
    return tok


def _speech_subject(tok: Token) -> Token | None:
    """The subject of the speech verb governing a pronoun's clause ("X says it will ...": X)."""
    tree = tree_of(tok.doc)
    verb = tree.head(tok)
    for _ in range(6):
        if verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and tree.heads[verb.i] != verb.i:
            parent = tree.head(verb)
            if parent.lemma_.lower() in SPEECH_VERBS and verb.dep_ == "ccomp":
                for c in tree.kids(parent.i):
                    if tree.deps[c] == "nsubj" and c != tok.i:
                        return tree.tokens[c]
                return None
            verb = parent
        else:
            return None
    return None


def _fits(pron: str, ref: EntityRef, head: Token) -> bool:
    if pron in PERSON_PRONOUNS:
        return ref.type == "PERSON"
    if pron in ("it", "its", "itself"):
        return ref.type != "PERSON" and head.tag_ not in ("NNS", "NNPS")
    return ref.type != "PERSON" or head.tag_ in ("NNS", "NNPS")


class Resolver:
    """Turns noun-phrase heads into EntityRefs for one article."""

    def __init__(self, ctx: RefContext) -> None:
        self.ctx = ctx

    def ref(self, head: Token, depth: int = 0) -> EntityRef | None:
        """The reference of a noun phrase head; None when it names nobody (or a pronoun stays unresolved)."""
        head = antecedent(head, self.ctx.group_nouns)
        low = head.lower_
        if head.pos_ == "PRON" or low in PRONOUNS:
            return self.pronoun(head, depth) if low in PRONOUNS and depth < 3 else None
        ent = self.ctx.entity_at(head)
        if ent is not None:
            return ent
        if head.pos_ not in ("NOUN", "PROPN", "NUM"):
            return None
        tree = tree_of(head.doc)
        if head.pos_ == "NOUN":
            # "his Indian counterpart Narendra Modi", "the group's leader, X": the named one.
            for c in tree.rights(head):
                named = self.ctx.entity_at(c) if c.dep_ == "appos" else None
                if named is not None and named.type in ("PERSON", "ORG"):
                    return named
        if head.lemma_.lower() in self.ctx.org_anaphors and any(
                c.lower_ in ("the", "this") for c in tree.lefts(head)) and not any(
                c.dep_ in ("compound", "amod", "poss") for c in tree.lefts(head)):
            org = self._last_entity(head, lambda r, t: r.type == "ORG", sentences=3)
            if org is not None:
                return org
        if head.lemma_.lower() in self.ctx.instruments:
            # "its jets", "Russia's warplanes": the owner acted
            for c in tree.lefts(head):
                if c.dep_ == "poss":
                    owner = self.ref(c, depth + 1) if c.tag_ == "PRP$" else self.ctx.entity_at(c)
                    if owner is not None and owner.entity_id is not None:
                        return owner
        name = np_name(head, self.ctx.text)
        return EntityRef(name=name, entity_id=None) if name else None

    def pronoun(self, tok: Token, depth: int = 0) -> EntityRef | None:
        low = tok.lower_
        if low in FIRST_PERSON:
            for q in self.ctx.quotes:
                if q.start <= tok.idx < q.end and q.speaker is not None:
                    return q.speaker
            subj = _speech_subject(tok)
            return self.ref(subj, depth + 1) if subj is not None else None
        subj = _speech_subject(tok)
        if subj is not None:
            ref = self.ref(subj, depth + 1)
            if ref is not None and _fits(low, ref, subj):
                return ref
        if self.in_quote(tok):
            return None  # a quoted "they" points into the speaker's world, not to our last subject
        if low in ("it", "them") and tok.dep_ in ("dobj", "pobj", "nsubjpass"):
            thing = self._last_thing(tok)
            if thing is not None:
                return thing
        return self._last_entity(tok, lambda r, t: _fits(low, r, t), sentences=2, subjects_first=True)

    def _last_thing(self, tok: Token) -> EntityRef | None:
        """An object pronoun's nearest earlier text or plan ("debated a draft; Russia vetoed it")."""
        tree = tree_of(tok.doc)
        start = tree.sent_start(tok.i)
        if start > 0:
            start = tree.sent_start(start - 1)
        for i in range(tok.i - 1, start - 1, -1):
            if tree.pos[i] == "NOUN" and tree.deps[i] != "compound":
                t = tree.tokens[i]
                if t.lemma_.lower() in self.ctx.things:
                    return EntityRef(name=np_name(t, self.ctx.text), entity_id=None)
        return None

    def quote_speaker(self, tok: Token) -> EntityRef | None:
        """The speaker of the quote a token stands in, when the stance stage knows one."""
        for q in self.ctx.quotes:
            if q.start <= tok.idx < q.end and q.speaker is not None:
                return q.speaker
        return None

    def in_quote(self, tok: Token) -> bool:
        """Whether a token stands inside quotation marks (the stance stage's quotes, else the marks)."""
        for q in self.ctx.quotes:
            if q.start <= tok.idx < q.end:
                return True
        text = self.ctx.text
        start = text.rfind("\n", 0, tok.idx) + 1
        before = text[start:tok.idx]
        opens = before.count("\u201c") + before.count('"')
        closes = before.count("\u201d")
        if "\u201c" in before or "\u201d" in before:
            return opens > closes
        return opens % 2 == 1

    def _last_entity(self, tok: Token, ok: object, sentences: int, subjects_first: bool = False) -> EntityRef | None:
        """The nearest earlier agent-like reference that fits (subjects first), within a few sentences."""
        tree = tree_of(tok.doc)
        heads, labels = tree.heads, tree.deps
        sent_start = tree.sent_start(tok.i)
        start = sent_start
        for _ in range(sentences):
            if start == 0:
                break
            start = tree.sent_start(start - 1)
        passes = (True, False) if subjects_first else (False,)
        for only_subjects in passes:
            for i in range(tok.i - 1, start - 1, -1):
                if only_subjects and labels[i] not in ("nsubj", "nsubjpass"):
                    continue
                if heads[i] == heads[tok.i] and i >= sent_start:
                    continue  # "Russia vetoed it": a pronoun never points to its own clause's subject
                t = tree.tokens[i]
                ref = self.ctx.entity_at(t)
                if ref is None and only_subjects and t.pos_ == "NOUN" and (
                        t.lemma_.lower() in self.ctx.group_nouns):
                    ref = EntityRef(name=np_name(t, self.ctx.text), entity_id=None)
                if ref is None or (ref.type is not None and ref.type not in AGENT_TYPES):
                    continue
                if callable(ok) and ok(ref, t):
                    return ref
        return None
