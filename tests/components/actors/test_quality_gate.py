"""Quality gate: actor country and sector on the PLOVER gold records must not fall below the
pinned floors (benchmarks/floors_actors.json). Skips when ../shared/data is absent."""

from __future__ import annotations

import pytest

from tests.conftest import load_benchmark, load_floors, shared_path

pytestmark = pytest.mark.gate


def test_actors_meet_the_floors():
    data = shared_path("plover", "gold_standard_records", "PLOVER_GSR_CAMEO.txt")
    floors = load_floors("actors")
    got = load_benchmark("actors").evaluate(data)
    low = {k: (round(got[k], 3), v) for k, v in floors.items() if not k.startswith("_") and got[k] < v}
    assert not low, f"below the floor (got, floor): {low}"
