"""Indirect speech, "according to", passive agents, nominal cues, relays."""

from .helpers import by_cue, run


def test_bare_clause_after_said(spacy_model):
    s = by_cue(run(spacy_model, "The harbour authority said the ferry would resume service on Monday."), "said")
    assert not s.direct and s.source.text == "The harbour authority"
    assert s.content.text == "the ferry would resume service on Monday"


def test_that_clause_with_auxiliaries_and_adverbs(spacy_model):
    s = by_cue(run(spacy_model, "Officials have repeatedly warned that the dam could fail."), "have repeatedly warned")
    assert s.content.text == "that the dam could fail" and s.source.text == "Officials"


def test_other_tenses_and_reporting_verbs(spacy_model):
    doc = run(
        spacy_model,
        "The engineers had estimated that repairs would take a month. "
        "The insurer will confirm that the claim is valid.",
    )
    assert by_cue(doc, "had estimated").content.text == "that repairs would take a month"
    assert by_cue(doc, "will confirm").source.text == "The insurer"


def test_hedged_attribution(spacy_model):
    s = by_cue(run(spacy_model, "The minister reportedly told aides that she would resign."), "reportedly told")
    assert s.hedged and s.content.text == "that she would resign"
    s = by_cue(run(spacy_model, "The director said the plant was safe."), "said")
    assert not s.hedged


def test_according_to(spacy_model):
    doc = run(spacy_model, "The river has burst its banks in three places, according to the regional water board.")
    s = by_cue(doc, "according to")
    assert s.source.text == "the regional water board"
    assert s.content.text == "The river has burst its banks in three places"


def test_sentence_initial_according_to(spacy_model):
    s = by_cue(run(spacy_model, "According to the police, the suspect fled on foot."), "According to")
    assert s.source.text == "the police" and s.content.text == "the suspect fled on foot"


def test_relay_through_according_to(spacy_model):
    doc = run(spacy_model, "The coalition has said that its troops left the town, according to the state broadcaster.")
    said, acc = by_cue(doc, "has said"), by_cue(doc, "according to")
    assert said.via == acc.id and acc.via is None
    assert said.content.text == "that its troops left the town"
    assert acc.content.text.startswith("The coalition has said")


def test_relay_chain(spacy_model):
    text = "The agency said the rebels claimed that the bridge was destroyed, according to a local newspaper."
    doc = run(spacy_model, text)
    said, claimed, acc = by_cue(doc, "said"), by_cue(doc, "claimed"), by_cue(doc, "according to")
    assert claimed.via == said.id and said.via == acc.id


def test_passive_agent_is_the_source(spacy_model):
    s = by_cue(run(spacy_model, "The shipment was confirmed on Friday by port director Hans Meyer."), "was confirmed")
    assert s.source.text == "port director Hans Meyer" and s.content.text == "The shipment"


def test_passive_without_agent_has_no_invented_source(spacy_model):
    doc = run(spacy_model, "The residents were told that the water was safe.")
    assert all(s.source is None for s in doc._.statements if s.cue and "told" in s.cue.text)


def test_nominal_claim_that(spacy_model):
    s = by_cue(run(spacy_model, "The opposition's claim that the vote was rigged has not been proven."), "claim")
    assert s.source.text.startswith("The opposition") and s.content.text == "that the vote was rigged"


def test_in_a_statement(spacy_model):
    s = by_cue(run(spacy_model, "The company said in a statement that profits rose."), "said in a statement")
    assert s.content.text == "that profits rose"


def test_assessment_shows(spacy_model):
    s = by_cue(run(spacy_model, "The observatory's assessment shows that the glacier is shrinking."), "shows")
    assert s.source.text.startswith("The observatory") and s.content.text == "that the glacier is shrinking"


def test_appositive_source_keeps_the_whole_noun_phrase(spacy_model):
    s = by_cue(run(spacy_model, "Peter Novak, a retired engineer, said the tremors began at dawn."), "said")
    assert s.source.text == "Peter Novak, a retired engineer"


def test_non_reporting_use_is_ignored(spacy_model):
    doc = run(spacy_model, "A village called Dobra was flooded. The trucks carried rice to the camp.")
    assert doc._.statements == []


def test_object_control_infinitive_has_the_object_as_source(spacy_model):
    doc = run(spacy_model, "The senator forced Stumpf to admit that no executive had been fired.")
    s = by_cue(doc, "to admit")
    assert s.source.text == "Stumpf"


def test_a_clause_after_the_cue_wins_over_the_quote_of_the_sentence_before(spacy_model):
    text = "Clinton says the tweets are “unhinged, even for him.” She says it underscores that Trump is unfit."
    doc = run(spacy_model, text)
    s = next(st for st in doc._.statements if st.source is not None and st.source.text == "She")
    assert s.content.text.startswith("it underscores")


def test_clause_hung_below_a_phrase_after_the_cue(spacy_model):
    text = "The New York Times reported at the time that the editor conveyed to Ms. Martin that her job was safe."
    s = by_cue(run(spacy_model, text), "reported")
    assert s.source.text == "The New York Times"
    assert s.content.text == "that the editor conveyed to Ms. Martin that her job was safe"


def test_a_time_clause_after_the_cue_is_no_content(spacy_model):
    doc = run(spacy_model, "She called the radio program when she was home sick.")
    assert not [s for s in doc._.statements if s.content.text.startswith("she was home")]


def test_respond_with_takes_what_the_response_was(spacy_model):
    doc = run(spacy_model, "The mayor has responded with attacks on the council, including Friday's statement.")
    s = by_cue(doc, "has responded with")
    assert s.source.text == "The mayor" and s.content.text.startswith("attacks on the council")


def test_time_phrase_the_parse_hung_on_the_reported_clause(spacy_model):
    # the parse attaches "after the convention" to "accept" and makes it an adverbial clause
    text = "Trump said after the convention he would not accept Cruz's endorsement if it were offered."
    s = by_cue(run(spacy_model, text), "said")
    assert s.source.text == "Trump"
    assert s.content.text == "he would not accept Cruz's endorsement if it were offered"


def test_relative_word_inside_the_reported_clause(spacy_model):
    # "which" is the subject of "were accompanied", reached from "said" through its complement
    text = "He attacked rivals for accepting his donations, which he said were accompanied by favors."
    s = by_cue(run(spacy_model, text), "said")
    assert s.source.text == "he"
    assert s.content.text == "were accompanied by favors"


def test_relative_object_inside_an_infinitive(spacy_model):
    text = "She needs to raise revenue, which she plans to do primarily through a tax increase."
    s = by_cue(run(spacy_model, text), "plans")
    assert s.source.text == "she" and s.content.text == "to do primarily through a tax increase"


def test_call_on_someone_to_act(spacy_model):
    s = by_cue(run(spacy_model, "The mayor called on residents to stay home."), "called on")
    assert s.source.text == "The mayor" and s.content.text == "to stay home"


def test_gerund_object_of_a_cue_verb(spacy_model):
    s = by_cue(run(spacy_model, "The mayor has admitted using the reserve fund."), "has admitted")
    assert s.source.text == "The mayor" and s.content.text == "using the reserve fund"


def test_infinitive_after_the_addressee_parsed_as_a_purpose_clause(spacy_model):
    text = "The mayor told residents at a meeting on Monday to stay home."
    s = by_cue(run(spacy_model, text), "told")
    assert s.source.text == "The mayor" and s.content.text == "to stay home"
