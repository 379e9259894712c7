"""WARC / WARC.gz -> one Article per HTML response, streamed record by record (warcio)."""
from __future__ import annotations

from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator

from newsledger.errors import InputError
from newsledger.records import Article

from .decode import header_charset
from .html import html_article
from .streams import MAX_WARC_RECORD_BYTES, read_exact

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return record.http_headers.get_statuscode() == "200" and ctype.startswith(_HTML_TYPES)


def read_warc(stream: BinaryIO, source: str) -> Iterator[Article | InputError]:
    """Yield an Article per HTML response (status 200) with article text.

    Pages without article text (index pages, ...) are skipped; a WARC with no article at all gives
    one InputError, and damage stops reading with one InputError after the articles before it."""
    found = html_pages = n = 0
    records = iter(ArchiveIterator(stream))
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            n += 1
            if not _html_response(record):
                continue
            html_pages += 1
            payload = read_exact(record.content_stream(), MAX_WARC_RECORD_BYTES + 1)
        except Exception as exc:   # warcio, gzip and zlib raise many kinds on damaged archives
            yield InputError(source, f"truncated or damaged WARC at record {n} ({type(exc).__name__}: {exc}); "
                                     f"{found} article(s) were read before it")
            return
        name = f"{source}#{n}"
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        if record_id:
            name += f" ({record_id})"
        if len(payload) > MAX_WARC_RECORD_BYTES:
            yield InputError(name, "HTML record larger than the size limit; skipped")
            continue
        try:
            article = html_article(
                payload, name, kind="warc", url=record.rec_headers.get_header("WARC-Target-URI"),
                charset=header_charset(record.http_headers.get_header("Content-Type")))
        except InputError:
            continue   # crawls hold many pages that are not articles
        found += 1
        yield article
    if not found:
        yield InputError(source, f"no article found in {n} WARC record(s) ({html_pages} HTML page(s))")
