"""Issue #20 items 2, 4, 6, 7 and 9: each break reproduced, through the real command where the
break was in the command. Every child process is bounded by a timeout (a hang fails the test)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading

import pytest

from newsledger.api import MAX_ARTICLE_CHARS
from newsledger.errors import InputError
from tests.store.conftest import pg_url  # noqa: F401  (fixture: a throwaway PostgreSQL schema)

from .corpus import GOOD_TEXTS, _nested_html

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*args, cwd=None, timeout=240):
    env = dict(os.environ, PYTHONPATH=REPO)
    return subprocess.run(
        [sys.executable, "-m", "newsledger", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
    )


def jsonl(path, texts: list[str]) -> str:
    path.write_text(
        "".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(texts, 1)), encoding="utf-8"
    )
    return str(path)


def test_extract_reports_a_too_long_text_and_empty_files_and_keeps_every_other_result(tmp_path):
    """Item 2 (and 9: empty file): before, the long line crashed `extract` with spaCy's E088
    traceback and no result at all was written, and an empty file passed silently."""
    long_text = "Rebels attacked a convoy. " * (MAX_ARTICLE_CHARS // 26 + 10)
    mixed = jsonl(tmp_path / "mixed.jsonl", [GOOD_TEXTS[0], long_text, GOOD_TEXTS[1]])
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n  \n")
    out = tmp_path / "out.jsonl"
    proc = run("extract", mixed, str(tmp_path / "empty.jsonl"), str(tmp_path / "blank.jsonl"), "-o", str(out))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert f"{mixed}:line 2: article text too long ({len(long_text):,} characters" in proc.stderr
    assert "empty.jsonl: empty file" in proc.stderr and "blank.jsonl: empty file (only whitespace)" in proc.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["n1", "n3"]


def test_ingest_and_extract_give_the_same_message_for_a_too_long_text(tmp_path):
    from newsledger.api import IngestSummary, new_article_batches, too_long
    from newsledger.records import Article

    article = Article(text="x" * (MAX_ARTICLE_CHARS + 1), id="a", source="f.jsonl:line 2")
    errors: list[InputError] = []
    assert list(new_article_batches([article], IngestSummary(), 8, errors.append)) == []
    assert [str(e) for e in errors] == [str(too_long(article))]


def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path):
    """Item 4: before, `ingest folder` hung forever on the FIFO (silently), and the valid file read
    before it was never committed. The child is bounded: a hang fails the test."""
    folder = tmp_path / "in"
    folder.mkdir()
    jsonl(folder / "a.jsonl", GOOD_TEXTS[:1])
    os.mkfifo(folder / "z_pipe")
    db = str(tmp_path / "l.db")
    proc = run("ingest", str(folder), "--db", db, "-q", timeout=180)
    assert proc.returncode == 1, proc.stderr
    assert "z_pipe: a named pipe (FIFO), not a regular file; skipped" in proc.stderr
    assert json.loads(run("stats", "--db", db, "--json").stdout)["articles"] == 1


def test_only_regular_files_are_read_from_folders(tmp_path):
    import socket

    from newsledger.ingest import read_inputs

    jsonl(tmp_path / "a.jsonl", GOOD_TEXTS[:1])
    os.mkfifo(tmp_path / "b_pipe")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "c_sock"))
    os.symlink("/dev/zero", tmp_path / "d_device")
    items: list = []
    reader = threading.Thread(target=lambda: items.extend(read_inputs([str(tmp_path)])), daemon=True)
    reader.start()
    reader.join(60)
    sock.close()
    assert not reader.is_alive(), "reading the folder hung"
    reasons = {os.path.basename(i.input): i.reason for i in items if isinstance(i, InputError)}
    assert reasons["b_pipe"].startswith("a named pipe (FIFO)") and reasons["c_sock"].startswith("a socket")
    assert reasons["d_device"].startswith("a character device")
    assert sum(1 for i in items if not isinstance(i, InputError)) == 1


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    return str(tmp_path / "race.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")


def test_summary_counts_what_this_process_stored_when_it_loses_every_race(ledger_url):
    """Item 6: a run whose every insert lost the race to another writer (the articles were not
    stored when it checked, and were when it wrote) said "3 read, 0 added, 0 already in the
    ledger". The other writer is a second Ledger on the same database, run at exactly that point."""
    from newsledger import Ledger
    from newsledger.records import Article

    def articles():
        return [Article(text=t) for t in GOOD_TEXTS]

    with Ledger(ledger_url) as loser, Ledger(ledger_url) as winner:

        def items():
            yield from articles()  # the loser checks known_ids for this batch, finds none ...
            winner.ingest_items(articles())  # ... then the winner stores the same articles first

        summary = loser.ingest_items(items(), batch_size=len(GOOD_TEXTS))
        assert (summary.articles_read, summary.added, summary.skipped) == (3, 0, 3)
        last = loser.stats()["last_ingest"]
        assert (last["articles_added"], last["articles_skipped"]) == (0, 3)
        assert loser.stats()["articles"] == 3


def test_output_into_a_missing_folder_is_a_message_and_exit_2(tmp_path):
    """Item 7: before, a FileNotFoundError traceback and exit 1."""
    good = jsonl(tmp_path / "g.jsonl", GOOD_TEXTS[:1])
    missing = tmp_path / "no" / "such" / "out.jsonl"
    for args in (("export", "-o", str(missing), "--db", str(tmp_path / "l.db")), ("extract", good, "-o", str(missing))):
        proc = run(*args)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr[-1500:]
        assert f"the folder {missing.parent} does not exist" in " ".join(proc.stderr.split())


def test_unreadable_published_is_a_warning_naming_the_line(tmp_path, caplog):
    """Item 9: "published": "not-a-date" was stored as null without a word."""
    from newsledger.ingest import read_jsonl

    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps({"text": GOOD_TEXTS[0], "published": "not-a-date"})
        + "\n"
        + json.dumps({"text": GOOD_TEXTS[1], "published": "2024-05-03"})
        + "\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="newsledger.ingest"), path.open("rb") as fh:
        first, second = read_jsonl(fh, str(path))
    assert first.published is None and second.published == "2024-05-03"
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}:line 1: \"published\" 'not-a-date' is not a date (YYYY-MM-DD); the article is kept without one"
    ]


def test_one_bad_byte_in_utf8_text_is_one_replacement_not_mojibake():
    """Item 9: a stray invalid byte in UTF-8 English text made the detector read it all as cp1251."""
    from newsledger.ingest.decode import decode_bytes

    text = "Officials said on Monday that \u201cforty people\u201d had been detained after clashes. " * 10
    data = text.encode() + b"\xff" + text.encode()
    assert decode_bytes(data) == text + "\ufffd" + text
    latin1 = "Le caf\u00e9 de Jos\u00e9 \u00e0 S\u00e3o Tom\u00e9 \u00e9tait ferm\u00e9. " * 5
    assert "\ufffd" not in decode_bytes(latin1.encode("latin-1"))  # no valid UTF-8 in it: still detected


def test_text_inside_a_100k_deep_page_is_found(tmp_path):
    """Item 9: libxml2 stops at depth 256 and the text was lost ("no article text found")."""
    from newsledger.ingest.html import html_article

    page = tmp_path / "deep.html"
    _nested_html(page)
    article = html_article(page.read_bytes(), str(page))
    assert "3,000 residents were allowed to return home" in article.text and article.title == "Deep page"
