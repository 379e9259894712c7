"""Linking a batch: the articles' records are read once per chunk, the result is what linking them one
at a time gives, and on PostgreSQL the link lock is per ledger, not per database."""

from __future__ import annotations

import re
import threading

import pytest
from sqlalchemy import event, select, text

from newsledger.ledger import link
from newsledger.ledger.cluster_cache import ClusterCache
from newsledger.ledger.profile import report as to_report
from newsledger.ledger.update import lock_ledger
from newsledger.store import ledger_tables, open_store, schema
from tests.store import samples
from tests.store.conftest import ledger_url, pg_url, throwaway_pg_schema  # noqa: F401  (fixtures)


def _pairs():
    return [*samples.all_pairs(), *(samples.numbered(i) for i in range(4))]


def _ledger_tables(store) -> dict:
    with store.engine.connect() as conn:
        return {
            t.name: sorted(tuple(map(str, r)) for r in conn.execute(select(t))) for t in ledger_tables.LEDGER_TABLES
        }


@pytest.fixture
def second_url(ledger_url, tmp_path):  # noqa: F811
    if not ledger_url.startswith("postgresql"):
        yield str(tmp_path / "second.db")
        return
    with throwaway_pg_schema() as url:
        yield url


def test_a_batch_links_as_its_articles_one_at_a_time(ledger_url, second_url):  # noqa: F811
    pairs = _pairs()
    with open_store(ledger_url) as batch, open_store(second_url) as single:
        batch.add(pairs)
        single.add(pairs)
        reads = []
        event.listen(
            batch.engine,
            "before_cursor_execute",
            lambda conn, cur, stmt, *a: reads.append(stmt) if re.search(r"FROM events\b", stmt) else None,
        )
        counts = link(batch)
        assert counts == {"linked": len(pairs), "duplicates": 0, "reports": sum(len(r.events) for _, r in pairs)}
        assert len(reads) == 1  # every article's events in one query, not one per article
        a = schema.articles
        with batch.engine.connect() as conn:  # link() takes them in storing order (added, published, id)
            stored = conn.execute(select(a.c.id, a.c.added, a.c.published)).all()
        for aid in [r.id for r in sorted(stored, key=lambda r: (r.added or "", r.published or "", r.id))]:
            assert link(single, [aid])["linked"] == 1
        assert _ledger_tables(batch) == _ledger_tables(single)
        assert _ledger_tables(batch)["merged_events"]  # not vacuous


def test_ledgers_in_two_schemas_link_at_once_one_ledger_waits(pg_url):  # noqa: F811
    with throwaway_pg_schema() as other_url, open_store(pg_url) as held, open_store(other_url) as other:
        held.add(samples.all_pairs())
        other.add(samples.all_pairs())
        with held.engine.connect() as conn, conn.begin():
            lock_ledger(conn)  # a linker of `held` is busy
            done = {}
            t = threading.Thread(target=lambda: done.update(link(other)))
            t.start()
            t.join(60)
            assert done.get("linked") == 3  # another ledger in the same database did not wait
            with held.engine.connect() as second, second.begin():
                second.execute(text("SET LOCAL lock_timeout = '200ms'"))
                with pytest.raises(Exception, match="lock timeout"):
                    lock_ledger(second)  # the same ledger does


def test_candidate_clusters_are_read_once_until_a_report_joins_them(ledger_url):  # noqa: F811
    # In one linking transaction a merged event read as a candidate is not read again for the next
    # report, unless a report joined it (then its newest reports are read again).
    with open_store(ledger_url) as store:
        store.add([samples.shelling()])
        link(store)
        [row] = store.events(article=["art-shelling"], include_duplicates=True, limit=None)[:1]
        report = to_report(row, samples.shelling()[0].text)
        reads = []
        event.listen(
            store.engine,
            "before_cursor_execute",
            lambda conn, cur, stmt, *a: reads.append(stmt) if "row_number" in stmt else None,
        )
        with store.engine.connect() as conn, conn.begin():
            cache = ClusterCache()
            first, rows = cache.candidates(conn, report)
            assert [c.id for c in first] == list(rows) and first[0].reports and len(reads) == 1
            again, _ = cache.candidates(conn, report)
            assert again == first and len(reads) == 1  # from the cache
            cache.changed(first[0].id)
            cache.candidates(conn, report)
            assert len(reads) == 2  # read again after it changed
