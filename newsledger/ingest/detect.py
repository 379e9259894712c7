"""Pick the kind of an input from its first bytes (content first, file name only as a hint)."""

from __future__ import annotations

import json
import re

from newsledger.errors import InputError

from .decode import bom_encoding
from .streams import GZIP_MAGIC, gunzip_head

KINDS = ("html", "feed", "warc", "jsonl", "text")

# Formats that are certainly not articles: (magic prefix, what it is).
_BINARY_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)
_PROLOG = re.compile(
    rb"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!doctype\s+([^\s>\[]+)[^>\[]*(?:\[[^\]]*\][^>]*)?>)*<([a-z][\w:.\-]*)", re.DOTALL
)
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf", b"rdf"}
_HTML_TAGS = re.compile(
    rb"<(?:html|head|body|div|p|span|a|br|meta|title|script|style|article|section|h[1-6]|table|ul|ol|li|img|link)[\s>/]"
)
_HTML_ROOTS = {
    b"html",
    b"head",
    b"body",
    b"div",
    b"p",
    b"article",
    b"section",
    b"main",
    b"meta",
    b"title",
    b"span",
    b"table",
    b"h1",
    b"h2",
    b"h3",
    b"header",
}
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_JSON_DOCUMENT = re.compile(rb'\A(?:\{\s*"|\[\s*\{)')
_JSONL_NAMES = (".jsonl", ".ndjson", ".jsonlines")
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml")
HEAD_SNIFF = 16 * 1024  # markup is recognised within its first 16 KB


def _binary_what(head: bytes) -> str | None:
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return what
    sample = head[:8192]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        return "binary data"
    return None


def _as_utf8(head: bytes) -> bytes:
    """Re-encode UTF-16/32 heads (known by their BOM) so the byte patterns below apply."""
    enc, skip = bom_encoding(head)
    if enc and enc != "utf-8":
        return head[skip:].decode(enc, "replace").encode("utf-8")
    return head[skip:]


def _is_json_object_line(text: bytes) -> bool:
    line, newline, _ = text.partition(b"\n")
    line = line.strip()
    if not line.startswith(b"{"):
        return False
    if not newline and len(line) > 1000:
        return line[1:].lstrip().startswith(b'"')  # a long first line cut by the head
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return line[1:].lstrip().startswith(b'"')  # a JSON Lines file with a damaged line


def _first_line_is_json_object(text: bytes) -> bool:
    line = text.partition(b"\n")[0].strip()
    try:
        return line.startswith(b"{") and isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):  # RecursionError: nested too deeply
        return False


def detect_kind(head: bytes, name: str = "") -> str:
    """'html' | 'feed' | 'warc' | 'jsonl' | 'text' for the first bytes of an input (gzip is looked through).

    Raises InputError for empty input, binary data and markup that is neither a page nor a feed."""
    if head.startswith(GZIP_MAGIC):
        try:
            inner = gunzip_head(head)
        except InputError as exc:
            raise InputError(name, exc.reason) from None
        if inner.startswith(GZIP_MAGIC):
            raise InputError(name, "binary data, not an article (detected gzip inside gzip); decompress it once")
        if not inner:
            raise InputError(name, "empty or damaged gzip file")
        return detect_kind(inner, name)
    if not head:
        raise InputError(name, "empty file")
    if not head.strip():
        raise InputError(name, "empty file (only whitespace)")
    lower_name = name.lower()
    text = _as_utf8(head).lstrip()
    if text.startswith(b"WARC/") and text[5:6].isdigit():
        return "warc"  # before the binary check: WARC payloads are often binary
    if _first_line_is_json_object(text):
        return "jsonl"  # before the binary check: one line of garbage must not lose the good lines
    if bom_encoding(head)[0] is None:
        what = _binary_what(head)
        if what:
            raise InputError(name, f"binary data, not an article (detected {what})")
    low = text[:HEAD_SNIFF].lower()
    if low.startswith(b"<"):
        m = _PROLOG.match(text.lower())  # the whole head: a DOCTYPE's internal subset can be long
        doctype, root = (m.group(1), m.group(2)) if m else (None, None)
        if doctype == b"html" or root in _HTML_ROOTS or low.startswith(b"<!doctype html"):
            return "html"
        if root in _FEED_ROOTS or (root or b"").endswith(b":rdf"):
            return "feed"
        if len(_HTML_TAGS.findall(low)) >= 3:
            return "html"
        if root is not None:
            raise InputError(
                name,
                f"an XML document with root <{root.decode('ascii', 'replace')}>, "
                "neither a web page nor an RSS/Atom feed",
            )
    if _is_json_object_line(text) or (lower_name.removesuffix(".gz").endswith(_JSONL_NAMES) and text.startswith(b"{")):
        return "jsonl"
    if _JSON_DOCUMENT.match(text):
        raise InputError(
            name, "a JSON document spread over several lines or in an array, not JSON Lines; write one object per line"
        )
    if lower_name.endswith(_HTML_NAMES) and _HTML_TAGS.search(low):
        return "html"
    if len(_HTML_TAGS.findall(low)) >= 10 and low.count(b"<") > len(low) // 200:
        return "html"  # a page with some text before its first tag
    return "text"
