"""The contract checker finds broken spans and dangling ids; valid results pass the JSON schema."""

import jsonschema

from newsledger.contract import problems, schema
from tests.test_records import TEXT, sample


def test_sample_is_valid():
    d = sample().to_dict()
    assert problems(d, TEXT) == []
    jsonschema.validate(d, schema())


def test_broken_span_and_dangling_reference_are_found():
    d = sample().to_dict()
    d["figures"][0]["start"] += 1
    d["events"][0]["place"] = "p9"
    found = problems(d, TEXT)
    assert any("figure f1" in p and "!=" in p for p in found)
    assert any("unknown place 'p9'" in p for p in found)


def test_span_outside_text():
    d = sample().to_dict()
    d["times"][0]["end"] = 10_000
    assert any("outside the text" in p for p in problems(d, TEXT))


def test_a_dangling_coordinated_party_is_found():
    d = sample().to_dict()
    d["events"][0]["co_actors"] = ["a9"]
    jsonschema.validate(d, schema())
    assert any("co_actors refers to unknown actor 'a9'" in p for p in problems(d, TEXT))
