"""Backends for the store tests: SQLite always; PostgreSQL when psycopg and a server are there.

The PostgreSQL URL comes from NEWSLEDGER_TEST_PG (default: local server, database `test`);
each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import pytest

from tests.store.pg_schema import schema_url

PG_URL = os.environ.get("NEWSLEDGER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_admin():
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg: pip install 'psycopg[binary]==3.3.9'")
    try:
        return psycopg.connect(PG_URL, connect_timeout=3, autocommit=True)
    except Exception as exc:  # any failure to connect means: no server to test against
        pytest.skip(f"no PostgreSQL server at {PG_URL} ({exc.__class__.__name__}); set NEWSLEDGER_TEST_PG")


@contextmanager
def throwaway_pg_schema():
    """The URL of a new, empty PostgreSQL schema, dropped on exit (skips without a server)."""
    with schema_url(_pg_admin(), PG_URL, "nl_test_") as url:
        yield url


@pytest.fixture
def pg_url():
    with throwaway_pg_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    """A fresh, empty ledger location on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(ledger_url):
    from newsledger.store import open_store

    s = open_store(ledger_url)
    yield s
    s.close()
