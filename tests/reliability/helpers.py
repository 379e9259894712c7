"""Helpers for the reliability tests and benchmarks/robustness.py: run the real CLI in a child
process (its own peak memory measured), and read back what a ledger holds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

CHILD_TIMEOUT = 600  # seconds; a run that hangs is killed and fails the test


@dataclass
class Run:
    code: int  # exit code (negative: killed by that signal)
    stderr: str
    peak_rss_mb: float


def ingest_command(inputs: list[str], db: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsledger", "ingest", *inputs, "--db", db, "-q", *extra]


def start(cmd: list[str], cwd: Path, err_path: Path) -> subprocess.Popen:
    env = dict(os.environ, COLUMNS="400")  # one error line per input, not wrapped
    with err_path.open("wb") as err:
        return subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=env)


def wait(proc: subprocess.Popen, err_path: Path, timeout: float = CHILD_TIMEOUT) -> Run:
    """Wait for the child with os.wait4, which gives that child's own resource usage (ru_maxrss in
    KB on Linux) — the RUSAGE_CHILDREN figure, but not mixed with earlier children."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.send_signal(signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(proc.returncode, err_path.read_text(encoding="utf-8", errors="replace"), usage.ru_maxrss / 1024)


def run(cmd: list[str], cwd: Path, name: str = "run", timeout: float = CHILD_TIMEOUT) -> Run:
    err_path = cwd / f".{name}.stderr"
    return wait(start(cmd, cwd, err_path), err_path, timeout)


def snapshot(db: str) -> dict[str, tuple]:
    """{article id: (text length, record count per kind ...)} of a ledger: two ledgers with the same
    snapshot hold the same articles, each with all of its records."""
    from newsledger.store import open_store, schema

    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            arts = {
                row.id: [len(row.text)] for row in conn.execute(select(schema.articles.c.id, schema.articles.c.text))
            }
            for kind, table in sorted(schema.RECORD_TABLES.items()):
                counts = dict(conn.execute(select(table.c.article_id, func.count()).group_by(table.c.article_id)).all())
                assert set(counts) <= set(arts), f"{kind} rows without their article"
                for aid, row in arts.items():
                    row.append(counts.get(aid, 0))
            return {aid: tuple(row) for aid, row in arts.items()}
    finally:
        store.close()
