"""Quick read-only answers from a SQLite ledger through the standard library's sqlite3, for the
commands that must start fast (`newsledger stats`): importing SQLAlchemy alone costs more than the
whole answer. Anything unusual (no such file, a URL, a ledger to migrate, any SQLite error) returns
None, and the caller opens the full Store, which creates, migrates or reports as usual."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .version import SCHEMA_VERSION

# "articles" and the record kinds in the order of schema.RECORD_TABLES (a test keeps them equal).
KINDS = ("articles", "actors", "places", "times", "figures", "statements", "events")
# The ingests columns stats() reports, besides the stored summary.
INGEST_FIELDS = ("started", "finished", "inputs", "articles_added", "articles_skipped", "failed", "failures")
_BUSY_SECONDS = 30.0  # as the Store's busy_timeout: wait for a writer's commit, do not fail


def stats_of(counts: Mapping[str, Any], last: Mapping[str, Any] | None) -> dict:
    """Store.stats()'s answer from the record_counts rows (kind -> n) and the newest ingests row."""
    out: dict[str, Any] = {name: int(counts.get(name, 0)) for name in KINDS}
    if last is None:
        out["last_ingest"] = None
        return out
    summary = dict(last["summary"] or {})
    summary.update({k: last[k] for k in INGEST_FIELDS})
    summary["run"] = last["n"]  # how many ingest runs this ledger has seen
    out["last_ingest"] = summary
    return out


def sqlite_path(db: str | os.PathLike) -> Path | None:
    """The file of a plain path to an existing file; None for URLs, :memory: and missing files."""
    s = os.fspath(db).strip()
    if not s or s == ":memory:" or "://" in s:
        return None
    path = Path(s).expanduser()
    return path if path.is_file() else None


def stats(db: str | os.PathLike) -> dict | None:
    """Store.stats() of the SQLite ledger at `db`, or None when the full Store must answer."""
    path = sqlite_path(db)
    if path is None:
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_SECONDS)
    except sqlite3.Error:
        return None
    try:
        conn.isolation_level = None  # explicit BEGIN: both reads see the same ledger
        conn.row_factory = sqlite3.Row
        conn.execute("BEGIN")
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or row["value"] != str(SCHEMA_VERSION):
            return None  # older (to migrate) or newer (to refuse): the Store says which
        counts = dict(conn.execute("SELECT kind, n FROM record_counts").fetchall())
        last = conn.execute("SELECT * FROM ingests ORDER BY n DESC LIMIT 1").fetchone()
        conn.execute("COMMIT")
        if last is not None:  # the JSON columns, decoded as SQLAlchemy's JSON type does
            last = {**dict(last), **{k: _json(last[k]) for k in ("failures", "summary")}}
        return stats_of(counts, last)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)
