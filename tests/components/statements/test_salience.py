"""Pronoun and short-reference sources resolved by salience: the nearest earlier compatible source
(gender, number, person or group), not the last person mentioned; source.refers_to names it."""

from newsledger.components.statements.lexicon import StatementLexicon
from newsledger.components.statements.sources.traits import TraitReader, Traits, compatible

from .helpers import assert_spans_valid, by_cue, run


def refers_to(doc, cue):
    s = by_cue(doc, cue)
    return s.source.refers_to.text if s.source.refers_to is not None else None


def test_quote_pronoun_goes_to_the_quoted_governor_not_the_chief_mentioned_between(spacy_model):
    text = (
        "Governor Vitaliy Kim said the strike hit the regional administration building. "
        "Police chief Ivan Petrov arrived at the scene with rescue teams. "
        '"At least 40 were killed and the wounded number close to 300," he said.'
    )
    doc = run(spacy_model, text)
    assert_spans_valid(doc)
    quoted = [s for s in doc._.statements if s.source is not None and s.source.text == "he"]
    assert quoted and quoted[0].source.refers_to.text == "Governor Vitaliy Kim"


def test_she_skips_a_nearer_male_source(spacy_model):
    text = (
        "Mayor Anna Kovalenko said the city had no power. Her deputy, Petro Shevchenko, said engineers "
        'were working through the night. "We have lost 60 per cent of our capacity," she told reporters.'
    )
    assert refers_to(run(spacy_model, text), "told") == "Mayor Anna Kovalenko"


def test_he_skips_a_nearer_male_source_when_the_surname_is_known_female(spacy_model):
    # "Ms. Novak" teaches the document that Novak is a woman, so the bare "Novak" is no "he"
    text = (
        "Mr. Daniel Hart, the minister, said the talks would resume. Ms. Novak, an adviser, said nothing "
        'was agreed. Novak said the draft was weak. "We need more time," he said.'
    )
    doc = run(spacy_model, text)
    last = [s for s in doc._.statements if s.source is not None and s.source.text == "he"][-1]
    assert "Hart" in last.source.refers_to.text


def test_they_goes_to_a_plural_source_not_a_single_person(spacy_model):
    text = (
        "Top black lawmakers said the remarks were an insult. Mr. Trump has not replied. "
        '"This is a disgrace," they said.'
    )
    doc = run(spacy_model, text)
    they = [s for s in doc._.statements if s.source is not None and s.source.text == "they"]
    assert they and they[0].source.refers_to.text == "Top black lawmakers"


def test_short_reference_repeats_an_unnamed_source(spacy_model):
    text = (
        "A military spokesman said two missiles hit the port. Officials in Kyiv said the strike was the "
        "largest this month. Casualties are still being counted, the spokesman told reporters."
    )
    assert refers_to(run(spacy_model, text), "told") == "A military spokesman"


def test_pronoun_in_the_speakers_own_clause(spacy_model):
    text = (
        "Senator Maria Lopez said the bill would pass. Later that day Hillary Clinton said she "
        "believes the compromise is fair."
    )
    doc = run(spacy_model, text)
    inner = [s for s in doc._.statements if s.source is not None and s.source.text == "she"]
    assert inner and inner[0].source.refers_to.text == "Hillary Clinton"


def test_a_name_has_no_refers_to(spacy_model):
    doc = run(spacy_model, "The Red Cross said the camp needs water.")
    assert by_cue(doc, "said").source.refers_to is None


def test_traits_from_honorific_given_name_and_noun(spacy_model):
    lex = StatementLexicon.load()
    doc = spacy_model("Ms. Novak met Volodymyr Zelensky and the spokeswoman and two officials and the report.")
    reader = TraitReader(doc, lex)

    def at(word, n=1):
        i = next(t.i for t in doc if t.text == word)
        return reader.traits((i - n + 1, i + 1), doc[i])

    assert at("Novak", 2).gender == "f"
    assert at("Zelensky", 2).gender == "m"
    assert at("spokeswoman").gender == "f" and at("spokeswoman").person
    assert at("officials").plural and at("officials").person
    assert at("report").person is False
    he, they, it = Traits(True, "m", False), Traits(False, None, True), Traits(False, None, False)
    assert not compatible(he, at("Novak", 2)) and compatible(he, at("Zelensky", 2))
    assert compatible(they, at("officials")) and not compatible(they, at("Zelensky", 2))
    assert compatible(it, at("report")) and not compatible(it, at("spokeswoman"))


def test_a_description_is_never_resolved_to_a_place(spacy_model):
    text = "Israeli jets struck 40 targets in Gaza overnight, the army said."
    ref = refers_to(run(spacy_model, text), "said")
    assert ref != "Gaza"


def test_trailing_attribution_covers_the_whole_sentence(spacy_model):
    text = (
        "Two villages were captured. At least 40 people were killed and 300 wounded, "
        "a military spokesman told reporters."
    )
    s = by_cue(run(spacy_model, text), "told")
    assert s.source.text == "a military spokesman"
    assert s.content.text == "At least 40 people were killed and 300 wounded"


def test_speaker_is_never_named_inside_their_own_quote(spacy_model):
    text = (
        "Mr. Obama immersed himself in the scientific literature. "
        '"My top science adviser, John Holdren, sends me a chart every morning," he said.'
    )
    doc = run(spacy_model, text)
    he = [s for s in doc._.statements if s.source is not None and s.source.text == "he"]
    assert he and "Obama" in he[0].source.refers_to.text


def test_paragraph_opening_on_a_person_outweighs_the_speaker_of_the_paragraph_before(spacy_model):
    text = (
        '"There is real doubt whether the congressman can raise money," said Quentin Kidd, a political scientist.\n\n'
        "Representative Bobby Scott has held the seat since 1993 and runs unopposed this year. "
        '"I have raised all I needed to win 70 percent of the vote," he said.'
    )
    doc = run(spacy_model, text)
    he = [s for s in doc._.statements if s.source is not None and s.source.text == "he"]
    assert he and "Scott" in he[-1].source.refers_to.text


def test_short_name_matches_only_the_name_of_an_earlier_speaker(spacy_model):
    text = (
        "Luis Rubio, who heads a research centre in Mexico City, said the talks would fail. "
        "Mexico said on Monday that it would not respond."
    )
    doc = run(spacy_model, text)
    mexico = [s for s in doc._.statements if s.source is not None and s.source.text == "Mexico"]
    assert mexico and mexico[0].source.refers_to is None


def test_honorific_teaches_the_surname_gender(spacy_model):
    # "Mr. Trump" makes Trump a man, so the later "she" skips the nearer "Trump said"
    text = (
        "Mrs. Clinton said the plan was fair. Tax experts praised provisions that hit people like Mr. Trump. "
        'Trump said the plan was a disaster. "It is a start," she said.'
    )
    doc = run(spacy_model, text)
    last = [s for s in doc._.statements if s.source is not None and s.source.text == "she"][-1]
    assert "Clinton" in last.source.refers_to.text


def test_nationality_ending_in_man_tells_no_gender(spacy_model):
    text = (
        "French President Hollande said the talks had been hard. "
        '"We are in a critical situation," German Chancellor Angela Merkel told reporters. '
        "She said leaders had agreed on a plan."
    )
    doc = run(spacy_model, text)
    she = [s for s in doc._.statements if s.source is not None and s.source.text == "She"]
    assert she and "Merkel" in she[0].source.refers_to.text


def test_possessor_title_does_not_gender_the_possessed_noun():
    lex = StatementLexicon.load()
    import spacy

    nlp = spacy.blank("en")
    doc = nlp("Mr. Obama's bet is safe")
    for t, pos, dep, head in zip(
        doc,
        ["PROPN", "PROPN", "PART", "NOUN", "AUX", "ADJ"],
        ["compound", "poss", "case", "nsubj", "ROOT", "acomp"],
        [1, 3, 1, 4, 4, 4],
        strict=True,
    ):
        t.pos_, t.dep_, t.head = pos, dep, doc[head]
    doc[2].tag_ = "POS"
    tr = TraitReader(doc, lex).traits((0, 4), doc[3])
    assert tr.gender is None
    assert not compatible(Traits(True, "m", False), tr)


def test_pronoun_after_an_opening_adverb_continues_the_sentence_before(spacy_model):
    text = "Kim Lee, the minister, spoke to Ivan Petrov on Monday. On Tuesday, she said the talks had failed."
    assert refers_to(run(spacy_model, text), "said") == "Kim Lee"


def test_it_names_a_body_the_tagger_gave_no_entity_type(spacy_model):
    text = (
        "Many leaders share these apprehensions, but the Central and East European Coalition wants to "
        "preserve its policy. Recently, however, it issued a paper saying the alliance must stay strong."
    )
    doc = run(spacy_model, text)
    assert_spans_valid(doc)
    its = [s for s in doc._.statements if s.source is not None and s.source.text == "it"]
    assert its and all(s.source.refers_to.text == "the Central and East European Coalition" for s in its)


def test_a_named_body_is_a_group_for_they_and_it():
    lex = StatementLexicon.load()
    assert lex.anaphors.get("coalition") == "group" and lex.anaphors.get("commission") == "group"
    assert compatible(Traits(False, None, False), Traits(False, None, False, group=True))
