"""A synthetic ledger for the query benchmarks: N articles with generated records (no NLP), stored
through Store.add in batches, and merged events made either by the real linker (slow: ~12 articles/s
on a busy machine) or by grouping the events directly (synthetic_merge: seconds).

Each article: two of twelve countries' actors, a place, a time, a figure, a statement and one event
with varied types, modes, certainties, outlets and dates; spans match the generated text.
"""

from __future__ import annotations

import random
import sys
import time
import uuid

from sqlalchemy import insert, select

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


def build(store, n: int, batch: int = 2000, linking: bool = False) -> float:
    """Store n synthetic articles; link them (linking=True: the real linker) or group their events
    into merged events directly (synthetic_merge). Returns the seconds it took."""
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
    if not linking:
        synthetic_merge(store)
    return time.perf_counter() - start


def synthetic_merge(store) -> int:
    """Merged events without the linker: the events of one type between the same two countries in
    the same month are one merged event (most are alone, as in a real ledger). Rows as the linker
    writes them (n_articles, n_outlets, outlets; a report per event), for the merged-events page."""
    from newsledger.store import ledger_tables as lt
    from newsledger.store import schema

    e = schema.events
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(e.c.article_id, e.c.id, e.c.type, e.c.mode, e.c.actor_country, e.c.recipient_country)
            .add_columns(e.c.published, e.c.outlet)
            .order_by(e.c.article_id, e.c.ord)
        ).all()
    groups: dict[tuple, list] = {}
    for r in rows:
        groups.setdefault((r.type, r.actor_country, r.recipient_country, (r.published or "")[:7]), []).append(r)
    merged, reports = [], []
    for mid, ((etype, ac, rc, _), members) in enumerate(groups.items(), 1):
        dates = sorted(m.published for m in members if m.published)
        outlets = sorted({m.outlet for m in members if m.outlet})
        merged.append(
            {
                "id": mid,
                "type": etype,
                "mode": members[0].mode,
                "actor_country": ac,
                "recipient_country": rc,
                "first_date": dates[0] if dates else None,
                "last_date": dates[-1] if dates else None,
                "n_articles": len({m.article_id for m in members}),
                "n_outlets": len(outlets),
                "outlets": outlets,
            }
        )
        for m in members:
            reports.append(
                {
                    "article_id": m.article_id,
                    "event_id": m.id,
                    "merged_id": mid,
                    "date": m.published,
                    "dated": m.published is not None,
                    "actor_country": ac,
                    "recipient_country": rc,
                    "origin": m.outlet,
                    "reason": "synthetic: same type, countries and month",
                    "outlet": m.outlet,
                }
            )
    with store.engine.begin() as conn:
        conn.execute(insert(lt.merged_events), merged)
        for i in range(0, len(reports), 10_000):
            conn.execute(insert(lt.event_reports), reports[i : i + 10_000])
    return len(merged)
