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
from dataclasses import dataclass

from ..common.number_words import parse_number
from .lexicon import TimeLexicon, alternation, time_lexicon

Date3 = tuple  # (year, month | None, day | None); BC years are negative

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_VAGUE = {"several", "a few", "few", "many", "some", "a couple of", "a couple", "a number of"}


@dataclass
class Anchors:
    published: dt.date | None = None
    narrative: bool = False
    ref: Date3 | None = None          # the reference time: last resolved calendar date

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


def _date(d: Date3) -> dt.date | None:
    try:
        return dt.date(d[0], d[1] or 1, d[2] or 1)
    except (ValueError, TypeError):
        return None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


class Resolver:
    """Turns the text of one temporal expression into (value, mod)."""

    def __init__(self, lex: TimeLexicon | None = None):
        self.lex = lex = lex or time_lexicon()
        month = alternation(lex.months)
        self.re_month = re.compile(rf"\b({month})(?![a-z])")
        self.re_year = re.compile(r"(?<![\d'])(\d{4})(?!\d)")
        self.re_day = re.compile(r"(?<![\d:/'])(\d{1,2})(?:st|nd|rd|th)?(?![\d:/]|\s*(?:a\.m|p\.m|am\b|pm\b))")
        self.re_bc = re.compile(r"\b(bce|bc|b\.c\.e?\.?)(?![a-z])")
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
    def resolve(self, text: str, anchors: Anchors, future: bool = False,
                update_ref: bool = True) -> tuple[str | None, str | None]:
        """(value, mod) of one expression. `update_ref=False` for asides ("since 1614", "the
        1812 campaign") whose date should not become the reference time of what follows."""
        t = " ".join(text.lower().replace("\u2013", "-").replace("\u2019", "'").split())
        mod = None
        definite = t.startswith("the ")  # "the next day" looks back to the reference time
        m = self.re_mod.match(t) or self.re_mod.match(re.sub(r"^the\s+", "", t))
        if m and len(m.string) > m.end():
            mod = self.lex.mods[" ".join(m.group(1).split())]
            t = m.string[m.end():]
        t = re.sub(r"^the\s+", "", t)
        value = self._core(t, anchors, future, definite)
        if update_ref and (value and value[0].isdigit() or (value or "").startswith("BC")):
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
        pm = re.match(rf"^({alternation(lex.parts_of_day)})\s+of\s+(?:the\s+)?", t)
        if pm:                                   # "the morning of 29 April 1975"
            part, t = lex.parts_of_day[pm.group(1)], t[pm.end():]
        if t in lex.refs:
            return lex.refs[t]
        if re.match(r"^(?:this|that|same)\s+(?:time|period|point)$|^time\s+being$", t):
            return "PRESENT_REF" if t in ("time being", "this time") and not a.narrative else None
        if t in lex.holidays or re.sub(r"\s*,?\s*\d{4}$", "", t) in lex.holidays:
            return self._holiday(t, a, future)
        if t in lex.units:                       # "the year", "the day": the reference time's
            return self._this_unit(lex.units[t], a)
        if lex.unit_of(t) and t not in lex.units:  # bare plural: "weeks", "months"
            return f"P{'T' if lex.unit_of(t) in ('H', 'MIN', 'S') else ''}X{lex.unit_of(t).replace('MIN', 'M')}"
        m = re.match(r"^(\d{4})-(\d\d)-(\d\d)(?:t(\d\d:\d\d))?", t)
        if m:
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" + (f"T{m.group(4)}" if m.group(4) else "")
        m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$", t)
        if m:
            a1, a2, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            mo, d = (a2, a1) if a1 > 12 else (a1, a2)
            y = y + (2000 if y <= 50 else 1900) if y < 100 else y
            return fmt((y, mo, d)) if _date((y, mo, d)) else None
        if re.match(r"^(?:each|every|per)\s+|^(?:daily|weekly|monthly|annually|yearly|biannually)$", t):
            return self._set(t)
        if t.startswith("recent "):
            return "PAST_REF"
        if re.search(r"\b(?:quarter|half)\b", t):
            return self._quarter(t, a)
        if "century" in t:
            return self._century(t)
        if re.search(r"\d0s\b", t):
            return self._decade(t, a)
        m = self.re_dir.match(t)
        if m and lex.unit_of(m.group(2)):
            return self._relative_n(m.group(1), lex.unit_of(m.group(2)), lex.directions[m.group(3)], m.group(3), a)
        m = re.match(r"^([a-z]+)\s+(before|after|earlier|later)$", t)
        if m and lex.unit_of(m.group(1)):
            return self._relative_n("1", lex.unit_of(m.group(1)), lex.directions[m.group(2)], m.group(2), a)
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
                kind = "anaphoric"          # "the next day", "the last year of the war"
            return self._shifted((n, kind), m.group(1), t[m.end():], a)
        first = t.split()[0] if t else ""
        if first in ("today", "tonight") and a.narrative:
            return "PRESENT_REF"
        if first in lex.day_words:
            d = self._day_offset(a, lex.day_words[first])
            pm = self.re_part.search(t)
            if d and pm:
                return f"{d}T{lex.parts_of_day[pm.group(1)]}"
            return d
        if t in lex.parts_of_day:
            return None
        m = re.match(r"^(.+?)\s*-?\s*([a-z]+)(\s+and\s+a\s+half)?$", t)
        if m and lex.unit_of(m.group(2)) and not self.re_year.fullmatch(m.group(1)):
            return self._duration(m.group(1), lex.unit_of(m.group(2)))
        m = re.match(r"^(?:years?\s+)?(?:(ad|a\.d\.)\s*)?(\d{1,4})\s*(bce|bc|b\.c\.e?\.?|ad|a\.d\.|ce)?$", t)
        if m and (len(m.group(2)) == 4 or m.group(1) or m.group(3)):
            y = int(m.group(2))
            return fmt_year(-y if m.group(3) and m.group(3).startswith("b") else y)
        if re.match(r"^'\d\d$", t):                # "'89": the year of that name nearest the reference
            base = (a.anaphoric() or (2000, None, None))[0]
            cands = [base // 100 * 100 + k * 100 + int(t[1:]) for k in (-1, 0, 1)]
            return fmt_year(min(cands, key=lambda y: abs(y - base)))
        if re.search(r"\d|noon|midnight", t):
            return self._clock(t, a)
        return None

    # ---------------------------------------------------------------- helpers
    def _day_offset(self, a: Anchors, n: int) -> str | None:
        p = a.published
        if p is None:
            return None
        return (p + dt.timedelta(days=n)).isoformat()

    def _set(self, t: str) -> str | None:
        unit = {"daily": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y"}.get(t)
        if unit is None:
            unit = self.lex.unit_of(t.split()[-1])
        return f"P1{unit}" if unit and unit in "DWMY" else None

    def _count(self, words: str) -> float | None:
        """The number of units: 2 for "two", None for vague ("several") ones, -1 for no number."""
        words = words.strip()
        if words in _VAGUE:
            return None
        if words in ("a", "an"):
            return 1
        if words in ("half a", "half an"):
            return 0.5
        n = parse_number(words)
        return -1 if n is None else n

    def _duration(self, words: str, unit: str) -> str | None:
        n = self._count(words)
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
        anchor = a.deictic() if word == "ago" else a.anaphoric()
        if n is None or n < 0 or anchor is None or not float(n).is_integer():
            return None
        return self._shift_date(anchor, unit, sign * int(n))

    def _shift_date(self, anchor: Date3, unit: str, n: int) -> str | None:
        y, m, d = anchor
        if unit == "Y":
            return fmt_year(y + n)
        if unit == "DE":
            return f"{(y + 10 * n) // 10:03d}"
        if unit == "CE":
            return f"{(y + 100 * n) // 100:02d}"
        if unit == "M":
            return fmt((*_add_months(y, m, n), None)) if m else None
        if unit == "Q":
            if not m:
                return None
            q = (y * 4 + (m - 1) // 3 + n)
            return f"{q // 4:04d}-Q{q % 4 + 1}"
        if unit in ("D", "W", "WE", "FN"):
            base = _date(anchor) if d else None
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
        if pm:                                    # "this morning", "that night", "last night"
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
        if len(words) > 1:                        # "the past two weeks": a duration
            return self._duration(" ".join(words[:-1]), unit)
        if words[0] not in self.lex.units:        # "the coming years": a vague duration
            return self._duration("several", unit)
        if word == "past":                        # "the past week": the week up to now
            return self._duration("1", unit)
        anchor = a.deictic() if kind == "deictic" else a.anaphoric()
        if anchor is None:
            return None
        y, m, d = anchor
        if unit == "W":
            if not d:
                return None
            day = _date(anchor) + dt.timedelta(days=7 * n)
            iy, iw, _ = day.isocalendar()
            return f"{iy:04d}-W{iw:02d}"
        if unit == "WE":
            if not d:
                return None
            day = _date(anchor) + dt.timedelta(days=7 * n)
            iy, iw, _ = day.isocalendar()
            return f"{iy:04d}-W{iw:02d}-WE"
        if unit == "D" and not d:
            return None
        return self._shift_date(anchor, unit, n)

    def _weekday(self, t: str, a: Anchors, future: bool) -> str | None:
        wd = self.lex.weekdays[self.re_weekday.search(t).group(1)]
        anchor = a.deictic()
        if anchor is None or not anchor[2]:
            return None
        base = _date(anchor)
        m = self.re_shift.match(t)
        shift = m.group(1) if m else None
        delta = (wd - base.isoweekday()) % 7
        if shift in ("next", "coming") or (future and shift != "last"):
            day = base + dt.timedelta(days=delta or (7 if shift else 0))
        elif shift == "this":
            day = base + dt.timedelta(days=delta if future else delta - 7 if delta else 0)
        else:
            back = (base.isoweekday() - wd) % 7
            day = base - dt.timedelta(days=back or (7 if shift == "last" else 0))
        pm = self.re_part.search(t)
        out = day.isoformat()
        return f"{out}T{self.lex.parts_of_day[pm.group(1)]}" if pm else out

    def _find_year(self, t: str) -> tuple[int | None, str]:
        """The year written in t (negative for BC) and t without it."""
        m = re.search(r"(?<![\d'])(\d{1,4})\s*(?:bce|bc|b\.c\.e?\.?)(?![a-z])", t)
        if m:
            return -int(m.group(1)), t[:m.start()] + t[m.end():]
        m = self.re_year.search(t)
        if m:
            return int(m.group(1)), t[:m.start()] + t[m.end():]
        return None, t

    def _this_unit(self, unit: str, a: Anchors) -> str | None:
        """ "the year", "the month", "the day": that unit of the reference time."""
        anchor = a.anaphoric()
        if anchor is None:
            return None
        y, m, d = anchor
        if unit == "Y":
            return fmt_year(y)
        if unit == "M" and m:
            return fmt((y, m, None))
        if unit == "D" and d:
            return fmt(anchor)
        return None

    def _holiday(self, t: str, a: Anchors, future: bool) -> str | None:
        ym = self.re_year.search(t)
        name = re.sub(r"\s*,?\s*\d{4}$", "", t)
        mo, d = self.lex.holidays[name]
        y = int(ym.group(1)) if ym else self._year_for_month(mo, d, a, future, None)
        return fmt((y, mo, d)) if y is not None else None

    def _year_for_month(self, month: int, day: int | None, a: Anchors, future: bool, shift: str | None) -> int | None:
        if a.narrative and a.ref:
            return a.ref[0]
        p = a.published
        if p is None:
            return a.ref[0] if a.ref else None
        if shift in ("this", "current"):
            return p.year
        after = (month, day or 1) > (p.month, p.day)
        if shift in ("next", "coming", "upcoming"):
            return p.year if after else p.year + 1
        if shift == "last":
            return p.year if (month, day or 1) < (p.month, p.day if day else 1) else p.year - 1
        if future:
            return p.year if (month, day or 31) >= (p.month, p.day) else p.year + 1
        return p.year - 1 if after else p.year

    def _month_date(self, t: str, a: Anchors, future: bool, part: str | None) -> str | None:
        mm = self.re_month.search(t)
        month = self.lex.months[mm.group(1)]
        rest = t[:mm.start()] + " " + t[mm.end():]
        year, rest = self._find_year(rest)
        dm = self.re_day.search(rest)
        day = int(dm.group(1)) if dm else None
        if day is not None and not 1 <= day <= 31:
            day = None
        rel = re.search(r"of\s+(that|the\s+same|the\s+following|the\s+previous|this|last|next)\s+year", t)
        if year is None and rel:
            word = rel.group(1).split()[-1]
            anchor = a.anaphoric() if word in ("that", "same", "following", "previous") else a.deictic()
            if anchor is None:
                return None
            year = anchor[0] + {"following": 1, "next": 1, "previous": -1, "last": -1}.get(word, 0)
            rest = rest.replace(rel.group(0), " ")
            dm = self.re_day.search(rest)
            day = int(dm.group(1)) if dm else None
        if year is None:
            sm = self.re_shift.match(t)
            year = self._year_for_month(month, day, a, future, sm.group(1) if sm else None)
            if year is None:
                return None
        if year > 0 and day and _date((year, month, day)) is None:
            day = None
        out = fmt((year, month, day))
        if part and day:
            out += f"T{part}"
        return out

    def _season(self, t: str, a: Anchors, future: bool) -> str | None:
        code = self.lex.seasons[self.re_season.search(t).group(1)]
        year, _ = self._find_year(t)
        if year is not None:
            return f"{fmt_year(year)}-{code}"
        sm = self.re_shift.match(t)
        shift = sm.group(1) if sm else None
        if shift in ("that", "same", "following", "previous") or a.narrative:
            anchor = a.anaphoric()
            if anchor is None:
                return None
            y = anchor[0] + {"following": 1, "previous": -1}.get(shift, 0)
            return f"{fmt_year(y)}-{code}"
        p = a.published
        if p is None:
            return None
        # a season's year is the year it starts in (winter 2024 runs from December 2024)
        start = _SEASON_START[code]
        started = p.year if p.month >= start else p.year - 1      # its latest start
        since = (p.year - started) * 12 + p.month - start         # months since then
        running = since < 3
        if shift in ("next", "coming", "upcoming"):
            y = started + 1
        elif shift == "last":
            y = started - 1 if running else started               # the last one completed
        elif shift in ("this", "current"):
            y = started if since <= 6 else started + 1
        elif future:
            y = started if running else started + 1
        else:
            y = started
        return f"{fmt_year(y)}-{code}"

    def _decade(self, t: str, a: Anchors) -> str | None:
        m = re.search(r"(\d{2,3})0s", t)
        digits = m.group(1)
        if len(digits) == 1 or t[m.start() - 1:m.start()] == "'":
            base = (a.anaphoric() or (2000, None, None))[0]
            digits = f"{base // 100}{digits[-1]}" if len(digits) <= 2 else digits
        if self.re_bc.search(t):
            return f"BC{int(digits):03d}"
        return f"{int(digits):03d}"

    def _century(self, t: str) -> str | None:
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", t)
        n = int(m.group(1)) if m else None
        if n is None:
            n = parse_number(t.split()[0].replace("first", "one").replace("second", "two")
                             .replace("third", "three").replace("fifth", "five").replace("ninth", "nine")
                             .replace("twelfth", "twelve").replace("eighth", "eight").replace("ieth", "y")
                             .replace("th", "")) if t.split() else None
            n = int(n) if n else None
        if not n:
            return None
        if self.re_bc.search(t):
            return f"BC{n - 1:02d}"
        return f"{n - 1:02d}"

    def _quarter(self, t: str, a: Anchors) -> str | None:
        ordinals = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
        m = re.search(r"\b(first|1st|second|2nd|third|3rd|fourth|4th)\b|q([1-4])", t)
        if not m:
            return None
        n = ordinals.get(m.group(1) or "", int(m.group(2) or 0))
        ym = self.re_year.search(t)
        year = int(ym.group(1)) if ym else (a.anaphoric() or (None,))[0]
        if year is None:
            return None
        if "half" in t:
            return f"{fmt_year(year)}-H{n}" if n <= 2 else None
        return f"{fmt_year(year)}-Q{n}"

    def _clock(self, t: str, a: Anchors) -> str | None:
        if "noon" in t:
            hh, mi = 12, 0
        elif "midnight" in t:
            hh, mi = 0, 0
        else:
            m = self.re_time.search(t)
            if not m or not (m.group(2) or m.group(3)):
                return None
            hh, mi = int(m.group(1)), int(m.group(2) or 0)
            ap = (m.group(3) or "").replace(".", "")
            if ap == "pm" and hh < 12:
                hh += 12
            elif ap == "am" and hh == 12:
                hh = 0
            if hh > 23:
                return None
        anchor = a.anaphoric()
        day = fmt(anchor) if anchor and anchor[2] else "XXXX-XX-XX"
        return f"{day}T{hh:02d}:{mi:02d}"
