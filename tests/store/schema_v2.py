"""FROZEN: the ledger tables of schema version 2 (newsledger/store/schema.py as released), for the
migration tests. Do not edit: it stands for ledgers that already exist."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


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
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Column("value", String),
    Column("mod", String),
    Index("ix_times_local", "article_id", "id"),
    Index("ix_times_value", "value"),
)

figures = Table(
    "figures",
    metadata,
    _article_fk(),
    Column("ord", Integer, primary_key=True),
    Column("id", String),
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
    Column("direct", Boolean),
    *_span("source"),
    Column("source_actor", String),
    *_span("cue"),
    *_span("content"),
    Column("certainty", String),
    Column("via", String),
    Column("hedged", Boolean),
    Index("ix_statements_local", "article_id", "id"),
    Index("ix_statements_source_actor", "article_id", "source_actor"),
    Index("ix_statements_certainty", "certainty"),
)

events = Table(
    "events",
    metadata,
    _article_fk(),
    Column("ord", Integer, primary_key=True),
    Column("id", String),
    Column("type", String),
    Column("mode", String),
    Column("acled", JSON),
    *_span("trigger"),
    Column("actor", String),
    Column("recipient", String),
    Column("place", String),
    Column("time", String),
    Column("figures", JSON),
    Column("statement", String),
    Column("confidence", Float),
    Column("evidence", JSON),  # [{start, end, text}] of later mentions of the same event
    Index("ix_events_local", "article_id", "id"),
    Index("ix_events_type", "type"),
    Index("ix_events_mode", "mode"),
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

# -- version 2: the ledger across articles (newsledger.ledger) --------------------------------

# One row per article the cross-article linker has seen: its MinHash signature (uint64 bytes).
signatures = Table(
    "signatures",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary),
    Column("shingles", Integer),
)

# LSH banding keys: a new article's candidates are the articles sharing a band key (an index lookup).
lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

# Near or exact copies of an earlier (canonical) article.
duplicates = Table(
    "duplicates",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("canonical_id", String, nullable=False),
    Column("similarity", Float),
    Column("method", String),
    Index("ix_duplicates_canonical", "canonical_id"),
)

# One row per real-world event; its reports are rows of event_reports.
merged_events = Table(
    "merged_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String),
    Column("mode", String),
    Column("actor_country", String),
    Column("recipient_country", String),
    Column("place_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("first_date", String),
    Column("last_date", String),
    Index("ix_merged_events_type", "type"),
    Index("ix_merged_events_last", "last_date"),
)

# Every extracted event is one report of one merged event, with the profile it was matched on.
event_reports = Table(
    "event_reports",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String, primary_key=True),
    Column("merged_id", Integer, ForeignKey("merged_events.id"), nullable=False),
    Column("date", String),
    Column("dated", Boolean),
    Column("actor_country", String),
    Column("recipient_country", String),
    Column("place_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("keywords", JSON),
    Column("sentence", Integer),
    Column("origin", Text),
    Column("reason", Text),
    Index("ix_event_reports_merged", "merged_id"),
)

# Blocking keys (type | date bucket | country) -> merged events: candidates without all-pairs.
event_blocks = Table(
    "event_blocks",
    metadata,
    Column("key", String, primary_key=True),
    Column("merged_id", Integer, ForeignKey("merged_events.id"), primary_key=True),
)

LEDGER_TABLES = (signatures, lsh_bands, duplicates, merged_events, event_reports, event_blocks)

# The record tables, keyed by ArticleResult attribute, in the order add() fills them.
RECORD_TABLES = {
    "actors": actors,
    "places": places,
    "times": times,
    "figures": figures,
    "statements": statements,
    "events": events,
}
