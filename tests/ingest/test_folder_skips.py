"""Folder ingest reads the articles of a folder and skips, with a message saying what each is, the
files whose name says they are no article (licence, readme, changelog, code, data): the news-html
folder's LICENSE and README.rst were once ingested as articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.engines.loop import IngestSummary, new_article_batches
from newsledger.errors import InputError, NotAnArticle
from newsledger.ingest import read_inputs
from newsledger.ingest.folder import not_an_article
from newsledger.records import Article
from tests.conftest import shared_path

ARTICLE = "Rebels attacked an army depot near Goma on Monday, killing three soldiers, the army said.\n"


@pytest.mark.parametrize(
    "name, what",
    [
        ("LICENSE", "a licence"),
        ("LICENSE-MIT", "a licence"),
        ("licence.txt", "a licence"),
        ("COPYING", "a licence"),
        ("README.rst", "a readme"),
        ("readme_zh.md", "a readme"),
        ("CHANGELOG.md", "a changelog"),
        ("AUTHORS", "a list of authors"),
        ("CODE-OF-CONDUCT.md", "project documentation"),
        ("build.py", "code (.py)"),
        ("ground-truth.json", "a data file (.json)"),
        ("table.csv.gz", "a data file (.csv)"),
    ],
)
def test_names_that_are_no_article(name, what):
    assert not_an_article(Path(name)) == what


@pytest.mark.parametrize(
    "name",
    [
        "story.txt",
        "page.html.gz",
        "feed.xml",
        "wire.jsonl",
        "archive.warc.gz",
        "history_of_the_war.txt",  # a name starting like a project file's, but another word
        "licensed-drivers-strike.html",
        "readmission-rates.txt",
        "security-council-vote.html",
        "2024-12-23",
        "notes.md",
        "photo.png",  # binary: reported by the content check as a failed input, saying what it is
    ],
)
def test_article_files_are_read(name):
    assert not_an_article(Path(name)) is None


def test_a_folder_skips_them_and_says_what_each_is(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "wire.jsonl").write_text('{"id": "w1", "text": "Talks opened in Geneva."}\n', encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Permission is hereby granted, free of charge, to any person\n", encoding="utf-8")
    (tmp_path / "README.rst").write_text("News HTML\n=========\n\n181 pages, 427 figures.\n", encoding="utf-8")
    (tmp_path / "ground-truth.json").write_text('{"a": {"articleBody": "x"}}\n', encoding="utf-8")
    (tmp_path / "make.py").write_text("print('hello')\n", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    skipped = [i for i in items if isinstance(i, NotAnArticle)]
    assert sorted(Path(i.input).name for i in skipped) == ["LICENSE", "README.rst", "ground-truth.json", "make.py"]
    assert "a licence, not an article; skipped" in str(next(i for i in skipped if i.input.endswith("LICENSE")))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 2 and not [i for i in items if type(i) is InputError]

    summary = IngestSummary()
    batches = list(new_article_batches(items, summary, batch_size=8))
    assert sum(map(len, batches)) == 2
    assert summary.failed == 0 and summary.inputs == summary.articles_read == 2
    assert len(summary.not_articles) == 4 and any("README.rst: a readme" in s for s in summary.not_articles)


def test_a_file_named_on_the_command_line_is_always_read(tmp_path):
    readme = tmp_path / "README.txt"
    readme.write_text(ARTICLE, encoding="utf-8")
    [item] = read_inputs([readme])
    assert isinstance(item, Article) and item.text.startswith("Rebels attacked")


def test_the_news_html_folder_ingests_only_its_pages():
    folder = shared_path("news-html")
    skipped = [i for i in read_inputs([folder]) if isinstance(i, NotAnArticle)]
    assert sorted(Path(i.input).name for i in skipped) == ["LICENSE", "README.rst", "ground-truth.json"]


def test_the_ingest_summary_says_how_many_files_were_not_articles():
    from rich.console import Console

    from newsledger import render

    summary = IngestSummary(articles_read=2, added=2)
    summary.not_articles = [f"corpus/f{i}.py: code (.py), not an article; skipped" for i in range(7)]
    console = Console(record=True, width=400)
    render.ingest_summary(console, summary, "ledger.db")
    text = console.export_text()
    assert "7 files in the folders are not articles, not read: corpus/f0.py: code (.py)" in text
    assert "and 2 more" in text
