"""All stance rules, run over every token of an article that could be a cue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from services.stances.doctext import columns_of, tokens_of
from services.stances.lexicon import Lexicon
from services.stances.relations import (
    alongside_cues,
    alongside_triples,
    hyphen_cues,
    hyphen_triples,
    noun_cues,
    noun_triples,
    regret_cues,
    regret_triples,
)
from services.stances.triples import (
    Context,
    Triple,
    label_cues,
    label_triples,
    urge_cues,
    urge_triples,
    verb_cues,
    verb_triples,
)


@dataclass(frozen=True)
class Rule:
    """A stance rule and the words (lemma or lowercase form) a token needs for it to fire at all."""

    find: Callable[[Context, Token], list[Triple]]
    cues: Callable[[Lexicon], frozenset[str]]
    reads_proposals: bool = False  # also fires on every named proposal ("Russia's draft")


RULES = (Rule(verb_triples, verb_cues), Rule(urge_triples, urge_cues), Rule(label_triples, label_cues),
         Rule(noun_triples, noun_cues, reads_proposals=True), Rule(hyphen_triples, hyphen_cues),
         Rule(alongside_triples, alongside_cues), Rule(regret_triples, regret_cues))
_CUE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})


def find_triples(ctx: Context) -> list[Triple]:
    """Every rule's triples, token by token; a rule runs only on the tokens that can be its cue."""
    rules = [(rule.find, rule.cues(ctx.lex), rule.reads_proposals) for rule in RULES]
    any_cue = frozenset().union(*(cues for _, cues, _ in rules))
    tokens, columns = tokens_of(ctx.doc), columns_of(ctx.doc)
    proposals = ctx.proposal_names
    lemmas, lowers = columns.lemma, columns.lower
    # The few tokens any rule can fire on, in text order.
    cue_positions = [i for i in sorted({*columns.with_word(any_cue), *proposals}) if columns.pos[i] in _CUE_POS]
    out: list[Triple] = []
    for i in cue_positions:
        tok = tokens[i]
        if tok.is_punct or tok.is_space:
            continue
        lemma, low, proposal = lemmas[i], lowers[i], i in proposals
        for find, cues, reads_proposals in rules:
            if lemma in cues or low in cues or (reads_proposals and proposal):
                out.extend(find(ctx, tok))
    return out
