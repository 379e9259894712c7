"""Stance prefixes ("anti-Turkey"), parts of a place ("a crowded quarter of Amman", "northern
Tehran") and the neighbour bonus of the resolver, on hand-written sentences."""

from __future__ import annotations

from newsledger.components.places.resolve import NameGroup, resolve
from newsledger.geo.entries import GeoEntry
from newsledger.records import Actor, Span
from tests.components.places.conftest import by_name, roles

# -- a country glued to an attitude prefix is a stance -----------------------------------------


def test_country_after_anti_or_pro_is_no_place(places_of):
    places = places_of("A leading anti-Iraq newspaper editor was shot dead in Amman.")
    assert not by_name(places, "Iraq") and by_name(places, "Amman")
    places = places_of("Pro-Russia gunmen seized a town hall near Odessa.")
    assert not by_name(places, "Russia") and by_name(places, "Odes")


def test_other_hyphenated_names_stay_places(places_of):
    # only attitude prefixes make a stance: a border named by its two sides is two places
    places = places_of("Shells landed near the Iraq-Turkey border on Tuesday.")
    assert by_name(places, "Iraq") and by_name(places, "Turkey")


# -- a part of a place is a place, even when an actor reading covers the name --------------------


def _with_actor(places_nlp, text: str, name: str, code: str):
    doc = places_nlp(text)
    start = text.index(name)
    doc._.actors = [Actor("a1", name, code, mentions=[Span(start, start + len(name), name)])]
    return places_nlp.get_pipe("newsledger_places")(doc)._.places


def test_of_after_a_part_noun_is_locative(places_nlp):
    places = _with_actor(places_nlp, "Gunmen opened fire in a crowded quarter of Amman.", "Amman", "JOR")
    [amman] = by_name(places, "Amman")
    assert amman.country == "JO"


def test_compass_qualifier_makes_a_capital_a_place(places_nlp):
    # a subject is read as an actor ("Tehran said"); "northern Tehran" is a part of the city
    text = "After the storm, northern Tehran was without power for two days."
    [tehran] = by_name(places_nlp(text)._.places, "Tehran")
    assert tehran.country == "IR"
    assert by_name(_with_actor(places_nlp, text, "Tehran", "IRN"), "Tehran")
    assert roles(places_nlp("After the storm, Tehran said power was back.")._.places, "Tehran") == {"actor"}


# -- a country named beside its neighbours ---------------------------------------------------------


def test_neighbour_bonus_prefers_the_country_to_a_far_namesake():
    far = GeoEntry(10, "Ruritania", "BR", -29.7, -51.5, "district", None, 35.0)
    home = GeoEntry(11, "Ruritania", "RR", 45.0, 20.0, "country", None, 75.0)
    nextdoor = GeoEntry(12, "Graustark", "GK", 46.0, 22.0, "country", None, 75.0)
    groups = {
        "ruritania|region": NameGroup("ruritania|region", [(home, True), (far, True)], "region"),
        "graustark": NameGroup("graustark", [(nextdoor, True)]),
    }
    # "Ruritania province": the designator alone favours the municipality ...
    assert resolve(groups)["ruritania|region"] is far
    # ... until the article's other place is a neighbour of the country
    assert resolve(groups, {"RR": frozenset({"GK"}), "GK": frozenset({"RR"})})["ruritania|region"] is home


def test_country_beside_its_neighbours_beats_a_province_namesake(places_of):
    places = places_of("Police in Bosnia said hundreds of refugees crossed into Montenegro province.")
    [mne] = by_name(places, "Montenegro")
    assert (mne.country, mne.kind) == ("ME", "country")
    # with no neighbour named, the designator still reads the Brazilian municipality
    [alone] = by_name(places_of("Officials met in Montenegro province on Monday."), "Montenegro")
    assert alone.country == "BR"


# -- an ethnonym phrase is a people, not a place --------------------------------------------------


def test_demonym_phrase_is_no_place(places_of):
    places = places_of("Hundreds of Ukrainian Jewish families arrived in Haifa; Georgian Jews followed.")
    assert [p.country for p in places if p.role == "location"] == ["IL"]
    assert roles(places, "Ukrainian") == {"modifier"}
