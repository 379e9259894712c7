"""Robustness: the bad-input corpus through the real CLI, then a bounded fuzz of extraction and ingest.

    python benchmarks/robustness.py [--examples 2000] [--seconds 600] [--seed N] [--no-big]

1. corpus   tests/fixtures/bad + the hostile files of tests/fixtures/ingest + generated ones (a 50 MB
            page, 100k nested <div>s, a 20 MB JSONL line) via `python -m newsledger ingest` in a child
2. extract  hypothesis examples (arbitrary Unicode and news-like text) through the full pipeline;
            each result checked with newsledger.contract.problems() and the JSON schema
3. ingest   random files (random bytes, and corpus files cut, bit-flipped or spliced) through
            Ledger.ingest; every article the readers yield must end up in the ledger

Prints, per part and in total: inputs tried, errors reported, crashes (must be 0), articles lost
(must be 0). Each fuzz part stops at --examples or at its share of --seconds, whichever is first.
Exit code 1 when there is a crash or a lost article.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the corpus builder lives with the tests

from tests.reliability.corpus import BAD, INGEST, REUSED, build_corpus  # noqa: E402
from tests.reliability.helpers import ingest_command, run  # noqa: E402


def _tally(tried=0, errors=0, crashes=0, lost=0, **extra) -> dict:
    return dict(tried=tried, errors=errors, crashes=crashes, lost=lost, **extra)


def corpus_part(big: bool) -> dict:
    """The corpus through the CLI; lost = articles the corpus must store that the ledger lacks."""
    import re

    from newsledger.store import open_store, schema

    with tempfile.TemporaryDirectory(prefix="robustness-") as tmp:
        root = Path(tmp)
        expect = build_corpus(root / "corpus", big=big)
        db = str(root / "ledger.db")
        result = run(ingest_command(["corpus"], db), root, "corpus")
        errors = sum(1 for line in result.stderr.splitlines() if line.startswith("skipped "))
        crashed = result.code not in (0, 1) or "Traceback" in result.stderr
        store = open_store(db)
        with store.engine.connect() as conn:
            sources = [
                row[0] for row in conn.execute(schema.articles.select().with_only_columns(schema.articles.c.source))
            ]
        store.close()
        stored: dict[str, int] = {}
        for source in sources:
            name = re.split(r"[:#]", source.split("/", 1)[1], maxsplit=1)[0]
            stored[name] = stored.get(name, 0) + 1
        lost = sum(max(0, want.stored - stored.get(name, 0)) for name, want in expect.items())
        return _tally(
            len(expect),
            errors,
            int(crashed),
            lost,
            peak_rss_mb=round(result.peak_rss_mb),
            expected_errors=sum(w.errors for w in expect.values()),
        )


def extract_part(examples: int, seconds: float) -> dict:
    import jsonschema
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from newsledger import Extractor
    from newsledger.contract import problems, schema
    from newsledger.records import Article
    from tests.reliability.strategies import news_texts

    extractor = Extractor()
    validator = jsonschema.Draft202012Validator(schema())
    tally = _tally(invalid=0)
    deadline = time.monotonic() + seconds

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(text=st.one_of(st.text(max_size=600), news_texts()))
    def one(text):
        if time.monotonic() > deadline:
            return
        tally["tried"] += 1
        try:
            [(_, result)] = list(extractor.pipe([Article(text=text, id="x")]))
            data = result.to_dict()
        except Exception:
            tally["crashes"] += 1
            traceback.print_exc(limit=3)
            return
        if problems(data, text) or next(validator.iter_errors(data), None) is not None:
            tally["invalid"] += 1  # a broken contract counts as a crash below
            print("contract broken for", repr(text[:200]), problems(data, text)[:3], file=sys.stderr)

    one()
    tally["crashes"] += tally["invalid"]
    return tally


def _mutate(rng: random.Random, samples: list[bytes]) -> bytes:
    """Random bytes, or a corpus file cut short, with bytes flipped, or two files spliced."""
    how = rng.randrange(5)
    if how == 0:
        return rng.randbytes(rng.randrange(0, 4096))
    data = rng.choice(samples)
    if how == 1:
        return data[: rng.randrange(0, len(data) + 1)]
    if how == 2:
        out = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            if out:
                out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if how == 3:
        other = rng.choice(samples)
        return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]
    return data  # unchanged: valid files must keep being stored


def _stored_ids(ledger) -> set[str]:
    """Every article row (Ledger.articles() hides near-duplicates, which are stored all the same)."""
    from sqlalchemy import select

    from newsledger.store import schema

    with ledger.store.engine.connect() as conn:
        return set(conn.execute(select(schema.articles.c.id)).scalars())


def ingest_part(examples: int, seconds: float, seed: int, batch: int = 200) -> dict:
    """Random files through Ledger.ingest, `batch` files per run; lost = ids read but not stored."""
    from newsledger import Ledger
    from newsledger.ingest import read_inputs
    from newsledger.records import Article

    rng = random.Random(seed)
    names = (
        [p for p in sorted(BAD.iterdir()) if p.is_file()]
        + [INGEST / n for n in REUSED]
        + [
            INGEST / n
            for n in (
                "article.txt",
                "articles.jsonl",
                "feed_atom.xml",
                "feed_rss.xml",
                "page.html",
                "page.html.gz",
                "pages.warc",
                "pages.warc.gz",
            )
        ]
    )
    samples = [p.read_bytes() for p in names]
    suffixes = [p.name.split(".", 1)[-1] for p in names] + ["bin", "txt", ""]
    tally = _tally()
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory(prefix="robustness-ingest-") as tmp:
        root = Path(tmp)
        ledger = Ledger(str(root / "fuzz.db"))
        n = 0
        while n < examples and time.monotonic() < deadline:
            folder = root / f"batch{n}"
            folder.mkdir()
            for i in range(min(batch, examples - n)):
                (folder / f"f{n + i}.{rng.choice(suffixes)}").write_bytes(_mutate(rng, samples))
            count = len(list(folder.iterdir()))
            n += count
            tally["tried"] += count
            read_ids = {item.id for item in read_inputs([str(folder)]) if isinstance(item, Article)}
            errors = []
            try:
                ledger.ingest([str(folder)], on_error=errors.append)
            except Exception:
                tally["crashes"] += 1
                traceback.print_exc(limit=5)
            tally["errors"] += len(errors)
            stored = _stored_ids(ledger) if read_ids else set()
            tally["lost"] += len(read_ids - stored)
        ledger.close()
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2000, help="fuzz examples for each of extract and ingest")
    ap.add_argument("--seconds", type=float, default=600, help="time for the two fuzz parts together")
    ap.add_argument("--seed", type=int, default=None, help="seed of the ingest fuzz (default: random)")
    ap.add_argument("--no-big", action="store_true", help="leave the 50 MB page and 20 MB line out")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)

    parts = {}
    started = time.monotonic()
    parts["corpus"] = corpus_part(big=not args.no_big)
    print("corpus ", parts["corpus"], flush=True)
    parts["extract"] = extract_part(args.examples, args.seconds / 2)
    print("extract", parts["extract"], flush=True)
    parts["ingest"] = ingest_part(args.examples, args.seconds / 2, seed)
    print(f"ingest  {parts['ingest']} (seed {seed})", flush=True)
    total = {k: sum(p[k] for p in parts.values()) for k in ("tried", "errors", "crashes", "lost")}
    print(
        f"\ninputs tried {total['tried']}, errors reported {total['errors']}, crashes {total['crashes']}, "
        f"articles lost {total['lost']}  ({time.monotonic() - started:.0f} s)"
    )
    return 1 if total["crashes"] or total["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
