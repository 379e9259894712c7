"""HTML pages through trafilatura."""

import contextlib

import pytest

from newsledger.errors import InputError
from newsledger.ingest.html import html_article, iso_date, word_count
from tests.ingest.paths import FIXTURES


@pytest.fixture(scope="module")
def page():
    return html_article((FIXTURES / "page.html").read_bytes(), "page.html")


def test_body_text_without_boilerplate(page):
    assert "2,000 soldiers" in page.text and "water rights" in page.text
    for boilerplate in ("do not include this script", "Most read", "All rights reserved", "font-family"):
        assert boilerplate not in page.text


def test_paragraph_breaks_are_kept(page):
    lines = page.text.split("\n")
    assert any(line.startswith("The defence ministry") for line in lines)
    assert any(line.startswith("Sylvania's foreign ministry") for line in lines)


def test_metadata(page):
    assert page.title == "Freedonia moves troops to northern border"
    assert page.url == "https://news.example.org/world/2025/03/freedonia-troops-border"
    assert page.outlet == "The Daily Ledger"
    assert page.author == "Maria Example"
    assert page.published == "2025-03-04"
    assert page.kind == "html" and page.source == "page.html"


def test_meta_charset_cp1251_is_decoded_once():
    art = html_article((FIXTURES / "page_cp1251.html").read_bytes(), "ru.html")
    assert "около шестисот жителей" in art.text
    assert art.title == "Наводнение в долине реки"


def test_http_charset_is_used_when_the_page_declares_none():
    body = (
        "<html><body><article><p>"
        + "Правительство сообщило о новых мерах поддержки. " * 8
        + "</p></article></body></html>"
    ).encode("cp1251")
    assert "новых мерах" in html_article(body, "x", charset="windows-1251").text


def test_page_without_article_text_is_an_input_error():
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(6))
    with pytest.raises(InputError, match="no article text"):
        html_article(f"<html><body><ul>{links}</ul></body></html>".encode(), "index.html")
    with pytest.raises(InputError, match="no article text"):
        html_article(b"<html><head><title>x</title></head><body></body></html>", "blank.html")


def test_hostile_markup_does_not_crash():
    deep = b"<div>" * 5000 + b"The mayor said the bridge would reopen. " * 10 + b"</div>" * 10
    with contextlib.suppress(InputError):  # refusing is fine; crashing is not
        html_article(b"<html><body>" + deep + b"\x00\xff</body></html>", "deep.html")


def test_helpers():
    assert iso_date("2031-03-04T09:30:00+00:00") == "2031-03-04"
    assert iso_date("March 4") is None and iso_date(None) is None
    assert word_count("one two three") == 3
    assert word_count("日本語の文章です") == 4
