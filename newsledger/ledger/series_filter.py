"""SQL conditions that narrow the figures a figure series is built from, before any article is read.

figure_series matches its filters in Python (lower-cased substrings, series subjects); each condition
here holds for every figure those matches could keep (a superset), so the series come out the same
and only the figures that can matter are read:

- a substring of a column: the database's case-insensitive LIKE finds what `needle in col.lower()`
  finds for an ASCII needle, except through the two letters whose Python lower case has an ASCII
  letter in it (U+0130 -> "i̇", U+212A -> "k"): those are looked for as they are. A needle with
  other letters is not narrowed.
- `about` naming a measure ("kill" in "killed"): the figure's kind is that measure only if one of
  its cue words (data/measures.tsv) is in the article's text or the counted noun.
- country / actor: applied to grouped series, whose subjects (series.subject) are exact values;
  when every figure has a subject, a series only ever holds figures of one subject, so the figures
  of the other subjects cannot change the series kept (subjects(), spelt_upper()).
"""

from __future__ import annotations

import sys
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, false, or_

from . import series

# Non-ASCII letters whose Python lower case holds an ASCII letter, by that letter.
_LOWER_TO_ASCII = {"i": "\u0130", "k": "\u212a"}


def contains(needle: str, columns: list) -> ColumnElement | None:
    """Holds wherever `needle.lower() in (column or "").lower()` holds for one of the columns; None
    when no such condition is known (a non-ASCII needle: the databases fold case differently)."""
    needle = needle.lower()
    if not needle.isascii():
        return None
    conds = [c.icontains(needle, autoescape=True) for c in columns]
    conds += [
        c.contains(odd, autoescape=True) for letter, odd in _LOWER_TO_ASCII.items() if letter in needle for c in columns
    ]
    return or_(*conds)


def measures_named(needle: str) -> set[str]:
    """The measures `about` names: those the needle is a substring of (figure_series matches kinds so)."""
    needle = needle.lower()
    return {m for m in set(series._cues().values()) if needle in m}


def cue_words(measures: set[str]) -> list[str]:
    """The cue words of these measures, without those holding a shorter one ("kills" holds "kill")."""
    words = sorted({w for w, m in series._cues().items() if m in measures}, key=lambda w: (len(w), w))
    out: list[str] = []
    for w in words:
        if not any(shorter in w for shorter in out):
            out.append(w)
    return out


def about(needle: str, counted, text, article_text) -> ColumnElement | None:
    """Holds for every figure figure_series(about=needle) keeps: the needle is in its counted noun or
    its text, or its kind is a measure the needle names (that measure's cue word is in the article or
    the counted noun; a kind that is not a measure is the counted noun's stem, so in the noun)."""
    conds = [contains(needle, [counted, text])]
    for word in cue_words(measures_named(needle)):
        conds.append(contains(word, [article_text, counted]))
    known = [c for c in conds if c is not None]
    return or_(*known) if len(known) == len(conds) else None


def counted_values(fig) -> ColumnElement:
    """What series.group keeps: a number (a value or a range) that is not an amount of a unit."""
    return and_(
        or_(fig.c.value.isnot(None), fig.c.low.isnot(None)),
        or_(fig.c.unit.is_(None), fig.c.unit == ""),
    )


def subjects(pairs: list[tuple], *, country: str | None, actor: str | None) -> tuple[set, set] | None:
    """The subjects whose figures can be in a series that the country / actor filters keep, as
    (actor countries, actor names of figures without an actor country), from the (actor_country,
    actor_name) pairs of the candidate figures; None when the figures cannot be narrowed so.

    A figure joins a series whose subject is its own or unset (series.group), and a subject, once set,
    stays. So when every figure has a subject, each series holds the figures of one subject, and
    dropping the figures of other subjects changes no series kept. A figure without one can join a
    series of any subject: then nothing is narrowed. The actor filter also keeps a series if one of
    its values' actor names contains the needle; names are joined with spaces, so a needle with a
    space could span two of them: then only the country narrows."""
    whose_names: dict[str, list[str]] = {}
    for ac, name in pairs:
        whose = ac or name
        if not whose:
            return None
        whose_names.setdefault(whose, []).append((name or "").lower())
    needle = actor.lower() if actor else None
    kept = set()
    for whose, names in whose_names.items():
        if country and whose.upper() != country.upper():
            continue
        if needle and " " not in needle and needle != whose.lower() and not any(needle in n for n in names):
            continue
        kept.add(whose)
    codes = {ac for ac, _ in pairs if ac and ac in kept}
    return codes, {name for ac, name in pairs if not ac and name in kept}


def of_subjects(fig, actor_name, codes: set, names: set) -> ColumnElement:
    """The figures of these subjects (subjects())."""
    by_code, by_name = of_country(fig, actor_name, codes, names)
    conds = [cond for cond, given in ((by_code, codes), (by_name, names)) if given]
    return or_(*conds) if conds else false()


@lru_cache(maxsize=1)
def _upper_pieces() -> dict[str, list[str]]:
    """Each ASCII string that some character's Python upper case is -> those characters
    ("K" -> k, K and the Kelvin sign; "FF" -> the ligature ff)."""
    out: dict[str, list[str]] = {}
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        u = c.upper()
        if u.isascii() and not (0xD800 <= cp <= 0xDFFF):
            out.setdefault(u, []).append(c)
    return out


@lru_cache(maxsize=256)
def spelt_upper(code: str, most: int = 512) -> tuple[str, ...] | None:
    """Every string whose Python upper case is `code` ("UKR": ukr, Ukr, uKr, ...), so that an exact
    IN list finds what `s.upper() == code` finds; None if the code is not ASCII or has too many."""
    if not code or not code.isascii():
        return None
    pieces = _upper_pieces()
    longest = max(len(u) for u in pieces)
    ways: list[list[str]] = [[""]] + [[] for _ in code]  # ways[i]: the spellings of code[:i]
    for i in range(len(code)):
        for n in range(1, longest + 1):
            for c in pieces.get(code[i : i + n], ()) if i + n <= len(code) else ():
                ways[i + n].extend(w + c for w in ways[i])
        if any(len(w) > most for w in ways):
            return None
    return tuple(sorted(ways[-1])) if len(ways[-1]) <= most else None


def subject_unset(fig, actor_name) -> ColumnElement:
    """The figures without a subject (series.subject: neither an actor country nor an actor name)."""
    return and_(_no_country(fig), or_(actor_name.is_(None), actor_name == ""))


def of_country(fig, actor_name, codes, names) -> list[ColumnElement]:
    """[figures whose actor country is one of these codes, figures without an actor country whose
    actor's name is one of these names]: asked apart, so that each can use its own index."""
    return [fig.c.actor_country.in_(sorted(codes)), and_(_no_country(fig), actor_name.in_(sorted(names)))]


def _no_country(fig) -> ColumnElement:
    return or_(fig.c.actor_country.is_(None), fig.c.actor_country == "")
