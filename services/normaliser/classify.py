"""Classify the line units of a copied news page: body, heading, or a kind of junk.

Features that hold across outlets, in the spirit of jusText:
- shape: word count, whether the line ends like a sentence, stop-word density;
- patterns of page furniture (``patterns``): menus, credits, bylines, agency
  tags, date lines, promos, about-us footers, section labels;
- repetition: a doubled line is a caption shown twice; a line whose words
  repeat a body quote is a pull quote (with its "- Name, role" line);
- position: before the first real paragraph only the headline, labels, a
  standfirst, captions and bylines stand; after the last one only footers,
  promos and menus. Short lines between paragraphs are section headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from schemas.models import ParagraphKind, RemovedKind
from services.normaliser import patterns
from services.normaliser.dates import date_line
from services.normaliser.textclean import fold, is_terminated, word_count

_BODY: ParagraphKind = "body"
_HEADING: ParagraphKind = "heading"
_QUOTE: ParagraphKind = "quote"
_KEPT = {"body", "heading", "quote"}

_STRONG_WORDS = 10      # a paragraph this long that ends like a sentence is article text
_MAX_HEADING_WORDS = 15
_LONG_CAPTION_WORDS = 16
_MIN_CAPTION_SCORE = 3.5  # a short, unquoted, present-tense or verbless line
_MIN_PULL_QUOTE_WORDS = 5
_MAX_PULL_QUOTE_TRIES = 300  # bounds the work on hostile inputs; real pages have a handful
_MAX_NEIGHBOUR_STEPS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# ASCII characters that cannot be part of a _WORD (all but letters, apostrophe and hyphen) -> space.
_ASCII_NON_WORD_CHARS = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalpha() or c in "'-")})
_CAPITALISED = re.compile(r"^[A-Z0-9&'’.-]")
_INNER_SENTENCE = re.compile(r"[a-z0-9\"”’)][.!?]\s+[\"“‘]?[A-Z]")
# English grammar words: headlines have them, masthead slogans usually not.
_FUNCTION = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "and", "or", "but", "if",
    "after", "before", "over", "under", "into", "amid", "against", "says", "say", "is", "are", "was", "were", "be",
    "been", "will", "would", "could", "must", "can", "may", "not", "no",
})
_MENU_SEPARATOR_CHARS = "|•›»>·"  # the characters patterns.MENU_SEPARATOR splits at
_LIST_ITEM = re.compile(r"^(?:[-*•·▪●◦]|\d{1,2}[.)])\s+")


@dataclass
class Unit:
    text: str
    indented: bool = False
    kind: str | None = None  # a ParagraphKind or RemovedKind once decided
    words: int = 0
    terminated: bool = False
    stop_density: float = 0.0
    key: str = ""

    @property
    def open(self) -> bool:
        return self.kind is None


@dataclass
class Classified:
    title: str | None
    date_lines: list[str]
    paragraphs: list[tuple[str, ParagraphKind]]
    removed: list[tuple[str, RemovedKind]]
    captions: list[str] = field(default_factory=list)


def _lower_words(text: str) -> list[str]:
    """``_WORD.findall(text)`` lower-cased (in any order). In ASCII text the words are the runs of letters
    a table and str.split() cut out; only a run with an apostrophe or hyphen needs the regex."""
    if not text.isascii():
        return list(map(str.lower, _WORD.findall(text)))
    runs = text.lower().translate(_ASCII_NON_WORD_CHARS).split()
    if "'" not in text and "-" not in text:
        return runs
    return [w for run in runs for w in ((run,) if run.isalpha() else _WORD.findall(run))]


def _features(unit: Unit, stops: frozenset[str]) -> None:
    words = _lower_words(unit.text)
    unit.words = word_count(unit.text)
    unit.terminated = is_terminated(unit.text)
    unit.key = fold(unit.text)
    if words and stops:
        unit.stop_density = sum(map(stops.__contains__, words)) / len(words)
    else:
        unit.stop_density = 1.0 if words else 0.0  # no stoplist: shape features decide


def _body_like(u: Unit) -> bool:
    """Ends like a sentence and reads like prose (stop words present)."""
    if not u.terminated or u.words < 3:
        return False
    return u.stop_density >= 0.08 or u.words >= 20


def _strong(u: Unit) -> bool:
    return u.open and _body_like(u) and u.words >= _STRONG_WORDS


def _outlet_line(u: Unit) -> bool:
    """'<Outlet> News', 'Staff and agencies': short, capitalised, no sentence end."""
    if u.words > 6 or (u.text.endswith((".", "?", "!")) and not u.text.endswith("agencies.")):
        return False
    if not patterns.AND_AGENCIES.match(u.text):
        return False
    return all(_CAPITALISED.match(w) or w.lower() in {"and", "with", "&", "agencies", "staff", "wires", "news"}
               for w in u.text.split())


def _menu_line(text: str) -> bool:
    """Three or more short items between menu separators: 'Home | World | Africa | Opinion'."""
    if not any(map(text.__contains__, _MENU_SEPARATOR_CHARS)):
        return False  # one item only
    items = [x for x in patterns.MENU_SEPARATOR.split(text) if x.strip()]
    return len(items) >= 3 and all(len(x.split()) <= 3 for x in items) and not is_terminated(text)


def _pattern_kind(u: Unit) -> str | None:
    """The junk kind a line's own wording shows, if any."""
    text = u.text
    if date_line(text):
        return "dateline"
    if patterns.SIZE_CONTROL.match(text) or patterns.NAVIGATION.match(text) or _menu_line(text):
        return "navigation"
    if patterns.IMAGE_PLACEHOLDER.match(text):
        return "credit"
    if u.words <= 4 and patterns.is_section_label(text):
        return "section_label"
    credit_at = patterns.credit_suffix_start(text) if u.words <= 60 else -1  # looked up once, used twice
    if credit_at >= 0 and patterns.captioned_at(text, credit_at):
        return "caption"  # "Delegates vote (Reuters)", "... [Jane Roe/Al Jazeera]"
    if u.words <= 10 and patterns.CREDIT_TOKEN.search(text) and not _body_like(u):
        return "credit"  # "Getty Images", "Reuters/Jane Roe": a picture's credit, not the story's
    if patterns.AGENCY_TAG.match(text) or _outlet_line(u):
        return "byline"
    if u.words <= 12 and patterns.BYLINE.match(text) and not u.text.endswith((".", "?", "!")):
        return "byline"
    if (u.words <= 60 and patterns.WIRE_CREDIT.match(text)) or patterns.WIRE_BYLINE.match(text):
        return "byline"
    if patterns.CAPTION_LEAD.match(text):
        return "caption"
    if u.words <= 60 and patterns.EMBED.search(text):
        return "other"  # an embedded social post and its signature line
    if u.words <= 15 and patterns.CREDIT_LINE.match(text):
        # "© 2025 Outlet. All rights reserved." is the page's legal footer, not a photo credit.
        return "footer" if patterns.FOOTER.search(text) and not patterns.CREDIT_TOKEN.search(text) else "credit"
    if patterns.PROMO_LEAD.match(text) or (u.words <= 10 and patterns.PROMO_QUESTION.match(text)):
        return "promo"
    if u.words <= 12 and not u.terminated and patterns.PROMO.search(text):
        return "promo"
    if u.words <= 40 and patterns.STRONG_PROMO.search(patterns.unquoted(text)):
        return "promo"
    if u.words <= 20 and patterns.CONTACT.search(text):
        return "promo"
    if len({m.group(0).lower() for m in patterns.FOOTER.finditer(text)}) >= 2:
        return "footer"
    if u.words <= 60 and patterns.BOILERPLATE.search(patterns.unquoted(text)):
        return "boilerplate"
    if credit_at >= 0:
        return "caption"
    return None


def _mark_menu_echoes(units: list[Unit]) -> None:
    """A short line repeating the words of a menu line ("Skip next block X" then "X") is menu too."""
    menu = "\n".join(u.key for u in units if u.kind == "navigation" and u.words >= 3)
    if not menu:
        return
    for u in units:
        if u.open and u.key and u.words <= 6 and not u.terminated and u.key in menu:
            u.kind = "navigation"


def _mark_duplicates(units: list[Unit]) -> None:
    """A line shown twice in a row is a caption (alt text + caption); later repeats are duplicates."""
    seen: set[str] = set()
    in_body = False  # an article paragraph came before the pair
    for i, u in enumerate(units):
        if i >= 2 and _strong(units[i - 2]):
            in_body = True
        if not u.key:
            continue
        prev = units[i - 1] if i else None
        if prev is not None and prev.key == u.key:
            u.kind = "duplicate_line"
            # Inside the article, or long and not headline-shaped above it (a doubled headline stays).
            # A doubled paragraph that reports speech is a copy glitch: its first copy stays article text.
            caption_like = in_body or (u.words >= _LONG_CAPTION_WORDS // 2 and not _looks_headline(prev))
            if prev.open and caption_like and not _reported_speech(prev) and not _narrates(prev):
                prev.kind = "caption"
        elif u.key in seen and u.words >= 2 and u.open:
            u.kind = "duplicate_line"
        seen.add(u.key)


def _narrates(u: Unit) -> bool:
    """Past or future narration without a picture verb: a report's sentence rather than a caption."""
    text = u.text
    if patterns.FINITE_AUX.search(text):  # "had", "was", "will": captions hardly ever use them
        return True
    return bool(patterns.PAST_TENSE.search(text)) and not patterns.CAPTION_VERB.search(text)


def _looks_headline(u: Unit) -> bool:
    return 3 <= u.words <= 30 and not u.text.endswith(".")


def _strip_attribution(text: str) -> str:
    return re.split(r"\s[-–—―]\s", text, maxsplit=1)[0]


def _repeated_in_longer(key: str, joined: str) -> bool:
    """``key`` stands inside a longer line of ``joined`` (lines separated by newlines)."""
    start = joined.find(key)
    while start >= 0:
        line_start = joined.rfind("\n", 0, start) + 1
        line_end = joined.find("\n", start)
        line_end = len(joined) if line_end < 0 else line_end
        if line_end - line_start > len(key):
            return True
        start = joined.find(key, start + 1)
    return False


def _mark_pull_quotes(units: list[Unit]) -> None:
    """A line that repeats words of another, longer paragraph, shown as a quote, is a pull quote."""
    joined = "\n".join(u.key for u in units if u.words > _MIN_PULL_QUOTE_WORDS)
    tried = 0
    for i, u in enumerate(units):
        if not u.open or u.words < _MIN_PULL_QUOTE_WORDS or tried >= _MAX_PULL_QUOTE_TRIES:
            continue
        key = fold(_strip_attribution(u.text))
        if len(key.split()) < _MIN_PULL_QUOTE_WORDS:
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        shaped = (u.text[:1] in patterns.QUOTE_CHARS or not u.terminated
                  or (nxt is not None and bool(patterns.PULL_ATTRIBUTION.match(nxt.text))))
        if not shaped:
            continue
        tried += 1
        if _repeated_in_longer(key, joined):
            u.kind = "pull_quote"
            if nxt is not None and nxt.open and nxt.words <= 15 and patterns.PULL_ATTRIBUTION.match(nxt.text):
                nxt.kind = "pull_quote"


def _caption_score(u: Unit) -> float:
    """How much a line near a photo credit reads like the photo's caption."""
    score = 0.0
    if u.words <= 25:
        score += 1
    if u.words <= 12:
        score += 1
    if not u.terminated:
        score += 1
    if any(c in u.text for c in patterns.QUOTE_CHARS[:1] + "“”«»"):
        score -= 2
    else:
        score += 0.5
    if patterns.REPORTING.search(u.text):
        score -= 2
    else:
        score += 0.5
    if patterns.FINITE_AUX.search(u.text) or patterns.PAST_TENSE.search(u.text):
        score -= 1.5  # report sentences narrate in the past; captions describe the picture in the present
    if patterns.CAPTION_VERB.search(u.text):
        score += 1
    if patterns.CAPTION_END_DATE.search(u.text):
        score += 1
    if u.text[:1].islower() or u.text[:1].isdigit():
        score -= 1
    return score


def _neighbour(units: list[Unit], i: int, step: int) -> Unit | None:
    j = i + step
    while 0 <= j < len(units) and units[j].kind in ("credit", "duplicate_line") and abs(j - i) < _MAX_NEIGHBOUR_STEPS:
        j += step
    return units[j] if 0 <= j < len(units) else None


def _mark_credit_captions(units: list[Unit]) -> None:
    """A credit line belongs to a picture: its caption is the neighbour that reads most like one."""
    for i, u in enumerate(units):
        if u.kind != "credit":
            continue
        around = [n for n in (_neighbour(units, i, -1), _neighbour(units, i, 1)) if n is not None]
        if any(n.kind == "caption" for n in around):
            continue  # the picture's caption is already known
        options = [n for n in around if n.open]
        scored = [(_caption_score(n), -k, n) for k, n in enumerate(options)]
        if not scored:
            continue
        best = max(scored, key=lambda t: (t[0], t[1]))
        if best[0] >= _MIN_CAPTION_SCORE:
            best[2].kind = "caption"


def _mark_caption_leads(units: list[Unit]) -> None:
    """'Image caption,' alone on its line announces the caption on the next line."""
    for i, u in enumerate(units[:-1]):
        m = patterns.CAPTION_LEAD.match(u.text)
        if u.kind != "caption" or m is None or u.text[m.end():].strip():
            continue
        nxt = units[i + 1]
        if nxt.open and nxt.words <= 40 and nxt.text[:1] not in patterns.QUOTE_CHARS + "“«":
            nxt.kind = "caption"


def _mark_inline_agency_credits(units: list[Unit], first_body: int) -> None:
    """Inside the article a line of agency names alone ("Reuters") credits a picture, not the story."""
    last_body = max((i for i, u in enumerate(units) if u.open and _body_like(u)), default=-1)
    for i in range(first_body + 1, last_body):
        u = units[i]
        if u.kind == "byline" and u.words <= 4 and patterns.AGENCY_TAG.match(u.text) and "/" not in u.text:
            u.kind = "credit"


def _outlet_names(units: list[Unit], outlet: str | None) -> str:
    """Text where the outlet's own name shows: bylines, credits, footers, the page's last lines."""
    junk = [u.key for u in units if u.kind not in (None, "title")] + [u.key for u in units[-5:]]
    return "\n".join([*junk, fold(outlet or "")])


def _choose_title(units: list[Unit], first_body: int, given: str | None, outlet: str | None = None) -> str | None:
    if given:
        key = fold(given)
        for i, u in enumerate(units):
            # The headline line, also when the given title carries the outlet ("Headline | Outlet").
            near_top = i <= first_body and u.words >= 4 and not u.terminated and u.key in key
            if u.open and (u.key == key or near_top):
                u.kind = "title"
        return given
    names = _outlet_names(units, outlet)
    # A short line whose words come back in the byline or footer is the outlet's name, not a headline.
    candidates = [u for u in units[:first_body]
                  if u.open and _looks_headline(u) and not (u.words <= 6 and u.key in names)]
    pick = next((u for u in candidates if u.words >= 4), candidates[0] if candidates else None)
    if pick is not None:
        pick = _past_tagline(units, pick)
    if pick is None:  # a headline that ends with a full stop
        pick = next((u for u in units[:first_body] if u.open and 3 <= u.words <= 20
                     and not (u.words <= 6 and u.key in names)), None)
    if pick is None:
        return None
    for u in units:
        if u.open and u.key == pick.key:
            u.kind = "title"
    # "Headline | Section | Outlet" as a browser title: the headline is the first part.
    head = pick.text.split(" | ", 1)[0].strip()
    return head if len(head.split()) >= 3 else pick.text


def _past_tagline(units: list[Unit], pick: Unit) -> Unit:
    """A slogan under the masthead ("Global perspective, human stories") has no function words;
    when a headline-shaped line with them follows right below, that line is the headline."""
    i = next(k for k, u in enumerate(units) if u is pick)
    nxt = units[i + 1] if i + 1 < len(units) else None
    if (not _function_words(pick) and pick.words <= 6 and nxt is not None and nxt.open and _looks_headline(nxt)
            and 5 <= nxt.words <= 20 and _function_words(nxt)):
        return nxt
    return pick


def _function_words(u: Unit) -> bool:
    """The line has grammar words (English), or stop words when the article is in another language."""
    words = [w.lower() for w in _WORD.findall(u.text)]
    return any(w in _FUNCTION for w in words) or (u.stop_density > 0.0 and not any(w.isascii() for w in words))


def _reader_cue(u: Unit) -> bool:
    """Words of a promo or an about-us footer (quoted or reported speech does not count)."""
    free = patterns.unquoted(u.text)
    if patterns.FOOTER.search(free) or patterns.STRONG_PROMO.search(free) or patterns.AUTHOR_BIO.match(u.text):
        return True
    return bool(patterns.READER_ADDRESS.search(free)) and not patterns.REPORTING.search(free)


def _cue_kind(u: Unit) -> str:
    free = patterns.unquoted(u.text)
    if patterns.AUTHOR_BIO.match(u.text):
        return "byline"
    return "footer" if patterns.FOOTER.search(free) else "promo"


def _reported_speech(u: Unit) -> bool:
    """A long line that reports speech is article text even when its full stop was lost."""
    return u.words >= 10 and bool(patterns.REPORTING.search(u.text) or any(c in u.text for c in "\"“”«»"))


def _body_indent(units: list[Unit]) -> bool | None:
    """Whether article paragraphs are indented, when most of them agree."""
    flags = [u.indented for u in units if _strong(u)]
    if len(flags) < 3:
        return None
    share = sum(flags) / len(flags)
    if share >= 0.75:
        return True
    return False if share <= 0.25 else None


def _below_furniture(units: list[Unit], i: int, indent: bool) -> bool:
    """Between this line and the article paragraph above it stands page furniture."""
    for u in reversed(units[:i]):
        if _body_like(u) and u.indented == indent and u.kind in (None, _BODY):
            return False
        if not _body_like(u) or u.kind not in (None, _BODY):
            return True
    return False


def _introduced_item(units: list[Unit], i: int) -> bool:
    """A list item ('- a joint command post') under an article line that ends with a colon."""
    item = _LIST_ITEM.sub("", units[i].text)
    if item == units[i].text and not item[:1].islower():
        return False
    for u in reversed(units[:i]):
        if u.text.endswith(":"):
            return u.open and u.words >= 3
        if u.terminated or u.words > _MAX_HEADING_WORDS:
            return False
    return False


def _mark_tail(units: list[Unit]) -> None:
    """After the last article paragraph only page furniture stands."""
    indent = _body_indent(units)
    for i in range(len(units) - 1, -1, -1):
        u = units[i]
        if not u.open:
            continue
        question = u.text.endswith("?") and u.words <= 12  # "Who are the rebels?": a link to another story
        # "... at the following addresses:" with only furniture below introduces that furniture.
        question = question or u.text.endswith(":")
        # Below page furniture, a paragraph indented unlike the article's is a sidebar or footer block.
        stray = indent is not None and u.indented != indent and _below_furniture(units, i, indent)
        if (_body_like(u) or _reported_speech(u)) and not _reader_cue(u) and not question and not stray:
            return
        if _introduced_item(units, i):
            return  # the article ends with a list it introduces
        if _body_like(u) or u.text.endswith("?"):
            u.kind = _cue_kind(u)
        elif patterns.is_section_label(u.text):
            u.kind = "section_label"
        else:
            u.kind = "navigation" if u.words <= 6 else "footer"


def _mark_head(units: list[Unit], first_body: int) -> None:
    """Before the first article paragraph: a standfirst after the headline, else labels and furniture."""
    title_at = next((i for i, u in enumerate(units[:first_body]) if u.kind == "title"), None)
    standfirst = False
    for i, u in enumerate(units[:first_body]):
        if not u.open:
            continue
        after_title = title_at is not None and i > title_at
        if after_title and not standfirst and u.words >= 8 and not patterns.CAPTION_END_DATE.search(u.text):
            u.kind = _BODY  # the standfirst (one paragraph under the headline)
            standfirst = True
        elif _body_like(u) and after_title:
            u.kind = _BODY
        elif u.words <= 4:
            u.kind = "section_label"
        elif u.words >= _LONG_CAPTION_WORDS // 2 and not u.terminated:
            u.kind = "caption"
        else:
            u.kind = "other"


def _mark_shapes(units: list[Unit]) -> None:
    """Long lines that never end a sentence and quote nobody are captions; short ones are headings."""
    for u in units:
        if not u.open or u.terminated:
            continue
        # Speech, a past/future auxiliary or a second sentence mean article text that lost its full stop.
        if _reported_speech(u) or patterns.FINITE_AUX.search(u.text) or _INNER_SENTENCE.search(u.text):
            continue
        if u.words >= _LONG_CAPTION_WORDS or (u.words >= 10 and patterns.CAPTION_END_DATE.search(u.text)):
            u.kind = "caption"
        elif u.words >= 5 and patterns.CAPTION_VERB.search(u.text) and u.text[:1] not in patterns.QUOTE_CHARS:
            u.kind = "caption"  # "Children play in the rubble of their school": a picture described


def _mark_link_lists(units: list[Unit]) -> None:
    """Two or more short unended lines in a row inside the article are a list of links, not headings."""
    def short(k: int) -> bool:
        u = units[k] if 0 <= k < len(units) else None
        return u is not None and u.open and not u.terminated and u.words <= _MAX_HEADING_WORDS

    def menu(k: int) -> bool:
        return 0 <= k < len(units) and units[k].kind in ("navigation", "promo")

    # For each line, the nearest line above it that is not a short line (what leads into a run).
    lead: list[int] = []
    for i in range(len(units)):
        lead.append(lead[i - 1] if i and short(i - 1) else i - 1)

    def intro(i: int) -> bool:
        """The list is part of the article: a paragraph ending with ':' leads into it."""
        k = lead[i]
        return 0 <= k < len(units) and units[k].text.endswith(":") and units[k].kind in (None, _BODY)

    links = [i for i in range(len(units)) if short(i) and (short(i - 1) or short(i + 1) or menu(i - 1))]
    for i in links:
        u = units[i]
        item = _LIST_ITEM.sub("", u.text)
        if intro(i) or (item != u.text and item[:1].islower()):
            u.kind = _BODY  # items of a list the article itself introduces
        else:
            u.kind = "navigation"


def _paragraph_kind(u: Unit) -> ParagraphKind:
    if u.kind == _HEADING:
        return _HEADING
    text = u.text
    if text[:1] in "\"“«" and text[-1:] in "\"”»" and not patterns.REPORTING.search(patterns.unquoted(text)):
        return _QUOTE
    return _BODY


def _own_date_lines(units: list[Unit]) -> list[str]:
    """Date lines that date this page. Below the article an unlabelled date usually belongs to a
    related story, so there it counts only when labelled or right under the last paragraph."""
    last_body = max((i for i, u in enumerate(units) if u.kind == _BODY), default=len(units))
    found = []
    for i, u in enumerate(units):
        if u.kind != "dateline":
            continue
        labelled = bool(patterns.PUBLISHED_LABEL.search(u.text) or patterns.UPDATED_LABEL.search(u.text))
        if i < last_body or labelled or i == last_body + 1:
            found.append(u.text)
    return found


def _split_trailing_credit(lines: Iterable[tuple[str, bool]]) -> list[Unit]:
    """'... its envoy. © Outlet' -> the sentence, and the credit as a line of its own."""
    units: list[Unit] = []
    for text, indented in lines:
        if not text.strip():
            continue
        m = patterns.TRAILING_COPYRIGHT.match(text)
        d = patterns.WIRE_DATELINE.match(text)
        if d and len(d.group(2).split()) >= 6:
            # The wire dateline on a line of its own, so the sentence's subject is not "BANGKOK (AP)".
            units.append(Unit(text=d.group(1), indented=indented, kind="byline"))
            units.append(Unit(text=d.group(2), indented=indented))
        elif m:
            units.append(Unit(text=m.group(1), indented=indented))
            units.append(Unit(text=m.group(2), indented=indented, kind="credit"))
        else:
            units.append(Unit(text=text, indented=indented))
    return units


def classify(
    lines: Iterable[tuple[str, bool]], stops: frozenset[str], title: str | None = None,
    known_captions: Iterable[str] = (), outlet: str | None = None,
) -> Classified:
    """Classify line units (text, indented) of one article; ``title`` is a headline known already,
    ``known_captions`` are captions the markup marked as such, ``outlet`` the publisher's name."""
    units = _split_trailing_credit(lines)
    caption_keys = {fold(c) for c in known_captions}
    for u in units:
        _features(u, stops)
        u.kind = u.kind or ("caption" if u.key in caption_keys else _pattern_kind(u))
    _mark_caption_leads(units)
    _mark_menu_echoes(units)
    _mark_duplicates(units)
    _mark_pull_quotes(units)
    _mark_credit_captions(units)
    first_body = next((i for i, u in enumerate(units) if _strong(u)), len(units))
    _mark_inline_agency_credits(units, first_body)
    _mark_credit_captions(units)
    found_title = _choose_title(units, first_body, title, outlet)
    _mark_head(units, first_body)
    _mark_shapes(units)
    _mark_tail(units)
    _mark_link_lists(units)
    for u in units:
        if u.open:
            u.kind = _BODY if _body_like(u) or u.terminated or u.words > _MAX_HEADING_WORDS else _HEADING
    paragraphs: list[tuple[str, ParagraphKind]] = []
    removed: list[tuple[str, RemovedKind]] = []
    captions: list[str] = list(dict.fromkeys(known_captions))
    for u in units:
        if u.kind in _KEPT:
            paragraphs.append((u.text, _paragraph_kind(u)))
        else:
            removed.append((u.text, u.kind))  # type: ignore[arg-type]
            if u.kind == "caption" and u.text not in captions:
                captions.append(u.text)
    return Classified(
        title=found_title,
        date_lines=_own_date_lines(units),
        paragraphs=paragraphs,
        removed=removed,
        captions=captions,
    )
