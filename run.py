#!/usr/bin/env python3
"""Set-up and the two everyday jobs, with nothing but Python 3.11 and pip:

    python3 run.py demo     # create .venv, install newsledger, ingest the demo corpus, show the ledger
    python3 run.py test     # create .venv, install newsledger with its test extras, run the tests
    python3 run.py lint     # same venv; ruff check, ruff format --check and mypy (configured in pyproject.toml)

Extra arguments go to the command (`python3 run.py test -k store`, `python3 run.py demo --db x.db`).
The virtual environment is re-installed only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("NEWSLEDGER_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".newsledger-installed"


def sh(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def ensure_env(extras: str) -> None:
    """Create the venv and install the project (with `extras`) unless already done for this pyproject."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "-e", f".[{extras}]" if extras else ".")
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "test", "lint"):
        print(__doc__)
        return 2
    job, rest = argv[0], argv[1:]
    if sys.version_info < (3, 11):
        print("newsledger needs Python 3.11 or newer", file=sys.stderr)
        return 2
    try:
        ensure_env("test")
    except subprocess.CalledProcessError as e:
        print(f"set-up failed: {e}", file=sys.stderr)
        return 2
    if job == "lint":
        return lint()
    cmd = [BIN / "newsledger", "demo", *rest] if job == "demo" else [BIN / "python", "-m", "pytest", *rest]
    return subprocess.run([str(c) for c in cmd], cwd=ROOT).returncode


def lint() -> int:
    """Run every check (so one run shows all findings); non-zero if any of them found something."""
    checks = [
        [BIN / "ruff", "check", "."],
        [BIN / "ruff", "format", "--check", "."],
        [BIN / "mypy"],  # what and how strictly: [tool.mypy] in pyproject.toml
    ]
    failed = False
    for cmd in checks:
        print("+", " ".join(str(c) for c in cmd), flush=True)
        failed |= subprocess.run([str(c) for c in cmd], cwd=ROOT).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
