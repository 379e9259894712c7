"""The JSON contract: records round-trip through to_dict/from_dict and keep every field name."""

import json

from newsledger.records import (
    Actor,
    Article,
    ArticleResult,
    Event,
    Figure,
    Place,
    PlaceMention,
    SourceSpan,
    Span,
    Statement,
    TimeRef,
    content_id,
)

TEXT = "Freedonia's army said it shelled 12 villages in Sylvania last week."


def sample() -> ArticleResult:
    return ArticleResult(
        id="x1",
        published="2024-12-23",
        title="t",
        url="https://example.invalid/a",
        outlet="Demo",
        actors=[Actor("a1", "Freedonia", "FRD", "MIL", [Span(0, 9, "Freedonia")], "country")],
        places=[
            Place("p1", "Sylvania", "SY", 10.0, 20.0, 123, "country", [PlaceMention(48, 56, "Sylvania", "location")])
        ],
        times=[TimeRef("t1", 57, 66, "last week", "2024-W51", None)],
        figures=[Figure("f1", 33, 44, "12 villages", 12, counted="villages", actor="a1")],
        statements=[
            Statement(
                "s1",
                False,
                SourceSpan(0, 16, "Freedonia's army", actor="a1"),
                Span(17, 21, "said"),
                Span(22, 67, TEXT[22:67]),
                "asserted",
            )
        ],
        events=[
            Event(
                "e1",
                "ASSAULT",
                Span(25, 32, "shelled"),
                "actual",
                {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"},
                actor="a1",
                place="p1",
                time="t1",
                figures=["f1"],
                statement="s1",
                confidence=0.8,
            )
        ],
    )


def test_round_trip_through_json():
    r = sample()
    again = ArticleResult.from_dict(json.loads(json.dumps(r.to_dict())))
    assert again == r


def test_contract_field_names():
    d = sample().to_dict()
    assert set(d) >= {
        "id",
        "published",
        "title",
        "url",
        "outlet",
        "actors",
        "places",
        "times",
        "figures",
        "statements",
        "events",
    }
    assert set(d["figures"][0]) >= {
        "id",
        "start",
        "end",
        "text",
        "value",
        "low",
        "high",
        "approx",
        "bound",
        "unit",
        "counted",
        "actor",
    }
    assert set(d["statements"][0]) >= {"id", "direct", "source", "cue", "content", "certainty", "via"}
    assert set(d["statements"][0]["source"]) == {"start", "end", "text", "actor", "refers_to"}  # refers_to: session 7
    assert set(d["events"][0]) >= {
        "id",
        "type",
        "mode",
        "acled",
        "trigger",
        "actor",
        "recipient",
        "place",
        "time",
        "figures",
        "statement",
        "confidence",
    }


def test_from_dict_ignores_added_fields():
    d = sample().to_dict()
    d["future_field"] = 1
    d["events"][0]["evidence"] = []
    assert ArticleResult.from_dict(d).events[0].type == "ASSAULT"


def test_content_id_is_stable_under_whitespace():
    assert content_id("a  b\nc") == content_id("a b c")
    assert content_id("a b c") != content_id("a b d")
    assert Article(text="a b").id == content_id("a b")
    assert Article(text="a b", id="given").id == "given"


def test_public_extract_stays_a_function_after_the_pipeline_loads(nlp):
    import newsledger

    assert callable(newsledger.extract)
    from newsledger import extract

    assert callable(extract)


def test_place_roles_round_trip_and_old_results_read_as_locations():
    p = Place("p1", "Moscow", "RU", 55.75, 37.62, 524901, "city", [PlaceMention(0, 6, "Moscow", "actor")], role="actor")
    again = Place.from_dict(json.loads(json.dumps(p.to_dict())))
    assert again == p and again.location_mentions() == []
    old = Place.from_dict({"id": "p1", "name": "Kyiv", "mentions": [{"start": 0, "end": 4, "text": "Kyiv"}]})
    assert old.role == "location" and [m.role for m in old.location_mentions()] == ["location"]


def test_to_dict_is_dataclasses_asdict():
    # the writer's own asdict must give exactly what the standard one gives, nested records included
    import dataclasses

    from newsledger.records import ArticleResult, Event, Place, PlaceMention, Span, Statement

    r = ArticleResult(
        id="x",
        places=[Place(id="p1", name="Kursk", lat=51.7, mentions=[PlaceMention(1, 6, "Kursk", role="actor")])],
        statements=[Statement(id="s1", direct=True, source=None, cue=Span(0, 3, "say"), content=Span(4, 9, "hello"))],
        events=[
            Event(id="e1", type="ASSAULT", trigger=Span(1, 2, "x"), acled={"event_type": "Battles"}, figures=["f1"])
        ],
    )
    assert r.to_dict() == dataclasses.asdict(r)
    assert list(r.to_dict()["places"][0]["mentions"][0]) == ["start", "end", "text", "role"]
