"""Attributions the verb's parse does not hand over: a cue ending its paragraph on a colon, a
trailing "…, records show." after the sentence's last comma, a study that finds a noun phrase, a
count of people polled as the speaker, and verbless "X:" headlines naming a surname or a poll."""

from newsledger.components.statements.lexicon import StatementLexicon
from newsledger.components.statements.spans import DocIndex
from newsledger.components.statements.verbal import paragraph_after_colon

from .helpers import assert_spans_valid, by_cue, run


def test_colon_at_paragraph_end_reports_the_next_paragraph(spacy_model):
    doc = run(spacy_model, "The spokesman said:\nThe army will withdraw from the town by Friday.")
    assert_spans_valid(doc)
    st = by_cue(doc, "said:")
    assert st.source.text == "The spokesman"
    assert st.content.text == "The army will withdraw from the town by Friday"


def test_colon_inside_a_paragraph_is_not_the_next_paragraph(spacy_model):
    doc = run(spacy_model, "He said: no.\nThe army will withdraw from the town by Friday.")
    assert all("withdraw" not in s.content.text for s in doc._.statements if s.source is not None)


def test_a_study_finds_a_noun_phrase(spacy_model):
    text = (
        "A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents of voter "
        "impersonation out of more than a billion ballots cast."
    )
    st = by_cue(run(spacy_model, text), "found")
    assert st.source.text.startswith("A 2014 study")
    assert st.content.text.startswith("31 incidents")


def test_a_person_finding_an_object_is_no_statement(spacy_model):
    doc = run(spacy_model, "Police found the car near the border on Monday.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text == "found"]


def test_trailing_records_show(spacy_model):
    text = (
        "That’s why Bush had to lend his campaign hundreds of thousands of dollars last month, "
        "fundraising documents show."
    )
    st = by_cue(run(spacy_model, text), "show")
    assert st.source.text == "fundraising documents"
    assert st.content.text.startswith("That’s why Bush had to lend")


def test_coordinated_clause_is_no_trailing_attribution(spacy_model):
    text = "The Europeans derided the deal as toothless, but Mr. Obama learned from the experience."
    doc = run(spacy_model, text)
    assert not [s for s in doc._.statements if s.source is not None and "Obama" in s.source.text]


def test_count_of_people_polled_is_the_speaker(spacy_model):
    st = by_cue(run(spacy_model, "About 4 in 10 say they want the next president to be tougher."), "say")
    assert st.source is not None and st.source.text == "About 4 in 10"


def test_headline_surname_and_poll(spacy_model):
    doc = run(spacy_model, "Lynch: No outside influence on FBI probe into Clinton emails.\n\nThe hearing ended.")
    assert [s.source.text for s in doc._.statements if s.cue.text == ":"] == ["Lynch"]
    doc = run(spacy_model, "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nIt was taken.")
    assert [s.source.text for s in doc._.statements if s.cue.text == ":"] == ["Poll"]


def test_according_to_a_phrase_the_parse_took_for_a_verb(spacy_model):
    text = (
        "Donald Trump repeatedly demeaned women with sexist language, according to show insiders. "
        "They said he rated female contestants by their looks."
    )
    doc = run(spacy_model, text)
    st = by_cue(doc, "according to")
    assert st.source.text == "show insiders"
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text == "show"]
    assert by_cue(doc, "said").source.refers_to.text == "show insiders"


def test_a_lawsuit_challenging_a_law_is_no_statement_of_its_filer(spacy_model):
    doc = run(spacy_model, "The Ohio coalition filed suit challenging the law in federal court.")
    assert not [s for s in doc._.statements if s.source is not None and "coalition" in s.source.text]
    doc = run(spacy_model, "The City Council approved a resolution condemning the remarks.")
    condemning = [s for s in doc._.statements if s.cue is not None and "condemning" in s.cue.text]
    assert condemning and condemning[0].source.text == "The City Council"


def test_bare_time_phrase_after_the_speaker_is_not_the_speaker(spacy_model):
    doc = run(spacy_model, "Trump this week also said he would consider naming Mike Lee to the court.")
    assert by_cue(doc, "also said").source.text == "Trump"


def test_colon_does_not_take_a_paragraph_with_its_own_attribution(spacy_model):
    lex = StatementLexicon.load()
    for text, taken in (
        ("The spokesman said:\nThe army will withdraw from the town by Friday.", True),
        ("The spokesman said:\nThe army will withdraw, the general told reporters.", False),
    ):
        doc = spacy_model(text)
        idx = DocIndex(doc)
        v = doc[2]
        assert v.text == "said"
        got = paragraph_after_colon(idx, v, (0, 4), "qcp", lex)
        assert (got is not None) == taken, text


def test_inverted_trailing_attribution_the_parse_took_for_an_object(spacy_model):
    for text, cue, source in (
        ("The deal collapsed on Monday, reports USA Today.", "reports", "USA Today"),
        ("The deal collapsed on Monday, reported the Associated Press.", "reported", "the Associated Press"),
        ("Talks stalled, reported Interfax on Tuesday.", "reported", "Interfax"),
    ):
        doc = run(spacy_model, text)
        assert_spans_valid(doc)
        st = by_cue(doc, cue)
        assert st.source is not None and st.source.text == source, text
        assert st.content.text == text.split(",")[0], text


def test_a_second_verb_with_an_object_is_no_inverted_attribution(spacy_model):
    doc = run(spacy_model, "The army advanced, reported heavy losses.")
    assert not [s for s in doc._.statements if s.source is not None and s.source.text == "heavy losses"]


def test_quote_after_a_closed_sentence_with_its_own_attribution_is_not_the_earlier_cues(spacy_model):
    text = 'Donald Trump disagreed. "We will win Ohio," Mook said. "She is ahead," he added.'
    doc = run(spacy_model, text)
    assert_spans_valid(doc)
    by_content = {s.content.text: s.source.text for s in doc._.statements if s.source is not None}
    assert by_content == {'"We will win Ohio,"': "Mook", '"She is ahead,"': "he"}


def test_quote_after_a_closed_sentence_without_attribution_keeps_the_cue(spacy_model):
    doc = run(spacy_model, 'The minister disagreed. "We will win Ohio."')
    st = by_cue(doc, "disagreed")
    assert st.content.text.startswith('"We will win Ohio')


def test_parenthetical_reporting_clause_reports_the_predicate_after_it(spacy_model):
    for text, cue, source, content in (
        (
            "These employees, Stumpf explained earlier in the committee hearing, were well-paid.",
            "explained earlier",
            "Stumpf",
            "were well-paid",
        ),
        (
            "Hawaii, as one of Mr. Obama's climate advisers pointed out, normally does not get hurricanes.",
            "pointed out",
            "one of Mr. Obama's climate advisers",
            "normally does not get hurricanes",
        ),
    ):
        doc = run(spacy_model, text)
        assert_spans_valid(doc)
        st = by_cue(doc, cue)
        assert (st.source.text, st.content.text) == (source, content), text


def test_a_clause_before_the_commas_is_no_parenthesis(spacy_model):
    # "The troops will withdraw, officials said, ..." is a trailing report of the clause before
    doc = run(spacy_model, "The troops will withdraw by Friday, officials said, adding that talks would resume.")
    st = by_cue(doc, "said")
    assert st.content.text == "The troops will withdraw by Friday"


def test_a_relative_clause_without_relative_word_has_its_noun_as_speaker(spacy_model):
    doc = run(spacy_model, "That is a small fraction of the $20 million experts say it costs to run.")
    st = by_cue(doc, "say")
    assert st.source is not None and st.source.text == "experts"


def test_a_participle_after_a_noun_makes_it_no_speaker(spacy_model):
    doc = run(spacy_model, "It is the latest in a series of policy speeches designed to offer an affirmative message.")
    assert not [s for s in doc._.statements if s.source is not None and "speeches" in s.source.text]


def test_no_parenthesis_in_a_relative_clause_or_a_coordination(spacy_model):
    doc = run(spacy_model, "The 2020 Sentra, which goes on sale in late January, loses the old upright look.")
    assert not [s for s in doc._.statements if s.source is not None and s.source.text == "which"]
    doc = run(spacy_model, "After that, Ford wrote, and wrote, and wrote.")
    assert not [s for s in doc._.statements if s.content.text.startswith("wrote")]


def test_trailing_attribution_keeps_its_clause_when_a_quote_with_its_own_attribution_follows(spacy_model):
    text = (
        "Computers and electronic devices have seen impacts, too, said Mary E. Lovely, a Syracuse University "
        'economist. "About 36% of imports from China are computers," she said.'
    )
    doc = run(spacy_model, text)
    assert_spans_valid(doc)
    lovely = [s for s in doc._.statements if s.source is not None and s.source.text.startswith("Mary E. Lovely")]
    assert [s.content.text for s in lovely] == ["Computers and electronic devices have seen impacts, too"]


def test_lets_say_is_a_supposition_not_a_statement(spacy_model):
    doc = run(spacy_model, "Let's say you think a degree will cost $160,000 in 18 years.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text == "say"]
    assert by_cue(run(spacy_model, "Officials say the plan works."), "say").source.text == "Officials"


def test_per_reads_as_according_to_but_not_as_a_rate(spacy_model):
    st = by_cue(run(spacy_model, "The death toll rose to 40, per the health ministry."), "per")
    assert (st.source.text, st.content.text) == ("the health ministry", "The death toll rose to 40")
    st = by_cue(run(spacy_model, "Per Reuters, the talks collapsed on Monday."), "Per")
    assert st.source.text == "Reuters"
    doc = run(spacy_model, "Oil rose to $80 per barrel, the highest since May.")
    assert not [s for s in doc._.statements if s.cue is not None and s.cue.text == "per"]


def test_content_stops_before_a_clause_with_its_own_speaker(spacy_model):
    text = (
        "Lynch said the nonstop demands sometimes erase the barriers that women face, though she noted "
        "clients are beginning to demand diverse legal teams."
    )
    doc = run(spacy_model, text)
    assert_spans_valid(doc)
    assert by_cue(doc, "said").content.text == "the nonstop demands sometimes erase the barriers that women face"
    assert by_cue(doc, "noted").source.text == "she"
    text = "Patriot chose to file in Richmond, where restructuring experts say some judges are eager to move cases."
    doc = run(spacy_model, text)
    assert by_cue(doc, "chose").content.text == "to file in Richmond"
    assert by_cue(doc, "say").source.text == "restructuring experts"
