"""The offences a sentence names (data/offences.tsv): a charge, an arrest or a sentence for one
offence is not one for another, so two such reports naming only different offences are two events."""

from __future__ import annotations

from functools import lru_cache

from ..tables import read_rows
from .text import stem

DATA = "newsledger.ledger"  # the package whose data/ holds the tables


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """Offence word (stemmed as text.keywords stems) -> its class."""
    return {stem(word.lower()): cls for word, cls in read_rows(DATA, "offences.tsv", 2)}


def offences(keywords: set[str]) -> set[str]:
    """The classes of the offences among a sentence's keywords (text.keywords)."""
    table = _classes()
    return {table[k] for k in keywords if k in table}
