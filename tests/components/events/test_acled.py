"""ACLED coding by the codebook's rules, through the full pipeline on invented sentences: the
weapon decides Explosions/Remote violence, who gains a location the territory types, who is
violent Protests vs Riots, seized weapons are Strategic developments, disasters and crime stay
uncoded; and the further ACLED fields."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(nlp):
    def run(text: str, trigger: str | None = None) -> dict | None:
        doc = nlp(text)
        coded = [e for e in doc._.events if e.acled and (trigger is None or e.trigger.text == trigger)]
        return max(coded, key=lambda e: e.confidence).acled if coded else None

    return run


def sub(coding: dict | None) -> str | None:
    return coding["sub_event_type"] if coding else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Government warplanes bombed the market in the rebel-held town, killing 12 civilians.", "Air/drone strike"),
        ("Militants fired mortar shells at the army base on Tuesday.", "Shelling/artillery/missile attack"),
        ("A roadside bomb killed four soldiers on the highway near the town.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a checkpoint, killing three policemen.", "Suicide bomb"),
        ("Gunmen hurled a grenade at a police station in the city.", "Grenade"),
        ("The rebels attacked the town with chlorine gas, the monitors said.", "Chemical weapon"),
    ],
)
def test_the_weapon_decides(code, text, expected):
    assert sub(code(text)) == expected


def test_who_fights_whom_decides_battles_or_violence_against_civilians(code):
    assert sub(code("Rebels attacked an army convoy and clashed with soldiers for hours.")) == "Armed clash"
    assert sub(code("Gunmen attacked a village and killed 20 villagers.", "killed")) == "Attack"


def test_who_gains_the_location_decides(code):
    assert sub(code("Government troops recaptured the town of Kuna from the rebels.")) == "Government regains territory"
    assert (
        sub(code("Rebels seized the town of Kuna after heavy fighting.", "seized"))
        == "Non-state actor overtakes territory"
    )


def test_demonstrations_by_who_is_violent(code):
    assert sub(code("Thousands of protesters rallied against the new law in the capital.")) == "Peaceful protest"
    assert sub(code("Thousands of protesters marched peacefully through the capital.")) == "Peaceful protest"
    assert sub(code("Protesters threw stones at the police and set fire to cars.", "threw")) in (
        "Violent demonstration",
        None,
    )
    assert (
        sub(code("Protesters rioted in the capital, throwing stones at the police.", "rioted"))
        == "Violent demonstration"
    )
    assert sub(code("Police fired tear gas to disperse the protesters in the capital.")) == "Protest with intervention"
    assert (
        sub(code("Security forces opened fire on protesters in the capital, killing five.", "killing"))
        == "Excessive force against protesters"
    )


def test_strategic_developments(code):
    assert sub(code("Police seized 50 rifles and a grenade launcher in the town.")) == "Disrupted weapons use"
    assert sub(code("Soldiers discovered a cache of weapons near the border.")) == "Disrupted weapons use"
    assert sub(code("The army has set up a new military base near the town.")) == "Headquarters or base established"
    assert sub(code("Police arrested three opposition activists in the capital.")) == "Arrests"
    assert sub(code("Rioters looted dozens of shops in the city.", "looted")) in (
        "Looting/property destruction",
        "Violent demonstration",
    )


def test_out_of_scope_stays_uncoded(code):
    assert code("A powerful earthquake killed 40 people in the province.") is None
    assert code("The flood killed 12 people and destroyed hundreds of homes.") is None
    assert code("Police arrested two men for robbing a bank in the city.") is None
    assert code("The group claimed responsibility for the attack that killed ten soldiers.") is None
    assert code("The army may attack the town next week.") is None  # not what happened


def test_the_further_fields(code):
    c = code("Rebels attacked an army base near the town, killing at least 7 soldiers, the army said.", "attacked")
    assert (c["event_type"], c["disorder_type"]) == ("Battles", "Political violence")
    assert c["fatalities"] == 7 and c["inter1"] == 2
    assert c["notes"].startswith("Rebels attacked") and c["geo_precision"] in (1, 2, 3)
