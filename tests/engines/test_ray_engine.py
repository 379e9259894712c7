"""The Ray engine, on a local Ray instance, gives exactly the ledger the in-process path gives."""

from __future__ import annotations

import logging
import sys
import time

import pytest

from newsledger.api import Ledger
from newsledger.demo import DEMO_DIR
from newsledger.errors import ModelNotFound, UsageError
from newsledger.ingest import read_inputs
from newsledger.shards import extract_to_shards

from .test_shards import ledger_contents


@pytest.fixture(scope="module")
def ray():
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'newsledger[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def direct(tmp_path_factory, extractor):
    db = str(tmp_path_factory.mktemp("direct") / "direct.db")
    with Ledger(db, extractor=extractor) as ledger:
        summary = ledger.ingest([str(DEMO_DIR)], batch_size=4)
    assert summary.added == 6
    return ledger_contents(db)


def _free_cpus(ray, wanted: float, wait: float = 30.0) -> float:
    """CPUs free on the Ray instance, polled until `wanted` (actor kills are asynchronous)."""
    deadline = time.monotonic() + wait
    while True:
        free = ray.available_resources().get("CPU", 0.0)
        if free >= wanted or time.monotonic() > deadline:
            return free
        time.sleep(0.2)


def test_ray_engine_gives_the_same_ledger_as_in_process(ray, direct, tmp_path):
    db = str(tmp_path / "ray.db")
    with Ledger(db) as ledger:
        summary = ledger.ingest([str(DEMO_DIR)], engine="ray", workers=2, batch_size=4)
        assert (summary.added, summary.failed) == (6, 0)
        again = ledger.ingest([str(DEMO_DIR)], engine="ray", workers=2, batch_size=4)
        assert (again.added, again.skipped) == (0, 6)  # skipped before any extraction
    contents = ledger_contents(db)
    assert contents == direct
    _articles, stats = contents
    assert stats["events"] >= 3 and stats["statements"] >= 3  # not a comparison of empty ledgers
    assert ray.is_initialized()  # a caller's Ray instance is left running
    assert _free_cpus(ray, 2) == 2  # and its actors are gone


def test_ray_engine_writes_shards_that_load_into_the_same_ledger(ray, direct, tmp_path):
    summary = extract_to_shards(
        read_inputs([str(DEMO_DIR)]), tmp_path / "shards", engine="ray", workers=2, batch_size=4
    )
    assert (summary.added, summary.failed) == (6, 0)
    db = str(tmp_path / "loaded.db")
    with Ledger(db) as ledger:
        ledger.load(tmp_path / "shards")
    assert ledger_contents(db) == direct


def test_a_missing_model_fails_at_start_with_the_install_hint(ray, tmp_path):
    from newsledger.engines import make_engine

    with pytest.raises(ModelNotFound, match="pip install"):
        make_engine("ray", workers=2, model="no_such_spacy_model")
    assert _free_cpus(ray, 2) == 2  # the failed actors were released


def test_more_workers_than_cpus_is_a_usage_error_not_a_hang(ray):
    from newsledger.engines import make_engine

    with pytest.raises(UsageError, match="3 Ray workers need 3 CPUs"):
        make_engine("ray", workers=3)
    assert ray.is_initialized()


def test_without_ray_the_engine_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    with Ledger(str(tmp_path / "x.db")) as ledger, pytest.raises(UsageError, match=r"newsledger\[ray\]"):
        ledger.ingest([str(DEMO_DIR)], engine="ray")


def test_cli_without_ray_exits_2_with_the_install_hint(monkeypatch, tmp_path):
    from ..cli_run import run_cli

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    proc = run_cli("ingest", "--engine", "ray", "--db", tmp_path / "x.db", DEMO_DIR)
    assert proc.returncode == 2
    assert "pip install 'newsledger[ray]'" in proc.stderr.decode().replace("\n", "")
