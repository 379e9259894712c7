"""The worked example of DESIGN.md: what a careful reader expects from the Newsweek report.

Reads ../shared/data/examples (publisher's text, not in the repository); skips when absent.
"""

from __future__ import annotations

import jsonschema
import pytest

from newsledger import Article
from newsledger.contract import problems, schema


@pytest.fixture(scope="module")
def result(example_text, extractor):
    [(_, res)] = list(extractor.pipe([Article(text=example_text, id="nk", published="2024-12-23")]))
    return res


def actor(result, aid):
    return next(a for a in result.actors if a.id == aid) if aid else None


def test_contract_holds(result, example_text):
    d = result.to_dict()
    jsonschema.validate(d, schema())
    assert problems(d, example_text) == []


def test_actors_are_canonical(result):
    by_country = {}
    for a in result.actors:
        by_country.setdefault(a.country, []).append(a)
    prk = [a for a in by_country.get("PRK", []) if a.sector in (None, "GOV") and a.kind == "country"]
    assert prk, "North Korea as a country actor"
    names = {m.text for a in prk for m in a.mentions}
    assert {"North Korea", "Pyongyang"} <= names
    assert any(m.text == "Moscow" for a in by_country.get("RUS", []) for m in a.mentions)
    assert any(a.sector == "MIL" for a in by_country.get("USA", [])), "the Pentagon is USA MIL"


def test_opening_statement_is_relayed_through_yonhap(result, example_text):
    opening = [
        s
        for s in result.statements
        if s.cue and s.cue.text == "has said" and s.source and "South Korea" in s.source.text
    ]
    assert opening, [(s.source and s.source.text, s.cue and s.cue.text) for s in result.statements]
    s = opening[0]
    assert not s.direct
    # PolNeAR's convention keeps the complementiser in the content span
    assert s.content.text.removeprefix("that ").startswith("North Korea is preparing")
    via = next((v for v in result.statements if v.id == s.via), None)
    assert via is not None and "Yonhap" in via.source.text


def test_direct_quotes(result):
    jcs = [s for s in result.statements if s.direct and s.source and "JCS" in s.source.text]
    assert len(jcs) >= 2
    assert any(s.direct and s.source and "Nauditt" in s.source.text for s in result.statements)


def test_figures(result):
    by_value = {f.value: f for f in result.figures}
    assert by_value[1100].approx and by_value[1100].counted == "soldiers"
    assert by_value[11000].bound == ">"
    assert by_value[60].bound == ">="
    assert 1953 not in by_value


def test_times(result):
    values = {t.text: t.value for t in result.times}
    assert values.get("last month") == "2024-11"
    assert values.get("next year") == "2025"
    assert values.get("earlier this month") == "2024-12"


def test_events(result):
    mobilize = [
        e
        for e in result.events
        if e.type == "MOBILIZE" and actor(result, e.actor) and actor(result, e.actor).country == "PRK"
    ]
    assert mobilize and mobilize[0].mode == "planned"
    assert any(actor(result, e.recipient) and actor(result, e.recipient).country == "RUS" for e in mobilize)
    assert any(e.type == "AID" for e in result.events)
    assaults = [e for e in result.events if e.type == "ASSAULT"]
    launched = [e for e in assaults if e.trigger.text == "launched"]
    assert launched and actor(result, launched[0].actor).country == "RUS"


ACLED_KEYS = {
    "event_type",
    "sub_event_type",
    "disorder_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "fatalities",
    "geo_precision",
    "time_precision",
    "event_date",
    "source",
    "notes",
}


def test_events_carry_their_full_acled_coding(result):
    coded = {e.trigger.text: e.acled for e in result.events if e.acled}
    for coding in coded.values():
        assert set(coding) >= ACLED_KEYS, ACLED_KEYS - set(coding)
    # the first combat of the North Korean troops: a battle between two state forces abroad
    combat = coded.get("engaged")
    assert combat is not None and combat["sub_event_type"] == "Armed clash"
    assert {combat["actor1"], combat["actor2"]} == {"Military Forces of North Korea", "Military Forces of Ukraine"}
    assert combat["interaction"] == 88  # both outside their own country (external forces)
    # Moscow's launch of North Korean missiles: remote violence by Russia's forces
    launch = coded.get("launched")
    assert launch is not None and launch["sub_event_type"] == "Shelling/artillery/missile attack"
    assert launch["actor1"] == "Military Forces of Russian Federation"
    # the village taken is a territory event, and planned deployments are no ACLED event
    assert coded.get("seizing", {}).get("event_type") == "Battles"
    assert not [e for e in result.events if e.mode == "planned" and e.acled]
