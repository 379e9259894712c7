"""One event per occurrence; the component never crashes and never leaves the text."""

from __future__ import annotations

import spacy

from newsledger.components.events.component import EventsComponent, make_events, plover_category
from newsledger.records import Event

from .build import events_of, make_doc

ACTORS = {"a1": ("PRK", "GOV", ["North Korea", "Pyongyang"]), "a2": ("RUS", "GOV", ["Russia", "Moscow"])}


def test_a_repeated_event_is_merged_with_evidence(spacy_model):
    text = "North Korea deployed troops to Russia. Pyongyang deployed the troops to Moscow in secret."
    evs = [e for e in events_of(make_doc(spacy_model, text, actors=ACTORS)) if e.type == "MOBILIZE"]
    assert len(evs) == 1 and evs[0].id == "e1"
    assert evs[0].trigger.text == "deployed" and evs[0].trigger.start < 20
    assert [s.text for s in evs[0].evidence] == ["deployed"]
    assert isinstance(evs[0], Event) and "evidence" in evs[0].to_dict()


def test_events_in_different_places_stay_apart(spacy_model):
    text = "North Korea shelled Russia near Kursk. North Korea shelled Russia near Belgorod."
    doc = make_doc(spacy_model, text, actors=ACTORS, places={"p1": ("RU", ["Kursk"]), "p2": ("RU", ["Belgorod"])})
    evs = events_of(doc)
    assert [(e.type, e.place) for e in evs] == [("ASSAULT", "p1"), ("ASSAULT", "p2")]


def test_anonymous_events_are_not_merged(spacy_model):
    evs = events_of(make_doc(spacy_model, "A bomb exploded. Later, gunmen attacked a bus. Gunmen attacked a car."))
    assert len([e for e in evs if e.type == "ASSAULT"]) >= 2


def test_ids_are_sequential_and_spans_match_the_text(spacy_model):
    text = "Russia attacked the port. North Korea sent rockets to Russia. Protesters rallied in the capital."
    doc = make_doc(spacy_model, text, actors=ACTORS)
    evs = events_of(doc)
    assert [e.id for e in evs] == [f"e{i}" for i in range(1, len(evs) + 1)]
    for e in evs:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text


def test_odd_input_never_crashes(spacy_model):
    ext = EventsComponent()
    texts = [
        "",
        "   ",
        "🚀🚀 🔥",
        "\u201cThey attacked,\u201d he said \u201c and then",
        "RUSSIA ATTACKED THE PORT AND KILLED 20 PEOPLE.",
        "attack " * 50,
        "North Korea deployed troops. " * 300,
    ]
    for text in texts:
        doc = spacy_model(text)
        doc = ext(doc)  # extensions unset: None is read as []
        assert isinstance(doc._.events, list)
        for e in doc._.events:
            assert 0 <= e.trigger.start < e.trigger.end <= len(text)
            assert text[e.trigger.start : e.trigger.end] == e.trigger.text
            assert 0.0 <= e.confidence <= 1.0


def test_a_doc_without_a_parse_gets_no_events():
    nlp = spacy.blank("en")
    doc = EventsComponent()(nlp("Russia attacked the port."))
    assert doc._.events == []


def test_the_factory_builds_a_component(spacy_model):
    component = make_events(spacy_model, "newsledger_events")
    doc = component(spacy_model("Russia attacked the port."))
    assert [e.type for e in doc._.events] == ["ASSAULT"]


def test_plover_category_codes_intentions_as_speech_acts():
    assert plover_category("AID", "planned") == "AGREE"
    assert plover_category("RETREAT", "possible") == "AGREE"
    assert plover_category("ASSAULT", "planned") == "THREATEN"
    assert plover_category("COOPERATE", "negated") == "REJECT"
    assert plover_category("ASSAULT", "actual") == "ASSAULT"
    assert plover_category("MOBILIZE", "hypothetical") == "THREATEN"
    assert plover_category("MOBILIZE", "past") == "MOBILIZE"
