"""Organs of a region ("the government of Sindh province" is Pakistan's,
a gazetteer lookup), named groups with a bracketed gloss or a name NER left untagged, the one
country a sentence names as a place for domestic groups, and the head of a government whose
acts the sentence places ("the regime of General X imposed a curfew in Chad")."""

from tests.components.actors.conftest import by_mention


# -- organs of a region ------------------------------------------------------------------------
def test_government_of_a_province_is_its_country_but_not_the_national_government(run):
    actors = run("Canada and the government of Quebec signed a new health accord on Monday.")
    region = by_mention(actors, "government of Quebec")
    assert (region.country, region.sector) == ("CAN", "GOV")
    assert region is not by_mention(actors, "Canada")


def test_officials_of_a_province_with_a_region_word(run):
    actors = run("Officials of Balochistan province closed two border crossings on Tuesday.")
    a = by_mention(actors, "Officials of Balochistan province")
    assert (a.country, a.sector) == ("PAK", "GOV")


def test_police_in_a_state(run):
    a = by_mention(run("Police in Kano state arrested forty people after the riot."), "Police in Kano state")
    assert (a.country, a.sector) == ("NGA", "COP")


def test_a_region_shared_by_two_states_gives_no_country(run):
    # Punjab is a province of Pakistan and a state of India
    actors = run("The government of Punjab province banned the rally on Sunday.")
    assert all(a.country not in ("PAK", "IND") for a in actors)


# -- named groups ------------------------------------------------------------------------------
def test_group_name_with_a_bracketed_gloss_takes_the_place_of_its_sentence(run):
    actors = run("Members of the Musavat (Equality) opposition said they would rally in Baku next week.")
    hits = [a for a in actors if any("Musavat" in m.text for m in a.mentions)]
    assert len(hits) == 1
    assert (hits[0].country, hits[0].sector) == ("AZE", "OPP")


def test_refugees_do_not_take_the_country_they_are_in(run):
    actors = run("Karen refugees arrived in Thailand on Monday.")
    assert all(a.country != "THA" for a in actors if any("refugees" in m.text for m in a.mentions))


# -- head of a government ----------------------------------------------------------------------
def test_head_of_a_government_takes_the_country_where_it_acts(run):
    actors = run("The military regime of General Ali Musa imposed a curfew in Chad on Friday.")
    assert by_mention(actors, "Ali Musa").country == "TCD"


def test_a_visiting_president_does_not_take_the_country_visited(run):
    actors = run("President Omar Ali arrived in France on Friday.")
    assert by_mention(actors, "Omar Ali").country is None
