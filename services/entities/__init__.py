"""Entity stage: one entry per real-world entity, correctly typed, with every mention.

Flow (all pure, no I/O): ``process.tag_entities(article, doc)`` ->
``mentions.extract_candidates`` (spaCy's entities cleaned; names it missed from the gazetteer,
proper-noun runs and repeats; datelines, credits, captions and page furniture skipped) ->
``aliases.cluster_mentions`` (merge rules) -> ``retype.cluster_type`` -> ``ids.entity_id_for``
and ``salience.salience``.

Decisions:
- Demonyms ("Russian", "Syrians") are mentions of their country (type GPE), except a plural used
  for a population ("thousands of Syrians", "two Russians"), which stays a NORP group of people.
  Ethnic and religious groups ("Kurdish", "Shia") stay NORP.
- A capital acting (subject, object, agent, possessor, "talks with Washington") is its country;
  a capital as a place ("in Moscow", "visited Moscow", "Moscow airport") is the city (its own
  entity). "Brussels" acting is the EU.
- Ids: Wikidata QIDs for countries and well-known organisations (``data/*.txt``), else
  ``person:<name words without al-/bin/de>``, ``org:<slug>``, ``gpe:<slug>`` (all places),
  ``norp:<slug>``: the same in every article.
- Salience: 0.5 x mentions relative to the most mentioned entity + 0.25 headline + 0.25 lede.

Other stages resolve text to entities with ``resolve.EntityResolver`` / ``resolve.ref_at`` /
``resolve.ref_for_text``.
"""
