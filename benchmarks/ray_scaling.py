"""Speed-up of the Ray engine from 1 to 2 workers, on the same real articles, in one run.

    python benchmarks/ray_scaling.py [../shared/data/news-html] [--repeat 2] [--workers 1 2]
                                     [--batch-size 64] [--model NAME] [--limit N]

Reads the real news pages once (HTML extraction is not timed; `--repeat` repeats them with
distinct texts as benchmarks/throughput.py does, to reach >= 200 articles), starts one local
Ray instance with as many CPUs as the largest worker count, and for each worker count runs
the whole `Ledger.ingest_items(engine="ray")` into a new SQLite ledger (extraction on the Ray
actors; storing and linking in this process, as in production). It prints:
  whole    every second of the ingest, including starting the actors and loading the model
  steady   the articles after the first batch over the time after it (actors already warm)
and the speed-up of each worker count over the first. Target: 2 workers >= 1.6x one worker
(steady). A benchmark, not a test: run it on a quiet machine, the ratios need free cores.
Needs the ray extra (pip install 'newsledger[ray]').
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_DATA, load_articles


def run(articles, workers: int, batch_size: int, model: str | None) -> dict:
    """One ingest with `workers` Ray actors; wall times of the whole run and of its steady part."""
    from newsledger.api import Ledger
    from newsledger.records import Article

    marks: list[tuple[float, int]] = []
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        marks.append((time.perf_counter(), done))

    fresh = [Article(**a.to_dict()) for a in articles]  # ingest may fill in fields; keep the input intact
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "ledger.db", model=model) as ledger:
        start = time.perf_counter()
        summary = ledger.ingest_items(fresh, engine="ray", workers=workers, batch_size=batch_size, on_progress=progress)
        end = time.perf_counter()
    if summary.added != len(articles):
        raise SystemExit(f"{workers} workers stored {summary.added} of {len(articles)} articles")
    (t_first, n_first) = marks[0]
    return {"whole": (end - start, len(articles)), "steady": (end - t_first, len(articles) - n_first)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=2, help="Copies of the corpus (181 pages each).")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=64, help="Articles per stored batch.")
    ap.add_argument("--model", default=None)
    ap.add_argument("--limit", type=int, default=None, help="Only the first N articles (a quick check).")
    args = ap.parse_args(argv)
    if not (args.data / "html").is_dir():
        print(f"no news pages at {args.data / 'html'}; pass the news-html folder", file=sys.stderr)
        return 2
    try:
        import ray
    except ImportError:
        print("Ray is not installed: pip install 'newsledger[ray]'", file=sys.stderr)
        return 2

    articles = load_articles(args.data, args.repeat)[: args.limit]
    words = sum(len(a.text.split()) for a in articles)
    print(
        f"{len(articles)} articles, {words:,} words, batches of {args.batch_size}, Ray workers {args.workers}\n",
        flush=True,
    )
    ray.init(num_cpus=max(args.workers), include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    try:
        rows = {w: run(articles, w, args.batch_size, args.model) for w in args.workers}
    finally:
        ray.shutdown()

    base = rows[args.workers[0]]
    print(f"{'workers':>7} {'part':<7}{'seconds':>9}{'articles':>10}{'articles/s':>12}{'words/s':>10}{'speed-up':>10}")
    for w, parts in rows.items():
        for part, (secs, n) in parts.items():
            rate = n / secs
            base_rate = base[part][1] / base[part][0]
            print(
                f"{w:>7} {part:<7}{secs:>9.1f}{n:>10}{rate:>12.2f}{words * n / len(articles) / secs:>10.0f}"
                f"{rate / base_rate:>9.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
