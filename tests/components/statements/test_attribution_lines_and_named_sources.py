"""Source spans and source finding: comma-led participle clauses
left out of the source, attribution lines ("― Name"),
named modifiers of cue nouns, "according to" sources glued to the clause."""

from .helpers import assert_spans_valid, by_cue, run


def test_participle_clause_left_out_of_source(spacy_model):
    doc = run(spacy_model, "Trump, speaking to a veterans group in Virginia, said the system was broken.")
    s = by_cue(doc, "said")
    assert s.source.text == "Trump"


def test_including_clause_kept_in_source(spacy_model):
    doc = run(spacy_model, "Several senators, including Mr. Grassley, said the vote would be delayed.")
    s = by_cue(doc, "said")
    assert s.source.text.startswith("Several senators") and "Grassley" in s.source.text


def test_attribution_line_after_quote(spacy_model):
    text = (
        "Readers sent us their thoughts.\n\n“The debate showed who he really is. He never answered "
        "a single question.” ― Maria Lopez\n“We deserve a better choice than this one.” ― John Carter"
    )
    doc = run(spacy_model, text)
    by_source = {s.source.text: s for s in doc._.statements if s.source is not None}
    assert "Maria Lopez" in by_source and "John Carter" in by_source
    assert by_source["John Carter"].content.text.startswith("“We deserve")
    assert by_source["John Carter"].direct
    assert_spans_valid(doc)


def test_dash_before_lowercase_is_no_attribution_line(spacy_model):
    doc = run(spacy_model, "“We deserve a better choice than this one,” ― and then the crowd cheered loudly.")
    assert not [s for s in doc._.statements if s.source is not None and "crowd" in s.source.text]


def test_named_modifier_of_cue_noun_is_source(spacy_model):
    doc = run(spacy_model, "Clinton seized on a New York Times report that Trump had lost $915 million in 1995.")
    s = by_cue(doc, "report")
    assert s.source is not None and s.source.text == "a New York Times"


def test_continuing_participle_takes_the_reports_source(spacy_model):
    text = (
        "“We are looking at the needs of the American people, and that is insane,” Sanders said, "
        "going on to say that the country had spent years fighting racism."
    )
    doc = run(spacy_model, text)
    s = by_cue(doc, "going on to say")
    assert s.source is not None and s.source.text == "Sanders"


def test_according_to_source_glued_to_clause(spacy_model):
    doc = run(spacy_model, "According to radio host Mark Levin, the plan reeks of panic and desperation.")
    s = by_cue(doc, "According to")
    assert s.source.text == "radio host Mark Levin"
    assert s.content.text.startswith("the plan reeks")


def test_according_to_phrase_gives_back_the_main_clause_subject(spacy_model):
    text = (
        "According to early results of exit polls conducted for the Associated Press by Edison Research, "
        "majorities of Democratic voters in Alabama and Georgia want a continuation of the president's policies."
    )
    s = by_cue(run(spacy_model, text), "According to")
    assert s.source.text == "early results of exit polls conducted for the Associated Press by Edison Research"
    assert s.content.text.startswith("majorities of Democratic voters")
