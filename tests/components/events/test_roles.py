"""Roles and links: actor, recipient, place, time, figures, statement."""

from __future__ import annotations

from .build import by_trigger, events_of, make_doc

KOREAS = {
    "a1": ("PRK", "GOV", ["North Korea", "Pyongyang", "North Korean"]),
    "a2": ("RUS", "GOV", ["Russia", "Moscow"]),
    "a3": ("KOR", "MIL", ["South Korea's military"]),
}


def test_subject_of_an_xcomp_chain_is_the_actor_and_to_x_the_recipient(spacy_model):
    text = "North Korea is preparing to deploy more troops and send additional equipment to Russia."
    evs = events_of(make_doc(spacy_model, text, actors=KOREAS))
    deploy, send = by_trigger(evs, "deploy"), by_trigger(evs, "send")
    assert (deploy.type, deploy.actor, deploy.recipient, deploy.mode) == ("MOBILIZE", "a1", "a2", "planned")
    assert (send.type, send.actor, send.recipient) == ("AID", "a1", "a2")


def test_passive_agent_is_the_actor_and_subject_the_recipient(spacy_model):
    text = "Three North Korean soldiers were killed by Russia near the border."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "killed")
    assert (ev.actor, ev.recipient) == ("a2", "a1")


def test_implicit_recipient_of_a_passive_without_agent(spacy_model):
    text = "Dozens of North Korean soldiers have been killed in the fighting."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "killed")
    assert ev.actor is None and ev.recipient == "a1"


def test_the_thing_fired_is_not_the_recipient(spacy_model):
    text = "Moscow launched dozens of Pyongyang ballistic missiles at Ukrainian cities."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "launched")
    assert ev.actor == "a2" and ev.recipient != "a1"


def test_object_control_verbs_pass_their_object_down(spacy_model):
    text = "Russia urged North Korea to withdraw its soldiers."
    evs = events_of(make_doc(spacy_model, text, actors=KOREAS))
    assert (by_trigger(evs, "urged").actor, by_trigger(evs, "urged").recipient) == ("a2", "a1")
    assert by_trigger(evs, "withdraw").actor == "a1"


def test_pronoun_subject_of_a_reported_clause_is_the_reporter(spacy_model):
    text = "Russia said it would deploy more troops."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "deploy")
    assert ev.actor == "a2" and ev.mode == "planned"


def test_pronoun_subject_of_an_adverbial_clause_is_the_main_clauses_subject(spacy_model):
    text = (
        "South Korea's military said about 1,100 North Korean soldiers have been killed or wounded "
        "since they first engaged in combat in Kursk."
    )
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "engaged")
    assert ev.actor == "a1"  # the soldiers, not the military that reports it


def test_a_pronoun_that_does_not_agree_is_not_the_main_clauses_subject(spacy_model):
    text = "Russia said the North Korean soldier was killed after they attacked the village."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "attacked")
    assert ev.actor != "a1"  # "they" cannot be one soldier


def test_a_pronoun_stands_for_the_main_subject_only_when_no_object_agrees(spacy_model):
    from newsledger.components.events.roles import _governing_subject

    def antecedent(text: str, pron: str) -> str | None:
        doc = spacy_model(text)
        found = _governing_subject(next(t for t in doc if t.lower_ == pron))
        return found.text if found is not None else None

    assert antecedent("The troops were ambushed after they crossed the border.", "they") == "troops"
    assert antecedent("The troops attacked the soldiers after they crossed the border.", "they") is None
    assert antecedent("The troops attacked the village after they crossed the border.", "they") == "troops"
    assert antecedent("The report was published after he resigned.", "he") is None  # a report is no "he"
    assert antecedent("The minister was arrested after we called the police.", "we") is None


def test_he_as_the_source_of_a_statement_is_whom_the_statement_names(spacy_model):
    text = "Kim Jong Un spoke on Monday. He urged Russia to withdraw."
    actors = {**KOREAS, "a4": ("PRK", "GOV", ["Kim Jong Un"], "person")}
    statements = [("s1", "He", "a4", "Russia to withdraw")]
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors, statements=statements)), "urged")
    assert (ev.actor, ev.recipient) == ("a4", "a2")


def test_who_confirms_an_event_did_not_do_it_but_who_declares_one_did(spacy_model):
    text = "Russia confirmed the deployment on Monday."
    statements = [("s1", "Russia", "a2", "the deployment", "confirmed")]
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS, statements=statements)), "deployment")
    assert ev.actor != "a2"
    text = "North Korea declared a ceasefire on Monday."
    statements = [("s1", "North Korea", "a1", "a ceasefire", "declared")]
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS, statements=statements)), "ceasefire")
    assert ev.actor == "a1"


def test_an_amount_in_aid_is_the_announcers_aid(spacy_model):
    text = "Russia announced an additional $725 million in military aid for North Korea last week."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "aid")
    assert (ev.type, ev.actor, ev.recipient) == ("AID", "a2", "a1")


def test_its_forces_in_a_reported_clause_are_the_reporters(spacy_model):
    text = "North Korea said its forces had struck military facilities in Russia."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "struck")
    assert ev.actor == "a1"


def test_a_duration_does_not_date_an_event(spacy_model):
    text = "North Korea met Russia for several hours on Monday."
    times = {"t1": ("several hours", "PTXH"), "t2": ("Monday", "2024-12-23")}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS, times=times)), "met")
    assert ev.time == "t2"


def test_noun_trigger_takes_its_possessor_as_actor(spacy_model):
    text = "North Korea's shipment of rockets to Russia worried the allies."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "shipment")
    assert (ev.type, ev.actor, ev.recipient) == ("AID", "a1", "a2")


def test_place_prefers_a_locative_on_the_trigger_clause(spacy_model):
    text = "Seoul officials said the soldiers seized their first village in Kursk earlier this month."
    doc = make_doc(
        spacy_model,
        text,
        places={"p1": ("KR", ["Seoul"]), "p2": ("RU", ["Kursk"])},
        times={"t1": ("earlier this month", "2024-12")},
    )
    ev = by_trigger(events_of(doc), "seized")
    assert (ev.type, ev.place, ev.time) == ("ASSAULT", "p2", "t1")


def test_place_and_time_stay_inside_the_reported_content(spacy_model):
    text = "On Monday in Seoul, the military said that North Korea had deployed more troops."
    doc = make_doc(
        spacy_model,
        text,
        actors=KOREAS,
        places={"p1": ("KR", ["Seoul"])},
        times={"t1": ("Monday", "2024-12-16")},
        statements=[("s1", "the military", None, "North Korea had deployed more troops")],
    )
    ev = by_trigger(events_of(doc), "deployed")
    assert ev.statement == "s1" and ev.place is None and ev.time is None


def test_figures_in_the_object_and_in_the_passive_subject(spacy_model):
    text = "Moscow launched at least 60 ballistic missiles this month."
    doc = make_doc(
        spacy_model,
        text,
        actors=KOREAS,
        figures={"f1": "at least 60 ballistic missiles"},
        times={"t1": ("this month", "2024-12")},
    )
    ev = by_trigger(events_of(doc), "launched")
    assert (ev.type, ev.actor, ev.figures, ev.time) == ("ASSAULT", "a2", ["f1"], "t1")
    text = "Approximately 1,100 soldiers have been killed since October."
    doc = make_doc(spacy_model, text, figures={"f1": "Approximately 1,100 soldiers"})
    assert by_trigger(events_of(doc), "killed").figures == ["f1"]


def test_a_figure_of_another_clause_is_not_taken(spacy_model):
    text = "The army attacked the depot, which held 300 tonnes of fuel."
    doc = make_doc(spacy_model, text, figures={"f1": "300 tonnes"})
    assert by_trigger(events_of(doc), "attacked").figures == []


def test_statement_is_the_innermost_content_holding_the_trigger(spacy_model):
    text = "The agency reported that officials said North Korea deployed troops."
    doc = make_doc(
        spacy_model,
        text,
        actors=KOREAS,
        statements=[
            ("s1", "The agency", None, "officials said North Korea deployed troops"),
            ("s2", "officials", None, "North Korea deployed troops"),
        ],
    )
    assert by_trigger(events_of(doc), "deployed").statement == "s2"


def test_reported_obligation_is_a_request_by_the_source(spacy_model):
    text = "Russia said that North Korea must withdraw its soldiers."
    doc = make_doc(
        spacy_model, text, actors=KOREAS, statements=[("s1", "Russia", "a2", "North Korea must withdraw its soldiers")]
    )
    evs = events_of(doc)
    req = by_trigger(evs, "must")
    assert (req.type, req.actor, req.recipient, req.mode) == ("REQUEST", "a2", "a1", "actual")
    assert by_trigger(evs, "withdraw").mode == "hypothetical"
    # an unreported "must" is the writer's opinion, not a demand
    assert [
        e.type for e in events_of(make_doc(spacy_model, "North Korea must withdraw its soldiers.", actors=KOREAS))
    ] == ["RETREAT"]


def test_protest_by_a_government_is_a_diplomatic_protest(spacy_model):
    text = "Russia protested against the new border rules."
    assert by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "protested").type == "ACCUSE"
    text = "Students protested against the new border rules."
    assert by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "protested").type == "PROTEST"


def test_territory_seizure_acled_depends_on_the_actor(spacy_model):
    text = "Rebels seized the town on Friday."
    doc = make_doc(spacy_model, text, actors={"a1": (None, "REB", ["Rebels"])})
    doc._.actors[0].kind = "group"
    assert by_trigger(events_of(doc), "seized").acled["sub_event_type"] == "Non-state actor overtakes territory"
    doc = make_doc(spacy_model, "Russia seized the town on Friday.", actors=KOREAS)
    assert by_trigger(events_of(doc), "seized").acled["sub_event_type"] == "Government regains territory"


def test_acled_only_for_what_happened(spacy_model):
    doc = make_doc(spacy_model, "Russia may shell the town on Friday.", actors=KOREAS)
    ev = by_trigger(events_of(doc), "shell")
    assert ev.type == "ASSAULT" and ev.mode == "possible" and ev.acled is None


def test_confidence_ranks_verbs_with_roles_above_bare_nouns(spacy_model):
    text = "Russia attacked North Korea. An attack was reported."
    evs = events_of(make_doc(spacy_model, text, actors=KOREAS))
    verb, noun = by_trigger(evs, "attacked"), by_trigger(evs, "attack")
    assert 0 <= noun.confidence < verb.confidence <= 1


def test_stative_passive_subject_is_the_actor(spacy_model):
    text = "North Korea is opposed to Russian mediation."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "opposed")
    assert (ev.type, ev.actor) == ("REJECT", "a1")


def test_of_names_the_doer_of_a_deployment_but_the_target_of_a_shelling(spacy_model):
    text = "The deployment of North Korean troops began. The shelling of Moscow continued."
    evs = events_of(make_doc(spacy_model, text, actors=KOREAS))
    assert by_trigger(evs, "deployment").actor == "a1"
    shelling = by_trigger(evs, "shelling")
    assert shelling.actor is None and shelling.recipient == "a2"


def test_threat_target_is_the_subject_of_the_condition(spacy_model):
    text = "Russia threatened to halt the talks if North Korea tests another missile."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "threatened")
    assert (ev.type, ev.actor, ev.recipient) == ("THREATEN", "a2", "a1")


def test_preposition_under_the_object_names_the_recipient(spacy_model):
    text = "Russia imposed sanctions on North Korea."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=KOREAS)), "imposed")
    assert (ev.type, ev.actor, ev.recipient) == ("SANCTION", "a2", "a1")


def test_a_verbal_protest_targets_the_subject_of_what_it_protests(spacy_model):
    # "protest" is PROTEST until it turns out to be a government's words (ACCUSE), whose
    # target is the subject of the reported clause, not a demonstration's "against" phrase.
    text = "Russia is violating the ceasefire, Ukraine's foreign ministry protested."
    actors = {"a1": ("RUS", "GOV", ["Russia"]), "a2": ("UKR", "GOV", ["Ukraine's foreign ministry"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "protested")
    assert (ev.type, ev.actor, ev.recipient) == ("ACCUSE", "a2", "a1")


def test_police_in_a_clause_around_a_protest_are_no_protesters(spacy_model):
    actors = {"a1": ("KEN", "COP", ["Kenyan police"])}
    ev = by_trigger(
        events_of(
            make_doc(
                spacy_model, "Kenyan police fired tear gas during demonstrations in Nairobi on Monday.", actors=actors
            )
        ),
        "demonstrations",
    )
    assert ev.type == "PROTEST" and ev.actor is None


def test_students_in_a_clause_around_a_protest_are_the_protesters(spacy_model):
    actors = {"a1": ("KEN", "EDU", ["Kenyan students"]), "a2": ("KEN", "COP", ["police"])}
    ev = by_trigger(
        events_of(
            make_doc(
                spacy_model,
                "Kenyan students threw stones at police during demonstrations in Nairobi on Monday.",
                actors=actors,
            )
        ),
        "demonstrations",
    )
    assert ev.actor == "a1"


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
