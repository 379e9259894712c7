"""Actors and places summed across articles (actor_totals, place_totals), and the rows of each table
(record_counts), kept up to date on write.

The actor and place lists rank every distinct actor (place) by how many articles name it.
Summing every record row on each request grows with the ledger, so Store.add adds each new
article's share to these tables in the same transaction as its records: atomic with them,
and concurrent writers add to a row (INSERT ... ON CONFLICT DO UPDATE), never overwrite it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from itertools import groupby

from sqlalchemy import Connection, Float, Integer, case, func, or_, select

from . import backend, schema

KEYS = {
    kind: tuple(
        c.name
        for c in t.c
        if c.name not in ("key", "articles", "mentions", "events", "first_published", "last_published")
    )
    for kind, t in schema.TOTALS_TABLES.items()
}
_CHUNK = 1000


def _normal(column, value):
    """The value as the database holds it, so equal values give one key (1000.0 -> 1000, -0.0 -> 0.0)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(column.type, Float) and isinstance(value, (int, float)):
        return float(value) + 0.0
    if isinstance(column.type, Integer) and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def key_of(kind: str, row: Mapping) -> str:
    """A digest of the key values: NULL-safe (a unique index treats NULLs as distinct) and short."""
    table = schema.TOTALS_TABLES[kind]
    values = [_normal(table.c[k], row[k]) for k in KEYS[kind]]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


class Sums:
    """Per kind and key: articles, mentions, events, first and last publication date to add."""

    def __init__(self):
        self.rows: dict[str, dict[str, dict]] = {kind: {} for kind in schema.TOTALS_TABLES}

    def add_article(self, kind: str, records: Iterable[Mapping]) -> None:
        """The records of ONE article: an actor named by several of them counts one article."""
        sums = self.rows[kind]
        seen = set()
        for r in records:
            key = key_of(kind, r)
            s = sums.get(key)
            if s is None:
                s = sums[key] = {
                    "key": key,
                    **{k: r[k] for k in KEYS[kind]},
                    "articles": 0,
                    "mentions": 0,
                    "events": 0,
                    "first_published": None,
                    "last_published": None,
                }
            if key not in seen:
                seen.add(key)
                s["articles"] += 1
            s["mentions"] += r.get("n_mentions") or 0
            s["events"] += r.get("n_events") or 0
            p = r.get("published")
            if p is not None:
                s["first_published"] = p if s["first_published"] is None else min(s["first_published"], p)
                s["last_published"] = p if s["last_published"] is None else max(s["last_published"], p)

    def write(self, conn: Connection) -> None:
        for kind, sums in self.rows.items():
            if sums:
                # In key order: two PostgreSQL writers updating the same rows take their locks in one order.
                rows = [sums[k] for k in sorted(sums)]
                stmt = _upsert(conn, schema.TOTALS_TABLES[kind])
                for i in range(0, len(rows), _CHUNK):
                    conn.execute(stmt, rows[i : i + _CHUNK])


def _upsert(conn: Connection, t):
    ins = backend.dialect_insert(conn, t)
    new = ins.excluded
    return ins.on_conflict_do_update(
        index_elements=[t.c.key],
        set_={
            "articles": t.c.articles + new.articles,
            "mentions": t.c.mentions + new.mentions,
            "events": t.c.events + new.events,
            # NULL-aware min/max (SQLite's min(a, b) is NULL if either is; PostgreSQL has LEAST instead)
            "first_published": case(
                (or_(t.c.first_published.is_(None), new.first_published < t.c.first_published), new.first_published),
                else_=t.c.first_published,
            ),
            "last_published": case(
                (or_(t.c.last_published.is_(None), new.last_published > t.c.last_published), new.last_published),
                else_=t.c.last_published,
            ),
        },
    )


def add_counts(conn: Connection, counts: dict[str, int]) -> None:
    """Add to the row counts; in one order (by kind), as the totals are, so writers do not deadlock."""
    rows = [{"kind": k, "n": n} for k, n in sorted(counts.items()) if n]
    if rows:
        t = schema.record_counts
        ins = backend.dialect_insert(conn, t)
        conn.execute(ins.on_conflict_do_update(index_elements=[t.c.kind], set_={"n": t.c.n + ins.excluded.n}), rows)


def count_all(conn: Connection) -> None:
    """Fill record_counts by counting (the version 3 migration)."""
    conn.execute(schema.record_counts.delete())
    add_counts(
        conn,
        {
            name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for name, t in (("articles", schema.articles), *schema.RECORD_TABLES.items())
        },
    )


def rebuild(conn: Connection) -> None:
    """Fill the totals from the record rows (the version 3 migration; the same sums add() gives)."""
    sums = Sums()
    for kind, totals in schema.TOTALS_TABLES.items():
        conn.execute(totals.delete())
        t = schema.RECORD_TABLES[kind]
        q = (
            select(t.c.article_id, *(t.c[k] for k in KEYS[kind]), t.c.n_mentions, t.c.n_events, t.c.published)
            .order_by(t.c.article_id)
            .execution_options(yield_per=5000)
        )  # streamed, not loaded
        for _, records in groupby(conn.execute(q).mappings(), key=lambda r: r["article_id"]):
            sums.add_article(kind, records)
    sums.write(conn)
