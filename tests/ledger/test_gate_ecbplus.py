"""Quality gate: event merging on ECB+ (benchmarks/ledger.py part (d)), against the floors pinned in
benchmarks/floors_ledger.json. Skips when ../shared/data/ecbplus is absent. Extraction results are
cached under the system temp folder, keyed by a hash of the extraction code and tables."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.conftest import load_benchmark, load_floors, shared_path

pytestmark = pytest.mark.gate


@pytest.fixture(scope="module")
def scores():
    root = shared_path("ecbplus")
    return load_benchmark("ledger").ecbplus_part(root, Path(tempfile.gettempdir()) / "newsledger-ecbplus-cache")


def test_conflict_topics_link_the_same_event_and_never_its_twin(scores):
    floors = load_floors("ledger")
    for half in ("tune", "report"):
        got = scores[f"conflict/{half}"]["ledger"]
        assert got["precision"] >= floors["ecbplus_conflict_pair_precision"], (half, got)
        assert got["confusion"] <= floors["ecbplus_conflict_confusion_max"], (half, got)
    assert scores["conflict/all"]["ledger"]["f1"] >= floors["ecbplus_conflict_pair_f1"], scores["conflict/all"]
    assert scores["conflict/all"]["bcubed"]["f1"] >= floors["ecbplus_conflict_bcubed_f1"], scores["conflict/all"]


def test_other_topics_almost_never_merge(scores):
    floors = load_floors("ledger")
    for half in ("tune", "report"):
        got = scores[f"other/{half}"]["ledger"]
        assert got["precision"] >= floors["ecbplus_other_pair_precision"], (half, got)
