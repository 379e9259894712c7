"""Reading numbers written in digits or words: "1,100", "3.5 million", "twenty-five", "two dozen".

Shared by the times and figures components. The word table is common/data/number_words.tsv.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...tables import read_rows

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$")
_SPLIT = re.compile(r"[\s\-]+")


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[float, str]]:
    """word -> (value, kind) where kind is unit | tens | scale | abbrev | dozen."""
    return {w: (float(v), k) for w, v, k in read_rows("newsledger.components.common", "number_words.tsv")}


def parse_digits(text: str) -> float | None:
    """ "1,100" -> 1100.0; "3.5" -> 3.5; anything else -> None."""
    t = text.strip()
    if not _DIGITS.match(t):
        return None
    return float(t.replace(",", ""))


def parse_number(text: str) -> float | None:
    """The value of a number phrase in digits and/or words, or None when it is not one.

    Handles "1,100", "3.5 million", "three thousand", "twenty-five", "a dozen", "two dozen",
    "one hundred and twenty", "5bn". Words are combined the usual English way: units and tens
    add up, scale words multiply what came before.
    """
    words = number_words()
    t = text.lower().replace("\u2009", " ").strip()
    if not t:
        return None
    d = parse_digits(t)
    if d is not None:
        return d
    # "5bn", "3.5m", "50k": digits glued to a scale abbreviation
    m = re.match(r"^(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)$", t)
    if m and m.group(2) in words and words[m.group(2)][1] in ("abbrev", "scale"):
        base = parse_digits(m.group(1))
        return None if base is None else base * words[m.group(2)][0]
    total, current, seen = 0.0, 0.0, False
    for part in _SPLIT.split(t):
        if not part or part == "and":
            continue
        if part in ("a", "an"):
            current = current or 1.0
            continue
        dval = parse_digits(part)
        if dval is not None:
            current += dval
            seen = True
            continue
        if part not in words:
            return None
        value, kind = words[part]
        seen = True
        if kind in ("unit", "tens"):
            current += value
        elif kind == "dozen" or value == 100:
            current = (current or 1.0) * value
        else:  # thousand, million ... close the current group
            total += (current or 1.0) * value
            current = 0.0
    return total + current if seen else None


def as_number(value: float | None) -> float | int | None:
    """An int when the value is whole (1100 rather than 1100.0), else the float."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
