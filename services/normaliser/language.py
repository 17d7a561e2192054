"""Language identification with lingua, restricted to common news languages.

The detector is built once per process, lazily, in low-accuracy mode
(trigram models only: ~45 MB and a few milliseconds per article; on texts
of article length it is as accurate as the full mode). When lingua cannot
decide, a stop-word vote over jusText's stoplists decides; when that finds
nothing either, the language is unknown (``None``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import justext
from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

# ISO 639-1 codes lingua chooses between (the languages most news is written in).
LANGUAGES: tuple[str, ...] = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "ar", "zh", "ja", "ko", "tr", "pl", "fa", "hi",
    "sv", "he", "el", "id", "ro", "cs", "hu", "da", "fi", "nb", "vi", "bn", "ur", "sw",
)
# jusText stoplist names for the stop-word fallback and the paragraph classifier.
STOPLIST_NAMES: dict[str, str] = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "tr": "Turkish", "pl": "Polish",
    "fa": "Persian", "hi": "Hindi", "sv": "Swedish", "he": "Hebrew", "el": "Greek", "id": "Indonesian",
    "ro": "Romanian", "cs": "Czech", "hu": "Hungarian", "da": "Danish", "fi": "Finnish", "nb": "Norwegian_Bokmal",
    "vi": "Vietnamese", "bn": "Bengali", "ur": "Urdu", "sw": "Swahili", "ko": "Korean",
}
_SAMPLE_CHARS = 1000  # enough for a confident call; detection costs grow with the sample (~0.9 ms here)
# A first look at a shorter sample (~0.35 ms): most articles are settled there with certainty,
# and only the others pay for the full sample. (An article that opens in one language and quotes
# another at length may so read as certain where the full sample said 0.99.)
_FIRST_LOOK_CHARS = 400
_MIN_CONFIDENCE = 0.2
_LETTER = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    codes = [getattr(IsoCode639_1, c.upper()) for c in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


@lru_cache(maxsize=64)
def stopwords(language: str) -> frozenset[str]:
    """jusText's stoplist for a language code; empty when there is none."""
    name = STOPLIST_NAMES.get(language)
    if name is None:
        return frozenset()
    return frozenset(justext.get_stoplist(name))


def has_letters(text: str) -> bool:
    return bool(_LETTER.search(text))


def _stopword_vote(text: str) -> tuple[str, float] | None:
    words = [w.lower() for w in _WORDS.findall(text[:_SAMPLE_CHARS])]
    if not words:
        return None
    best, best_hits = "", 0
    for code in STOPLIST_NAMES:
        hits = sum(1 for w in words if w in stopwords(code))
        if hits > best_hits:
            best, best_hits = code, hits
    if best_hits == 0:
        return None
    return best, min(0.5, best_hits / len(words))


def identify(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, confidence) of the text, or None when no language can be identified."""
    if not has_letters(text):
        return None
    if len(text) > _FIRST_LOOK_CHARS:
        values = detector().compute_language_confidence_values(text[:_FIRST_LOOK_CHARS])
        if values and round(float(values[0].value), 3) == 1.0:
            return values[0].language.iso_code_639_1.name.lower(), 1.0
    sample = text[:_SAMPLE_CHARS]
    values = detector().compute_language_confidence_values(sample)
    if values and values[0].value >= _MIN_CONFIDENCE:
        top = values[0]
        return top.language.iso_code_639_1.name.lower(), round(float(top.value), 3)
    return _stopword_vote(sample)
