"""newsledger/cli_quick.py: `stats` answered without Typer or SQLAlchemy, as the Typer command answers it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsledger.cli_quick import _stats_options
from newsledger.store import open_store
from tests.store import samples

PROBE = """
import sys
from newsledger.cli_quick import main
try:
    main(sys.argv[1:])
finally:
    heavy = {m.split(".")[0] for m in sys.modules} & {"typer", "sqlalchemy", "pydantic", "spacy"}
    print("LOADED", " ".join(sorted(heavy)), file=sys.stderr)
"""


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "ledger.db"
    with open_store(path) as store:
        store.add(samples.all_pairs())
        store.record_ingest({"inputs": 3, "articles_added": 3, "articles_skipped": 0, "failed": 0, "failures": []})
    return path


def _run(*argv: str, quick: bool) -> subprocess.CompletedProcess:
    code = PROBE if quick else "import sys\nfrom newsledger.cli import run_typer\nrun_typer(sys.argv[1:])"
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, timeout=300)


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_stats_prints_what_the_typer_command_prints_and_loads_neither(db, extra):
    quick, typer = (
        _run("stats", "--db", str(db), *extra, quick=True),
        _run("stats", "--db", str(db), *extra, quick=False),
    )
    assert quick.returncode == typer.returncode == 0, typer.stderr.decode()
    assert quick.stdout == typer.stdout and b"articles" in quick.stdout
    loaded = next(x for x in quick.stderr.decode().splitlines() if x.startswith("LOADED")).split()[1:]
    assert loaded == []


def test_anything_else_goes_to_typer(tmp_path):
    assert _stats_options(["stats", "--help"]) is None
    assert _stats_options(["events", "--db", "x.db"]) is None
    assert _stats_options(["stats", "--db"]) is None
    assert _stats_options(["stats", "--db=a.db", "--json"]) == ("a.db", True)
    new = tmp_path / "new.db"  # not there yet: Typer's command creates the ledger, as before
    proc = _run("stats", "--db", str(new), "--json", quick=True)
    assert proc.returncode == 0 and new.exists()
    assert "typer" in proc.stderr.decode().split("LOADED")[1]
