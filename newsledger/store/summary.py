"""How many rows a filtered list has, and its facets: counts of each value of the columns declared in
newsledger.store.listing.FACETS, over the same rows as the list (the same filters, the same defaults).

The record lists count on the record table with only the joins their filters need (queries.narrowed);
the actor and place lists count their grouped rows; merged events count the merged_events table.
"""

from __future__ import annotations

from sqlalchemy import Select, and_, func, literal_column, or_, select, union_all

from . import ledger_tables, queries
from .conditions import where
from .filters import Filters
from .listing import FACETS, facet_names

FACET_VALUES = 20  # values per facet: the most frequent


def _source(kind: str, f: Filters, dialect: str):
    """(FROM, WHERE, columns by name) of the rows the list of `kind` shows with these filters."""
    if kind == "merged_events":
        me = ledger_tables.merged_events
        conds = where(f, me)
        return me, and_(*conds) if conds else None, me.c
    q, _ = queries.filtered(kind, f, dialect)
    if kind in ("actors", "places"):  # one row per group: count the groups
        sub = q.order_by(None).subquery("listed")
        return sub, None, sub.c
    from_, whereclause = queries.narrowed(q)
    return from_, whereclause, q.selected_columns


def count_query(kind: str, f: Filters, dialect: str) -> Select:
    from_, whereclause, _ = _source(kind, f, dialect)
    q = select(func.count()).select_from(from_)
    return q if whereclause is None else q.where(whereclause)


def facet_queries(kind: str, f: Filters, fields, dialect: str, values: int = FACET_VALUES) -> dict[str, Select]:
    """Per facet, a query of (value, n) rows, most frequent first (then by value); NULL values left out.

    A facet of several columns (events by country: the actor's or the recipient's) counts a row once
    under each distinct value, as the filter of that name would find it."""
    from_, whereclause, cols = _source(kind, f, dialect)
    out = {}
    for name in facet_names(kind, fields):
        columns = [cols[c] for c in FACETS[kind][name]]
        parts = []
        for i, col in enumerate(columns):
            conds = [col.isnot(None), *(or_(col != prev, prev.is_(None)) for prev in columns[:i])]
            if whereclause is not None:
                conds.append(whereclause)
            parts.append(conds)
        if len(parts) == 1:
            value = columns[0]
            q = select(value.label("value"), func.count().label("n")).select_from(from_).where(*parts[0])
            q = q.group_by(value)
        else:
            selects = [select(col.label("value")).select_from(from_).where(*c) for col, c in zip(columns, parts)]
            sub = union_all(*selects).subquery("facet")
            value = sub.c.value
            q = select(value.label("value"), func.count().label("n")).group_by(value)
        out[name] = q.order_by(literal_column("n").desc(), value).limit(values)
    return out
