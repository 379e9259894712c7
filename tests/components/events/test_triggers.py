"""Triggers: lemma + POS lookup, argument context, light verbs, boilerplate, no reporting verbs."""

from __future__ import annotations

import pytest

from newsledger.components.events.lexicon import EventLexicon
from newsledger.components.events.triggers import find_triggers

from .build import by_trigger, events_of, make_doc


@pytest.fixture(scope="module")
def lex():
    return EventLexicon.load()


def types(nlp, text, **records):
    return {(e.trigger.text, e.type) for e in events_of(make_doc(nlp, text, **records))}


@pytest.mark.parametrize(
    "text, trigger, etype",
    [
        ("The army will deploy two brigades near the border.", "deploy", "MOBILIZE"),
        ("The government sent troops to the capital.", "sent", "MOBILIZE"),
        ("The government sent artillery shells to its ally.", "sent", "AID"),
        ("Rebels seized the village after a long night.", "seized", "ASSAULT"),
        ("Dock workers stopped work on the first day of an open-ended strike.", "strike", "PROTEST"),
        ("Police arrested forty students on Monday.", "arrested", "COERCE"),
        ("Thousands of workers rallied against the new law.", "rallied", "PROTEST"),
        ("The ministers met in Geneva on Friday.", "met", "CONSULT"),
        ("The council imposed sanctions on the regime.", "imposed", "SANCTION"),
        ("The two leaders signed an agreement on trade.", "signed", "SUPPORT"),
        ("The prime minister rejected the proposal.", "rejected", "REJECT"),
        ("The minister accused the rebels of looting.", "accused", "ACCUSE"),
        ("The mayor urged residents to leave.", "urged", "REQUEST"),
        ("The general threatened to close the port.", "threatened", "THREATEN"),
        ("The brigade withdrew from the town.", "withdrew", "RETREAT"),
    ],
)
def test_verb_triggers(spacy_model, text, trigger, etype):
    assert (trigger, etype) in types(spacy_model, text)


def test_context_is_required_where_the_lexicon_says_so(spacy_model):
    assert types(spacy_model, "The embassy sent a letter to the ministry.") == set()
    assert ("sent", "MOBILIZE") in types(spacy_model, "The embassy sent soldiers to the ministry.")


def test_launch_reads_its_object(spacy_model):
    doc = make_doc(spacy_model, "The army launched ballistic missiles at the port.")
    ev = by_trigger(events_of(doc), "launched")
    assert ev.type == "ASSAULT"
    assert (ev.acled["event_type"], ev.acled["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    doc = make_doc(spacy_model, "The prosecutor launched an investigation into the deal.")
    assert by_trigger(events_of(doc), "launched").type == "ACCUSE"


def test_noun_modifiers_choose_the_reading(spacy_model):
    assert ("strike", "PROTEST") in types(spacy_model, "The hunger strike by the teachers entered its tenth day.")
    assert ("began", "PROTEST") in types(spacy_model, "The teachers began a hunger strike on Monday.")
    doc = make_doc(spacy_model, "The army carried out a drone strike on the depot.")
    ev = by_trigger(events_of(doc), "carried")
    assert ev.type == "ASSAULT" and ev.acled["sub_event_type"] == "Air/drone strike"
    # a noun subject of a verb of the same event lends the verb its reading, not a second event
    evs = events_of(make_doc(spacy_model, "A drone strike hit the depot overnight."))
    assert [(e.trigger.text, e.acled["sub_event_type"]) for e in evs] == [("hit", "Air/drone strike")]


def test_light_verb_takes_the_more_specific_noun_reading(spacy_model):
    doc = make_doc(spacy_model, "The army kept conducting GPS jamming attacks along the coast.")
    evs = events_of(doc)
    assert [e.type for e in evs] == ["COERCE"]  # not ASSAULT, and the noun is not a second event


def test_a_noun_under_a_trigger_is_part_of_its_event(spacy_model):
    evs = events_of(make_doc(spacy_model, "The navy launched an attack on the harbour."))
    assert [(e.trigger.text, e.type) for e in evs] == [("launched", "ASSAULT")]


def test_compound_modifier_is_not_an_event(spacy_model):
    assert types(spacy_model, "The attack helicopters landed at the airport.") == set()


def test_reporting_verbs_are_not_events(spacy_model):
    assert types(spacy_model, "The spokesman said on Monday that the talks were useful, officials noted.") == {
        ("talks", "CONSULT")
    }


def test_publisher_boilerplate_is_skipped(spacy_model):
    text = "The post Troops Attack Village appeared first on Example News."
    assert types(spacy_model, text) == set()


def test_mangled_lemma_falls_back_to_the_surface_form(spacy_model, lex):
    doc = make_doc(spacy_model, "Tens of thousands of students staged mass demonstrations on Saturday.")
    found = {(c.token.text, c.rule.type) for c in find_triggers(doc, lex)}
    assert ("staged", "PROTEST") in found


def test_lexicon_rows_are_valid(lex):
    from newsledger.records import EVENT_TYPES

    assert lex.rules and all(r.type in EVENT_TYPES for rules in lex.rules.values() for r in rules)
    assert all(0 < r.prior <= 1 for rules in lex.rules.values() for r in rules)
    # context rows come before a default row for the same word: a default row is the last one
    for rules in lex.rules.values():
        defaults = [i for i, r in enumerate(rules) if not r.context]
        assert not defaults or defaults == [len(rules) - 1]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry released a statement on Monday.",
        "The lawyers will fight the charges in court.",
        "The senator attacked the proposal in a speech.",  # verbal: ACCUSE, not ASSAULT
        "An earthquake struck the region overnight.",
        "The companies struck a deal on prices.",  # an agreement, not a strike
        "Stocks rallied in early trading.",
        "The team will meet the deadline.",
    ],
)
def test_exclusions_stop_the_wrong_reading(spacy_model, text):
    assert not {t for t in types(spacy_model, text) if t[1] in ("RETREAT", "ASSAULT", "PROTEST", "CONSULT")}


def test_weak_verbs_need_a_party(spacy_model):
    assert types(spacy_model, "The plans provide tax advantages.") == set()
    actors = {"a1": ("RUS", "GOV", ["Russia"]), "a2": ("SYR", "GOV", ["Syria"])}
    assert ("supported", "SUPPORT") in types(spacy_model, "Russia supported Syria at the UN.", actors=actors)
    assert types(spacy_model, "The data supported the idea.") == set()


def test_taking_or_holding_someone_hostage_is_an_abduction(spacy_model):
    # CAMEO 181 "Abduct, hijack, or take hostage" -> PLOVER ASSAULT
    assert ("took", "ASSAULT") in types(spacy_model, "The inmate took two guards hostage on Monday.")
    assert ("held", "ASSAULT") in types(spacy_model, "Rebels have held the aid workers captive since March.")
    assert not any(t == "ASSAULT" for _, t in types(spacy_model, "The company took a stake in the firm on Monday."))


def test_charged_in_an_offence_is_an_accusation(spacy_model):
    # "charged in the killing of X": the offence names the charge, as "charged with" does
    text = "Two men charged in the killing of a mother went on trial on Monday."
    assert ("charged", "ACCUSE") in types(spacy_model, text)
    assert not any(t == "ACCUSE" for _, t in types(spacy_model, "The phone was charged in the car overnight."))
