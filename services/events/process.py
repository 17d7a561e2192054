"""PLOVER events of one article (pure): dictionary triggers over the carried parse, roles, flags, dates."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from schemas.models import ArticleStances, Entity, EntityRef, Event
from schemas.models import Span as TextSpan
from services.common.parse import known_text, parse_text, parse_to_doc, remember_text
from services.entities.resolve import EntityResolver, entity_ref
from services.events.coder import Coder, Found
from services.events.dates import parse_published, resolve_date
from services.events.flags import flags_for
from services.events.lexicon import Lexicon, Pattern, default_lexicon
from services.events.refs import PLACE_TYPES, RefContext, Resolver
from services.events.syntax import paragraph_breaks
from services.events.tree import tree_of

# An event dated this long before the article (or its latest date) is recalled background.
BACKGROUND_DAYS = 365
_DATE_PREPS = frozenset({"on", "in", "during", "since", "by", "at", "from", "until", "before", "after"})


def date_phrase(trigger: Token) -> Span | None:
    """The date expression attached to the trigger's clause ("on Monday", "last month")."""
    # Walked by token index; a token's date span is the DATE entity it stands in.
    tree = tree_of(trigger.doc)
    dates, labels, kids, tokens = tree.date_ents, tree.deps, tree.kids, tree.tokens
    cur: int | None = trigger.i
    for _ in range(4):
        if cur is None:
            break
        for c in kids(cur):
            span = dates.get(c)
            if span is not None and labels[c] in ("npadvmod", "tmod", "advmod", "nmod", "obl", "pobj", "compound"):
                return span
            if labels[c] == "prep" and tokens[c].lower_ in _DATE_PREPS:
                for pobj in kids(c):
                    span = dates.get(pobj)
                    if span is not None and labels[pobj] == "pobj":
                        return span
        # "launched a campaign to bolster X in 2015": the parser often hangs the date on the
        # infinitive of purpose; it dates the whole act
        for inf in kids(cur):
            if labels[inf] in ("acl", "advcl", "xcomp") and tree.pos[inf] == "VERB" and any(
                    labels[a] == "aux" and tokens[a].lower_ == "to" for a in kids(inf)):
                for c in kids(inf):
                    if labels[c] == "prep" and tokens[c].lower_ in _DATE_PREPS:
                        for pobj in kids(c):
                            span = dates.get(pobj)
                            if span is not None:
                                return span
        # nouns take the date of their clause; conjoined/controlled verbs that of their head
        if tree.pos[cur] != "VERB" or labels[cur] in ("conj", "xcomp"):
            cur = tree.heads[cur] if tree.heads[cur] != cur else None
        else:
            break
    return None


def paragraph_clip(tok: Token) -> Span:
    """The trigger's sentence, cut at paragraph breaks the parser ran across."""
    tree = tree_of(tok.doc)
    start, end = tree.sent_start(tok.i), tree.sent_end(tok.i)
    breaks = paragraph_breaks(tok.doc)
    # the last break before the trigger and the first after it, both inside the sentence
    before = bisect_left(breaks, tok.i)
    if before > 0 and breaks[before - 1] >= start:
        start = breaks[before - 1] + 1
    after = bisect_right(breaks, tok.i)
    if after < len(breaks) and breaks[after] < end:
        end = breaks[after]
    while end - start > 1 and tree.tokens[end - 1].is_space:
        end -= 1
    return _Clip(tok.doc, start, end) if known_text(tok.doc) is not None else tok.doc[start:end]


class _Clip(Span):
    """A Span whose text is cut from the doc's known text (``Span.text`` makes a Token per word to join it)."""

    __slots__ = ()

    @property
    def text(self) -> str:
        return str(known_text(self.doc))[self.start_char:self.end_char]


_YEAR_ONLY = re.compile(r"\b(?:19|20)\d\d\b")
_DAY_NUM = re.compile(r"\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b")


def _coarse_past(phrase: str) -> bool:
    """"in 2012", "in September 2015": a year without a day dates context, not the news of the day
    (used when no publication date tells how far back it lies)."""
    return bool(_YEAR_ONLY.search(phrase)) and not _DAY_NUM.search(_YEAR_ONLY.sub("", phrase))


def _main_place(msg: ArticleStances) -> EntityRef | None:
    places = [e for e in msg.entities if e.type in PLACE_TYPES]
    if not places:
        return None
    # the most salient, most mentioned place; the earliest mention breaks a tie (scanned for tied places only)
    top = max((e.salience, len(e.mentions)) for e in places)
    tied = [e for e in places if (e.salience, len(e.mentions)) == top] or places
    best = tied[0] if len(tied) == 1 else max(tied, key=_main_place_key)
    return entity_ref(best)


def _main_place_key(e: Entity) -> tuple[float, int, int]:
    return e.salience, len(e.mentions), -min((m.start for m in e.mentions), default=0)


def _reference_date(doc: Doc, published: dt.date | None) -> dt.date | None:
    """The date the article speaks from: its publication date, else the latest full date it names."""
    if published is not None:
        return published
    dates = [resolve_date(e.text, None) for e in tree_of(doc).date_spans]
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def event_id(article_id: str, found_type: str, actor: EntityRef, recipient: EntityRef | None, start: int,
             mode: str | None = None, cue_at: int | None = None) -> str:
    """Deterministic: the same article always gives the same ids (mode and cue offset keep two acts
    of one sentence apart)."""
    key = "|".join([article_id, found_type, actor.entity_id or actor.name.lower(),
                    (recipient.entity_id or recipient.name.lower()) if recipient else "", str(start),
                    mode or "", "" if cue_at is None else str(cue_at)])
    return "ev:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _ref_key(ref: EntityRef | None) -> str:
    return "" if ref is None else (ref.entity_id or ref.name.lower())


def _confidence(f: Found) -> float:
    c = f.pattern.confidence
    if f.actor.entity_id is None:
        c -= 0.1
    if f.recipient is None:
        c -= 0.1
    elif f.recipient.entity_id is not None:
        c += 0.05
    if f.actor_tok is not None and f.actor_tok.pos_ == "PRON":
        c -= 0.1
    if f.trigger.pos_ == "NOUN":
        c -= 0.05
    return round(min(1.0, max(0.05, c)), 3)


def code_events(msg: ArticleStances, vocab: Vocab, lexicon: Lexicon | None = None,
                keep_background: bool = False) -> list[Event]:
    """The article's PLOVER events, one per (type, actor, recipient, mode, flags), first telling kept."""
    if msg.parse is None or not msg.parse.words or not msg.text:
        return []
    lex = lexicon or default_lexicon()
    doc = parse_to_doc(msg.parse, vocab)
    remember_text(doc, parse_text(msg.parse))  # for the evidence sentences (paragraph_clip) and names
    ctx = RefContext(doc=doc, resolver=EntityResolver(msg.entities), quotes=msg.quotes,
                     group_nouns=lex.actor_nouns, org_anaphors=lex.org_anaphors, instruments=lex.instrument_nouns,
                     things=lex.document_nouns | lex.vetoable_nouns)
    coder = Coder(doc, lex, Resolver(ctx), lemma_pos=(msg.parse.lower_lemmas, msg.parse.pos))
    published = parse_published(msg.published_at)
    reference = _reference_date(doc, published)
    main_place = _main_place(msg)

    events: list[Event] = []
    index: dict[tuple[object, ...], int] = {}
    found = list(coder.run())
    found.extend(criticisms(msg, doc, found))
    for f in found:
        phrase = date_phrase(f.trigger)
        day = resolve_date(phrase.text, published) if phrase is not None else None
        background = day is not None and reference is not None and (reference - day).days > BACKGROUND_DAYS
        if day is not None and published is None and phrase is not None and _coarse_past(phrase.text):
            background = True
        background = background or f.tally
        if background and not keep_background:
            continue
        sent = paragraph_clip(f.trigger)
        location = None
        if f.place_tok is not None:
            location = ctx.entity_at(f.place_tok)
        if location is None and f.recipient is not None and f.recipient.type in PLACE_TYPES:
            location = f.recipient
        if location is None:
            location = main_place
        # an unnamed recipient is the same thing under other words ("the draft", "the UN resolution")
        recipient_key = (f.recipient_tok.lemma_.lower() if f.recipient is not None and f.recipient.entity_id is None
                         and f.recipient_tok is not None else _ref_key(f.recipient))
        key = (f.pattern.type, _ref_key(f.actor), recipient_key, f.pattern.mode, f.flags.negated, f.flags.hypothetical)
        conf = _confidence(f)
        ev = Event(
            article_id=msg.article_id, submitted_at=msg.submitted_at,
            event_id=event_id(msg.article_id, f.pattern.type, f.actor, f.recipient, sent.start_char,
                              f.pattern.mode, f.trigger.idx),
            type=f.pattern.type,  # type: ignore[arg-type]
            mode=f.pattern.mode, actor=f.actor, recipient=f.recipient, location=location,
            date=day.isoformat() if day else None, fatalities=f.fatalities, quantities=f.quantities,
            negated=f.flags.negated, hypothetical=f.flags.hypothetical, future=f.flags.future,
            background=background, cue=f.trigger.text,
            evidence=TextSpan(text=sent.text, start=sent.start_char, end=sent.end_char), confidence=conf,
            source=msg.source, published_at=msg.published_at,
        )
        if key in index:
            old = events[index[key]]
            # keep the first telling, but take over facts only a later one gives
            if old.fatalities is None and ev.fatalities is not None:
                old.fatalities = ev.fatalities
            if old.date is None and ev.date is not None:
                old.date = ev.date
            old.confidence = max(old.confidence, ev.confidence)
            continue
        index[key] = len(events)
        events.append(ev)
    return _unique_ids(_drop_unaddressed(events))


def _unique_ids(events: list[Event]) -> list[Event]:
    """Ids are message keys: two events never share one (a rare collision gets a counter)."""
    seen: dict[str, int] = {}
    for ev in events:
        n = seen.get(ev.event_id, 0)
        seen[ev.event_id] = n + 1
        if n:
            ev.event_id = f"{ev.event_id}-{n}"
    return events


def _token_at(doc: Doc, start: int, end: int, cue: str) -> Token | None:
    """The cue word inside a character span of the text."""
    first = None
    for tok in doc:
        if tok.idx >= end:
            break
        if tok.idx >= start:
            if tok.text == cue or tok.lemma_ == cue.lower():
                return tok
            first = first or tok
    return first


def criticisms(msg: ArticleStances, doc: Doc, found: list[Found]) -> list[Found]:
    """ACCUSE/criticize events from the stance stage's evaluative stances against an actor
    ("X said Y's claim was a made-up alibi"): PLOVER counts criticism as an accusation.
    Only between two tagged agents, and only where no accusation of the pair was coded already."""
    have = {(_ref_key(f.actor), _ref_key(f.recipient)) for f in found if f.pattern.type == "ACCUSE"}
    out: list[Found] = []
    for st in msg.stances:
        if st.kind != "evaluation" or st.polarity != "oppose":
            continue
        holder, target = st.holder, st.target
        if holder.entity_id is None or target.entity_id is None or holder.entity_id == target.entity_id:
            continue
        if target.type not in ("PERSON", "ORG", "GPE", "NORP") or holder.type not in ("PERSON", "ORG", "GPE"):
            continue
        pair = (_ref_key(holder), _ref_key(target))
        if pair in have:
            continue
        tok = _token_at(doc, st.evidence.start, st.evidence.end, st.cue)
        if tok is None:
            continue
        have.add(pair)
        pattern = Pattern(lemma=st.cue.lower(), type="ACCUSE", mode="criticize",
                          confidence=round(0.9 * st.confidence, 3))
        out.append(Found(trigger=tok, pattern=pattern, actor=holder, actor_tok=None, recipient=target,
                         recipient_tok=None, flags=flags_for(tok)))
    return out


def _drop_unaddressed(events: list[Event]) -> list[Event]:
    """Drop an event without recipient when the same sentence gives the same actor's same act a recipient
    ("imposed sanctions on X" is read both from the verb and from the noun)."""
    addressed = {(e.type, _ref_key(e.actor), e.evidence.start) for e in events if e.recipient is not None}
    return [e for e in events if e.recipient is not None
            or (e.type, _ref_key(e.actor), e.evidence.start) not in addressed]
