"""Schema versions, forward migrations, and clear errors for bad ledger locations."""

from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import inspect, text

from newsledger.errors import StoreError
from newsledger.store import SCHEMA_VERSION, migrations, open_store
from tests.store import samples


def _meta_version(store) -> str:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one()


def test_new_ledger_records_its_version_and_reopening_changes_nothing(ledger_url):
    store = open_store(ledger_url)
    assert store.schema_version == SCHEMA_VERSION and _meta_version(store) == str(SCHEMA_VERSION)
    store.add([samples.talks()])
    store.close()
    again = open_store(ledger_url)
    assert again.schema_version == SCHEMA_VERSION and again.stats()["articles"] == 1
    again.close()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    store = open_store(tmp_path / "ledger.db")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
    store.close()


def test_a_ledger_is_migrated_forward_once(ledger_url, monkeypatch):
    nxt = SCHEMA_VERSION + 1  # a future version, added by one migration function
    v1 = open_store(ledger_url)  # a ledger as the current version made it, with data in it
    assert v1.schema_version == SCHEMA_VERSION
    v1.add(samples.all_pairs())
    v1.close()

    calls = []

    def to_v2(conn):  # what a real next version would add: one function
        calls.append(1)
        conn.execute(text("ALTER TABLE events ADD COLUMN reviewed INTEGER DEFAULT 0"))

    monkeypatch.setitem(migrations.MIGRATIONS, nxt, to_v2)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", nxt)

    v2 = open_store(ledger_url)
    assert v2.schema_version == nxt and _meta_version(v2) == str(nxt) and calls == [1]
    assert "reviewed" in {c["name"] for c in inspect(v2.engine).get_columns("events")}
    assert v2.stats()["events"] == 6 and len(v2.events()) == 6  # data kept
    v2.close()

    again = open_store(ledger_url)  # re-opening is a no-op
    assert again.schema_version == nxt and calls == [1]
    again.close()


def test_a_ledger_from_a_newer_newsledger_is_refused(ledger_url, monkeypatch):
    open_store(ledger_url).close()
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 0)
    with pytest.raises(StoreError, match="newer than this newsledger"):
        open_store(ledger_url)


def test_missing_migration_is_a_clear_error(ledger_url, monkeypatch):
    open_store(ledger_url).close()
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match=f"no migration to schema version {SCHEMA_VERSION + 1}"):
        open_store(ledger_url)


def test_bad_locations_raise_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "ledger.db")
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, just some bytes" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        open_store(junk)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).executescript("CREATE TABLE events (x INTEGER); INSERT INTO events VALUES (1);")
    with pytest.raises(StoreError, match="not a newsledger ledger"):
        open_store(foreign)
    assert sqlite3.connect(foreign).execute("SELECT count(*) FROM events").fetchone() == (1,)  # untouched
    with pytest.raises(StoreError, match="unsupported database"):
        open_store("mysql://localhost/x")
    with pytest.raises(StoreError):
        open_store("")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere: permissions cannot be tested")
def test_unwritable_folder_raises_store_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="not writable"):
            open_store(folder / "ledger.db")
    finally:
        folder.chmod(0o700)


def test_unreachable_postgresql_raises_store_error():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot open the ledger"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_sqlite_url_and_path_name_the_same_ledger(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as by_url:
        by_url.add([samples.talks()])
    with open_store(str(tmp_path / "l.db")) as by_path:
        assert by_path.known_ids(["art-talks"]) == {"art-talks"}


def test_in_memory_sqlite_works():
    store = open_store(":memory:")
    assert store.add(samples.all_pairs()) == 3 and len(store.events()) == 6
    store.close()


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs a read-only system folder (/proc)")
def test_read_only_system_location_raises_store_error():
    with pytest.raises(StoreError, match="location is writable"):
        open_store("/proc/newsledger-test.db")


def _open_after(barrier, path, results) -> None:
    barrier.wait()  # all processes open the new file at the same instant
    try:
        open_store(path).close()
        results.put("ok")
    except Exception as exc:
        results.put(repr(exc))


def test_processes_creating_one_new_sqlite_ledger_at_once_all_succeed(tmp_path):
    # Switching a new file to WAL takes an exclusive lock without SQLite's busy handler; before
    # backend._enable_wal retried, about one round in ten failed with "database is locked".
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    failures = []
    for round_ in range(30):
        path = tmp_path / f"new{round_}.db"
        barrier, results = ctx.Barrier(4), ctx.Queue()
        procs = [ctx.Process(target=_open_after, args=(barrier, path, results)) for _ in range(4)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        failures += [o for o in outcomes if o != "ok"]
    assert not failures, failures[:3]
