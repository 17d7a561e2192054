"""The inlined shingle hashing, 3-shingles and the word-count shortcut give the answers they replaced."""

from __future__ import annotations

import random
import re

import numpy as np
from datasketch import MinHash

from services.normaliser import dedup

_WORDS = ["Talks", "resume", "in", "Geneva", "on", "Monday", "the", "envoy", "said", "ceasefire", "İstanbul",
          "straße", "naïve", "2024", "UN's", "—", "co-operate"]


def _random_text(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 40)))


def test_three_shingles_match_the_generic_slices() -> None:
    rng = random.Random(3)
    for _ in range(2000):
        text = _random_text(rng)
        words = re.findall(r"\w+", text.lower())
        want = ({" ".join(words[i:i + 3]).encode("utf-8") for i in range(len(words) - 2)} if len(words) >= 3
                else ({" ".join(words).encode("utf-8")} if words else set()))
        assert dedup.shingles(text) == want


def test_minhash_matches_datasketch_default_hashing() -> None:
    rng = random.Random(5)
    for _ in range(200):
        items = dedup.shingles(_random_text(rng))
        reference = MinHash(num_perm=dedup.NUM_PERM, seed=dedup._SEED, scheme=dedup._SCHEME)
        if items:
            reference.update_batch(list(items))
        assert np.array_equal(dedup.minhash_of(items).hashvalues, reference.hashvalues)


def test_word_count_ascii_shortcut_counts_as_before() -> None:
    from services.normaliser.textclean import _UNSPACED, word_count

    for text in ["", "Talks resume in Geneva.", "  two words ", "東京で会談 Tokyo talks", "ภาษาไทย text", "naïve café"]:
        assert word_count(text) == len(text.split()) + len(_UNSPACED.findall(text)) // 2
