"""Find PLOVER events in a parsed Doc: triggers from the dictionary, roles from the dependency tree."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, POS
from spacy.tokens import Doc, Token

from schemas.models import EntityRef
from services.events.flags import Flags, flags_for, governing_verb
from services.events.lexicon import Lexicon, Pattern
from services.events.quantities import victims_count
from services.events.refs import PLACE_TYPES, SPEECH_VERBS, Resolver, antecedent, conjuncts, included
from services.events.syntax import (
    GENERIC,
    OBJ,
    QUANTITY,
    SUBJ,
    agents,
    children,
    crosses_paragraph,
    crowd,
    is_passive,
    is_tally,
    objects,
    prep_objects,
    subjects,
)
from services.events.tree import tree_of

_PLACE_PREPS = frozenset({"in", "at", "near", "across", "around", "outside", "inside", "into", "throughout"})
_TARGET_PREPS = ("on", "against", "at", "of", "targeting")


@dataclass
class Found:
    """One coded event before it becomes a schema Event."""

    trigger: Token
    pattern: Pattern
    actor: EntityRef
    actor_tok: Token | None
    recipient: EntityRef | None
    recipient_tok: Token | None
    flags: Flags
    fatalities: int | None = None
    quantities: dict[str, int] = field(default_factory=dict)
    place_tok: Token | None = None
    tally: bool = False  # "has vetoed five resolutions": a record of past acts, not one happening


class Coder:
    """Codes one Doc. Build one per article (it holds the article's resolver)."""

    def __init__(self, doc: Doc, lex: Lexicon, refs: Resolver,
                 lemma_pos: tuple[list[str], list[str]] | None = None) -> None:
        """``lemma_pos``: the doc's lower-cased lemmas and coarse-tag strings when the caller has them
        (its parse columns: ``Parse.lower_lemmas``, ``Parse.pos``)."""
        self.doc = doc
        self.lex = lex
        self.refs = refs
        # Held for the article's whole coding: the helpers find it by its Doc (see tree.py).
        self.tree = tree_of(doc)
        # Lowercased lemma and coarse tag of every token, read once: spaCy makes a new Python Token
        # on every access, so scanning the doc through Tokens costs more than all the coding after it.
        if lemma_pos is not None:
            self.lemmas: list[str]
            self.lemmas, self.pos = lemma_pos
        else:
            strings = doc.vocab.strings
            columns = doc.to_array([LEMMA, POS]).tolist() if len(doc) else []
            self.lemmas = [strings[lemma].lower() for lemma, _ in columns]
            self.pos = [strings[pos] for _, pos in columns]

    # ----- pattern matching -------------------------------------------------
    def _verb_pattern(self, verb: Token) -> tuple[Pattern, list[Token]] | None:
        """The most specific dictionary pattern the verb satisfies, with its pattern-given recipients."""
        for p in self.lex.verbs.get(verb.lemma_.lower(), ()):
            if p.particle and not any(c.lower_ == p.particle for c in children(verb, "prt")):
                continue
            given: list[Token] = []
            if p.prep:
                given = self._prep_chain(verb, p.prep.split())
                if not given:
                    continue
            if p.objects:
                pool = [antecedent(o, self.lex.actor_nouns) for o in [*objects(verb), *given]]
                # "pledged $50 million in aid", "a new round of sanctions": the thing is in the phrase
                pool += [x for o in pool for x in prep_objects(o, ("in", "of") if o.like_num else ("of",))]
                if not any(o.lemma_.lower() in p.objects or o.lower_ in p.objects for o in pool):
                    continue
            if p.predicates and not self._predicate_ok(verb, p.predicates):
                continue
            if p.complement and not children(verb, "xcomp", "ccomp"):
                continue
            return p, given
        return None

    @staticmethod
    def _prep_chain(verb: Token, words: list[str]) -> list[Token]:
        """Objects of a one- or multi-word preposition ("against"; "in favour of": in -> favour -> of)."""
        objs = prep_objects(verb, (words[0],))
        rest = words[1:]
        while rest and objs:
            if len(rest) < 2 or objs[0].lower_ != rest[0]:
                return []
            objs = prep_objects(objs[0], (rest[1],))
            rest = rest[2:]
        return objs

    def _predicate_ok(self, verb: Token, words: frozenset[str]) -> bool:
        for c in children(verb, "oprd", "xcomp", "ccomp", "attr", "dobj"):
            if c.i > verb.i:
                # "called the rebels terrorists": two objects, the second is the label
                if (c.lemma_.lower() in words or c.lower_ in words) and (
                        c.dep_ != "dobj" or len(children(verb, "dobj")) > 1 or any(
                            d.i < c.i for d in children(c, "dobj", "nsubj", "compound"))):
                    return True
                for d in children(c, "attr", "oprd"):
                    if d.lemma_.lower() in words:
                        return True
        return False

    def _noun_pattern(self, noun: Token) -> Pattern | None:
        mods = {c.lemma_.lower() for c in children(noun, "compound", "amod", "nmod") if c.i < noun.i}
        for p in self.lex.nouns.get(noun.lemma_.lower(), ()):
            if p.compounds and not (mods & p.compounds):
                continue
            return p
        return None

    # ----- triggers ---------------------------------------------------------
    def run(self) -> Iterator[Found]:
        found: list[Found] = []
        lemmas, tags, lex = self.lemmas, self.pos, self.lex
        tokens, labels = self.tree.tokens, self.tree.deps
        casualty_verbs: list[int] = []
        # Only dictionary lemmas can trigger: one pass picks them out, then their tags decide.
        # (Only dictionary, threat and casualty verbs can code anything, see _code_verb.)
        triggers = lex.trigger_lemmas
        for i in [i for i, lemma in enumerate(lemmas) if lemma in triggers]:
            lemma, pos = lemmas[i], tags[i]
            if pos == "VERB":
                if lemma in lex.trigger_verbs:
                    found.extend(self._code_verb(tokens[i]))
                    if lemma in lex.casualties:
                        casualty_verbs.append(i)
            elif pos == "NOUN" and lemma in lex.nouns and labels[i] != "compound":
                found.extend(self._code_noun(tokens[i]))
        self._orphan_casualties(found, casualty_verbs)
        yield from found

    def _orphan_casualties(self, found: list[Found], casualty_verbs: list[int]) -> None:
        """ "X attacked a village, killing 40, activists said": the parser hangs "killing" on "said";
        a subjectless casualty count goes to the attack told just before it in the sentence.
        ``casualty_verbs``: the indices of the doc's casualty verbs."""
        tree = self.tree
        for i in casualty_verbs:
            kind = self.lex.casualties[self.lemmas[i]]
            if not kind:
                continue
            verb = tree.tokens[i]
            if children(verb, *SUBJ) or verb.dep_ not in ("advcl", "conj"):
                continue
            if tree.head(verb).lemma_.lower() not in SPEECH_VERBS:
                continue
            sent = tree.sent_start(i)
            before = [f for f in found if f.pattern.type == "ASSAULT" and tree.sent_start(f.trigger.i) == sent
                      and f.trigger.i < verb.i and kind not in f.quantities
                      and (kind != "killed" or f.fatalities is None)]
            n = self._victims(verb)
            if not before or n is None:
                continue
            last = max(f.trigger.i for f in before)
            for f in before:
                if f.trigger.i == last:
                    if kind == "killed":
                        f.fatalities = n
                    else:
                        f.quantities[kind] = n

    def _misattached_conjunct(self, verb: Token) -> list[Token]:
        """"X said the vote was fair and accused Y": the parser joined "accused" to the reported clause,
        whose subject is no actor; the speaker does it."""
        head = self.tree.head(verb)
        if verb.dep_ != "conj" or children(verb, *SUBJ) or head.dep_ != "ccomp" \
                or self.tree.head(head).lemma_.lower() not in SPEECH_VERBS or verb.tag_ != self.tree.head(head).tag_:
            return []
        inner = children(head, *SUBJ)
        if not inner or inner[0].pos_ != "NOUN" or inner[0].ent_type_ or \
                inner[0].lemma_.lower() in self.lex.actor_nouns:
            return []
        return subjects(self.tree.head(head))

    def _light_attack(self, verb: Token) -> bool:
        """A light verb whose object is an attack noun ("carried out air strikes")."""
        return verb.lemma_.lower() in self.lex.light_verbs and bool(self._attack_nouns(children(verb, *OBJ)))

    def _attack_nouns(self, toks: list[Token]) -> list[Token]:
        return [t for t in toks if t.pos_ == "NOUN" and self._noun_pattern(t) is not None
                and self._noun_pattern(t).type == "ASSAULT"]  # type: ignore[union-attr]

    def _casualty_nouns(self, verb: Token) -> list[Token]:
        """Event nouns that caused a casualty verb: subject, agent, or "in"/"by" phrase."""
        cands = list(children(verb, *SUBJ)) + agents(verb) + prep_objects(verb, ("in", "by", "from", "during"))
        return self._attack_nouns(cands)

    def _victims(self, verb: Token) -> int | None:
        obj = children(verb, *OBJ)
        if obj:
            return victims_count(obj[0])
        if is_passive(verb):
            subj = children(verb, "nsubjpass")
            if subj:
                return victims_count(subj[0])
            if verb.dep_ in ("acl", "relcl"):
                return victims_count(self.tree.head(verb))
            return None
        obj = children(verb, *OBJ)
        if obj:
            return victims_count(obj[0])
        # "at least 40 died": the subject counts
        if verb.lemma_.lower() == "die":
            subj = children(verb, "nsubj")
            return victims_count(subj[0]) if subj else None
        # "killing at least 40 people, activists said": the parser lost the object; take the
        # counted phrase right after the verb
        tree = self.tree
        for t in tree.tokens.range(verb.i + 1, min(verb.i + 6, tree.sent_end(verb.i))):
            if t.pos_ in ("NOUN", "PROPN") and any(tree.deps[c] == "nummod" for c in tree.kids(t.i)):
                return victims_count(t)
            if t.pos_ in ("VERB", "AUX") or t.is_punct:
                break
        return None

    def _casualties_near(self, verb: Token) -> dict[str, int]:
        """Counts of casualty verbs a trigger verb governs ("shelled the town, killing 12")."""
        out: dict[str, int] = {}
        for c in children(verb, "advcl", "conj", "xcomp"):
            if c.pos_ == "VERB":
                # "..., killing 14 people and wounding 30"
                for v in [c, *[d for d in c.conjuncts if d.pos_ == "VERB" and d.i > c.i]]:
                    kind = self.lex.casualties.get(v.lemma_.lower())
                    if kind and not children(v, *SUBJ):
                        n = self._victims(v)
                        if n is not None:
                            out[kind] = out.get(kind, 0) + n
        return out

    def _quoted_threat(self, verb: Token) -> Iterator[Found]:
        """ "Those who stay will be destroyed," he said: a promise of violence is a threat by the speaker."""
        if not any(c.lower_ in ("will", "'ll", "shall", "would") for c in children(verb, "aux")):
            return
        if children(verb, "neg"):
            return
        speaker = self.refs.quote_speaker(verb)
        if speaker is None:
            return
        pattern = Pattern(lemma=verb.lemma_.lower(), type="THREATEN", mode="warn", confidence=0.7)
        recips = [r for r in objects(verb) if r.pos_ != "PRON" or r.lower_ in ("them", "they")]
        recip = self.refs.ref(recips[0]) if recips else None
        yield Found(trigger=verb, pattern=pattern, actor=speaker, actor_tok=None, recipient=recip,
                    recipient_tok=recips[0] if recips else None, flags=Flags())

    def _code_verb(self, verb: Token) -> Iterator[Found]:
        lemma = verb.lemma_.lower()
        if lemma in self.lex.threat_verbs:
            yield from self._quoted_threat(verb)
        casualty = self.lex.casualties.get(lemma)
        if casualty and self._casualty_nouns(verb):
            return  # the attack noun carries this event and its count
        head = self.tree.head(verb)
        if casualty and verb.dep_ in ("advcl", "conj", "xcomp", "acl") and not children(verb, *SUBJ) and (
                self._verb_pattern(head) is not None or self._noun_pattern(head) is not None
                or self._light_attack(head)):
            return  # "shelled the town, killing 14": the shelling carries the count
        match = self._verb_pattern(verb)
        if match is None:
            return
        pattern, given = match
        actors = self._misattached_conjunct(verb) or subjects(verb)
        if not actors:
            return  # nobody to code (so no need to look for recipients or counts)
        # "impose sanctions ON X": the object is the act itself, the preposition names the recipient
        recips = given or (prep_objects(verb, pattern.via) if pattern.via else objects(verb))
        if not recips and pattern.via:
            # "recalled its ambassador to Italy", "a round of sanctions on X": the preposition hangs on the object
            for o in objects(verb):
                for x in [o, *prep_objects(o, ("of",))]:
                    recips = recips or prep_objects(x, pattern.via)
        if not recips and pattern.type in ("ASSAULT", "REJECT", "ACCUSE", "COERCE", "THREATEN", "SANCTION"):
            recips = prep_objects(verb, ("against", "on"))
        if not recips and pattern.type == "REQUEST":
            # "demanded that Israel withdraw": the one asked is the subject of the demanded clause
            for x in children(verb, "ccomp"):
                if any(m.lower_ == "that" for m in children(x, "mark")) or x.tag_ == "VB":
                    recips = children(x, "nsubj")[:1]
        if not recips and pattern.type == "THREATEN":
            # "threatened to launch an operation against X": the threatened act's target
            for x in children(verb, "xcomp"):
                for o in objects(x) or prep_objects(x, ("against", "on")):
                    recips.extend(prep_objects(o, ("against", "on")) or [o])
        qty = self._casualties_near(verb)
        after = verb.dep_ == "conj" and any(c.lower_ in ("after", "when", "as") for c in children(verb, "mark"))
        if (verb.dep_ == "advcl" or after) and head.pos_ == "VERB" \
                and self.lex.casualties.get(head.lemma_.lower()) == "killed":
            # "ten people died after troops opened fire"
            n = self._victims(head)
            if n is not None:
                qty["killed"] = qty.get("killed", 0) + n
        if casualty:
            n = self._victims(verb)
            if n is not None:
                qty[casualty] = qty.get(casualty, 0) + n
        # counted casualties and arrests are one happening; counted vetoes or sanctions a record
        tally = pattern.type not in ("ASSAULT", "COERCE") and is_tally(verb, recips)
        for f in self._emit(verb, pattern, actors, recips, qty):
            f.tally = tally
            yield f

    def _code_noun(self, noun: Token) -> Iterator[Found]:
        pattern = self._noun_pattern(noun)
        if pattern is None:
            return
        actors: list[Token] = []
        recips: list[Token] = []
        actors.extend(c for c in children(noun, "poss") if c.i < noun.i)
        tree = self.tree
        for c in children(noun, "amod", "compound", "nmod"):
            if c.i > noun.i:
                continue
            for t in [c, *[tree.tokens[d] for d in tree.subtree(c.i)
                           if d < c.i and tree.deps[d] in ("compound", "amod")]]:
                ref = self.refs.ctx.entity_at(t)
                if ref is not None:
                    if ref.type in PLACE_TYPES and t.pos_ == "PROPN":
                        recips.append(t)  # "Aleppo bombings": the place is the target
                    elif not actors:
                        actors.append(t)
                elif not actors and t.lemma_.lower() in self.lex.actor_nouns and t.pos_ == "NOUN":
                    actors.append(t)
        if not actors:
            actors = prep_objects(noun, ("by",))
        gov = governing_verb(noun)
        light = gov is not None and noun.dep_ in OBJ and gov.lemma_.lower() in self.lex.light_verbs
        if (not actors or actors[0].pos_ == "PRON") and gov is not None and noun.dep_ in OBJ and (
                light or actors):
            subj = subjects(gov)
            if subj:
                actors = subj
        if not actors and gov is not None and gov.lemma_.lower() == "claim":
            actors = subjects(gov)  # "the attack was claimed by X", "X claimed responsibility for the attack"
        if not actors:
            return  # nobody to code (so no need to look for recipients or counts)
        hostile = pattern.type in ("ASSAULT", "COERCE", "REJECT")
        preps = _TARGET_PREPS if hostile else (*_TARGET_PREPS, "for", "to")
        if not recips:
            recips = prep_objects(noun, preps)
        if not recips and light and gov is not None:
            # "gave its backing to the plan", "pressed its assault on X"
            recips = prep_objects(gov, ("on", "against") if hostile else ("on", "against", "to", "for"))
        qty: dict[str, int] = {}
        place_target: Token | None = None
        verbs = [c for c in children(noun, "acl", "relcl") if c.pos_ == "VERB"]
        head = self.tree.head(noun) if noun.dep_ in ("nsubj", "pobj") else None
        if head is not None and noun.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            head = self.tree.head(head)
        if head is not None and head.pos_ == "VERB":
            verbs.append(head)
        for verb in verbs:
            kind = self.lex.casualties.get(verb.lemma_.lower())
            if not kind:
                continue
            n = self._victims(verb)
            if n is not None:
                qty[kind] = qty.get(kind, 0) + n
            for holder in [verb, *children(verb, *OBJ)]:
                for pobj in prep_objects(holder, ("in",)):
                    place_target = place_target or self._place_in(pobj)
        if light and gov is not None and pattern.type == "ASSAULT":
            # "carried out air strikes on X, killing 31": the count hangs on the light verb
            for kind, n in self._casualties_near(gov).items():
                qty[kind] = qty.get(kind, 0) + n
        if pattern.type == "ASSAULT" and not (recips or qty or light or place_target is not None):
            return  # a passing mention ("casualties in its strikes") is not a reported attack
        yield from self._emit(noun, pattern, actors, recips, qty, place_target)

    # ----- roles ------------------------------------------------------------
    def _is_place(self, tok: Token, under_place_noun: bool = False) -> bool:
        ref = self.refs.ctx.entity_at(tok)
        if ref is None:
            return False
        if ref.type in PLACE_TYPES:
            return True
        # taggers often miss small towns ("the town of X" tagged PERSON, a city tagged NORP)
        return tok.pos_ == "PROPN" and (under_place_noun or (ref.type == "NORP" and tok.tag_ == "NNP"))

    def _place_in(self, tok: Token, depth: int = 0) -> Token | None:
        """The place a noun phrase names ("the town of Kaspi", "rebel-held areas of Aleppo", "Aleppo")."""
        if self._is_place(tok):
            return tok
        if depth > 3:
            return None
        place_noun = tok.lemma_.lower() in self.lex.place_nouns or tok.like_num or tok.pos_ == "NUM"
        for c in children(tok, "appos", "compound", "poss"):
            if self._is_place(c, place_noun):
                return c
        for c in children(tok, "prep"):
            if c.lower_ in ("of", "in"):
                for pobj in children(c, "pobj"):
                    if self._is_place(pobj, place_noun):
                        return pobj
                    found = self._place_in(pobj, depth + 1)
                    if found is not None:
                        return found
        return None

    def _recipient_heads(self, heads: list[Token], pattern: Pattern, trigger_i: int | None = None) -> list[Token]:
        out: list[Token] = []
        for h in heads:
            if h.ent_type_ in ("DATE", "TIME"):
                continue  # "advanced on Monday": a time, not a target
            h = crowd(antecedent(h, self.lex.actor_nouns))
            if trigger_i is not None and crosses_paragraph(h, self.tree.tokens[trigger_i]):
                continue
            listed = included(h)
            for t in listed or conjuncts(h):
                if t.i in {o.i for o in out}:
                    continue
                out.append(t)
        fixed = []
        for t in out:
            if t.like_num or t.pos_ == "NUM" or t.lemma_.lower() in QUANTITY:
                # "seized two-thirds of X": the target is X; a bare count names nothing
                of = [p for p in prep_objects(t, ("of",))]
                if not of:
                    continue
                t = of[0]
            if self.refs.ctx.entity_at(t) is None and (
                    (pattern.type == "ASSAULT" and t.lemma_.lower() not in self.lex.actor_nouns)
                    or t.lemma_.lower() in self.lex.place_nouns):
                # an attack on "the town of X" / "rebel-held areas of X" targets the place X
                place = self._place_in(t)
                if place is None and trigger_i is not None and (
                        t.lemma_.lower() in self.lex.place_nouns or t.lemma_.lower() == "control"):
                    place = self._place(self.tree.tokens[trigger_i])  # "recaptured several towns in X"
                t = place if place is not None else t
            if pattern.type == "REQUEST" and t.lemma_.lower() in self.lex.action_nouns:
                # "demanded the departure of the rebels": the rebels are asked to go
                of = prep_objects(t, ("of",))
                if of:
                    t = of[0]
            fixed.append(t)
        return fixed

    def _last_vetoable(self, trigger: Token) -> list[Token]:
        """The last resolution/bill named before a veto that names none ("exercised its veto")."""
        tree = self.tree
        start = tree.sent_start(trigger.i)
        for _ in range(3):
            if start == 0:
                break
            start = tree.sent_start(start - 1)
        for i in range(trigger.i - 1, start - 1, -1):
            if self.pos[i] == "NOUN" and self.lemmas[i] in self.lex.vetoable_nouns and tree.deps[i] != "compound":
                return [tree.tokens[i]]
        return []

    def _place(self, trigger: Token) -> Token | None:
        """A place named in a prepositional phrase of the trigger or its clause."""
        cands = [trigger]
        gov = trigger if trigger.pos_ == "VERB" else governing_verb(trigger)
        if gov is not None and gov.i != trigger.i:
            cands.append(gov)
        for c in cands:
            for pobj in prep_objects(c, _PLACE_PREPS):
                place = self._place_in(pobj)
                if place is not None:
                    return place
        # a place further down the clause ("took villages from rebels in X"), nearest first
        tree = self.tree
        heads, labels, coarse = tree.heads, tree.deps, tree.pos
        for c in cands:
            found: list[tuple[int, Token]] = []
            # c's subtree lies between its edges, in index order; the climb below skips any other token there
            for i in range(c.left_edge.i, c.right_edge.i + 1):
                if labels[i] != "prep" or tree.tokens[i].lower_ not in _PLACE_PREPS:
                    continue
                depth, cur = 0, heads[i]
                while cur != c.i and depth < 6 and coarse[cur] not in ("VERB", "AUX"):
                    cur, depth = heads[cur], depth + 1
                if cur != c.i:
                    continue  # inside another clause
                for pobj in tree.children_with(tree.tokens[i], ("pobj",)):
                    place = self._place_in(pobj)
                    if place is not None:
                        found.append((depth, place))
            if found:
                return min(found, key=lambda x: x[0])[1]
        return None

    def _emit(self, trigger: Token, pattern: Pattern, actor_heads: list[Token], recip_heads: list[Token],
              qty: dict[str, int], place_target: Token | None = None) -> Iterator[Found]:
        recips = self._recipient_heads(recip_heads, pattern, trigger.i)
        if not recips and pattern.mode == "veto":
            recips = self._last_vetoable(trigger)
        if not recips and pattern.type == "ASSAULT" and place_target is not None:
            recips = [place_target]
        recip_refs: list[tuple[EntityRef | None, Token | None]] = []
        for t in recips:
            ref = self.refs.ref(t)
            if ref is not None:
                recip_refs.append((ref, t))
        # "The army and the RSF accused each other": each side is the other's recipient.
        reciprocal = any(_reciprocal(c) for c in children(trigger, "dobj", "dative"))
        if not recip_refs:
            if pattern.recipient_required and not reciprocal:
                return
            recip_refs = [(None, None)]
        heads: list[Token] = []
        for h in actor_heads:
            h = crowd(antecedent(h, self.lex.actor_nouns))
            if h.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
                continue
            if crosses_paragraph(h, trigger) or any(c.lower_ in GENERIC for c in h.lefts):
                continue
            heads.extend(conjuncts(h))
        if reciprocal and len(heads) < 2:
            return
        if len(heads) > 1 and (reciprocal or (pattern.type in ("AGREE", "CONSULT", "COOPERATE") and all(
                r is None or (r.entity_id is None and t is not None and t.lemma_.lower() not in self.lex.actor_nouns)
                for r, t in recip_refs))):
            # "a ceasefire brokered by Washington and Moscow": each side is the other's partner
            actors = [(h, self.refs.ref(h)) for h in heads]
            flags = flags_for(trigger)
            for h, a in actors:
                if a is None:
                    continue
                for h2, b in actors:
                    if b is not None and h2.i != h.i:
                        yield Found(trigger=trigger, pattern=pattern, actor=a, actor_tok=h, recipient=b,
                                    recipient_tok=h2, flags=flags, quantities=dict(qty))
            return
        fatalities = qty.pop("killed", None)
        pairs: list[tuple[EntityRef, Token, EntityRef | None, Token | None]] = []
        seen: set[str] = set()
        for head in heads:
            actor = self.refs.ref(head)
            if actor is None or self._not_an_actor(actor, head, pattern):
                continue
            key = actor.entity_id or actor.name.lower()
            if key in seen:
                continue
            seen.add(key)
            pairs.extend((actor, head, recipient, rtok) for recipient, rtok in recip_refs
                         if recipient is None or (recipient.entity_id or recipient.name.lower()) != key)
        if not pairs:
            return  # about half the triggers code nothing: flags and place are looked for only when one does
        flags, place = flags_for(trigger), self._place(trigger)
        for actor, head, recipient, rtok in pairs:
            yield Found(trigger=trigger, pattern=pattern, actor=actor, actor_tok=head, recipient=recipient,
                        recipient_tok=rtok, flags=flags, fatalities=fatalities, quantities=dict(qty),
                        place_tok=place)

    def _not_an_actor(self, actor: EntityRef, head: Token, pattern: Pattern) -> bool:
        """Texts, places used as locations, and bare numbers do not act."""
        if actor.entity_id is None:
            lemma = head.lemma_.lower()
            if lemma in self.lex.document_nouns and head.pos_ == "NOUN":
                return True
            if head.like_num or head.pos_ == "NUM":
                return True
            if head.pos_ == "NOUN" and lemma not in self.lex.actor_nouns and pattern.type != "PROTEST" and not any(
                    self.refs.ctx.entity_at(t) is not None for t in head.lefts):
                # a common noun that names no agent ("the idea", "reports")
                return True
        return actor.type in ("FAC", "LOC")


def _reciprocal(tok: Token) -> bool:
    """ "each other", "one another" (the parser hangs "each"/"one" on "other"/"another")."""
    low = tok.lower_
    if low not in ("other", "another"):
        return False
    partner = "each" if low == "other" else "one"
    return any(c.lower_ == partner for c in tok.children)
