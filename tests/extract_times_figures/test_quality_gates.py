"""Quality gates: the times and figures benchmarks must stay at or above their pinned floors."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import load_benchmark as _load, load_floors as _floors, shared_path


def test_times_on_wikiwars_meet_floors():
    path = shared_path("time", "wikiwars-tml")
    bench = _load("time")
    floors = _floors("time")
    res = bench.score_times(Path(path), narrative=True)
    assert res["strict"]["f1"] >= floors["strict_f1"], res
    assert res["relaxed"]["f1"] >= floors["relaxed_f1"], res
    assert res["value"]["f1"] >= floors["value_f1"], res


def test_figures_on_newsquant_meet_floors():
    path = shared_path("quantities", "newsquant-dev.json")
    bench = _load("figures")
    floors = _floors("figures")
    res = bench.score_figures(Path(path))
    assert res["value"]["f1"] >= floors["value_f1"], res
    assert res["value+unit"]["f1"] >= floors["value_unit_f1"], res
    assert res["value+bound"]["f1"] >= floors["value_bound_f1"], res
