"""Force at demonstrations in the ACLED Codebook's terms: Excessive force against protesters needs
lethal force or serious injuries, other force used on a demonstration is a Protest with
intervention; the demonstrators' violence, also told in the sentence beside the demonstration's,
makes a riot; what a demonstration answers is its grievance. Full pipeline on invented sentences."""

from __future__ import annotations

import pytest

from .build import acled_of


@pytest.fixture(scope="module")
def code(nlp):
    return lambda text, trigger=None: (acled_of(nlp, text, trigger) or {}).get("sub_event_type")


@pytest.mark.parametrize(
    "text, expected",
    [
        # no lethal weapon, no serious injury: an attempt to suppress the protest
        ("Police prevented protesters from marching to the state house in Nairobi.", "Protest with intervention"),
        ("Counter-protesters attacked a group of peaceful demonstrators in Portland.", "Protest with intervention"),
        # serious injuries or deaths told in other words than "killed"
        ("Several demonstrators were hospitalised after police charged a rally in Dhaka.", "Excessive force"),
        (
            "Police dispersed the protest in Lagos with tear gas and live bullets; two protesters were reported dead.",
            "Excessive force",
        ),
    ],
)
def test_force_on_demonstrators(code, text, expected):
    assert (code(text) or "").startswith(expected)


def test_rubber_bullets_are_no_lethal_force(code):
    text = "Riot police fired rubber bullets to break up a demonstration of teachers in Bogota."
    assert code(text) == "Protest with intervention"


def test_forces_clashing_with_peaceful_protesters_intervene(code):
    text = "Riot police clashed with peaceful protesters in Belgrade and detained several of them."
    assert code(text) == "Protest with intervention"
    # the demonstrators are the doer: they riot
    assert code("Hundreds of students clashed with police in Dhaka after a rally against the new tax.") == (
        "Violent demonstration"
    )


def test_a_crowd_occupying_or_besieging_to_voice_a_demand_protests(code):
    assert code("Crowds of demonstrators occupied the main square in Bangkok, demanding new elections.") == (
        "Peaceful protest"
    )
    assert code("Demonstrators besieged the governor's office in Jos, demanding the release of detained youths.") == (
        "Peaceful protest"
    )


def test_destruction_beside_a_demonstration_is_a_riot(code):
    text = "Thousands protested in Santiago on Friday. Several metro stations were set on fire and shops were looted."
    assert code(text) == "Violent demonstration"
    # the same destruction by an armed party named as its doer stays what it is
    text = "Thousands protested in Santiago on Friday. Soldiers looted shops in the south of the city."
    assert code(text, "looted") == "Looting/property destruction"


def test_forces_shooting_right_after_a_demonstration_use_force_on_it(code):
    text = "Thousands marched in Khartoum on Thursday. Security forces shot dead two people, medics said."
    assert code(text) == "Excessive force against protesters"
    text = "Soldiers killed three people who were protesting against a mining project in Guinea."
    assert code(text, "killed") == "Excessive force against protesters"


def test_a_demonstrator_who_burns_is_violent(code):
    text = "Opposition activists protesting the election results burned the electoral office in Lubumbashi."
    assert code(text) == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "Students protested in Dhaka after a bus killed two classmates.",
        "Dozens rallied in Minsk and demanded the release of demonstrators detained during last week's rally.",
    ],
)
def test_what_a_demonstration_answers_is_its_grievance(code, text):
    assert code(text) == "Peaceful protest"


def test_set_fire_to_a_post_is_no_base(code):
    text = "Protesters set fire to the police post in Mombasa."
    assert code(text) == "Violent demonstration"


def test_a_crowd_beating_suspected_criminals_is_mob_violence(code):
    # codebook, Mob violence: rioters attacking civilians or armed groups outside a demonstration
    assert code("Villagers beat two suspected kidnappers to death in Puebla.") == "Mob violence"
    assert code("Gunmen beat two suspected kidnappers to death in Puebla.") != "Mob violence"
