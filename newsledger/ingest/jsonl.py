"""JSON Lines -> Article per line, streamed; bad lines give an InputError and reading goes on."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from newsledger.errors import InputError
from newsledger.records import Article

from .html import iso_date
from .streams import MAX_JSONL_LINE_BYTES

log = logging.getLogger("newsledger.ingest")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CHUNK = 1 << 20


def _no_surrogates(value: str) -> str:
    """JSON may escape lone surrogates ("\\ud800"); they cannot be encoded later. One char for one
    keeps offsets valid."""
    return _SURROGATE.sub("\ufffd", value)


def _given_id(obj: dict) -> str | None:
    """The input id exactly as given (numbers become strings): extract must echo it back."""
    value = obj.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _no_surrogates(value) if isinstance(value, str) and value else None


def _str_field(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(_no_surrogates(value).split())
    return value or None


def _published(obj: dict, where: str) -> str | None:
    """The line's "published" date (YYYY-MM-DD prefix); a value that is no date is dropped with a
    warning naming the line (logged: the article itself is fine and is kept, without a date)."""
    given = _str_field(obj, "published")
    date = iso_date(given)
    if given and date is None:
        log.warning('%s: "published" %r is not a date (YYYY-MM-DD); the article is kept without one', where, given[:80])
    return date


def _ends_line(line: str | bytes) -> bool:
    return line[-1:] in ("\n", b"\n")


def _lines(stream: BinaryIO | TextIO, limit: int) -> Iterator[tuple[int, str | bytes | None]]:
    """(line number, line) pairs; an over-long line comes as None and is skipped without being held."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not _ends_line(line):
            while line and not _ends_line(line):
                line = stream.readline(_CHUNK)  # drain the rest of the long line in chunks
            yield number, None
            continue
        yield number, line


def _parse_line(raw: str | bytes) -> dict | str:
    """The JSON object of a line, or the reason it is not one."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    try:
        obj = json.loads(raw)
    except ValueError as exc:
        return f"invalid JSON ({exc})"
    except RecursionError:
        return "invalid JSON (nested too deeply)"
    if not isinstance(obj, dict):
        return f"a JSON {type(obj).__name__}, not an object"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return 'no non-empty "text" string'
    return obj


def read_jsonl(stream: BinaryIO | TextIO, name: str, *, keep_ids: bool = False) -> Iterator[Article | InputError]:
    """Yield an Article per line {"id","text","published","url","title","outlet","author"}.

    keep_ids=True: Article.id is the line's "id" (the extract contract keeps input ids);
    otherwise the id is the content hash and the given id is recorded in Article.source."""
    for number, raw in _lines(stream, MAX_JSONL_LINE_BYTES):
        where = f"{name}:line {number}"
        if raw is None:
            yield InputError(where, f"line longer than {MAX_JSONL_LINE_BYTES // (1024 * 1024)} MB; skipped")
            continue
        if number == 1:
            raw = raw.lstrip("\ufeff") if isinstance(raw, str) else raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        obj = _parse_line(raw)
        if isinstance(obj, str):
            yield InputError(where, obj)
            continue
        given_id = _given_id(obj)
        published = _published(obj, where)
        article = Article(
            text=_no_surrogates(obj["text"]),  # as given: offsets refer to this text
            id=given_id if keep_ids and given_id else "",
            title=_str_field(obj, "title"),
            url=_str_field(obj, "url"),
            outlet=_str_field(obj, "outlet"),
            author=_str_field(obj, "author"),
            published=published,
            source=where if keep_ids or not given_id else f"{where} (id={given_id})",
            kind="jsonl",
        )
        yield article
