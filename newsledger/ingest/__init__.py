"""Readers that turn input files and streams into `newsledger.records.Article` objects.

Each input's kind is detected from its content (gzip is looked through): HTML pages
(trafilatura), RSS/Atom feeds (feedparser), WARC archives (warcio), JSON Lines and plain text.
Bad inputs are yielded as `InputError`s, never raised, so a batch goes on past them.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from newsledger.errors import InputError, NotAnArticle
from newsledger.fetch import fetch, is_url
from newsledger.records import Article

from .detect import KINDS, detect_kind
from .dispatch import read_stream
from .folder import not_an_article
from .jsonl import read_jsonl
from .streams import MAX_FILE_BYTES, MAX_JSONL_LINE_BYTES

__all__ = [
    "KINDS",
    "MAX_FILE_BYTES",
    "MAX_JSONL_LINE_BYTES",
    "detect_kind",
    "iter_files",
    "read_inputs",
    "read_jsonl",
    "read_stream",
]


def iter_files(directory: Path) -> list[Path]:
    """Files under `directory`, recursively, sorted by their path components, hidden files and
    folders skipped (symlinked folders are not followed, so loops cannot happen)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # prune the descent
        found.extend(Path(root, name) for name in files if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe (FIFO)" ...), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _SPECIAL if test(mode)), "not a regular file")


def _open_regular(path: Path):
    """Open a file found in a folder only if it is a regular file. O_NONBLOCK: opening a FIFO
    without a writer would otherwise wait forever; the check is on the opened descriptor, so a
    file swapped for a pipe after the folder was listed is caught too."""
    try:
        what = _not_regular(os.stat(path).st_mode)  # a socket cannot even be opened: say what it is
    except OSError:
        what = None
    if what:
        raise InputError(
            str(path),
            f"{what}, not a regular file; skipped (only regular files in a "
            "folder are read; name a pipe explicitly to read it)",
        )
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    what = _not_regular(os.fstat(fd).st_mode)
    if what:
        os.close(fd)
        raise InputError(str(path), f"{what}, not a regular file; skipped")
    return os.fdopen(fd, "rb")


def _read_file(path: Path, keep_ids: bool, *, in_folder: bool = False) -> Iterator[Article | InputError]:
    """One file. A file found in a folder must be a regular file; one named explicitly may be a
    pipe or a device (`ingest /dev/stdin`, `ingest <(zcat x.gz)`)."""
    name = str(path)
    try:
        # opened here so that an open error is reported as one; closed by the `with` below
        handle = _open_regular(path) if in_folder else open(path, "rb")  # noqa: SIM115
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(name, f"cannot be opened ({exc.strerror or exc})")
        return
    with handle:
        yield from read_stream(handle, name, keep_ids=keep_ids)


def _read_url(url: str, keep_ids: bool, allow_private) -> Iterator[Article | InputError]:
    """A fetched page or feed goes through the same content detection as a file. The download
    limit is fetch's MAX_BYTES (20 MB, as documented), not the 64 MB of a local file."""
    try:
        got = fetch(url, allow_private=allow_private)
    except InputError as exc:
        yield exc
        return
    for item in read_stream(io.BytesIO(got.content), url, keep_ids=keep_ids):
        if isinstance(item, Article) and not item.url and item.kind != "feed":
            item.url = got.url
        yield item


def read_inputs(
    paths: Sequence[str | Path], *, stdin: BinaryIO | None = None, keep_ids: bool = False, allow_private=False
) -> Iterator[Article | InputError]:
    """Yield an Article per article found, or an InputError per bad input.

    `paths` are files or directories (read recursively, in sorted order, hidden files skipped, and
    files whose name says they are no article, such as LICENSE, README.rst or code, yielded as
    NotAnArticle: newsledger.ingest.folder);
    "-" is standard input, read from the binary stream `stdin`; URLs are fetched safely (http(s) only;
    newsledger.fetch, `allow_private` as there). Never raises for bad input:
    the caller reports the error and goes on."""
    stdin = getattr(stdin, "buffer", stdin)  # accept sys.stdin as well as sys.stdin.buffer
    for raw in paths:
        if str(raw) == "-":
            if stdin is None:
                yield InputError("stdin", "no standard input stream was given")
            else:
                yield from read_stream(stdin, "stdin", keep_ids=keep_ids)
            continue
        if is_url(str(raw)):
            yield from _read_url(str(raw), keep_ids, allow_private)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in iter_files(path):
                found = True
                what = not_an_article(file)
                if what:  # a licence, a readme, code: said once, not read (naming the file reads it)
                    yield NotAnArticle(str(file), f"{what}, not an article; skipped")
                    continue
                yield from _read_file(file, keep_ids, in_folder=True)
            if not found:
                yield InputError(str(path), "directory holds no (non-hidden) files")
        elif path.exists():
            yield from _read_file(path, keep_ids)
        else:
            yield InputError(str(path), "no such file or directory")
