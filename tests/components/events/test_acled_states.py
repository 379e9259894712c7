"""Who is a state in ACLED's coding: a state's forces bomb from the air; an armed group that
became a government (the Taliban) is a rebel group in the reports before it ruled and the state
after (the sector of the article's date, actors/data/dated_sectors.tsv).
Full pipeline on invented sentences."""

from __future__ import annotations

import datetime as dt

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
    ],
)
def test_states_bomb_from_the_air(code, text, trigger, expected):
    assert code(text, trigger)["sub_event_type"] == expected


def test_the_taliban_bombing_before_they_ruled_is_a_planted_device(nlp):
    events = dated(nlp, "The Taliban bombed a police station in Kabul.", dt.date(2019, 7, 1))
    assert coded(events, "bombed")["sub_event_type"] == "Remote explosive/landmine/IED"


def dated(nlp, text: str, published: dt.date):
    """The events of `text` published on `published`, through the whole pipeline."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.events


def coded(events, trigger: str) -> dict:
    return next(e.acled for e in events if e.trigger.text == trigger and e.acled)


def test_the_taliban_are_rebels_before_they_ruled_and_the_state_after(nlp):
    # actors/data/dated_sectors.tsv: the Taliban took Kabul on 2021-08-15
    text = "Taliban fighters captured the district headquarters of Jaghatu after heavy fighting."
    coding = coded(dated(nlp, text, dt.date(2019, 7, 1)), "captured")
    assert coding["sub_event_type"] == "Non-state actor overtakes territory"
    assert coding["inter1"] == 2  # a rebel group, not state forces
    coding = coded(dated(nlp, text, dt.date(2023, 7, 1)), "captured")
    assert coding["sub_event_type"] == "Government regains territory"
    assert coding["inter1"] == 1  # Afghanistan's state forces since 2021
    text = "Afghan forces recaptured the district of Jaghatu from the Taliban."
    assert coded(dated(nlp, text, dt.date(2019, 7, 1)), "recaptured")["sub_event_type"] == (
        "Government regains territory"
    )


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
