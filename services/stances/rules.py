"""All stance rules, run over every token of an article that could be a cue."""

from __future__ import annotations

from collections.abc import Callable

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

Rule = Callable[[Context, Token], list[Triple]]

RULES: tuple[Rule, ...] = (verb_triples, urge_triples, label_triples, noun_triples, hyphen_triples,
                           alongside_triples, regret_triples)
# Per rule, the words (lemma or lowercase form) a token needs for the rule to fire at all.
RULE_CUES: tuple[Callable[[Lexicon], frozenset[str]], ...] = (verb_cues, urge_cues, label_cues, noun_cues,
                                                              hyphen_cues, alongside_cues, regret_cues)
_CUE_POS = ("VERB", "AUX", "ADJ", "NOUN", "PROPN")


def cue_words(lex: Lexicon) -> frozenset[str]:
    """The words any rule can fire on."""
    return frozenset().union(*(cues(lex) for cues in RULE_CUES))


def find_triples(ctx: Context) -> list[Triple]:
    cues = cue_words(ctx.lex)
    tokens, columns = tokens_of(ctx.doc), columns_of(ctx.doc)
    out: list[Triple] = []
    for i, (pos, lemma, low) in enumerate(zip(columns.pos, columns.lemma, columns.lower, strict=True)):
        # Most tokens are no rule's cue; noun_triples also reads every named proposal ("Russia's draft").
        if pos not in _CUE_POS or (lemma not in cues and low not in cues and i not in ctx.proposal_names):
            continue
        tok = tokens[i]
        if tok.is_punct or tok.is_space:
            continue
        for rule in RULES:
            out.extend(rule(ctx, tok))
    return out
