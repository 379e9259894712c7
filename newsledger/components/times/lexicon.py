"""The calendar and relative-time word tables of the times extractor, loaded once.

Data lives in times/data/calendar.tsv and times/data/relative.tsv; this module turns it
into dicts for the resolver and regex alternations for the detector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..common.lexicon import read_rows
from ..common.number_words import number_words

DATA = "newsledger.components.times"  # tables in times/data/


def alternation(words) -> str:
    """A regex alternation of the words, longest first so that "sept." wins over "sep"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


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


@lru_cache(maxsize=1)
def time_lexicon() -> TimeLexicon:
    lex = TimeLexicon()
    for kind, surface, value in read_rows(DATA, "calendar.tsv"):
        if kind == "month":
            lex.months[surface] = int(value)
        elif kind == "weekday":
            lex.weekdays[surface] = int(value)
        elif kind == "season":
            lex.seasons[surface] = value
        elif kind == "partofday":
            lex.parts_of_day[surface] = value
        elif kind == "unit":
            lex.units[surface] = value
        elif kind == "holiday":
            mo, d = value.split("-")
            lex.holidays[surface] = (int(mo), int(d))
    for row in read_rows(DATA, "relative.tsv"):
        kind, surface, value = row[0], row[1], row[2]
        if kind == "shift":
            lex.shifts[surface] = (int(value), row[3])
        elif kind == "day":
            lex.day_words[surface] = int(value)
        elif kind == "ref":
            lex.refs[surface] = value
        elif kind == "mod":
            lex.mods[surface] = value
        elif kind == "after":
            lex.directions[surface] = int(value)
        elif kind == "signal":
            lex.signals[surface] = value
    for word, (number, number_kind) in number_words().items():
        if number_kind in ("unit", "tens"):
            lex.numbers[word] = number
    return lex
