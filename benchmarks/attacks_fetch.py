"""Hostile sources against newsledger.fetch and URL ingest, on a loopback server (benchmarks/attack.py).

Each attack returns (held, detail). Deadlines are DEADLINE seconds and every slow server gives up
after ~15 s, so the whole list takes seconds. Whether an attack held is decided by its outcome
(an error naming the URL and the reason, nothing stored), never by a measured time."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable

from newsledger.errors import InputError
from newsledger.fetch import fetch
from newsledger.ingest import read_inputs
from tests.fetch.server import LocalServer, Route, big_unsized, redirect, trickle, trickled_headers

DEADLINE = 1.5


def _body_trickle(n: int = 60, pause: float = 0.2):
    def handle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Content-Length", str(n))
        h.end_headers()
        trickle(b"x" * n, pause)(h)

    return handle


def _stall(h):
    time.sleep(15)


BOMB = gzip.compress(b"\0" * (40 << 20), 9)  # 40 MB of zeros in ~40 KB


def _refused(call: Callable[[], object], *words: str) -> tuple[bool, str]:
    """Held when `call` raises an InputError whose reason has every word (or yields only such)."""
    try:
        got = call()
    except InputError as exc:
        return all(w in str(exc) for w in words), str(exc)[:160]
    except Exception as exc:  # anything but the documented error is a break
        return False, f"{type(exc).__name__}: {exc}"[:160]
    if isinstance(got, list) and got and all(isinstance(i, InputError) for i in got):
        text = " ".join(str(i) for i in got)
        return all(w in text for w in words), text[:160]
    return False, f"not refused: {str(got)[:160]}"


def _bare_cli_flag():
    """What the CLI's bare --allow-private passes to fetch (True before issue #20: everything)."""
    try:
        from newsledger.cli_private import rules
    except ImportError:
        return True
    return rules(["private"])


def run_fetch_attacks() -> list[tuple[str, bool, str]]:
    """[(attack, held, detail)] for every hostile-source attack."""
    out = []
    with LocalServer() as s:
        s.routes.update(
            {
                "/trickle-headers": trickled_headers(),
                "/trickle-body": _body_trickle(),
                "/hop": redirect("/trickle-headers"),
                "/stall": _stall,
                "/big": big_unsized(21 << 20),
                "/bomb": Route(BOMB, content_type="text/plain", headers={"Content-Encoding": "gzip"}),
                "/loop": redirect("/loop"),
                "/to-metadata": redirect("http://169.254.0.1:9/latest/meta-data/"),
                "/to-file": redirect("file:///etc/passwd"),
                "/to-other": redirect("http://127.0.0.2:9/"),
            }
        )
        quick = {"allow_private": True, "timeout": DEADLINE}
        attacks = {
            "headers trickled 1 byte / 0.2 s": lambda: fetch(s.url("/trickle-headers"), **quick),
            "body trickled 1 byte / 0.2 s": lambda: fetch(s.url("/trickle-body"), **quick),
            "redirect, then trickled headers": lambda: fetch(s.url("/hop"), **quick),
            "server that never answers": lambda: fetch(s.url("/stall"), **quick),
            "21 MB page by URL (limit 20 MB)": lambda: list(read_inputs([s.url("/big")], allow_private=True)),
            "gzip bomb (40 MB from 40 KB)": lambda: fetch(s.url("/bomb"), allow_private=True),
            "redirect loop": lambda: fetch(s.url("/loop"), allow_private=True),
            "redirect to a link-local address, bare --allow-private": lambda: fetch(
                s.url("/to-metadata"), allow_private=_bare_cli_flag(), timeout=DEADLINE
            ),
            "redirect to file://": lambda: fetch(s.url("/to-file"), allow_private=True),
            "redirect off the one allowed host": lambda: fetch(s.url("/to-other"), allow_private=["127.0.0.1"]),
            "loopback without --allow-private": lambda: fetch(s.url("/big")),
        }
        words = {
            "headers trickled 1 byte / 0.2 s": ("timed out",),
            "body trickled 1 byte / 0.2 s": ("timed out",),
            "redirect, then trickled headers": ("timed out",),
            "server that never answers": ("timed out",),
            "21 MB page by URL (limit 20 MB)": ("too large",),
            "gzip bomb (40 MB from 40 KB)": ("too large",),
            "redirect loop": ("redirects",),
            "redirect to a link-local address, bare --allow-private": ("link-local",),
            "redirect to file://": ("scheme",),
            "redirect off the one allowed host": ("127.0.0.2",),
            "loopback without --allow-private": ("loopback",),
        }
        for name, call in attacks.items():
            held, detail = _refused(call, *words[name])
            out.append((name, held, detail))
    return out
