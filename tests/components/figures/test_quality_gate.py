"""Quality gate: the figures benchmark must stay at or above its pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_benchmark as _load
from tests.conftest import load_floors as _floors
from tests.conftest import shared_path

pytestmark = pytest.mark.gate


def test_figures_on_newsquant_meet_floors():
    path = shared_path("quantities", "newsquant-dev.json")
    bench = _load("figures")
    floors = _floors("figures")
    res = bench.score_figures(Path(path))
    assert res["value"]["f1"] >= floors["value_f1"], res
    assert res["value+unit"]["f1"] >= floors["value_unit_f1"], res
    assert res["value+bound"]["f1"] >= floors["value_bound_f1"], res
