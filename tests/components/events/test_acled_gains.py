"""Who gains a location, bases set up and attacks stopped, in the ACLED Codebook's terms: a
state's forces taking a location abroad are a foreign actor (Non-state actor overtakes territory);
the backer of the doer is not who gains; troops deployed at a new base established it; an attack
foiled or intercepted is Disrupted weapons use. Full pipeline on invented sentences, actors set by
hand where the test is about them."""

from __future__ import annotations

import pytest

from newsledger.components.events.acled_strategic import territory
from newsledger.records import Actor

from .build import acled_of


@pytest.fixture(scope="module")
def code(nlp):
    return lambda text, trigger=None: (acled_of(nlp, text, trigger) or {}).get("sub_event_type")


def test_a_state_taking_a_location_abroad_overtakes_it():
    army = Actor("a1", "Turkish military", country="TUR", sector="MIL", kind="organisation")
    assert territory(set(), None, army, "SY") == "Non-state actor overtakes territory"
    assert territory(set(), None, army, "TR") == "Government regains territory"
    assert territory(set(), None, army, None) == "Government regains territory"  # where unknown


def test_a_foreign_state_fighting_a_third_state_in_the_host_country_regains_it():
    # codebook, Government regains territory: government forces or their affiliates fighting
    # competing state forces re-establish government control
    army = Actor("a1", "North Korean military", country="PRK", sector="MIL", kind="organisation")
    ukraine = Actor("a2", "Ukrainian military", country="UKR", sector="MIL", kind="organisation")
    kurds = Actor("a3", "Kurdish forces", country="SYR", sector="REB", kind="group")
    assert territory(set(), None, army, "RU", [army, ukraine]) == "Government regains territory"
    assert territory(set(), None, army, "RU", [army, kurds]) == "Non-state actor overtakes territory"


def test_an_opposition_that_takes_a_location_is_non_state():
    opposition = Actor("a1", "Syrian opposition", country="SYR", sector="OPP", kind="group")
    assert territory(set(), "Government regains territory", opposition) == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Turkey-backed rebels captured the town of Ras al-Ain from Kurdish forces.", "Non-state actor overtakes"),
        ("Regime forces advanced and captured three villages in southern Idlib.", "Government regains"),
    ],
)
def test_who_gains(code, text, expected):
    assert (code(text) or "").startswith(expected)


def test_forces_deployed_at_a_new_base_established_it(code):
    assert code("Turkish forces have deployed at a new observation post in southern Idlib.") == (
        "Headquarters or base established"
    )
    assert code("Turkish forces have deployed at an observation post in southern Idlib.") != (
        "Headquarters or base established"
    )


def test_an_attack_foiled_is_disrupted_weapons_use(code):
    assert code("Security forces foiled a suicide attack in Kabul.") == "Disrupted weapons use"


def test_killings_told_of_a_gunfight_are_the_fight(code):
    assert code("Police engaged bandits in a gunfight in Katsina, killing five of them.") == "Armed clash"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a place where accidents happen tells an accident when no one attacks it
        ("A chemical plant exploded in Tianjin, killing 50 people.", None),
        ("A furnace at a steel factory exploded on Thursday, injuring seven workers.", None),
        # an attack on such a place is violence (codebook: the act, not the place, decides)
        ("Militants attacked a textile factory in Balochistan, killing four workers.", "Attack"),
        ("A bomb exploded outside a factory in Karachi, killing three.", "Remote explosive/landmine/IED"),
    ],
)
def test_a_factory_is_no_disaster_when_attacked(code, text, expected):
    assert code(text) == expected


def test_an_exchange_of_long_range_fire_is_an_armed_clash(code):
    # codebook, Shelling/artillery/missile attack: two armed groups exchanging long-range fire
    assert code("Government forces and rebels exchanged artillery fire near Kadugli.") == "Armed clash"
    assert code("Government forces shelled rebel positions in Idlib.") == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    "text, expected",
    [
        # codebook, Abduction/forced disappearance: civilians taken, and arrests by non-state groups
        ("Boko Haram fighters seized 12 women from a village in Borno.", "Abduction/forced disappearance"),
        ("Militants captured two aid workers near Gao.", "Abduction/forced disappearance"),
        ("Al-Shabaab captured the town of Bulo Burte.", "Non-state actor overtakes territory"),
        ("Police detained a journalist in Cairo.", "Arrests"),
    ],
)
def test_people_taken(code, text, expected):
    assert code(text) == expected


def test_a_meeting_on_an_attack_is_no_attack(nlp):
    # CASE's DIPLO: diplomatic talk about an attack gets no ACLED coding
    text = "The UN Security Council held an emergency meeting on the missile attack."
    assert not [e for e in nlp(text)._.events if e.acled]
