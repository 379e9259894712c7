"""newsledger/cli_quick.py: `stats` answered without Typer or SQLAlchemy, as the Typer command answers it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsledger.cli_quick import _extract_options, _stats_options
from newsledger.store import open_store
from tests.store import samples

PROBE = """
import sys
from newsledger.cli_quick import main
try:
    main(sys.argv[1:])
finally:
    heavy = {m.split(".")[0] for m in sys.modules} & {"typer", "sqlalchemy", "pydantic", "spacy"}
    heavy |= {"newsledger.cli"} & set(sys.modules)  # the Typer app and every command's module
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
    assert "newsledger.cli" in proc.stderr.decode().split("LOADED")[1].split()


def test_extract_options_read_as_typer_reads_them():
    assert _extract_options(["a.jsonl", "-", "--published", "2024-12-23", "-o", "out.jsonl", "--model=m"]) == {
        "paths": ["a.jsonl", "-"],
        "published": "2024-12-23",
        "model": "m",
        "output": "out.jsonl",
    }
    assert _extract_options([]) == {"paths": [], "published": None, "model": None, "output": None}
    for other in (["--help"], ["--", "a"], ["--published"], ["-o", "--model", "m"], ["--batch", "3"], ["-o=x"]):
        assert _extract_options(other) is None, other


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "--model", "no_such_spacy_model", "in.jsonl"],  # the model error, as Typer's command prints it
        ["extract", "in.jsonl", "--output", "no/such/folder/out.jsonl"],
    ],
)
def test_extract_fails_as_the_typer_command_fails(tmp_path, argv):
    (tmp_path / "in.jsonl").write_text('{"id": "1", "text": "Police arrested 40 people."}\n', encoding="utf-8")
    argv = [str(tmp_path / a) if a.startswith(("in.", "no/")) else a for a in argv]
    quick, typer = _run(*argv, quick=True), _run(*argv, quick=False)
    assert quick.returncode == typer.returncode == 2
    assert quick.stdout == typer.stdout == b""
    assert quick.stderr.decode().split("LOADED")[0] == typer.stderr.decode()
    # spaCy imports Typer itself; the Typer app of newsledger is not loaded
    assert "newsledger.cli" not in quick.stderr.decode().split("LOADED")[1].split()
