"""store/lite.py: the stdlib sqlite3 reading of `stats` gives exactly what the Store gives, and
leaves to the Store every ledger it should not answer for."""

from __future__ import annotations

import sqlite3

from newsledger.store import SCHEMA_VERSION, lite, open_store, schema
from tests.store import samples


def test_kinds_are_the_stores():
    assert ("articles", *schema.RECORD_TABLES) == lite.KINDS


def test_stats_as_the_store_gives_them(tmp_path):
    db = tmp_path / "ledger.db"
    with open_store(db) as store:
        assert lite.stats(db) == store.stats()  # empty: no ingest yet
        store.add(samples.all_pairs())
        store.record_ingest(
            {"started": "2024-06-11T10:00:00", "finished": "2024-06-11T10:01:00", "inputs": 5,
             "articles_added": 3, "articles_skipped": 0, "failed": 1, "failures": ["x.html: empty page"]}
        )  # fmt: skip
        store.record_ingest({"inputs": 4, "articles_added": 0, "failures": ["a: truncated", "b"], "note": "n"})
        expected = store.stats()
    got = lite.stats(str(db))
    assert got == expected
    assert got["articles"] == 3 and got["last_ingest"]["run"] == 2 and got["last_ingest"]["note"] == "n"


def test_leaves_to_the_store_what_it_should_not_answer(tmp_path):
    missing = tmp_path / "new.db"
    assert lite.stats(missing) is None and not missing.exists()  # the Store creates it
    assert lite.stats("postgresql://u@host/db") is None
    assert lite.stats(tmp_path) is None  # a folder: the Store says so
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert lite.stats(junk) is None
    db = tmp_path / "old.db"
    with open_store(db):
        pass
    with sqlite3.connect(db) as conn:  # an older ledger: the Store migrates it first
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION - 1),))
    assert lite.stats(db) is None
