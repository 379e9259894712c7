"""Whole-process throughput and cold start: what a user pays, start-up and output included.

    python benchmarks/throughput.py --whole-process [--runs 2] [--pg URL]
    python benchmarks/whole_process.py [--runs 2] [--pg URL]          (the same)

Writes the 181 article bodies of ../shared/data/news-html/ground-truth.json as JSON Lines, then
runs, each as a fresh process, interleaved, best of --runs:
  cold start   one short article: a bare spaCy process (load the model, parse, print the
               entities) against `newsledger extract`; wall seconds and peak RSS
  stats        `newsledger stats` on a small ledger (a query command: no model, no gazetteer)
  whole        all bodies: bare spaCy (nlp.pipe, one JSON line out per text) against
               `newsledger extract`, `newsledger ingest` into a new SQLite file and, with --pg,
               into a throwaway PostgreSQL schema; ratio = bare seconds / ours
The gazetteer index is built before the clock starts (a first run on a machine builds it once;
see the README). Prints the load average before and after: the machine is shared, so read the
ratios of one run, not absolute times. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BODIES = ROOT.parent / "shared" / "data" / "news-html" / "ground-truth.json"
ONE_ARTICLE = (
    "Russian forces shelled Kharkiv on Tuesday, killing three civilians and wounding "
    "12 others, the regional governor, Oleh Syniehubov, said on Telegram."
)

# The bare spaCy process: the same model newsledger loads, the same JSON Lines in, one line out
# per text, so both sides pay for reading, parsing and writing.
BARE = """
import json, sys
import spacy
from newsledger.nlp.pipeline import FALLBACK_MODELS
for name in ([sys.argv[2]] if len(sys.argv) > 2 else FALLBACK_MODELS):
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
out = sys.stdout
for doc in nlp.pipe(texts, batch_size=16):
    out.write(json.dumps({"ents": [[e.text, e.label_] for e in doc.ents]}) + "\\n")
"""


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds: user + system) of one child process; its output
    is discarded. CPU time is the steadier measure on a machine shared with other jobs."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} ... failed ({proc.returncode}): {err[-800:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def best(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return min(r[0] for r in rows), min(r[1] for r in rows), min(r[2] for r in rows)


def write_bodies(path: Path, dest: Path) -> tuple[int, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = [v["articleBody"] for v in data.values() if v.get("articleBody")]
    with dest.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": f"gt-{i}", "text": t, "published": "2024-12-23"}) + "\n")
    return len(texts), sum(len(t.split()) for t in texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bodies", type=Path, default=DEFAULT_BODIES)
    ap.add_argument("--runs", type=int, default=2, help="best of this many runs of each (default 2)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--pg", metavar="URL", help="also ingest into this PostgreSQL database (a throwaway schema)")
    ap.add_argument("--skip-whole", action="store_true", help="only the cold-start and stats lines")
    args = ap.parse_args(argv)
    if not args.bodies.exists():
        print(f"no article bodies at {args.bodies}", file=sys.stderr)
        return 2
    py = sys.executable
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    model = [args.model] if args.model else []
    model_opt = ["--model", args.model] if args.model else []
    ours = [py, "-m", "newsledger"]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        one, bodies = tmp / "one.jsonl", tmp / "bodies.jsonl"
        one.write_text(json.dumps({"id": "one", "text": ONE_ARTICLE}) + "\n", encoding="utf-8")
        n, words = write_bodies(args.bodies, bodies)
        small_db = tmp / "small.db"
        run([*ours, "ingest", str(one), "--db", str(small_db), "-q", *model_opt], env)  # builds the index too
        cold: dict[str, list] = {"bare spaCy": [], "newsledger extract": [], "newsledger stats": []}
        for _ in range(args.runs):
            cold["bare spaCy"].append(run([py, "-c", BARE, str(one), *model], env))
            cold["newsledger extract"].append(run([*ours, "extract", str(one), *model_opt], env))
            cold["newsledger stats"].append(run([*ours, "stats", "--db", str(small_db)], env))
        print(f"\ncold start, one short article, best of {args.runs}")
        print(f"{'process':<22}{'seconds':>9}{'peak MB':>9}{'CPU s':>9}")
        for name, rows in cold.items():
            secs, peak, cpu = best(rows)
            print(f"{name:<22}{secs:>9.2f}{peak:>9.0f}{cpu:>9.2f}")
        if args.skip_whole:
            return 0
        whole: dict[str, list] = {"bare spaCy": [], "newsledger extract": [], "ingest (SQLite)": []}
        if args.pg:
            whole["ingest (PostgreSQL)"] = []
        for r in range(args.runs):
            whole["bare spaCy"].append(run([py, "-c", BARE, str(bodies), *model], env))
            whole["newsledger extract"].append(run([*ours, "extract", str(bodies), *model_opt], env))
            db = tmp / f"ledger{r}.db"
            whole["ingest (SQLite)"].append(run([*ours, "ingest", str(bodies), "--db", str(db), "-q", *model_opt], env))
            if args.pg:
                whole["ingest (PostgreSQL)"].append(_ingest_pg(ours, bodies, args.pg, model_opt, env))
        print(f"\nwhole process, {n} article bodies, {words:,} words, best of {args.runs}")
        print(f"{'process':<22}{'seconds':>9}{'words/s':>9}{'vs bare':>9}{'peak MB':>9}{'CPU s':>9}{'CPU vs':>8}")
        bare, _, bare_cpu = best(whole["bare spaCy"])
        for name, rows in whole.items():
            secs, peak, cpu = best(rows)
            print(
                f"{name:<22}{secs:>9.1f}{words / secs:>9.0f}{bare / secs:>9.2f}{peak:>9.0f}"
                f"{cpu:>9.1f}{bare_cpu / cpu:>8.2f}"
            )
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def _ingest_pg(
    ours: list[str], bodies: Path, base: str, model_opt: list[str], env: dict[str, str]
) -> tuple[float, float, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from throughput import throwaway_pg_schema

    url, drop = throwaway_pg_schema(base)
    try:
        return run([*ours, "ingest", str(bodies), "--db", url, "-q", *model_opt], env)
    finally:
        drop()


if __name__ == "__main__":
    sys.exit(main())
