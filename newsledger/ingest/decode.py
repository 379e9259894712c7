"""Bytes -> str: BOM, then a declared charset (HTTP header, <meta>, XML declaration),
then UTF-8, then charset-normalizer. Invalid bytes are replaced, never fatal."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
# Labels that browsers treat as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}


class UndecodableText(ValueError):
    """The bytes do not look like text in any known encoding."""


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    """The encoding named by a byte-order mark and the mark's length."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None, 0


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header."""
    m = _HEADER_CHARSET.search(content_type or "")
    return m.group(1) if m else None


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes."""
    m = _XML_ENCODING.search(head[:512]) or _META_CHARSET.search(head[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the very end still counts as UTF-8
        return exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8, or UTF-8 with a few damaged bytes (under 1 in 10 non-ASCII bytes)."""
    if _is_utf8(data):
        return True
    bad = data.decode("utf-8", "replace").count("\ufffd")
    non_ascii = len(data) - len(data.decode("ascii", "ignore"))
    return non_ascii < 4 or bad * 10 < non_ascii  # two or three odd bytes are no evidence


def _utf8_with_damage(data: bytes) -> bool:
    """Mostly valid UTF-8: it has valid multi-byte characters, at least twice as many as damaged
    bytes. A statistical detector would read the whole text as cp1251 or the like for the sake of
    one bad byte, turning every correct character into mojibake; replacing the bad byte costs one
    character. A Latin-1 text (its accented letters are single bytes, invalid in UTF-8) has few or
    no valid multi-byte characters and many invalid bytes, so it still goes to detection."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return valid > 0 and bad * 2 <= valid


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes. Raises UndecodableText when no encoding fits."""
    enc, skip = bom_encoding(data)
    if enc:
        return data[skip:].decode(enc, "replace")
    codec = _codec(declared)
    if codec:
        # Pages labelled Latin-1 that are valid UTF-8 with non-ASCII bytes are UTF-8
        # (a frequent mislabel; valid multi-byte UTF-8 is very unlikely in real Latin-1 text).
        if codec == "cp1252" and not data.isascii() and _is_utf8(data):
            return data.decode("utf-8", "replace")
        # Pages labelled UTF-8 whose non-ASCII bytes are mostly not UTF-8 are in another encoding
        # (cp1251, Latin-1 ... under a template's default label): detect it rather than fill with U+FFFD.
        if codec != "utf-8" or _mostly_utf8(data):
            return data.decode(codec, "replace")
    if _is_utf8(data) or _utf8_with_damage(data):
        return data.decode("utf-8", "replace")
    encoding = _detect(data)
    if encoding is None:
        raise UndecodableText("no text encoding fits these bytes")
    return data.decode(encoding, "replace")


def _detect(data: bytes) -> str | None:
    matches = from_bytes(data[: 1 << 20])  # a 1 MB sample is plenty to pick a charset
    best = matches.best()
    if best is None:
        return None
    for m in matches:  # on a tie, windows-1252: the web's most common legacy encoding
        if m.encoding == "cp1252" and (m.chaos, m.coherence) == (best.chaos, best.coherence):
            return "cp1252"
    return best.encoding
