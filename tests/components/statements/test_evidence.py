"""Measurements that vouch for a clause ("In a poll ...", "by one estimate") and intentions held
by a possessor ("the mayor's decision to close the pier")."""

from .helpers import assert_spans_valid, by_cue, run


def test_poll_phrase_opening_the_sentence(spacy_model):
    doc = run(spacy_model, "In a Harbour Times poll released Monday, the mayor led her rival by six points.")
    s = by_cue(doc, "In")
    assert s.source.text == "a Harbour Times poll released Monday"
    assert s.content.text.startswith("the mayor led her rival")
    assert_spans_valid(doc)


def test_poll_phrase_on_a_noun_vouches_for_that_noun_phrase(spacy_model):
    s = by_cue(run(spacy_model, "The mayor's recent gains in some polls of coastal voters may not last."), "in")
    assert s.source.text == "some polls of coastal voters"
    assert s.content.text == "The mayor's recent gains"


def test_clause_final_estimate(spacy_model):
    s = by_cue(run(spacy_model, "About 300 homes were flooded last week, by one estimate."), "by")
    assert s.source.text == "one estimate"
    assert s.content.text.startswith("About 300 homes were flooded")


def test_speech_channel_is_no_evidence_source(spacy_model):
    doc = run(spacy_model, "In a statement, the ministry said the port was closed.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text.lower() == "in"]
    assert by_cue(doc, "said").source.text == "the ministry"


def test_possessor_holds_the_intention_of_an_infinitive(spacy_model):
    s = by_cue(run(spacy_model, "The mayor's decision to close the pier angered the fishermen."), "decision")
    assert s.source.text == "The mayor's"
    assert s.content.text == "to close the pier"


def test_intention_noun_without_possessor_cues_nothing(spacy_model):
    doc = run(spacy_model, "The council approved a plan to close the pier.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text == "plan"]


def test_polling_at_large_is_no_source(spacy_model):
    doc = run(spacy_model, "The mayor still leads in the polls.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text == "in"]


def test_a_cue_verb_keeps_its_statement_over_the_poll(spacy_model):
    doc = run(spacy_model, "Most residents said they opposed the levy in a Harbour Times poll.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text == "in"]
    assert by_cue(doc, "said").source.text == "Most residents"
