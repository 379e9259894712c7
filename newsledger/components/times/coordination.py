"""Days coordinated with a full date: "on 6 and 7 February", "April 7 and 15", "May 4-5". The
bare day number shares the month and year of the date it is joined to (TimeML marks it apart)."""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc

from ...records import TimeRef
from .dates import day_date, fmt_year

_JOIN = r"\s*(?:,|and|or|to|-|–|&)\s*"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# "6 and 7 February": the day before a date that starts with its day
_BEFORE = re.compile(rf"(?<![\w,.$-]){_DAY}{_JOIN}$")
# "April 7 and 15", "January 25-29": a day after a date that ends with its day (a count, "and 15
# soldiers", is told apart by the parse)
_AFTER = re.compile(rf"^{_JOIN}{_DAY}(?![\d\w:%]|\.\d|\s*[-–]\s*\d)")
_FULL_DATE = re.compile(r"^(-?\w*\d{4})-(\d\d)-(\d\d)$")


def _counts(doc: Doc, start: int) -> bool:
    """The number at `start` counts something ("and 15 soldiers died")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    return tok is not None and tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.pos_ == "NOUN"


_MONTH = re.compile(r"^((?:BC)?\d{4})-(\d\d)$")
_YEAR_START = re.compile(r"^(BC)?(\d{4})-(\d\d)")
_JOIN_WORDS = re.compile(r"^\s*(?:and|or|to|through|until|-|–)\s*$")
_WRITTEN_YEAR = re.compile(r"\d{3,4}")


def share_years(text: str, times: list[TimeRef]) -> None:
    """ "In April and June 1955", "from October to March 1945": a month written without its year
    and joined to a dated one takes that date's year (the one before, when a range runs over
    the new year), whatever the reference time had been."""
    for a, b in pairwise(times):
        ma, mb = _MONTH.match(a.value or ""), _YEAR_START.match(b.value or "")
        if not (ma and mb and _JOIN_WORDS.match(text[a.end : b.start])):
            continue
        if _WRITTEN_YEAR.search(a.text) or not _WRITTEN_YEAR.search(b.text):
            continue
        year = int(mb.group(2)) * (-1 if mb.group(1) else 1)
        if int(ma.group(2)) > int(mb.group(3)):
            year -= 1  # "October to March 1945": October 1944
        a.value = f"{fmt_year(year)}-{ma.group(2)}"


_CLOCK = re.compile(r"^(?:XXXX-XX-XX|(?:BC)?\d{4}-\d\d-\d\d)(T\d\d:\d\d)$")
_DAY_VALUE = re.compile(r"^(?:BC)?\d{4}-\d\d-\d\d$")
# between a clock time and the day it is on: "at 5:34 AM Baghdad time on March 20", "9 a.m. Tuesday"
_CLOCK_TO_DAY = re.compile(r"^[\s,]*(?:[A-Z]\w*\s+time\s+)?(?:on\s+)?(?:the\s+)?$")


def clocks_on_days(text: str, times: list[TimeRef]) -> None:
    """A clock time told with its day after it ("at 5:34 AM on March 20, 2003") is on that day,
    not on the reference day before it."""
    for a, b in pairwise(times):
        clock = _CLOCK.match(a.value or "")
        if clock and _DAY_VALUE.match(b.value or "") and _CLOCK_TO_DAY.match(text[a.end : b.start]):
            a.value = f"{b.value}{clock.group(1)}"


def coordinated_days(doc: Doc, text: str, times: list[TimeRef]) -> list[TimeRef]:
    """`times` with a TimeRef added for each bare day joined to a resolved day date."""
    taken = [(t.start, t.end) for t in times]
    extra = []
    for t in times:
        m = _FULL_DATE.match(t.value or "")
        if not m:
            continue
        found = None
        if t.text[:1].isdigit():
            b = _BEFORE.search(text, max(0, t.start - 12), t.start)
            found = (b.start(1), b.end(1)) if b else None
        if found is None and t.text[-1:].isdigit():
            a = _AFTER.match(text[t.end : t.end + 12])
            found = (t.end + a.start(1), t.end + a.end(1)) if a else None
        if found is None or any(s < found[1] and found[0] < e for s, e in taken) or _counts(doc, found[0]):
            continue
        day = int(text[found[0] : found[1]])
        year = int(m.group(1).replace("BC", "-")) if m.group(1)[-4:].isdigit() else 0
        if not (1 <= day <= 31) or (year > 0 and day_date((year, int(m.group(2)), day)) is None):
            continue
        value = f"{m.group(1)}-{m.group(2)}-{day:02d}"
        extra.append(TimeRef(id="", start=found[0], end=found[1], text=text[found[0] : found[1]], value=value))
        taken.append(found)
    if not extra:
        return times
    merged = sorted(times + extra, key=lambda t: t.start)
    for n, t in enumerate(merged, 1):
        t.id = f"t{n}"
    return merged
