"""Quality gate: ACLED coding of the CASE 2021 development snippets must not fall below the pinned
floors (benchmarks/floors_acled.json): weighted F1 over ACLED's 25 sub-event types and the share of
non-ACLED snippets (disasters, diplomacy, crime, claims) left uncoded, on the tuning half, the
report half and all. Skips when ../shared/data/acled is absent."""

from __future__ import annotations

import pytest

from tests.conftest import load_benchmark, load_floors, shared_path

pytestmark = pytest.mark.gate


def test_acled_coding_meets_the_floors():
    data = shared_path("acled", "case2021-dev.tsv")
    floors = load_floors("acled")
    result = load_benchmark("acled").evaluate(data)
    low = {
        f"{part}.{key}": (result[part][key], floor)
        for part, wanted in floors["parts"].items()
        for key, floor in wanted.items()
        if result[part][key] is None or result[part][key] < floor
    }
    assert not low, f"below the floor (got, floor): {low}"
