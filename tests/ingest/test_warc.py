"""WARC archives: streaming, HTML responses only, truncation."""

import io

from newsledger.errors import InputError
from newsledger.ingest.warc import read_warc
from tests.ingest.paths import FIXTURES


def _read(data: bytes, name="w"):
    return list(read_warc(io.BytesIO(data), name))


def test_warc_gz_yields_html_articles_only():
    items = _read((FIXTURES / "pages.warc.gz").read_bytes(), "pages.warc.gz")
    assert all(a.kind == "warc" for a in items)  # no errors: PNG, 404 and index page are skipped
    assert [a.url for a in items] == [
        "https://news.example.org/world/freedonia",
        "https://vesti.example.ru/flood",
        "https://coastal.example.net/harbour",
    ]
    assert "2,000 soldiers" in items[0].text
    assert "около шестисот жителей" in items[1].text  # charset from the HTTP header only
    assert items[0].source.startswith("pages.warc.gz#2 (<urn:uuid:")
    assert items[2].outlet == "Coastal Times"


def test_uncompressed_warc_gives_the_same_texts():
    gz = _read((FIXTURES / "pages.warc.gz").read_bytes())
    plain = _read((FIXTURES / "pages.warc").read_bytes())
    assert [a.text for a in plain] == [a.text for a in gz]


def test_truncated_warc_gz_yields_articles_before_damage_and_one_error():
    items = _read((FIXTURES / "truncated.warc.gz").read_bytes(), "truncated.warc.gz")
    *articles, err = items
    assert [a.url for a in articles] == ["https://news.example.org/world/freedonia", "https://vesti.example.ru/flood"]
    assert isinstance(err, InputError) and err.input == "truncated.warc.gz" and "truncated" in err.reason
    assert sum(isinstance(i, InputError) for i in items) == 1


def test_uncompressed_warc_cut_inside_a_record():
    data = (FIXTURES / "pages.warc").read_bytes()
    items = _read(data[: len(data) - 300])
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    assert "shorter than its Content-Length" in items[-1].reason


def test_warc_without_articles_is_one_error():
    data = (FIXTURES / "pages.warc").read_bytes()
    first_article_at = data.index(b"WARC/1.0", data.index(b"WARC-Type: response"))
    # keep only the first request/response pair, then swap its HTML for an image type
    only_image = data[:first_article_at].replace(b"text/html; charset=utf-8", b"image/png; charset=utf-8")
    (err,) = _read(only_image, "img.warc")
    assert isinstance(err, InputError) and "no article found" in err.reason
