"""Which files found in a folder are not articles: licences, readmes, changelogs, code, data files
(the table data/not_articles.tsv). Folder ingest skips them and says so; a file named on the
command line is always read, whatever its name."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..tables import read_rows


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    """kind ("name", "prefix", "ext") -> value -> what it is, from data/not_articles.tsv."""
    out: dict[str, dict[str, str]] = {"name": {}, "prefix": {}, "ext": {}}
    for kind, value, what in read_rows("newsledger.ingest", "not_articles.tsv", width=3):
        out[kind][value.lower()] = what
    return out


def not_an_article(path: Path) -> str | None:
    """What a file is when its name says it is not an article ("a licence", "code (.py)"), else None."""
    table = _table()
    name = path.name.lower()
    stem = name.split(".", 1)[0].replace("-", "_")  # code-of-conduct as code_of_conduct
    head = stem.split("_", 1)[0]
    what = table["name"].get(stem) or table["prefix"].get(stem) or table["prefix"].get(head)
    if what:
        return what
    suffix = Path(name.removesuffix(".gz")).suffix
    return f"{table['ext'][suffix]} ({suffix})" if suffix in table["ext"] else None
