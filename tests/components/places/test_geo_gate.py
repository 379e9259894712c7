"""Quality gate: geoparsing scores on samples of LGL and TR-News must not fall below
benchmarks/floors_geo.json, for both profiles of benchmarks/geo.py (skips when ../shared/data
is absent). Each sample is parsed once; runs in well under a minute."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_benchmark, load_floors, shared_path

pytestmark = pytest.mark.gate

CASES = [(profile, corpus) for profile in ("default", "location") for corpus in ("lgl.xml", "TR-News.xml")]


@pytest.fixture(scope="module")
def scores():
    geo = shared_path("geo")
    floors = load_floors("geo")
    bench = load_benchmark("geo")
    out = {}
    corpora = {c for spec in floors["profiles"].values() for c in spec["corpora"]}
    for corpus in sorted(corpora):
        path = Path(geo) / corpus
        if not path.exists():
            pytest.skip(f"{path} not found")
        n = max(spec["corpora"][corpus]["articles"] for spec in floors["profiles"].values())
        articles = bench.read_corpus(path, n)
        docs, _ = bench.parse(articles)
        for profile, spec in floors["profiles"].items():
            k = spec["corpora"][corpus]["articles"]
            comp = bench.component(profile)
            out[profile, corpus] = (
                bench.score(articles[:k], [d.copy() for d in docs[:k]], comp),
                spec["corpora"][corpus]["floors"],
            )
    return out


@pytest.mark.parametrize("profile,corpus", CASES)
def test_geoparsing_scores_stay_above_floors(scores, profile, corpus):
    result, floors = scores[profile, corpus]
    low = {m: (result[m], f) for m, f in floors.items() if result[m] < f}
    assert not low, f"{profile} {corpus}: below floor (got, floor): {low}; all scores: {result}"
