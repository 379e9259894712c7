"""Sector codes are PLOVER's, and the 2026-11 actor rules: titles, located organs, demonyms that
name a country's people, named organs, armed groups and IGOs."""

import pytest

from newsledger.tables import read_rows
from tests.components.actors.conftest import by_mention, texts

# PLOVER manual 0.8, table 5.2; IGO and NGO are newsledger's sectors for bodies above states
# (PLOVER puts them in the country field, where newsledger keeps the organisation's code).
PLOVER_SECTORS = {
    "COP",
    "GOV",
    "JUD",
    "LEG",
    "MIL",
    "PRM",
    "PTY",
    "REB",
    "SPY",
    "UAF",
    "UNK",
    "AGR",
    "BUS",
    "CRM",
    "CVL",
    "EDU",
    "ELI",
    "JRN",
    "LAB",
    "MED",
    "REF",
    "OPP",
    "PRE",
    "REL",
    "SOC",
}


@pytest.mark.parametrize(
    "table,column", [("orgs.tsv", 3), ("organs.tsv", 2), ("titles.tsv", 1), ("people.tsv", 3), ("org_heads.tsv", 1)]
)
def test_every_sector_code_is_plover(table, column):
    for row in read_rows("newsledger.components.actors", table):
        sector = (row + [""] * 6)[column].strip()
        assert not sector or sector in PLOVER_SECTORS | {"IGO", "NGO"}, (table, row)


def test_media_is_jrn_and_health_is_med(run):
    actors = run("Reuters reported that Russian doctors and Russian journalists left.")
    assert by_mention(actors, "Reuters").sector == "JRN"
    assert by_mention(actors, "Russian doctors").sector == "MED"
    assert by_mention(actors, "Russian journalists").sector == "JRN"


def test_abbreviated_military_titles(run):
    actors = run("Lt. Gen. Ivan Sorokin and Maj. Gen. Pavel Orlov inspected the base.")
    assert by_mention(actors, "Ivan Sorokin").sector == "MIL"
    assert by_mention(actors, "Pavel Orlov").sector == "MIL"


def test_titled_name_tagged_as_an_organisation_is_a_person(run):
    actors = run("Vice-President Moody Awori said the talks would resume.")
    awori = by_mention(actors, "Moody Awori")
    assert (awori.kind, awori.sector) == ("person", "GOV")


def test_title_inside_the_person_entity_is_not_part_of_the_name(run):
    actors = run("Archbishop Desmond Tutu called for calm.")
    assert texts(actors[0]) == ["Desmond Tutu"] and actors[0].sector == "REL"


def test_organ_located_in_a_country_is_its_organ(run):
    actors = run(
        "Opposition parties in Nepal and police in Kenya said so, while Russian troops in "
        "Ukraine and diplomats in Moscow waited."
    )
    nepal = by_mention(actors, "Opposition parties in Nepal")
    assert (nepal.country, nepal.sector) == ("NPL", "OPP")
    assert by_mention(actors, "police in Kenya").country == "KEN"
    assert by_mention(actors, "Russian troops").country == "RUS"  # not Ukraine's troops
    assert not any("diplomats" in m for a in actors for m in texts(a))  # foreign, most likely


def test_demonym_before_a_plural_noun_names_the_people(run):
    actors = run("Algerian landowners and Iraqi Kurds protested against American sanctions.")
    assert (by_mention(actors, "Algerian landowners").country, by_mention(actors, "Algerian landowners").sector) == (
        "DZA",
        "CVL",
    )
    assert by_mention(actors, "Iraqi Kurds").sector == "CVL"
    usa = by_mention(actors, "American")
    assert (usa.country, usa.sector) == ("USA", "GOV")


def test_named_security_organs(run):
    actors = run("The SBU said the Pentagon and the DGSE shared intelligence, and Russian drones were shot down.")
    assert (by_mention(actors, "SBU").country, by_mention(actors, "SBU").sector) == ("UKR", "SPY")
    assert (by_mention(actors, "Pentagon").country, by_mention(actors, "Pentagon").sector) == ("USA", "MIL")
    assert by_mention(actors, "DGSE").country == "FRA"
    assert by_mention(actors, "Russian drones").sector == "MIL"


def test_armed_groups_and_igos_with_their_codes(run):
    actors = run(
        "The Houthis, also known as Ansar Allah, fired at ships. ISIS-K and the M23 rebels "
        "were condemned by APEC and the OPCW, and UNIFIL reported it."
    )
    houthis = by_mention(actors, "Houthis")
    assert texts(houthis) == ["Houthis", "Ansar Allah"]
    assert (houthis.country, houthis.sector) == ("YEM", "REB")
    assert (by_mention(actors, "ISIS-K").country, by_mention(actors, "ISIS-K").sector) == ("IMG", "REB")
    assert by_mention(actors, "APEC").country == "APEC"
    assert by_mention(actors, "OPCW").sector == "IGO"
    assert (by_mention(actors, "UNIFIL").country, by_mention(actors, "UNIFIL").sector) == ("UN", "MIL")


def test_leader_administration_is_the_state(run):
    actors = run("The Trump administration and the Netanyahu government disagreed, Trump said.")
    usa = by_mention(actors, "Trump administration")
    assert (usa.country, usa.sector, usa.kind) == ("USA", "GOV", "country")
    assert by_mention(actors, "Netanyahu government").country == "ISR"
    assert by_mention(actors, "Trump").kind == "person"


def test_armed_group_runs_an_organ(run):
    actors = run("The Hamas-run health ministry said US-backed forces were not involved.")
    ministry = by_mention(actors, "Hamas-run health ministry")
    assert (ministry.country, ministry.sector) == ("PSE", "GOV")
    assert by_mention(actors, "US").sector == "GOV"  # not US forces


def test_named_group_between_owner_and_organ_keeps_the_group(run):
    actors = run("Pakistani Taliban militants attacked a checkpoint; Russian special forces left.")
    ttp = by_mention(actors, "Pakistani Taliban")
    assert (ttp.name, ttp.country, ttp.sector) == ("Tehrik-i-Taliban Pakistan", "PAK", "REB")
    assert by_mention(actors, "Russian special forces").sector == "MIL"


def test_breakaway_entity_is_pre_of_its_claimant_and_a_place_after_in(run):
    actors = run("Somaliland signed a port deal. Elections were later held in Transnistria.")
    somaliland = by_mention(actors, "Somaliland")
    assert (somaliland.country, somaliland.sector) == ("SOM", "PRE")
    assert not any("Transnistria" in texts(a) for a in actors)
