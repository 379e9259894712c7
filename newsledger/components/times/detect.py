"""Finding temporal expressions in text with one precompiled regex (built from the lexicon).

The regex follows TimeML's extent conventions: determiners and part modifiers belong to the
expression ("the end of January", "early 1916", "the next day"); prepositions and signals
("in", "on", "since") do not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..common.prefilter import PrefixFilter
from .lexicon import TimeLexicon, alternation, group, time_lexicon

_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "twenty-first"
)
# Unit words that are too ambiguous to stand in a duration on their own ("a second attack").
_DURATION_UNITS_SKIP = {"second", "night", "weekend", "quarter"}
# Words after which a bare "May"/"March"/"fall" is a month or season, not a verb.
_MONTH_CONTEXT = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "of",
    "from",
    "to",
    "through",
    "early",
    "late",
    "mid",
    "mid-",
    "last",
    "next",
    "this",
    "before",
    "after",
    "that",
    "the",
    "each",
    "every",
    "and",
    "or",
    "between",
    "throughout",
}


def _plural(unit: str) -> str:
    if unit.endswith("y") and unit[-2] not in "aeiou":
        return unit[:-1] + "ies"  # century -> centuries
    if unit.endswith("um"):
        return unit[:-2] + "a"  # millennium -> millennia
    return unit + "s"


def _units_group(units: set[str]) -> str:
    """The unit words and their plurals ("month", "months") as one group."""
    return group(units | {_plural(u) for u in units})


# where a temporal expression may begin: not inside a word, a number or a currency amount
_LEAD = r"(?<![\w$£€¥₩'])"


@lru_cache(maxsize=1)
def time_regex() -> re.Pattern:
    lex: TimeLexicon = time_lexicon()
    month = rf"{group(lex.months)}(?![a-z])"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
    year = r"(?:1\d{3}|20\d{2})(?!\d|,\d)"
    era = r"(?:BCE|BC|B\.C\.?(?:E\.?)?|AD|A\.D\.|CE)"
    year = rf"(?:{year}|\d{{1,4}}\s*(?:BCE|BC|B\.C\.?(?:E\.?)?)(?![\w]))"
    weekday = rf"{group(lex.weekdays)}s?"
    season = group(lex.seasons)
    part = group(lex.parts_of_day)
    shift = group(lex.shifts)
    units = set(lex.units)
    unit = _units_group(units)
    dunit = _units_group(units - _DURATION_UNITS_SKIP)
    nums = [w for w in lex.numbers if lex.numbers[w] > 0]
    tens = [w for w, v in lex.numbers.items() if v >= 20]
    ones = [w for w, v in lex.numbers.items() if 0 < v < 10]
    numw = (
        rf"(?:\d+(?:\.\d+)?|(?:{alternation(tens)})-(?:{alternation(ones)})|{alternation(nums)}"
        r"|an?|several|a\s+few|few|many|some|a\s+couple\s+of|a\s+couple|a\s+number\s+of|half\s+an?|a\s+half)"
    )
    directions = group(lex.directions)
    mods = group(lex.mods)
    modp = rf"(?:{mods}\s*(?:-\s*)?(?:in\s+)?(?:the\s+)?(?:{part}\s+of\s+)?)"
    ordw = group(_ORDINAL_WORDS.split())
    refs = group(lex.refs)
    daywords = group(lex.day_words)

    cores = [
        # sets: "every Friday", "each September", "every summer night"
        rf"(?:each|every)\s+(?:{weekday}|{month}|{season})(?:\s+{part}s?)?",
        r"\d{4}-[01]\d-[0-3]\d(?:T\d{2}:\d{2}(?::\d{2})?)?",
        r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])",
        # weekday with an optional date: "Tuesday, Dec. 3, 2024", "last Friday morning"
        rf"(?:{shift}\s+)?{weekday}(?:\s*,?\s*{month}\s*{day}(?:\s*,\s*{year})?|\s*,?\s*(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:\s*,?\s*{year})?)?(?:\s+{part})?",
        # before the plain month-day, which would stop at "July 25"
        rf"{month}(?:\s+{day})?\s+of\s+(?:that|the\s+same|the\s+following|the\s+previous|this|last|next)\s+year",
        rf"{month}\s*{day}(?:\s*,\s*{year}|\s+{year})?",
        rf"{day}\s+(?:of\s+)?{month}(?:\s*,?\s*{year})?",
        rf"{month}(?:\s*,\s*|\s+of\s+|\s+){year}",
        # "the first ten months of 1915", "the last week of August": a stretch at one end of a period
        rf"(?:first|last|final)\s+(?:{numw}\s+)?{unit}\s+of\s+(?:{month}(?:\s*,?\s*{year})?|{year})",
        rf"(?:{alternation(lex.holidays)})(?:\s+{part})?(?:\s*,?\s*{year})?",
        rf"(?:{ordw}|[1-4](?:st|nd|rd|th))\s+(?:quarter|half)(?:\s+of)?(?:\s+{year})?|Q[1-4]\s*{year}",
        rf"(?:year|years)\s+{year}",
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{ordw})\s*-?\s*century(?:\s*{era})?",
        # "the 1950s", "the '50s", and "the 50s" after "the" or a part modifier (not "in his 50s")
        rf"(?:\d{{3}}0s|'\d0s|(?:(?<=the\s)|(?<=late\s)|(?<=early\s)|(?<=mid-))\d0s)(?:\s*{era})?|\d{{2}}0s\s*{era}",
        r"\d{1,4}\s*(?:BCE|BC|B\.C\.?(?:E\.?)?)|(?:AD|A\.D\.)\s*\d{1,4}",
        # the first year of a BC range: "(499-493 BC)", "264 to 241 BC"
        r"\d{1,4}(?=\s*(?:-|–|to)\s*\d{1,4}\s*(?:BCE|BC|B\.C))",
        # the short end of a year range: "1995-96", "2007–08" (not the month of "2007-08-14")
        r"(?<=(?:1\d|20)\d\d[-–])\d\d(?![\d-])",
        rf"(?:{shift}\s+)?{season}(?:\s+(?:of\s+)?{year})?",
        rf"{numw}\s*-?\s*{unit}\s+{directions}(?![\w-])",
        rf"{unit}\s+(?:before|after|earlier|later)(?![\w-])",
        rf"(?:{shift})\s+(?:{numw}\s+)?{unit}",
        rf"(?:earlier|later)\s+(?:this|that|last)\s+{unit}",
        rf"(?:(?:{shift}|{daywords})\s+)?{part}",
        rf"{daywords}(?:\s+{part})?",
        rf"recent\s+{unit}",
        rf"{numw}\s*-?\s*{dunit}(?:\s+and\s+a\s+half)?",
        rf"(?:each|every|per)\s+{unit}|biannually|{group(lex.sets)}",
        month,
        rf"{year}(?:\s*{era})?",
        r"\d{1,2}(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?![\w])|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|noon|midnight",
        rf"{refs}",
        r"(?:this|that|the\s+same)\s+(?:time|period|point)|the\s+time\s+being",
    ]
    body = "|".join(f"(?:{c})" for c in cores)
    pattern = rf"{_LEAD}(?:(?:the\s+)?{modp})?(?:the\s+)?(?:{part}(?:\s+hours)?\s+of\s+)?(?:{body})(?![\w])"
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def time_finder() -> PrefixFilter:
    """time_regex() tried only where one of its words can begin (the same matches, 5x sooner)."""
    return PrefixFilter(time_regex(), _LEAD, name="time-regex-prefixes")


_BARE_AMBIGUOUS = re.compile(r"^(?:the\s+)?(?:may|march|fall|sun|sat|wed|once|present|second)$", re.IGNORECASE)
_PLAIN_NUMBER = re.compile(r"^\d{1,4}$")
YEAR_RANGE_HEAD = re.compile(r"(?<![\d.,])((?:1\d|20)\d\d)[-–]$")  # "1995-" before "96"
BC_RANGE_END = re.compile(r"\s*(?:-|–|to)\s*\d{1,4}\s*(?:BCE|BC|B\.C)")  # "(499-493 BC)"
_THE_WEEKDAY = re.compile(r"(?:^|\s)the\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.IGNORECASE)
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")


def find_time_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of temporal expressions in `text`, left to right, not overlapping."""
    spans = []
    for m in time_finder().finditer(text):
        start, end = m.start(), m.end()
        s = m.group(0)
        # drop a trailing comma and whitespace the optional year group may leave
        while end > start and text[end - 1] in " ,\n\t":
            end -= 1
        s = text[start:end]
        low = s.lower()
        if low.startswith("the ") and re.match(r"the\s+\d{4}(?!s)\b", low) and len(low.split()) == 2:
            start += s.index(s.split()[1])  # "the 1953 armistice": the year alone
            s = text[start:end]
        if _BARE_AMBIGUOUS.match(s):
            prev = text[max(0, start - 12) : start].split()
            if not s[0].isupper() or not prev or prev[-1].lower() not in _MONTH_CONTEXT:
                continue
            if s.split()[0].lower() == "the" and low.split()[-1] in ("march", "may"):
                continue  # "the march on the capital"
            if low.endswith("fall") and re.match(r"\s+of\s+(?!\d)", text[end : end + 8]):
                continue  # "the fall of Saigon"
        if (
            _PLAIN_NUMBER.match(s)
            and len(s) < 4
            and not BC_RANGE_END.match(text, end)
            and not (len(s) == 2 and YEAR_RANGE_HEAD.search(text, max(0, start - 5), start))
        ):
            continue
        if weekday_in_name(text, start, end):
            continue
        spans.append((start, end))
    return spans


def weekday_in_name(text: str, start: int, end: int) -> bool:
    """ "the Sunday Times", "the Monday Club": a weekday after "the" and before a capital is a name."""
    return bool(_THE_WEEKDAY.search(text, max(0, start - 5), end)) and bool(_CAPITALISED_NEXT.match(text, end))
