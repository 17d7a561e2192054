"""Keep the parse inside paragraphs.

The model sometimes runs a sentence across a blank line (a headline or
standfirst without a full stop glued to the first paragraph). Speakers and
stance holders never reach across a paragraph break, so the carried parse is
cut there before the Doc is rebuilt: a token whose head lies in another
paragraph is re-attached inside its own paragraph (a noun phrase left
before a verb that lost its subject becomes that subject), and each
paragraph starts a sentence.
"""

from __future__ import annotations

from itertools import compress

import numpy

from schemas.models import SENT_START_BIT, WORD_ROW, Parse


def paragraph_ids(parse: Parse) -> numpy.ndarray:
    """Paragraph number of each token; a whitespace token holding a newline closes a paragraph."""
    strings = parse.strings
    # Only a few distinct strings are whitespace: each is looked at once, not once per token.
    closing = numpy.zeros(len(strings), dtype=bool)
    closing[[k for k in compress(range(len(strings)), map(str.isspace, strings)) if "\n" in strings[k]]] = True
    closes = closing[parse.index_array[WORD_ROW]]
    return numpy.cumsum(closes) - closes


def cut_at_paragraphs(parse: Parse) -> Parse:
    """A copy of ``parse`` whose dependency arcs and sentences stay within paragraphs."""
    para_array = paragraph_ids(parse)
    crossing = para_array[parse.head_array] != para_array
    unmarked_start = (para_array[1:] != para_array[:-1]) & (parse.flag_array[1:] & SENT_START_BIT == 0)
    if not crossing.any() and not unmarked_start.any():
        return parse  # most parses: nothing to cut
    paras = para_array.tolist()
    heads = list(parse.heads)
    deps = list(parse.deps)
    starts = list(parse.sent_starts)
    changed = False
    for i, h in enumerate(heads):
        if paras[h] != paras[i]:
            heads[i], deps[i] = i, "ROOT"
            changed = True
    if changed:
        _reattach(parse, paras, heads, deps)
    for i in range(1, len(paras)):
        if paras[i] != paras[i - 1] and not starts[i]:
            starts[i] = True
            changed = True
    if not changed:
        return parse
    return parse.with_syntax(heads=heads, deps=deps, sent_starts=starts)


def _reattach(parse: Parse, paras: list[int], heads: list[int], deps: list[str]) -> None:
    """Within each paragraph, hang stray roots on the paragraph's verb root."""
    roots: dict[int, list[int]] = {}
    for i, h in enumerate(heads):
        if h == i and parse.words[i].strip():
            roots.setdefault(paras[i], []).append(i)
    for rs in roots.values():
        if len(rs) < 2:
            continue
        verbs = [r for r in rs if parse.pos[r] in ("VERB", "AUX")]
        if not verbs:
            continue
        main = verbs[0]
        has_subj = any(heads[j] == main and deps[j].startswith("nsubj")
                       for j in paragraph_tokens(paras, main) if j != main)
        for r in rs:
            if r == main or r in verbs[1:]:
                continue
            if not has_subj and r < main and parse.pos[r] in ("NOUN", "PROPN", "PRON"):
                heads[r], deps[r] = main, "nsubj"
                has_subj = True
            else:
                heads[r], deps[r] = main, "dep"


def paragraph_tokens(paras: list[int], i: int) -> range:
    """Token indices of the paragraph holding token i."""
    start = i
    while start > 0 and paras[start - 1] == paras[i]:
        start -= 1
    end = i
    while end + 1 < len(paras) and paras[end + 1] == paras[i]:
        end += 1
    return range(start, end + 1)
