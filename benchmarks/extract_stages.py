"""Where the CPU time of a `newsledger extract` run goes, stage by stage, beside bare spaCy.

    python benchmarks/extract_stages.py [--bodies ../shared/data/news-html/ground-truth.json]
                                        [--model NAME] [--out results.jsonl]

Runs the extraction as `newsledger extract` does (batches of 16; spaCy's own components over a
batch, newsledger's chained Doc by Doc, so the per-Doc cache of common/doc_cache.py works as in
the real pipeline) and adds up the CPU seconds of this thread (time.thread_time) spent in each
stage: the tokenizer, each spaCy component, each newsledger component, collecting the results and
the writer (records to dicts, JSON encoding). Start-up is printed apart: building the Extractor.
`--out` writes the JSON lines, to compare with `newsledger extract --published 2024-12-23`.
A benchmark, not a test: the machine is shared; read shares, not seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_BODIES = ROOT.parent / "shared" / "data" / "news-html" / "ground-truth.json"
PUBLISHED = "2024-12-23"
BATCH = 16


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bodies", type=Path, default=DEFAULT_BODIES)
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", type=Path, default=None, help="write the JSON lines here")
    args = ap.parse_args(argv)
    if not args.bodies.exists():
        print(f"no article bodies at {args.bodies}", file=sys.stderr)
        return 2
    from newsledger.api import Extractor
    from newsledger.nlp.extractor import doc_to_result, parse_date
    from newsledger.records import Article

    data = json.loads(args.bodies.read_text(encoding="utf-8"))
    articles = [
        Article(text=v["articleBody"], id=f"gt-{i}", published=PUBLISHED)
        for i, v in enumerate(x for x in data.values() if x.get("articleBody"))
    ]
    clock = time.thread_time
    start = clock()
    nlp = Extractor(model=args.model).nlp
    build = clock() - start
    pipes = list(nlp.pipeline)
    # spaCy's trainable components take a batch; everything after the last of them runs Doc by Doc
    last_batched = max(i for i, (_, p) in enumerate(pipes) if hasattr(p, "pipe"))
    secs: dict[str, float] = defaultdict(float)
    lines: list[str] = []
    published = parse_date(PUBLISHED)
    for b in range(0, len(articles), BATCH):
        batch = articles[b : b + BATCH]
        start = clock()
        docs = [nlp.make_doc(a.text) for a in batch]
        for doc in docs:
            doc._.published = published
        secs["tokenizer"] += clock() - start
        for name, proc in pipes[: last_batched + 1]:
            start = clock()
            docs = list(proc.pipe(docs, batch_size=BATCH)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            secs[name] += clock() - start
        for doc in docs:
            for name, proc in pipes[last_batched + 1 :]:
                start = clock()
                proc(doc)
                secs[name] += clock() - start
        start = clock()
        results = [doc_to_result(doc, a) for doc, a in zip(docs, batch)]
        secs["results"] += clock() - start
        start = clock()
        dicts = [r.to_dict() for r in results]
        secs["writer: to_dict"] += clock() - start
        start = clock()
        lines.extend(json.dumps(d, ensure_ascii=False) + "\n" for d in dicts)
        secs["writer: JSON"] += clock() - start
    if args.out:
        args.out.write_text("".join(lines), encoding="utf-8")
    total = sum(secs.values())
    spacy_part = sum(s for n, s in secs.items() if n == "tokenizer" or (n in nlp.pipe_names and "newsledger" not in n))
    print(f"{len(articles)} articles; CPU seconds of this thread; build the Extractor: {build:.2f}")
    print(f"{'stage':<26}{'CPU s':>8}{'share':>8}")
    for name, s in secs.items():
        print(f"{name:<26}{s:>8.2f}{s / total:>8.1%}")
    print(f"{'spaCy part':<26}{spacy_part:>8.2f}{spacy_part / total:>8.1%}")
    print(f"{'newsledger beyond spaCy':<26}{total - spacy_part:>8.2f}{(total - spacy_part) / total:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
