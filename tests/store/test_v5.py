"""Schema version 5: merged events on positive evidence. A v4 ledger gains the columns and tables;
its merged events, made without that evidence, are dropped with the link marks, and linking again
rebuilds them (with new ids)."""

from __future__ import annotations

from sqlalchemy import create_engine, func, select, text

from newsledger.ledger import link
from newsledger.store import SCHEMA_VERSION, ledger_tables, open_store
from newsledger.store.backend import to_url
from tests.store import samples

_V5_COLUMNS = {
    "event_reports": ("participants", "place_kind", "place_country", "story", "outlet"),
    "merged_events": ("n_articles", "n_outlets", "outlets"),
}


def _count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_v4_ledger_is_relinked_on_positive_evidence(ledger_url):
    pairs = samples.all_pairs()
    with open_store(ledger_url) as store:
        store.add(pairs)
        link(store)
        merged_before = _count(store, ledger_tables.merged_events)
    engine = create_engine(to_url(ledger_url))
    with engine.begin() as conn:  # the ledger as version 4 left it
        conn.execute(text("DROP INDEX IF EXISTS ix_merged_events_rank"))
        for table, columns in _V5_COLUMNS.items():
            for column in columns:
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        for table in ("merged_redirects", "story_terms", "term_df", "article_stories"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
    engine.dispose()
    with open_store(ledger_url) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        assert _count(migrated, ledger_tables.merged_events) == _count(migrated, ledger_tables.signatures) == 0
        counts = link(migrated)
        assert counts["linked"] == len(pairs)
        assert _count(migrated, ledger_tables.merged_events) == merged_before
        assert _count(migrated, ledger_tables.article_stories) == len(pairs)
        with migrated.engine.connect() as conn:
            rows = conn.execute(select(ledger_tables.merged_events.c.n_articles)).scalars().all()
        assert rows and all(n >= 1 for n in rows)
