"""The worked-example article (../shared/data/examples): the places the ledger must hold."""

from __future__ import annotations

import math

from tests.components.places.conftest import by_name, roles


def _near(p, lat, lon, km=161):
    dy = math.radians(p.lat - lat)
    dx = math.radians(p.lon - lon) * math.cos(math.radians(lat))
    return 6371 * math.hypot(dx, dy) <= km


def test_example_article_places(places_nlp, example_text):
    places = places_nlp(example_text)._.places
    [kursk] = by_name(places, "Kursk")
    assert kursk.country == "RU" and _near(kursk, 51.7, 36.2)
    assert [p.country for p in by_name(places, "Ukraine")] == ["UA"]
    assert [p.country for p in by_name(places, "U.K.")] == ["GB"]
    [far_east] = by_name(places, "Far East")
    assert far_east.country == "RU" and far_east.lon > 100  # the Russian Far East, not Asia at large
    [plekhovo] = by_name(places, "Plekhovo")
    assert plekhovo.country == "RU" and _near(plekhovo, 51.7, 36.2)
    # capitals used as agents ("Moscow launched", "Pyongyang previously deployed") are actors
    assert roles(places, "Moscow") == {"actor"} and roles(places, "Pyongyang") == {"actor"}
    for p in places:
        for m in p.mentions:
            assert example_text[m.start : m.end] == m.text
