"""Exact and near-duplicate detection. FIRST VERSION (exact only): issue 3 adds MinHash/LSH."""

from __future__ import annotations


class DuplicateIndex:
    """Remembers content hashes; state is a plain dict so a Faust table can hold it."""

    def __init__(self) -> None:
        self._by_hash: dict[str, str] = {}

    def check_and_add(self, article_id: str, content_hash: str, text: str, at: float) -> tuple[str | None, float | None]:
        """(id of an earlier article with the same or nearly the same content, similarity) or (None, None)."""
        first = self._by_hash.setdefault(content_hash, article_id)
        if first != article_id:
            return first, 1.0
        return None, None
