"""Exact and near-duplicate detection over a sliding time window.

- Exact: the same content hash under another article id -> (first id, 1.0);
  the pipeline then marks the copy ``skipped="duplicate"``.
- Near: MinHash (128 permutations, word 3-shingles) with MinHashLSH for
  candidates (LSH at a lower threshold than the decision, so few near
  copies are missed), then the estimated similarity decides: the larger of
  Jaccard and containment (a trimmed wire copy is contained in the full
  one). At or above ``threshold`` -> (earlier id, similarity < 1.0): linked
  but still analysed.
- Redelivery: the same article id with the same content gets the answer it
  got the first time (processed again identically); the same id with new
  content replaces the old entry.
- Entries older than ``window_s`` (relative to the newest article's time)
  are forgotten; at most ``max_entries`` are kept, oldest evicted first.
- State per article is plain JSON-able data (``entry_for`` / ``restore``)
  so a Faust table can hold it for recovery after a restart.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha1
from typing import Any, Literal

import numpy as np
from datasketch import MinHash, MinHashLSH

from services.common.config import Settings
from services.normaliser.textclean import word_runs

NUM_PERM = 128
SHINGLE = 3
_SEED = 1
_SCHEME: Literal["affine32"] = "affine32"  # fixed, so saved hash values restore into the same scheme
_LSH_THRESHOLD = 0.4  # candidates; the decision is made on the estimated similarity
_NEAR_CAP = 0.999  # a near copy never reports 1.0: that value means an exact copy
_SHA1_WORDS = 5  # a SHA-1 digest is five 32-bit words


@dataclass
class _Entry:
    article_id: str
    content_hash: str
    at: float
    minhash: MinHash
    shingles: int
    duplicate_of: str | None = None
    similarity: float | None = None


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased word k-shingles; a text shorter than k words is one shingle."""
    words = word_runs(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    if k == 3:  # the shingle size used here: three zipped columns instead of a slice and a join per shingle
        return {f"{a} {b} {c}".encode() for a, b, c in zip(words, words[1:], words[2:], strict=False)}
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The permutation parameters of every MinHash here, drawn from the seed once (drawing them
    anew for each article cost about as much as hashing its shingles)."""
    return np.asarray(MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations)


def _empty_minhash(hashvalues: np.ndarray | None = None) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, hashvalues=hashvalues, permutations=_permutations())


def sha1_hash32_all(items: Iterable[bytes]) -> list[int]:
    """datasketch's default ``sha1_hash32`` of every item (the first four SHA-1 bytes, little-endian),
    without a Python function call per shingle: the digests are joined and their first words read
    in one numpy step (slicing and converting each digest in Python cost a third of the hashing)."""
    digests = b"".join([sha1(item).digest() for item in items])
    words: list[int] = np.frombuffer(digests, dtype="<u4")[::_SHA1_WORDS].tolist()
    return words


def minhash_of(items: set[bytes]) -> MinHash:
    # Hashed here in one pass; the MinHash then takes the hash values as they are (``int`` is its hash).
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, permutations=_permutations(), hashfunc=int)
    if items:
        m.update_batch(sha1_hash32_all(items))
    return m


def similarity(a: MinHash, a_size: int, b: MinHash, b_size: int) -> float:
    """Estimated max(Jaccard, containment of the smaller set in the larger)."""
    jaccard = float(a.jaccard(b))
    if a_size <= 0 or b_size <= 0:
        return jaccard
    inter = jaccard * (a_size + b_size) / (1.0 + jaccard)
    return max(jaccard, min(1.0, inter / min(a_size, b_size)))


class DuplicateIndex:
    """Remembers recent articles; answers whether a new one copies one of them."""

    def __init__(self, threshold: float = 0.8, window_s: float = 7 * 24 * 3600, max_entries: int = 50_000,
                 lsh_threshold: float | None = None) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.window_s = window_s
        self.max_entries = max(1, max_entries)
        self._lsh_threshold = lsh_threshold if lsh_threshold is not None else min(_LSH_THRESHOLD, threshold)
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._by_hash: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=self._lsh_threshold, num_perm=NUM_PERM)
        self._newest = float("-inf")

    @classmethod
    def from_settings(cls, settings: Settings) -> DuplicateIndex:
        """An index with the configured threshold and window (NEWSSTREAM_NEAR_DUPLICATE_THRESHOLD, _DEDUP_WINDOW_S)."""
        return cls(threshold=settings.near_duplicate_threshold, window_s=settings.dedup_window_s)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    # ----- queries -------------------------------------------------------

    def check_and_add(
        self, article_id: str, content_hash: str, text: str, at: float
    ) -> tuple[str | None, float | None]:
        """(id of an earlier article with the same or nearly the same content, similarity) or (None, None)."""
        self._expire(at)
        old = self._entries.get(article_id)
        if old is not None:
            if old.content_hash == content_hash:
                return old.duplicate_of, old.similarity  # a redelivery: the same answer as before
            self._remove(article_id)  # the article was updated: judge the new content afresh
        first = self._by_hash.get(content_hash)
        if first is not None and first != article_id and self._entries[first].at >= self._cutoff():
            return first, 1.0
        items = shingles(text)
        mh = minhash_of(items)
        dup, sim = self._nearest(mh, len(items))
        self._add(_Entry(article_id, content_hash, at, mh, len(items), dup, sim))
        return dup, sim

    def _nearest(self, mh: MinHash, size: int) -> tuple[str | None, float | None]:
        best: tuple[float, str] | None = None
        for key in self._lsh.query(mh):
            other = self._entries.get(key)
            if other is None or other.at < self._cutoff():
                continue
            sim = similarity(mh, size, other.minhash, other.shingles)
            if sim >= self.threshold and (best is None or sim > best[0] or (sim == best[0] and key < best[1])):
                best = (sim, key)
        if best is None:
            return None, None
        return best[1], round(min(best[0], _NEAR_CAP), 3)

    # ----- state -----------------------------------------------------------

    def _add(self, entry: _Entry) -> None:
        self._entries[entry.article_id] = entry
        self._by_hash.setdefault(entry.content_hash, entry.article_id)
        self._lsh.insert(entry.article_id, entry.minhash, check_duplication=False)
        self._newest = max(self._newest, entry.at)
        while len(self._entries) > self.max_entries:
            self._remove(next(iter(self._entries)))

    def _remove(self, article_id: str) -> None:
        entry = self._entries.pop(article_id, None)
        if entry is None:
            return
        if self._by_hash.get(entry.content_hash) == article_id:
            del self._by_hash[entry.content_hash]
        if article_id in self._lsh:
            self._lsh.remove(article_id)

    def _cutoff(self) -> float:
        return self._newest - self.window_s

    def _expire(self, now: float) -> None:
        """Forget from the oldest end; an out-of-order old entry further in is skipped by lookups."""
        self._newest = max(self._newest, now)
        cutoff = self._cutoff()
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            if entry.at >= cutoff:
                break
            self._remove(key)

    def entry_for(self, article_id: str) -> dict[str, Any] | None:
        """The JSON-able state kept for one article (None when not remembered)."""
        e = self._entries.get(article_id)
        if e is None:
            return None
        return {
            "article_id": e.article_id, "content_hash": e.content_hash, "at": e.at,
            "minhash": [int(v) for v in e.minhash.hashvalues], "shingles": e.shingles,
            "duplicate_of": e.duplicate_of, "similarity": e.similarity,
        }

    def entries(self) -> list[dict[str, Any]]:
        """Every remembered article's state, oldest first."""
        return [d for k in self._entries if (d := self.entry_for(k)) is not None]

    def restore(self, entries: Iterable[dict[str, Any]]) -> None:
        """Load states saved with ``entry_for`` (e.g. from a Faust table after a restart)."""
        for d in sorted(entries, key=lambda x: float(x.get("at", 0.0))):
            values = d.get("minhash")
            if not isinstance(values, list) or len(values) != NUM_PERM:
                continue  # a malformed or foreign record: skip it rather than fail the restart
            mh = _empty_minhash(np.array(values, dtype=np.uint64))
            aid = str(d["article_id"])
            self._remove(aid)
            self._add(_Entry(aid, str(d["content_hash"]), float(d["at"]), mh, int(d.get("shingles", 0)),
                             d.get("duplicate_of"), d.get("similarity")))
        self._expire(self._newest)
