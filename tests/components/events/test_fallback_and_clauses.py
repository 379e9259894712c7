"""Roles the parse misses (nearest-actor fallback and its limits), purpose clauses, intention
cues, demands made of a pronoun, graded participles, and the lexicon rows taken from the
CAMEO->PLOVER 2021 table (apologies, defiance, expulsions, compensation, strikes)."""

from __future__ import annotations

from newsledger.components.events.fallback import nearest_actor
from newsledger.components.events.roles import RecordIndex

from .build import by_trigger, events_of, make_doc

GULF = {
    "a1": ("IRQ", "GOV", ["Iraq"]),
    "a2": ("KWT", "GOV", ["Kuwait"]),
    "a3": ("USA", "GOV", ["Washington"]),
    "a4": ("PRK", "GOV", ["Pyongyang"]),
}


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def test_nearest_actor_looks_left_for_the_actor_and_right_for_the_recipient(spacy_model):
    doc = make_doc(spacy_model, "Iraq on Monday, in a surprise move, shelled Kuwait.", actors=GULF)
    idx, tok = RecordIndex(doc), _token(doc, "shelled")
    assert nearest_actor(tok, idx, "left", set(), None) == "a1"
    assert nearest_actor(tok, idx, "right", set(), None) == "a2"
    assert nearest_actor(tok, idx, "right", {"a2"}, None) is None


def test_nearest_actor_skips_time_frames_and_the_owner_of_the_weapon(spacy_model):
    doc = make_doc(spacy_model, "After the Washington talks, Iraq fired Pyongyang missiles.", actors=GULF)
    idx, tok = RecordIndex(doc), _token(doc, "fired")
    assert nearest_actor(tok, idx, "left", {"a1"}, None) is None  # "after the Washington talks"
    assert nearest_actor(tok, idx, "right", set(), None) == "a4"
    assert nearest_actor(tok, idx, "right", set(), None, frozenset({"missile"})) is None


def test_nearest_actor_stays_inside_the_reported_content(spacy_model):
    text = "Kuwait said on Monday that troops shelled the border post overnight."
    doc = make_doc(spacy_model, text, actors=GULF)
    idx, tok = RecordIndex(doc), _token(doc, "shelled")
    start = text.index("troops")
    assert nearest_actor(tok, idx, "left", set(), None) == "a2"
    assert nearest_actor(tok, idx, "left", set(), (start, len(text))) is None


def test_victims_named_by_the_rule_context_are_the_recipient(spacy_model):
    text = "Russian aircraft killed 46 Afghan civilians in an attack on a village."
    actors = {"a1": ("RUS", "MIL", ["Russian aircraft"]), "a2": ("AFG", "CVL", ["Afghan civilians"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "killed")
    assert (ev.type, ev.actor, ev.recipient) == ("ASSAULT", "a1", "a2")


def test_a_purpose_clause_shares_the_subject_and_names_the_target(spacy_model):
    text = "Algerian landowners began a hunger strike to demand the return of their property."
    evs = events_of(make_doc(spacy_model, text, actors={"a1": ("DZA", "CVL", ["Algerian landowners"])}))
    assert by_trigger(evs, "demand").actor == "a1"
    text = "Hundreds of refugees blocked the road to protest against Sweden's decision."
    actors = {"a1": ("SWE", "GOV", ["Sweden"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "blocked")
    assert (ev.type, ev.recipient) == ("PROTEST", "a1")


def test_the_speaker_of_an_intention_cue_carries_out_the_plan(spacy_model):
    text = "Greece, like most other members, plans to impose restrictions on its labour market for new EU members."
    actors = {"a1": ("GRC", "GOV", ["Greece"]), "a2": ("EU", "IGO", ["EU"])}
    statements = [
        (
            "s1",
            "Greece, like most other members",
            "a1",
            "to impose restrictions on its labour market for new EU members",
        )
    ]
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors, statements=statements)), "impose")
    assert (ev.type, ev.mode, ev.actor, ev.recipient) == ("COERCE", "planned", "a1", "a2")


def test_a_reported_speech_subject_is_still_not_the_actor(spacy_model):
    text = "Kuwait said Iraq shelled the border post."
    statements = [("s1", "Kuwait", "a2", "Iraq shelled the border post")]
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=GULF, statements=statements)), "shelled")
    assert ev.actor == "a1"


def test_the_clause_of_a_demand_noun_is_not_an_actual_event(spacy_model):
    text = "The agency reiterated its demand today that Israel ease restrictions on the movement of workers."
    evs = events_of(make_doc(spacy_model, text, actors={"a1": ("ISR", "GOV", ["Israel"])}))
    assert by_trigger(evs, "ease").mode == "hypothetical"
    assert by_trigger(evs, "demand").recipient == "a1"


def test_sworn_to_fight_is_planned(spacy_model):
    text = "Ethnic Albanians have sworn to fight until they gain control of the villages."
    ev = by_trigger(
        events_of(make_doc(spacy_model, text, actors={"a1": ("ALB", "CVL", ["Ethnic Albanians"])})), "fight"
    )
    assert (ev.type, ev.mode, ev.actor) == ("ASSAULT", "planned", "a1")


def test_an_apology_is_support(spacy_model):
    text = "Argentina apologized to Brazil for the incident."
    actors = {"a1": ("ARG", "GOV", ["Argentina"]), "a2": ("BRA", "GOV", ["Brazil"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "apologized")
    assert (ev.type, ev.actor, ev.recipient) == ("SUPPORT", "a1", "a2")


def test_defying_a_ban_is_a_rejection(spacy_model):
    ev = by_trigger(
        events_of(make_doc(spacy_model, "A newspaper in Beirut has violated a ban imposed by the army.")), "violated"
    )
    assert ev.type == "REJECT"


def test_forcing_out_an_agency_is_a_sanction_and_people_a_coercion(spacy_model):
    actors = {"a1": ("IDN", "GOV", ["Jakarta"]), "a2": ("UN", "IGO", ["UN refugee agency"])}
    ev = by_trigger(
        events_of(make_doc(spacy_model, "Jakarta forced the UN refugee agency out of the country.", actors=actors)),
        "forced",
    )
    assert (ev.type, ev.actor, ev.recipient) == ("SANCTION", "a1", "a2")
    text = "The Israeli army forced out more than 1,000 Palestinian refugees from their homes."
    actors = {"a1": ("ISR", "MIL", ["Israeli army"]), "a2": ("PSE", "CVL", ["Palestinian refugees"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "forced")
    assert (ev.type, ev.actor, ev.recipient) == ("COERCE", "a1", "a2")
    evs = events_of(make_doc(spacy_model, "Rain forced the organizers to cancel the match."))
    assert not [e for e in evs if e.trigger.text == "forced"]


def test_a_protest_that_reports_words_is_an_accusation(spacy_model):
    text = "A human rights group protested that Croatia fails to uphold the property rights of refugees."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors={"a1": ("HRV", "GOV", ["Croatia"])})), "protested")
    assert ev.type == "ACCUSE"
    ev = by_trigger(events_of(make_doc(spacy_model, "Thousands of students protested in the capital.")), "protested")
    assert ev.type == "PROTEST"


def test_a_purpose_clause_is_done_to_the_object_of_the_verb_it_serves(spacy_model):
    text = "Nigeria summoned Niger's ambassador to complain about the raids."
    actors = {"a1": ("NGA", "GOV", ["Nigeria"]), "a2": ("NER", "GOV", ["Niger"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "complain")
    assert (ev.type, ev.actor, ev.recipient) == ("ACCUSE", "a1", "a2")


WAR = {
    "a1": ("PRK", "GOV", ["Pyongyang", "North Korea"]),
    "a2": ("RUS", "GOV", ["Russia", "Moscow"]),
    "a3": ("UKR", "GOV", ["Ukraine"]),
}


def test_the_fallback_keeps_to_the_clause_and_the_phrase_of_the_event(spacy_model):
    text = (
        "Sending weapons to Russia matters because the mobilization of more troops may extend "
        "the war with Ukraine and delay peace negotiations."
    )
    evs = events_of(make_doc(spacy_model, text, actors=WAR))
    assert by_trigger(evs, "mobilization").recipient is None
    assert by_trigger(evs, "negotiations").actor is None


def test_the_fallback_does_not_make_an_adversary_the_beneficiary(spacy_model):
    text = "Pyongyang is currently supplying rocket launchers and artillery for the war against Ukraine."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=WAR)), "supplying")
    assert (ev.type, ev.actor) == ("AID", "a1") and ev.recipient != "a3"


def test_a_named_patient_without_an_actor_is_not_replaced(spacy_model):
    text = "About 1,100 soldiers have been killed to support Moscow's war."
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=WAR)), "killed")
    assert ev.type == "ASSAULT" and ev.recipient is None


def test_up_to_a_number_of_people_is_the_object(spacy_model):
    text = "Afghan rebels have kidnapped up to 16 Russian advisers and exploded bombs in Kabul."
    actors = {
        "a1": ("AFG", "REB", ["Afghan rebels"]),
        "a2": ("RUS", "CVL", ["Russian advisers"]),
        "a3": ("AFG", "GOV", ["Kabul"]),
    }
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "kidnapped")
    assert (ev.actor, ev.recipient) == ("a1", "a2")


def test_the_issuer_of_a_declaration_makes_its_demand(spacy_model):
    text = "The Kurdistan Workers' Party issued a declaration demanding that the Turkish government release its leader."
    actors = {"a1": ("TUR", "REB", ["Kurdistan Workers' Party"]), "a2": ("TUR", "GOV", ["Turkish government"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "demanding")
    assert (ev.type, ev.actor) == ("REQUEST", "a1")


def test_paying_compensation_is_a_retreat_and_stopping_work_a_strike(spacy_model):
    actors = {"a1": ("UGA", "GOV", ["Uganda"]), "a2": ("GBR", "CVL", ["British nationals"])}
    ev = by_trigger(
        events_of(make_doc(spacy_model, "Uganda paid compensation to 67 British nationals.", actors=actors)), "paid"
    )
    assert (ev.type, ev.actor, ev.recipient) == ("RETREAT", "a1", "a2")
    actors = {"a1": ("SRB", "LAB", ["Serbian dockworkers"])}
    ev = by_trigger(
        events_of(make_doc(spacy_model, "Serbian dockworkers stopped work on Monday.", actors=actors)), "stopped"
    )
    assert (ev.type, ev.actor) == ("PROTEST", "a1")
    assert not [
        e for e in events_of(make_doc(spacy_model, "The rain stopped work on the bridge.")) if e.type == "PROTEST"
    ]


def test_the_victim_in_the_clause_of_a_bare_event_noun_is_not_its_actor(spacy_model):
    text = "A Palestinian prisoner died as a result of torture in custody."
    ev = by_trigger(
        events_of(make_doc(spacy_model, text, actors={"a1": ("PSE", "CVL", ["Palestinian prisoner"])})), "torture"
    )
    assert ev.type == "ASSAULT" and ev.actor is None


def test_a_graded_participle_is_an_adjective_not_an_event(spacy_model):
    assert not events_of(make_doc(spacy_model, "Neither of these units is as demanding as the last one."))
    ev = by_trigger(events_of(make_doc(spacy_model, "Rebels are increasingly attacking convoys.")), "attacking")
    assert ev.type == "ASSAULT"


def test_the_fallback_stays_out_of_a_passive_patient_and_a_relative_clause(spacy_model):
    text = "Russia and the Syrian government have been accused of blocking aid deliveries."
    actors = {"a1": ("RUS", "GOV", ["Russia"]), "a2": ("SYR", "GOV", ["Syrian government"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "accused")
    assert ev.actor is None and ev.recipient == "a1"
    text = "He hopes for peace negotiations, which the United States has supported for years."
    ev = by_trigger(
        events_of(make_doc(spacy_model, text, actors={"a1": ("USA", "GOV", ["United States"])})), "negotiations"
    )
    assert ev.recipient is None


def test_the_owner_of_the_troops_sent_is_not_their_destination(spacy_model):
    text = "Xi Jinping is likely to deploy People's Liberation Army forces soon."
    actors = {"a1": ("CHN", "GOV", ["Xi Jinping"]), "a2": ("CHN", "MIL", ["People's Liberation Army"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "deploy")
    assert (ev.type, ev.actor) == ("MOBILIZE", "a1") and ev.recipient is None


def test_pushing_for_someone_to_act_is_a_demand_and_sending_investigators_an_investigation(spacy_model):
    actors = {"a1": ("GBR", "GOV", ["UK"]), "a2": ("USA", "GOV", ["US"])}
    ev = by_trigger(
        events_of(
            make_doc(spacy_model, "The UK is pushing hard for the US to support its debt relief plan.", actors=actors)
        ),
        "pushing",
    )
    assert (ev.type, ev.actor, ev.recipient) == ("REQUEST", "a1", "a2")
    text = "The United Nations has sent 21 military and civilian personnel to Bosnia to investigate the massacre."
    actors = {"a1": ("UN", "IGO", ["United Nations"]), "a2": ("BIH", "GOV", ["Bosnia"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "sent")
    assert (ev.type, ev.actor, ev.recipient) == ("ACCUSE", "a1", "a2")


def test_mobilizing_supporters_rallies_support_and_mobilizing_forces_is_a_show_of_force(spacy_model):
    actors = {"a1": ("SAU", "GOV", ["Saudi Arabia"])}
    ev = by_trigger(
        events_of(make_doc(spacy_model, "Saudi Arabia has mobilized pressure groups in Washington.", actors=actors)),
        "mobilized",
    )
    assert ev.type == "SUPPORT"
    ev = by_trigger(
        events_of(make_doc(spacy_model, "Saudi Arabia has mobilized armed groups and reservists.", actors=actors)),
        "mobilized",
    )
    assert ev.type == "MOBILIZE"


def test_a_pronoun_under_must_refers_back_to_the_one_addressed(spacy_model):
    text = "France issued a stern reminder to Iraq that it must cooperate fully with UN inspectors."
    actors = {"a1": ("FRA", "GOV", ["France"]), "a2": ("IRQ", "GOV", ["Iraq"]), "a3": ("UN", "IGO", ["UN"])}
    ev = by_trigger(events_of(make_doc(spacy_model, text, actors=actors)), "must")
    assert (ev.type, ev.actor, ev.recipient) == ("REQUEST", "a1", "a2")
