"""`import newsledger` and the query commands start without spaCy, the model or the gazetteer.

A fresh process is the only place where "not imported" can be observed, so these tests start one.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from newsledger.cli import main
code = 0
try:
    main(sys.argv[1:])
except SystemExit as e:
    code = e.code
print("LOADED", " ".join(sorted(m for m in sys.modules if m.split(".")[0] in {"spacy", "thinc", "trafilatura"}
      or m.startswith(("newsledger.geo", "newsledger.nlp.pipeline")))), file=sys.stderr)
sys.exit(code)
"""


def loaded_after(*argv: str) -> tuple[int, set[str]]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, timeout=300)
    err = proc.stderr.decode()
    line = next(x for x in err.splitlines() if x.startswith("LOADED"))
    return proc.returncode, set(line.split()[1:])


def test_import_newsledger_loads_no_pipeline():
    code = (
        "import sys, newsledger; from newsledger import Ledger, Article, IngestSummary; "
        "print(sorted(m for m in sys.modules if m.startswith(('spacy', 'newsledger.geo'))))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().strip() == "[]"


def test_query_commands_load_no_pipeline(tmp_path):
    db = str(tmp_path / "l.db")
    for argv in (
        ["stats", "--db", db],
        ["events", "--db", db, "--json"],
        ["articles", "--db", db],
        ["export", "--db", db, "--format", "jsonl"],
    ):
        code, heavy = loaded_after(*argv)
        assert code == 0 and heavy == set(), (argv, heavy)


def test_the_probe_sees_the_pipeline_when_a_command_extracts(tmp_path):
    # the same probe after `extract` (which imports the pipeline, then fails to find the model):
    # it must report spaCy, or the checks above prove nothing
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "1", "text": "Police arrested 40 protesters in Lagos."}\n', encoding="utf-8")
    code, heavy = loaded_after("extract", "--model", "no_such_spacy_model", str(path))
    assert code == 2 and "spacy" in heavy and "newsledger.nlp.pipeline" in heavy


def test_newsledger_extract_is_the_function_after_the_components_are_loaded():
    # while the components live in a subpackage named newsledger.extract, loading it must not
    # replace the function of the same name
    code = """
import importlib, newsledger, pathlib
package = pathlib.Path(newsledger.__file__).parent   # the components' package, before or after its move
moved = (package / "extract").is_dir()
importlib.import_module("newsledger.extract.actors" if moved else "newsledger.components.actors")
from newsledger import extract
assert callable(extract) and callable(newsledger.extract) and extract.__module__ == "newsledger.api"
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.decode().strip() == "ok", proc.stderr.decode()
