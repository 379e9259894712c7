"""Event merging on ECB+ (benchmarks/ledger.py part (d)): the real ledger over 812 documents of 35
topics, each topic holding two different real events of one kind (the *ecb and *ecbplus documents).

Every document gets the same publication date (ECB+ has none), so dates cannot separate events.
Documents are stored and linked in batches of 50 in a fixed shuffled order (not topic by topic).

Measures, for the 8 conflict topics (3 12 18 22 26 33 36 45) and the 27 others, each split into a
tuning half (odd topic numbers: thresholds were set on these) and a report half (even topics):
  doc pairs   two documents are linked when one merged event has reports from both; gold: same
              topic and sub-corpus. Precision, recall, F1, and the same-topic confusion (of the
              linked pairs inside one topic, the share joining its two different events).
  stories     the same document-pair scores for the ledger's stories (whole-article similarity
              clusters, story_index.py), and in_story_linked: of the gold pairs in one story, the
              share that one merged event links (what evidence inside a story achieves).
  B-cubed     mention-level B-cubed F1 of the merged events against ECB+'s cross-document chains
              (gold action mentions of validated sentences; a gold mention belongs to the merged event
              of the report whose trigger, or else one of whose evidence spans — its later mentions
              in the article, events/coreference.py — overlaps it; a mention without one is a singleton).
  baseline    TF-IDF cosine document clustering (single link; threshold chosen on the tuning half),
              scored by the same document-pair measure.
The ledger's own thresholds (story_index.STORY_MIN, merge.LEAD_SENTENCES) and rules were chosen on
the tuning half only: the best conflict-topic F1 with the other topics' precision >= 0.95.
Recall is bounded by extraction: a document pair can only be linked through events of one type
that both documents have, and an event with no shared target person, doer and target, private
person attacked, arrested, charged or attacking, place finer than a town, lead position, trigger
word for one private person, or sentence told in nearly the same words merges with nothing;
B-cubed by the share of gold mentions an extracted event covers (covered_by_a_report).
"""

from __future__ import annotations

import random
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import ecbplus

GROUPS = {"conflict": lambda t: t in ecbplus.CONFLICT_TOPICS, "other": lambda t: t not in ecbplus.CONFLICT_TOPICS}
HALVES = {"tune": ecbplus.tuning_topic, "report": lambda t: not ecbplus.tuning_topic(t)}


def linked_ledger(docs: list, results: dict, db: Path, seed: int = 11) -> tuple[dict, dict]:
    """Store and link the documents; returns each article's report spans and its story."""
    from sqlalchemy import select

    from newsledger.ledger import link
    from newsledger.store import ledger_tables, open_store, schema

    order = list(docs)
    random.Random(seed).shuffle(order)
    with open_store(db) as store:
        for i in range(0, len(order), 50):
            batch = order[i : i + 50]
            store.add([(d.article, results[d.article.id]) for d in batch])
            link(store, [d.article.id for d in batch])
        er, ev = ledger_tables.event_reports, schema.events
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(er.c.article_id, er.c.merged_id, ev.c.trigger_start, ev.c.trigger_end, ev.c.evidence).join(
                    ev, (ev.c.article_id == er.c.article_id) & (ev.c.id == er.c.event_id)
                )
            ).all()
            story_of = dict(
                conn.execute(
                    select(ledger_tables.article_stories.c.article_id, ledger_tables.article_stories.c.story)
                ).all()
            )
    by_article = defaultdict(list)
    for aid, mid, start, end, _ in rows:
        by_article[aid].append((start, end, mid))
    # then the event's later mentions (its evidence: "the shooting" after "gunmen shot"); a trigger
    # span comes first when a gold mention overlaps both
    for aid, mid, _, _, evidence in rows:
        by_article[aid].extend((sp["start"], sp["end"], mid) for sp in evidence or [])
    return by_article, story_of


def in_story_linked(docs: list, linked: dict[str, set], story: dict[str, set]) -> float:
    """Of the gold pairs that share a story, the share that one merged event links."""
    both = [(a, b) for a, b in combinations(docs, 2) if a.story == b.story and story[a.name] & story[b.name]]
    return round(sum(bool(linked[a.name] & linked[b.name]) for a, b in both) / len(both), 4) if both else 1.0


def doc_pairs(docs: list, linked: dict[str, set]) -> dict:
    tp = fp = fn = same_topic_linked = confused = 0
    for a, b in combinations(docs, 2):
        link = bool(linked[a.name] & linked[b.name])
        gold = a.story == b.story
        tp += link and gold
        fp += link and not gold
        fn += gold and not link
        if link and a.topic == b.topic:
            same_topic_linked += 1
            confused += not gold
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "docs": len(docs),
        "pairs_linked": tp + fp,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "confusion": round(confused / same_topic_linked, 4) if same_topic_linked else 0.0,
    }


def bcubed(docs: list, reports: dict) -> dict:
    """Mention-level B-cubed over the gold mentions of these documents."""
    pred, gold = {}, {}
    for d in docs:
        spans = reports.get(d.article.id, [])
        for k, (start, end, instance) in enumerate(d.mentions):
            m = (d.name, k)
            gold[m] = instance
            hit = next((mid for s, e, mid in spans if s is not None and s < end and start < e), None)
            pred[m] = ("merged", hit) if hit is not None else ("single", m)
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for m in gold:
        by_pred[pred[m]].add(m)
        by_gold[gold[m]].add(m)
    if not gold:
        return {"mentions": 0, "f1": 0.0}
    p = sum(len(by_pred[pred[m]] & by_gold[gold[m]]) / len(by_pred[pred[m]]) for m in gold) / len(gold)
    r = sum(len(by_pred[pred[m]] & by_gold[gold[m]]) / len(by_gold[gold[m]]) for m in gold) / len(gold)
    covered = sum(pred[m][0] == "merged" for m in gold) / len(gold)
    return {
        "mentions": len(gold),
        "covered_by_a_report": round(covered, 4),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def tfidf_baseline(docs: list) -> tuple[float, dict[str, set]]:
    """Single-link TF-IDF document clustering, threshold chosen for F1 on the tuning half."""
    from collections import Counter

    from newsledger.ledger import stories

    counts = {d.name: stories.term_counts(d.article.text) for d in docs}
    df: Counter = Counter(t for c in counts.values() for t in c)
    profiles = {n: stories.profile(c, df, len(docs)) for n, c in counts.items()}
    names = [d.name for d in docs]
    sims = {(a, b): stories.cosine(profiles[a], profiles[b]) for a, b in combinations(names, 2)}
    tune = [d for d in docs if ecbplus.tuning_topic(d.topic)]

    def clusters(threshold: float) -> dict[str, set]:
        parent = {n: n for n in names}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for (a, b), s in sims.items():
            if s >= threshold:
                parent[find(a)] = find(b)
        return {n: {find(n)} for n in names}

    best = max((doc_pairs(tune, clusters(t / 100))["f1"], t / 100) for t in range(5, 80, 5))
    return best[1], clusters(best[1])


def run(root: Path, cache: Path | None) -> dict:
    docs = ecbplus.read(root)
    results = ecbplus.results(docs, cache)
    with tempfile.TemporaryDirectory(prefix="ledger-ecb-") as tmp:
        reports, story_of = linked_ledger(docs, results, Path(tmp) / "ecb.db")
    linked = {d.name: {mid for _, _, mid in reports.get(d.article.id, [])} for d in docs}
    story = {d.name: {story_of.get(d.article.id, d.article.id)} for d in docs}
    threshold, base = tfidf_baseline(docs)
    out: dict = {"baseline_threshold": threshold}
    for g, in_group in GROUPS.items():
        for h, in_half in HALVES.items():
            part = [d for d in docs if in_group(d.topic) and in_half(d.topic)]
            out[f"{g}/{h}"] = {
                "ledger": doc_pairs(part, linked),
                "stories": {**doc_pairs(part, story), "in_story_linked": in_story_linked(part, linked, story)},
                "bcubed": bcubed(part, reports),
                "tfidf_baseline": doc_pairs(part, base),
            }
        part = [d for d in docs if in_group(d.topic)]
        out[f"{g}/all"] = {
            "ledger": doc_pairs(part, linked),
            "stories": {**doc_pairs(part, story), "in_story_linked": in_story_linked(part, linked, story)},
            "bcubed": bcubed(part, reports),
            "tfidf_baseline": doc_pairs(part, base),
        }
    return out
