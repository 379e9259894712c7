"""Plain-text reader and byte decoding."""

import pytest

from newsledger.errors import InputError
from newsledger.ingest.decode import UndecodableText, declared_charset, decode_bytes, header_charset
from newsledger.ingest.text import guess_title, text_article
from tests.ingest.paths import FIXTURES


def test_text_file_keeps_whole_text_and_guesses_title():
    raw = (FIXTURES / "article.txt").read_bytes()
    art = text_article(raw, "article.txt")
    assert art.text == raw.decode("utf-8")
    assert art.title == "Flooding forces hundreds from homes in river valley"
    assert art.kind == "text" and art.source == "article.txt" and len(art.id) == 24
    assert art.text.index("600 people") > 0


def test_crlf_is_normalised_and_offsets_stay_consistent():
    art = text_article((FIXTURES / "crlf.txt").read_bytes(), "crlf.txt")
    assert "\r" not in art.text
    assert art.text.splitlines()[1] == "Second line."


def test_title_only_when_short_and_followed_by_text():
    assert guess_title("One line only") is None
    assert guess_title("x" * 250 + "\nbody") is None
    assert guess_title("\n\nHeadline here\n\nBody text.") == "Headline here"


def test_whitespace_only_text_is_an_error():
    with pytest.raises(InputError, match="only whitespace"):
        text_article(b" \r\n \n", "blank.txt")


RUSSIAN = (
    "Сильные дожди в воскресенье вызвали разлив реки, и около шестисот жителей трёх сёл "
    "были вынуждены покинуть свои дома, сообщила региональная служба спасения. Погибших нет."
)


@pytest.mark.parametrize(
    "text, enc",
    [("Caf\u00e9 owners in Montr\u00e9al said prices rose.", "cp1252"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r")],
)
def test_legacy_encodings_are_detected(text, enc):
    assert decode_bytes(text.encode(enc)) == text


def test_bom_wins_and_is_removed():
    assert decode_bytes("\ufeffA\u00e9".encode("utf-8")) == "A\u00e9"
    assert decode_bytes("Zo\u00eb".encode("utf-16")) == "Zo\u00eb"


def test_declared_latin1_but_really_utf8_is_utf8():
    assert decode_bytes("S\u00e3o Paulo".encode("utf-8"), "iso-8859-1") == "S\u00e3o Paulo"


def test_invalid_bytes_do_not_crash():
    out = decode_bytes(b"ok \xff\xfe\xfa bad", "utf-8")
    assert out.startswith("ok ") and "\ufffd" in out


def test_charset_declarations_are_read():
    assert declared_charset(b'<html><head><meta charset="windows-1251">') == "windows-1251"
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><rss>') == "ISO-8859-2"
    assert header_charset("text/html; charset=Shift_JIS") == "Shift_JIS"
    assert header_charset("text/html") is None


def test_unknown_declared_charset_falls_back():
    assert decode_bytes(b"plain", "no-such-charset") == "plain"


def test_undecodable_raises_its_own_error(monkeypatch):
    import newsledger.ingest.decode as decode

    class _NoMatch:
        def best(self):
            return None

    monkeypatch.setattr(decode, "from_bytes", lambda data: _NoMatch())
    with pytest.raises(UndecodableText):
        decode.decode_bytes(b"\x81\x8d\x8f\x90\x9d")
    with pytest.raises(InputError, match="not decodable"):
        text_article(b"\x81\x8d\x8f\x90\x9d", "weird.txt")
