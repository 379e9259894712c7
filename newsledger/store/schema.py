"""The ledger's tables (SQLAlchemy Core, portable types only).

One row per article and one row per record; every record keeps its article id, its
position in the article's result (`ord`, for round trips and stable order), its local
id ("e1") and its character spans. Mentions and small lists are JSON columns.
The tables across articles (version 2) are in ledger_tables.py.
Changing a table here means adding a migration in migrations.py as well.

Version 7: events, statements, figures and times carry `search_text`, and a full-text index covers
it and the articles' title and body (store/search.py: FTS5 tables in SQLite, a tsvector column in
PostgreSQL, both made outside these definitions).

Version 6: events, statements and figures also carry their article's outlet, events their ACLED
event type (facets, filters and sorts on the record's own row).

Version 3 (for the UI's queries on large ledgers): every record also carries its article's
`published` date, and events, statements and figures the country of the actors they name,
so one index serves both a filter and the lists' newest-first order without a join or a sort; actors and places
across articles are kept summed in
actor_totals / place_totals, and the rows of each table in record_counts, all updated in the
same transaction as the records.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


def _published() -> Column:
    """The article's publication date, copied onto each record (articles are never updated)."""
    return Column("published", String)


def _span(prefix: str) -> list[Column]:
    return [Column(f"{prefix}_start", Integer), Column(f"{prefix}_end", Integer), Column(f"{prefix}_text", Text)]


meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", String),
    Column("author", Text),
    Column("published", String),  # YYYY-MM-DD: compares correctly as text
    Column("source", Text),
    Column("kind", String),
    Column("text", Text, nullable=False),
    Column("added", String),  # ISO timestamp of the ingest that stored it
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)

actors = Table(
    "actors",
    metadata,
    _article_fk(),
    Column("ord", Integer, primary_key=True),
    Column("id", String),
    _published(),
    Column("name", Text),
    Column("country", String),
    Column("sector", String),
    Column("kind", String),
    Column("mentions", JSON),
    Column("n_mentions", Integer),
    Column("n_events", Integer),  # events of its article naming it as actor or recipient
    Index("ix_actors_local", "article_id", "id"),
    Index("ix_actors_name", "name"),
    Index("ix_actors_country", "country"),
    Index("ix_actors_sector", "sector"),
)

places = Table(
    "places",
    metadata,
    _article_fk(),
    Column("ord", Integer, primary_key=True),
    Column("id", String),
    _published(),
    Column("name", Text),
    Column("country", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("kind", String),
    Column("mentions", JSON),
    Column("n_mentions", Integer),
    Column("n_events", Integer),  # events of its article that happen there
    Index("ix_places_local", "article_id", "id"),
    Index("ix_places_name", "name"),
    Index("ix_places_country", "country"),
)

times = Table(
    "times",
    metadata,
    _article_fk(),
    Column("ord", Integer, primary_key=True),
    Column("id", String),
    _published(),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("value", String),
    Column("mod", String),
    Column("search_text", Text),  # what full-text search reads (v7, store.search)
    Index("ix_times_local", "article_id", "id"),
    Index("ix_times_value", "value"),
)

figures = Table(
    "figures",
    metadata,
    _article_fk(),
    Column("ord", Integer, primary_key=True),
    Column("id", String),
    _published(),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("approx", Boolean),
    Column("bound", String),
    Column("unit", String),
    Column("counted", Text),
    Column("actor", String),
    Column("actor_country", String),  # copied from the actor named by `actor` (v3)
    Column("outlet", String),  # copied from the article (v6)
    Column("search_text", Text),  # what full-text search reads (v7, store.search)
    Index("ix_figures_local", "article_id", "id"),
    Index("ix_figures_actor", "article_id", "actor"),
    Index("ix_figures_counted", "counted"),
)

statements = Table(
    "statements",
    metadata,
    _article_fk(),
    Column("ord", Integer, primary_key=True),
    Column("id", String),
    _published(),
    Column("direct", Boolean),
    *_span("source"),
    Column("source_actor", String),
    Column("source_country", String),  # copied from the actor named by `source_actor` (v3)
    *_span("cue"),
    *_span("content"),
    Column("certainty", String),
    Column("via", String),
    Column("hedged", Boolean),
    Column("outlet", String),  # copied from the article (v6)
    Column("search_text", Text),  # what full-text search reads (v7, store.search)
    Index("ix_statements_local", "article_id", "id"),
    Index("ix_statements_source_actor", "article_id", "source_actor"),
)

events = Table(
    "events",
    metadata,
    _article_fk(),
    Column("ord", Integer, primary_key=True),
    Column("id", String),
    _published(),
    Column("type", String),
    Column("mode", String),
    Column("acled", JSON),
    *_span("trigger"),
    Column("actor", String),
    Column("recipient", String),
    Column("place", String),
    Column("time", String),
    Column("actor_country", String),
    Column("recipient_country", String),  # copied from those actors (v3)
    Column("figures", JSON),
    Column("statement", String),
    Column("confidence", Float),
    Column("evidence", JSON),  # [{start, end, text}] of later mentions of the same event
    Column("co_actors", JSON),
    Column("co_recipients", JSON),  # coordinated parties (v4)
    Column("outlet", String),  # copied from the article (v6)
    Column("acled_type", String),  # acled.event_type, copied so it can be filtered, counted and sorted (v6)
    Column("search_text", Text),  # what full-text search reads (v7, store.search)
    Index("ix_events_local", "article_id", "id"),
    Index("ix_events_actor", "article_id", "actor"),
    Index("ix_events_recipient", "article_id", "recipient"),
)

ingests = Table(
    "ingests",
    metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("started", String),
    Column("finished", String),
    Column("inputs", Integer),
    Column("articles_added", Integer),
    Column("articles_skipped", Integer),
    Column("failed", Integer),
    Column("failures", JSON),
    Column("summary", JSON),  # the whole summary, so added keys survive
)

# -- version 3: indexes for the newest-first lists, totals for the actor and place lists ---------


def newest_first(table: Table) -> tuple:
    """The lists' order: newest article first, then article id, then record order."""
    key = table.c.id if table is articles else table.c.article_id
    tail = (key,) if table is articles else (key, table.c.ord)
    return (table.c.published.desc().nulls_last(), *tail)


def _newest_index(name: str, table: Table, *lead, tail: tuple = ()) -> list[Index]:
    """An index on (lead..., published DESC NULLS LAST, ids[, tail...]): serves `WHERE lead = ? ORDER BY
    newest_first`; a tail column can be tested in the index, without reading rows the filter drops.

    PostgreSQL needs NULLS LAST spelled out (its DESC default is NULLS FIRST); SQLite's DESC already
    puts NULLs last and it does not accept NULLS LAST in an index, so each dialect gets its own DDL.
    """
    order = newest_first(table)
    return [
        Index(name, *lead, *order, *tail).ddl_if(dialect="postgresql"),
        Index(name, *lead, order[0].element, *order[1:], *tail).ddl_if(dialect="sqlite"),
    ]


V3_INDEXES = [
    *_newest_index("ix_articles_newest", articles),
    # The country filter (actor OR recipient) is tested in the index, without reading the rows it drops.
    *_newest_index("ix_events_newest", events, tail=(events.c.actor_country, events.c.recipient_country)),
    *_newest_index("ix_events_type_newest", events, events.c.type),
    *_newest_index("ix_events_mode_newest", events, events.c.mode),
    *_newest_index("ix_statements_newest", statements),
    *_newest_index("ix_statements_certainty_newest", statements, statements.c.certainty),
    *_newest_index("ix_statements_country_newest", statements, statements.c.source_country),
    *_newest_index("ix_figures_newest", figures),
    *_newest_index("ix_figures_country_newest", figures, figures.c.actor_country),
    *_newest_index("ix_times_newest", times, tail=(times.c.value,)),  # the value prefix filter
    Index("ix_actors_published", actors.c.published),
    Index("ix_places_published", places.c.published),
]
# Version 6: the facets (counts by outlet, ACLED type) and sorts of the lists read one index, not the rows.
V6_INDEXES = [
    Index("ix_events_outlet", events.c.outlet),
    Index("ix_events_acled_type", events.c.acled_type),
    Index("ix_events_country", events.c.actor_country, events.c.recipient_country),
    Index("ix_statements_outlet", statements.c.outlet),
    Index("ix_figures_outlet", figures.c.outlet),
]
V2_INDEXES_DROPPED = ("ix_events_type", "ix_events_mode", "ix_statements_certainty")  # prefixes of the above


def _totals(name: str, *keys: Column) -> Table:
    """Actors (or places) summed across articles, one row per distinct key tuple.

    `key` is a digest of the key values (NULL-safe, fixed length: a unique index cannot tell
    NULLs apart and PostgreSQL limits indexed text). Maintained by Store.add (totals.py).
    """
    t = Table(
        name,
        metadata,
        Column("key", String, primary_key=True),
        *keys,
        Column("articles", Integer, nullable=False),
        Column("mentions", Integer, nullable=False),
        Column("events", Integer, nullable=False),
        Column("first_published", String),
        Column("last_published", String),
    )
    Index(f"ix_{name}_rank", t.c.articles.desc(), t.c.mentions.desc())
    Index(f"ix_{name}_country", t.c.country)
    return t


actor_totals = _totals("actor_totals", Column("name", Text), Column("country", String), Column("sector", String))
Index("ix_actor_totals_sector", actor_totals.c.sector)
place_totals = _totals(
    "place_totals",
    Column("name", Text),
    Column("country", String),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("kind", String),
)

TOTALS_TABLES = {"actors": actor_totals, "places": place_totals}

# Rows per table ("articles", "events", ...), added to by Store.add: stats() without counting every row.
record_counts = Table(
    "record_counts",
    metadata,
    Column("kind", String, primary_key=True),
    Column("n", BigInteger, nullable=False),
)

# The record tables, keyed by ArticleResult attribute, in the order add() fills them.
RECORD_TABLES = {
    "actors": actors,
    "places": places,
    "times": times,
    "figures": figures,
    "statements": statements,
    "events": events,
}
