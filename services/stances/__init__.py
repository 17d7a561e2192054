"""The stance stage: who said what, and who stands where on whom.

- ``process.find_stances``: the stage function (pure; rebuilds the carried parse).
- ``quotemarks``: pairs quotation marks in plain text (apostrophes and unbalanced marks handled).
- ``quotes``: attributes direct quotes to speakers; ``reported``: reported speech.
- ``actors``: entities, non-entity actors, pronouns and relative pronouns resolved in discourse.
- ``proposals``: consistent names for the proposals acted on ("resolution", "draft resolution").
- ``triples``: holders/targets and the verb rules (votes, speech acts, calls, labels);
  ``relations``: noun and modifier rules (nominal acts, alliances, hostility, "X-backed");
  ``rules``: runs them all; ``syntax``: small dependency-tree helpers.
- ``evaluation``: a speaker's judgement of what a quote is about (lexicon + VADER + syntax).
- ``tone``: per-entity tone; ``paragraphs``: keeps the parse inside paragraphs.
- ``lexicon.yaml``: every cue list, as data.
"""
