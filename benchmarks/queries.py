"""Latency of the web UI's queries on a large ledger, in SQLite and PostgreSQL.

    python benchmarks/queries.py [--n 100000] [--backend sqlite|postgresql|both]
                                 [--pg postgresql://postgres@127.0.0.1:5432/test] [--repeat 20] [--no-link]
                                 [--skip QUERY...] [--only QUERY...] [--keep DIR] [--explain]

Builds the ledger WITHOUT NLP: ArticleResult records are generated programmatically (actors,
places, times, figures, statements, events with varied countries, types and dates; spans that
match the generated text), stored with Store.add in batches and linked (near-duplicates,
merged events) as ingest does. Then times each Store method the web app calls, with each
filter, and prints p50/p95 in milliseconds. PostgreSQL uses a throwaway schema, dropped after.
`--keep DIR` keeps the ledgers instead (SQLite file in DIR, PostgreSQL schema nl_q_<DIR name>_<n>[_linked])
and reuses them when they are there already: opening one made by an older newsledger migrates it.
A benchmark, not a test: the machine is shared, so read the order of magnitude.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from newsledger.records import Actor, Article, ArticleResult, Event, Figure, Place, SourceSpan, Span, Statement, TimeRef

COUNTRIES = [
    ("Russia", "RUS", "Moscow", "RU", 55.75, 37.62),
    ("Ukraine", "UKR", "Kharkiv", "UA", 49.99, 36.23),
    ("Israel", "ISR", "Haifa", "IL", 32.79, 34.99),
    ("Sudan", "SDN", "Khartoum", "SD", 15.5, 32.56),
    ("China", "CHN", "Xiamen", "CN", 24.48, 118.09),
    ("Mali", "MLI", "Gao", "ML", 16.27, -0.04),
    ("France", "FRA", "Lyon", "FR", 45.76, 4.84),
    ("Brazil", "BRA", "Recife", "BR", -8.05, -34.9),
    ("Iran", "IRN", "Isfahan", "IR", 32.65, 51.67),
    ("Nigeria", "NGA", "Maiduguri", "NG", 11.85, 13.16),
    ("Myanmar", "MMR", "Mandalay", "MM", 21.97, 96.08),
    ("Colombia", "COL", "Cali", "CO", 3.45, -76.53),
]
SECTORS = ["GOV", "MIL", "REB", "CVL", "JRN"]
EVENTS = [
    ("ASSAULT", "attacked"),
    ("PROTEST", "protested against"),
    ("SANCTION", "sanctioned"),
    ("AID", "sent aid to"),
    ("ACCUSE", "accused"),
    ("THREATEN", "threatened"),
    ("MOBILIZE", "deployed troops near"),
    ("CONSULT", "met"),
    ("AGREE", "agreed with"),
    ("COERCE", "arrested members of"),
]
MODES = ["actual", "actual", "actual", "planned", "possible", "negated", "past"]
CERTAINTIES = ["asserted", "asserted", "probable", "possible", "denied"]
COUNTED = ["soldiers", "civilians", "protesters", "people", "fighters"]
OUTLETS = [f"outlet{i}.example" for i in range(40)]


class Text:
    """Builds an article text and returns the span of each piece appended."""

    def __init__(self):
        self.parts: list[str] = []
        self.n = 0

    def add(self, s: str) -> Span:
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        return Span(start, self.n, s)

    def text(self) -> str:
        return "".join(self.parts)


def make(i: int, rng: random.Random) -> tuple[Article, ArticleResult]:
    a, b = rng.sample(COUNTRIES, 2)
    etype, verb = rng.choice(EVENTS)
    day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    n = rng.randint(2, 3000)
    counted = rng.choice(COUNTED)
    t = Text()
    src = t.add(f"Officials in {a[2]}")
    cue = t.add(" said ")
    c0 = t.n
    am = t.add(a[0])
    t.add(" ")
    trig = t.add(verb)
    t.add(" ")
    bm = t.add(b[0])
    t.add(" near ")
    pm = t.add(b[2])
    t.add(" on ")
    tm = t.add(day)
    t.add(", and ")
    fm = t.add(f"{n} {counted}")
    t.add(f" were affected (report {i}, {uuid.UUID(int=rng.getrandbits(128)).hex}).")
    content = Span(c0, t.n, t.text()[c0:])
    text = t.text()
    aid = f"synthetic-{i:08d}"
    article = Article(
        text=text,
        id=aid,
        title=f"{a[0]} {verb} {b[0]}",
        url=f"https://{rng.choice(OUTLETS)}/{i}",
        outlet=rng.choice(OUTLETS),
        published=day,
        source="synthetic",
        kind="jsonl",
    )
    result = ArticleResult(
        id=aid,
        published=day,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        actors=[
            Actor("a1", a[0], a[1], rng.choice(SECTORS), [am], "country"),
            Actor("a2", b[0], b[1], rng.choice(SECTORS), [bm], "country"),
        ],
        places=[Place("p1", b[2], b[3], b[4], b[5], 1000 + COUNTRIES.index(b), "city", [pm])],
        times=[TimeRef("t1", tm.start, tm.end, tm.text, day)],
        figures=[
            Figure(
                "f1",
                fm.start,
                fm.end,
                fm.text,
                n,
                approx=rng.random() < 0.3,
                bound=rng.choice(["=", "~", ">"]),
                counted=counted,
                actor="a2",
            )
        ],
        statements=[
            Statement(
                "s1",
                False,
                SourceSpan(src.start, src.end, src.text, None),
                cue,
                content,
                certainty=rng.choice(CERTAINTIES),
            )
        ],
        events=[
            Event(
                "e1",
                etype,
                trig,
                mode=rng.choice(MODES),
                actor="a1",
                recipient="a2",
                place="p1",
                time="t1",
                figures=["f1"],
                statement="s1",
                confidence=round(rng.random(), 2),
            )
        ],
    )
    return article, result


def build(store, n: int, batch: int = 500, linking: bool = True) -> float:
    from newsledger.ledger import link

    rng = random.Random(8)
    start = time.perf_counter()
    for lo in range(0, n, batch):
        pairs = [make(i, rng) for i in range(lo, min(n, lo + batch))]
        store.add(pairs)
        if linking:
            link(store, [a.id for a, _ in pairs])
        if lo and lo % 20000 == 0:
            print(f"  {lo:,} articles stored ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return time.perf_counter() - start


def queries(store):
    """(name, call) for what the web app asks: every list page with each of its filters."""
    from newsledger.ledger import figure_series, merged_events

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
        ("article record", lambda: list(store.result_dicts(article="synthetic-00000042"))),
    ]


def time_queries(store, repeat: int, skip=(), only=()) -> list[tuple[str, float, float]]:
    out = []
    print(f"{'query':32s} {'p50 ms':>9s} {'p95 ms':>9s}")
    for name, call in queries(store):
        if name in skip or (only and name not in only):
            continue
        t0 = time.perf_counter()
        call()  # warm caches, as a running server has them
        slow = time.perf_counter() - t0 > 2  # a query of seconds: two more runs say enough
        times = []
        for _ in range(2 if slow else repeat):
            t0 = time.perf_counter()
            call()
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        out.append((name, statistics.median(times), p95))
        flag = "" if p95 < 100 else "  <-- over 100 ms"
        print(f"{name:32s} {out[-1][1]:9.1f} {p95:9.1f}{flag}", flush=True)
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
    url: str, label: str, n: int, repeat: int, linking: bool = True, skip=(), only=(), explain: bool = False
) -> list[tuple[str, float, float]]:
    from newsledger.store import open_store

    t0 = time.perf_counter()
    with open_store(url) as store:  # a kept ledger of an older schema is migrated here
        opened = time.perf_counter() - t0
        how = "incl. linking" if linking else "NOT linked: merged events are empty"
        have = store.stats()["articles"]
        if have == n:
            print(
                f"{label}: reusing the ledger of {n:,} articles ({how}), schema version "
                f"{store.schema_version}, opened (and migrated if older) in {opened:.1f} s",
                flush=True,
            )
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
        "--no-link",
        dest="linking",
        action="store_false",
        help="store only (fast build); near-duplicate and merged-event tables stay empty",
    )
    ap.add_argument(
        "--skip", nargs="*", default=[], metavar="QUERY", help='queries not to time, e.g. --skip "figure series"'
    )
    ap.add_argument("--only", nargs="*", default=[], metavar="QUERY", help="time only these queries")
    ap.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the ledgers (SQLite file in DIR, a named PostgreSQL schema) and reuse them",
    )
    ap.add_argument("--explain", action="store_true", help="print each list query's plan first")
    args = ap.parse_args(argv)
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
