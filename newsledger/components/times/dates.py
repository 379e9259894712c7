"""TIMEX3 date values: the (year, month, day) triple, the two anchors, formatting and month
arithmetic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

Date3 = tuple  # (year, month | None, day | None); BC years are negative


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


VAGUE = {"several", "a few", "few", "many", "some", "a couple of", "a couple", "a number of"}


@dataclass
class Anchors:
    published: dt.date | None = None
    narrative: bool = False
    ref: Date3 | None = None  # the reference time: last resolved calendar date

    def deictic(self) -> Date3 | None:
        if self.narrative and self.ref:
            return self.ref
        p = self.published
        return (p.year, p.month, p.day) if p else self.ref if self.narrative else None

    def anaphoric(self) -> Date3 | None:
        if self.ref:
            return self.ref
        p = self.published
        return (p.year, p.month, p.day) if p else None


def fmt_year(y: int) -> str:
    return f"BC{-y:04d}" if y <= 0 else f"{y:04d}"


def fmt(d: Date3 | None) -> str | None:
    if d is None or d[0] is None:
        return None
    y, m, day = d
    out = fmt_year(y)
    if m:
        out += f"-{m:02d}"
        if day:
            out += f"-{day:02d}"
    return out


def day_date(d: Date3) -> dt.date | None:
    try:
        return dt.date(d[0], d[1] or 1, d[2] or 1)
    except (ValueError, TypeError):
        return None


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def fmt_decade(y: int) -> str:
    """The decade of year y: "196" for 1964, "BC048" for 481 BC (the 480s BC)."""
    return f"BC{(-y) // 10:03d}" if y <= 0 else f"{y // 10:03d}"


def fmt_century(y: int) -> str:
    """The century of year y as TIMEX3 writes it: "19" for 1964, "BC04" for 387 BC."""
    return f"BC{(-y) // 100:02d}" if y <= 0 else f"{y // 100:02d}"
