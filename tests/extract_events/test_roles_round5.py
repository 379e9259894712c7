"""Round 5 role rules: a group tied to an actor by a participle, a place inside "X of Y", and a
stopping verb that does not negate an event named in its adjunct."""
from __future__ import annotations

from .build import by_trigger, events_of, make_doc


def test_a_group_affiliated_with_an_actor_is_that_actors(spacy_model):
    text = "Thousands of dockers affiliated with the Chilean Port Workers Union stopped work on Monday."
    actors = {"a1": ("CHL", "LAB", ["Chilean Port Workers Union"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "stopped")
    assert (ev.type, ev.actor) == ("PROTEST", "a1")


def test_a_group_with_an_unrelated_participle_is_nobodys(spacy_model):
    text = "Thousands of dockers angered by the Chilean Port Workers Union stopped work on Monday."
    actors = {"a1": ("CHL", "LAB", ["Chilean Port Workers Union"])}
    events = events_of(make_doc(spacy_model, text, actors=actors))
    assert all(e.actor != "a1" for e in events if e.trigger.text == "stopped")


def test_the_place_in_a_part_of_a_city_is_the_events(spacy_model):
    # the place hangs from "of", below "in": "in" says where it is
    text = "A policeman was wounded in a grenade attack in the eastern suburbs of Kandahar."
    doc = make_doc(spacy_model, text, places={"p1": ("AF", ["Kandahar"])})
    assert by_trigger(events_of(doc), "wounded").place == "p1"


def test_an_event_in_a_stopping_verbs_adjunct_is_not_negated(spacy_model):
    text = "Miners stopped work on the first day of a national strike on Monday."
    assert by_trigger(events_of(make_doc(spacy_model, text)), "strike").mode == "actual"


def test_an_event_a_verb_stops_is_negated(spacy_model):
    text = "The army stopped the shelling of the village."
    assert by_trigger(events_of(make_doc(spacy_model, text)), "shelling").mode == "negated"
