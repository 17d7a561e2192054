"""Evidence sentences cut from the doc's known text read as the Spans they stand for."""

from __future__ import annotations

from spacy.tokens import Doc

from services.common.nlp import load_nlp
from services.common.parse import known_text, remember_text
from services.events.process import paragraph_clip

TEXT = (
    "Rebels shelled the town\n\nRussia and China vetoed the resolution on Monday. The envoy said\n"
    "talks would resume.\n \nGovernment forces recaptured two villages near the border, officials said.\n\n\nEnd"
)


def _doc() -> Doc:
    return load_nlp()(TEXT)


def test_clips_with_the_known_text_equal_the_spans() -> None:
    plain, known = _doc(), _doc()
    remember_text(known, known.text)
    assert known_text(plain) is None and known_text(known) == TEXT
    for tok in known:
        span, clip = paragraph_clip(plain[tok.i]), paragraph_clip(tok)
        assert (clip.start, clip.end) == (span.start, span.end)
        assert (clip.text, clip.start_char, clip.end_char) == (span.text, span.start_char, span.end_char)
        assert clip == known[span.start:span.end]
