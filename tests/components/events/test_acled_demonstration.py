"""Demonstrations by the ACLED Codebook: demonstrators who destroy property riot (Violent
demonstration); a destruction they protest against, or one an armed party does, does not make
them violent. Full pipeline on invented sentences."""

from __future__ import annotations

import pytest

from .build import acled_of


@pytest.fixture(scope="module")
def code(nlp):
    return lambda text, trigger: (acled_of(nlp, text, trigger) or {}).get("sub_event_type")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hundreds of angry residents protested the killing of a boy, burning a police post.", "Violent demonstration"),
        ("Hundreds of residents protested the killing of a boy and vandalised the town hall.", "Violent demonstration"),
        # the destruction is the grievance, not the demonstrators' act
        ("Hundreds of residents protested the burning of their market by soldiers.", "Peaceful protest"),
        ("Hundreds of angry residents protested the killing of a boy.", "Peaceful protest"),
    ],
)
def test_demonstrators_who_destroy_property_riot(code, text, expected):
    assert code(text, "protested") == expected


def test_a_mob_needs_violence(code):
    # codebook, Mob violence: a crowd that is violent; the word "mob" alone tells no violence
    text = "Mobs of protesters gathered at the parliament to demand the resignation of the speaker."
    assert code(text, "gathered") == "Peaceful protest"
    assert code("A mob of protesters lynched a suspected thief in the market.", "mob") == "Mob violence"


def test_demonstrators_who_occupy_are_not_the_target_of_force(code):
    assert code("Protesters occupied the main square of the capital for the third day.", "occupied") == (
        "Peaceful protest"
    )


def test_a_lynching_protested_against_is_no_mob_violence(code):
    text = "Hundreds of people protested in Delhi against the lynching of a Muslim man by a mob."
    assert code(text, "protested") == "Peaceful protest"


def test_a_crowd_besieging_an_office_to_voice_a_demand_demonstrates(code):
    text = "Hundreds of residents besieged the governor's office to demand compensation."
    assert code(text, "besieged") == "Peaceful protest"
    # a crowd that hurts people is violent
    assert code("Hundreds of villagers beat two men to death.", "beat") == "Mob violence"


def test_stones_thrown_at_the_police_are_a_riot(code):
    text = (
        "Hundreds of protesters took to the streets of Beirut on Saturday. "
        "Some of them hurled stones at the security forces guarding parliament."
    )
    assert code(text, "hurled") == "Violent demonstration"


def test_a_demonstration_whose_demonstrators_turn_violent_is_a_riot(code):
    text = (
        "Supporters of the opposition protested in Kinshasa on Monday. "
        "Police said the demonstrators had burned a police station and injured three officers."
    )
    assert code(text, "protested") == "Violent demonstration"
    # violence of others the next sentence tells leaves the protest peaceful
    text = "Supporters of the opposition protested in Kinshasa on Monday. Gunmen killed two soldiers in Beni."
    assert code(text, "protested") == "Peaceful protest"


def test_a_protester_who_dies_of_the_force_used(code):
    # codebook, Excessive force against protesters: force that results in deaths
    text = "A protester died after being hit by a tear gas canister fired by police."
    assert code(text, "protester") == "Excessive force against protesters"


def test_opponents_gathering_voice_a_grievance(nlp):
    def top(text):
        coded = [e for e in nlp(text)._.events if e.acled]
        return coded[0].acled["sub_event_type"] if coded else None

    assert top(
        "Tens of thousands of opponents of the military coup gathered on Sunday in towns across the country."
    ) == ("Peaceful protest")
    assert top("Thousands gathered at the stadium to watch the final.") is None


def test_force_used_against_stone_throwers_is_used_at_a_riot(code):
    text = "Security forces fired tear gas at youths who were throwing stones at their vehicles."
    assert code(text, "fired") == "Violent demonstration"
