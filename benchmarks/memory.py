"""Peak memory of a whole ingest at two sizes: flat when ingest streams rather than loads all.

    python benchmarks/memory.py [../shared/data/news-html] [--sizes 1000 10000] [--workers 1]

Writes a JSON Lines file of N articles (the real news pages' texts repeated, each copy made
distinct so nothing is skipped as already stored), then runs `Ledger.ingest` on it into a new
SQLite ledger in a fresh process per size and prints that process's peak RSS (the model
loaded, the whole run). Reading HTML is done once, up front, and not measured.
A benchmark, not a test: 10,000 articles take a long time on a small machine; pass smaller sizes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-html"


def texts(data: Path) -> list[dict]:
    from newsledger.errors import InputError
    from newsledger.ingest import read_inputs

    return [
        {"text": a.text, "title": a.title, "outlet": a.outlet, "published": a.published}
        for a in read_inputs([str(data / "html")])
        if not isinstance(a, InputError)
    ]


def write_jsonl(base: list[dict], n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = dict(base[i % len(base)])
            row["text"] = f"{row['text']}\n(copy {i // len(base)})"
            row["id"] = f"mem-{i:06d}"
            f.write(json.dumps(row) + "\n")


def _ingest(src: str, db: str, workers: int, q) -> None:
    from newsledger.api import Ledger

    start = time.perf_counter()
    with Ledger(db) as ledger:
        summary = ledger.ingest([src], workers=workers)
    # ru_maxrss is in KiB on Linux; the children are the worker processes, if any
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    q.put((summary.added, time.perf_counter() - start, own, kids))


def measure(src: Path, db: Path, workers: int):
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_ingest, args=(str(src), str(db), workers, q))
    p.start()
    out = q.get()
    p.join()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)
    if not (args.data / "html").is_dir():
        print(f"no news pages at {args.data / 'html'}; pass the news-html folder", file=sys.stderr)
        return 2
    base = texts(args.data)
    print(f"{len(base)} distinct pages; workers={args.workers}")
    print(f"{'articles':>9}{'added':>8}{'seconds':>9}{'peak MB':>9}{'workers peak MB':>17}")
    peaks = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="scale-memory-") as tmp:
            src = Path(tmp) / "articles.jsonl"
            write_jsonl(base, n, src)
            added, secs, own, kids = measure(src, Path(tmp) / "ledger.db", args.workers)
        peaks.append(own)
        print(f"{n:>9}{added:>8}{secs:>9.0f}{own:>9.0f}{kids if args.workers > 1 else 0:>17.0f}")
    if len(peaks) > 1:
        print(f"peak growth from {args.sizes[0]} to {args.sizes[-1]} articles: {peaks[-1] / peaks[0] - 1:+.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
