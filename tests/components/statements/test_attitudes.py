"""Cues beyond reporting verbs: predicative adjectives of attitude, light verbs with cue nouns,
agentless passives, "as" complements, answers, headline and transcript colons, datelines,
reduced passives and coordinated reports."""

from .helpers import assert_spans_valid, by_cue, run


def texts(doc):
    return [(s.source and s.source.text, s.cue and s.cue.text, s.content.text) for s in doc._.statements]


def test_adjective_with_preposition(spacy_model):
    s = by_cue(run(spacy_model, "The fishermen are worried about the new quota."), "are worried about")
    assert s.source.text == "The fishermen" and s.content.text == "the new quota"
    assert s.certainty == "possible"


def test_adjective_with_that_clause(spacy_model):
    s = by_cue(run(spacy_model, "The mayor is confident that the bridge will open in May."), "is confident")
    assert s.source.text == "The mayor" and s.content.text == "that the bridge will open in May"


def test_impersonal_adjective_is_no_statement(spacy_model):
    doc = run(spacy_model, "It is clear that the bridge will open in May.")
    assert not [s for s in doc._.statements if s.cue is not None and "clear" in s.cue.text]


def test_agentless_passive_keeps_subject_in_content(spacy_model):
    s = by_cue(run(spacy_model, "The harbour master is expected to resign next week."), "is expected")
    assert s.source is None
    assert s.content.text == "The harbour master is expected to resign next week"


def test_light_verb_with_cue_noun(spacy_model):
    s = by_cue(run(spacy_model, "The union made the case that the levy was unfair."), "made the case")
    assert s.source.text == "The union" and s.content.text == "that the levy was unfair"
    s = by_cue(run(spacy_model, "The mayor raised concerns about the ferry timetable."), "raised concerns about")
    assert s.source.text == "The mayor" and s.content.text == "the ferry timetable"


def test_make_it_clear(spacy_model):
    s = by_cue(run(spacy_model, "The minister made it clear that the port would stay open."), "made it clear")
    assert s.source.text == "The minister" and s.content.text == "that the port would stay open"


def test_call_for_with_clause(spacy_model):
    s = by_cue(run(spacy_model, "The council is calling for the operator to cut fares."), "is calling for")
    assert s.source.text == "The council" and s.content.text == "the operator to cut fares"


def test_object_with_as_complement(spacy_model):
    s = by_cue(run(spacy_model, "Most residents see the new bridge as a waste of money."), "see")
    assert s.source.text == "Most residents" and s.content.text == "the new bridge as a waste of money"


def test_answer_word_is_content(spacy_model):
    doc = run(spacy_model, "Asked whether the ferry would run, 60 percent of the residents said no.")
    s = by_cue(doc, "said")
    assert s.content.text == "no" and s.source.text == "60 percent of the residents"


def test_reduced_passive_has_no_source(spacy_model):
    doc = run(spacy_model, "Asked about the levy, the harbour master said it was fair.")
    asked = [s for s in doc._.statements if s.cue is not None and s.cue.text.startswith("Asked")]
    assert asked and all(s.source is None for s in asked)
    assert by_cue(doc, "said").source.text == "the harbour master"


def test_headline_colon_without_verb(spacy_model):
    doc = run(spacy_model, "Ramirez: No new taxes on the harbour this year.\n\nThe mayor spoke on Monday.")
    s = by_cue(doc, ":")
    assert s.source.text == "Ramirez" and s.content.text.startswith("No new taxes")


def test_transcript_speaker_tag(spacy_model):
    doc = run(spacy_model, "Transcript:\n\nOKAFOR: Well, I think the whole town needs to work together.")
    s = by_cue(doc, ":")
    assert s.source.text == "OKAFOR" and s.content.text.startswith("Well, I think")


def test_dateline_is_not_part_of_the_source(spacy_model):
    doc = run(spacy_model, "LISBON (Reuters) - Port director Ana Costa said on Friday the strike was over.")
    assert by_cue(doc, "said").source.text == "Port director Ana Costa"


def test_coordinated_report_ends_the_content(spacy_model):
    doc = run(spacy_model, "He said the ferry was late and called the delay unacceptable.")
    assert "called" not in by_cue(doc, "said").content.text
    assert by_cue(doc, "called").source.text == "He"


def test_channel_verb_joins_the_cue(spacy_model):
    doc = run(spacy_model, "The ministry issued a statement saying the talks had failed.")
    s = by_cue(doc, "issued a statement saying")
    assert s.source.text == "The ministry" and s.content.text == "the talks had failed"


def test_as_clause_reports_the_main_clause(spacy_model):
    s = by_cue(run(spacy_model, "As the Herald reported on Friday, the mayor refused to resign."), "reported")
    assert s.source.text == "the Herald" and s.content.text == "the mayor refused to resign"


def test_said_so(spacy_model):
    s = by_cue(run(spacy_model, "In March, 55 percent of the residents said so."), "said")
    assert s.content.text == "so" and s.source.text == "55 percent of the residents"


def test_relative_word_is_the_object_content(spacy_model):
    s = by_cue(run(spacy_model, "The levy, which the union strongly opposes, passed on Monday."), "strongly opposes")
    assert s.source.text == "the union" and s.content.text == "which"


def test_passive_with_agent_of_a_transitive_cue(spacy_model):
    s = by_cue(run(spacy_model, "The mayor, who is criticized by the union, resigned on Monday."), "is criticized by")
    assert s.source.text == "the union" and s.content.text == "who"


def test_quoted_transcript_tags_each_claim_their_turn(spacy_model):
    # a transcript quoted paragraph by paragraph: each paragraph opens with a mark, none closes
    text = (
        "Partial transcript as follows:\n\n"
        '"HOST: Will the mayor attend the debate tomorrow night?\n\n'
        '"OKAFOR: Well, look, the mayor will not attend. She has a council meeting.\n\n'
        '"And the council meeting was called weeks ago by the governor.\n\n'
        '"(CROSSTALK.)\n\n'
        '"HOST: Our time is up, Governor.'
    )
    doc = run(spacy_model, text)
    assert_spans_valid(doc)
    tags = [s for s in doc._.statements if s.cue is not None and s.cue.text == ":"]
    assert [s.source.text for s in tags] == ["HOST", "OKAFOR", "HOST"]
    turn = tags[1].content.text
    assert turn.startswith("Well, look") and turn.endswith("by the governor")  # the untagged paragraph is her turn
    assert "CROSSTALK" not in turn
    assert not any(s.source is not None and s.source.text == "it" for s in doc._.statements)
