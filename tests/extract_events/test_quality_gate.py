"""Quality gate: event coding on the PLOVER gold records must not fall below the pinned floors
(benchmarks/floors_events.json). Skips when ../shared/data is absent."""
from __future__ import annotations

import importlib.util
import json


from tests.conftest import REPO, shared_path


def load_benchmark():
    spec = importlib.util.spec_from_file_location("events_benchmark", REPO / "benchmarks" / "events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_events_meet_the_floors():
    data = shared_path("plover", "gold_standard_records", "PLOVER_GSR_CAMEO.txt")
    floors = json.loads((REPO / "benchmarks" / "floors_events.json").read_text())
    result = load_benchmark().evaluate(data)
    got = result["overall"]
    low = {k: (got[k], v) for k, v in floors["overall"].items()
           if k in got and (got[k] is None or got[k] < v)}
    assert not low, f"below the floor (got, floor): {low}"
