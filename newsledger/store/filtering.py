"""What a query filter is: its declaration (Filter), how a given value is read (the readers), and the
error a bad value gives. The filters themselves are one table, newsledger.store.filters.

Pure Python, no SQL here: the CLI and the web read these declarations to build their options and
parameters; newsledger.store.conditions turns the values read into SQL.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

from ..errors import UsageError

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# C0 and C1 control characters: PostgreSQL text cannot hold NUL, and none belongs in a filter value.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
LARGEST_COUNT = 2**31 - 1  # fits an integer column on every backend


class FilterError(UsageError):
    """A filter value that cannot be used; the message names the filter, the value and what is wrong."""

    def __init__(self, name: str, value: Any, reason: str):
        super().__init__(f"{name} {value!r}: {reason}")
        self.name, self.value, self.reason = name, value, reason


# -- readers: one given value -> its normalised value; ValueError(reason) when it cannot be used -----


@dataclass(frozen=True)
class Text:
    """Free text, compared case-insensitively (as given: spaces may matter)."""

    metavar: str = "TEXT"
    many = False

    def read(self, raw: Any, kind: str) -> str:
        return str(raw)


@dataclass(frozen=True)
class Code:
    """A code compared exactly after trimming and case folding ('assault' -> 'ASSAULT')."""

    case: str = "upper"
    choices: tuple[str, ...] = ()  # the known codes: a select in the web forms; others match nothing
    metavar: str = "CODE"
    many = True

    def read(self, raw: Any, kind: str) -> str:
        code = str(raw).strip()
        return code.upper() if self.case == "upper" else code.lower()


@dataclass(frozen=True)
class Country:
    """An ISO 3166-1 alpha-2 or alpha-3 code or a country's name ("RU", "RUS", "Russia"), compared in
    the code the kind stores: alpha-2 for the kinds listed (places), alpha-3 for the others (actors and
    the records that copy their country). Other codes (IGO codes such as NATO, UN, EU; codes ISO
    lacks, such as XKX) are compared as given, upper-cased."""

    alpha2_kinds: tuple[str, ...] = ("places",)
    metavar: str = "CODE"
    many = True

    def read(self, raw: Any, kind: str) -> str:
        code = str(raw).strip().upper()
        iso = _iso_country(code)
        if iso is None:
            return code
        return iso[0] if kind in self.alpha2_kinds else iso[1]


@lru_cache(maxsize=512)
def _iso_country(code: str) -> tuple[str, str] | None:
    """(alpha-2, alpha-3) of an ISO 3166-1 code of either width or of a country name, or None."""
    import pycountry  # loads its database on first use: only when a country filter is read

    for pair in _USER_ASSIGNED:
        if code in pair:
            return pair
    c = None
    if len(code) in (2, 3) and code.isalpha():
        c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
    if c is None:  # a name ("Russia", "UK", "U.K.")
        from .countries import alpha3_of_name

        alpha3 = alpha3_of_name(code)
        if alpha3 is not None and alpha3 != code:
            return _iso_country(alpha3)
    return (c.alpha_2, c.alpha_3) if c is not None else None


# Codes in common use that ISO 3166-1 leaves to its users (and pycountry lacks): Kosovo.
_USER_ASSIGNED = (("XK", "XKX"),)


@dataclass(frozen=True)
class Date:
    """A date YYYY-MM-DD, or a month YYYY-MM or a year YYYY meaning its first day (or its last: end=True)."""

    end: bool = False
    metavar: str = "YYYY-MM-DD"
    many = False
    max_length = 10

    def read(self, raw: Any, kind: str) -> str:
        return day_bound(raw, upper=self.end)


@dataclass(frozen=True)
class Count:
    """A whole number, at least `minimum`."""

    minimum: int = 0
    metavar: str = "N"
    many = False
    maximum = LARGEST_COUNT

    def read(self, raw: Any, kind: str) -> int:
        if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).strip().lstrip("-").isdigit():
            raise ValueError("not a whole number")
        n = int(str(raw).strip())
        if not self.minimum <= n <= self.maximum:
            raise ValueError(f"must be between {self.minimum} and {self.maximum}")
        return n


@dataclass(frozen=True)
class Flag:
    """Yes or no."""

    metavar: str = ""
    many = False
    _WORDS: ClassVar[dict[str, bool]] = {
        "true": True,
        "1": True,
        "yes": True,
        "on": True,
        "false": False,
        "0": False,
        "no": False,
        "off": False,
    }

    def read(self, raw: Any, kind: str) -> bool:
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word not in self._WORDS:
            raise ValueError("not true or false")
        return self._WORDS[word]


@dataclass(frozen=True)
class Id:
    """An identifier, compared exactly."""

    metavar: str = "ID"
    many = True

    def read(self, raw: Any, kind: str) -> str:
        return str(raw)


def day_bound(value: Any, *, upper: bool) -> str:
    """'2024', '2024-12' or '2024-12-23' (or a date) -> a full YYYY-MM-DD bound (first or last day);
    ValueError saying what is wrong otherwise."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    m = _DATE.match(str(value).strip())
    if not m:
        raise ValueError("not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(m[1]), m[2], m[3]
    month = int(month) if month else (12 if upper else 1)
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month} in a year (use YYYY-MM-DD)")
    last = calendar.monthrange(year, month)[1]
    day = int(day) if day else (last if upper else 1)
    if not 1 <= day <= last:
        raise ValueError(f"no day {day} in {year:04d}-{month:02d}")
    return f"{year:04d}-{month:02d}-{day:02d}"


# -- one filter ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    """One filter, declared once for the CLI, the web API, the web pages and the Store's queries.

    on: query kind -> the columns compared, each "column" of the kind's own table or "alias.column"
    of a table joined in its query (an empty tuple: the kind's view in newsledger.ledger matches it).
    match: how the value and those columns become one SQL condition (newsledger.store.conditions).
    """

    name: str  # Python keyword, API query parameter, --name in the CLI
    read_as: Text | Code | Country | Date | Count | Flag | Id
    match: str  # contains, equals, prefix, at_least, at_most, hide_copies
    on: Mapping[str, tuple[str, ...]]
    help: str
    example: str = ""  # shown in the web forms' empty field
    option: str | None = None  # the CLI option when it is not --name
    form: bool = True  # a field of the web pages' filter forms
    default: Any = None  # the value the paged lists (CLI, API, pages, Store) use when none is given
    kinds: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", tuple(self.on))

    @property
    def cli_option(self) -> str:
        return self.option or "--" + self.name.replace("_", "-")

    def read(self, raw: Any, kind: str) -> Any:
        """The normalised value (None: no filter); FilterError naming this filter when it cannot be used.
        A list, tuple or set means any of its values, where the filter compares codes or ids."""
        if isinstance(raw, (list, tuple, set, frozenset)):
            if not self.read_as.many:
                raise FilterError(self.name, raw, "takes one value, not a list")
            if not _CONTROL.search(" ".join(map(str, raw))):  # the usual case, e.g. 500 article ids: one pass
                try:
                    return tuple(
                        dict.fromkeys(self.read_as.read(v, kind) for v in raw if v is not None and str(v).strip())
                    )
                except ValueError:
                    pass  # _one below names the value at fault
            values = (self._one(v, kind) for v in raw)
            return tuple(dict.fromkeys(v for v in values if v is not None))
        return self._one(raw, kind)

    def _one(self, raw: Any, kind: str) -> Any:
        if raw is None:
            return None
        if isinstance(raw, str):
            bad = _CONTROL.search(raw)
            if bad:
                raise FilterError(
                    self.name, raw, f"contains the control character U+{ord(bad[0]):04X}; filter values are plain text"
                )
            if not raw.strip():
                return None  # a blank field means no filter, as in the web forms
        try:
            return self.read_as.read(raw, kind)
        except ValueError as e:
            raise FilterError(self.name, raw, str(e)) from None


@dataclass(frozen=True)
class Filters:
    """The filters given to one kind of query: `values` normalised, `given` as given (for forms, links)."""

    kind: str
    values: Mapping[str, Any]
    given: Mapping[str, Any]

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def __contains__(self, name: str) -> bool:
        return name in self.values


def page(limit: int | None, offset: int) -> tuple[int | None, int]:
    """Validated limit (None = all) and offset."""
    try:
        limit = None if limit is None else int(limit)
        offset = int(offset or 0)
    except (TypeError, ValueError):
        raise UsageError(f"limit and offset must be whole numbers, not {limit!r} / {offset!r}") from None
    if (limit is not None and limit < 0) or offset < 0:
        raise UsageError("limit and offset must not be negative")
    return limit, offset
