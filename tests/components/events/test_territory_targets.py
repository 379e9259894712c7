"""PLOVER's target convention: an event done in a territory with no named target is done to
that territory, coded as a location actor added by the events component."""

from __future__ import annotations

from .build import by_trigger, events_of, make_doc


def _coded(nlp, text, trigger, actors, places):
    doc = make_doc(nlp, text, actors=actors, places=places)
    ev = by_trigger(events_of(doc), trigger)
    return ev, {a.id: a for a in doc._.actors}


def test_a_locative_territory_is_the_target_as_a_location_actor(spacy_model):
    ev, actors = _coded(
        spacy_model,
        "Serbia lifted a night curfew in Montenegro on Monday.",
        "lifted",
        {"a1": ("SRB", "GOV", ["Serbia"])},
        {"p1": ("ME", ["Montenegro"])},
    )
    assert ev.actor == "a1" and ev.place == "p1"
    target = actors[ev.recipient]
    assert (target.name, target.country, target.kind, target.sector) == ("Montenegro", "MNE", "location", None)
    assert [m.text for m in target.mentions] == ["Montenegro"]


def test_the_object_of_a_hostile_verb_is_the_target(spacy_model):
    ev, actors = _coded(
        spacy_model,
        "Sudanese rebels shelled Juba on Sunday.",
        "shelled",
        {"a1": ("SDN", "REB", ["Sudanese rebels"])},
        {"p1": ("SS", ["Juba"])},
    )
    assert actors[ev.recipient].country == "SSD"


def test_a_named_recipient_keeps_its_place(spacy_model):
    ev, actors = _coded(
        spacy_model,
        "Russian troops attacked Ukrainian soldiers in Kharkiv.",
        "attacked",
        {"a1": ("RUS", "MIL", ["Russian troops"]), "a2": ("UKR", "MIL", ["Ukrainian soldiers"])},
        {"p1": ("UA", ["Kharkiv"])},
    )
    assert (ev.actor, ev.recipient, ev.place) == ("a1", "a2", "p1")
    assert len(actors) == 2  # no location actor was needed


def test_a_destination_is_no_target(spacy_model):
    ev, actors = _coded(
        spacy_model,
        "American negotiators will travel to Geneva for talks this week.",
        "talks",
        {"a1": ("USA", "GOV", ["American negotiators"])},
        {"p1": ("CH", ["Geneva"])},
    )
    assert ev.recipient is None and len(actors) == 1


def test_the_country_actor_of_the_place_mention_is_used_as_it_is(spacy_model):
    ev, actors = _coded(
        spacy_model,
        "Protesters demonstrated in Serbia on Tuesday.",
        "demonstrated",
        {"a1": ("SRB", "GOV", ["Serbia"])},
        {"p1": ("RS", ["Serbia"])},
    )
    assert ev.recipient == "a1" and not any(a.kind == "location" for a in actors.values())


def test_anonymous_attacks_in_one_town_stay_two_events(spacy_model):
    text = "Gunmen attacked a checkpoint in Kabul on Monday. Gunmen attacked a market in Kabul on Friday."
    doc = make_doc(spacy_model, text, places={"p1": ("AF", ["Kabul"])})
    attacks = [e for e in events_of(doc) if e.trigger.text == "attacked"]
    assert len(attacks) == 2
    kabul = next(a.id for a in doc._.actors if a.name == "Kabul")
    assert [e.recipient for e in attacks] == [kabul, kabul]


def test_a_clause_on_the_same_occasion_gives_the_place_and_the_target(spacy_model):
    ev, actors = _coded(
        spacy_model,
        "Two suicide bombers killed 23 people late Sunday when they blew themselves up in Tel Aviv.",
        "killed",
        {},
        {"p1": ("IL", ["Tel Aviv"])},
    )
    assert ev.place == "p1" and actors[ev.recipient].country == "ISR"


def test_a_causal_clause_gives_no_place(spacy_model):
    ev, _ = _coded(
        spacy_model,
        "Rebels attacked the convoy because the army had shelled villages in Darfur.",
        "attacked",
        {"a1": ("SDN", "REB", ["Rebels"])},
        {"p1": ("SD", ["Darfur"])},
    )
    assert ev.place is None and ev.recipient is None
