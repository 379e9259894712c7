"""Quality gate: statements scored on a fixed PolNeAR dev sample must stay above pinned floors."""

import pytest

from tests.conftest import load_benchmark, load_floors, shared_path

pytestmark = pytest.mark.gate


@pytest.fixture(scope="module")
def scores():
    root = shared_path("polnear")
    config = load_floors("attribution")
    bench = load_benchmark("attribution")
    return config, bench.evaluate(root, config["split"], config["limit"])


@pytest.mark.parametrize("role", ["Source", "Cue", "Content"])
def test_scores_above_floors(scores, role):
    config, result = scores
    assert result["_meta"]["articles"] == config["limit"]
    for measure, floor in config["floors"][role].items():
        assert result[role][measure] >= floor, (
            f"{role} {measure} {result[role][measure]:.3f} fell below the floor {floor} "
            f"(python benchmarks/attribution.py PATH --limit {config['limit']})"
        )


def test_pronoun_sources_resolved_to_the_gold_speaker(scores):
    config, result = scores
    floor, p = config["pronoun_sources"], result["pronoun_sources"]
    assert p["gold"] >= floor["min_gold"], f"only {p['gold']} hand-annotated pronoun sources in the scored articles"
    assert p["accuracy"] >= floor["accuracy"], (
        f"pronoun sources resolved to the gold speaker {p['accuracy']:.3f} fell below the floor {floor['accuracy']} "
        f"(python benchmarks/attribution.py PATH --limit {config['limit']})"
    )
