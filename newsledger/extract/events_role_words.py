"""Word classes that decide whether a mention can fill an event role (lexicons/events_role_words.tsv):
prepositions that set a time frame ("following the deaths of two Israelis": not this event's
parties), adversative prepositions ("the war against Ukraine": no beneficiary); and the words
that name a party without naming who it is (lexicons/events_unnamed.tsv)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "events_role_words.tsv"
UNNAMED = Path(__file__).resolve().parent.parent / "lexicons" / "events_unnamed.tsv"
_PEOPLE_ROLES = ("crowd", "attacker", "state", "victim")


@lru_cache(maxsize=1)
def role_words(path: Path = LEXICON) -> dict[str, frozenset]:
    classes: dict[str, set] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise ValueError(f"{path.name}:{n}: expected class, word, reason (tab-separated), got {len(cols)} columns")
        classes.setdefault(cols[0].strip(), set()).add(cols[1].strip().lower())
    return {name: frozenset(words) for name, words in classes.items()}


def words(name: str) -> frozenset:
    """The class's entries, lower-cased (categories and sectors too: "mobilize", "mil")."""
    return role_words().get(name, frozenset())


@lru_cache(maxsize=1)
def unnamed_table(path: Path = UNNAMED) -> dict[str, dict[str, tuple[str | None, str | None]]]:
    """events_unnamed.tsv: role -> lemma -> (sector, label) of the words that name an unnamed
    party ("gunmen", "demonstrators", "a roadside bomb"); read by events_unnamed."""
    roles: dict[str, dict] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 4:
            raise ValueError(f"{path.name}:{n}: expected role, word, sector, label (tab-separated), got {len(cols)} columns")
        role, word, sector, label = cols
        roles.setdefault(role, {})[word.lower()] = (None if sector == "-" else sector,
                                                     None if label == "-" else label)
    return roles


@lru_cache(maxsize=1)
def people_nouns() -> frozenset:
    """Lemmas that name people by what they are, not who ("demonstrators", "gunmen", "police")."""
    return frozenset(w for role in _PEOPLE_ROLES for w in unnamed_table().get(role, {}))
