"""The calendar-word rules of the resolver: weekdays, years, "this week", holidays, months,
seasons, decades, centuries, quarters and clock times, each resolved against the anchors."""

from __future__ import annotations

import datetime as dt
import re

from ..common.number_words import parse_number
from .dates import (
    SEASON_START,
    Anchors,
    day_date,
    fmt,
    fmt_year,
)
from .lexicon import TimeLexicon


def matched(m: re.Match[str] | None, what: str, t: str) -> re.Match[str]:
    """The match the resolver routed t here for. When the routing test and the rule's own pattern
    disagree the expression has no value: a ValueError, which the times component turns into
    "no value, no modifier"."""
    if m is None:
        raise ValueError(f"no {what} in time expression {t!r}")
    return m


def valid_date(d: dt.date | None, anchor: tuple) -> dt.date:
    """day_date(anchor), which must exist (a ValueError, as for `matched`, when it does not)."""
    if d is None:
        raise ValueError(f"anchor {anchor} is not a calendar date")
    return d


class CalendarNames:
    """Mixed into Resolver, which sets these attributes in its __init__."""

    lex: TimeLexicon
    re_bc: re.Pattern[str]
    re_day: re.Pattern[str]
    re_month: re.Pattern[str]
    re_part: re.Pattern[str]
    re_season: re.Pattern[str]
    re_shift: re.Pattern[str]
    re_time: re.Pattern[str]
    re_weekday: re.Pattern[str]
    re_year: re.Pattern[str]

    def _weekday(self, t: str, a: Anchors, future: bool) -> str | None:
        wd = self.lex.weekdays[matched(self.re_weekday.search(t), "weekday", t).group(1)]
        anchor = a.deictic()
        if anchor is None or not anchor[2]:
            return None
        base = valid_date(day_date(anchor), anchor)
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
        m = re.search(r"(?<![\d'])(\d{1,4})\s*(?:bce|bc|b\.c\.?(?:e\.?)?)(?![a-z])", t)
        if m:
            return -int(m.group(1)), t[: m.start()] + t[m.end() :]
        m = self.re_year.search(t)
        if m:
            return int(m.group(1)), t[: m.start()] + t[m.end() :]
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
        if unit == "W" and d and (day := day_date(anchor)):  # "the end of the week"
            iy, iw, _ = day.isocalendar()
            return f"{iy:04d}-W{iw:02d}"
        if unit == "D" and d:
            return fmt(anchor)
        if unit == "D" and m:  # "the same day" in a month whose day is not known
            return f"{fmt((y, m, None))}-XX"
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
        mm = matched(self.re_month.search(t), "month", t)
        month = self.lex.months[mm.group(1)]
        rest = t[: mm.start()] + " " + t[mm.end() :]
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
        if year > 0 and day and day_date((year, month, day)) is None:
            day = None
        out = fmt((year, month, day))
        if out and part and day:
            out += f"T{part}"
        return out

    def _season(self, t: str, a: Anchors, future: bool) -> str | None:
        code = self.lex.seasons[matched(self.re_season.search(t), "season", t).group(1)]
        year, _ = self._find_year(t)
        if year is not None:
            return f"{fmt_year(year)}-{code}"
        sm = self.re_shift.match(t)
        shift = sm.group(1) if sm else None
        if shift in ("that", "same", "following", "previous") or a.narrative:
            anchor = a.anaphoric()
            if anchor is None:
                return None
            y = anchor[0] + {"following": 1, "previous": -1}.get(shift or "", 0)
            if code == "WI" and shift is None and a.narrative and (anchor[1] or 0) > 6:
                # a history's "the winter", told in a year's second half, is the
                # winter to come, which WikiWars names by the year of its January
                y += 1
            return f"{fmt_year(y)}-{code}"
        p = a.published
        if p is None:
            return None
        # a season's year is the year it starts in (winter 2024 runs from December 2024)
        start = SEASON_START[code]
        started = p.year if p.month >= start else p.year - 1  # its latest start
        since = (p.year - started) * 12 + p.month - start  # months since then
        running = since < 3
        if shift in ("next", "coming", "upcoming"):
            y = started + 1
        elif shift == "last":
            y = started - 1 if running else started  # the last one completed
        elif shift in ("this", "current"):
            y = started if since <= 6 else started + 1
        elif future:
            y = started if running else started + 1
        else:
            y = started
        return f"{fmt_year(y)}-{code}"

    def _decade(self, t: str, a: Anchors) -> str | None:
        """ "the 1990s" -> "199"; "the '90s", "the 90s" -> the decade of that name not after the
        reference year (the publication date's in news): "199" in 2024, "192" in a 1940s history."""
        m = matched(re.search(r"(\d{1,3})0s", t), "decade", t)
        digits = m.group(1)
        if self.re_bc.search(t):  # "the 470s BC"
            return f"BC{int(digits):03d}"
        if len(digits) < 3:
            base = (a.anaphoric() or (2000, None, None))[0]
            year = base // 100 * 100 + int(digits[-1]) * 10
            digits = str((year - 100 if year > base else year) // 10)
        return f"{int(digits):03d}"

    def _century(self, t: str) -> str | None:
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", t)
        n = int(m.group(1)) if m else None
        if n is None:
            spelt = (
                parse_number(
                    t.split()[0]
                    .replace("first", "one")
                    .replace("second", "two")
                    .replace("third", "three")
                    .replace("fifth", "five")
                    .replace("ninth", "nine")
                    .replace("twelfth", "twelve")
                    .replace("eighth", "eight")
                    .replace("ieth", "y")
                    .replace("th", "")
                )
                if t.split()
                else None
            )
            n = int(spelt) if spelt else None
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
