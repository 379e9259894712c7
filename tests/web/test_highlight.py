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
