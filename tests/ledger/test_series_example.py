"""The worked example's casualty series (issue #15's check): killed apart from deployed, one origin
per claim, placed where the article says things happen rather than at a capital that only acts."""

from __future__ import annotations

import pytest

from newsledger.api import Ledger
from newsledger.ledger import figure_series
from tests.conftest import SHARED_DATA

EXAMPLE = SHARED_DATA / "examples" / "north-korea-troops-2024-12-23.txt"

# A capital named three times as an actor and a town named once as a location.
OWN = (
    "Pyongyang said on Monday that its army was ready. Pyongyang sent more troops, and Pyongyang "
    "promised more weapons. The fighting in Kursk has killed 12 soldiers, the regional governor said."
)


def _series(tmp_path, extractor, path):
    with Ledger(tmp_path / "ledger.db", extractor=extractor) as led:
        assert led.ingest([str(path)]).failed == 0
        return figure_series(led.store)


def test_a_series_is_placed_at_a_location_not_at_a_capital_that_acts(tmp_path, extractor):
    text = tmp_path / "own.txt"
    text.write_text(OWN)
    [killed] = [s for s in _series(tmp_path, extractor, text) if s["measure"] == "killed"]
    assert killed["place"] == "Kursk"


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="the worked example (../shared/data/examples) is absent")
def test_the_example_keeps_killed_apart_from_deployed_with_one_origin(tmp_path, extractor):
    found = {s["measure"]: s for s in _series(tmp_path, extractor, EXAMPLE)}
    killed, deployed = found["killed"], found["deployed"]
    assert [v["value"] for v in killed["values"]] == [1100]  # the feed footer's headline is no claim
    assert killed["independent_sources"] == 1
    assert [v["value"] for v in deployed["values"]] == [11000]
    assert killed["place"] == deployed["place"] == "Kursk"  # not Pyongyang, which only acts
