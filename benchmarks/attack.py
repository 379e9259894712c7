"""The hostile corpus and the web attack list against both ledger backends: attacks tried, held, broke.

    python benchmarks/attack.py [--backends sqlite,postgresql] [--pg URL] [-v]

fetch     hostile sources on a loopback server: trickled headers and bodies, a silent server, a
          21 MB page, a gzip bomb, redirect loops and redirects to metadata, file: and other hosts
ingest    per backend: the bad-input corpus, a FIFO in a folder, a too-long text through extract,
          a run that loses every insert race, NUL and surrogates in article text
web       per backend: NUL, surrogates and SQL injection in every filter (API and pages), path
          traversal, an oversized body, ingest without the token, an unexpected server error

An attack held when the outcome is the documented one (a clear error naming the input, no 5xx
but a handled one, nothing lost). PostgreSQL runs in a throwaway schema of --pg (default
NEWSLEDGER_TEST_PG or postgresql://postgres@127.0.0.1:5432/test) and is left out, with a line
saying so, when no server answers. Exit code 1 when any attack broke. tests/reliability/
test_attack_gate.py runs this as a gate.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the corpus and the loopback server live with the tests
sys.path.insert(0, str(REPO / "benchmarks"))

from attacks_fetch import run_fetch_attacks  # noqa: E402
from attacks_store import run_ingest_attacks, run_web_attacks  # noqa: E402

from tests.store.pg_schema import schema_url  # noqa: E402

PG_URL = os.environ.get("NEWSLEDGER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@contextmanager
def pg_schema(url: str):
    """A throwaway schema's URL, dropped on exit; None when no PostgreSQL server answers."""
    try:
        import psycopg

        admin = psycopg.connect(url, connect_timeout=3, autocommit=True)
    except Exception as exc:
        print(f"PostgreSQL left out: no server at {url} ({type(exc).__name__})", file=sys.stderr)
        yield None
        return
    with schema_url(admin, url, "nl_attack_") as schema:
        yield schema


def run_all(backends: list[str], pg_url: str = PG_URL) -> dict[str, list[tuple[str, bool, str]]]:
    """{group: [(attack, held, detail)]}; groups: fetch, then ingest and web per backend."""
    import logging

    from newsledger.api import Extractor

    logging.getLogger("newsledger.web").setLevel(logging.CRITICAL)  # the provoked 500 logs a traceback
    logging.getLogger("newsledger.ingest").setLevel(logging.ERROR)  # warnings on the corpus's odd dates
    results = {"fetch": run_fetch_attacks()}
    extractor = Extractor()  # one model for every ledger below
    for backend in backends:
        with tempfile.TemporaryDirectory(prefix="attack-") as tmp:
            root = Path(tmp)
            if backend == "sqlite":
                results["ingest sqlite"] = run_ingest_attacks(str(root / "ingest.db"), root, extractor)
                results["web sqlite"] = run_web_attacks(str(root / "web.db"))
                continue
            with pg_schema(pg_url) as url:
                if url is None:
                    continue
                results[f"ingest {backend}"] = run_ingest_attacks(url, root, extractor)
            with pg_schema(pg_url) as url:
                results[f"web {backend}"] = run_web_attacks(url)
    return results


def table(results: dict[str, list[tuple[str, bool, str]]], verbose: bool = False) -> str:
    lines = [f"{'group':<20} {'tried':>6} {'held':>6} {'broke':>6}"]
    for group, rows in results.items():
        broke = [r for r in rows if not r[1]]
        lines.append(f"{group:<20} {len(rows):>6} {len(rows) - len(broke):>6} {len(broke):>6}")
        for name, held, detail in rows:
            if verbose or not held:
                lines.append(f"    {'held ' if held else 'BROKE'} {name}: {detail}")
    total = [r for rows in results.values() for r in rows]
    broke = sum(1 for r in total if not r[1])
    lines.append(f"{'total':<20} {len(total):>6} {len(total) - broke:>6} {broke:>6}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    ap.add_argument("--pg", default=PG_URL, help="PostgreSQL server URL (a throwaway schema is used)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every attack, not only the broken ones")
    args = ap.parse_args()
    results = run_all([b.strip() for b in args.backends.split(",") if b.strip()], args.pg)
    print(table(results, args.verbose))
    return 1 if any(not held for rows in results.values() for _, held, _ in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
