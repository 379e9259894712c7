"""WARC / WARC.gz -> one Article per HTML response, streamed record by record (warcio)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsledger.errors import InputError
from newsledger.records import Article

from .decode import header_charset
from .html import html_article
from .streams import GZIP_MAGIC, MAX_WARC_RECORD_BYTES, GzipCheckingStream, peek, read_exact

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return record.http_headers.get_statuscode() == "200" and ctype.startswith(_HTML_TYPES)


def _short_by(record) -> int:
    """Bytes missing from a record that was read to its end (its block is shorter than Content-Length)."""
    return max(0, getattr(record.raw_stream, "limit", 0) or 0) if record is not None else 0


def _article(record, name: str) -> Article | InputError | None:
    """The Article of an HTML response record that was read whole; None for pages without
    article text. Check _short_by(record) afterwards: a cut record must not become an Article."""
    payload = read_exact(record.content_stream(), MAX_WARC_RECORD_BYTES + 1)
    if len(payload) > MAX_WARC_RECORD_BYTES:
        return InputError(name, "HTML record larger than the size limit; skipped")
    if _short_by(record):
        return None
    try:
        return html_article(
            payload,
            name,
            kind="warc",
            url=record.rec_headers.get_header("WARC-Target-URI"),
            charset=header_charset(record.http_headers.get_header("Content-Type")),
        )
    except InputError:
        return None  # crawls hold many pages that are not articles


def read_warc(stream: BinaryIO, source: str) -> Iterator[Article | InputError]:
    """Yield an Article per HTML response (status 200) with article text.

    Pages without article text are skipped; a WARC without any article gives one InputError;
    damage or truncation stops reading with one InputError after the articles before it."""
    head, stream = peek(stream, 2)
    checker = GzipCheckingStream(stream) if head.startswith(GZIP_MAGIC) else None
    if checker is not None:
        stream = io.BufferedReader(checker, buffer_size=1 << 16)
    found = html_pages = n = 0
    damage = None
    previous = None
    records = iter(ArchiveIterator(stream))
    try:
        while True:
            record = next(records, None)
            missing = _short_by(previous)  # the previous record has now been read to its end
            if missing:
                damage = f"record {n} is {missing} bytes shorter than its Content-Length"
                break
            if record is None:
                break
            n += 1
            previous = record
            if not _html_response(record):
                continue
            html_pages += 1
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            item = _article(record, f"{source}#{n}" + (f" ({record_id})" if record_id else ""))
            if _short_by(record):
                continue  # reported as damage when the next record is fetched
            if item is not None:
                found += isinstance(item, Article)
                yield item
        if checker is not None and damage is None:
            while stream.read(1 << 16):  # read to the real end so a cut last member is seen
                pass
            damage = checker.truncated()
    except Exception as exc:  # warcio, gzip and zlib raise many kinds on damaged archives
        damage = f"{type(exc).__name__}: {exc}"
    if damage:
        yield InputError(
            source, f"truncated or damaged WARC after record {n} ({damage}); {found} article(s) were read before it"
        )
    elif not found:
        yield InputError(source, f"no article found in {n} WARC record(s) ({html_pages} HTML page(s))")
