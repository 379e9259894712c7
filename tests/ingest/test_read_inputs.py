"""read_inputs: paths, directories, stdin, detection by content, errors that never raise."""

import gzip
import io
import shutil

import newsledger.ingest.streams as streams
from newsledger.errors import InputError
from newsledger.ingest import read_inputs
from newsledger.records import Article
from tests.ingest.paths import FIXTURES


def _errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second story\nThe dam held.")
    (tmp_path / "a" / "1.txt").write_text("First story\nThe bridge reopened.")
    (tmp_path / "z.txt").write_text("Last story\nThe strike ended.")
    (tmp_path / ".secret.txt").write_text("Hidden\nNot read.")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden too\nNot read.")
    items = list(read_inputs([tmp_path]))
    assert [a.title for a in items] == ["First story", "Second story", "Last story"]
    assert items[0].source == str(tmp_path / "a" / "1.txt")
    assert list(read_inputs([tmp_path])) == items  # deterministic


def test_stdin_and_dash():
    items = list(read_inputs(["-"], stdin=io.BytesIO(b'{"id": "s1", "text": "The ferry sank."}\n'), keep_ids=True))
    assert items[0].id == "s1" and items[0].kind == "jsonl" and items[0].source == "stdin:line 1"
    html = (FIXTURES / "page.html").read_bytes()
    (page,) = read_inputs(["-"], stdin=io.BytesIO(html))
    assert page.kind == "html" and page.source == "stdin"
    (err,) = read_inputs(["-"])
    assert isinstance(err, InputError)


def test_html_named_txt_and_gzipped_inputs_are_detected_by_content(tmp_path):
    disguised = tmp_path / "story.txt"
    shutil.copy(FIXTURES / "page.html", disguised)
    (art,) = read_inputs([disguised])
    assert art.kind == "html" and art.title == "Freedonia moves troops to northern border"
    (gz,) = read_inputs([FIXTURES / "page.html.gz"])
    assert gz.kind == "html" and gz.text == art.text
    lines = tmp_path / "batch.jsonl.gz"
    lines.write_bytes(gzip.compress(b'{"text": "A tanker ran aground."}\n{"text": "Talks failed."}\n'))
    assert [a.text for a in read_inputs([lines])] == ["A tanker ran aground.", "Talks failed."]


def test_every_bad_input_gives_one_clear_error_and_reading_goes_on(tmp_path):
    paths = [
        FIXTURES / "empty.txt",
        FIXTURES / "junk.bin",
        FIXTURES / "truncated.html.gz",
        tmp_path / "missing.txt",
        FIXTURES / "article.txt",
    ]
    items = list(read_inputs(paths))
    assert [type(i).__name__ for i in items] == ["InputError"] * 4 + ["Article"]
    reasons = [e.reason for e in items[:4]]
    assert reasons[0] == "empty file"
    assert reasons[1].startswith("binary data, not an article (detected")
    assert "truncated or damaged gzip" in reasons[2]
    assert "no such file" in reasons[3]
    assert [e.input for e in items[:4]] == [str(p) for p in paths[:4]]


def test_empty_directory_and_dangling_link(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    items = list(read_inputs([tmp_path / "empty", tmp_path / "link"]))
    assert len(_errors(items)) == 2


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(streams, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Headline\n" + "The river rose again. " * 100)
    (err,) = read_inputs([big])
    assert isinstance(err, InputError) and "limit" in err.reason
    bomb = tmp_path / "bomb.txt.gz"  # the limit counts decompressed bytes
    bomb.write_bytes(gzip.compress(b"Headline\n" + b"a " * 100000))
    (err,) = read_inputs([bomb])
    assert isinstance(err, InputError) and "limit" in err.reason


def test_feed_and_warc_sources_are_numbered():
    items = list(read_inputs([FIXTURES / "feed_atom.xml", FIXTURES / "pages.warc.gz"]))
    assert all(isinstance(i, Article) for i in items)
    assert items[0].source == f"{FIXTURES / 'feed_atom.xml'}#1"
    assert items[2].source.startswith(f"{FIXTURES / 'pages.warc.gz'}#2 ")


def test_odd_inputs_never_raise():
    odd = [
        b"\xff\xfe",
        b"<",
        b"<<<>>>",
        b"{",
        b"\x1f\x8b",
        b"WARC/1.0\r\n",
        b"<rss>",
        b"\n\n{\n",
        "\U0001f600 \u00e9".encode(),
        b"<html>" + b"\x00" * 10,
        b"A" * 70000,
    ]
    for data in odd:
        for item in read_inputs(["-"], stdin=io.BytesIO(data)):
            if isinstance(item, Article):
                assert item.text.strip()


def test_text_mode_stdin_is_accepted():
    wrapper = io.TextIOWrapper(io.BytesIO(b"Headline\nThe storm passed."), encoding="utf-8")
    (art,) = read_inputs(["-"], stdin=wrapper)
    assert art.title == "Headline" and art.source == "stdin"
