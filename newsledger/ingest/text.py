"""Plain text file -> Article. The text is the whole file so that offsets match it."""

from __future__ import annotations

from newsledger.errors import InputError
from newsledger.records import Article

from .decode import UndecodableText, decode_bytes

MAX_TITLE_CHARS = 200


def guess_title(text: str) -> str | None:
    """The first line when it is short and more text follows it (a headline)."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if first and len(first) < MAX_TITLE_CHARS and rest.strip():
        return first
    return None


def text_article(data: bytes, source: str) -> Article:
    """Decode a text file (BOM, else UTF-8, else detected charset) into an Article."""
    try:
        text = decode_bytes(data)
    except UndecodableText:
        raise InputError(source, "not decodable as text in any known encoding; convert it to UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "no text (only whitespace)")
    return Article(text=text, title=guess_title(text), source=source, kind="text")
