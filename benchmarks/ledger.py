"""Cross-article ledger benchmark: near-duplicate detection, event merging, merge cost as the ledger grows.

    .venv/bin/python benchmarks/ledger.py ../shared/data/news-html               # all three parts, as JSON
    .venv/bin/python benchmarks/ledger.py ../shared/data/news-html --skip-cost   # (a) and (b) only
    .venv/bin/python benchmarks/ledger.py ../shared/data/news-html --ecbplus ../shared/data/ecbplus \
        --cache /tmp/newsledger-ecbplus-cache --only ecbplus                      # (d) only

(a) dedup: the gold article bodies of news-html plus one generated copy of each (a changed
    headline, a removed paragraph, an added paragraph, or a few edited words), stored in a real
    SQLite ledger and linked; pairwise precision/recall of "same story" (targets >= 0.95).
(b) merge: the fixture sets in tests/fixtures/ledger (same event by three outlets, a wire copy,
    two attacks in one city on one day, a rising toll) through the real pipeline; pairwise
    precision/recall over the events annotated in gold.json (targets >= 0.90).
(d) ecbplus: event merging on ECB+ (benchmarks/ledger_ecbplus.py: document pairs, confusion,
    mention B-cubed, a TF-IDF baseline; thresholds set on the odd topics, reported on both halves).
(c) cost: synthetic reports linked into a growing ledger; milliseconds per report at 1k .. 50k
    merged events (flat = blocking works).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsledger.ledger.evaluate import pairwise  # noqa: E402
from newsledger.records import Article, ArticleResult  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "ledger"
EDITS = ("headline", "remove_paragraph", "add_paragraph", "word_edits")
ADDED = (
    "This story has been updated with additional reporting and comment from local officials, "
    "who did not respond to earlier requests."
)
HEADLINES = ("Breaking: {}", "UPDATE 2 - {}", "{} (corrected)", "Analysis: {}")


def _edit(title: str, body: str, kind: str, rng: random.Random) -> tuple[str, str]:
    paras = [p for p in body.split("\n\n") if p.strip()]
    if kind == "headline":
        title = rng.choice(HEADLINES).format(title or "News")
    elif kind == "remove_paragraph" and len(paras) > 2:
        paras.pop(rng.randrange(1, len(paras)))
    elif kind == "add_paragraph":
        paras.insert(rng.randrange(1, len(paras) + 1), ADDED)
    else:  # a few word edits: replace 1 word in 50 (at least 3)
        words = "\n\n".join(paras).split(" ")
        for i in rng.sample(range(len(words)), min(len(words), max(3, len(words) // 50))):
            words[i] = rng.choice(("the", "said", "new", "officials", "report"))
        return title, " ".join(words)
    return title, "\n\n".join(paras)


def dedup(news_html: Path, seed: int = 7) -> dict:
    """(a): precision/recall of duplicate links over originals + one edited copy each."""
    from sqlalchemy import select

    from newsledger.ledger import dedup as dedup_mod
    from newsledger.ledger import link
    from newsledger.store import ledger_tables, open_store

    gold_bodies = json.loads((news_html / "ground-truth.json").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    originals, copies, gold = [], [], {}
    for _key, entry in sorted(gold_bodies.items()):
        body = (entry.get("articleBody") or "").strip()
        if len(body.split()) < 60:  # too short to call anything a copy of it
            continue
        title = (entry.get("headline") or entry.get("title") or "").strip()
        art = Article(text=f"{title}\n\n{body}", title=title, outlet="original", published="2024-01-01")
        originals.append(art)
        gold[art.id] = art.id
        kind = EDITS[len(copies) % len(EDITS)]
        t2, b2 = _edit(title, body, kind, rng)
        copy = Article(text=f"{t2}\n\n{b2}", title=t2, outlet=f"copy:{kind}", published="2024-01-02")
        if copy.id != art.id:
            copies.append(copy)
            gold[copy.id] = art.id
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
        store = open_store(Path(tmp) / "dedup.db")
        t0 = time.perf_counter()
        for batch in (originals, copies):  # originals first: they are the canonical ones
            store.add([(a, ArticleResult(id=a.id)) for a in batch])
            link(store, [a.id for a in batch])
        seconds = time.perf_counter() - t0
        with store.engine.connect() as conn:
            links = dict(
                conn.execute(
                    select(ledger_tables.duplicates.c.article_id, ledger_tables.duplicates.c.canonical_id)
                ).all()
            )
            sigs = {
                i: dedup_mod.from_bytes(b)
                for i, b in conn.execute(
                    select(ledger_tables.signatures.c.article_id, ledger_tables.signatures.c.minhash)
                )
            }
        store.close()
    # The margin around the threshold: most similar pair of different stories, least similar copy.
    ids = [a.id for a in originals]
    margin = {
        "max_between_stories": max(
            dedup_mod.similarity(sigs[a], sigs[b]) for i, a in enumerate(ids) for b in ids[i + 1 :]
        ),
        "min_copy_to_original": min(dedup_mod.similarity(sigs[c.id], sigs[gold[c.id]]) for c in copies),
        "threshold": dedup_mod.THRESHOLD,
    }
    predicted = {aid: links.get(aid, aid) for aid in gold}
    out = pairwise(predicted, gold)
    by_kind = {}
    for kind in EDITS:
        ids = [c.id for c in copies if c.outlet == f"copy:{kind}"]
        by_kind[kind] = f"{sum(predicted[i] == gold[i] for i in ids)}/{len(ids)} found"
    return {
        **out,
        "originals": len(originals),
        "copies": len(copies),
        "recall_by_edit": by_kind,
        "similarity": margin,
        "ms_per_article": round(1000 * seconds / max(1, len(gold)), 2),
    }


def merge(fixtures: Path = FIXTURES) -> dict:
    """(b): pairwise merge precision/recall on the fixture sets, through the real pipeline."""
    from newsledger.api import Ledger

    gold_triggers = json.loads((fixtures / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp, Ledger(Path(tmp) / "merge.db") as ledger:
        ledger.ingest(sorted(str(p) for p in fixtures.glob("*.jsonl")))
        return merge_scores(ledger, gold_triggers)


def merge_scores(ledger, gold_triggers: dict) -> dict:
    """Pairwise scores of the ledger's merged events against gold (title -> trigger -> story)."""
    predicted, gold = {}, {}
    for m in ledger.merged_events(limit=None):
        for r in m["report_list"]:
            key = (r["article_id"], r["event_id"])
            predicted[key] = m["id"]
            story = gold_triggers.get(r["title"] or "", {}).get((r.get("trigger") or {}).get("text"))
            if story:
                gold[key] = story
    return pairwise(predicted, gold)


def cost(sizes=(1_000, 5_000, 10_000, 50_000), probe: int = 200, seed: int = 3, per_day: int = 40) -> dict:
    """(c): ms per new report matched when the ledger holds N merged events: synthetic events,
    `per_day` a day (5 types, 10 countries, random places and evidence), new reports from the last week."""
    from newsledger.ledger import cluster_cache, update
    from newsledger.ledger.merge import Report, choose
    from newsledger.store import backend, open_store

    rng = random.Random(seed)
    types = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "CONSULT")
    countries = ("UKR", "RUS", "IRQ", "NGA", "KEN", "SYR", "SDN", "MLI", "COD", "MMR")
    vocab = [f"w{i}" for i in range(3000)]
    start = dt.date(2020, 1, 1)

    def report(i: int, day: int) -> Report:
        return Report(
            article_id=f"a{i}",
            event_id="e1",
            type=rng.choice(types),
            mode="actual",
            date=start + dt.timedelta(days=day),
            dated=True,
            actor_country=rng.choice(countries),
            place_name=f"town{rng.randrange(2000)}",
            lat=rng.uniform(-30, 60),
            lon=rng.uniform(-20, 100),
            place_kind="city",
            keywords=set(rng.sample(vocab, 8)),
            participants=[f"A:o:{rng.choice(vocab)}"],
            story=f"s{rng.randrange(5000)}",
        )

    out = {}
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
        store = open_store(Path(tmp) / "cost.db")
        n = 0
        with store.engine.connect().execution_options(**backend.WRITE) as conn:
            for size in sizes:
                with conn.begin():
                    while n < size:  # grow the ledger: each report its own merged event
                        r = report(n, n // per_day)  # the ledger grows in time, as news does
                        mid = update._new_cluster(conn, r)
                        _store_report(conn, r, mid)
                        n += 1
                t0 = time.perf_counter()
                with conn.begin():
                    for j in range(probe):  # what linking one new report costs now
                        r = report(10_000_000 + size + j, n // per_day - rng.randrange(7))  # this week's news
                        choose(r, cluster_cache.ClusterCache().candidates(conn, r)[0])
                out[size] = round(1000 * (time.perf_counter() - t0) / probe, 3)
        store.close()
    return {"ms_per_report": out, "events_per_day": per_day}


def _store_report(conn, r, mid: int) -> None:
    from newsledger.ledger.merge import stored_keys
    from newsledger.store import backend, ledger_tables, schema

    conn.execute(schema.articles.insert(), {"id": r.article_id, "text": "synthetic", "published": r.date.isoformat()})
    conn.execute(
        ledger_tables.event_reports.insert(),
        {
            "article_id": r.article_id,
            "event_id": r.event_id,
            "merged_id": mid,
            "date": r.date.isoformat(),
            "dated": True,
            "actor_country": r.actor_country,
            "place_name": r.place_name,
            "lat": r.lat,
            "lon": r.lon,
            "keywords": sorted(r.keywords),
            "participants": r.participants,
            "place_kind": r.place_kind,
            "story": r.story,
            "origin": "x",
            "reason": "synthetic",
        },
    )
    conn.execute(
        backend.insert_ignoring_duplicates(conn, ledger_tables.event_blocks),
        [{"key": k, "merged_id": mid} for k in stored_keys(r)],
    )


def ecbplus_part(root: Path, cache: Path | None = None) -> dict:
    """(d): see benchmarks/ledger_ecbplus.py."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import ledger_ecbplus

    return ledger_ecbplus.run(root, cache)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("news_html", type=Path, help="the news-html folder (ground-truth.json)")
    ap.add_argument("--skip-cost", action="store_true")
    ap.add_argument("--ecbplus", type=Path, help="the ecbplus folder: adds part (d)")
    ap.add_argument("--cache", type=Path, help="a folder caching ECB+ extraction results (made if absent)")
    ap.add_argument("--only", choices=("dedup", "merge", "cost", "ecbplus"))
    args = ap.parse_args()
    parts = {
        "dedup": lambda: dedup(args.news_html),
        "merge": merge,
        "cost": cost,
        "ecbplus": lambda: ecbplus_part(args.ecbplus, args.cache),
    }
    wanted = (
        [args.only]
        if args.only
        else ["dedup", "merge"] + ([] if args.skip_cost else ["cost"]) + (["ecbplus"] if args.ecbplus else [])
    )
    results = {name: parts[name]() for name in wanted}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
