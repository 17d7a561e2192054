"""names_of: strings of a hash-id column, remembered across calls."""

from __future__ import annotations

import numpy

from services.common.parse import names_of


def test_names_looks_up_only_new_ids() -> None:
    looked_up: list[int] = []

    def name(h: int) -> str:
        looked_up.append(h)
        return f"w{h}"

    known: dict[int, str] = {}
    assert names_of(numpy.array([3, 1, 3], dtype=numpy.uint64), name, known) == ["w3", "w1", "w3"]
    assert sorted(looked_up) == [1, 3]
    assert names_of(numpy.array([1, 7], dtype=numpy.uint64), name, known) == ["w1", "w7"]
    assert sorted(looked_up) == [1, 3, 7]
    assert names_of(numpy.array([], dtype=numpy.uint64), name, known) == []
