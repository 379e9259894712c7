"""The worked example (../shared/data/examples), through the full pipeline.

Skips when the article or any component of the pipeline is not there yet."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

from newsledger.nlp.pipeline import COMPONENTS


@pytest.fixture(scope="module")
def doc(request, example_text):
    missing = [c for c in COMPONENTS if importlib.util.find_spec(f"newsledger.components.{c}") is None]
    if missing:
        pytest.skip(f"components not written yet: {missing}")
    nlp = request.getfixturevalue("nlp")
    d = nlp.make_doc(example_text)
    d._.published = dt.date(2024, 12, 23)
    for _, proc in nlp.pipeline:
        d = proc(d)
    return d


def country(doc, actor_id):
    return next((a.country for a in doc._.actors if a.id == actor_id), None)


def at(doc, words):
    start = doc.text.index(words)
    return [e for e in doc._.events if start <= e.trigger.start < start + len(words)]


def test_troop_deployment_is_planned_mobilize_prk_to_rus(doc):
    [deploy] = [e for e in at(doc, "preparing to deploy more troops") if e.trigger.text == "deploy"]
    assert deploy.type == "MOBILIZE" and deploy.mode == "planned"
    assert (country(doc, deploy.actor), country(doc, deploy.recipient)) == ("PRK", "RUS")


def test_rocket_launcher_supply_is_aid(doc):
    assert any(e.type == "AID" for e in at(doc, "currently supplying 240 millimeter rocket launchers"))


def test_missile_launches_are_a_russian_assault_with_figure_and_time(doc):
    [ev] = [e for e in at(doc, "Moscow launched at least 60") if e.trigger.text == "launched"]
    assert ev.type == "ASSAULT" and country(doc, ev.actor) == "RUS"
    figures = {f.id: f for f in doc._.figures}
    assert any(figures[f].value == 60 for f in ev.figures)
    times = {t.id: t.value for t in doc._.times}
    assert times.get(ev.time) == "2024-12"


def test_seizing_plekhovo_is_an_assault_in_kursk_this_month(doc):
    [ev] = [e for e in at(doc, "seizing their first village") if e.trigger.text == "seizing"]
    assert ev.type == "ASSAULT"
    places = {p.id: p for p in doc._.places}
    assert places[ev.place].name in ("Kursk", "Plekhovo") and places[ev.place].country == "RU"
    assert {t.id: t.value for t in doc._.times}.get(ev.time) == "2024-12"


def test_no_signs_of_provocation_is_not_an_actual_event(doc):
    assert all(e.mode != "actual" for e in at(doc, "no particular signs of provocation"))


def test_the_example_events_carry_their_full_acled_coding(doc):
    """ACLED's fields on what happened in the example, by the ACLED Codebook; plans carry none."""
    [killed] = [e for e in doc._.events if e.trigger.text == "killed"]
    assert (killed.acled["event_type"], killed.acled["sub_event_type"]) == ("Battles", "Armed clash")
    assert killed.acled["fatalities"] == 1100  # "approximately 1,100 soldiers"
    assert killed.acled["source"] and killed.acled["notes"].startswith("South Korea")
    [launched] = [e for e in at(doc, "Moscow launched at least 60") if e.trigger.text == "launched"]
    assert launched.acled["sub_event_type"] == "Shelling/artillery/missile attack"  # missiles: the means
    assert (launched.acled["actor1"], launched.acled["inter1"]) == ("Military Forces of Russian Federation", 1)
    assert launched.acled["time_precision"] == 3  # "this month"
    [seizing] = [e for e in at(doc, "seizing their first village") if e.trigger.text == "seizing"]
    assert seizing.acled["sub_event_type"] == "Government regains territory"  # a state's forces gain it
    assert seizing.acled["inter1"] == 8  # North Korean forces in Russia
    for e in doc._.events:
        if e.acled is not None:
            assert e.mode in ("actual", "past")
            assert {
                "disorder_type",
                "actor1",
                "inter1",
                "interaction",
                "civilian_targeting",
                "fatalities",
                "geo_precision",
                "time_precision",
                "event_date",
                "source",
                "notes",
            } <= set(e.acled)
        if e.mode in ("planned", "hypothetical", "negated", "possible"):
            assert e.acled is None
