"""Filter values -> SQL conditions. Every user value becomes a bound parameter."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Iterable

from sqlalchemy import ColumnElement, or_

from ..errors import UsageError
from .rows import clean

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def contains(value: str, *columns) -> ColumnElement:
    """Case-insensitive substring in any of the columns; % and _ in the value are literal."""
    value = clean(str(value))
    return or_(*(c.icontains(value, autoescape=True) for c in columns))


def equals(column, value: Any, *, upper: bool = False) -> ColumnElement:
    """Equality with one value, or membership in a list/tuple/set of values."""
    values = [value] if isinstance(value, (str, int, float)) else list(value)
    values = [clean(str(v).upper() if upper else v) for v in values]
    return column == values[0] if len(values) == 1 else column.in_(values)


def date_bound(value: str | dt.date, *, upper: bool) -> str:
    """'2024', '2024-12' or '2024-12-23' -> a full YYYY-MM-DD bound (first or last day)."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    m = _DATE.match(str(value).strip())
    if not m:
        raise UsageError(f"a date filter must look like YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")
    year, month, day = int(m[1]), m[2], m[3]
    month = int(month) if month else (12 if upper else 1)
    if not 1 <= month <= 12:
        raise UsageError(f"no month {month} in date filter {value!r}")
    last = calendar.monthrange(year, month)[1]
    day = int(day) if day else (last if upper else 1)
    if not 1 <= day <= last:
        raise UsageError(f"no day {day} in date filter {value!r}")
    return f"{year:04d}-{month:02d}-{day:02d}"


def published_between(column, since, until) -> list[ColumnElement]:
    conds = []
    if since is not None:
        conds.append(column >= date_bound(since, upper=False))
    if until is not None:
        conds.append(column <= date_bound(until, upper=True))
    return conds


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


def present(conds: Iterable) -> list:
    return [c for c in conds if c is not None]
