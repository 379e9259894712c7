"""Who is a state in ACLED's coding: a state's forces bomb from the air; an armed group the
actors table lists as a government (the Taliban) is a non-state party to the fighting it does.
Full pipeline on invented sentences."""

from __future__ import annotations

import pytest

from .build import acled_of


@pytest.fixture(scope="module")
def code(nlp):
    return lambda text, trigger: acled_of(nlp, text, trigger)


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        (
            "Syrian government forces bombed rebel-held areas of eastern Ghouta, killing 20 civilians.",
            "bombed",
            "Air/drone strike",
        ),
        ("The US-led coalition bombed Islamic State positions near Raqqa on Tuesday.", "bombed", "Air/drone strike"),
        ("Russian bombing raids on Idlib killed 12 people, monitors said.", "killed", "Air/drone strike"),
        # an armed group's bombing is a device it plants (codebook: Remote explosive/landmine/IED)
        ("Insurgents bombed a bridge near the town.", "bombed", "Remote explosive/landmine/IED"),
        ("The Taliban bombed a police station in Kabul.", "bombed", "Remote explosive/landmine/IED"),
    ],
)
def test_states_bomb_from_the_air(code, text, trigger, expected):
    assert code(text, trigger)["sub_event_type"] == expected


def test_an_armed_group_listed_as_a_government_overtakes_territory(code):
    coding = code("Taliban fighters captured the district headquarters of Jaghatu after heavy fighting.", "captured")
    assert coding["sub_event_type"] == "Non-state actor overtakes territory"
    assert coding["inter1"] == 2  # a rebel group, not state forces
    coding = code("Afghan forces recaptured the district of Jaghatu from the Taliban.", "recaptured")
    assert coding["sub_event_type"] == "Government regains territory"


def test_who_is_arrested_with_a_weapon_decides(code):
    # codebook, Disrupted weapons use: an attack prevented, not the weapon's attack
    assert code("Police arrested a man carrying a suicide vest near the mosque.", "arrested")["sub_event_type"] == (
        "Disrupted weapons use"
    )
    assert code("A suspect was detained with two hand grenades in Srinagar.", "detained")["sub_event_type"] == (
        "Disrupted weapons use"
    )


def test_talk_about_an_attack_and_claims_of_it_are_no_event(nlp):
    # CASE's DIPLO and ATTRIB: diplomatic talk and claims of responsibility get no ACLED coding
    for text in (
        "The foreign ministers discussed the air strikes on Idlib during their meeting in Ankara.",
        "The Pakistani Taliban said they were behind the bombing of a school bus in Peshawar.",
    ):
        assert not [e for e in nlp(text)._.events if e.acled], text
