"""All stance rules, run over every token of an article."""

from __future__ import annotations

from services.stances.relations import alongside_triples, hyphen_triples, noun_triples, regret_triples
from services.stances.triples import Context, Triple, label_triples, urge_triples, verb_triples

RULES = (verb_triples, urge_triples, label_triples, noun_triples, hyphen_triples, alongside_triples,
         regret_triples)


def find_triples(ctx: Context) -> list[Triple]:
    out: list[Triple] = []
    for tok in ctx.doc:
        if tok.is_punct or tok.is_space:
            continue
        if tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
            for rule in RULES:
                out.extend(rule(ctx, tok))
    return out
