import pytest

from newsledger.errors import ModelNotFound
from newsledger.nlp.pipeline import COMPONENTS, load_model


def test_components_run_in_order(nlp):
    names = [n for n in nlp.pipe_names if n.startswith("newsledger_")]
    assert names == [f"newsledger_{c}" for c in COMPONENTS]


def test_left_quote_used_as_apostrophe_is_split(nlp):
    doc = nlp.make_doc("South Korea‘s military said so.")
    assert [t.text for t in doc][:4] == ["South", "Korea", "‘s", "military"]


def test_missing_model_names_the_fix():
    with pytest.raises(ModelNotFound, match="pip install"):
        load_model("no_such_model_installed")
