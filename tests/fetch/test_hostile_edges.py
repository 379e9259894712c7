"""Issue #20 items 1, 5 and 8, against a real HTTP server on 127.0.0.1 started by each test.

The slow servers trickle bytes for at most ~15 s and the deadlines set here are 1.5 s, so each
test takes seconds. The assertions are on outcomes (an error, an order of events), never on time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsledger.cli_private import rewrite_bare
from newsledger.errors import InputError
from newsledger.fetch import MAX_BYTES, check_url, fetch

from .feeds import rss
from .server import LocalServer, Route, big_unsized, redirect, trickled_headers

DEADLINE = 1.5


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def test_trickled_headers_cannot_stretch_the_deadline(server):
    """Item 1: before, headers trickled one byte per 0.2 s kept the fetch busy until they ended
    (~20 s) and it then succeeded; now the 1.5 s deadline ends it."""
    server.routes["/slow"] = trickled_headers()
    with pytest.raises(InputError) as info:
        fetch(server.url("/slow"), allow_private=True, timeout=DEADLINE)
    assert "timed out" in info.value.reason and info.value.input == server.url("/slow")


def test_trickle_after_a_redirect_shares_the_deadline(server):
    server.routes["/hop"] = redirect("/slow")
    server.routes["/slow"] = trickled_headers()
    with pytest.raises(InputError, match="timed out"):
        fetch(server.url("/hop"), allow_private=True, timeout=DEADLINE)


def test_watch_polls_a_healthy_feed_while_a_slow_one_trickles(server, tmp_path):
    """Item 1 in `watch`: before, feeds were polled one after the other, so the slow feed (first in
    the list) held up the healthy one until it ended; now they are fetched concurrently, each
    within its own deadline: the healthy feed is stored first and the slow one times out."""
    from newsledger.api import Ledger
    from newsledger.watch import watch

    server.routes["/slow.xml"] = trickled_headers(pad=60)
    server.routes["/good.xml"] = Route(rss(["dam"]), content_type="application/rss+xml")
    events = []
    with Ledger(tmp_path / "w.db") as ledger:
        report = watch(
            ledger,
            [server.url("/slow.xml"), server.url("/good.xml")],
            every_seconds=1,
            rounds=1,
            allow_private=True,
            state_path=None,
            timeout=DEADLINE,
            on_event=events.append,
        )
    kinds = [(e.feed.rsplit("/", 1)[1], e.kind) for e in events]
    assert kinds == [("good.xml", "ingested"), ("slow.xml", "failed")], kinds
    assert "timed out" in events[1].message and report.added == 1


def test_url_size_limit_is_the_documented_20_mb(server):
    """Item 5: `ingest URL` passed the 64 MB file limit to fetch; a 21 MB page was downloaded."""
    from newsledger.ingest import read_inputs

    assert MAX_BYTES == 20 * 1024 * 1024
    server.routes["/big.txt"] = big_unsized(21 * 1024 * 1024)
    [item] = list(read_inputs([server.url("/big.txt")], allow_private=True))
    assert isinstance(item, InputError) and "too large" in item.reason and "20,971,520" in item.reason


def test_bare_allow_private_never_reaches_link_local_or_metadata():
    """Item 8: the bare flag allows loopback and private networks, not 169.254.169.254 & co."""
    for url in ("http://127.0.0.1/", "http://10.1.2.3/", "http://192.168.1.1/"):
        check_url(url, allow_private=["private"])
    for url in (
        "http://169.254.169.254/latest/meta-data/",
        "http://169.254.1.1/",
        "http://[fe80::1]/",
        "http://[fd00:ec2::254]/",
        "http://100.100.100.200/",
    ):
        with pytest.raises(InputError, match="only by name"):
            check_url(url, allow_private=["private"])
    check_url("http://169.254.169.254/", allow_private=["private", "169.254.169.254"])  # named: allowed


def test_allow_private_option_takes_hosts_or_stands_alone(tmp_path):
    assert rewrite_bare(["x.html", "--allow-private"]) == ["x.html", "--allow-private=private"]
    assert rewrite_bare(["--allow-private", "--db", "d"]) == ["--allow-private=private", "--db", "d"]
    assert rewrite_bare(["--allow-private", "http://127.0.0.1:8/"]) == [
        "--allow-private=private",
        "http://127.0.0.1:8/",
    ]
    assert rewrite_bare(["--allow-private", str(tmp_path)]) == ["--allow-private=private", str(tmp_path)]
    for host in ("localhost", "10.0.0.0/8", "127.0.0.1", "[::1]", "intranet.example"):
        assert rewrite_bare(["--allow-private", host, "u"]) == ["--allow-private", host, "u"]


def run(*args):
    return subprocess.run([sys.executable, "-m", "newsledger", *args], check=False, capture_output=True, timeout=300)


def test_cli_allow_private_host_allows_only_that_host(server, tmp_path):
    """Item 8 through the real command: before, `--allow-private` allowed every private address
    on every hop; now `--allow-private 127.0.0.1` reaches 127.0.0.1 and nothing it redirects to,
    and the bare flag refuses a redirect to a link-local address."""
    server.routes["/page.txt"] = Route(
        b"Officials in Vellmar said on Tuesday that 40 people were hurt.", content_type="text/plain"
    )
    server.routes["/to-other"] = redirect("http://127.0.0.2:9/elsewhere")
    server.routes["/to-metadata"] = redirect("http://169.254.0.1:9/latest/meta-data/")
    db = str(tmp_path / "l.db")
    ok = run("ingest", "--allow-private", "127.0.0.1", server.url("/page.txt"), "--db", db, "-q")
    assert ok.returncode == 0, ok.stderr.decode()
    other = run("ingest", server.url("/to-other"), "--allow-private", "127.0.0.1", "--db", db, "-q")
    assert other.returncode == 1 and "redirected to http://127.0.0.2:9/elsewhere" in other.stderr.decode()
    meta = run("ingest", server.url("/to-metadata"), "--allow-private", "--db", db, "-q")
    err = meta.stderr.decode()
    assert meta.returncode == 1 and "169.254.0.1" in err and "link-local" in err, err


def _teaser_feed(base: str, n: int) -> bytes:
    items = "".join(
        f"<item><title>Teaser {i}</title><link>{base}/page/{i}</link>"
        f"<description>Short teaser number {i}.</description></item>"
        for i in range(n)
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Teasers</title><link>{base}/</link>"
        f"{items}</channel></rss>"
    ).encode()


def _page(i: int) -> bytes:
    return (
        f"<html><head><title>Report {i}</title></head><body><article><p>Officials in the town of "
        f"Vellmar said on Tuesday that {i + 10} families had left their homes after the river rose "
        f"overnight, and that engineers were checking dam number {i} for damage.</p></article>"
        "</body></html>"
    ).encode()


def test_a_feed_whose_pages_spend_its_budget_leaves_the_rest_for_the_next_round(server, tmp_path):
    """The per-feed deadline covers its linked pages too (PAGE_BUDGET_FACTOR fetch timeouts per
    round): entries beyond it are neither stored nor remembered, and the feed's validators are
    not kept, so the next round fetches the whole feed and takes them up."""
    from newsledger.api import Ledger
    from newsledger.watch import PAGE_BUDGET_FACTOR, Watcher

    n = PAGE_BUDGET_FACTOR + 2
    server.routes["/teasers.xml"] = Route(
        _teaser_feed(f"http://127.0.0.1:{server.port}", n), content_type="application/rss+xml", etag='"t1"'
    )
    for i in range(n):
        server.routes[f"/page/{i}"] = trickled_headers(pad=60)
    with Ledger(tmp_path / "b.db") as ledger:
        watcher = Watcher(ledger, [server.url("/teasers.xml")], allow_private=True, timeout=0.5)
        watcher.poll_round()
        left = [e for e in watcher.report.events if "left for the next round" in e.message]
        assert left, [e.message for e in watcher.report.events]
        deferred = int(left[0].message.split()[0])
        assert 1 <= deferred <= n - 1
        st = watcher.state.feed(server.url("/teasers.xml"))
        assert st["etag"] is None and len(st["seen"]) == n - deferred
        for i in range(n):
            server.routes[f"/page/{i}"] = Route(_page(i))
        before = watcher.report.added
        watcher.poll_round()
        assert watcher.report.added - before == deferred and st["etag"] == '"t1"'
        assert len(st["seen"]) == n
