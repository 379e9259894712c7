"""Battles or Violence against civilians by the ACLED Codebook: who is attacked decides, and
Battles need two organised armed groups. Full pipeline on invented sentences."""

from __future__ import annotations

import pytest

from .build import acled_of


@pytest.fixture(scope="module")
def code(nlp):
    return lambda text, trigger: (acled_of(nlp, text, trigger) or {}).get("sub_event_type")


@pytest.mark.parametrize(
    "text, expected",
    [
        # who is in the camp or the column decides, not the word that may stand for a garrison
        ("Rebels attacked a displacement camp near Djugu, killing 22 people.", "Attack"),
        ("Gunmen attacked a refugee camp in Ituri.", "Attack"),
        ("Fighters from the group ambushed a convoy of traders on the road to Gao.", "Attack"),
        ("Militants ambushed a convoy of soldiers near Gao.", "Armed clash"),
        ("Fighters attacked an army camp in Tillaberi.", "Armed clash"),
    ],
)
def test_who_is_in_the_target_decides(code, text, expected):
    trigger = next(w for w in ("attacked", "ambushed") if w in text)
    assert code(text, trigger) == expected


def test_an_attack_that_kills_with_one_armed_party_named_is_one_sided(code):
    assert code("Rebels attacked Mamove on Sunday, leaving 14 dead.", "attacked") == "Attack"
    # no one dead nor a second party named: the trigger's default stands
    assert code("Rebels attacked Mamove on Sunday.", "attacked") == "Armed clash"
    # a second armed party named: a battle
    assert code("Rebels attacked soldiers in Mamove on Sunday, leaving 14 dead.", "attacked") == "Armed clash"


def test_killings_with_the_destruction_make_it_an_attack(code):
    # codebook: Looting/property destruction is destruction without violence to people
    text = "Militants raided a village in Borno and burned houses, killing several civilians."
    assert code(text, "burned") == "Attack"
    assert code("Militants raided a village in Borno and burned houses.", "burned") == "Looting/property destruction"
