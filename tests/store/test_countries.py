"""Country filters take alpha-2, alpha-3 and names on every list, whichever code the kind stores
(places alpha-2, actors and the records that copy their country alpha-3), on every backend."""

from __future__ import annotations

import pytest

from newsledger.store.filters import read
from tests.store import samples


@pytest.mark.parametrize(
    "given, alpha2, alpha3",
    [
        ("RU", "RU", "RUS"),
        ("rus", "RU", "RUS"),
        ("Russia", "RU", "RUS"),
        ("the Russian Federation", "RU", "RUS"),
        ("North Korea", "KP", "PRK"),
        ("DPRK", "KP", "PRK"),
        ("UK", "GB", "GBR"),  # not an ISO code, a name of the United Kingdom
        ("U.K.", "GB", "GBR"),
        ("Kosovo", "XK", "XKX"),  # user-assigned, as GeoNames and the actors' table code it
        ("NATO", "NATO", "NATO"),  # no country: compared as given
    ],
)
def test_a_country_is_read_as_the_code_each_kind_stores(given, alpha2, alpha3):
    assert read("places", country=given).values["country"] == alpha2
    for kind in ("events", "actors", "statements", "figures", "merged_events"):
        assert read(kind, country=given).values["country"] == alpha3


def test_every_list_finds_the_same_country_by_any_of_its_names(store):
    store.add(samples.all_pairs())
    for kind in ("events", "actors", "places", "statements"):
        found = [getattr(store, kind)(country=c, limit=None) for c in ("UA", "UKR", "Ukraine", "ukraine")]
        assert found[0] and all(f == found[0] for f in found), kind
        assert store.count(kind, country="Ukraine") == len(found[0])
