"""Name the proposals an article's actors act on ("resolution", "draft resolution"), consistently.

The first mention of a proposal fixes its name: the head noun with the common
nouns compounded before it ("ceasefire resolution"), proper-noun modifiers
dropped ("UN Security Council resolution" -> "resolution"). Later mentions
with the same head, and definite anaphors ("the text", "the measure", "that
move"), take that name. A mention marked as a different proposal ("a rival
resolution", "Russia's draft") gets a name of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from services.stances.doctext import columns_of, sent_of, tokens_of
from services.stances.lexicon import lexicon

_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"}
_PRON_POSS = {"its", "their", "his", "her", "our", "my", "your"}
# Heads of the texts put to a vote; anaphors and votes without an object prefer these.
# Common words for a proposal that, bare and definite, refer back to the one in play.
_GENERIC_HEADS = {"plan", "pact", "deal", "agreement", "accord", "package"}
VOTE_HEADS = {"resolution", "draft", "text", "measure", "motion", "bill", "proposal", "amendment"}


def is_proposal(tok: Token) -> bool:
    lex = lexicon()
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.tag_ in ("NNS", "NNPS") and lemma not in lex.plural_proposals:
        return False  # plural "resolutions" are past acts counted, not the proposal at hand
    if lemma in lex.proposal_nouns or lemma in lex.proposal_anaphors or tok.lower_ in lex.proposal_nouns:
        return True
    # "cease fire" / "cease-fire" compounds headed by "fire"
    return lemma == "fire" and any(c.lower_ == "cease" for c in tok.lefts)


def _noun_compounds(head: Token) -> list[Token]:
    """Common-noun compounds right before the head ("draft", "cease fire"), nearest last."""
    out: list[Token] = []
    i = head.i - 1
    sent_start = sent_of(head).start
    while i >= sent_start:
        t = head.doc[i]
        if t.head == head or t.head in out or (t.dep_ == "compound" and t.head.i <= head.i):
            if t.dep_ == "compound" and t.pos_ == "NOUN" and not any(c.dep_ == "nummod" for c in t.children):
                out.insert(0, t)
                i -= 1
                continue
            if t.text in ("-",) and out:
                i -= 1
                continue
        break
    return out


@dataclass
class Proposals:
    """The proposals named so far in one article."""

    names: list[str] = field(default_factory=list)
    by_head: dict[str, str] = field(default_factory=dict)
    last: str | None = None
    last_vote: str | None = None

    def name(self, head: Token) -> str | None:
        """The canonical name for the proposal headed by ``head`` (None when it is not one)."""
        lex = lexicon()
        if not is_proposal(head):
            return None
        lemma = head.lemma_.lower()
        if lemma == "fire":
            lemma = "cease fire"
        kids = list(head.lefts)
        words = {k.lower_ for k in kids}
        det = next((k.lower_ for k in kids if k.dep_ in ("det", "poss")), None)
        # "new"/"rival" mark a second proposal only once there is a first.
        contrast = [k for k in kids if k.dep_ in ("amod", "compound") and k.lower_ in lex.proposal_contrast
                    and self.last is not None]
        # An owner is an actor ("Russia's draft"), not a time ("next month's vote").
        poss = next((k for k in kids if k.dep_ == "poss" and k.lower_ not in _PRON_POSS
                     and (k.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") or k.lemma_.lower() in lex.actor_nouns)
                     and lemma != "vote"), None)
        if contrast or poss is not None:
            if poss is not None:
                own = poss.doc[poss.left_edge.i: poss.i + 1].text
                sep = "" if own.endswith(("'s", "’s", "'", "’")) else "'s"
                if any(t.dep_ == "case" for t in poss.children):
                    own = poss.doc[poss.left_edge.i: poss.i + 2].text
                    sep = ""
                label = f"{own}{sep} {head.text.lower()}"
            else:
                mods = [k for k in kids if k.dep_ in ("amod", "compound") and k.lower_ not in ("own",)]
                left = min(m.left_edge.i for m in mods) if mods else head.i
                label = f"{head.doc[left: head.i].text} {head.text.lower()}".strip()
            # Not registered under its head word: "the measure" later is the main text, not the rival.
            self._add(label, None)
            return label
        if lemma in lex.proposal_anaphors and (det in _DEFINITE or "own" in words) and self.last is not None:
            if lemma in self.by_head:
                return self._use(self.by_head[lemma], lemma)
            return self._use(self.last_vote or self.last, lemma)
        bare = not any(k.dep_ in ("amod", "compound", "nmod") for k in kids)
        if lemma in _GENERIC_HEADS and det in ("the", "this", "that") and bare and self.last is not None:
            # "the plan", "the deal": the proposal already in play
            return self._use(self.by_head.get(lemma, self.last), lemma)
        if lemma not in lex.proposal_nouns and lemma != "cease fire":
            return None  # "move", "document": only ever anaphors
        if lemma in self.by_head:
            return self._use(self.by_head[lemma], lemma)
        label = " ".join([*(t.text.lower() for t in _noun_compounds(head)), head.text.lower()])
        self._add(label, lemma)
        return label


    def _use(self, label: str, lemma: str | None) -> str:
        self.last = label
        if lemma in VOTE_HEADS:
            self.last_vote = label
        return label

    def _add(self, label: str, lemma: str | None) -> None:
        if label not in self.names:
            self.names.append(label)
        if lemma is not None:
            self.by_head.setdefault(lemma, label)
        # A rival text (lemma None) becomes the latest mention but not the text under vote.
        self._use(label, lemma)


def _proposal_words() -> frozenset[str]:
    """Lemmas and forms without which ``is_proposal`` is False."""
    lex = lexicon()
    return frozenset(lex.proposal_nouns | lex.proposal_anaphors | {"fire"})


def _embedded(doc: Doc, i: int, words: frozenset[str]) -> bool:
    """A proposal named inside another's description ("a resolution calling for a ceasefire").
    Walks up the head column; only a head with a proposal word is built as a Token and checked."""
    tokens, columns = tokens_of(doc), columns_of(doc)
    heads, pos, lemma, lower = columns.head, columns.pos, columns.lemma, columns.lower
    for _ in range(8):
        if heads[i] == i:
            return False
        i = heads[i]
        if pos[i] in ("NOUN", "PROPN") and (lemma[i] in words or lower[i] in words) and is_proposal(tokens[i]):
            return True
    return False


def _candidates(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The nouns whose lemma or form could make them a proposal (``is_proposal`` decides)."""
    tokens, columns = tokens_of(doc), columns_of(doc)
    return [tokens[i] for i in columns.with_word(words) if columns.pos[i] in ("NOUN", "PROPN")]


def name_proposals(doc: Doc) -> tuple[dict[int, str], list[tuple[int, str, bool]]]:
    """Proposal name of every proposal head token, and (token index, name, is a voted text) of the
    mentions that can be the proposal under discussion, in order."""
    props = Proposals()
    names: dict[int, str] = {}
    order: list[tuple[int, str, bool]] = []
    words = _proposal_words()
    for tok in _candidates(doc, words):
        saved = (props.last, props.last_vote)
        label = props.name(tok)
        if label is None:
            continue
        embedded = _embedded(doc, tok.i, words)
        names[tok.i] = label
        if embedded:
            props.last, props.last_vote = saved
        else:
            order.append((tok.i, label, label == props.last_vote))
    return names, order
