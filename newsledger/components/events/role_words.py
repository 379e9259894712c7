"""Word classes that decide whether a mention can fill an event role (data/role_words.tsv):
prepositions that set a time frame ("following the deaths of two Israelis": not this event's
parties), adversative prepositions ("the war against Ukraine": no beneficiary); and the words
that name a party without naming who it is (data/unnamed.tsv)."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import role_words, unnamed_table

_PEOPLE_ROLES = ("crowd", "attacker", "state", "victim")


def words(name: str) -> frozenset:
    """The class's entries, lower-cased (categories and sectors too: "mobilize", "mil")."""
    return role_words().get(name, frozenset())


@lru_cache(maxsize=1)
def people_nouns() -> frozenset:
    """Lemmas that name people by what they are, not who ("demonstrators", "gunmen", "police")."""
    return frozenset(w for role in _PEOPLE_ROLES for w in unnamed_table().get(role, {}))
