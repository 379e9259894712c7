"""RSS / Atom / RDF feed -> one Article per entry (feedparser)."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator

import feedparser

from newsledger.errors import InputError
from newsledger.records import Article

from .html import clean
from .htmltext import fragment_text

# The whole DOCTYPE with its internal subset: feeds never need entity declarations, and dropping
# them up front means no external entity or entity expansion (XXE, billion laughs) can ever happen.
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>)", re.IGNORECASE | re.DOTALL)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def strip_doctype(data: bytes) -> bytes:
    """Remove DOCTYPE declarations from the prolog (before the root element)."""
    root = re.search(rb"<[A-Za-z]", data)
    cut = root.start() if root else len(data)
    return _DOCTYPE.sub(b"", data[:cut]) + data[cut:]


def _entry_text(entry) -> str:
    """The richest text of an entry: its longest content block, else its summary."""
    blocks = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if blocks:
        best = max(blocks, key=lambda c: len(c.get("value") or ""))
        value, mime = best.get("value", ""), best.get("type", "text/html")
    else:
        detail = entry.get("summary_detail") or {}
        value, mime = entry.get("summary") or "", detail.get("type", "text/html")
    if (mime or "").lower() in _HTML_TYPES:
        return fragment_text(value)
    return "\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return time.strftime("%Y-%m-%d", parsed) if parsed else None
    except (TypeError, ValueError):
        return None


def read_feed(data: bytes, source: str) -> Iterator[Article | InputError]:
    """Yield an Article per feed entry with text, an InputError per entry without,
    and a single InputError for a feed that is broken or has no entries."""
    try:
        parsed = feedparser.parse(
            io.BytesIO(strip_doctype(data)),  # a stream: never a URL to fetch
            resolve_relative_uris=False,
            sanitize_html=True,
        )
    except Exception as exc:  # feedparser is defensive, but a batch must survive any feed
        yield InputError(source, f"the feed could not be parsed ({type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            yield InputError(source, f"broken feed with no entries ({reason})")
        else:
            yield InputError(source, "the feed has no entries")
        return
    outlet = clean(parsed.get("feed", {}).get("title"))
    for n, entry in enumerate(entries, 1):
        name = f"{source}#{n}"
        text = _entry_text(entry)
        title = clean(entry.get("title"))
        if not text:
            yield InputError(name, f"feed entry {title!r} has no content or summary text")
            continue
        yield Article(
            text=text,
            title=title,
            url=clean(entry.get("link")),
            outlet=outlet,
            author=clean(entry.get("author")),
            published=_entry_date(entry),
            source=name,
            kind="feed",
        )
