"""Shared fixtures. Tests that read ../shared/data skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = Path(os.environ.get("NEWSLEDGER_SHARED_DATA", REPO.parent / "shared" / "data"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with a clear message when it is absent
    (a failure instead when NEWSLEDGER_REQUIRE_DATA=1: CI's gate step, where the data is present)."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        message = f"development data not found at {path} (set NEWSLEDGER_SHARED_DATA to its folder)"
        if os.environ.get("NEWSLEDGER_REQUIRE_DATA") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def is_quality_gate(item: pytest.Item) -> bool:
    """A quality gate runs a whole benchmark and compares it with pinned floors: its module
    reads the floors (load_floors) or is named for a gate (test_*gate*.py)."""
    module = getattr(item, "module", None)
    return module is not None and (
        "gate" in Path(str(item.path)).stem or getattr(module, "load_floors", None) is load_floors
    )


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Quality gates get the `gate` marker wherever they live; the default run leaves them out
    (pyproject: -m "not gate"), `pytest -m gate` runs only them."""
    for item in items:
        if is_quality_gate(item):
            item.add_marker(pytest.mark.gate)


@pytest.fixture(scope="session")
def spacy_model():
    """The bare spaCy English pipeline (no newsledger components)."""
    from newsledger.nlp.pipeline import load_model

    return load_model()


@pytest.fixture(scope="session")
def extractor():
    """The newsledger Extractor, built once per session: hand it to `Ledger(db, extractor=...)`.
    It is Extractor.shared(), the one the CLI uses when run in-process (tests/cli_run.py)."""
    from newsledger.nlp.extractor import Extractor

    return Extractor.shared()


@pytest.fixture(scope="session")
def nlp(extractor):
    """The full newsledger pipeline (the session Extractor's)."""
    return extractor.nlp


@pytest.fixture(scope="session")
def example_text() -> str:
    return shared_path("examples", "north-korea-troops-2024-12-23.txt").read_text(encoding="utf-8")


def load_benchmark(name: str):
    """Import benchmarks/NAME.py (benchmarks are scripts, not a package) for a quality gate."""
    import importlib.util
    import sys

    bench_dir = str(REPO / "benchmarks")
    if bench_dir not in sys.path:  # benchmarks import their shared helpers (bench_scoring) as siblings
        sys.path.insert(0, bench_dir)
    spec = importlib.util.spec_from_file_location(f"newsledger_benchmark_{name}", REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_floors(name: str) -> dict:
    """The pinned floors of a quality gate: benchmarks/floors_NAME.json."""
    import json

    return json.loads((REPO / "benchmarks" / f"floors_{name}.json").read_text(encoding="utf-8"))
