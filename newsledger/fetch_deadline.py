"""One deadline for a whole fetch: DNS, connect, TLS, headers, body, every redirect hop.

httpx's timeouts apply to each socket operation, so a server that sends one byte of its headers
every two seconds never trips them. Here every network operation of one fetch gets, as its
timeout, what is left of the fetch's deadline (never more), and none starts once it has passed.
The stream wrapper sits under httpcore (a NetworkBackend), so it covers the header reads too.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx


class Deadline:
    """A point in time (monotonic clock) that every operation of one fetch shares."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        return self.at - time.monotonic()

    def clamp(self, timeout: float | None, error: type[Exception]) -> float:
        """The timeout for the next operation: the smaller of its own and what is left; raises
        `error` when nothing is left."""
        left = self.left()
        if left <= 0:
            raise error(f"the whole-fetch deadline of {self.seconds:g} s has passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline):
        self._inner, self._deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: Deadline):
        self._inner, self._deadline = httpcore.SyncBackend(), deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, self._deadline.clamp(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, min(seconds, self._deadline.left())))


def deadline_client(deadline: Deadline) -> httpx.Client:
    """An httpx Client (no proxies, TLS verified, no automatic redirects) whose every network
    operation is bounded by `deadline`."""
    transport = httpx.HTTPTransport(verify=True, trust_env=False)
    # httpx 0.28 (pinned) builds its httpcore pool without a way to pass a network backend; the
    # pool is swapped for an identical one that has ours. Checked, so an httpx upgrade that moves
    # the attribute fails loudly here instead of silently losing the deadline.
    if not isinstance(getattr(transport, "_pool", None), httpcore.ConnectionPool):
        raise RuntimeError("httpx internals changed: HTTPTransport._pool is not an httpcore.ConnectionPool")
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(verify=True, trust_env=False), network_backend=_DeadlineBackend(deadline)
    )
    return httpx.Client(transport=transport, trust_env=False, follow_redirects=False)


def resolve_within(host: str, port: int, seconds: float) -> list:
    """socket.getaddrinfo bounded in time: the system resolver has no timeout of its own, so it runs
    in a daemon thread that is left behind (it ends by itself) when the deadline passes first.
    Raises socket.gaierror as getaddrinfo does, TimeoutError when the deadline passes."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=run, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(max(0.0, seconds))
    if worker.is_alive():
        raise TimeoutError(f"resolving {host} took longer than {seconds:g} s")
    if "error" in box:
        raise box["error"]
    return box["infos"]
