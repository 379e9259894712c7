"""Source spans and source finding: hyphen compounds, datelines
whose place the parse made the head, gerunds after a preposition, raising verbs, quotes that
hold reported speech."""

from newsledger.components.statements.spans import DocIndex
from newsledger.components.statements.verbal import left_context_source

from .helpers import assert_spans_valid, by_cue, run


def test_hyphenated_word_not_cut_in_source(spacy_model):
    doc = run(spacy_model, "The 17-year-old student said the school had closed early.")
    s = by_cue(doc, "said")
    assert s.source.text == "The 17-year-old student"


def test_emphatic_reflexive_left_out_of_source(spacy_model):
    doc = run(spacy_model, "The governor himself said that the bridge would reopen in May.")
    assert by_cue(doc, "said").source.text == "The governor"


def test_dateline_place_parsed_as_head_is_cut(spacy_model):
    text = (
        "Ferry strike ends.\n\nCLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey "
        "said Tuesday that the plan was flawed."
    )
    doc = run(spacy_model, text)
    s = by_cue(doc, "said Tuesday")
    assert s.source.text == "Former Attorney General Michael Mukasey"
    assert_spans_valid(doc)


def test_gerund_after_preposition_takes_governing_subject(spacy_model):
    doc = run(spacy_model, "Bolton distanced himself from the movement by saying he would help the campaign.")
    s = by_cue(doc, "saying")
    assert s.source is not None and s.source.text == "Bolton"


def test_raising_verb_has_no_source(spacy_model):
    doc = run(spacy_model, "The strike appeared to gain support among older workers.")
    s = by_cue(doc, "appeared")
    assert s.source is None and s.certainty == "probable"


def test_quote_holding_reported_speech_is_a_statement(spacy_model):
    # the inner "said" is speech the quote's speaker reports: the quote must still be kept as
    # a statement, and the inner one lies inside its content (relayed through it)
    text = (
        "The council met on Monday.\n\n“We asked the minister twice. He said, ‘There is no money "
        "for the bridge,’ and that was the end of it.”"
    )
    doc = run(spacy_model, text)
    inner = by_cue(doc, "said")
    outer = [s for s in doc._.statements if s.cue is None and s.content.start < inner.cue.start < s.content.end]
    assert outer, [(s.cue and s.cue.text, s.content.text) for s in doc._.statements]
    assert_spans_valid(doc)


def test_maintain_with_object_is_not_a_statement(spacy_model):
    doc = run(spacy_model, "Clinton maintains a wide lead over Sanders among older voters.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text == "maintains"]


def test_maintain_with_clause_is_a_statement(spacy_model):
    doc = run(spacy_model, "Clinton maintains that she never sent classified material.")
    s = by_cue(doc, "maintains")
    assert s.source.text == "Clinton" and "never sent" in s.content.text


def test_gerund_cue_holds_the_verb_it_is_the_means_of(spacy_model):
    doc = run(spacy_model, "When he returned, the judge began by saying that the case was closed.")
    s = by_cue(doc, "began by saying")
    assert s.source.text == "the judge" and s.content.text == "that the case was closed"


def test_fallback_source_is_the_last_piece_that_names_someone(spacy_model):
    doc = spacy_model("At a rally in St. Clairsville, Ohio, 62-year-old Brenda Johnson railed against it.")
    cue = next(t.i for t in doc if t.text == "railed")
    (lo, hi), _ = left_context_source(DocIndex(doc), (cue, cue + 1))
    assert doc[lo:hi].text == "62-year-old Brenda Johnson"
    doc = spacy_model("Jane Roe, a local user, wrote it.")
    cue = next(t.i for t in doc if t.text == "wrote")
    (lo, hi), _ = left_context_source(DocIndex(doc), (cue, cue + 1))
    assert doc[lo:hi].text == "Jane Roe, a local user"
