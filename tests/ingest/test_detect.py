"""Kind detection from content, not file names."""

import gzip

import pytest

from newsledger.errors import InputError
from newsledger.ingest import detect_kind
from tests.ingest.paths import FIXTURES


@pytest.mark.parametrize(
    "fixture, kind",
    [
        ("page.html", "html"),
        ("page_cp1251.html", "html"),
        ("feed_rss.xml", "feed"),
        ("feed_atom.xml", "feed"),
        ("feed_xxe.xml", "feed"),
        ("pages.warc.gz", "warc"),
        ("pages.warc", "warc"),
        ("articles.jsonl", "jsonl"),
        ("article.txt", "text"),
        ("page.html.gz", "html"),
    ],
)
def test_fixtures_are_detected_by_content(fixture, kind):
    head = (FIXTURES / fixture).read_bytes()[:65536]
    assert detect_kind(head, "renamed.dat") == kind


def test_html_named_txt_is_html():
    assert detect_kind(b"<!doctype html><html><body><p>Hi</p></body></html>", "story.txt") == "html"


def test_rdf_feed_and_leading_comment():
    rdf = b'<?xml version="1.0"?>\n<!-- generated -->\n<rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>'
    assert detect_kind(rdf) == "feed"


def test_json_line_is_jsonl_but_prose_is_text():
    assert detect_kind(b'\n{"id": "1", "text": "The mayor spoke."}\n') == "jsonl"
    assert detect_kind(b"{Editor's note} The mayor spoke on Monday.\n") == "text"


def test_gzip_is_looked_through():
    assert detect_kind(gzip.compress(b'{"text": "A bridge collapsed."}\n')) == "jsonl"


@pytest.mark.parametrize(
    "head, what",
    [
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        ((FIXTURES / "junk.bin").read_bytes(), "binary data"),
    ],
)
def test_binary_junk_is_an_input_error(head, what):
    with pytest.raises(InputError) as err:
        detect_kind(head, "x.txt")
    assert "binary data, not an article" in str(err.value) and what in str(err.value)


def test_empty_and_whitespace():
    with pytest.raises(InputError, match="empty file"):
        detect_kind(b"", "e.txt")
    with pytest.raises(InputError, match="only whitespace"):
        detect_kind(b"  \n\t\n", "e.txt")


def test_other_xml_and_json_documents_are_refused_with_a_hint():
    with pytest.raises(InputError, match="root <urlset>"):
        detect_kind(b'<?xml version="1.0"?><urlset><url><loc>https://a.example</loc></url></urlset>')
    with pytest.raises(InputError, match="one object per line"):
        detect_kind(b'[\n {"text": "A"}\n]')


def test_utf16_text_with_bom_is_text():
    assert detect_kind("Headline\nThe council met.".encode("utf-16")) == "text"


def test_jsonl_name_hint_when_the_first_line_is_damaged():
    assert detect_kind(b'{broken\n{"text": "ok"}\n', "batch.jsonl") == "jsonl"
    assert detect_kind(b'{broken\n{"text": "ok"}\n', "batch.txt") == "text"


def test_damaged_gzip_names_the_input():
    with pytest.raises(InputError) as err:
        detect_kind(b"\x1f\x8b\x08\x00" + b"\xff" * 40, "bad.gz")
    assert err.value.input == "bad.gz"
