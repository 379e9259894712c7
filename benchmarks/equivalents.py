"""newsledger's extraction with and without its equivalents of spaCy's attribute ruler and
lemmatizer (newsledger/nlp/attribute_table.py, lemma_memo.py), beside bare spaCy, in one process.

    python benchmarks/equivalents.py [--bodies ../shared/data/news-html/ground-truth.json]

Builds three pipelines (bare spaCy; newsledger with the stock ruler and lemmatizer; newsledger as
shipped) and runs each batch of 16 bodies through all three in turn, alternating the order, adding
up the CPU seconds of this thread per pipeline: load drifts on a shared machine touch all three
alike. Prints the CPU ratios to bare spaCy and whether the two newsledger outputs are identical.
A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_BODIES = ROOT.parent / "shared" / "data" / "news-html" / "ground-truth.json"
BATCH = 16


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bodies", type=Path, default=DEFAULT_BODIES)
    args = ap.parse_args(argv)
    if not args.bodies.exists():
        print(f"no article bodies at {args.bodies}", file=sys.stderr)
        return 2
    import newsledger.nlp.pipeline as pipeline
    from newsledger.nlp.extractor import doc_to_result
    from newsledger.records import Article

    shipped = pipeline.build_nlp()
    keep = pipeline.tabulate_attribute_ruler, pipeline.remember_lemmas
    pipeline.tabulate_attribute_ruler = pipeline.remember_lemmas = lambda nlp: False  # type: ignore[assignment]
    try:
        stock = pipeline.build_nlp()
    finally:
        pipeline.tabulate_attribute_ruler, pipeline.remember_lemmas = keep
    bare = pipeline.load_model()
    data = json.loads(args.bodies.read_text(encoding="utf-8"))
    articles = [
        Article(text=v["articleBody"], id=f"gt-{i}")
        for i, v in enumerate(x for x in data.values() if x.get("articleBody"))
    ]
    published = dt.date(2024, 12, 23)
    secs = {"bare spaCy": 0.0, "stock ruler, lemmatizer": 0.0, "as shipped": 0.0}
    outputs: dict[str, list[str]] = {"stock ruler, lemmatizer": [], "as shipped": []}
    nlps = dict(zip(secs, (bare, stock, shipped)))
    for b in range(0, len(articles), BATCH):
        batch = articles[b : b + BATCH]
        order = list(nlps) if (b // BATCH) % 2 == 0 else list(reversed(nlps))
        for name in order:
            nlp = nlps[name]
            start = time.thread_time()
            docs = [nlp.make_doc(a.text) for a in batch]
            if name in outputs:
                for doc in docs:
                    doc._.published = published
            docs = list(nlp.pipe(docs, batch_size=BATCH))
            if name in outputs:
                outputs[name] += [
                    json.dumps(doc_to_result(d, a).to_dict(), ensure_ascii=False) for d, a in zip(docs, batch)
                ]
            secs[name] += time.thread_time() - start
    print(f"{len(articles)} bodies; CPU seconds of this thread, batches of {BATCH} through each pipeline in turn")
    for name, s in secs.items():
        print(f"{name:<26}{s:>8.2f}{secs['bare spaCy'] / s:>8.2f}")
    print("outputs identical:", outputs["stock ruler, lemmatizer"] == outputs["as shipped"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
