"""Throughput of newsledger versus the bare spaCy pipeline, in one run.

    python benchmarks/throughput.py [../shared/data/news-html] [--repeat 6] [--model NAME]
                                    [--pg postgresql://postgres@127.0.0.1:5432/test]

Reads the real news pages once (HTML extraction is not timed), then times, each in a fresh
process so that peak memory is its own:
  bare     the spaCy model alone over the article texts (nlp.pipe)
  extract  newsledger's full extraction (the same model plus all components)
  ingest   the whole `Ledger.ingest` into a new SQLite ledger (reading, extraction, storing)
  ingest (PostgreSQL)  the same into a throwaway schema of the PostgreSQL database at --pg
           (dropped afterwards); skipped without --pg
and prints articles/s, words/s, the ratio to bare, and peak RSS. `--repeat` repeats the corpus
with distinct texts (a marker line is appended) to reach >= 1,000 articles.
These figures leave start-up and output out. `--whole-process` times what a user pays instead:
whole `newsledger extract` / `ingest` processes against a bare spaCy process, and the cold start
of one article, with peak RSS (see benchmarks/whole_process.py; its options follow the flag).
A benchmark, not a test: the machine is shared, so read ratios, not absolute times; the CPU
columns (user + system seconds of the process) are the steadier measure under load.
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


def load_articles(data: Path, repeat: int):
    from newsledger.errors import InputError
    from newsledger.ingest import read_inputs
    from newsledger.records import Article

    base = [a for a in read_inputs([str(data / "html")]) if not isinstance(a, InputError)]
    out = []
    for r in range(repeat):
        for a in base:
            text = a.text if r == 0 else f"{a.text}\n(copy {r})"
            out.append(
                Article(
                    text=text,
                    title=a.title,
                    url=a.url,
                    outlet=a.outlet,
                    published=a.published,
                    source=a.source,
                    kind=a.kind,
                )
            )
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bare(articles, model, q):
    from newsledger.nlp.pipeline import load_model

    nlp = load_model(model)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    q.put((time.perf_counter() - start, _peak_mb(), time.process_time() - cpu))


def run_extract(articles, model, q):
    from newsledger.api import Extractor

    ex = Extractor(model=model)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in ex.pipe(articles):
        pass
    q.put((time.perf_counter() - start, _peak_mb(), time.process_time() - cpu))


def run_ingest(articles, model, q, db=None):
    """Ledger.ingest into `db` (a URL), or into a new SQLite file when None."""
    from newsledger.api import Ledger

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(
                    json.dumps(
                        {"text": a.text, "title": a.title, "url": a.url, "outlet": a.outlet, "published": a.published}
                    )
                    + "\n"
                )
        with Ledger(db or Path(tmp) / "ledger.db", model=model) as ledger:
            _ = ledger.extractor  # load the model before the clock starts, as the others do
            start, cpu = time.perf_counter(), time.process_time()
            summary = ledger.ingest([str(src)])
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            if summary.added != len(articles):  # a ratio over articles not stored would flatter
                print(f"warning: ingest stored {summary.added} of {len(articles)} articles", file=sys.stderr)
            q.put((elapsed, _peak_mb(), cpu))


def throwaway_pg_schema(base: str):
    """(URL selecting a new schema through search_path, a function that drops it)."""
    import uuid

    import sqlalchemy as sa

    from newsledger.store.backend import to_url

    name = f"nl_throughput_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(to_url(base))
    with engine.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {name}"))

    def drop():
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {name} CASCADE"))
        engine.dispose()

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{name}", drop


def measure(fn, articles, model, *extra):
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=fn, args=(articles, model, q, *extra))
    p.start()
    result = q.get()
    p.join()
    return result


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--whole-process" in argv:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from whole_process import main as whole_process

        return whole_process([a for a in argv if a != "--whole-process"])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--model", default=None)
    ap.add_argument("--pg", metavar="URL", help="also ingest into this PostgreSQL database (a throwaway schema)")
    args = ap.parse_args(argv)
    if not (args.data / "html").is_dir():
        print(f"no news pages at {args.data / 'html'}; pass the news-html folder", file=sys.stderr)
        return 2
    articles = load_articles(args.data, args.repeat)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words, 1 process\n")
    rows = {
        name: measure(fn, articles, args.model)
        for name, fn in (("bare spaCy", run_bare), ("extract", run_extract), ("ingest (SQLite)", run_ingest))
    }
    if args.pg:
        url, drop = throwaway_pg_schema(args.pg)
        try:
            rows["ingest (PostgreSQL)"] = measure(run_ingest, articles, args.model, url)
        finally:
            drop()
    bare, _, bare_cpu = rows["bare spaCy"]
    print(
        f"{'run':<20}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'vs bare':>9}{'peak MB':>9}"
        f"{'CPU s':>8}{'CPU vs':>8}"
    )
    for name, (secs, peak, cpu) in rows.items():
        print(
            f"{name:<20}{secs:>9.1f}{len(articles) / secs:>12.1f}{words / secs:>10.0f}{bare / secs:>9.2f}{peak:>9.0f}"
            f"{cpu:>8.1f}{bare_cpu / cpu:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
