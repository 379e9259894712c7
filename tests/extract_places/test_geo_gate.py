"""Quality gate: geoparsing scores on samples of LGL and TR-News must not fall below
benchmarks/floors_geo.json (skips when ../shared/data is absent). Runs in well under a minute."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_benchmark, load_floors, shared_path


@pytest.fixture(scope="module")
def scores():
    geo = shared_path("geo")
    floors = load_floors("geo")
    bench = load_benchmark("geo")
    nlp = bench.build(floors["profile"])
    out = {}
    for corpus, spec in floors["corpora"].items():
        path = Path(geo) / corpus
        if not path.exists():
            pytest.skip(f"{path} not found")
        out[corpus] = (bench.evaluate(bench.read_corpus(path, spec["articles"]), nlp), spec["floors"])
    return out


@pytest.mark.parametrize("corpus", ["lgl.xml", "TR-News.xml"])
def test_geoparsing_scores_stay_above_floors(scores, corpus):
    result, floors = scores[corpus]
    low = {m: (result[m], f) for m, f in floors.items() if result[m] < f}
    assert not low, f"{corpus}: below floor (got, floor): {low}; all scores: {result}"
