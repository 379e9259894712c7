"""Quality gate: near-duplicate detection on news-html plus generated edited copies
(benchmarks/ledger.py part (a)). Skips when ../shared/data is absent."""

from __future__ import annotations

from tests.conftest import load_benchmark, load_floors, shared_path


def test_near_duplicate_precision_and_recall_meet_the_floors():
    floors = load_floors("ledger")
    scores = load_benchmark("ledger").dedup(shared_path("news-html"))
    assert scores["copies"] >= 150
    assert scores["precision"] >= floors["dedup_precision"], scores
    assert scores["recall"] >= floors["dedup_recall"], scores
