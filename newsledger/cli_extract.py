"""`newsledger extract`, line by line: each line's result is written (and flushed) as soon as it is
made, and each bad line is reported with the message `ingest` gives it, so a late failure never
loses an earlier result.

A text over MAX_ARTICLE_CHARS is refused (as `ingest` refuses it, not cut into parts); a line
whose extraction fails is reported and the next line goes on; a file with no lines at all is an
"empty file", as in `ingest`.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from .api import Extractor, too_long
from .errors import InputError
from .records import Article


def _empty(head: bytes) -> str:
    return "empty file" if not head else "empty file (only whitespace)"


def jsonl_articles(paths: list[str], report: Callable[[InputError], None]) -> Iterator[Article]:
    """The Articles of JSON Lines files ('-': standard input), ids kept; bad lines and files reported."""
    # Imported here: `export` imports this module for output_problem and must not load the readers.
    from .ingest import read_jsonl
    from .ingest.streams import peek

    for name in paths:
        shown = "stdin" if name == "-" else name
        try:
            raw = sys.stdin.buffer if name == "-" else open(name, "rb")
        except OSError as e:
            report(InputError(name, e.strerror or str(e)))
            continue
        with raw:
            head, stream = peek(raw)
            lines = 0
            for item in read_jsonl(stream, shown, keep_ids=True):
                lines += 1
                if isinstance(item, InputError):
                    report(item)
                else:
                    yield item
            if not lines:
                report(InputError(shown, _empty(head)))


def extract_lines(extractor: Extractor, articles: Iterator[Article], sink: TextIO, published: str | None,
                  report: Callable[[InputError], None]) -> int:
    """Extract each article on its own and write its result at once; returns results written."""
    written = 0
    for article in articles:
        problem = too_long(article)
        if problem:
            report(problem)
            continue
        try:
            [(_, result)] = list(extractor.pipe([article], published=published))
        except Exception as exc:   # one line the pipeline cannot take must not lose the others
            report(InputError(article.source or article.id,
                              f"extraction failed ({type(exc).__name__}: {exc})"))
            continue
        sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        sink.flush()
        written += 1
    return written


def output_problem(path: Path) -> str | None:
    """Why `path` cannot be written as an output file (its folder is missing, it is a folder), or None."""
    folder = path.parent
    if not folder.is_dir():
        return f"cannot write {path}: the folder {folder} does not exist; create it first"
    if path.is_dir():
        return f"cannot write {path}: it is a folder; give a file name"
    return None
