"""Read queries: one function per record kind -> (SELECT, row shaper).

Rows of per-record kinds come back as the record's contract dict plus the article's
fields (article_id, published, outlet, title, url) and the names their local ids point
to. Order is deterministic: newest article first, then article id, then record order.
Record lists filter and sort on the record's own copy of `published`, so an index
(filter columns, published DESC NULLS LAST, article_id, ord) serves a page without a sort;
the actor and place lists read the totals kept on write unless a date or article narrows them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from sqlalchemy import JSON, Boolean, Float, Integer, Join, Select, and_, func, select, tuple_
from sqlalchemy.sql.util import find_tables

from ..errors import UsageError
from . import rows, schema, search
from .conditions import where
from .filters import Filters, read
from .listing import Sort, read_sort

A = schema.articles
ARTICLE_COLS = (A.c.title, A.c.url)  # `published` and `outlet` come with each record row (copies, v3 and v6)
Query = tuple[Select, Callable[[Mapping], dict]]


@cache
def _alias(table, alias: str):
    """One alias object per name: building an alias's columns costs ~0.5 ms of Python each time."""
    return table.alias(alias)


def _ref(table, alias: str, record, column: str | None = None):
    """An outer-join target: the record of `table` whose local id the column names."""
    t = _alias(table, alias)
    return t, and_(t.c.article_id == record.c.article_id, t.c.id == record.c[column or alias])


def _article_fields(r: Mapping) -> dict:
    return {
        "article_id": r["article_id"],
        "published": r["published"],
        "outlet": r["outlet"],
        "title": r["title"],
        "url": r["url"],
    }


def _ordered(q: Select, record, joined=None) -> Select:
    """Newest first; the record table and its joins ride along for page_first(), summary and sorted()."""
    q = q.order_by(*schema.newest_first(record))
    return q.execution_options(newsledger_joins=joined if joined is not None else record, newsledger_record=record)


def sorted_by(q: Select, sort: Sort | None) -> Select:
    """The query in the order asked for, ties in the list's own order (newest first); NULLs last either way."""
    if sort is None:
        return q
    column = q.selected_columns[sort.column]
    first = column.desc() if sort.descending else column.asc()
    record = q.get_execution_options().get("newsledger_record")
    tail = schema.newest_first(record) if record is not None else tuple(q._order_by_clauses)
    return q.order_by(None).order_by(first.nulls_last(), *tail)


def events(f: Filters) -> Query:
    e = schema.events
    act, on_act = _ref(schema.actors, "actor", e)
    rec, on_rec = _ref(schema.actors, "recipient", e)
    pl, on_pl = _ref(schema.places, "place", e)
    tm, on_tm = _ref(schema.times, "time", e)
    st, on_st = _ref(schema.statements, "statement", e)
    joined = (
        e.join(A, A.c.id == e.c.article_id)
        .outerjoin(act, on_act)
        .outerjoin(rec, on_rec)
        .outerjoin(pl, on_pl)
        .outerjoin(tm, on_tm)
        .outerjoin(st, on_st)
    )
    q = select(
        *e.c,
        *ARTICLE_COLS,
        act.c.name.label("actor_name"),
        act.c.sector.label("actor_sector"),  # their countries: copies on e
        rec.c.name.label("recipient_name"),
        rec.c.sector.label("recipient_sector"),
        pl.c.name.label("place_name"),
        pl.c.country.label("place_country"),
        pl.c.lat.label("place_lat"),
        pl.c.lon.label("place_lon"),
        tm.c.value.label("time_value"),
        tm.c.text.label("time_text"),
        st.c.source_text.label("source_text"),
    ).select_from(joined)
    conds = where(f, e, joined)

    def shape(r: Mapping) -> dict:
        return {
            **rows.event_dict(r),
            **_article_fields(r),
            **{
                k: r[k]
                for k in (
                    "actor_name",
                    "actor_country",
                    "actor_sector",
                    "recipient_name",
                    "recipient_country",
                    "recipient_sector",
                    "place_name",
                    "place_country",
                    "place_lat",
                    "place_lon",
                    "time_value",
                    "time_text",
                    "source_text",
                )
            },
        }

    return _ordered(q.where(*conds), e, joined), shape


def statements(f: Filters) -> Query:
    s = schema.statements
    act, on_act = _ref(schema.actors, "source_actor", s)
    joined = s.join(A, A.c.id == s.c.article_id).outerjoin(act, on_act)
    q = select(
        *s.c, *ARTICLE_COLS, act.c.name.label("source_actor_name"), act.c.sector.label("source_sector")
    ).select_from(joined)  # source_country: a copy on s
    conds = where(f, s, joined)

    def shape(r: Mapping) -> dict:
        return {
            **rows.statement_dict(r),
            **_article_fields(r),
            "source_actor_name": r["source_actor_name"],
            "source_country": r["source_country"],
            "source_sector": r["source_sector"],
        }

    return _ordered(q.where(*conds), s, joined), shape


def figures(f: Filters) -> Query:
    fig = schema.figures
    act, on_act = _ref(schema.actors, "actor", fig)
    # Who gives the figure: the first statement whose content span contains it.
    st = schema.statements.alias("says")
    says = (
        select(st.c.id, st.c.source_text)
        .where(st.c.article_id == fig.c.article_id, st.c.content_start <= fig.c.start, st.c.content_end >= fig.c.end)
        .order_by(st.c.ord)
        .limit(1)
    )
    joined = fig.join(A, A.c.id == fig.c.article_id).outerjoin(act, on_act)
    q = select(
        *fig.c,
        *ARTICLE_COLS,
        act.c.name.label("actor_name"),  # actor_country: a copy on fig
        says.with_only_columns(st.c.id).scalar_subquery().label("statement"),
        says.with_only_columns(st.c.source_text).scalar_subquery().label("source_text"),
    ).select_from(joined)

    def shape(r: Mapping) -> dict:
        return {
            **rows.figure_dict(r),
            **_article_fields(r),
            "actor_name": r["actor_name"],
            "actor_country": r["actor_country"],
            "statement": r["statement"],
            "source_text": r["source_text"],
        }

    return _ordered(q.where(*where(f, fig, joined)), fig, joined), shape


def times(f: Filters) -> Query:
    t = schema.times
    joined = t.join(A, A.c.id == t.c.article_id)
    q = select(*t.c, A.c.outlet, *ARTICLE_COLS).select_from(joined)
    return _ordered(q.where(*where(f, t, joined)), t, joined), lambda r: {**rows.time_dict(r), **_article_fields(r)}


def articles(f: Filters) -> Query:
    counts = [
        select(func.count()).where(t.c.article_id == A.c.id).scalar_subquery().label(kind)
        for kind, t in schema.RECORD_TABLES.items()
    ]
    q = select(
        A.c.id,
        A.c.published,
        A.c.outlet,
        A.c.title,
        A.c.url,
        A.c.author,
        A.c.source,
        A.c.kind,
        A.c.added,
        func.length(A.c.text, type_=Integer).label("chars"),
        *counts,
    )
    return _ordered(q.where(*where(f, A)), A), lambda r: dict(r)


def aggregate(table, keys, conds) -> Select:
    """One row per distinct `keys` across the matching rows, with how many articles, mentions and events."""
    n_articles = func.count(table.c.article_id.distinct())
    n_mentions = func.coalesce(func.sum(table.c.n_mentions), 0)
    q = (
        select(
            *keys,
            n_articles.label("articles"),
            n_mentions.label("mentions"),
            func.coalesce(func.sum(table.c.n_events), 0).label("events"),
            func.min(table.c.published).label("first_published"),
            func.max(table.c.published).label("last_published"),
        )
        .where(*conds)
        .group_by(*keys)
    )
    return q.order_by(n_articles.desc(), n_mentions.desc(), *(k.asc().nulls_last() for k in keys))


def _ranked(kind: str, conds: list) -> Select:
    """The totals kept on write for `kind`, filtered and ranked by articles, then mentions."""
    totals = schema.TOTALS_TABLES[kind]
    names = totals.c.keys()  # the names: iterating a ColumnCollection gives its columns
    keys = [totals.c[k] for k in names if k not in _TOTALS_SUMS and k != "key"]
    return (
        select(*keys, *(totals.c[k] for k in _TOTALS_SUMS))
        .where(*conds)
        .order_by(totals.c.articles.desc(), totals.c.mentions.desc(), *(k.asc().nulls_last() for k in keys))
    )


_TOTALS_SUMS = ("articles", "mentions", "events", "first_published", "last_published")


def actors(f: Filters) -> Query:
    return _totals_or_rows(schema.actors, ("name", "country", "sector"), f)


def places(f: Filters) -> Query:
    return _totals_or_rows(schema.places, ("name", "country", "geonameid", "lat", "lon", "kind"), f)


NARROWING = ("since", "until", "article")  # filters the totals kept on write cannot answer


def _totals_or_rows(t, keys: tuple[str, ...], f: Filters) -> Query:
    """The totals kept on write when no date or article narrows the list; else `t`'s rows in the
    range (and article) aggregated by `keys`. The other filters compare columns both tables have."""
    if not any(name in f for name in NARROWING):
        return _ranked(t.name, where(f, schema.TOTALS_TABLES[t.name])), lambda r: dict(r)
    return aggregate(t, tuple(t.c[k] for k in keys), where(f, t)), lambda r: dict(r)


# Record lists whose page is found first, on the record table and only the joins its filters need,
# and then dressed with the display joins for those rows only: joining names, places and times to
# every row skipped by an OFFSET costs; and PostgreSQL spends more time choosing an order for six
# joins than running them (30-60 ms a query), while for a page of keys the written order is right.
PAGE_FIRST = {"events": schema.events, "statements": schema.statements, "figures": schema.figures, "articles": A}
# Articles too: their rows count each kind of record (six subqueries), which ranking a search's hits
# would otherwise compute for every hit, not only for the page.


def page_keys(kind: str) -> tuple[str, ...]:
    """The columns that name one row of a PAGE_FIRST kind."""
    return ("id",) if kind == "articles" else ("article_id", "ord")


def _prune(from_, needed):
    """The join tree without the joined tables that no condition needs (each adds at most one row:
    a record's local id names one record, and every record has its article)."""
    if not isinstance(from_, Join):
        return from_
    left = _prune(from_.left, needed)
    keep = from_.right in needed or getattr(from_.right, "name", None) == "hits"  # a search's hits narrow
    return left.join(from_.right, from_.onclause, isouter=from_.isouter) if keep else left


def narrowed(q: Select):
    """(FROM, WHERE) of a list query with only the joins its conditions need: what the list's rows are,
    for counting them (newsledger.store.summary) and finding a page's keys."""
    needed = (
        set(find_tables(q.whereclause, check_columns=True, include_aliases=True))
        if q.whereclause is not None
        else set()
    )
    return _prune(q.get_execution_options()["newsledger_joins"], needed), q.whereclause


def page_first(kind: str, q: Select) -> tuple[Select, Callable[[list], Select]]:
    """(the page's keys (page_keys), in list order; keys -> the full rows of those keys, unordered)."""
    record = PAGE_FIRST[kind]
    names = page_keys(kind)
    from_, whereclause = narrowed(q)
    keys = select(*(record.c[n] for n in names)).select_from(from_)
    if whereclause is not None:
        keys = keys.where(whereclause)
    keys = keys.order_by(*q._order_by_clauses)  # the list's order, maybe sorted_by() a column

    shown = q.get_execution_options().get("newsledger_display", q)  # without a search's hits: found already

    def rows_of(page: list) -> Select:
        # No ORDER BY: sorting would make SQLite walk the order index instead of looking the keys up.
        # The article ids alone are what SQLite looks up by primary key (it scans for a row-value IN).
        if names == ("id",):
            return shown.order_by(None).where(record.c.id.in_([k[0] for k in page]))
        return shown.order_by(None).where(
            record.c.article_id.in_(sorted({k[0] for k in page})),
            tuple_(record.c.article_id, record.c.ord).in_([tuple(k) for k in page]),
        )

    return keys, rows_of


QUERIES = {
    "articles": articles,
    "events": events,
    "statements": statements,
    "figures": figures,
    "actors": actors,
    "places": places,
    "times": times,
}


def columns(kind: str) -> dict[str, str]:
    """Keys of one row of this kind -> "int", "float", "bool", "str" or "json" (lists and dicts).

    Known without running the query, so an empty export still has its header and typed columns.
    """
    q, shape = QUERIES[kind](read(kind))
    sql_types = {c.key: c.type for c in q.selected_columns}
    out = {}
    for key in shape({k: None for k in sql_types}):
        t = sql_types.get(key)
        if t is None or isinstance(t, JSON):
            out[key] = "json"  # composed by the shaper (spans) or a JSON column
        elif isinstance(t, Boolean):
            out[key] = "bool"
        elif isinstance(t, Integer):
            out[key] = "int"
        elif isinstance(t, Float):
            out[key] = "float"
        else:
            out[key] = "str"
    return out


def build(kind: str, filters: Filters | dict, sort: str | Sort | None = None, dialect: str = "sqlite") -> Query:
    """The query of one kind with these filters (None values ignored) in the order `sort` asks
    (newsledger.store.listing; None: the list's own, or by relevance when searching) for a database
    of this dialect (the search differs); unknown kinds, filters, sorts and values that cannot be
    used are usage errors (newsledger.store.filters)."""
    if kind not in QUERIES:
        raise UsageError(f"unknown kind {kind!r}; one of {', '.join(QUERIES)}")
    order = read_sort(kind, sort)
    q, shape = filtered(kind, read(kind, filters), dialect)
    return sorted_by(q, order), shape


def filtered(kind: str, f: Filters, dialect: str) -> Query:
    """The list query of `kind` with its filters; a text search narrows it and ranks it (store.search)."""
    q, shape = QUERIES[kind](f)
    if "text" not in f or kind not in search.SEARCHED:
        return q, shape
    record = q.get_execution_options()["newsledger_record"]
    if dialect == "postgresql":
        matches, rank = search.matching(record, f.get("text"))
        ranked = q.where(matches).order_by(None).order_by(rank, *schema.newest_first(record))
        return ranked.execution_options(newsledger_display=q), shape
    found = search.hits(record.name, f.get("text"))
    on = search.on(record, found)
    joins = q.get_execution_options()["newsledger_joins"].join(found, on)
    ranked = q.join(found, on).order_by(None).order_by(found.c.rank, *schema.newest_first(record))
    return ranked.execution_options(newsledger_joins=joins, newsledger_display=q), shape
