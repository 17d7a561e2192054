"""Small general word lists the entity rules use (English news style; no article-specific names)."""

from __future__ import annotations

# Personal titles and offices that precede a name; stripped from PERSON mentions,
# and evidence that what follows is a person.
TITLES: frozenset[str] = frozenset({
    "president", "vice-president", "vice", "prime", "minister", "premier", "chancellor", "secretary",
    "secretary-general", "general", "gen", "gen.", "lt", "lt.", "col", "col.", "colonel", "major", "maj",
    "captain", "capt", "commander", "admiral", "sergeant", "sgt", "lieutenant", "marshal", "brigadier",
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "foreign", "defence", "defense",
    "interior", "finance", "deputy", "senator", "sen", "sen.", "rep", "rep.", "representative", "governor",
    "gov", "gov.", "mayor", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope",
    "cardinal", "archbishop", "bishop", "rev", "rev.", "reverend", "father", "imam", "ayatollah", "rabbi",
    "judge", "justice", "dr", "dr.", "doctor", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "miss", "sir", "dame", "lord", "lady", "chairman", "chairwoman", "chair", "chief", "director",
    "head", "leader", "speaker", "commissioner", "counsellor", "adviser", "advisor", "official", "officer",
    "activist", "coordinator", "attorney", "prosecutor", "inspector", "superintendent",
    "state", "of", "the", "former", "late", "acting", "interim", "new", "permanent", "special", "senior",
    "top", "president-elect", "field", "supreme", "grand", "crown", "first",
})

# Titles that, alone, make a following capitalised name a person.
STRONG_TITLES: frozenset[str] = frozenset({
    "president", "minister", "premier", "chancellor", "secretary", "secretary-general", "general", "gen",
    "gen.", "colonel", "col.", "ambassador", "envoy", "spokesman", "spokeswoman", "senator", "sen.",
    "governor", "mayor", "king", "queen", "prince", "emir", "sheikh", "pope", "judge", "dr", "dr.", "mr",
    "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "commander", "chairman", "director", "president-elect",
    "spokesperson", "ayatollah", "imam", "rep.", "lt.", "capt", "captain", "professor", "prof.",
})

# Arabic and European name particles: kept inside names, ignored when comparing surnames.
NAME_PARTICLES: frozenset[str] = frozenset({
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "bint", "de", "da", "di", "du", "del",
    "della", "der", "van", "von", "le", "la", "dos", "das", "ben",
})

# Lower-case words that may open a name ("al-Nusra Front", "bin Salman", "de Mistura").
LOWER_NAME_STARTS: frozenset[str] = frozenset({"al", "el", "ad", "as", "ash", "bin", "ibn", "de", "van", "von",
                                               "da", "di", "du", "le", "la", "ben"})

# Nouns for kinds of places: "the town of X", "X province", "districts of X and Y".
PLACE_NOUNS: frozenset[str] = frozenset({
    "town", "city", "village", "district", "neighbourhood", "neighborhood", "province", "governorate",
    "region", "area", "suburb", "camp", "county", "municipality", "quarter", "hamlet", "valley", "island",
    "islands", "port", "capital", "border", "crossing", "settlement", "enclave", "countryside", "outskirts",
    "prefecture", "oblast", "state", "township", "locality", "base", "airport", "mountains", "river", "lake",
    "desert", "coast", "peninsula", "strip", "bay", "gulf", "sea", "commune", "department", "territory",
})

# Place nouns that may follow a place name as part of how it is written ("Hama province"):
# dropped when comparing names so the short and long forms merge.
PLACE_SUFFIXES: frozenset[str] = frozenset({"province", "governorate", "city", "region", "district", "county",
                                            "prefecture", "oblast", "municipality"})

# Compass words before a place name ("east Aleppo", "Eastern Ukraine"): same place for our purpose.
DIRECTION_WORDS: frozenset[str] = frozenset({
    "east", "eastern", "west", "western", "north", "northern", "south", "southern", "central", "northeast",
    "northeastern", "northwest", "northwestern", "southeast", "southeastern", "southwest", "southwestern",
    "greater", "rural", "downtown", "inner", "outer", "upper", "lower",
})

# Prepositions that put a name in place position ("in X", "near X").
LOCATIVE_PREPS: frozenset[str] = frozenset({"in", "near", "outside", "around", "across", "into", "inside", "at",
                                            "throughout", "towards", "toward", "to", "within", "nearby"})

# Common first words of Arabic/Levantine place names (general toponymy: village, hill, monastery...).
TOPONYM_PREFIXES: frozenset[str] = frozenset({
    "kafr", "kfar", "tal", "tell", "tel", "deir", "dayr", "ain", "ein", "beit", "bayt", "khan", "jabal", "jebel",
    "wadi", "ras", "bir", "bab", "jisr", "maarat", "qasr", "hay", "souq", "mazraat", "marj", "sahl", "arab", "umm",
})

# Words that mark an organisation when they end (or head) a capitalised name.
ORG_WORDS: frozenset[str] = frozenset({
    "army", "front", "brigade", "brigades", "battalion", "movement", "party", "group", "forces", "force",
    "militia", "council", "committee", "commission", "ministry", "department", "agency", "office", "bureau",
    "society", "association", "union", "league", "federation", "alliance", "coalition", "organisation",
    "organization", "institute", "foundation", "fund", "trust", "watch", "observatory", "court", "tribunal",
    "university", "college", "school", "hospital", "church", "bank", "corporation", "company", "corp",
    "inc", "ltd", "network", "news", "press", "times", "post", "media", "television", "radio", "guard",
    "corps", "police", "parliament", "assembly", "congress", "senate", "cabinet", "government", "authority",
    "administration", "service", "services", "initiative", "mission", "centre", "center", "program",
    "programme", "board", "directorate", "command", "crescent", "cross", "rights", "international",
    "businesses", "club", "academy", "secretariat", "embassy", "consulate", "regime",
})

# Nouns after a name that make it an organisation ("the X rebel group").
ORG_FOLLOWERS: frozenset[str] = frozenset({"group", "movement", "militia", "faction", "brigade", "party",
                                          "organisation", "organization", "alliance", "coalition", "network"})

# Sentence-initial or stray capitalised words that are never names on their own.
NOT_NAMES: frozenset[str] = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "god", "i", "we", "he", "she", "they", "it", "this", "that", "these", "those", "but", "and", "or",
    "western", "eastern", "northern", "southern", "state", "government", "regime", "rebels", "opposition",
    # Time zones and common abbreviations that are not names ("19:45 GMT", "MPs voted").
    "gmt", "utc", "bst", "cet", "cest", "edt", "est", "pdt", "pst", "mp", "mps",
})

# Words that, in front of a plural demonym, make it a population, not a state ("thousands of Syrians").
POPULATION_WORDS: frozenset[str] = frozenset({
    "thousands", "hundreds", "millions", "dozens", "many", "some", "most", "few", "several", "ordinary",
    "fellow", "young", "displaced", "civilians", "all", "other", "million", "thousand", "hundred",
})

# Arabic words that name armed groups and movements ("Jaish" army, "Jabhat" front, "Liwa" brigade).
ARABIC_ORG_WORDS: frozenset[str] = frozenset({
    "jabhat", "jaish", "jaysh", "harakat", "liwa", "kataib", "katibat", "ansar", "hizb", "tanzim",
    "majlis", "faylaq", "saraya", "ahrar", "jund", "hashd",
})
