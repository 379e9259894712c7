"""Everything that differs between database backends lives here, and only here.

open_engine() turns a path or URL into a configured Engine; the rest of the store is
dialect-free SQLAlchemy Core. SQLite gets WAL, a busy timeout, foreign keys, and
explicit BEGIN (IMMEDIATE for writers) so two processes writing one file queue up
instead of failing; PostgreSQL uses psycopg 3 and an advisory lock for migrations.
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy import JSON, Connection, Engine, Integer, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from ..errors import StoreError
from .rows import clean, needs_cleaning

BUSY_TIMEOUT_MS = 30_000
SQLITE_CACHE_KIB = 64 * 1024  # page cache per connection
SQLITE_MMAP_BYTES = 1 << 30  # memory-mapped reads of up to 1 GiB of the file
WRITE = {"newsledger_begin": "IMMEDIATE"}  # execution option: this transaction will write
_MIGRATION_LOCK_KEY = 7_312_004_211  # arbitrary, constant: the PostgreSQL advisory lock


def to_url(url_or_path: str | os.PathLike) -> str:
    """A SQLAlchemy URL for a plain file path, a sqlite:// URL or a postgresql:// URL."""
    s = os.fspath(url_or_path).strip()
    if not s:
        raise StoreError("no database given: pass a file path such as ledger.db or a URL")
    if s == ":memory:":
        return "sqlite://"
    if "://" not in s:
        return "sqlite:///" + str(Path(s).expanduser().resolve())
    scheme, rest = s.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return s


def _check_sqlite_path(database: str | None) -> None:
    """Fail early, with a clear message, on a path SQLite could not create or open."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if path.is_dir():
        raise StoreError(
            f"cannot open the ledger {path}: it is a folder; give a file name such as {path / 'ledger.db'}"
        )
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(f"cannot create the ledger {path}: the folder {folder} does not exist; create it first")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(f"cannot open the ledger {path}: no permission to read and write it")
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"cannot create the ledger {path}: the folder {folder} is not writable")


def open_engine(url_or_path: str | os.PathLike) -> Engine:
    url = to_url(url_or_path)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database path or URL: {url_or_path!r} ({exc})") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        _check_sqlite_path(parsed.database)
        engine = create_engine(parsed)
        _configure_sqlite(engine)
        event.listen(engine, "before_cursor_execute", clean_parameters, retval=True)
        return engine
    if backend == "postgresql":
        if parsed.get_driver_name() == "psycopg" and importlib.util.find_spec("psycopg") is None:
            raise StoreError("a postgresql:// ledger needs the psycopg driver: pip install 'psycopg[binary]'")
        engine = create_engine(parsed, pool_pre_ping=True)
        event.listen(engine, "before_cursor_execute", clean_parameters, retval=True)
        return engine
    raise StoreError(f"unsupported database {backend!r} in {url!r}: use a file path, sqlite:// or postgresql://")


def clean_parameters(conn, cursor, statement, parameters, context, executemany):
    """The Store's edge: every text value of every statement, on both backends, through rows.clean
    (NUL and lone surrogates -> U+FFFD), whoever built the query (the Store, the ledger views, a
    filter). So a filter holding NUL matches nothing on PostgreSQL too, as on SQLite, instead of
    a DataError. Returns the parameters unchanged (the same object) when nothing needs cleaning."""
    if executemany and isinstance(parameters, (list, tuple)):
        cleaned = [_clean_set(p) for p in parameters]
        if any(c is not p for c, p in zip(cleaned, parameters)):
            parameters = type(parameters)(cleaned) if isinstance(parameters, tuple) else cleaned
        return statement, parameters
    return statement, _clean_set(parameters)


def _clean_set(params):
    """One statement's parameters (a dict or a sequence), cleaned; the same object if all are clean."""
    # Almost every set is clean: look before building a cleaned copy (half of a batch's cleaning time).
    if isinstance(params, dict):
        return {k: clean(v) for k, v in params.items()} if any(map(needs_cleaning, params.values())) else params
    if isinstance(params, (list, tuple)):
        return type(params)(clean(v) for v in params) if any(map(needs_cleaning, params)) else params
    return params


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Take transaction control away from the sqlite3 module: it would not BEGIN before
        # SELECT or DDL, which breaks atomic migrations and repeatable reads.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        _enable_wal(cur)  # readers never block the writer
        cur.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, much faster commits
        # A list page reads thousands of rows by key (a search's hits, a page's facets): SQLite's
        # default page cache (2 MB) rereads them from the OS on every request. Pooled connections keep
        # theirs, so a larger one stays warm (2-3x faster at 100k articles); memory mapping reads
        # the file without copying it. Both are upper bounds, taken only as the file is read.
        cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        cur.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        # IMMEDIATE takes the write lock up front (waiting up to busy_timeout), so a writer
        # never fails half-way when another process committed since its first read.
        mode = conn.get_execution_options().get("newsledger_begin", "")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")


def _enable_wal(cur) -> None:
    """Switch the file to WAL (it stays so), retrying while another process does the same.

    Changing the journal mode needs an exclusive lock and SQLite does not call the busy
    handler for it: two processes opening a new ledger at once would see "database is locked".
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                return
            cur.execute("PRAGMA journal_mode = WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def dialect_insert(conn: Connection, table: Table):
    """This connection's dialect's INSERT, which has ON CONFLICT (DO NOTHING / DO UPDATE)."""
    name = conn.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table)
    raise StoreError(f"unsupported database {name!r}")  # pragma: no cover - open_engine only builds the two above


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert new rows (all with the same keys) into one table.

    PostgreSQL: one COPY ... FROM STDIN stream in the open transaction, instead of a statement per
    row (the record rows were most of a batch's store time). Values go in as an INSERT would store
    them: JSON through psycopg's Json, as SQLAlchemy sends it (the same text). SQLite: executemany.
    """
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), rows)
        return
    from psycopg import Error
    from psycopg.types.json import Json

    names = list(rows[0])
    cols = [table.c[n] for n in names]
    convert = [Json if isinstance(c.type, JSON) else _whole if isinstance(c.type, Integer) else None for c in cols]
    quote = conn.dialect.identifier_preparer
    sql = f"COPY {quote.format_table(table)} ({', '.join(quote.format_column(c) for c in cols)}) FROM STDIN"
    driver = conn.connection.driver_connection
    assert driver is not None  # an open Connection holds its DBAPI connection
    try:
        with driver.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                copy.write_row([clean(row[n]) if f is None else f(row[n]) for n, f in zip(names, convert)])
    except Error as exc:  # reported as SQLAlchemy reports driver errors, so callers handle one kind
        raise DBAPIError.instance(sql, None, exc, Error) from exc


def _whole(value):
    """An integer column's value: INSERT casts a float parameter (rounding to even); COPY's text would fail."""
    return round(value) if isinstance(value, float) else value


def insert_ignoring_duplicates(conn: Connection, table: Table):
    """INSERT ... ON CONFLICT DO NOTHING for this connection's dialect."""
    return dialect_insert(conn, table).on_conflict_do_nothing()


def insert_many_ignoring_duplicates(conn: Connection, table: Table, rows: list[dict]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING of rows with the same keys, as one statement (insert_many)."""
    insert_many(conn, table, rows, "DO NOTHING")


def insert_many(conn: Connection, table: Table, rows: list[dict], on_conflict: str) -> None:
    """INSERT ... ON CONFLICT `on_conflict` (SQL both backends read alike, e.g. "DO NOTHING" or
    "(term) DO UPDATE SET df = term_df.df + excluded.df") of rows with the same keys, as one
    statement from the driver: on PostgreSQL the columns go as arrays through unnest (the pipelined
    statement per row of an executemany was most of linking's time there), on SQLite to the
    driver's executemany (without SQLAlchemy's work per row). Text values are cleaned as at every
    edge of the Store (the arrays here; clean_parameters cleans SQLite's rows)."""
    if not rows:
        return
    names = list(rows[0])
    quote = conn.dialect.identifier_preparer
    into = f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.format_column(table.c[n]) for n in names)})"
    if conn.dialect.name == "postgresql":
        arrays = ", ".join(f"%(c{i})s::{table.c[n].type.compile(dialect=conn.dialect)}[]" for i, n in enumerate(names))
        conn.exec_driver_sql(
            f"{into} SELECT * FROM unnest({arrays}) ON CONFLICT {on_conflict}",
            {f"c{i}": [clean(r[n]) for r in rows] for i, n in enumerate(names)},
        )
        return
    marks = ", ".join("?" for _ in names)
    conn.exec_driver_sql(
        f"{into} VALUES ({marks}) ON CONFLICT {on_conflict}", [tuple(r[n] for n in names) for r in rows]
    )


def for_one_page(conn: Connection) -> None:
    """For the rest of this transaction: no parallel workers, the query reads one page of rows.

    PostgreSQL's cost model takes idle cores for granted and picks a parallel scan of the whole
    order index (Gather Merge) over reading the few index entries a page needs; on a busy
    machine that is many times slower (measured 150 ms against 8 ms at 100k articles).
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))


def by_keys(conn: Connection) -> None:
    """For the rest of this transaction: the records of a list of articles are read through their
    article_id indexes, on one core.

    For a few thousand articles of 100k (2-3% of the rows) PostgreSQL's cost model picks a parallel
    scan of the whole table instead: 30-90 ms a table on a busy machine against 5-10 ms by index.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL enable_seqscan = off"))
    for_one_page(conn)  # on one core


def keep_join_order(conn: Connection) -> None:
    """For the rest of this transaction, join in the order the query is written.

    For a query that starts from a known page of rows and adds details by key, that order is
    right, and PostgreSQL would otherwise weigh every order of its joins (tens of ms for six).
    SQLite's planner is cheap: nothing to do.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL join_collapse_limit = 1"))


def json_text(conn: Connection, column: str, key: str) -> str:
    """SQL for the text value of `key` in a JSON column (NULL when absent): for a migration's UPDATE."""
    if conn.dialect.name == "postgresql":
        return f"({column} ->> '{key}')"
    return f"json_extract({column}, '$.{key}')"


def lock_for_migration(conn: Connection) -> None:
    """Serialise concurrent migrations. SQLite: the IMMEDIATE transaction already does."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
