"""TIMEX3 values as people read them: "2024-11" -> "November 2024", "P10Y" -> "10 years".

The pages show these words and keep the TIMEX3 value in a tooltip. A value this module does not
know is shown as it is (never dropped): the reader still sees what the extractor found.
"""

from __future__ import annotations

import re

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
REFS = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
ORDINALS = ("first", "second", "third", "fourth")
UNITS = {  # duration designators: (singular, plural); M means months before T and minutes after it
    "Y": ("year", "years"),
    "M": ("month", "months"),
    "W": ("week", "weeks"),
    "D": ("day", "days"),
    "H": ("hour", "hours"),
    "TM": ("minute", "minutes"),
    "S": ("second", "seconds"),
    "DE": ("decade", "decades"),
    "CE": ("century", "centuries"),
}
MODS = {
    "START": "early {}",
    "MID": "mid-{}",
    "END": "late {}",
    "APPROX": "about {}",
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "on or before {}",
    "ON_OR_AFTER": "on or after {}",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
}

_DATE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?(?:T(.+))?$")
_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?|X)(DE|CE|Y|M|W|D))*(?:T(?:(\d+(?:\.\d+)?|X)([HMS]))*)?$")
_PART = re.compile(r"(\d+(?:\.\d+)?|X)(DE|CE|Y|M|W|D|H|S)")


def human(value: str | None, mod: str | None = None) -> str:
    """The words for a TIMEX3 value (and its mod, e.g. START -> "early ..."); "" for no value."""
    if not value:
        return ""
    words = _words(value.strip())
    template = MODS.get((mod or "").upper())
    return template.format(words) if template else words


def _words(v: str) -> str:
    if v in REFS:
        return REFS[v]
    if v.startswith("P"):
        return duration(v) or v
    if re.fullmatch(r"\d{3}", v):
        return f"the {v}0s"
    if re.fullmatch(r"\d{2}", v):
        return f"the {v}00s"
    period = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2})", v)
    if period:
        return _period(period.group(2), period.group(1))
    m = _DATE.match(v)
    return _date(*m.groups()) if m else v


def _period(code: str, year: str) -> str:
    if code[0] == "Q":
        return f"the {ORDINALS[int(code[1]) - 1]} quarter of {year}"
    if code[0] == "H":
        return f"the {ORDINALS[int(code[1]) - 1]} half of {year}"
    if code[0] == "W":
        return f"week {int(code[1:])} of {year}"
    return f"{SEASONS[code]} {year}"


def _date(year: str, month: str | None, day: str | None, clock: str | None) -> str:
    known_year = year != "XXXX"
    if month is None or month == "XX":
        out = year if known_year else "an unknown year"
    elif not 1 <= int(month) <= 12:
        return "-".join(x for x in (year, month, day) if x)
    elif day is None or day == "XX":
        out = MONTHS[int(month) - 1] + (f" {year}" if known_year else "")
    else:
        out = f"{int(day)} {MONTHS[int(month) - 1]}" + (f" {year}" if known_year else "")
    if clock:
        part = PARTS_OF_DAY.get(clock)
        if part:
            return f"the {part} of {out}"
        if re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", clock):
            return f"{out}, {clock[:5]}"
        return f"{out} {clock}"
    return out


def duration(v: str) -> str:
    """ISO 8601 / TIMEX3 durations: P10Y -> "10 years", PT5H -> "5 hours", PXY -> "several years"."""
    if not _DURATION.match(v) or v in ("P", "PT"):
        return ""
    date_part, _, time_part = v[1:].partition("T")
    parts = [(n, u) for n, u in _PART.findall(date_part)]
    parts += [(n, "TM" if u == "M" else u) for n, u in _PART.findall(time_part)]
    out = []
    for n, unit in parts:
        one, many = UNITS[unit]
        if n == "X":
            out.append(f"several {many}")
        else:
            num = float(n)
            shown = f"{num:g}"
            out.append(f"{shown} {one if num == 1 else many}")
    return ", ".join(out)
