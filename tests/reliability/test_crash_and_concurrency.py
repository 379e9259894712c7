"""Crash safety and concurrency of `newsledger ingest`, with real child processes.

Crash: an ingest killed with SIGKILL at random moments, then run to completion, ends with exactly
the ledger of one clean run: same article ids, no duplicates, every article with all its records.
Concurrency: two ingests with overlapping inputs into one ledger (SQLite; PostgreSQL when a server
is there) end with each article once, with all its records.
The killed runs and the concurrent ones are real processes; the reference run and the runs that
complete a killed one run the same command in this process (tests/cli_run.py), with the session's
loaded pipeline."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from contextlib import closing

import pytest

from tests.store.conftest import pg_url  # noqa: F401  (fixture: a throwaway PostgreSQL schema)

from ..cli_run import run_cli
from .articles import article_texts, write_jsonl
from .helpers import ingest_command, snapshot, start, wait

KILLS = 4
BATCH = ["--batch-size", "3"]  # many small transactions: kills land between and inside them


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    texts = article_texts(30)
    write_jsonl(root / "all.jsonl", texts, range(30))
    write_jsonl(root / "first.jsonl", texts, range(0, 20))  # overlapping halves for concurrency
    write_jsonl(root / "second.jsonl", texts, range(10, 30))
    return root


@pytest.fixture(scope="module")
def clean(inputs, extractor):
    """The ledger of one uninterrupted run, and how long that run took."""
    begun = time.monotonic()
    result = _complete(inputs, str(inputs / "clean.db"))
    assert result.returncode == 0, result.stderr.decode()
    ledger = snapshot(str(inputs / "clean.db"))
    assert len(ledger) == 30 and all(sum(counts[1:]) > 0 for counts in ledger.values())
    return ledger, time.monotonic() - begun


def test_ingest_killed_at_random_points_then_rerun_equals_one_clean_run(inputs, clean):
    expected, duration = clean
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    outcomes, stored = [], []
    for n in range(KILLS):
        db = str(inputs / f"killed{n}.db")
        err = inputs / f".kill{n}.stderr"
        proc = start(ingest_command(["all.jsonl"], db, *BATCH), inputs, err)
        # Model loading takes most of a run, so a random time alone nearly never hits a write:
        # wait until a random number of articles is committed, then a random few milliseconds more.
        target = rng.randrange(0, 30)
        if target == 0:
            time.sleep(rng.uniform(0.2, duration))
        else:
            _wait_for_articles(inputs / f"killed{n}.db", target, proc, deadline=time.monotonic() + 60)
        time.sleep(rng.uniform(0, 0.05))
        os.kill(proc.pid, signal.SIGKILL)  # not reaped yet, so the pid is still this child's
        outcomes.append(wait(proc, err).code)
        # whatever was committed is whole: every stored article has exactly its clean records
        partial = snapshot(db)
        assert all(partial[aid] == expected[aid] for aid in partial), f"seed {seed}, kill {n}"
        stored.append(len(partial))
        again = _complete(inputs, db)
        assert again.returncode == 0, again.stderr.decode()
        assert snapshot(db) == expected, f"seed {seed}, kill {n}"
    print(f"seed {seed}: exit codes {outcomes}, articles stored when killed {stored}")
    assert -signal.SIGKILL in outcomes, f"seed {seed}: no run was killed ({outcomes})"


def _complete(inputs, db: str):
    """`newsledger ingest all.jsonl` run to the end, in this process."""
    return run_cli("ingest", inputs / "all.jsonl", "--db", db, "-q", *BATCH)


def _wait_for_articles(path, count: int, proc, deadline: float) -> None:
    """Poll the SQLite ledger (WAL: reading does not block the writer) until it holds `count` articles."""
    while time.monotonic() < deadline:
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)) as conn:
                if conn.execute("select count(*) from articles").fetchone()[0] >= count:
                    return
        except sqlite3.Error:
            pass  # not created yet, or busy
        time.sleep(0.01)


def _parallel(inputs, db: str) -> None:
    errs = [inputs / f".par{i}.stderr" for i in range(2)]
    procs = [
        start(ingest_command([name], db, *BATCH), inputs, err)
        for name, err in zip(["first.jsonl", "second.jsonl"], errs)
    ]
    results = [wait(p, e) for p, e in zip(procs, errs)]
    for r in results:
        assert r.code == 0, r.stderr


def test_parallel_ingests_into_one_sqlite_file_store_each_article_once(inputs, clean):
    db = str(inputs / "parallel.db")
    _parallel(inputs, db)
    assert snapshot(db) == clean[0]


def test_parallel_ingests_into_postgresql_store_each_article_once(inputs, clean, pg_url):  # noqa: F811
    _parallel(inputs, pg_url)
    assert snapshot(pg_url) == clean[0]
