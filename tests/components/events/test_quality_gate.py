"""Quality gate: event coding on the PLOVER gold records must not fall below the pinned floors
(benchmarks/floors_events.json). Skips when ../shared/data is absent."""

from __future__ import annotations

import pytest

from tests.conftest import load_benchmark, load_floors, shared_path

pytestmark = pytest.mark.gate


def test_events_meet_the_floors():
    data = shared_path("plover", "gold_standard_records", "PLOVER_GSR_CAMEO.txt")
    floors = load_floors("events")
    result = load_benchmark("events").evaluate(data)
    got = result["overall"]
    low = {k: (got[k], v) for k, v in floors["overall"].items() if k in got and (got[k] is None or got[k] < v)}
    assert not low, f"below the floor (got, floor): {low}"
