"""Doers the text leaves unnamed are coded by the country where the event happened, as
CAMEO/PLOVER (unidentified armed forces), ACLED ("Protesters (Kenya)") and ICEWS do."""

from __future__ import annotations

import pytest

from .build import by_trigger, events_of, make_doc


def _doer(nlp, text, trigger, places, actors=None, role="actor"):
    """The event of `trigger` and the actor in its `role` (actor or recipient)."""
    doc = make_doc(nlp, text, actors=actors or {}, places=places)
    ev = by_trigger(events_of(doc), trigger)
    return ev, {a.id: a for a in doc._.actors}.get(getattr(ev, role))


def test_a_bomb_as_subject_is_an_unidentified_attacker_of_the_place_in_it(spacy_model):
    ev, doer = _doer(
        spacy_model,
        "A roadside bomb near the town of Kandahar killed two policemen on Tuesday.",
        "killed",
        {"p1": ("AF", ["Kandahar"])},
    )
    assert (doer.name, doer.country, doer.sector, doer.kind) == (
        "Unidentified attackers (Afghanistan)",
        "AFG",
        "UAF",
        "unnamed",
    )
    assert [m.text for m in doer.mentions] == ["A roadside bomb near the town of Kandahar"]
    assert ev.place == "p1"


def test_the_weapon_of_a_passive_is_the_mention(spacy_model):
    _, doer = _doer(
        spacy_model,
        "Four soldiers were killed by a landmine outside the city of Gao.",
        "killed",
        {"p1": ("ML", ["Gao"])},
    )
    assert doer.country == "MLI" and [m.text for m in doer.mentions] == ["a landmine"]


def test_a_passive_attack_with_no_agent(spacy_model):
    _, doer = _doer(
        spacy_model,
        "A senior judge was assassinated in Peshawar on Friday.",
        "assassinated",
        {"p1": ("PK", ["Peshawar"])},
    )
    assert (doer.country, doer.sector, doer.mentions) == ("PAK", "UAF", [])


def test_unnamed_gunmen_keep_their_word(spacy_model):
    _, doer = _doer(
        spacy_model,
        "Gunmen attacked a police station in Maiduguri overnight.",
        "attacked",
        {"p1": ("NG", ["Maiduguri"])},
    )
    assert (doer.name, doer.country) == ("Gunmen (Nigeria)", "NGA")


@pytest.mark.parametrize(
    "text, trigger, places",
    [
        ("Twelve people were killed in a bus crash near Cusco.", "killed", {"p1": ("PE", ["Cusco"])}),
        ("Rockets were fired at Haifa overnight.", "fired", {"p1": ("IL", ["Haifa"])}),
        ("Ivanov attacked a reporter in Novosibirsk.", "attacked", {"p1": ("RU", ["Novosibirsk"])}),
        ("Gunmen are planning to attack the convoy in Herat.", "attack", {"p1": ("AF", ["Herat"])}),
    ],
)
def test_no_doer_without_ground(spacy_model, text, trigger, places):
    """A mishap, a target rather than a place, a name we cannot place, a plan."""
    _ev, doer = _doer(spacy_model, text, trigger, places)
    assert doer is None or doer.kind != "unnamed"


def test_a_noun_in_another_verbs_adjunct_takes_no_place_of_that_verb(spacy_model):
    _ev, doer = _doer(
        spacy_model,
        "In Yemen, the alliance is implicated in the bombing of schools.",
        "bombing",
        {"p1": ("YE", ["Yemen"])},
    )
    assert doer is None


def test_a_crowd_protesting_is_the_protesters_of_the_place(spacy_model):
    _, doer = _doer(
        spacy_model,
        "Tens of thousands of students demonstrated in Santiago on Thursday.",
        "demonstrated",
        {"p1": ("CL", ["Santiago"])},
    )
    assert (doer.name, doer.country, doer.sector) == ("Students (Chile)", "CHL", "EDU")
    assert [m.text for m in doer.mentions] == ["Tens of thousands of students"]


def test_a_protest_noun_with_no_one_named(spacy_model):
    _, doer = _doer(
        spacy_model,
        "Violent protests in Nairobi left three people injured on Monday.",
        "protests",
        {"p1": ("KE", ["Nairobi"])},
    )
    assert (doer.name, doer.country, doer.sector) == ("Protesters (Kenya)", "KEN", "CVL")


def test_an_arrest_with_no_agent_is_the_states(spacy_model):
    _, doer = _doer(
        spacy_model, "Two bloggers were detained in Minsk on Sunday.", "detained", {"p1": ("BY", ["Minsk"])}
    )
    assert (doer.name, doer.country, doer.sector) == ("Police (Belarus)", "BLR", "COP")


def test_unowned_police_arresting_are_the_places(spacy_model):
    _, doer = _doer(
        spacy_model, "Police arrested forty demonstrators in Lagos on Saturday.", "arrested", {"p1": ("NG", ["Lagos"])}
    )
    assert (doer.country, doer.sector) == ("NGA", "COP")


def test_a_named_doer_is_kept(spacy_model):
    ev, _ = _doer(
        spacy_model,
        "Kenyan police arrested forty demonstrators in Nairobi.",
        "arrested",
        {"p1": ("KE", ["Nairobi"])},
        actors={"a1": ("KEN", "COP", ["Kenyan police"])},
    )
    assert ev.actor == "a1"


def test_two_attacks_share_one_unnamed_doer_and_stay_two(spacy_model):
    text = "Gunmen attacked a checkpoint in Kabul on Monday. Gunmen attacked a market in Kabul on Friday."
    doc = make_doc(spacy_model, text, places={"p1": ("AF", ["Kabul"])})
    attacks = [e for e in events_of(doc) if e.trigger.text == "attacked"]
    assert len(attacks) == 2 and attacks[0].actor == attacks[1].actor
    doer = next(a for a in doc._.actors if a.id == attacks[0].actor)
    assert doer.kind == "unnamed" and len(doer.mentions) == 2


def _victim(nlp, text, trigger, places, actors=None):
    return _doer(nlp, text, trigger, places, actors, role="recipient")


def test_demonstrators_dispersed_where_they_protest_are_that_countrys_protesters(spacy_model):
    _ev, victim = _victim(
        spacy_model,
        "Police used water cannon to disperse students protesting tuition fees in Bogota.",
        "disperse",
        {"p1": ("CO", ["Bogota"])},
    )
    assert (victim.name, victim.country, victim.sector, victim.kind) == ("Students (Colombia)", "COL", "EDU", "unnamed")


def test_civilians_killed_in_a_place_are_its_civilians(spacy_model):
    ev, victim = _victim(
        spacy_model, "Gunmen killed six villagers in Zamfara on Sunday.", "killed", {"p1": ("NG", ["Zamfara"])}
    )
    assert (victim.name, victim.country) == ("Civilians (Nigeria)", "NGA")
    assert ev.actor is not None and ev.actor != ev.recipient  # the gunmen (Nigeria)


def test_a_named_victim_is_kept(spacy_model):
    ev, _ = _victim(
        spacy_model,
        "Gunmen killed six Nigerian soldiers in Zamfara.",
        "killed",
        {"p1": ("NG", ["Zamfara"])},
        actors={"a1": ("NGA", "MIL", ["Nigerian soldiers"])},
    )
    assert ev.recipient == "a1"


def test_demonstrators_are_their_own_doers_not_the_police_beside_them(spacy_model):
    """The parse names the doer of "protesting": the demonstrators, not the nearest actor."""
    text = "Ghanaian police dispersed demonstrators protesting fuel prices in Accra."
    doc = make_doc(
        spacy_model, text, actors={"a1": ("GHA", "COP", ["Ghanaian police"])}, places={"p1": ("GH", ["Accra"])}
    )
    ev = by_trigger(events_of(doc), "protesting")
    assert ev.actor != "a1"


def test_no_unnamed_doer_for_an_attack_told_of_before_with_its_doer(spacy_model):
    text = "Russian forces shelled Kherson on Monday. Four civilians were killed in Kherson."
    doc = make_doc(
        spacy_model, text, actors={"a1": ("RUS", "MIL", ["Russian forces"])}, places={"p1": ("UA", ["Kherson"])}
    )
    killed = by_trigger(events_of(doc), "killed")
    assert killed.actor is None and not any(a.kind == "unnamed" and a.sector == "UAF" for a in doc._.actors)


def test_the_attack_refers_back_and_gets_no_unnamed_doer(spacy_model):
    _, doer = _doer(
        spacy_model,
        "The bombing near Kandahar killed two policemen on Tuesday.",
        "killed",
        {"p1": ("AF", ["Kandahar"])},
    )
    assert doer is None
