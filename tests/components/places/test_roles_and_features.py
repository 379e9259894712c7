"""Place roles (location / actor / modifier) and the names the entity recogniser misses:
streets and waters placed at their enclosing town, datelines with a colon, names used as
modifiers, one sense per discourse, legislators' homes and derived demonyms."""

from __future__ import annotations

from newsledger.geo import get_gazetteer
from tests.components.places.conftest import by_name, roles


def test_street_takes_its_towns_point_and_says_it_is_a_road(places_of):
    places = places_of("Police found the car on Memphis Street in Alexandria, La., on Monday.")
    [street] = by_name(places, "Memphis Street")
    [town] = [p for p in places if p.name == "Alexandria"]
    assert street.kind == "road" and street.geonameid is None
    assert (street.lat, street.lon) == (town.lat, town.lon) and town.country == "US"
    assert not [p for p in places if p.name == "Memphis"]  # the street, not the city it is named after


def test_numbered_road_and_shared_plural_head(places_of):
    places = places_of("Crews closed Highway 200 near Mahnomen and repaved Lakeview and Harrison streets.")
    assert {p.kind for p in by_name(places, "Highway 200")} == {"road"}
    assert {p.kind for p in by_name(places, "Harrison")} == {"road"}
    assert {p.kind for p in by_name(places, "Lakeview")} == {"road"}


def test_dateline_with_a_colon_is_a_location(places_of):
    places = places_of("BEIRUT: Unknown assailants removed the doors of several tombs overnight.")
    [beirut] = by_name(places, "BEIRUT")
    assert beirut.country == "LB" and beirut.role == "location"


def test_name_before_a_common_noun_is_a_modifier(places_of):
    places = places_of("A Gainesville man was arrested after Roselle police stopped his car.")
    assert roles(places, "Gainesville") == {"modifier"} and roles(places, "Roselle") == {"modifier"}


def test_based_and_a_legislators_home_are_modifiers(places_of):
    places = places_of("The Columbia-based firm hired Rep. Tom Bakk, DFL-Cook, as an adviser.")
    assert roles(places, "Columbia") == {"modifier"}
    assert roles(places, "Cook") == {"modifier"}


def test_one_sense_per_discourse_but_a_persons_name_stays_a_person(places_of):
    text = (
        "Whitestown invited all donors to the ceremony. The water line serves homes in Whitestown. "
        "Officer Michael Eggers shot Tyrise M. Bell in North Las Vegas. Eggers tackled Bell."
    )
    places = places_of(text)
    assert roles(places, "Whitestown") == {"actor", "location"}  # the subject, then the town
    assert not by_name(places, "Bell")


def test_derived_demonyms_read_the_state_or_country():
    gaz = get_gazetteer()
    assert gaz.demonym("Minnesotans").name == "Minnesota"
    assert gaz.demonym("Ohioan").name == "Ohio"
    assert gaz.demonym("Sri Lankan").country == "LK"
    assert gaz.demonym("Christmas") is None
