"""Quality gate: the times benchmark must stay at or above its pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_benchmark as _load
from tests.conftest import load_floors as _floors
from tests.conftest import shared_path

pytestmark = pytest.mark.gate


def test_times_on_wikiwars_meet_floors():
    path = shared_path("time", "wikiwars-tml")
    bench = _load("time")
    floors = _floors("time")
    res = bench.score_times(Path(path), narrative=True)
    assert res["strict"]["f1"] >= floors["strict_f1"], res
    assert res["relaxed"]["f1"] >= floors["relaxed_f1"], res
    assert res["value"]["f1"] >= floors["value_f1"], res
