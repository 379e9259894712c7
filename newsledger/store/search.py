"""Full-text search behind the `text` filter: SQLite FTS5 and PostgreSQL text search, ranked.

What is searched: articles by title and body; events, statements, figures and times by their
`search_text` (rows.search_texts: the record's own text, the names it points to, the statement that
gives it, the article's title). The query is what a search box takes: words (all must match, in any
form: "killed" finds "kill"), "phrases in quotes", `or` between words, and -word to leave out.

SQLite: one external-content FTS5 table per searched table (`<table>_fts`, porter stemming), kept in
step by triggers. PostgreSQL: a stored generated tsvector column `search_tsv` ('english') with a GIN
index. SQLite joins a search's hits (rowid, rank) to the list's table; PostgreSQL tests the row's own
tsvector (a condition the planner can combine with the other filters); the rank orders the list
unless a sort is asked for.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, Float, Integer, String, bindparam, func, literal_column, text
from sqlalchemy.sql import ColumnElement, Subquery

SEARCHED = ("articles", "events", "statements", "figures", "times")
CONFIG = "english"  # PostgreSQL's text search configuration (stemming like FTS5's porter)
# tsvector holds at most 1 MB: a body is indexed up to this many characters (a long article's start).
PG_MAX_CHARS = 250_000
_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def _columns(table: str) -> tuple[str, ...]:
    return ("title", "text") if table == "articles" else ("search_text",)


# -- the query -----------------------------------------------------------------------------------


def fts5_query(query: str) -> str | None:
    """A search box's query as an FTS5 expression (every term a quoted string: no operator injection);
    None when it has no word to look for. websearch_to_tsquery reads the same syntax on PostgreSQL."""
    groups: list[list[str]] = [[]]  # OR groups of AND-ed terms
    excluded: list[str] = []
    pending_or = False
    for m in _TERM.finditer(query):
        negated, phrase, word = m.group(1) == "-" or (m.group(3) or "").startswith("-"), m.group(2), m.group(3)
        if word is not None and word.lower() == "or" and groups[-1]:
            pending_or = True
            continue
        term = phrase.strip() if phrase is not None else (word or "").lstrip("-")
        if not re.search(r"\w", term):
            continue
        quoted = '"' + term.replace('"', '""') + '"'
        if negated:
            excluded.append(quoted)
        elif pending_or:
            groups[-1][-1] = f"({groups[-1][-1]} OR {quoted})"
        else:
            groups[-1].append(quoted)
        pending_or = False
    terms = [t for g in groups for t in g]
    if not terms:
        return None
    expr = " AND ".join(terms)
    return expr + "".join(f" NOT {x}" for x in excluded)


def matching(table, query: str) -> tuple[ColumnElement, ColumnElement]:
    """PostgreSQL: (the condition that a row of `table` matches, its rank: lower is better), on the
    table's own tsvector column. A condition, not a join of the table with its own hits: the planner
    can combine the GIN index with the other filters' indexes (a BitmapAnd) and reads each row once,
    instead of looking every hit up again by key (a self-join over all the hits)."""
    tsv: ColumnElement[Any] = literal_column(f"{table.name}.search_tsv")
    tsq = func.websearch_to_tsquery(literal_column(f"'{CONFIG}'::regconfig"), bindparam("search_q", query, String))
    return tsv.op("@@")(tsq), -func.ts_rank_cd(tsv, tsq, type_=Float)


def hits(table: str, query: str) -> Subquery:
    """SQLite: the rows of `table` the query finds, with their rank (lower is better): (rid, rank)."""
    expr = fts5_query(query)
    sql = (
        f"SELECT rowid AS rid, rank AS rank FROM {table}_fts WHERE {table}_fts MATCH :search_q"
        if expr is not None
        else "SELECT NULL AS rid, NULL AS rank WHERE 0"  # no word to look for: nothing found
    )
    clause = text(sql).bindparams(search_q=expr) if expr is not None else text(sql)
    return clause.columns(rid=Integer, rank=Float).subquery("hits")


def on(table, found: Subquery):
    """SQLite: the join condition of a table's rows with their hits."""
    return literal_column(f"{table.name}.rowid") == found.c.rid


# -- the index -----------------------------------------------------------------------------------


def create(conn: Connection) -> None:
    """Make the search index of every searched table and fill it from the rows there (a new ledger,
    or the migration to version 7). Idempotent."""
    if conn.dialect.name == "postgresql":
        for table in SEARCHED:
            _pg_column(conn, table)
        return
    for table in SEARCHED:
        _sqlite_fts(conn, table)


def _pg_column(conn: Connection, table: str) -> None:
    have = conn.execute(
        text(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = :t AND column_name = 'search_tsv'"
        ),
        {"t": table},
    ).first()
    if have is None:
        if table == "articles":  # the title counts more than the body
            doc = (
                f"setweight(to_tsvector('{CONFIG}', coalesce(title, '')), 'A') || "
                f"setweight(to_tsvector('{CONFIG}', left(coalesce(\"text\", ''), {PG_MAX_CHARS})), 'B')"
            )
        else:
            doc = f"to_tsvector('{CONFIG}', left(coalesce(search_text, ''), {PG_MAX_CHARS}))"
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS ({doc}) STORED"))
    conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_{table}_search ON {table} USING GIN (search_tsv)"))


def _sqlite_fts(conn: Connection, table: str) -> None:
    cols = _columns(table)
    listed = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    fts = f"{table}_fts"
    conn.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({listed}, content='{table}', "
            "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"
        )
    )
    add = f"INSERT INTO {fts}(rowid, {listed}) VALUES (new.rowid, {new});"
    drop = f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.rowid, {old});"
    for event, body in (("INSERT", add), ("DELETE", drop), ("UPDATE", drop + " " + add)):
        conn.execute(
            text(f"CREATE TRIGGER IF NOT EXISTS {fts}_{event.lower()} AFTER {event} ON {table} BEGIN {body} END")
        )
    conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))
    if table == "articles":  # the title counts more than the body (bm25 column weights)
        conn.execute(text(f"INSERT INTO {fts}({fts}, rank) VALUES ('rank', 'bm25(5.0, 1.0)')"))
