import pytest

from newsledger.errors import ModelNotFound
from newsledger.nlp.pipeline import COMPONENTS, load_model


def test_components_run_in_order(nlp):
    names = [n for n in nlp.pipe_names if n.startswith("newsledger_")]
    assert names == ["newsledger_paragraphs"] + [f"newsledger_{c}" for c in COMPONENTS]
    assert nlp.pipe_names.index("newsledger_paragraphs") < nlp.pipe_names.index("parser")


def test_left_quote_used_as_apostrophe_is_split(nlp):
    doc = nlp.make_doc("South Korea‘s military said so.")
    assert [t.text for t in doc][:4] == ["South", "Korea", "‘s", "military"]


def test_missing_model_names_the_fix():
    with pytest.raises(ModelNotFound, match="pip install"):
        load_model("no_such_model_installed")


def test_paragraph_break_starts_a_sentence(nlp):
    doc = nlp("What To Know\nSouth Korea's military said troops were sent.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "South" in starts


@pytest.mark.parametrize(
    "text",
    [
        "One.\n\nTwo three.\nFour five\n",
        "\nLeading break.\r\nWindows line.  \n  Indented\tline\n\n\n",
        "No break at all.",
        "Glued\nwords and a trailing break\n",
        "",
    ],
)
def test_paragraphs_mark_the_token_after_every_newline(text):
    import spacy

    from newsledger.nlp.pipeline import paragraphs

    doc = spacy.blank("en")(text)
    expected = [i for i in range(1, len(doc)) if "\n" in doc[i - 1].text_with_ws]
    paragraphs(doc)
    assert [t.i for t in doc[1:] if t.is_sent_start] == expected
