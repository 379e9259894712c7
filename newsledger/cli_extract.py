"""`newsledger extract`, line by line: articles are parsed in batches of BATCH (spaCy's batched
pipe is much faster than one call per text), each batch's results are written (and flushed) as
soon as they are made, and each bad line is reported with the message `ingest` gives it, so a
late failure never loses an earlier result.

A text over MAX_ARTICLE_CHARS is refused (as `ingest` refuses it, not cut into parts); a line
whose extraction fails is reported and the next line goes on; a file with no lines at all is an
"empty file", as in `ingest`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .api import Extractor, parse_date, too_long
from .errors import InputError, ModelNotFound, UsageError
from .records import Article

if TYPE_CHECKING:
    from rich.console import Console


def run_extract(
    paths: list[str] | None, published: str | None, model: str | None, output: Path | None, err: Console
) -> int:
    """The `extract` command (newsledger.cli_ingest; newsledger.cli_quick runs it without Typer):
    problems printed on `err`; returns the exit code: 0, 1 when some inputs failed, 2 for a usage error."""
    from . import render

    if output is not None and (problem := output_problem(output)):
        render.error(err, problem)
        return 2
    try:
        extractor = Extractor.shared(model)
        if published:
            parse_date(published, "--published")
    except (UsageError, ModelNotFound) as e:
        render.error(err, str(e))
        return 2
    failed = 0

    def report(e: InputError) -> None:
        nonlocal failed
        failed += 1
        render.skipped(err, e)

    try:
        sink = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as e:
        render.error(err, f"cannot write {output}: {e.strerror or e}")
        return 2
    try:
        extract_lines(extractor, jsonl_articles(paths or ["-"], report), sink, published, report)
    finally:
        if output:
            sink.close()
    return 1 if failed else 0


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
            raw = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115  (closed by `with raw:` below; opened apart to report OSError)
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


BATCH = 16  # articles parsed together: spaCy's batched pipe is faster than one call per text


def extract_lines(
    extractor: Extractor,
    articles: Iterator[Article],
    sink: TextIO,
    published: str | None,
    report: Callable[[InputError], None],
) -> int:
    """Extract the articles in batches and write each batch's results at once; returns results
    written. A batch that fails is done again article by article, so only the bad line is lost."""
    written = 0
    batch: list[Article] = []
    for article in articles:
        problem = too_long(article)
        if problem:
            report(problem)
            continue
        batch.append(article)
        if len(batch) == BATCH:
            written += _extract_batch(extractor, batch, sink, published, report)
            batch = []
    if batch:
        written += _extract_batch(extractor, batch, sink, published, report)
    return written


def _extract_batch(
    extractor: Extractor,
    batch: list[Article],
    sink: TextIO,
    published: str | None,
    report: Callable[[InputError], None],
) -> int:
    try:
        results = [r for _, r in extractor.pipe(batch, published=published)]
    except Exception:
        if len(batch) == 1:
            return _extract_one(extractor, batch[0], sink, published, report)
        return sum(_extract_one(extractor, a, sink, published, report) for a in batch)
    sink.writelines(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in results)
    sink.flush()
    return len(results)


def _extract_one(
    extractor: Extractor, article: Article, sink: TextIO, published: str | None, report: Callable[[InputError], None]
) -> int:
    try:
        [(_, result)] = list(extractor.pipe([article], published=published))
    except Exception as exc:  # one line the pipeline cannot take must not lose the others
        report(InputError(article.source or article.id, f"extraction failed ({type(exc).__name__}: {exc})"))
        return 0
    sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    sink.flush()
    return 1


def output_problem(path: Path) -> str | None:
    """Why `path` cannot be written as an output file (its folder is missing, it is a folder), or None."""
    folder = path.parent
    if not folder.is_dir():
        return f"cannot write {path}: the folder {folder} does not exist; create it first"
    if path.is_dir():
        return f"cannot write {path}: it is a folder; give a file name"
    return None
