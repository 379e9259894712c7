"""spaCy entity label sets the components share."""

from __future__ import annotations

# Entities that name someone who can act or speak: a person, an organisation, a nationality or
# group, a country or city standing for its government.
NAME_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
