"""Quality gates: the times and figures benchmarks must stay at or above their pinned floors."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.conftest import REPO, shared_path

BENCH = REPO / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"newsledger_bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _floors(name: str) -> dict:
    return json.loads((BENCH / f"floors_{name}.json").read_text(encoding="utf-8"))


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
