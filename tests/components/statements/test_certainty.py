from .helpers import by_cue, run


def cert(spacy_model, text, cue):
    return by_cue(run(spacy_model, text), cue).certainty


def test_asserted(spacy_model):
    assert cert(spacy_model, "The union said the talks ended.", "said") == "asserted"


def test_probable(spacy_model):
    assert cert(spacy_model, "Analysts said the currency will likely fall further.", "said") == "probable"
    assert cert(spacy_model, "Officials said the ferry is expected to return.", "said") == "probable"
    assert cert(spacy_model, "Officials said the ferry will probably return.", "said") == "probable"


def test_possible(spacy_model):
    assert cert(spacy_model, "The union said the talks may collapse.", "said") == "possible"
    assert (
        cert(spacy_model, "The general did not rule out that more troops could be sent.", "did not rule out")
        == "possible"
    )
    assert cert(spacy_model, "The report said the dam could possibly fail.", "said") == "possible"


def test_denied(spacy_model):
    assert cert(spacy_model, "The ministry denied that any soldiers had crossed the border.", "denied") == "denied"
    assert cert(spacy_model, "The ministry rejected claims that it hid the report.", "rejected") == "denied"
    assert cert(spacy_model, "The mayor dismissed reports that she would resign.", "dismissed") == "denied"
