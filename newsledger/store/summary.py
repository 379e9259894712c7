"""How many rows a filtered list has, and its facets: counts of each value of the columns declared in
newsledger.store.listing.FACETS, over the same rows as the list (the same filters, the same defaults).

The record lists count on the record table with only the joins their filters need (queries.narrowed);
the actor and place lists count their grouped rows; merged events count the merged_events table.
"""

from __future__ import annotations

from sqlalchemy import Select, and_, func, literal, or_, select, union_all

from . import ledger_tables, queries, schema
from .conditions import where
from .filters import Filters
from .listing import FACETS, facet_names

FACET_VALUES = 20  # values per facet: the most frequent


def _source(kind: str, f: Filters, dialect: str, cap: int | None = None):
    """(FROM, WHERE, columns by name, the list's own order) of the rows the list of `kind` shows with
    these filters; the order: what a capped facet count reads first (a search's rank left out: ranking
    every hit is what the cap avoids). The grouped lists (actors, places) come capped already (cap:
    their first rows in the list's order), their order None."""
    if kind == "merged_events":
        me = ledger_tables.merged_events
        conds = where(f, me)
        order = (me.c.n_articles.desc(), me.c.last_date.desc().nulls_last(), me.c.id)
        return me, and_(*conds) if conds else None, me.c, order
    q, _ = queries.filtered(kind, f, dialect)
    if kind in ("actors", "places"):  # one row per group: count the groups
        sub = (q.limit(cap) if cap is not None else q.order_by(None)).subquery("listed")
        return sub, None, sub.c, None
    from_, whereclause = queries.narrowed(q)
    return from_, whereclause, q.selected_columns, schema.newest_first(q.get_execution_options()["newsledger_record"])


def count_query(kind: str, f: Filters, dialect: str, cap: int | None = None) -> Select:
    """The count of the list's rows; with a cap, of at most cap + 1 of them (found in whatever order is
    cheapest): counting every row of a broad filter reads every row, 0.5 s at 100k articles."""
    from_, whereclause, _, _ = _source(kind, f, dialect)
    if cap is None:
        q = select(func.count()).select_from(from_)
        return q if whereclause is None else q.where(whereclause)
    some = select(literal(1).label("one")).select_from(from_)
    if whereclause is not None:
        some = some.where(whereclause)
    return select(func.count()).select_from(some.limit(cap + 1).subquery("some"))


TOTAL = ""  # the facet name of the row that counts the facets' rows (facet_query(total=True))


def facet_query(
    kind: str, f: Filters, fields, dialect: str, cap: int | None = None, total: bool = False
) -> tuple[Select, list[str]]:
    """(one query of (facet, value, n) rows for every facet asked, the facets asked).

    total: one more row (TOTAL, None, how many rows the facets counted): with a cap, fewer than the
    cap means the facets counted the whole list, and that is its total (no count query needed).

    With a cap, the facets count the first `cap` rows of the list in its own order (newest first; a
    search's too, not by rank): the cost of a page's facets stops growing with the ledger, and the
    counts are those of the newest rows when the list has more.

    The list's rows are found once (a MATERIALIZED common table expression: a search's index is
    read once, not once per facet) and each facet counts its column(s) there; NULL values are left
    out. A facet of several columns (events by country: the actor's or the recipient's) counts a
    row once under each distinct value, as the filter of that name would find it: its columns'
    counts are summed by Store.facets."""
    from_, whereclause, cols, order = _source(kind, f, dialect, cap)
    names = facet_names(kind, fields)
    wanted = list(dict.fromkeys(c for name in names for c in FACETS[kind][name]))
    # Found once, whatever the filters (a search's index read once; a filtered list's rows once, not
    # one index walk per facet testing the filter on every row it passes).
    listed = select(*([cols[c].label(c) for c in wanted] or [literal(1).label("one")])).select_from(from_)
    if whereclause is not None:
        listed = listed.where(whereclause)
    if cap is not None and order is not None:
        listed = listed.order_by(*order).limit(cap)
    rows = listed.cte("listed").prefix_with("MATERIALIZED")
    parts = []
    for name in names:
        columns = [rows.c[c] for c in FACETS[kind][name]]
        for i, col in enumerate(columns):
            conds = [col.isnot(None), *(or_(col != prev, prev.is_(None)) for prev in columns[:i])]
            parts.append(
                select(literal(name).label("facet"), col.label("value"), func.count().label("n"))
                .where(*conds)
                .group_by(col)
            )
    if total:
        parts.append(select(literal(TOTAL).label("facet"), literal(None).label("value"), func.count().label("n")))
        parts[-1] = parts[-1].select_from(rows)
    if not parts:
        return select(literal("").label("facet"), literal(None).label("value"), literal(0).label("n")).where(
            literal(False)
        ), names
    return (parts[0] if len(parts) == 1 else union_all(*parts)), names  # type: ignore[return-value]
