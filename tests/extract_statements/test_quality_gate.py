"""Quality gate: statements scored on a fixed PolNeAR dev sample must stay above pinned floors."""
import importlib.util
import json

import pytest

from tests.conftest import REPO, shared_path

FLOORS = REPO / "benchmarks" / "floors_attribution.json"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("attribution_benchmark", REPO / "benchmarks" / "attribution.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():
    root = shared_path("polnear")
    config = json.loads(FLOORS.read_text(encoding="utf-8"))
    bench = load_benchmark()
    return config, bench.evaluate(root, config["split"], config["limit"])


@pytest.mark.parametrize("role", ["Source", "Cue", "Content"])
def test_scores_above_floors(scores, role):
    config, result = scores
    assert result["_meta"]["articles"] == config["limit"]
    for measure, floor in config["floors"][role].items():
        assert result[role][measure] >= floor, (
            f"{role} {measure} {result[role][measure]:.3f} fell below the floor {floor} "
            f"(python benchmarks/attribution.py PATH --limit {config['limit']})")
