"""Direct quotes: marks, colon introductions, split quotes, floating and speakerless quotes."""

from .helpers import assert_spans_valid, by_cue, run


def test_quote_before_cue(spacy_model):
    doc = run(spacy_model, "“We will rebuild the bridge by spring,” the mayor said.")
    s = by_cue(doc, "said")
    assert s.direct and s.source.text == "the mayor"
    assert s.content.text == "“We will rebuild the bridge by spring,”"


def test_straight_quotes(spacy_model):
    doc = run(spacy_model, '"The pumps are running again," the engineer said.')
    s = by_cue(doc, "said")
    assert s.direct and s.content.text == '"The pumps are running again,"'


def test_quote_introduced_by_colon(spacy_model):
    doc = run(spacy_model, "The council said: “Water supplies are safe.”")
    s = doc._.statements[0]
    assert s.direct and s.source.text == "The council"
    assert s.cue.text.startswith("said") and s.content.text == "“Water supplies are safe.”"


def test_quote_split_by_cue_with_adding(spacy_model):
    doc = run(spacy_model, "“The roads are closed,” the agency wrote, adding, “Travel only if you must.”")
    wrote, adding = by_cue(doc, "wrote"), by_cue(doc, "adding")
    assert wrote.content.text == "“The roads are closed,”"
    assert adding.content.text == "“Travel only if you must.”"
    assert adding.source.text == "the agency"  # inherited from the governing verb
    assert len(doc._.statements) == 2


def test_quote_over_two_paragraphs(spacy_model):
    text = "The inspector said: “The first wall is cracked.\n“The second wall must be rebuilt.”\n"
    s = run(spacy_model, text)._.statements[0]
    assert s.source.text == "The inspector"
    assert s.content.text == "“The first wall is cracked.\n“The second wall must be rebuilt.”"


def test_floating_quote_paragraph_inherits_previous_speaker(spacy_model):
    text = "The council said: “Water supplies are safe.”\n“Testing continues every day.”\n"
    doc = run(spacy_model, text)
    floating = [s for s in doc._.statements if s.content.text == "“Testing continues every day.”"]
    assert floating and floating[0].direct and floating[0].cue is None
    assert floating[0].source.text == "The council"


def test_quote_without_speaker_is_kept_with_no_source(spacy_model):
    doc = run(spacy_model, "Nobody claimed it. “The water will come back before the harvest ends.”")
    quotes = [s for s in doc._.statements if s.direct]
    assert quotes and quotes[0].source is None
    assert_spans_valid(doc)


def test_short_scare_quote_is_not_a_statement(spacy_model):
    doc = run(spacy_model, "The so-called “peace plan” was published on Monday.")
    assert doc._.statements == []


def test_speaker_colon_without_verb(spacy_model):
    doc = run(spacy_model, "Mayor Jana Horak: “The floods will not stop us.”")
    s = doc._.statements[0]
    assert s.source.text == "Mayor Jana Horak" and s.cue.text == ":" and s.direct


def test_a_quote_closed_by_a_full_stop_is_not_the_next_sentences_report(spacy_model):
    text = (
        "She says the senator represents the “same rigged system that he claims he is going to change.” "
        "She adds, “What kind of genius loses a billion dollars in a single year?”"
    )
    doc = run(spacy_model, text)
    assert_spans_valid(doc)
    adds = by_cue(doc, "adds")
    assert adds.content.text.startswith("“What kind of genius")
    assert "rigged" not in adds.content.text
    assert by_cue(doc, "says").source.text == "She"


def test_a_quote_closed_by_a_comma_is_the_report_of_the_cue_after_it(spacy_model):
    doc = run(spacy_model, "“The bridge will reopen in May,” she said.")
    assert "bridge will reopen" in by_cue(doc, "said").content.text
