"""Latency of the web UI's queries on a large ledger, in SQLite and PostgreSQL.

    python benchmarks/queries.py [--n 100000] [--backend sqlite|postgresql|both]
                                 [--pg postgresql://postgres@127.0.0.1:5432/test] [--repeat 20] [--link]
                                 [--skip QUERY...] [--only QUERY...] [--keep DIR | --fresh] [--explain]

Builds the ledger WITHOUT NLP (benchmarks/synthetic_ledger.py: generated records stored through
Store.add in batches of 2,000; merged events grouped directly, or by the real linker with --link,
~100x slower). Then times what the web app asks: each list with each filter, and each list PAGE as
the pages build it (the rows of the page, the total and the facets) with a filter, a sort and a
text search; prints p50/p95 in milliseconds (wall time), the mean CPU time per call (this process
and, for PostgreSQL, its server processes) and flags p95 over 100 ms.

The ledgers are kept and reused (cached): SQLite file and PostgreSQL schema nl_q_<DIR name>_<n>[_linked]
in DIR (--keep, default ~/.cache/newsledger/queries); a ledger made by an older newsledger is migrated
when opened. --fresh builds throwaway ones instead. A benchmark, not a test: the machine is shared,
so read the order of magnitude (and `uptime`).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from synthetic_ledger import build, synthetic_merge  # benchmarks/ is on sys.path when run or loaded

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsledger" / "queries"


def queries(store):
    """(name, call) for what the web app asks: every list page with each of its filters."""
    from newsledger.ledger import figure_series, merged_events, newest_figure_series
    from newsledger.web.limits import SERIES_FIGURES

    return [
        ("stats", lambda: store.stats()),
        ("articles", lambda: store.articles()),
        ("articles outlet", lambda: store.articles(outlet="outlet7")),
        ("articles since/until", lambda: store.articles(since="2023-03-01", until="2023-03-31")),
        ("articles text", lambda: store.articles(text="Sudan")),
        ("events", lambda: store.events()),
        ("events type", lambda: store.events(type="ASSAULT")),
        ("events mode", lambda: store.events(mode="negated")),
        ("events country", lambda: store.events(country="UKR")),
        ("events country alpha-2", lambda: store.events(country="ua")),  # read as UKR (filters table)
        ("events actor", lambda: store.events(actor="Russia")),
        ("events since/until", lambda: store.events(since="2024-06-01", until="2024-06-30")),
        ("events type+country+since", lambda: store.events(type="ASSAULT", country="SDN", since="2024-01-01")),
        ("events text", lambda: store.events(text="sanctioned")),
        ("events place", lambda: store.events(place="Gao")),
        ("events page 20", lambda: store.events(offset=1000)),
        ("statements", lambda: store.statements()),
        ("statements certainty", lambda: store.statements(certainty="denied")),
        ("statements source", lambda: store.statements(source="Moscow")),
        ("statements country", lambda: store.statements(country="FRA")),
        ("figures", lambda: store.figures()),
        ("figures about", lambda: store.figures(about="soldiers")),
        ("figures country", lambda: store.figures(country="MLI")),
        ("actors", lambda: store.actors()),
        ("actors country", lambda: store.actors(country="IRN")),
        ("actors name", lambda: store.actors(name="Colombia")),
        ("places", lambda: store.places()),
        ("places country", lambda: store.places(country="NG")),
        ("times value", lambda: store.times(value="2024-12")),
        ("merged events", lambda: merged_events(store)),
        ("merged events type+country", lambda: merged_events(store, type="ASSAULT", country="UKR")),
        ("merged events min_reports 2", lambda: merged_events(store, min_reports=2)),
        ("merged events min_outlets 2", lambda: merged_events(store, min_outlets=2)),
        ("figure series", lambda: figure_series(store, about="soldiers", country="UKR")),
        # The series page with a broad filter: the newest SERIES_FIGURES figures (web.limits).
        ("figure series page since", lambda: newest_figure_series(store, SERIES_FIGURES, since="2024-01-01")),
        ("article record", lambda: list(store.result_dicts(article="synthetic-00000042"))),
        *pages(store),
    ]


# Each list page with a filter, a sort and a text search (where the kind has one): what its page asks.
PAGES = {
    "articles": ({"outlet": "outlet7", "text": "Sudan"}, "-published"),
    "events": ({"type": "ASSAULT", "text": "Sudan"}, "-confidence"),
    "statements": ({"certainty": "asserted", "text": "Moscow"}, "source_country"),
    "figures": ({"country": "MLI", "text": "soldiers killed or soldiers affected"}, "-value"),
    "times": ({"value": "2024", "text": "Kharkiv"}, "value"),
    "actors": ({"country": "IRN", "name": "Iran"}, "-mentions"),
    "places": ({"country": "Nigeria", "name": "Maid"}, "name"),
    "merged_events": ({"type": "ASSAULT", "country": "UA"}, "-reports"),
}


def pages(store):
    """(name, call): one list page = its rows, the total and the facets, as the web pages ask them
    (the total counted up to web.limits.COUNT_CAP, the facets over the newest FACET_ROWS rows);
    with a search alone (the broadest), and with a filter, a sort and a search."""
    from newsledger.ledger import merged_events
    from newsledger.store.filters import read
    from newsledger.web.limits import COUNT_CAP, FACET_ROWS

    def page(kind: str, given: dict, sort: str | None):
        def call():
            if kind == "merged_events":
                merged_events(store, **read(kind, given).values, sort=sort)
            else:
                getattr(store, kind)(sort=sort, **given)
            # "10,000+" above the cap; the facets counted among the newest FACET_ROWS rows (web.lists)
            store.count_and_facets(kind, **given, cap=COUNT_CAP, facet_rows=FACET_ROWS)

        return call

    out = []
    for kind, (given, sort) in PAGES.items():
        if "text" in given:
            out.append((f"page {kind} search", page(kind, {"text": given["text"]}, None)))
        out.append((f"page {kind} filter+sort+search", page(kind, given, sort)))
    out.append(("page events no filter", page("events", {}, None)))
    out.append(("page merged_events no filter", page("merged_events", {}, None)))
    return out


class CPU:
    """CPU seconds spent on the queries: this process's, and on PostgreSQL the server processes serving
    this store's connections (same machine: /proc/<pid>/stat). On a shared machine wall time mostly
    measures the other jobs; CPU time is what the queries cost."""

    def __init__(self, store):
        self.pids: set[int] = set()
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        if store.engine.dialect.name == "postgresql":
            from sqlalchemy import event

            with store.engine.connect() as conn:  # the pooled connection(s) made so far
                self.pids.add(conn.connection.dbapi_connection.info.backend_pid)
            event.listen(store.engine, "connect", lambda dbapi, _: self.pids.add(dbapi.info.backend_pid))

    def __call__(self) -> float:
        server = 0
        for pid in self.pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # an ended connection, or no /proc: its time is not counted
            server += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        return time.process_time() + server / self.tick


def time_queries(store, repeat: int, skip=(), only=()) -> list[tuple[str, float, float]]:
    out = []
    cpu = CPU(store)
    print(f"{'query':32s} {'p50 ms':>9s} {'p95 ms':>9s} {'cpu ms':>9s}")
    for name, call in queries(store):
        if name in skip or (only and name not in only):
            continue
        t0 = time.perf_counter()
        call()  # warm caches, as a running server has them
        slow = time.perf_counter() - t0 > 2  # a query of seconds: two more runs say enough
        times = []
        c0 = cpu()
        for _ in range(2 if slow else repeat):
            t0 = time.perf_counter()
            call()
            times.append((time.perf_counter() - t0) * 1000)
        cpu_ms = (cpu() - c0) * 1000 / len(times)  # the mean: /proc counts in 10 ms ticks
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        out.append((name, statistics.median(times), p95))
        flag = "" if p95 < 100 else "  <-- over 100 ms"
        print(f"{name:32s} {out[-1][1]:9.1f} {p95:9.1f} {cpu_ms:9.1f}{flag}", flush=True)
    return out


def explain_queries(store) -> None:
    """The plan of each paged list query, to check for full scans (SQLite: SCAN <table>)."""
    import sqlalchemy as sa

    from newsledger.store import queries as q

    cases = [
        ("events", {}),
        ("events", {"type": "ASSAULT"}),
        ("events", {"mode": "negated"}),
        ("events", {"country": "UKR"}),
        ("statements", {}),
        ("statements", {"country": "FRA"}),
        ("figures", {}),
        ("figures", {"country": "MLI"}),
        ("articles", {}),
        ("actors", {}),
        ("places", {}),
        ("times", {"value": "2024-12"}),
    ]
    dialect = store.engine.dialect.name
    with store.engine.connect() as conn:
        for kind, filters in cases:
            sel, _ = q.build(
                kind, {"include_duplicates": False, **filters} if kind not in ("actors", "places", "times") else filters
            )
            if kind in q.PAGE_FIRST:  # a page's keys are found first (Store._query)
                sel, _ = q.page_first(kind, sel)
            sql = str(sel.limit(50).compile(conn, compile_kwargs={"literal_binds": True}))
            prefix = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
            print(f"-- {kind} {filters}")
            for row in conn.execute(sa.text(prefix + sql)):
                print("   ", row[-1])


def _analyze(store) -> None:
    """Planner statistics, as a ledger in service has them (PostgreSQL's autovacuum runs VACUUM and
    ANALYZE; for SQLite it is `PRAGMA optimize` / ANALYZE): a bulk-loaded or just migrated table has
    none yet, and PostgreSQL's rows rewritten by a migration stay dead until vacuumed."""
    import sqlalchemy as sa

    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))
        return
    with store.engine.connect() as conn:
        conn.execute(sa.text("ANALYZE"))
        conn.commit()


def run(
    url: str, label: str, n: int, repeat: int, linking: bool = False, skip=(), only=(), explain: bool = False
) -> list[tuple[str, float, float]]:
    from newsledger.store import ledger_tables, open_store

    t0 = time.perf_counter()
    with open_store(url) as store:  # a kept ledger of an older schema is migrated here
        opened = time.perf_counter() - t0
        how = "linked" if linking else "merged events grouped directly"
        have = store.stats()["articles"]
        if have == n:
            print(
                f"{label}: reusing the ledger of {n:,} articles ({how}), schema version "
                f"{store.schema_version}, opened (and migrated if older) in {opened:.1f} s",
                flush=True,
            )
            with store.engine.connect() as conn:
                merged = conn.execute(ledger_tables.merged_events.select().limit(1)).first()
            if merged is None and not linking:  # kept before merged events were grouped
                print(f"{label}: grouped {synthetic_merge(store):,} merged events", flush=True)
        elif have:
            raise SystemExit(f"{label}: {url} holds {have:,} articles, not {n:,}; remove it or pass another --keep")
        else:
            built = build(store, n, linking=linking)
            print(f"{label}: built {n:,} articles in {built:.0f} s ({n / built:,.0f} articles/s, {how})", flush=True)
        _analyze(store)
        if explain:
            explain_queries(store)
        return time_queries(store, repeat, skip, only)


def pg_schema_url(base: str, name: str | None = None):
    """A schema in the PostgreSQL database (a throwaway one unless named), selected through search_path."""
    import sqlalchemy as sa

    name = name or f"nl_queries_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(base)
    with engine.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA IF NOT EXISTS {name}"))
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}", name, engine


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument(
        "--link",
        dest="linking",
        action="store_true",
        help="link with the real linker (near-duplicates, merged events): ~12 articles/s; default: group directly",
    )
    ap.add_argument("--no-link", dest="linking", action="store_false", help=argparse.SUPPRESS)  # the default now
    ap.add_argument(
        "--skip", nargs="*", default=[], metavar="QUERY", help='queries not to time, e.g. --skip "figure series"'
    )
    ap.add_argument("--only", nargs="*", default=[], metavar="QUERY", help="time only these queries")
    ap.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        default=CACHE,
        help=f"where the ledgers are kept and reused (SQLite file in DIR, a named PostgreSQL schema); default {CACHE}",
    )
    ap.add_argument("--fresh", action="store_true", help="build throwaway ledgers instead of the kept ones")
    ap.add_argument("--explain", action="store_true", help="print each list query's plan first")
    args = ap.parse_args(argv)
    if args.fresh:
        args.keep = None
    tag = f"{args.n}{'_linked' if args.linking else ''}"
    opts = dict(linking=args.linking, skip=args.skip, only=args.only, explain=args.explain)
    if args.backend in ("sqlite", "both"):
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            run(str(args.keep / f"ledger_{tag}.db"), "SQLite", args.n, args.repeat, **opts)
        else:
            with tempfile.TemporaryDirectory(prefix="scale-queries-") as tmp:
                run(str(Path(tmp) / "ledger.db"), "SQLite", args.n, args.repeat, **opts)
    if args.backend in ("postgresql", "both"):
        import sqlalchemy as sa

        kept = f"nl_q_{re.sub(r'[^a-z0-9]+', '_', args.keep.name.lower())}_{tag}" if args.keep else None
        url, name, engine = pg_schema_url(args.pg, kept)
        try:
            run(url, "PostgreSQL", args.n, args.repeat, **opts)
        finally:
            if not args.keep:
                with engine.begin() as conn:
                    conn.execute(sa.text(f"DROP SCHEMA {name} CASCADE"))
            engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
