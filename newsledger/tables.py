"""The one reader of newsledger's data tables: each package keeps its tables in its own data/
folder, read through importlib.resources (so they load from a wheel or a zip as from a checkout).
It imports nothing heavy, so the ledger and the gazetteer read their tables without loading spaCy.

One rule for every TSV table: a line that is blank or starts with "#" is skipped; the rest is split
on tabs and each cell stripped. A caller that names `width` gets an error naming the file and line
when a row has another number of columns."""

from __future__ import annotations

import csv
import json
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any


def data_file(package: str, name: str) -> Traversable:
    """The table `name` in the data/ folder of `package` ("newsledger.components.actors")."""
    return resources.files(package).joinpath("data", name)


def read_text(package: str, name: str) -> str:
    return data_file(package, name).read_text(encoding="utf-8")


def read_rows(package: str, name: str, width: int | None = None) -> list[list[str]]:
    """The rows of a TSV table as lists of stripped cells (see the module docstring)."""
    rows = []
    for n, line in enumerate(read_text(package, name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if width is not None and len(cells) != width:
            raise ValueError(f"{name}:{n}: expected {width} tab-separated columns, got {len(cells)}")
        rows.append([c.strip() for c in cells])
    return rows


def read_words(package: str, name: str) -> frozenset[str]:
    """The whitespace-separated words of a word list (lines starting with "#" skipped)."""
    words: set[str] = set()
    for line in read_text(package, name).splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def read_records(package: str, name: str) -> list[dict[str, Any]]:
    """The rows of a TSV table with a header line, as dicts keyed by the header (cells as written:
    a header table's cells are data, e.g. an alias list that starts with a space)."""
    lines = (ln for ln in read_text(package, name).splitlines(keepends=True) if not ln.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_json(package: str, name: str) -> Any:
    return json.loads(read_text(package, name))
