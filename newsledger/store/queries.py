"""Read queries: one function per record kind -> (SELECT, row shaper).

Rows of per-record kinds come back as the record's contract dict plus the article's
fields (article_id, published, outlet, title, url) and the names their local ids point
to. Order is deterministic: newest article first, then article id, then record order.
"""
from __future__ import annotations

import inspect
from typing import Callable, Mapping

from sqlalchemy import JSON, Boolean, Float, Integer, Select, and_, exists, func, or_, select

from ..errors import UsageError
from . import rows, schema
from .filters import contains, equals, published_between
from .rows import clean

A = schema.articles
ARTICLE_COLS = (A.c.published, A.c.outlet, A.c.title, A.c.url)
Query = tuple[Select, Callable[[Mapping], dict]]


def _ref(table, alias: str, record, column: str = None):
    """An outer-join target: the record of `table` whose local id the column names."""
    t = table.alias(alias)
    return t, and_(t.c.article_id == record.c.article_id, t.c.id == record.c[column or alias])


def _article_fields(r: Mapping) -> dict:
    return {"article_id": r["article_id"], "published": r["published"], "outlet": r["outlet"],
            "title": r["title"], "url": r["url"]}


def _not_a_copy(article_id) -> object:
    """Counts each story once: leaves out articles linked as duplicates of an earlier one."""
    return ~exists().where(schema.duplicates.c.article_id == article_id)


def _ordered(q: Select, record) -> Select:
    return q.order_by(A.c.published.desc().nulls_last(), record.c.article_id, record.c.ord)


def events(type=None, mode=None, actor=None, country=None, since=None, until=None,
           text=None, article=None, place=None, include_duplicates=True) -> Query:
    e = schema.events
    act, on_act = _ref(schema.actors, "actor", e)
    rec, on_rec = _ref(schema.actors, "recipient", e)
    pl, on_pl = _ref(schema.places, "place", e)
    tm, on_tm = _ref(schema.times, "time", e)
    st, on_st = _ref(schema.statements, "statement", e)
    q = select(
        *e.c, *ARTICLE_COLS,
        act.c.name.label("actor_name"), act.c.country.label("actor_country"), act.c.sector.label("actor_sector"),
        rec.c.name.label("recipient_name"), rec.c.country.label("recipient_country"),
        rec.c.sector.label("recipient_sector"),
        pl.c.name.label("place_name"), pl.c.country.label("place_country"),
        pl.c.lat.label("place_lat"), pl.c.lon.label("place_lon"),
        tm.c.value.label("time_value"), tm.c.text.label("time_text"),
        st.c.source_text.label("source_text"),
    ).select_from(e.join(A, A.c.id == e.c.article_id).outerjoin(act, on_act).outerjoin(rec, on_rec)
                  .outerjoin(pl, on_pl).outerjoin(tm, on_tm).outerjoin(st, on_st))
    conds = published_between(A.c.published, since, until)
    if type is not None:
        conds.append(equals(e.c.type, type, upper=True))
    if mode is not None:
        conds.append(equals(e.c.mode, mode))
    if actor is not None:   # the doer or the one done to: "events involving X"
        conds.append(contains(actor, act.c.name, rec.c.name))
    if country is not None:
        conds.append(or_(equals(act.c.country, country, upper=True), equals(rec.c.country, country, upper=True)))
    if text is not None:
        conds.append(contains(text, e.c.trigger_text, A.c.title))
    if place is not None:
        conds.append(contains(place, pl.c.name))
    if article is not None:
        conds.append(equals(e.c.article_id, article))
    if not include_duplicates:
        conds.append(_not_a_copy(e.c.article_id))

    def shape(r: Mapping) -> dict:
        return {**rows.event_dict(r), **_article_fields(r),
                **{k: r[k] for k in ("actor_name", "actor_country", "actor_sector", "recipient_name",
                                     "recipient_country", "recipient_sector", "place_name", "place_country",
                                     "place_lat", "place_lon", "time_value", "time_text", "source_text")}}
    return _ordered(q.where(*conds), e), shape


def statements(source=None, country=None, certainty=None, since=None, until=None,
               text=None, article=None, include_duplicates=True) -> Query:
    s = schema.statements
    act, on_act = _ref(schema.actors, "source_actor", s)
    q = select(*s.c, *ARTICLE_COLS, act.c.name.label("source_actor_name"),
               act.c.country.label("source_country"), act.c.sector.label("source_sector")
               ).select_from(s.join(A, A.c.id == s.c.article_id).outerjoin(act, on_act))
    conds = published_between(A.c.published, since, until)
    if source is not None:
        conds.append(contains(source, s.c.source_text, act.c.name))
    if country is not None:
        conds.append(equals(act.c.country, country, upper=True))
    if certainty is not None:
        conds.append(equals(s.c.certainty, certainty))
    if text is not None:
        conds.append(contains(text, s.c.content_text, A.c.title))
    if article is not None:
        conds.append(equals(s.c.article_id, article))
    if not include_duplicates:
        conds.append(_not_a_copy(s.c.article_id))

    def shape(r: Mapping) -> dict:
        return {**rows.statement_dict(r), **_article_fields(r), "source_actor_name": r["source_actor_name"],
                "source_country": r["source_country"], "source_sector": r["source_sector"]}
    return _ordered(q.where(*conds), s), shape


def figures(about=None, actor=None, country=None, since=None, until=None, text=None, article=None,
            include_duplicates=True) -> Query:
    f = schema.figures
    act, on_act = _ref(schema.actors, "actor", f)
    # Who gives the figure: the first statement whose content span contains it.
    st = schema.statements.alias("says")
    says = (select(st.c.id, st.c.source_text)
            .where(st.c.article_id == f.c.article_id, st.c.content_start <= f.c.start, st.c.content_end >= f.c.end)
            .order_by(st.c.ord).limit(1))
    q = select(*f.c, *ARTICLE_COLS, act.c.name.label("actor_name"), act.c.country.label("actor_country"),
               says.with_only_columns(st.c.id).scalar_subquery().label("statement"),
               says.with_only_columns(st.c.source_text).scalar_subquery().label("source_text"),
               ).select_from(f.join(A, A.c.id == f.c.article_id).outerjoin(act, on_act))
    conds = published_between(A.c.published, since, until)
    if about is not None:
        conds.append(contains(about, f.c.counted, f.c.text))
    if actor is not None:
        conds.append(contains(actor, act.c.name))
    if country is not None:
        conds.append(equals(act.c.country, country, upper=True))
    if text is not None:
        conds.append(contains(text, f.c.text, A.c.title))
    if article is not None:
        conds.append(equals(f.c.article_id, article))
    if not include_duplicates:
        conds.append(_not_a_copy(f.c.article_id))

    def shape(r: Mapping) -> dict:
        return {**rows.figure_dict(r), **_article_fields(r), "actor_name": r["actor_name"],
                "actor_country": r["actor_country"], "statement": r["statement"], "source_text": r["source_text"]}
    return _ordered(q.where(*conds), f), shape


def times(value=None, text=None, since=None, until=None, article=None) -> Query:
    t = schema.times
    q = select(*t.c, *ARTICLE_COLS).select_from(t.join(A, A.c.id == t.c.article_id))
    conds = published_between(A.c.published, since, until)
    if value is not None:   # a prefix: "2024-12" finds "2024-12-03" too
        conds.append(t.c.value.istartswith(clean(str(value)), autoescape=True))
    if text is not None:
        conds.append(contains(text, t.c.text, A.c.title))
    if article is not None:
        conds.append(equals(t.c.article_id, article))
    return _ordered(q.where(*conds), t), lambda r: {**rows.time_dict(r), **_article_fields(r)}


def articles(text=None, outlet=None, since=None, until=None, article=None, include_duplicates=True) -> Query:
    counts = [select(func.count()).where(t.c.article_id == A.c.id).scalar_subquery().label(kind)
              for kind, t in schema.RECORD_TABLES.items()]
    q = select(A.c.id, A.c.published, A.c.outlet, A.c.title, A.c.url, A.c.author, A.c.source, A.c.kind,
               A.c.added, func.length(A.c.text, type_=Integer).label("chars"), *counts)
    conds = published_between(A.c.published, since, until)
    if text is not None:
        conds.append(contains(text, A.c.title, A.c.text))
    if outlet is not None:
        conds.append(contains(outlet, A.c.outlet))
    if article is not None:
        conds.append(equals(A.c.id, article))
    if not include_duplicates:
        conds.append(_not_a_copy(A.c.id))
    q = q.where(*conds).order_by(A.c.published.desc().nulls_last(), A.c.id)
    return q, lambda r: dict(r)


def _aggregate(table, keys, conds) -> Select:
    """One row per distinct `keys` across articles, with how many articles, mentions and events."""
    n_articles = func.count(table.c.article_id.distinct())
    n_mentions = func.coalesce(func.sum(table.c.n_mentions), 0)
    q = select(*keys, n_articles.label("articles"), n_mentions.label("mentions"),
               func.coalesce(func.sum(table.c.n_events), 0).label("events"),
               func.min(A.c.published).label("first_published"), func.max(A.c.published).label("last_published"),
               ).select_from(table.join(A, A.c.id == table.c.article_id)).where(*conds).group_by(*keys)
    return q.order_by(n_articles.desc(), n_mentions.desc(), *(k.asc().nulls_last() for k in keys))


def actors(name=None, country=None, sector=None, since=None, until=None, article=None) -> Query:
    t = schema.actors
    conds = published_between(A.c.published, since, until)
    if name is not None:
        conds.append(contains(name, t.c.name))
    if country is not None:
        conds.append(equals(t.c.country, country, upper=True))
    if sector is not None:
        conds.append(equals(t.c.sector, sector, upper=True))
    if article is not None:
        conds.append(equals(t.c.article_id, article))
    q = _aggregate(t, (t.c.name, t.c.country, t.c.sector), conds)
    return q, lambda r: dict(r)


def places(name=None, country=None, since=None, until=None, article=None) -> Query:
    t = schema.places
    conds = published_between(A.c.published, since, until)
    if name is not None:
        conds.append(contains(name, t.c.name))
    if country is not None:
        conds.append(equals(t.c.country, country, upper=True))
    if article is not None:
        conds.append(equals(t.c.article_id, article))
    keys = (t.c.name, t.c.country, t.c.geonameid, t.c.lat, t.c.lon, t.c.kind)
    return _aggregate(t, keys, conds), lambda r: dict(r)


QUERIES = {"articles": articles, "events": events, "statements": statements, "figures": figures,
           "actors": actors, "places": places, "times": times}


def columns(kind: str) -> dict[str, str]:
    """Keys of one row of this kind -> "int", "float", "bool", "str" or "json" (lists and dicts).

    Known without running the query, so an empty export still has its header and typed columns.
    """
    q, shape = QUERIES[kind]()
    sql_types = {c.key: c.type for c in q.selected_columns}
    out = {}
    for key in shape({k: None for k in sql_types}):
        t = sql_types.get(key)
        if t is None or isinstance(t, JSON):
            out[key] = "json"      # composed by the shaper (spans) or a JSON column
        elif isinstance(t, Boolean):
            out[key] = "bool"
        elif isinstance(t, Integer):
            out[key] = "int"
        elif isinstance(t, Float):
            out[key] = "float"
        else:
            out[key] = "str"
    return out


def build(kind: str, filters: dict) -> Query:
    """The query of one kind with these filters (None values ignored); unknown names are usage errors."""
    if kind not in QUERIES:
        raise UsageError(f"unknown kind {kind!r}; one of {', '.join(QUERIES)}")
    fn = QUERIES[kind]
    accepted = inspect.signature(fn).parameters
    unknown = sorted(k for k in filters if k not in accepted)
    if unknown:
        raise UsageError(f"{kind} cannot be filtered by {', '.join(unknown)}; filters: {', '.join(accepted)}")
    return fn(**{k: v for k, v in filters.items() if v is not None})
