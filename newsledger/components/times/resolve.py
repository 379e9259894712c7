"""Resolving a temporal expression to a TIMEX3 value, anchored on the publication date.

Two anchors (the TempEval convention):
- deictic expressions ("last month", "next year", "on Tuesday", "in October") are anchored on
  the publication date; in narrative mode (histories, timelines) on the reference time instead;
- anaphoric expressions ("two months later", "the following year", "that day") are anchored on
  the reference time: the last calendar date resolved in the text, or the publication date.

Choices (TIMEX3 has no words for some of these):
- "since 1953" -> value "1953", mod "ON_OR_AFTER"; "until May" -> mod "ON_OR_BEFORE" (the signal
  word stays outside the span, as in TimeML);
- "the past week" / "the last two weeks" -> durations "P1W" / "P2W"; "last week" -> "2024-W51";
- "in recent weeks", "recently" -> "PAST_REF"; "now", "currently" -> "PRESENT_REF";
- a bare month or weekday is the most recent one not after the publication date, or the next one
  when the clause is in the future tense ("will"), or when "next" says so;
- without a publication date (and no reference time) relative expressions get value None; their
  mod is kept; explicit dates still resolve.
"""

from __future__ import annotations

import datetime as dt
import re

from ..common.number_words import parse_number
from .calendar_names import CalendarNames, valid_date
from .dates import (
    VAGUE,
    Anchors,
    Date3,
    add_months,
    day_date,
    fmt,
    fmt_century,
    fmt_decade,
    fmt_year,
)
from .lexicon import TimeLexicon, alternation, time_lexicon


class Resolver(CalendarNames):
    """Turns the text of one temporal expression into (value, mod)."""

    def __init__(self, lex: TimeLexicon | None = None):
        self.lex = lex = lex or time_lexicon()
        month = alternation(lex.months)
        self.re_month = re.compile(rf"\b({month})(?![a-z])")
        self.re_year = re.compile(r"(?<![\d'])(\d{4})(?!\d)")
        self.re_day = re.compile(r"(?<![\d:/'])(\d{1,2})(?:st|nd|rd|th)?(?![\d:/]|\s*(?:a\.m|p\.m|am\b|pm\b))")
        self.re_bc = re.compile(r"\b(bce|bc|b\.c\.?(?:e\.?)?)(?![a-z])")
        self.re_weekday = re.compile(rf"\b({alternation(lex.weekdays)})s?\b")
        self.re_season = re.compile(rf"\b({alternation(lex.seasons)})\b")
        self.re_part = re.compile(rf"\b({alternation(lex.parts_of_day)})\b")
        self.re_shift = re.compile(rf"^(?:the\s+)?({alternation(lex.shifts)})\b\s*")
        self.re_unit = re.compile(r"([a-z]+)$")
        self.re_time = re.compile(r"(\d{1,2})(?::([0-5]\d))?\s*(a\.m\.|p\.m\.|am|pm)?")
        self.re_dir = re.compile(rf"^(.+?)\s*-?\s*([a-z]+)\s+({alternation(lex.directions)})$")
        self.mods = sorted(lex.mods, key=len, reverse=True)
        self.re_mod = re.compile(rf"^({alternation(self.mods)})\s*-?\s*(?:in\s+)?(?:the\s+)?")

    # ---------------------------------------------------------------- entry point
    def resolve(
        self, text: str, anchors: Anchors, future: bool = False, update_ref: bool = True
    ) -> tuple[str | None, str | None]:
        """(value, mod) of one expression. `update_ref=False` for asides ("since 1614", "the
        1812 campaign") whose date should not become the reference time of what follows."""
        t = " ".join(text.lower().replace("\u2013", "-").replace("\u2019", "'").split())
        mod = None
        hm = re.match(r"^(?:the\s+)?(first|second|latter)\s+half\s+of\s+(?:the\s+)?", t)
        if hm:  # "the second half of 2008" is the half-year 2008-H2; "the first half of May" a part
            year = self._core(t[hm.end() :], anchors, future, True)
            if year and re.fullmatch(r"(?:BC)?\d{4}", year):
                if update_ref:
                    self._set_ref(year, anchors)
                return f"{year}-H{1 if hm.group(1) == 'first' else 2}", None
        definite = t.startswith("the ")  # "the next day" looks back to the reference time
        m = self.re_mod.match(t) or self.re_mod.match(re.sub(r"^the\s+", "", t))
        if m and len(m.string) > m.end():
            mod = self.lex.mods[" ".join(m.group(1).split())]
            t = m.string[m.end() :]
        t = re.sub(r"^the\s+", "", t)
        value = self._core(t, anchors, future, definite)
        if update_ref and value and (value[0].isdigit() or value.startswith("BC")):
            self._set_ref(value, anchors)
        return value, mod

    # ---------------------------------------------------------------- reference time
    @staticmethod
    def _set_ref(value: str, anchors: Anchors) -> None:
        m = re.match(r"^(BC)?(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
        if m:
            y = int(m.group(2)) * (-1 if m.group(1) else 1)
            anchors.ref = (y, int(m.group(3)) if m.group(3) else None, int(m.group(4)) if m.group(4) else None)
        elif re.match(r"^\d{4}-(SP|SU|FA|WI)$", value):
            anchors.ref = (int(value[:4]), None, None)

    # ---------------------------------------------------------------- rules
    def _core(self, t: str, a: Anchors, future: bool, definite: bool = False) -> str | None:
        lex = self.lex
        part = None
        pm = re.match(rf"^({alternation(lex.parts_of_day)})(?:\s+hours)?\s+of\s+(?:the\s+)?", t)
        if pm:  # "the morning of 29 April 1975"
            part, t = lex.parts_of_day[pm.group(1)], t[pm.end() :]
        t = re.sub(r"^within\s+", "", t)  # "within days": the span the signal leaves
        head, of, _rest = t.partition(" of ")
        em = re.match(r"^(first|final|last)\s+(?:(.+)\s+)?([a-z]+)$", head)
        if em and (of or em.group(1) != "last") and (unit := lex.unit_of(em.group(3))) in {"Y", "M", "W", "H"}:
            # "the first year of the war", "the last two weeks of February 1951": TimeML reads the
            # stretch at one end of a period as a duration
            return self._duration(em.group(2) or "1", unit)
        if t in lex.refs or (definite and f"the {t}" in lex.refs):
            return lex.refs.get(t) or lex.refs[f"the {t}"]
        if t in ("time being", "this time"):
            return "PRESENT_REF"
        if t in ("same time", "that time", "that same time"):  # the time just told of
            return fmt(a.ref) if a.ref else None
        if re.match(r"^(?:this|that|same)\s+(?:time|period|point)$", t):
            return None
        if t in lex.holidays or re.sub(r"\s*,?\s*\d{4}$", "", t) in lex.holidays:
            return self._holiday(t, a, future)
        if t in lex.parts_of_day and t not in ("noon", "midday"):
            return self._part_of_day(lex.parts_of_day[t], a)
        if t in lex.units:  # "the year", "the day": the reference time's
            return self._this_unit(lex.units[t], a)
        if (unit := lex.unit_of(t)) and t not in lex.units:  # bare plural: "weeks", "months"
            return f"P{'T' if unit in ('H', 'MIN', 'S') else ''}X{unit.replace('MIN', 'M')}"
        m = re.match(r"^(\d{4})-(\d\d)-(\d\d)(?:t(\d\d:\d\d))?", t)
        if m:
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" + (f"T{m.group(4)}" if m.group(4) else "")
        m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$", t)
        if m:
            a1, a2, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            mo, d = (a2, a1) if a1 > 12 else (a1, a2)
            y = y + (2000 if y <= 50 else 1900) if y < 100 else y
            return fmt((y, mo, d)) if day_date((y, mo, d)) else None
        if t in lex.sets:  # "daily": the calendar pattern it repeats in
            return lex.sets[t]
        if (recurring := self._recurring(t)) is not None:
            return recurring
        if re.match(r"^(?:each|every|per)\s+|^biannually$", t):
            return self._set(t)
        if t.startswith("recent "):
            return "PAST_REF"
        if re.search(r"\b(?:quarter|half)\b", t):
            return self._quarter(t, a)
        if "century" in t and not self.re_shift.match(t):  # not "the previous century"
            return self._century(t)
        if re.search(r"\d0s\b", t):
            return self._decade(t, a)
        m = self.re_dir.match(t)
        if m and (unit := lex.unit_of(m.group(2))):
            return self._relative_n(m.group(1), unit, lex.directions[m.group(3)], m.group(3), a)
        m = re.match(r"^([a-z]+)\s+(before|after|earlier|later)$", t)
        if m and (unit := lex.unit_of(m.group(1))):
            # "the day before" is one day; "weeks earlier" is some weeks: only the direction is known
            count = "1" if m.group(1) in lex.units else "several"
            return self._relative_n(count, unit, lex.directions[m.group(2)], m.group(2), a)
        if self.re_weekday.search(t) and not self.re_month.search(t):
            return self._weekday(t, a, future)
        if self.re_month.search(t):
            return self._month_date(t, a, future, part)
        if self.re_season.search(t):
            return self._season(t, a, future)
        m = self.re_shift.match(t)
        if m:
            n, kind = lex.shifts[m.group(1)]
            if definite and m.group(1) in ("next", "last"):
                kind = "anaphoric"  # "the next day", "the last year of the war"
            return self._shifted((n, kind), m.group(1), t[m.end() :], a)
        first = t.split()[0] if t else ""
        if first == "today" and a.narrative:
            return "PRESENT_REF"  # in a history, the writer's today
        if first in lex.day_words and a.narrative:
            # "tomorrow", "tonight" in a history are said on some quoted day, not the day of writing
            pm = self.re_part.search(t)
            code = lex.parts_of_day[pm.group(1)] if pm else "NI" if first == "tonight" else None
            return "XXXX-XX-XX" + (f"T{code}" if code else "")
        if first in lex.day_words:
            day = self._day_offset(a, lex.day_words[first])
            pm = self.re_part.search(t)
            if day and pm:
                return f"{day}T{lex.parts_of_day[pm.group(1)]}"
            return day
        m = re.match(r"^(.+?)\s*-?\s*([a-z]+)(\s+and\s+a\s+half)?$", t)
        if m and (unit := lex.unit_of(m.group(2))) and not self.re_year.fullmatch(m.group(1)):
            return self._duration(m.group(1), unit)
        m = re.match(r"^(?:years?\s+)?(?:(ad|a\.d\.)\s*)?(\d{1,4})\s*(bce|bc|b\.c\.?(?:e\.?)?|ad|a\.d\.|ce)?$", t)
        if m and (len(m.group(2)) == 4 or m.group(1) or m.group(3)):
            y = int(m.group(2))
            return fmt_year(-y if m.group(3) and m.group(3).startswith("b") else y)
        if re.match(r"^'\d\d$", t):  # "'89": the year of that name nearest the reference
            base = (a.anaphoric() or (2000, None, None))[0]
            cands = [base // 100 * 100 + k * 100 + int(t[1:]) for k in (-1, 0, 1)]
            return fmt_year(min(cands, key=lambda y: abs(y - base)))
        if re.search(r"\d|noon|midnight", t):
            return self._clock(t, a)
        return None

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _part_of_day(code: str, a: Anchors) -> str:
        """ "night", "the afternoon": that part of the reference day, or of an unknown day."""
        anchor = a.anaphoric()
        # the reference day; else a day TIMEX3 leaves unknown (a month-only reference does not
        # help here: WikiWars writes "night" in a known month as XXXX-XX-XXTNI as often as not)
        day = fmt(anchor) if anchor and anchor[2] else "XXXX-XX-XX"
        return f"{day}T{code}"

    def _day_offset(self, a: Anchors, n: int) -> str | None:
        p = a.published
        if p is None:
            return None
        return (p + dt.timedelta(days=n)).isoformat()

    def _set(self, t: str) -> str | None:
        unit = self.lex.unit_of(t.split()[-1])
        if unit == "WE":  # "every weekend": the weekend of any week
            return "XXXX-WXX-WE"
        return f"P1{unit}" if unit and unit in "DWMY" else None

    def _recurring(self, t: str) -> str | None:
        """A set told by a calendar name (TimeML SET, HeidelTime's patterns): "every Friday" and
        "Fridays" are XXXX-WXX-5, "every Friday night" XXXX-WXX-5TNI, "each September" XXXX-09,
        "every summer" XXXX-SU. None for anything else."""
        every = re.match(r"^(?:every|each)\s+", t)
        rest = t[every.end() :] if every else t
        words = rest.split()
        if not words:
            return None
        head, part = words[0], " ".join(words[1:]).rstrip("s")
        if part and part not in self.lex.parts_of_day:
            return None
        suffix = f"T{self.lex.parts_of_day[part]}" if part else ""
        if head in self.lex.weekdays and every:
            return f"XXXX-WXX-{self.lex.weekdays[head]}{suffix}"
        if (
            head.endswith("s") and head[:-1] in self.lex.weekdays and (every or len(head) > 6)
        ):  # full names: "Mons" is no plural
            return f"XXXX-WXX-{self.lex.weekdays[head[:-1]]}{suffix}"  # "on Fridays"
        if every and not part and head in self.lex.months:
            return f"XXXX-{self.lex.months[head]:02d}"
        if every and not part and head in self.lex.seasons:
            return f"XXXX-{self.lex.seasons[head]}"
        return None

    def _count(self, words: str) -> float | None:
        """The number of units: 2 for "two", None for vague ("several") ones, -1 for no number."""
        words = words.strip()
        if words in VAGUE:
            return None
        if words in ("a", "an"):
            return 1
        if words in ("half a", "half an"):
            return 0.5
        n = parse_number(words)
        return -1 if n is None else n

    def _duration(self, words: str, unit: str) -> str | None:
        n = self._count(words)
        if n == -1 and len(words.split()) > 1:  # "two bloody weeks", "four previous weeks"
            n = self._count(words.rsplit(" ", 1)[0])
        if n == -1:
            return None
        if unit in ("WE", "FN"):
            unit, n = ("D", 2 * n) if unit == "WE" and n else ("W", 2 * n if n else None)
        unit = {"DE": "DE", "CE": "CE", "ML": "ML", "Q": "Q"}.get(unit, unit)
        num = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
        if unit in ("H", "MIN", "S"):
            return f"PT{num}{'M' if unit == 'MIN' else unit}"
        return f"P{num}{unit}"

    def _relative_n(self, words: str, unit: str, sign: int, word: str, a: Anchors) -> str | None:
        n = self._count(words)
        if n is None:  # "a few days later", "years earlier": TIMEX3's vague past or future
            return "FUTURE_REF" if sign > 0 else "PAST_REF"
        anchor = a.deictic() if word in ("ago", "from now") else a.anaphoric()
        if n < 0 or anchor is None or not float(n).is_integer():
            return None
        if unit == "DE":  # "a decade earlier": a year, ten years off
            unit, n = "Y", 10 * n
        return self._shift_date(anchor, unit, sign * int(n))

    def _shift_date(self, anchor: Date3, unit: str, n: int) -> str | None:
        y, m, d = anchor
        if unit == "Y":
            return fmt_year(y + n)
        if unit == "DE":
            return fmt_decade(y + 10 * n)
        if unit == "CE":
            return fmt_century(y + 100 * n)
        if unit == "M":
            return fmt((*add_months(y, m, n), None)) if m else None
        if unit == "Q":
            if not m:
                return None
            q = y * 4 + (m - 1) // 3 + n
            return f"{q // 4:04d}-Q{q % 4 + 1}"
        if unit in ("H", "MIN") and d and abs(n) < (24 if unit == "H" else 1440):
            return fmt(anchor)  # "three hours before" the dated event: that day
        if unit in ("D", "W", "WE", "FN"):
            base = day_date(anchor) if d else None
            if base is None:
                return None
            days = {"D": 1, "W": 7, "WE": 7, "FN": 14}[unit] * n
            return (base + dt.timedelta(days=days)).isoformat()
        return None

    def _shifted(self, shift: tuple[int, str], word: str, rest: str, a: Anchors) -> str | None:
        """ "last month", "the next day", "the past two weeks", "this morning"."""
        n, kind = shift
        rest = rest.strip()
        pm = self.re_part.fullmatch(rest)
        if pm:  # "this morning", "that night", "last night"
            anchor = a.deictic() if kind == "deictic" else a.anaphoric()
            if anchor and anchor[2]:
                day = fmt(anchor) if n == 0 else self._shift_date(anchor, "D", n)
                return f"{day}T{self.lex.parts_of_day[pm.group(1)]}" if day else None
            return None
        words = rest.split()
        if not words:
            return None
        unit = self.lex.unit_of(words[-1])
        if unit is None:
            return None
        if len(words) > 1:  # "the past two weeks": a duration
            return self._duration(" ".join(words[:-1]), unit)
        if words[0] not in self.lex.units:  # "the coming years": a vague duration
            return self._duration("several", unit)
        if word == "past":  # "the past week": the week up to now
            return self._duration("1", unit)
        anchor = a.deictic() if kind == "deictic" else a.anaphoric()
        if anchor is None:
            return None
        _y, _m, d = anchor
        if unit in ("W", "WE"):  # the week, or its weekend, n weeks from the anchor's
            if not d:
                return None
            base = valid_date(day_date(anchor), anchor)
            iy, iw, _ = (base + dt.timedelta(days=7 * n)).isocalendar()
            return f"{iy:04d}-W{iw:02d}" + ("-WE" if unit == "WE" else "")
        if unit == "D" and not d:
            # "that same day" in a month whose day is not told: a day of that month
            return f"{fmt((_y, _m, None))}-XX" if n == 0 and _m else None
        return self._shift_date(anchor, unit, n)
