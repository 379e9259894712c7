"""The bad-input corpus through the real CLI (`python -m newsledger ingest DIR`) in a child process
(its peak memory is measured): one clear error line per bad input, every valid article stored, a
truthful summary and exit code, bounded memory, and no external entity ever resolved."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from sqlalchemy import select

from newsledger.store import open_store, schema

from ..cli_run import run_cli
from .corpus import SECRET, build_corpus
from .helpers import ingest_command, run

MEMORY_BOUND_MB = 2500  # generous: the run's peak is about 0.5 GB; a leak or blow-up goes far past it
_SUMMARY = re.compile(r"(\d+) articles? read, (\d+) added, (\d+) already in the ledger, (\d+) inputs? failed")


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    expect = build_corpus(root / "corpus")
    db = str(root / "ledger.db")
    result = run(ingest_command(["corpus"], db), root, "bad")
    stats = json.loads(
        subprocess.run(
            [sys.executable, "-m", "newsledger", "stats", "--json", "--db", db],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    store = open_store(db)
    with store.engine.connect() as conn:  # every row: Ledger.articles() hides near-duplicates
        articles = conn.execute(select(schema.articles.c.source, schema.articles.c.text)).all()
    store.close()
    yield expect, result, stats, articles
    for big in ("huge_50mb.html", "jsonl_20mb_line.jsonl"):  # 70 MB: do not keep them around
        (root / "corpus" / big).unlink(missing_ok=True)


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("skipped ")]


def _file_of(source: str) -> str:
    """corpus/x.jsonl:line 3 (id=..) / corpus/feed.xml#2 -> x.jsonl / feed.xml"""
    return re.split(r"[:#]", source.split("/", 1)[1], maxsplit=1)[0]


def test_each_bad_input_gets_one_clear_error_line_naming_it_and_the_reason(outcome):
    expect, result, _, _ = outcome
    lines = _error_lines(result.stderr)
    for name, want in expect.items():
        mine = [line for line in lines if re.match(rf"skipped corpus/{re.escape(name)}[:#]", line)]
        assert len(mine) == want.errors, (name, mine)
        for line in mine:
            assert want.reason in line.lower(), (name, line)
    assert len(lines) == sum(w.errors for w in expect.values()), lines
    assert "Traceback" not in result.stderr


def test_valid_inputs_in_the_same_run_are_all_stored(outcome):
    expect, _, _, articles = outcome
    by_file: dict[str, list[str]] = {}
    for source, text in articles:
        by_file.setdefault(_file_of(source), []).append(text)
    for name, want in expect.items():
        texts = by_file.get(name, [])
        assert len(texts) == want.stored, (name, texts)
        for phrase in want.texts:
            assert any(phrase in t for t in texts), (name, phrase, texts)
    assert len(articles) == sum(w.stored for w in expect.values())


def test_summary_and_exit_code_tell_the_truth(outcome):
    expect, result, stats, articles = outcome
    assert result.code == 1  # some inputs failed, and were reported
    m = _SUMMARY.search(" ".join(result.stderr.split()))
    assert m, result.stderr
    read, added, already, failed = map(int, m.groups())
    assert failed == sum(w.errors for w in expect.values())
    assert added == len(articles) and read == added + already
    last = stats["last_ingest"]
    assert last["failed"] == failed and last["articles_added"] == added
    assert len(last["failures"]) == failed


def test_memory_stays_bounded(outcome):
    _, result, _, _ = outcome
    assert 0 < result.peak_rss_mb < MEMORY_BOUND_MB


def test_no_external_entity_is_ever_resolved(outcome):
    _, _, _, articles = outcome
    for _, text in articles:
        assert SECRET not in text
        assert "root:x:0:0" not in text  # /etc/passwd
        assert "lollollollol" not in text  # billion laughs expanded
        assert "A" * 40_000 not in text  # quadratic blow-up expanded (the entity is 20,000)
        assert "<!ENTITY" not in text  # a feed with a long DOCTYPE stored as plain text


def test_a_good_jsonl_with_one_binary_line_keeps_its_good_lines(tmp_path, extractor):
    """Regression: a NUL byte in one line used to make the whole file 'binary data'."""
    good = [
        {"id": "a", "text": "Officials in Elmsford said the bridge would reopen on Monday."},
        {"id": "b", "text": "The navy of Caspara said it had rescued 31 fishermen on Sunday."},
    ]
    (tmp_path / "in.jsonl").write_bytes(
        json.dumps(good[0]).encode() + b"\n\x00\x01\x02\xff garbage\n" + json.dumps(good[1]).encode() + b"\n"
    )
    result = run_cli("ingest", tmp_path / "in.jsonl", "--db", tmp_path / "l.db", "-q")  # in this process
    assert result.returncode == 1
    stderr = result.stderr.decode()
    lines = _error_lines(stderr)
    assert len(lines) == 1 and "in.jsonl:line 2" in lines[0] and "invalid json" in lines[0].lower()
    assert "2 added" in " ".join(stderr.split())
