"""A real HTTP server on 127.0.0.1 in a thread, serving routes the test changes as it goes.

Each route is a Route (body, status, headers; ETag/Last-Modified honoured with 304) or a callable
taking the handler (for redirects, slow answers and bodies without a length). Requests are
counted per path, so tests can tell what was fetched and how often.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    headers: dict = field(default_factory=dict)


class LocalServer:
    def __init__(self):
        self.routes: dict[str, object] = {}
        self.hits: Counter = Counter()
        self.conditional: Counter = Counter()  # requests that carried If-None-Match/If-Modified-Since
        self.hosts: list[str] = []  # the Host header of each request
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                server.hits[self.path] += 1
                server.hosts.append(self.headers.get("Host", ""))
                if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                    server.conditional[self.path] += 1
                route = server.routes.get(self.path)
                try:
                    if route is None:
                        self._send(404, b"not found", "text/plain")
                    elif callable(route):
                        route(self)
                    else:
                        self._route(route)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size or time limit): that is the point

            def _route(self, r: Route):
                fresh = (r.etag and self.headers.get("If-None-Match") == r.etag) or (
                    r.last_modified and self.headers.get("If-Modified-Since") == r.last_modified
                )
                extra = dict(r.headers)
                if r.etag:
                    extra["ETag"] = r.etag
                if r.last_modified:
                    extra["Last-Modified"] = r.last_modified
                if fresh:
                    self.send_response(304)
                    for k, v in extra.items():
                        self.send_header(k, v)
                    self.end_headers()
                    return
                self._send(r.status, r.body, r.content_type, extra)

            def _send(self, status, body, ctype, extra=None):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def redirect(location: str, status: int = 302):
    def handle(h):
        h.send_response(status)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return handle


def unsized(body: bytes):
    """A body without Content-Length, ended by closing the connection (HTTP/1.0)."""

    def handle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.end_headers()
        h.wfile.write(body)

    return handle


def drip(chunks: int, pause: float):
    """One byte every `pause` seconds, `chunks` times: each read is quick, the whole is slow."""

    def handle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Content-Length", str(chunks))
        h.end_headers()
        for _ in range(chunks):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(pause)

    return handle


def stall(seconds: float):
    """Answer nothing for `seconds`, then a short body."""

    def handle(h):
        time.sleep(seconds)
        h._send(200, b"late", "text/plain")

    return handle


def trickle(raw: bytes, pause: float = 0.2):
    """`raw` as it stands (status line and headers included), one byte every `pause` seconds."""

    def handle(h):
        for byte in raw:
            h.wfile.write(bytes([byte]))
            h.wfile.flush()
            time.sleep(pause)

    return handle


def trickled_headers(pause: float = 0.2, pad: int = 40):
    """A whole, valid answer with an empty body, its header bytes sent one every `pause` seconds:
    each read is quick, so per-read timeouts never fire; only a whole-fetch deadline stops it."""
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nX-Pad: " + b"a" * pad + b"\r\n\r\n"
    return trickle(raw, pause)


def big_unsized(size: int):
    """`size` bytes with no Content-Length, in 1 MB writes, ended by closing the connection."""

    def handle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.end_headers()
        chunk = b"a" * (1 << 20)
        for _ in range(size // len(chunk)):
            h.wfile.write(chunk)

    return handle
