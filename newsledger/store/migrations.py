"""Schema versions and forward migrations, applied in order by open_store.

A new database gets the current tables from schema.py and is stamped SCHEMA_VERSION.
An older database is brought forward one version at a time by MIGRATIONS[n]
(upgrade from n-1 to n), each step in its own transaction together with its stamp.
To make version 3: change schema.py, add `3: _to_v3` below, set SCHEMA_VERSION = 3 (in version.py).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select, text

from ..errors import StoreError
from . import backend, ledger_tables, schema, search, totals
from .version import SCHEMA_VERSION as SCHEMA_VERSION  # its own module: read without SQLAlchemy


def _to_v2(conn: Connection) -> None:
    """Version 2: the cross-article tables (duplicates, LSH index, merged events)."""
    for table in ledger_tables.LEDGER_TABLES:
        table.create(conn, checkfirst=True)


def _actor_country(table: str, ref: str) -> str:
    return f"(SELECT c.country FROM actors c WHERE c.article_id = {table}.article_id AND c.id = {table}.{ref})"


# The columns version 3 adds to version 2 tables: (table, column, its value for the rows already there).
_V3_COPIES = [
    *(
        (t, "published", f"(SELECT a.published FROM articles a WHERE a.id = {t}.article_id)")
        for t in schema.RECORD_TABLES
    ),
    ("events", "actor_country", _actor_country("events", "actor")),
    ("events", "recipient_country", _actor_country("events", "recipient")),
    ("statements", "source_country", _actor_country("statements", "source_actor")),
    ("figures", "actor_country", _actor_country("figures", "actor")),
]


def _to_v3(conn: Connection) -> None:
    """Version 3: records carry their article's date and their actors' countries; newest-first
    indexes; actor and place totals; row counts."""
    have = {t: {c["name"] for c in inspect(conn).get_columns(t)} for t in schema.RECORD_TABLES}
    for table_name, column, _value in _V3_COPIES:
        if column not in have[table_name]:  # a table made from newer definitions has it already
            conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {column} VARCHAR"))
    for table_name in schema.RECORD_TABLES:  # one UPDATE per table: each row is rewritten once
        values = [f"{column} = {value}" for t, column, value in _V3_COPIES if t == table_name]
        conn.execute(text(f"UPDATE {table_name} SET {', '.join(values)}"))
    for name in schema.V2_INDEXES_DROPPED:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    for index in schema.V3_INDEXES:
        index.create(conn, checkfirst=True)
    for table in (*schema.TOTALS_TABLES.values(), schema.record_counts):
        table.create(conn, checkfirst=True)
    totals.rebuild(conn)
    totals.count_all(conn)


def _to_v4(conn: Connection) -> None:
    """Version 4: events name their coordinated parties (co_actors, co_recipients); the events
    already stored have none (read back as empty lists)."""
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    for column in ("co_actors", "co_recipients"):
        if column not in have:  # a table made from newer definitions has it already
            conn.execute(text(f"ALTER TABLE events ADD COLUMN {column} JSON"))


_V5_COLUMNS = {
    "event_reports": (
        ("participants", "JSON"),
        ("place_kind", "VARCHAR"),
        ("place_country", "VARCHAR"),
        ("story", "VARCHAR"),
        ("outlet", "VARCHAR"),
    ),
    "merged_events": (("n_articles", "INTEGER"), ("n_outlets", "INTEGER"), ("outlets", "JSON")),
}


def _to_v5(conn: Connection) -> None:
    """Version 5: events merge on positive evidence (participants, places, stories). The merged
    events of an older ledger were made without it: they are dropped with the articles' link
    marks, and `newsledger link` links every article again (merged event ids are new)."""
    for table_name, columns in _V5_COLUMNS.items():
        have = {c["name"] for c in inspect(conn).get_columns(table_name)}
        for column, kind in columns:
            if column not in have:
                conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {column} {kind}"))
    for table in ledger_tables.V5_TABLES:
        table.create(conn, checkfirst=True)
    for index in ledger_tables.merged_events.indexes:
        index.create(conn, checkfirst=True)
    for table in (
        ledger_tables.event_blocks,
        ledger_tables.event_reports,
        ledger_tables.merged_events,
        ledger_tables.duplicates,
        ledger_tables.lsh_bands,
        ledger_tables.signatures,
    ):
        conn.execute(table.delete())


def _to_v6(conn: Connection) -> None:
    """Version 6: events, statements and figures carry their article's outlet, events their ACLED
    event type (the lists' facets, filters and sorts); indexes for those counts."""
    outlet = "(SELECT a.outlet FROM articles a WHERE a.id = {t}.article_id)"
    for table_name in ("events", "statements", "figures"):
        have = {c["name"] for c in inspect(conn).get_columns(table_name)}
        values = [f"outlet = {outlet.format(t=table_name)}"]
        if "outlet" not in have:
            conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN outlet VARCHAR"))
        if table_name == "events":
            if "acled_type" not in have:
                conn.execute(text("ALTER TABLE events ADD COLUMN acled_type VARCHAR"))
            values.append(f"acled_type = {backend.json_text(conn, 'acled', 'event_type')}")
        conn.execute(text(f"UPDATE {table_name} SET {', '.join(values)}"))
    for index in schema.V6_INDEXES:
        index.create(conn, checkfirst=True)


def _joined(*parts: str) -> str:
    """SQL for rows._joined: the parts, NULL as empty, with one space between."""
    return " || ' ' || ".join(f"coalesce({p}, '')" for p in parts)


def _of(table: str, column: str, rec: str, ref: str) -> str:
    """The `column` of the record of `table` that `rec`.`ref` names (the last one, as a dict keeps it)."""
    return (
        f"(SELECT x.{column} FROM {table} x WHERE x.article_id = {rec}.article_id AND x.id = {rec}.{ref} "
        "ORDER BY x.ord DESC LIMIT 1)"
    )


def _giving(column: str) -> str:
    """The `column` of the first statement whose content holds the figure (as rows.search_texts)."""
    return (
        f"(SELECT s.{column} FROM statements s WHERE s.article_id = figures.article_id "
        "AND s.content_start IS NOT NULL AND figures.start IS NOT NULL AND s.content_start <= figures.start "
        'AND s.content_end >= figures."end" ORDER BY s.ord LIMIT 1)'
    )


def _title(table: str) -> str:
    return f"(SELECT a.title FROM articles a WHERE a.id = {table}.article_id)"


# Version 7: what rows.search_texts writes for new records, for the records already stored.
SEARCH_TEXT = {
    "events": _joined(
        _title("events"),
        "trigger_text",
        _of("actors", "name", "events", "actor"),
        _of("actors", "name", "events", "recipient"),
        _of("places", "name", "events", "place"),
        _of("statements", "source_text", "events", "statement"),
        _of("statements", "content_text", "events", "statement"),
    ),
    "statements": _joined(
        _title("statements"),
        "source_text",
        _of("actors", "name", "statements", "source_actor"),
        "cue_text",
        "content_text",
    ),
    "figures": _joined(
        _title("figures"),
        "text",
        "counted",
        _of("actors", "name", "figures", "actor"),
        _giving("source_text"),
        _giving("content_text"),
    ),
    "times": _joined(_title("times"), "text", "value"),
}


def _to_v7(conn: Connection) -> None:
    """Version 7: full-text search. Records gain `search_text` (filled here as new records get it),
    and the search index (store/search.py) is made and filled."""
    for table_name, value in SEARCH_TEXT.items():
        if "search_text" not in {c["name"] for c in inspect(conn).get_columns(table_name)}:
            conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN search_text TEXT"))
        conn.execute(text(f"UPDATE {table_name} SET search_text = {value}"))
    search.create(conn)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _to_v2,
    3: _to_v3,
    4: _to_v4,
    5: _to_v5,
    6: _to_v6,
    7: _to_v7,
}


def read_version(conn: Connection) -> int:
    """The version stamped in `meta`; 0 for a database without newsledger tables."""
    if not inspect(conn).has_table("meta"):
        return 0
    value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def _stamp(conn: Connection, version: int) -> None:
    conn.execute(schema.meta.delete().where(schema.meta.c.key == "schema_version"))
    conn.execute(schema.meta.insert().values(key="schema_version", value=str(version)))


def migrate(engine: Engine) -> int:
    """Create or upgrade the schema; returns the version the database is at afterwards."""
    with engine.connect() as conn, conn.begin():  # the common case, up to date: no write lock taken
        if read_version(conn) == SCHEMA_VERSION:
            return SCHEMA_VERSION
    with engine.connect().execution_options(**backend.WRITE) as conn:
        with conn.begin():
            backend.lock_for_migration(conn)
            version = read_version(conn)  # re-read under the lock: another process may have won
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the ledger is at schema version {version}, newer than this newsledger "
                    f"understands ({SCHEMA_VERSION}); upgrade newsledger"
                )
            if version == 0:
                clash = set(schema.metadata.tables) & set(inspect(conn).get_table_names())
                if clash:  # someone else's tables, or a half-made ledger: do not write into them
                    raise StoreError(
                        f"the database already has tables named {', '.join(sorted(clash))} but is not "
                        "a newsledger ledger (no schema version); use another file or database"
                    )
                schema.metadata.create_all(conn)
                search.create(conn)  # the full-text index: backend-specific, outside the table definitions
                _stamp(conn, SCHEMA_VERSION)
                return SCHEMA_VERSION
        for target in range(version + 1, SCHEMA_VERSION + 1):
            if target not in MIGRATIONS:
                raise StoreError(f"no migration to schema version {target}; this newsledger is broken")
            with conn.begin():
                backend.lock_for_migration(conn)
                if read_version(conn) >= target:
                    continue  # done meanwhile by a concurrent process
                MIGRATIONS[target](conn)
                _stamp(conn, target)
        return SCHEMA_VERSION
