"""Filters -> SQL conditions, as the table (newsledger.store.filters) says. Every value is a bound parameter."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Join, exists, or_

from . import filters as table
from . import ledger_tables
from .filtering import Filters


def contains(value: str, columns: list) -> ColumnElement:
    """Case-insensitive substring of any of the columns; % and _ in the value are literal."""
    return or_(*(c.icontains(value, autoescape=True) for c in columns))


def equals(value: Any, columns: list) -> ColumnElement:
    """Any of the columns equals the value, or one of the values of a tuple."""
    if isinstance(value, tuple) and len(value) == 1:
        value = value[0]
    if isinstance(value, tuple):
        return or_(*(c.in_(value) for c in columns))
    return or_(*(c == value for c in columns))


def prefix(value: str, columns: list) -> ColumnElement:
    return or_(*(c.istartswith(value, autoescape=True) for c in columns))


def at_least(value: Any, columns: list) -> ColumnElement:
    return or_(*(c >= value for c in columns))


def at_most(value: Any, columns: list) -> ColumnElement:
    return or_(*(c <= value for c in columns))


def hide_copies(include: bool, columns: list) -> ColumnElement | None:
    """Unless copies are included: leaves out articles linked as duplicates of an earlier one (each story once)."""
    if include:
        return None
    return ~exists().where(ledger_tables.duplicates.c.article_id == columns[0])


def search(value: str, columns: list) -> None:
    """Full-text search: no condition here, the query joins the search's hits (queries.filtered)."""
    return None


MATCHES: Mapping[str, Callable[[Any, list], ColumnElement | None]] = {
    "contains": contains,
    "equals": equals,
    "prefix": prefix,
    "at_least": at_least,
    "at_most": at_most,
    "hide_copies": hide_copies,
    "search": search,
}


def where(filters: Filters, own: FromClause, joined: FromClause | None = None) -> list[ColumnElement]:
    """The conditions of these filters on a query of their kind: "column" names a column of `own`
    (the kind's table), "alias.column" one of the table or alias of that name joined in `joined`."""
    if not filters.values:
        return []
    rows = {f.name: f for f in table.FILTERS}
    tables = _named(joined, {}) if joined is not None else {}
    out = []
    for name, value in filters.values.items():
        f = rows[name]
        columns = [
            tables[ref.split(".")[0]].c[ref.split(".")[1]] if "." in ref else own.c[ref] for ref in f.on[filters.kind]
        ]
        cond = MATCHES[f.match](value, columns)
        if cond is not None:
            out.append(cond)
    return out


def _named(from_: Any, out: dict) -> dict:
    """The tables and aliases of a join tree by name (walking the tree, not every column of it)."""
    if isinstance(from_, Join):
        _named(from_.left, out)
        return _named(from_.right, out)
    out[from_.name] = from_
    return out
