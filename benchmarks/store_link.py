"""What `ingest` costs beyond extraction: the Store's writes and the cross-article linking, per backend.

    python benchmarks/store_link.py [--pg URL] [--pairs /tmp/pairs.pickle]

Extracts the 181 article bodies of the whole-process benchmark once (kept in --pairs, so later runs
time only the Store; delete it after changing extraction), then, for a new SQLite file and, with
--pg, a throwaway PostgreSQL schema, stores them in batches of 32 (`ingest`'s default) and links
each batch, as `ingest` does. Prints the CPU seconds of this process (user + system) for the
writes and for the linking, and the wall seconds of both (PostgreSQL's own work shows only there).
A benchmark, not a test: the machine is shared, so compare runs made one after the other.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from whole_process import DEFAULT_BODIES, write_bodies  # noqa: E402  (the same 181 bodies)


def extracted(bodies: Path, cache: Path) -> list:
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from newsledger.nlp.extractor import Extractor
    from newsledger.records import Article

    with tempfile.TemporaryDirectory() as tmp:
        lines = Path(tmp) / "bodies.jsonl"
        write_bodies(bodies, lines)
        articles = [Article(**json.loads(line)) for line in lines.read_text(encoding="utf-8").splitlines()]
    pairs = list(Extractor().pipe(articles))
    cache.write_bytes(pickle.dumps(pairs))
    return pairs


def store_and_link(url: str, pairs: list, batch: int = 32) -> tuple[float, float, float]:
    """(CPU s of the writes, CPU s of the linking, wall s of both)."""
    from newsledger.ledger import link
    from newsledger.store import open_store

    cpu = time.process_time
    add = linking = 0.0
    wall = time.perf_counter()
    with open_store(url) as store:
        for i in range(0, len(pairs), batch):
            part = pairs[i : i + batch]
            start = cpu()
            store.add_batch(part)
            add += cpu() - start
            start = cpu()
            link(store, [a.id for a, _ in part])
            linking += cpu() - start
    return add, linking, time.perf_counter() - wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bodies", type=Path, default=DEFAULT_BODIES)
    ap.add_argument("--pairs", type=Path, default=Path(tempfile.gettempdir()) / "newsledger-bench-pairs.pickle")
    ap.add_argument("--pg", metavar="URL", help="also a throwaway schema of this PostgreSQL database")
    args = ap.parse_args(argv)
    if not args.pairs.exists() and not args.bodies.exists():
        print(f"no article bodies at {args.bodies}", file=sys.stderr)
        return 2
    pairs = extracted(args.bodies, args.pairs)
    print(f"{len(pairs)} articles; CPU seconds of this process, wall seconds of both steps")
    print(f"{'backend':<12}{'writes':>9}{'linking':>9}{'wall':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", str(Path(tmp) / "ledger.db"))]
        drop = None
        if args.pg:
            from throughput import throwaway_pg_schema

            url, drop = throwaway_pg_schema(args.pg)
            targets.append(("PostgreSQL", url))
        try:
            for name, url in targets:
                add, linking, wall = store_and_link(url, pairs)
                print(f"{name:<12}{add:>9.2f}{linking:>9.2f}{wall:>9.1f}")
        finally:
            if drop:
                drop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
