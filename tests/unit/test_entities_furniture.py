"""skipped_spans tries its line patterns at line starts only: the same spans as finditer."""

from __future__ import annotations

import random

from services.entities import furniture
from services.entities.furniture import _line_matches

_PIECES = ["BEIRUT — ", "Paris (AFP) -- ", "By Jane Smith\n", "Reporting by X; Editing by Y\n", "\n", "\n\n",
           "Photo: Reuters\n", "Most Read", "The end.", "MOSCOW, Dec 5 (AFP) - ", "Word ", "a caption (AFP)\n",
           "  ", "John contributed to this report\n", "\u00a9 x\n", "UNITED NATIONS (Reuters) -\n"]


def test_line_matches_are_finditers() -> None:
    rnd = random.Random(3)
    patterns = [furniture._DATELINE, furniture._AGENCY_DATELINE, furniture._CREDIT_LINE, furniture._CAPTION_LINE]
    for _ in range(3000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 12)))
        line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        for pattern in patterns:
            assert _line_matches(pattern, text, line_starts) == [m.span() for m in pattern.finditer(text)], text
