"""JSON Lines: per-line errors, ids, streaming limits."""

import io
import json

import newsledger.ingest.jsonl as jsonl_module
from newsledger.errors import InputError
from newsledger.ingest import read_jsonl
from newsledger.records import content_id
from tests.ingest.paths import FIXTURES


def _read(data: bytes, **kw):
    return list(read_jsonl(io.BytesIO(data), "in.jsonl", **kw))


def test_fixture_lines_and_errors():
    items = list(read_jsonl((FIXTURES / "articles.jsonl").open("rb"), "articles.jsonl"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "Article", "InputError", "InputError", "Article"]  # blank line skipped
    first = items[0]
    assert (first.title, first.url, first.outlet, first.author, first.published) == (
        "New shelters",
        "https://example.com/a1",
        "Springfield Post",
        "J. Doe",
        "2030-05-06",
    )
    assert first.id == content_id(first.text)
    assert first.source == "articles.jsonl:line 1 (id=doc-1)"
    assert items[1].published == "2030-05-10"  # a timestamp is cut to its date
    assert items[2].input == "articles.jsonl:line 3" and "invalid JSON" in items[2].reason
    assert items[3].input == "articles.jsonl:line 4" and '"text"' in items[3].reason
    assert items[4].source == "articles.jsonl:line 6 (id=5)"


def test_keep_ids_uses_given_ids():
    items = list(read_jsonl((FIXTURES / "articles.jsonl").open("rb"), "a.jsonl", keep_ids=True))
    assert [i.id for i in items if not isinstance(i, InputError)] == ["doc-1", "doc-2", "5"]
    (no_id,) = _read(b'{"text": "The port reopened."}\n', keep_ids=True)
    assert no_id.id == content_id("The port reopened.")


def test_text_is_kept_exactly_for_offsets():
    text = "Line one.\r\n  Line two\twith tab. \u00e9 \U0001f600"
    (art,) = _read((json.dumps({"id": "x", "text": text}) + "\n").encode(), keep_ids=True)
    assert art.text == text


def test_bad_lines_do_not_stop_reading():
    data = b'[1, 2]\n{"text": ""}\n{"text": 5}\nnull\n{"text": "A dam burst on Sunday."}\n'
    items = _read(data)
    assert [type(i).__name__ for i in items] == ["InputError"] * 4 + ["Article"]
    assert "not an object" in items[0].reason and items[3].input == "in.jsonl:line 4"


def test_lone_surrogates_and_bom_and_text_streams():
    data = '\ufeff{"text": "Bad \\ud800 char"}\n'.encode("utf-8")
    (art,) = _read(data)
    assert art.text == "Bad \ufffd char"
    art.text.encode("utf-8")
    (again,) = list(read_jsonl(io.StringIO('{"text": "From a text stream."}\n'), "s"))
    assert again.text == "From a text stream."


def test_overlong_line_is_skipped_without_losing_the_next(monkeypatch):
    monkeypatch.setattr(jsonl_module, "MAX_JSONL_LINE_BYTES", 50)
    data = b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "Short one."}\n'
    items = _read(data)
    assert isinstance(items[0], InputError) and "longer than" in items[0].reason
    assert items[1].text == "Short one." and items[1].source == "in.jsonl:line 2"
