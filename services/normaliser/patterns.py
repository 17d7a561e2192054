"""General patterns of web junk in news pages, compiled once.

These describe kinds of lines found across outlets (menus, credits, agency
tags, promos, about-us footers), never the strings of particular pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_I = re.IGNORECASE

# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into that letter
# (Turkish dotted/dotless i, long s; the Kelvin sign already lowers to "k" but is listed for clarity).
_TO_ASCII_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def ascii_case_key(text: str) -> str:
    """Lowercased ``text`` in which every character that re.IGNORECASE equates with an ASCII letter is that letter.

    A case-insensitive literal of ASCII letters, spaces and digits matches ``text`` only where it stands in
    this key, so ``cue in ascii_case_key(text)`` is a safe necessary condition for such a literal.
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return text.translate(_TO_ASCII_CASE).lower()


class CuedPattern:
    """A case-insensitive pattern whose every match contains one of ``cues`` (lowercase ASCII literals).

    Long article lines rarely hold any cue, and finding none with ``in`` is far cheaper than letting the
    regex try its whole alternation at every position; when a cue is present the regex decides as before.
    """

    def __init__(self, pattern: re.Pattern[str], cues: tuple[str, ...]) -> None:
        self.regex = pattern
        self.cues = cues

    def may_match(self, text: str) -> bool:
        key = ascii_case_key(text)
        return any(map(key.__contains__, self.cues))

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.regex.match(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(text) else iter(())

# Photo/wire agencies and picture libraries that appear in credits and agency tags.
AGENCIES = (
    r"AFP|AP|Reuters|Getty(?:\s+Images)?|EPA(?:-EFE)?|EFE|Anadolu(?:\s+Agency)?|Xinhua|TASS|Sputnik|RIA(?:\s+Novosti)?|"
    r"dpa|DPA|UPI|ANSA|Kyodo|Yonhap|Bernama|PTI|IANS|ANI|IRNA|SANA|WAFA|KCNA|Shutterstock|Alamy|Imago|IMAGO|"
    r"picture[- ]alliance|SIPA|Sipa|NurPhoto|ZUMA(?:\s+Press)?|Bloomberg|Pool|POOL|Handout|HANDOUT|AAP|PA(?:\s+Media)?|"
    r"Associated\s+Press|Agence\s+France[- ]Presse|NYT|WENN|Abaca|ABACA|Polaris|Redux|Corbis|Belga|ANP|TT|NTB|Ritzau|"
    r"Lusa|CTK|PAP|MTI|BTA|Tanjug|Hina|AA|Ukrinform|Interfax|Al\s+Jazeera|BBC|CNN|VOA|DW|RFE/RL|"
    r"REUTERS|GETTY(?:\s+IMAGES)?|XINHUA|ANADOLU|SPUTNIK|BLOOMBERG|SHUTTERSTOCK|Flash90|GPO|MEE|TRT|SOPA(?:\s+Images)?|"
    r"LightRocket|AP\s+Images|UN\s+Photo|UNICEF|UNHCR|UNRWA|WFP|ICRC|Wikimedia(?:\s+Commons)?"
)
_AGENCY = re.compile(rf"\b(?:{AGENCIES})\b")

# Whole-line navigation and page furniture (matched against the full line).
NAVIGATION = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:"
    r"skip (?:to|next|navigation|ad|ads|this|over|section|links?|main|content|the (?:ad|advert)|past)\b[^.!?]*|"
    r"jump to\b[^.!?]*|go to (?:main )?(?:content|navigation|top)|back to top|accessibility(?: links| help)?|"
    r"(?:toggle|open|close|main|site) (?:navigation|menu)|main menu|menu|navigation|search(?: the site)?|home(?:page)?|"
    r"sign (?:in|up|out)|log ?(?:in|out)|register|my account|subscribe(?: now)?|subscriptions?|"
    r"share(?: this)?(?: article| story| page| on \w+)?\d*|share via .*|copy link|link copied|"
    r"print(?: this)?(?: article)?|e-?mail|"
    r"facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|messenger|flipboard|"
    r"comments?(?: \(\d+\))?|\d+ comments?|view comments|show comments|leave a comment|"
    r"advertisement|advertising|sponsored(?: content)?|ad|promoted|cookies?(?: settings| policy)?|"
    r"read more|read next|read also|also read|read full (?:article|story)|continue reading|see also|"
    r"more on this( story)?|"
    r"related(?: stories| articles| content| topics| coverage| news| links)?|"
    r"most (?:read|popular|viewed|shared)(?: [^.!?]{1,30})?|(?:[\w'’ ]{1,30} )?top stor(?:y|ies)|"
    r"latest(?: news| stories)?|trending(?: now)?|"
    r"explore more|more (?:top )?stories(?: from [^.!?]{1,30})?|more (?:from|in) [^.!?]{1,40}|"
    r"watch live|live tv|listen(?: live| now)?|"
    r"listen to (?:this )?article|\d+ min(?:ute)?s? read|play video|watch(?: video| now)?|video|gallery|photos?|"
    r"follow us(?: on .*)?|newsletters?|topics|tags?|keywords|previous|next|close|open|loading\W*|"
    r"(?:story|article) continues (?:below|after)(?: (?:this )?advertisement)?|continue reading(?: the main story)?|"
    r"supported by|recommended(?: stories| for you)?|up next|editor'?s picks?|further reading|what to read next|"
    r"you (?:may|might) also like|more on this story|related topics|save(?: article)?|bookmark|"
    r"(?:tags|topics|keywords|filed under|more on|related|categories|category)\s*:.*|"
    r"scroll(?: down)? to (?:continue|read)(?: reading)?|(?:hide|show|toggle) caption|enlarge (?:this )?image|"
    r"expand image|view image|view (?:photo )?gallery|open image in gallery|\d+\s*/\s*\d+|"
    r"click to (?:share|email|print|open).*|.*\(opens in (?:a )?new (?:window|tab)\)|"
    r"share this via .*|other ways to share|download the (?:full )?report|site index|site information navigation|"
    r"site ?map|story highlights|key points|gift (?:this )?article|comment on this story|send in e-?mail|"
    r"\d+\s*min(?:ute)?s?(?: read| listen| watch)?|"
    r"(?:region|country|countries|topic)s?(?:\s*/\s*(?:region|country|countries|topic)s?)?(?:\s*:.*)?|"
    r"image \d+ of \d+|\d+ of \d+|page \d+(?: of \d+)?|"
    r"(?:https?://|www\.)\S+|"
    r"[\W_]+"
    r")$",
    _I,
)
# Separators of menus and breadcrumbs copied onto one line ("Home | World | Africa", "News › Europe").
MENU_SEPARATOR = re.compile(r"\s*[|•›»>·]\s*")
# Font-size and similar one/two-letter controls (XS / SM / MD / LG).
SIZE_CONTROL = re.compile(r"^(?:XXS|XS|S|SM|M|MD|L|LG|XL|XXL|A|A\+|A-)$", _I)
# Image placeholders that text copied from a page leaves behind ("4x3 Image").
IMAGE_PLACEHOLDER = re.compile(r"^\W*(?:\d+\s*[x×:]\s*\d+\s+)?(?:image|photo|picture|video|graphic)s?\W*$|"
                               r"^\W*\d+\s*[x×]\s*\d+\b.{0,20}$", _I)

# Common section labels (a whole line of one of these is a label, wherever it stands).
SECTION_LABEL_SET = frozenset(
    " ".join(p.split()) for p in re.split(r"\s{2,}|\n", """
    news  world  politics  business  economy  markets  opinion  analysis  comment  editorial  features  feature
    explainer  exclusive  breaking  breaking news  update  updated  live  live updates  sport  sports  culture
    arts  science  health  technology  tech  environment  climate  middle east  europe  africa  asia  americas
    asia pacific  asia-pacific  latin america  north america  us  uk  international  national  local  investigation
    investigations  interview  in depth  in pictures  in focus  fact check  security  diplomacy  conflict
    world news  top news  developing story  just in  defence  defense  human rights  migration  elections
    us & canada  united nations  global  crime  justice  law  society  media  education  religion  war
    """) if p.strip()
)

# Credit lines: "Photo: ...", "Image by ...", "© ...", "Getty Images", "Reuters/Name", "AP Photo/Name".
CREDIT_LINE = re.compile(
    r"^(?:(?:photo|image|picture|pic|foto|video|graphic|illustration|photograph|cover|main|top|header)"
    r"(?:s|graph)?(?:\s+(?:by|credit|courtesy|source|copyright))?\s*(?:[:|/]|by\b)|"
    r"(?:photo|image|picture)s?\s+(?:by|credit|courtesy|source|copyright)\s*,|"
    r"(?:photo|image|picture)s?\s+(?:credit|courtesy|source|copyright)\b|"
    r"(?:credit|credits|source|courtesy|photo credit|image credit|image source)\s*(?:[:|]|\.{2,}|…)|"
    r"©|\(c\)\s|copyright\b|photography by\b)",
    _I,
)
# A credit token anywhere in a short line: "Reuters/Jane Doe", "AP Photo/J. Roe", "AFP via Getty Images".
CREDIT_TOKEN = re.compile(
    rf"(?:\b(?:{AGENCIES})\s*(?:Photo|Images?|Pictures?)?\s*/|\bvia Getty Images\b|\bGetty Images\b|"
    r"\b[A-Z][\w.-]* Photos?/|\b(?i:file photo|handout|photo(?:graph)?:|image:)|/\s*(?:" + AGENCIES + r")\b)",
)
# A credit at the end of a caption: "... on 4 December (AFP)", "... [Reuters]", "... | Getty Images",
# "... Photograph: Jane Roe/Reuters", "... Credit: Jane Roe for The Daily". Agency names are matched
# case-sensitively (so "(Japan)" is not "PA"), the credit words in any case.
CREDIT_SUFFIX = re.compile(
    rf"(?:[(\[]\s*(?:(?i:photo|image|picture|file|credit|source)s?\s*(?i:by)?\s*[:/]?\s*)?"
    rf"(?:[^()\[\]]{{0,40}}\b(?:{AGENCIES})\b[^()\[\]]{{0,40}}|[^()\[\]]*(?:(?i:photo|image|getty)|/)[^()\[\]]*|"
    rf"(?i:screen ?grab|screen ?shot|screen capture[^()\[\]]*|supplied|handout|courtesy[^()\[\]]*|social media|"
    rf"twitter|facebook|telegram|youtube|file|illustrative))"
    rf"\s*[)\]]"
    rf"|\s[|/]\s*(?:\b(?:{AGENCIES})\b|Getty Images|[A-Z][\w.-]+(?: [A-Z][\w.-]+){{0,3}}/(?:{AGENCIES}))"
    rf"|(?:^|[.!?\s])(?i:photograph|photo|image|picture|credit|source)s?\s*:\s*[^.!?]{{2,80}}"
    rf"|\s(?i:credit)(?:\s+|\W{{2,}})[A-Z][^.!?]{{2,80}}"
    rf"|[.!?]\s+(?:{AGENCIES}|[A-Z]{{2,}})(?:\s+(?i:photo))?\s*/\s*[A-Z][^.!?]{{1,60}})\s*$",
)
_CREDIT_PAREN = re.compile(r"[(\[]\s*([^()\[\]]{1,60})\s*[)\]]\s*$")

# Bylines and agency tags.
BYLINE = re.compile(
    r"^[(\[*]?(?:by|words by|written by|story by|text by|reporting by|writing by|editing by|edited by|compiled by|"
    r"produced by|additional reporting by|report by|with reporting by|sources?\s*:|reporting from|"
    r"reported from)\s*\S.*$",
    _I,
)
# Wire credits at a story's foot: "Reporting by X; Editing by Y", "AP writers X and Y contributed to this report."
WIRE_CREDIT = re.compile(
    r"^[(\[]?(?:(?:additional )?reporting by\b.*(?:editing|writing) by\b.*|"
    r".{0,120}\bcontributed (?:to )?(?:this |the )?(?:report|story|article|reporting)"
    r"(?: (?:from|in) [A-Z][\w.'’ -]{1,40})?\.?)$",
    _I,
)
# "Reuters in Beirut", "Associated Press in Geneva": a wire byline.
WIRE_BYLINE = re.compile(rf"^(?:{AGENCIES})(?: staff)?(?: in [A-Z][\w' -]{{1,30}})?\.?$")
# Contact lines: an e-mail address or a social handle to follow.
CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|\bfollow\b.{0,40}\bon (?:twitter|x|facebook|instagram|bluesky|threads)\b|^@\w+$", _I
)
# A wire dateline opening a paragraph: "BANGKOK (AP) — ...", "BRUSSELS, March 14 (Reuters) - ...",
# "New Delhi (CNN) — ...", "BEIRUT — ...", "ISLAMABAD: ...". Group 1 is the dateline, group 2 the sentence.
_DATE_PART = r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?"
_PLACE_CAPS = r"[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}"
_PLACE_MIXED = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_REGION = r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
WIRE_DATELINE = re.compile(
    rf"^((?:{_PLACE_MIXED}{_REGION}{_DATE_PART}\s*\((?:{AGENCIES})\)|{_PLACE_CAPS}{_REGION}{_DATE_PART})"
    rf"\s*(?:—|–|--?)|{_PLACE_CAPS}:)\s+([A-Z“\"‘'].*)$"
)
# A sentence with the outlet's copyright stuck to its end: "... its envoy. © Outlet 24".
TRAILING_COPYRIGHT = CuedPattern(
    re.compile(r"^(.{20,}?[.!?\"”’])\s+((?:©|\(c\)|copyright)\s*[^.!?]{1,60})$", _I), cues=("©", "(c)", "copyright"))
# A picture's caption announced as such ("Image caption, ...", "Caption: ...").
CAPTION_LEAD = re.compile(
    r"^(?:(?i:(?:image|photo|picture|media|video)\s+)?(?i:caption)\s*[:,]|FILE(?: PHOTO)?\s*[-–—:]|"
    r"(?i:illustrative)\s*:)"
)
# Embedded social posts: "pic.twitter.com/...", "— Name (@handle) 5 December 2016".
EMBED = CuedPattern(re.compile(r"pic\.twitter\.com/|https?://t\.co/|^[-–—]\s.{0,80}\(@\w{2,}\)", _I),
                    cues=("pic.twitter.com/", "://t.co/", "(@"))
# Editor initials with agencies: "ab/cd (AP, AFP)", "jd/rc (Reuters, dpa)".
AGENCY_TAG = re.compile(rf"^[a-z]{{1,4}}(?:/[a-z]{{1,4}})+\.?(?:\s*[(\[](?:[^()\[\]]*)[)\]])?\.?$|"
                        rf"^[(\[]?\s*(?:(?:{AGENCIES})\s*(?:,|and|&|/)?\s*)+[)\]]?\.?$")
# "<Outlet> and agencies", "Staff and agencies", "With agencies", "<Outlet> staff", "<Outlet> News".
AND_AGENCIES = re.compile(
    r"^(?:[\w.&' -]{1,40}\s+(?:and|with|&)\s+(?:agencies|wires|news agencies|agency reports?)|"
    r"(?:with|from)\s+(?:agencies|wires|agency reports?)|agencies|"
    r"[\w.&' -]{1,30}\s+(?:staff|staff writers?|desk|newsroom|news desk|correspondents?|reporters?|editors?|"
    r"web desk|news|online|digital))\.?$",
    _I,
)

# Date lines: an optional label, then the date (and maybe a time).
DATE_PREFIX = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|dated?|released|issued|created)"
    r"(?:\s+(?:on|at|:))?|date|on|last\s+update)\s*[:|-]?\s*",
    _I,
)
MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
DATE_TOKEN = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?|"
    rf"\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|\d{{4}}/\d{{2}}/\d{{2}})\b",
    _I,
)
# What may stand beside a date on a date line: weekday, time, zone, separators.
DATE_FILLER = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|"
    r"\b(?:gmt|utc|bst|cet|cest|est|edt|pst|pdt|cst|cdt|ist|msk|eet|eest|jst|ast|sast|wat|eat|aest|et|pt|ct)\b"
    r"(?:[+-]\d{1,2})?|\b\d+\s+(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?)\s+ago\b|"
    r"\b(?:at|on|and|update|updated|published|posted|last|first|modified|issued|time|date)\b|[|,:•·\-–—()\[\]/]",
    _I,
)
# The date line labels that say when the page was first published (preferred over "updated").
PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|released|issued|dated?|created)\b", _I)
UPDATED_LABEL = re.compile(r"\b(?:updated|modified|last update)\b", _I)

# Promos: reader-directed calls to action.
PROMO = re.compile(
    r"\b(?:sign up|subscribe|newsletter|download (?:our|the) app|click here|tap here|follow us|join us|"
    r"donate|support (?:our|independent) journalism|become a (?:member|subscriber|supporter)|"
    r"we can help|contact us|get in touch|learn more|find out more|read more|also read|more on this|"
    r"listen to our|watch our|our podcast|send us your|share your (?:story|views|thoughts)|tip(?:s)? (?:line|to)|"
    r"free trial|unlimited access|log in to|create an account|register now|in your inbox|"
    r"recommended for you|you may also like|you might also like|don't miss)\b",
    _I,
)
# Calls to action that never belong to a news sentence, wherever they stand.
STRONG_PROMO = CuedPattern(re.compile(
    r"\b(?:sign up (?:for|to) (?:our|the)|subscribe (?:to our|now|today|to unlock|to continue|to read)|"
    r"our newsletters?|download (?:our|the) [\w ]{0,25}app\b|"
    r"click here|tap here|follow us|support (?:our|independent) journalism|become a (?:member|subscriber|supporter)|"
    r"free trial|unlimited access|in your inbox|recommended for you|you (?:may|might) also like|"
    r"newsletters? (?:may|might|will) contain|privacy notice:|privacy policy and terms)\b",
    _I,
), cues=(
    "sign up ", "subscribe ", "newsletter", "download ", "click here", "tap here", "follow us", "journalism",
    "become a ", "free trial", "unlimited access", "in your inbox", "recommended for you", "also like", "privacy ",
))
PROMO_LEAD = re.compile(
    r"^(?:read more|also read|read also|see also|related|watch|listen|recommended|more|video|podcast|gallery|"
    r"photos|in pictures|read)\s*[:|>»]", _I
)
# A short question aimed at the reader ("Seeking legal help?", "Got a tip?").
PROMO_QUESTION = re.compile(
    r"^(?:seeking|looking for|want|need|have|got|interested in|enjoy(?:ed|ing)?|like|do you|are you|"
    r"considering|thinking (?:of|about)|searching for|in need of|worried about)\b[^.!]{0,60}\?$",
    _I,
)
# About-us / legal footers.
FOOTER = CuedPattern(re.compile(
    r"\b(?:all rights reserved|copyright|provides news|news and information|(?:weekly|daily|monthly) audience|"
    r"byline|wire service|terms of (?:use|service)|privacy policy|cookie policy|trademark|"
    r"our mission|editorial (?:standards|independence|guidelines)|corrections policy|"
    r"about us|is (?:a|an) (?:[\w-]+ ){0,3}(?:news (?:organi[sz]ation|agency|website|outlet|service|network)|"
    r"media (?:organi[sz]ation|outlet|company|group|network)|broadcaster|publication|newspaper|news magazine)|"
    r"an earlier version of this|"
    r"journalists? (?:around|across) the world|in more than \d+ languages|this (?:article|story) "
    r"(?:was|has been) (?:updated|corrected|amended)|may not be (?:published|reproduced|redistributed)|"
    r"reproduction|without (?:prior )?(?:written )?permission|our (?:team|attorneys|lawyers|experts)|"
    r"trust principles|our standards|originally (?:published|appeared)|republished|"
    r"(?:published|broadcast|rewritten|redistributed)"
    r"(?:,? (?:or |and )?(?:published|broadcast|rewritten|redistributed))+)\b",
    _I,
), cues=(
    "all rights reserved", "copyright", "provides news", "news and information", "ly audience", "byline",
    "wire service", "terms of use", "terms of service", "privacy policy", "cookie policy", "trademark",
    "our mission", "editorial standards", "editorial independence", "editorial guidelines", "corrections policy",
    "about us", "news organi", "news agency", "news website", "news outlet", "news service", "news network",
    "media organi", "media outlet", "media company", "media group", "media network", "broadcast", "publication",
    "newspaper", "news magazine", "an earlier version of this", "journalist", "in more than ", "this article ",
    "this story ", "may not be ", "reproduction", "permission", "our team", "our attorneys", "our lawyers",
    "our experts", "trust principles", "our standards", "originally ", "published", "rewritten", "redistributed",
))
# An author's bio line: "Jane Roe is a Beirut-based journalist covering Syria and Lebanon."
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3} is (?:a|an|the) [^.]{0,60}\b(?:journalist|reporter|correspondent|writer|"
    r"editor|photographer|contributor|fellow|analyst)s?\b[^.]{0,80}\b(?:based|covering|covers|writes|reports on|"
    r"focus(?:es|ing)? on|specialis(?:es|ing)|specializ(?:es|ing))\b"
)
# Site machinery that is no part of any article: consent banners, browser notices, paywalls.
BOILERPLATE = CuedPattern(re.compile(
    r"\b(?:we use cookies|use of cookies|cookie (?:settings|preferences|policy|consent)|accept (?:all )?cookies|"
    r"manage (?:your )?(?:cookies|consent|preferences)|by continuing to (?:browse|use)|"
    r"(?:please )?enable javascript|javascript is (?:disabled|required)|your browser does not support|"
    r"(?:update|upgrade) your browser|ad ?blocker|not available in your (?:region|country)|"
    r"reached your (?:limit|maximum) of free|free articles? (?:left|remaining)|already a subscriber|"
    r"this (?:video|content|embed) (?:is|cannot be) (?:not )?(?:available|displayed|loaded)|"
    r"a version of this (?:article|story) (?:appears|appeared) in print|"
    r"this (?:article|story) (?:was|is) (?:originally|first) published (?:by|on|in)|"
    r"this (?:article|story) is republished from)",
    _I,
), cues=(
    "cookie", "manage ", "by continuing to ", "javascript", "your browser", "blocker", "not available in your ",
    "reached your ", "free article", "already a subscriber", "this video ", "this content ", "this embed ",
    "a version of this ", "this article ", "this story ",
))
# Second-person address (outside quotes) marks reader-directed text at a page's foot.
READER_ADDRESS = re.compile(r"\b(?:you|your|yours|yourself)\b", _I)
# Bounded spans: unbalanced quote marks must not make the scan quadratic.
_QUOTED = re.compile(r"\"[^\"]{0,600}\"|“[^”]{0,600}”|‘[^’]{0,600}’|«[^»]{0,600}»")
_MAX_CUE_CHARS = 5000
# Reporting verbs: captions rarely have them; article sentences often do.
REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|added|according to|stated|announced|reported|asked|warned|urged|urges|"
    r"insisted|noted|explained|argued|claimed|declared|wrote|quoted)\b", _I
)
# Finite past/future auxiliaries: typical of report sentences, rare in captions.
FINITE_AUX = re.compile(r"\b(?:was|were|had|has been|have been|did|would|will|could|should)\b", _I)
# Past tense outside adjectival use ("a destroyed home", "is carried" are caption-like; "groups welcomed" is not).
PAST_TENSE = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bA )(?<!\bAn )(?<!\bThe )(?<!\bis )(?<!\bare )(?<!ly )\b[a-z]{3,}ed\b|"
    r"\b(?:began|took|went|came|gave|left|met|held|won|lost|fought|led|sent|brought|found|became|struck|fled|fell|"
    r"broke|spoke|wrote|chose|drove|flew|shot|stood|told|said|made|sought|thought|knew|saw|got|ran|paid|kept|"
    r"expected to|plans? to|is to|are to|must|may|might|cannot|can't)\b",
)
# Verbs photo captions describe pictures with (present tense).
CAPTION_VERB = re.compile(
    r"\b(?:stand|walk|sit|wait|queue|look|hold|gather|speak|arrive|attend|ride|carr(?:y|ie)|rest|fire|rise|peer|pose|"
    r"gesture|talk|inspect|check|march|protest|mourn|pray|react|watch|cr(?:y|ie)|play|flee|run|shake|greet|leave|"
    r"enter|deliver|wave|lie|burn|sleep|search|clear|remove|help|receive|cast|vote|chant|shout|block|patrol|guard|"
    r"fly|flie|drive|sail|hug|embrace|kneel|salute|rally|rallie|clean|collect|distribute|cross|board|unload|load|"
    r"listen|meet|shake|sign|pass|smile|weep|celebrate|demonstrate|take part|work|dig|carry|paint|display)"
    r"(?:s|es)?\b|\b(?:is|are) (?:seen|pictured|shown)\b|\bpictured\b",
    _I,
)
# A caption often ends with where/when the picture was taken.
CAPTION_END_DATE = re.compile(
    rf"(?:,|\bon|\bin)\s+(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?:{MONTHS})\.?(?:\s+\d{{4}})?|"
    rf"\d{{4}})\.?$",
    _I,
)
PULL_ATTRIBUTION = re.compile(r"^[-–—~―]\s*\S.{0,120}$")
QUOTE_CHARS = "\"'“”‘’«»„‚"


def unquoted(text: str) -> str:
    """The text with quoted spans removed (so a quote's 'you' does not count as reader address)."""
    return _QUOTED.sub(" ", text[:_MAX_CUE_CHARS])


def has_agency(text: str) -> bool:
    return bool(_AGENCY.search(text))


# Every credit suffix has a closing bracket, a "|" or "/" separator, a "label:" or the word "credit";
# most article lines have none of these, and a regex anchored at the end costs a try at every position.
_CREDIT_SUFFIX_MARKS = ")]|/:"


def credit_suffix_start(line: str) -> int:
    """Where a photo/agency credit ending the line starts ('(AFP)', '(Photo: Reuters)', '| Getty Images'), or -1."""
    if not any(map(line.__contains__, _CREDIT_SUFFIX_MARKS)) and "credit" not in ascii_case_key(line):
        return -1
    m = CREDIT_SUFFIX.search(line)
    if m:
        return m.start()
    m = _CREDIT_PAREN.search(line)
    if not m:
        return -1
    inner = m.group(1).strip()
    # "(Reuters)", "(Al Jazeera)": one to three capitalised words and nothing sentence-like.
    words = inner.split()
    ok = 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and has_agency(inner)
    return m.start() if ok else -1


def credit_suffix(line: str) -> bool:
    return credit_suffix_start(line) >= 0


def captioned_credit(line: str) -> bool:
    """A caption with its credit attached: some words of description before the credit."""
    start = credit_suffix_start(line)
    return start >= 0 and captioned_at(line, start)


def captioned_at(line: str, credit_start: int) -> bool:
    """Some words of description stand before the credit that starts at ``credit_start``."""
    return len(line[:credit_start].split()) >= 3


def is_section_label(line: str) -> bool:
    key = " ".join(line.lower().strip(" .:|-–—»>").split())
    return key in SECTION_LABEL_SET
