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


def measure(texts: list[str], model: str | None, repeat: int) -> dict[str, float]:
    from newsledger.nlp.pipeline import Settings, build_nlp

    nlp = build_nlp(Settings(model=model))
    ours = [name for name in nlp.pipe_names if name.startswith("newsledger_") and name != "newsledger_paragraphs"]
    secs = {"spaCy": 0.0, **{name: 0.0 for name in ours}}
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
    return secs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data" / "news-html"))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--model")
    args = ap.parse_args(argv)
    articles = load_articles(Path(args.data), 1)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    secs = measure(texts, args.model, args.repeat)
    bare = secs["spaCy"]
    print(f"{len(texts)} articles, {words:,} words, {args.repeat} passes")
    print(f"{'part':28} {'seconds':>9} {'x spaCy':>9}")
    for name, s in secs.items():
        print(f"{name:28} {s:9.2f} {s / bare:9.3f}")
    ours = sum(s for n, s in secs.items() if n != "spaCy")
    print(f"{'all newsledger components':28} {ours:9.2f} {ours / bare:9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
