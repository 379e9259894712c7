"""Word classes that decide whether a mention can fill an event role (lexicons/events_role_words.tsv):
prepositions that set a time frame ("following the deaths of two Israelis": not this event's
parties), adversative prepositions ("the war against Ukraine": no beneficiary)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "events_role_words.tsv"


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
