"""Quality gate: near-duplicate detection on news-html plus generated edited copies
(benchmarks/ledger.py part (a)). Skips when ../shared/data is absent."""
from __future__ import annotations

import importlib.util

from tests.conftest import REPO, shared_path

FLOOR = 0.95


def _bench():
    spec = importlib.util.spec_from_file_location("ledger_benchmark", REPO / "benchmarks" / "ledger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_near_duplicate_precision_and_recall_meet_the_floors():
    scores = _bench().dedup(shared_path("news-html"))
    assert scores["copies"] >= 150
    assert scores["precision"] >= FLOOR and scores["recall"] >= FLOOR, scores
