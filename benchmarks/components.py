"""What each newsledger component costs, as a share of the bare spaCy pipeline's time, in one run.

    python benchmarks/components.py [../shared/data/news-html] [--repeat 2] [--model NAME]

Reads the real news pages once (HTML extraction is not timed), parses them with the full
pipeline's spaCy part, then times each newsledger component over the same parsed Docs, in
pipeline order (each reads what the earlier ones wrote). Prints the seconds and the ratio to the
spaCy part for each component (events: the issue's budget is +15% of bare spaCy). The spaCy
part is timed over the same texts in the same process just before. A benchmark, not a test: the
machine is shared, so read ratios, not absolute times; repeat for steadier figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import load_articles  # noqa: E402  (same corpus reading as the throughput benchmark)


def measure(articles, model: str | None, repeat: int) -> dict[str, float]:
    from newsledger.nlp.pipeline import Settings, build_nlp

    nlp = build_nlp(Settings(model=model))
    ours = [name for name in nlp.pipe_names if name.startswith("newsledger_") and name != "newsledger_paragraphs"]
    secs = {"spaCy": 0.0, **{name: 0.0 for name in ours}}
    texts = [a.text for a in articles]
    for _ in range(repeat):
        with nlp.select_pipes(disable=ours):
            start = time.perf_counter()
            docs = list(nlp.pipe(texts))
            secs["spaCy"] += time.perf_counter() - start
        for name in ours:
            component = nlp.get_pipe(name)
            start = time.perf_counter()
            docs = [component(doc) for doc in docs]
            secs[name] += time.perf_counter() - start
        for name, s in output_costs(docs, articles).items():
            secs[name] = secs.get(name, 0.0) + s
    return secs


def output_costs(docs, articles) -> dict[str, float]:
    """Seconds of the writer, the SQLite store and the linker over finished Docs."""
    import json
    import tempfile

    from newsledger.api import doc_to_result
    from newsledger.ledger import link
    from newsledger.store.store import open_store

    out: dict[str, float] = {}
    start = time.perf_counter()
    results = [doc_to_result(doc, a) for doc, a in zip(docs, articles)]
    lines = [json.dumps(r.to_dict(), ensure_ascii=False) for r in results]
    out["writer (result + JSON)"] = time.perf_counter() - start
    assert len(lines) == len(docs)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "ledger.db")
        try:
            pairs = list(zip(articles, results))
            batches = [pairs[i : i + 32] for i in range(0, len(pairs), 32)]
            out["store (SQLite)"] = out["linker"] = 0.0
            for batch in batches:
                start = time.perf_counter()
                store.add_batch(batch)
                out["store (SQLite)"] += time.perf_counter() - start
                start = time.perf_counter()
                link(store, [a.id for a, _ in batch])
                out["linker"] += time.perf_counter() - start
        finally:
            store.close()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data" / "news-html"))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--model")
    args = ap.parse_args(argv)
    articles = load_articles(Path(args.data), 1)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    secs = measure(articles, args.model, args.repeat)
    bare = secs["spaCy"]
    print(f"{len(texts)} articles, {words:,} words, {args.repeat} passes")
    print(f"{'part':28} {'seconds':>9} {'x spaCy':>9}")
    for name, s in secs.items():
        print(f"{name:28} {s:9.2f} {s / bare:9.3f}")
    ours = sum(s for n, s in secs.items() if n != "spaCy")
    print(f"{'all newsledger parts':28} {ours:9.2f} {ours / bare:9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
