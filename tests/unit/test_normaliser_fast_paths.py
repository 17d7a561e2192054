"""The normaliser's shortcuts give exactly what the slower general code gives."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest
from datasketch import MinHash

from services.normaliser import dates, dedup, patterns


@pytest.mark.parametrize("text", [
    "27 June 2025", "1st Dec. 2016", "6 December, 2016", "December 6, 2016", "Sept 30 2019", "feb 29, 2024",
])
def test_spelled_dates_read_as_dateparser_reads_them(text: str) -> None:
    fast = dates._spelled_date(text)
    assert fast is not None
    for order in ("DMY", "MDY"):  # either day order
        slow = dates._dateparser().parse(text, languages=["en"], settings=dates._settings(order))
        assert slow == fast, (text, order)


@pytest.mark.parametrize("text", ["31 June 2025", "29 Feb 2023", "06.12.2016", "27  June 2025", "27 June 2025 14:02"])
def test_other_date_shapes_are_left_to_dateparser(text: str) -> None:
    assert dates._spelled_date(text) is None


def test_date_line_with_time_keeps_its_time() -> None:
    assert dates.parse_date_line("Updated 5 Dec 2016 14:02 GMT") == datetime(2016, 12, 5, 14, 2).isoformat()
    assert dates.parse_date_line("27 June 2025") == "2025-06-27"


def test_shared_permutations_give_datasketch_hash_values() -> None:
    items = {f"word{i} and more".encode() for i in range(200)}
    plain = MinHash(num_perm=dedup.NUM_PERM, seed=dedup._SEED, scheme=dedup._SCHEME)
    plain.update_batch(list(items))
    assert np.array_equal(dedup.minhash_of(items).hashvalues, plain.hashvalues)
    assert dedup.minhash_of(items).jaccard(plain) == 1.0


def test_captioned_at_matches_captioned_credit() -> None:
    for line in ("Delegates vote in Geneva (Reuters)", "Vote (Reuters)", "No credit here at all."):
        start = patterns.credit_suffix_start(line)
        assert patterns.captioned_credit(line) == (start >= 0 and patterns.captioned_at(line, start))
