"""Ledger.ingest stores and links batch by batch: progress counts each batch once, a rerun skips
what is stored, and a database failure in a later batch reaches the caller while the batches
before it stay stored."""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsledger.api import Ledger
from newsledger.errors import StoreError

TEXTS = [f"Rebels shelled the town of Aleppo on Monday, killing {n} civilians, officials said." for n in range(3, 9)]


def _jsonl(path, texts):
    path.write_text(
        "".join(
            json.dumps({"id": f"w{i}", "text": t, "published": f"2024-12-0{1 + i % 9}"}) + "\n"
            for i, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    return path


def test_batches_are_counted_once_and_a_rerun_skips_them(tmp_path, extractor):
    seen = []
    with Ledger(tmp_path / "ledger.db", extractor=extractor) as ledger:
        summary = ledger.ingest([str(_jsonl(tmp_path / "a.jsonl", TEXTS))], batch_size=2, on_progress=seen.append)
        assert (summary.added, summary.skipped, seen) == (6, 0, [2, 2, 2])
        assert ledger.store.stats()["articles"] == 6
        again = ledger.ingest([str(tmp_path / "a.jsonl")], batch_size=2)
        assert (again.added, again.skipped) == (0, 6)


def test_a_database_failure_in_a_later_batch_reaches_the_caller(tmp_path, extractor):
    db = tmp_path / "ledger.db"

    def break_the_database(_n):  # after the first batch is stored: a real failure for the next
        with sqlite3.connect(db) as conn:
            conn.execute("DROP TABLE events")

    with Ledger(db, extractor=extractor) as ledger, pytest.raises(StoreError, match="could not write to the ledger"):
        ledger.ingest([str(_jsonl(tmp_path / "a.jsonl", TEXTS))], batch_size=2, on_progress=break_the_database)
    with sqlite3.connect(db) as conn:  # the first batch stays stored, the failed one left nothing
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
