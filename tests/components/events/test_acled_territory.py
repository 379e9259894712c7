"""Territory taken in the ACLED Codebook's terms, told by a phrasal verb whose object stands
between the verb and its particle ("drove the militants out of the town", "took it back").
Full pipeline on invented sentences."""

from __future__ import annotations

import pytest

from .build import acled_of


@pytest.fixture(scope="module")
def code(nlp):
    return lambda text: (acled_of(nlp, text) or {}).get("sub_event_type")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Security forces drove al-Shabaab out of the town of Bulo Marer.", "Government regains territory"),
        (
            "Al-Shabaab fighters drove government troops out of the town of Bulo Marer.",
            "Non-state actor overtakes territory",
        ),
        ("Afghan forces pushed the insurgents out of the district centre.", "Government regains territory"),
    ],
)
def test_a_location_taken_by_a_split_phrasal_verb(code, text, expected):
    assert code(text) == expected


def test_a_split_phrasal_verb_of_no_place_takes_no_territory(code):
    assert code("He took the money back.") is None


@pytest.mark.parametrize(
    "text",
    [
        # the named group is the armed party of a base set up from a cue word (codebook,
        # Headquarters or base established: an organised armed group sets up a base)
        "Al-Shabaab has opened a new office in the town of Jilib.",
        "Houthi militants have turned a school into a military barracks.",
    ],
)
def test_a_base_set_up(code, text):
    assert code(text) == "Headquarters or base established"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two girls were defiled by soldiers in the barracks.", "Sexual violence"),
        ("Gunmen held the aid workers captive for three weeks.", "Abduction/forced disappearance"),
        ("Two SVBIEDs struck the army base in Tillaberi.", "Suicide bomb"),
    ],
)
def test_the_codebook_words_of_a_sub_event_type(code, text, expected):
    assert code(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Militants briefly captured an army post in Tillaberi before troops repulsed them.", "Armed clash"),
        ("Rebels seized the town for a few hours before government forces drove them out.", "Armed clash"),
        # held: the location changes hands
        ("Rebels seized the town of Kuna after heavy fighting.", "Non-state actor overtakes territory"),
    ],
)
def test_a_location_taken_and_lost_in_the_same_fight_changes_no_hands(code, text, expected):
    assert code(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # codebook, Change to group/activity: a new leader; weapons moved are not used
        ("The Islamic State named a new leader after the death of al-Baghdadi.", "Change to group/activity"),
        ("The Syrian army brought heavy weapons and rocket launchers to the outskirts of Idlib.", None),
    ],
)
def test_changes_to_an_armed_group(code, text, expected):
    assert code(text) == expected
