"""`newsledger ingest URL` and `newsledger watch` through the command (run in this process,
tests/cli_run.py), against 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from ..cli_run import run_cli
from .feeds import TEASER_PAGE, rss
from .server import LocalServer, Route


def run(*args):
    return run_cli(*args)


def stats(db) -> dict:
    return json.loads(run("stats", "--db", str(db), "--json").stdout)


@pytest.fixture(scope="module")
def server():
    with LocalServer() as s:
        s.routes["/page.html"] = Route(TEASER_PAGE)
        s.routes["/wire.xml"] = Route(rss(["dam", "talks"]), content_type="application/rss+xml", etag='"w1"')
        yield s


def test_ingest_url_refused_by_default_then_allowed(server, tmp_path, extractor):
    db = tmp_path / "l.db"
    url = server.url("/page.html")
    refused = run("ingest", url, "--db", str(db), "-q")
    assert refused.returncode == 1
    assert url in refused.stderr.decode() and "loopback" in refused.stderr.decode()
    assert server.hits["/page.html"] == 0
    proc = run("ingest", url, "--allow-private", "--db", str(db), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    assert server.hits["/page.html"] == 1
    [article] = json.loads(run("articles", "--db", str(db), "--json").stdout)
    assert article["title"] == "Port blast injures workers" and article["url"] == url
    # a feed URL goes through the same content detection as a feed file
    proc = run("ingest", server.url("/wire.xml"), "file:///etc/passwd", "--allow-private", "--db", str(db), "-q")
    assert proc.returncode == 1 and "file:///etc/passwd: the URL scheme file: is refused" in proc.stderr.decode()
    assert stats(db)["articles"] == 3


def test_watch_command(server, tmp_path, extractor):
    db = tmp_path / "w.db"
    proc = run(
        "watch",
        server.url("/wire.xml"),
        server.url("/missing.xml"),
        "--every",
        "1s",
        "--rounds",
        "2",
        "--allow-private",
        "--db",
        str(db),
    )
    err = proc.stderr.decode()
    assert proc.returncode == 1, err  # one feed failed, and that is reported
    assert "HTTP 404" in err and "not modified" in err and "2 added" in err
    assert stats(db)["articles"] == 2
    assert run("watch", server.url("/wire.xml"), "--every", "soon", "--db", str(db)).returncode == 2
