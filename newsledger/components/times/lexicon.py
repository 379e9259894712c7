"""The calendar and relative-time word tables of the times extractor, loaded once.

Data lives in times/data/calendar.tsv and times/data/relative.tsv; this module turns it
into dicts for the resolver and regex alternations for the detector.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...tables import read_rows
from ..common.number_words import number_words

DATA = "newsledger.components.times"  # tables in times/data/


def alternation(words) -> str:
    """A regex alternation of the words, longest first so that "sept." wins over "sep" (ties in
    order: the same pattern in every process, so caches keyed by it hold)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def group(words) -> str:
    """`alternation` as one non-capturing group, to be followed or repeated as a whole."""
    return rf"(?:{alternation(words)})"


@dataclass
class TimeLexicon:
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # "month" -> "M"
    shifts: dict[str, tuple[int, str]] = field(default_factory=dict)  # "last" -> (-1, "deictic")
    day_words: dict[str, int] = field(default_factory=dict)  # "yesterday" -> -1
    refs: dict[str, str] = field(default_factory=dict)  # "now" -> "PRESENT_REF"
    mods: dict[str, str] = field(default_factory=dict)  # "early" -> "START"
    directions: dict[str, int] = field(default_factory=dict)  # "later" -> 1, "ago" -> -1
    signals: dict[str, str] = field(default_factory=dict)  # "since" -> "ON_OR_AFTER"
    numbers: dict[str, float] = field(default_factory=dict)  # "two" -> 2 (0..99 words)
    holidays: dict[str, tuple[int, int]] = field(default_factory=dict)  # "christmas" -> (12, 25)
    sets: dict[str, str] = field(default_factory=dict)  # "daily" -> "XXXX-XX-XX"
    plans: dict[str, int] = field(default_factory=dict)  # "schedule" -> 1 (lemmas of planning)

    def unit_of(self, word: str) -> str | None:
        """ "months" -> "M", "centuries" -> "CE"."""
        w = word.lower()
        if w in self.units:
            return self.units[w]
        if w.endswith("ies") and w[:-3] + "y" in self.units:
            return self.units[w[:-3] + "y"]
        if w.endswith("ia") and w[:-1] + "um" in self.units:  # millennia
            return self.units[w[:-1] + "um"]
        if w.endswith("s") and w[:-1] in self.units:
            return self.units[w[:-1]]
        return None


# A row's kind -> the TimeLexicon table it goes to and how its value is read (holidays and shifts,
# which have two parts, are read on their own).
_CALENDAR_KINDS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "month": ("months", int),
    "weekday": ("weekdays", int),
    "season": ("seasons", str),
    "partofday": ("parts_of_day", str),
    "unit": ("units", str),
}
_RELATIVE_KINDS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "day": ("day_words", int),
    "ref": ("refs", str),
    "mod": ("mods", str),
    "after": ("directions", int),
    "signal": ("signals", str),
    "set": ("sets", str),
    "plan": ("plans", int),
}


@lru_cache(maxsize=1)
def time_lexicon() -> TimeLexicon:
    lex = TimeLexicon()
    for kind, surface, value in read_rows(DATA, "calendar.tsv"):
        if kind == "holiday":
            mo, d = value.split("-")
            lex.holidays[surface] = (int(mo), int(d))
        elif kind in _CALENDAR_KINDS:
            name, read = _CALENDAR_KINDS[kind]
            getattr(lex, name)[surface] = read(value)
    for row in read_rows(DATA, "relative.tsv"):
        kind, surface, value = row[0], row[1], row[2]
        if kind == "shift":
            lex.shifts[surface] = (int(value), row[3])
        elif kind in _RELATIVE_KINDS:
            name, read = _RELATIVE_KINDS[kind]
            getattr(lex, name)[surface] = read(value)
    for word, (number, number_kind) in number_words().items():
        if number_kind in ("unit", "tens"):
            lex.numbers[word] = number
    return lex
