"""Segments built from offsets: cut at every boundary, text kept verbatim (escaping is the template's job)."""

from newsledger.web.highlight import Mark, article_marks, segments


def test_segments_cover_the_text_exactly_and_nest():
    text = "Rebels attacked Goma."
    segs = segments(text, [Mark(0, 16, "statement"), Mark(7, 15, "trigger"), Mark(16, 20, "place")])
    assert "".join(s.text for s in segs) == text
    by_text = {s.text: s.kinds for s in segs}
    assert by_text["attacked"] == ["statement", "trigger"]
    assert by_text["Rebels "] == ["statement"]
    assert by_text["Goma"] == ["place"]
    assert by_text["."] == []


def test_bad_offsets_are_ignored():
    text = "abc"
    segs = segments(text, [Mark(2, 10, "actor"), Mark(-1, 2, "actor"), Mark(1, 1, "time"), Mark(0, 1, "figure")])
    assert [(s.text, s.kinds) for s in segs] == [("a", ["figure"]), ("bc", [])]


def test_markup_in_text_stays_text():
    text = "x <script>alert(1)</script> y"
    segs = segments(text, [Mark(2, 10, "actor")])
    assert segs[1].text == "<script>" and segs[1].css == "hl-actor"


def test_article_marks_use_one_kind_per_record_kind():
    result = {
        "actors": [{"name": "A", "country": "X", "mentions": [{"start": 0, "end": 1, "text": "A"}]}],
        "places": [],
        "times": [{"id": "t1", "start": 2, "end": 3, "value": "2024"}],
        "figures": [{"id": "f1", "start": 4, "end": 5, "value": 3}],
        "statements": [{"id": "s1", "content": {"start": 0, "end": 5}, "source": None, "cue": None}],
        "events": [{"id": "e1", "type": "ASSAULT", "trigger": {"start": 2, "end": 3}}],
    }
    kinds = {m.kind for m in article_marks(result)}
    assert kinds == {"actor", "time", "figure", "statement", "trigger"}


TEXT = (
    "Seoul's army said on Monday that 1,100 soldiers were killed, according to Yonhap. "
    "Talks went on.\nThe ministry denied it."
)


def at(word: str) -> dict:
    """The span of the first `word` in TEXT."""
    i = TEXT.index(word)
    return {"start": i, "end": i + len(word)}


CONTENT = {"start": at("1,100")["start"], "end": at("killed")["end"]}
RESULT = {
    "actors": [],
    "places": [],
    "times": [],
    "figures": [],
    "statements": [
        {"id": "s1", "source": at("Seoul's army"), "cue": at("said"), "via": "s2", "content": CONTENT},
        {"id": "s2", "source": at("Yonhap"), "cue": at("according to"), "via": None, "content": CONTENT},
    ],
    "events": [
        {"id": "e1", "type": "ASSAULT", "mode": "actual", "statement": "s1", "trigger": at("killed"), "evidence": []}
    ],
}


def test_the_sentence_of_the_trigger_is_the_evidence_when_none_is_stored():
    from newsledger.web.highlight import event_marks, sentence_of

    span = sentence_of(TEXT, at("killed"))
    assert TEXT[span["start"] : span["end"]] == TEXT.split(". ")[0] + "."
    later = sentence_of(TEXT, {"start": TEXT.index("denied"), "end": TEXT.index("denied") + 6})
    assert TEXT[later["start"] : later["end"]] == "The ministry denied it."
    evidence = [m for m in event_marks(RESULT["events"][0], RESULT, TEXT) if m.kind == "evidence"]
    assert [(m.start, m.end) for m in evidence] == [(span["start"], span["end"])]
    stored = {**RESULT["events"][0], "evidence": [CONTENT]}
    assert [(m.start, m.end) for m in event_marks(stored, RESULT, TEXT) if m.kind == "evidence"] == [
        (CONTENT["start"], CONTENT["end"])
    ]


def test_the_relay_is_highlighted_and_the_trigger_anchored():
    from newsledger.web.highlight import event_marks, relay_chain

    assert [s["id"] for s in relay_chain(RESULT["statements"][0], {s["id"]: s for s in RESULT["statements"]})] == ["s2"]
    marks = event_marks(RESULT["events"][0], RESULT, TEXT)
    relay = sorted(TEXT[m.start : m.end] for m in marks if m.kind == "relay")
    assert relay == ["Yonhap", "according to"]
    segs = segments(TEXT, marks)
    trigger = [s for s in segs if "trigger" in s.kinds]
    assert trigger[0].anchors == ["trigger"] and trigger[0].text == "killed"
    assert {"trigger", "evidence", "statement", "source", "cue", "relay"} <= {k for s in segs for k in s.kinds}


def test_article_marks_anchor_every_record_and_mark_relays():
    marks = article_marks(RESULT)
    anchors = {m.anchor: m.kind for m in marks if m.anchor}
    assert anchors == {"record-s1": "source", "record-s2": "relay", "record-e1": "trigger"}


def test_a_relay_loop_ends():
    from newsledger.web.highlight import relay_chain

    loop = {"a": {"id": "a", "via": "b"}, "b": {"id": "b", "via": "a"}}
    assert [s["id"] for s in relay_chain(loop["a"], loop)] == ["b", "a"]


def test_place_mention_labels_say_a_role_other_than_location():
    result = {
        "places": [
            {
                "id": "p1",
                "name": "Ukraine",
                "country": "UA",
                "mentions": [
                    {"start": 0, "end": 7, "text": "Ukraine", "role": "actor"},
                    {"start": 20, "end": 27, "text": "Ukraine", "role": "location"},
                ],
            }
        ]
    }
    labels = [m.label for m in article_marks(result) if m.kind == "place"]
    assert labels == ["place: Ukraine (UA), as actor", "place: Ukraine (UA)"]
