"""The ledger's tables across articles (version 2, newsledger.ledger): MinHash signatures and LSH
bands, duplicates, merged events and their reports, blocking keys, stories and their terms.

They are declared on schema.metadata, beside the article and record tables of schema.py;
changing one here means adding a migration in migrations.py as well.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary, String, Table, Text

from .schema import metadata

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
    # version 5: distinct articles and outlets reporting it (reports of one article count once)
    Column("n_articles", Integer),
    Column("n_outlets", Integer),
    Column("outlets", JSON),
    Index("ix_merged_events_type", "type"),
    Index("ix_merged_events_last", "last_date"),
    Index("ix_merged_events_rank", "n_articles", "last_date"),  # the list's order (v5)
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
    # version 5: the positive evidence it is matched on (canonical participants, place kind, story)
    Column("participants", JSON),
    Column("place_kind", String),
    Column("place_country", String),
    Column("story", String),
    Column("outlet", String),
    Index("ix_event_reports_merged", "merged_id"),
)

# Blocking keys (type | date bucket | country) -> merged events: candidates without all-pairs.
event_blocks = Table(
    "event_blocks",
    metadata,
    Column("key", String, primary_key=True),
    Column("merged_id", Integer, ForeignKey("merged_events.id"), primary_key=True),
)

# -- version 5: stories (whole-article similarity) and merged-event redirects -------------------

# One row per linked article: its story (the id of the story's first article) and its TF-IDF profile.
article_stories = Table(
    "article_stories",
    metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story", String, nullable=False),
    Column("profile", JSON),
    Index("ix_article_stories_story", "story"),
)

# Story blocking: an article's strongest terms -> the article (an index lookup per term).
story_terms = Table(
    "story_terms",
    metadata,
    Column("term", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer),  # the article's linking order: the newest postings first
)

# Document frequency of every term over the linked articles (the idf of the TF-IDF profiles).
term_df = Table(
    "term_df",
    metadata,
    Column("term", String, primary_key=True),
    Column("df", Integer, nullable=False),
)

# A merged event folded into another (a later report showed they are one): old id -> surviving id.
merged_redirects = Table(
    "merged_redirects",
    metadata,
    Column("old_id", Integer, primary_key=True),
    Column("new_id", Integer, nullable=False),
    Column("reason", Text),
)

LEDGER_TABLES = (
    signatures,
    lsh_bands,
    duplicates,
    merged_events,
    event_reports,
    event_blocks,
    article_stories,
    story_terms,
    term_df,
    merged_redirects,
)
V5_TABLES = (article_stories, story_terms, term_df, merged_redirects)
