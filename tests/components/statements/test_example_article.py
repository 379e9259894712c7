"""The worked example article (published 2024-12-23), read from ../shared/data."""

import pytest

from .helpers import assert_spans_valid, run


@pytest.fixture(scope="module")
def doc(spacy_model, example_text):
    return run(spacy_model, example_text)


def find(doc, cue=None, source=None, content=None):
    for s in doc._.statements:
        if cue is not None and (s.cue is None or s.cue.text != cue):
            continue
        if source is not None and (s.source is None or source not in s.source.text):
            continue
        if content is not None and content not in s.content.text:
            continue
        return s
    raise AssertionError(f"no statement cue={cue!r} source={source!r} content={content!r}")


def test_opening_statement_relayed_by_yonhap(doc):
    mil = find(doc, cue="has said", content="North Korea is preparing to deploy more troops")
    assert mil.source.text.endswith("military") and mil.source.text.startswith("South Korea")
    assert not mil.direct
    yonhap = find(doc, cue="according to", source="Yonhap News Agency")
    assert mil.via == yonhap.id
    assert "has said" in yonhap.content.text


def test_jcs_colon_quote_is_direct(doc):
    s = find(doc, source="The JCS", content="A comprehensive assessment of multiple intelligence")
    assert s.direct and s.cue.text.startswith("said") and s.content.text.startswith("“")


def test_floating_quote_inherits_jcs(doc):
    s = find(doc, content="There are also some signs of (the North)")
    assert s.direct and s.cue is None and s.source.text == "The JCS"


def test_nauditt_wrote_direct(doc):
    s = next(s for s in doc._.statements if s.cue is not None and s.cue.text.startswith("wrote"))
    assert s.direct and s.source.text.startswith("Jürgen Nauditt")
    assert s.content.text.startswith("“North Korea is likely planning")


def test_kim_reportedly_noted_is_hedged(doc):
    s = find(doc, source="Kim", content="kamikaze drones")
    assert s.hedged and "noted" in s.cue.text


def test_did_not_rule_out_is_possible(doc):
    assert find(doc, cue="did not rule out").certainty == "possible"


def test_pentagon_estimate(doc):
    s = find(doc, cue="also estimated")
    assert s.source.text == "the Pentagon"
    assert s.content.text.endswith("“several hundred.”")


def test_rutte_passive_agent(doc):
    s = find(doc, content="North Korean troops’ presence in Kursk")
    assert s.source.text == "NATO Secretary General Mark Rutte" and "confirmed" in s.cue.text


def test_all_spans_valid(doc):
    assert_spans_valid(doc)
