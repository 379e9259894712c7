"""The offences a sentence names (data/offences.tsv): a charge, an arrest or a sentence for one
offence is not one for another, so two such reports naming only different offences are two events."""

from __future__ import annotations

from functools import lru_cache

from ..tables import read_rows, read_words
from .text import stem, trigger_stem

DATA = "newsledger.ledger"  # the package whose data/ holds the tables


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """Offence word (stemmed as text.keywords stems) -> its class."""
    return {stem(word.lower()): cls for word, cls in read_rows(DATA, "offences.tsv", 2)}


def offences(keywords: set[str]) -> set[str]:
    """The classes of the offences among a sentence's keywords (text.keywords)."""
    table = _classes()
    return {table[k] for k in keywords if k in table}


@lru_cache(maxsize=1)
def _legal_words() -> frozenset[str]:
    return frozenset(trigger_stem(w) for w in read_words(DATA, "legal_acts.txt"))


def legal_act(r) -> bool:
    """An ACCUSE report whose trigger is a formal legal act (data/legal_acts.txt: charged,
    convicted), not talk: a person is charged or convicted once for one offence."""
    return r.type == "ACCUSE" and r.trigger in _legal_words()
