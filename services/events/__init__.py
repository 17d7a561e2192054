"""Event stage: PLOVER events from the carried parse, and cross-outlet stories.

- ``verbs.yaml``: the verb/noun dictionary (data, extend it); ``lexicon.py`` loads it once.
- ``coder.py``: triggers and roles over the dependency tree (``syntax.py`` helpers,
  ``refs.py`` for entities, groups, pronouns); ``flags.py`` negated/hypothetical/future;
  ``dates.py`` dates against the publication date; ``quantities.py`` counts.
- ``process.py``: ``code_events`` (one article -> its events, deduplicated, deterministic ids).
- ``stories.py``: ``StoryIndex`` (articles -> stories; JSON-able state for a table).
"""
