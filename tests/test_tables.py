"""The one table reader: every component table is packaged and read by the same rules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsledger.tables import (
    data_file,
    read_json,
    read_records,
    read_rows,
    read_words,
)

PACKAGES = [
    "newsledger.components.actors",
    "newsledger.components.common",
    "newsledger.components.events",
    "newsledger.components.figures",
    "newsledger.components.statements",
    "newsledger.components.times",
    "newsledger.geo",
    "newsledger.ledger",
]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_tsv_table_reads_without_comments_blanks_or_padding(package):
    tables = [f.name for f in data_file(package, "").iterdir() if f.name.endswith(".tsv")]
    assert tables, package
    for name in tables:
        for row in read_rows(package, name):
            assert row and any(row), (name, row)
            assert not row[0].startswith("#"), (name, row)
            assert all(c == c.strip() for c in row), (name, row)


def test_width_is_checked_and_the_error_names_file_and_line():
    rows = read_rows("newsledger.components.events", "modes.tsv", 3)
    assert rows and all(len(r) == 3 for r in rows)
    with pytest.raises(ValueError, match=r"^modes\.tsv:\d+: expected 4 tab-separated columns, got 3$"):
        read_rows("newsledger.components.events", "modes.tsv", 4)


def test_header_tables_and_json():
    countries = read_records("newsledger.geo", "countries.tsv")
    assert {"iso2", "name", "aliases"} <= set(countries[0])
    assert any(r["iso2"] == "UA" for r in countries)
    assert read_json("newsledger.components.places", "rules.json")["entity_labels"]


def test_word_lists_skip_comment_lines():
    words = read_words("newsledger.ledger", "stopwords.txt")
    assert "the" in words and not any(w.startswith("#") for w in words)


def test_the_reader_and_its_non_component_users_load_without_spacy():
    # the ledger and the gazetteer read tables too; the query commands import them, so the one
    # table reader must not pull in spaCy (as newsledger.components does)
    code = (
        "import sys, newsledger.tables, newsledger.ledger, newsledger.geo.gazetteer; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().strip() == "[]"
