"""Coordinated parties: the further actors joined by "and" to the actor or the recipient the
parse found are the event's co_actors / co_recipients."""

from __future__ import annotations

from .build import by_trigger, events_of, make_doc


def _event(nlp, text, trigger, actors):
    return by_trigger(events_of(make_doc(nlp, text, actors=actors)), trigger)


def test_coordinated_subjects_are_co_actors(spacy_model):
    ev = _event(
        spacy_model,
        "Kenya and Uganda signed a border agreement on Friday.",
        "signed",
        {"a1": ("KEN", "GOV", ["Kenya"]), "a2": ("UGA", "GOV", ["Uganda"])},
    )
    assert (ev.actor, ev.co_actors) == ("a1", ["a2"])


def test_coordinated_adjectives_of_one_noun_are_co_actors(spacy_model):
    ev = _event(
        spacy_model,
        "Chadian and Nigerien troops attacked the rebel camp.",
        "attacked",
        {"a1": ("TCD", "MIL", ["Chadian"]), "a2": ("NER", "MIL", ["Nigerien troops"])},
    )
    assert {ev.actor, *ev.co_actors} == {"a1", "a2"} and len(ev.co_actors) == 1


def test_a_list_of_objects_are_co_recipients(spacy_model):
    ev = _event(
        spacy_model,
        "The rebels shelled Goma, Bukavu and Uvira overnight.",
        "shelled",
        {
            "a1": ("COD", "REB", ["The rebels"]),
            "a2": ("COD", "GOV", ["Goma"]),
            "a3": ("COD", "GOV", ["Bukavu"]),
            "a4": ("COD", "GOV", ["Uvira"]),
        },
    )
    assert (ev.recipient, ev.co_recipients) == ("a2", ["a3", "a4"])


def test_a_party_below_the_object_brings_its_conjuncts(spacy_model):
    ev = _event(
        spacy_model,
        "Japan sent aid to Nepal and Bhutan after the floods.",
        "sent",
        {"a1": ("JPN", "GOV", ["Japan"]), "a2": ("NPL", "GOV", ["Nepal"]), "a3": ("BTN", "GOV", ["Bhutan"])},
    )
    assert (ev.actor, ev.recipient, ev.co_recipients) == ("a1", "a2", ["a3"])


def test_a_single_party_has_none(spacy_model):
    ev = _event(
        spacy_model,
        "Kenya signed a border agreement with Uganda.",
        "signed",
        {"a1": ("KEN", "GOV", ["Kenya"]), "a2": ("UGA", "GOV", ["Uganda"])},
    )
    assert (ev.actor, ev.recipient, ev.co_actors, ev.co_recipients) == ("a1", "a2", [], [])


def test_merged_mentions_keep_the_union_of_their_parties(spacy_model):
    text = "Kenya and Uganda signed a border deal in Nairobi. Kenya signed it in Nairobi on Friday."
    doc = make_doc(
        spacy_model,
        text,
        actors={"a1": ("KEN", "GOV", ["Kenya"]), "a2": ("UGA", "GOV", ["Uganda"])},
        places={"p1": ("KE", ["Nairobi"])},
    )
    signed = [e for e in events_of(doc) if e.trigger.text == "signed"]
    assert len(signed) == 1 and signed[0].co_actors == ["a2"]
