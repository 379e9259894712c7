"""`newsledger serve` with no --host listens on 127.0.0.1 only (checked in the kernel's socket table)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn", reason="uvicorn is not installed (web extra)")
TCP = Path("/proc/net/tcp")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> set[str]:
    """Local IPv4 addresses (hex, as the kernel prints them) listening on `port`."""
    out = set()
    for line in TCP.read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        addr, hexport = local.split(":")
        if state == "0A" and int(hexport, 16) == port:  # 0A = LISTEN
            out.add(addr)
    return out


@pytest.mark.skipif(not TCP.exists(), reason="needs Linux /proc/net/tcp")
def test_serve_binds_to_loopback_by_default(tmp_path):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsledger", "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not _listening(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"serve did not listen within 60 s: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        assert _listening(port) == {"0100007F"}  # 127.0.0.1, little-endian hex; not 0.0.0.0
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=10) as r:
            assert r.status == 200 and "articles" in json.loads(r.read())
    finally:
        proc.terminate()
        proc.wait(timeout=20)
