"""Byte-stream helpers shared by the readers: size limits, peeking, gzip."""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

from newsledger.errors import InputError

# Inputs read whole (HTML, feeds, plain text) may not exceed this, compressed or not.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Streamed inputs have per-item limits instead of a file limit.
MAX_JSONL_LINE_BYTES = 20 * 1024 * 1024
MAX_WARC_RECORD_BYTES = MAX_FILE_BYTES
# Bytes looked at to detect the kind of an input.
HEAD_BYTES = 64 * 1024

GZIP_MAGIC = b"\x1f\x8b"


def read_exact(stream: BinaryIO, n: int) -> bytes:
    """Read up to n bytes, looping because pipes return short reads."""
    parts, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


class PrefixedStream(io.RawIOBase):
    """A stream that replays bytes already read (the head) before the rest of `raw`."""

    def __init__(self, head: bytes, raw: BinaryIO):
        self._head = memoryview(head)
        self._pos = 0
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._pos < len(self._head):
            n = min(len(buf), len(self._head) - self._pos)
            buf[:n] = self._head[self._pos : self._pos + n]
            self._pos += n
            return n
        data = self._raw.read(len(buf))
        n = len(data)
        buf[:n] = data
        return n


def peek(stream: BinaryIO, n: int = HEAD_BYTES) -> tuple[bytes, BinaryIO]:
    """Return the first n bytes and a buffered stream that still starts at byte 0."""
    head = read_exact(stream, n)
    return head, io.BufferedReader(PrefixedStream(head, stream), buffer_size=1 << 16)


def gunzip_head(head: bytes, n: int = HEAD_BYTES) -> bytes:
    """Decompress what can be decompressed of a gzip head (for detection only)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, n)
    except zlib.error as exc:
        raise InputError("", f"damaged gzip data ({exc})") from None


def gunzip_stream(stream: BinaryIO) -> BinaryIO:
    """A streaming decompressor over a gzip stream (multi-member aware)."""
    return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]


def read_limited(stream: BinaryIO, name: str, limit: int | None = None) -> bytes:
    """Read a whole input, refusing inputs over `limit` (default MAX_FILE_BYTES, read at call time)
    without holding more than limit+1 bytes."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        data = read_exact(stream, limit + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(name, f"truncated or damaged gzip data ({exc}); re-download or re-compress the file") from None
    except OSError as exc:
        raise InputError(name, f"could not be read ({exc})") from None
    if len(data) > limit:
        raise InputError(
            name,
            f"larger than the {limit / (1024 * 1024):g} MB limit for a single article file; "
            "split it or convert it to JSON Lines",
        )
    return data


class GzipCheckingStream(io.RawIOBase):
    """Pass gzip bytes through unchanged while checking that they end at the end of a member.

    warcio stops quietly at a gzip member cut short; this check is how a truncated WARC is noticed.
    Decompression here is bounded (1 MB per step) so a gzip bomb cannot exhaust memory."""

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._in_member = False
        self.error: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        data = self._raw.read(len(buf))
        n = len(data)
        buf[:n] = data
        if data and self.error is None:
            self._check(bytes(data))
        return n

    def _check(self, data: bytes) -> None:
        try:
            while data:
                self._in_member = True
                self._dec.decompress(data, 1 << 20)
                data = self._dec.unconsumed_tail
                if self._dec.eof:
                    data = self._dec.unused_data + data
                    self._dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    self._in_member = False
        except zlib.error as exc:
            self.error = f"damaged gzip data ({exc})"

    def truncated(self) -> str | None:
        """Why the gzip data is incomplete (call after reading to the end), or None."""
        if self.error is None and self._in_member:
            return "the gzip data ends in the middle of a record (the file is truncated)"
        return self.error
