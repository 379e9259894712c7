"""The places component on hand-written sentences, one rule per test."""

from __future__ import annotations

import math

import pytest

from newsledger.records import Actor, Span
from tests.components.places.conftest import by_name, roles


def km(a, b):
    """Great-circle distance between two (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_country_after_locative_preposition_is_a_place(places_of):
    places = places_of("The government plans to deploy more troops to Russia next spring.")
    [russia] = by_name(places, "Russia")
    assert (russia.country, russia.kind, russia.geonameid) == ("RU", "country", 2017370)


def test_capital_as_agent_is_an_actor_place(places_of):
    places = places_of("Moscow launched dozens of drones overnight. Pyongyang's decision surprised analysts.")
    assert roles(places, "Moscow") == {"actor"} and roles(places, "Pyongyang") == {"actor"}
    [moscow] = by_name(places, "Moscow")
    assert moscow.role == "actor" and moscow.country == "RU"  # still on the map


def test_capital_under_locative_preposition_is_a_place(places_of):
    places = places_of("Thousands of people marched through the streets in Moscow on Sunday.")
    [moscow] = by_name(places, "Moscow")
    assert moscow.country == "RU" and moscow.kind == "city"
    assert km((moscow.lat, moscow.lon), (55.75, 37.62)) < 30


def test_possessive_under_locative_preposition_is_a_place(places_of):
    places = places_of("Shelling damaged several farms in Kursk's border districts.")
    [kursk] = by_name(places, "Kursk")
    assert kursk.country == "RU"


def test_region_designator_picks_the_region(places_of):
    places = places_of("Heavy fighting continued in the Kursk region this week.")
    [kursk] = by_name(places, "Kursk")
    assert kursk.kind == "region" and kursk.country == "RU"
    assert kursk.mentions[0].text == "Kursk region"


def test_unknown_village_gets_its_stated_region(places_of):
    places = places_of("Soldiers took control of a small village in Kursk, Plekhovo, last week.")
    [village] = by_name(places, "Plekhovo")
    assert village.kind == "village" and village.country == "RU" and village.geonameid is None
    assert km((village.lat, village.lon), (51.73, 36.19)) < 100
    [kursk] = [p for p in places if p.name == "Kursk"]
    assert kursk.kind == "region"  # what holds a village is read as the area


def test_according_to_is_not_a_locative_preposition(places_of):
    places = places_of("Prices rose again, according to Seoul officials.")
    assert roles(places, "Seoul") == {"actor"}  # its government, not a location


def test_comma_container_picks_the_town_in_that_state(places_of):
    places = places_of("The rodeo moved from Dallas to Paris, Texas, before it ended in Austin.")
    [paris] = by_name(places, "Paris")
    assert paris.country == "US"
    assert km((paris.lat, paris.lon), (33.66, -95.56)) < 50


def test_without_context_the_big_city_wins(places_of):
    places = places_of("Tourists filled the museums in Paris and the cafes in Lyon this summer.")
    [paris] = by_name(places, "Paris")
    assert paris.country == "FR"


def test_same_place_twice_is_one_place_with_two_mentions(places_of):
    places = places_of("Floods hit Ukraine in May. Aid convoys arrived in Ukraine in June.")
    [ukraine] = by_name(places, "Ukraine")
    assert len(ukraine.mentions) == 2


def test_abbreviated_country_with_article(places_of):
    places = places_of("The embassy in the U.K. did not answer questions sent by email.")
    [uk] = by_name(places, "U.K.")
    assert uk.country == "GB" and uk.kind == "country"
    assert uk.mentions[0].text == "U.K."  # "the" is not part of the mention


def test_ids_offsets_and_texts_agree(places_nlp):
    text = "Refugees crossed from Syria into Turkey, and later travelled on to Germany and Sweden."
    doc = places_nlp(text)
    assert [p.id for p in doc._.places] == [f"p{i}" for i in range(1, len(doc._.places) + 1)]
    assert {p.country for p in doc._.places} >= {"SY", "TR", "DE", "SE"}
    for p in doc._.places:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text


def test_recorded_actor_mention_is_an_actor_place(places_nlp):
    text = "Talks with Ukraine stalled again."
    plain = places_nlp(text)
    assert roles(plain._.places, "Ukraine") == {"location"}  # no actors: read as a place
    comp = places_nlp.get_pipe("newsledger_places")
    doc = places_nlp(text)
    start = text.index("Ukraine")
    doc._.actors = [Actor("a1", "Ukraine", "UKR", mentions=[Span(start, start + 7, "Ukraine")])]
    assert roles(comp(doc)._.places, "Ukraine") == {"actor"}


def test_demonym_is_a_modifier_and_roles_can_be_left_out(places_nlp):
    from newsledger.components.places.component import PlacesComponent

    doc = places_nlp("Russian troops advanced slowly.")
    [russia] = doc._.places
    assert russia.country == "RU" and russia.role == "modifier" and roles([russia], "Russian") == {"modifier"}
    assert PlacesComponent(roles=["location", "actor"])(doc)._.places == []
    with pytest.raises(ValueError, match="unknown roles"):
        PlacesComponent(roles=["place"])


def test_facility_takes_its_leading_place_name(places_of):
    places = places_of("The suspect was held at the Henderson County Jail overnight.")
    found = by_name(places, "Henderson County")
    assert found and found[0].country == "US" and found[0].lat is not None


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "🙂🙂 🌍",
        "IN MOSCOW AND KYIV, OFFICIALS MET.",
        "“Unbalanced quotes in Paris",
        "the the the , , . .",
        "Kursk" * 50,
        ("Troops moved to Kursk. " * 400),
    ],
)
def test_odd_input_does_not_crash_and_spans_stay_inside(places_nlp, text):
    doc = places_nlp(text)
    for p in doc._.places:
        for m in p.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("The first NATO peacekeepers have arrived in Bosnia.", "Bosnia", "BA"),
        ("Fighting spread across Burkina last year.", "Burkina", "BF"),
        ("Aid convoys reached the Democratic Republic of Congo on Friday.", "Democratic Republic of Congo", "CD"),
    ],
)
def test_short_and_older_country_names_are_their_country(places_of, text, name, country):
    [place] = by_name(places_of(text), name)
    assert (place.country, place.kind) == (country, "country")
