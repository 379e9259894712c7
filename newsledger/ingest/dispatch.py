"""One input stream -> its reader, chosen by content."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsledger.errors import InputError
from newsledger.records import Article

from .detect import detect_kind
from .html import html_article
from .jsonl import read_jsonl
from .streams import GZIP_MAGIC, gunzip_stream, peek, read_limited
from .text import text_article
from .warc import read_warc


def read_stream(stream: BinaryIO, name: str, *, keep_ids: bool = False) -> Iterator[Article | InputError]:
    """Detect what `stream` holds and yield its Articles / InputErrors. Never raises InputError."""
    try:
        head, stream = peek(stream)
        kind = detect_kind(head, name)
    except InputError as exc:
        yield InputError(name, exc.reason)
        return
    except OSError as exc:
        yield InputError(name, f"could not be read ({exc})")
        return
    if kind == "warc":  # warcio reads gzip members itself, record by record
        yield from read_warc(stream, name)
        return
    if head.startswith(GZIP_MAGIC):
        stream = gunzip_stream(stream)
    if kind == "jsonl":
        yield from _guard(read_jsonl(stream, name, keep_ids=keep_ids), name)
        return
    try:
        data = read_limited(stream, name)
        if kind == "feed":
            from .feeds import read_feed  # feedparser is loaded for feeds only

            yield from read_feed(data, name)
        elif kind == "html":
            yield html_article(data, name)
        else:
            yield text_article(data, name)
    except InputError as exc:
        yield exc
    except Exception as exc:  # one odd input must not end a batch; the message names the cause
        yield InputError(name, f"could not be read ({type(exc).__name__}: {exc})")


def _guard(items: Iterator[Article | InputError], name: str) -> Iterator[Article | InputError]:
    """Turn a read failure in the middle of a stream (e.g. a truncated .jsonl.gz) into one InputError."""
    try:
        yield from items
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(name, f"reading stopped: truncated or damaged data ({exc})")
