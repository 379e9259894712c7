"""Feed watching against a real local HTTP server serving feeds that change between rounds."""

from __future__ import annotations

import json

import pytest

from newsledger.api import Ledger
from newsledger.errors import UsageError
from newsledger.watch import WatchState, parse_interval, state_path_for, watch

from .feeds import TEASER_PAGE, rss
from .server import LocalServer, Route

FEED_TYPE = "application/rss+xml; charset=utf-8"


@pytest.fixture(scope="module")
def server():
    with LocalServer() as s:
        yield s


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, extractor):
    with Ledger(tmp_path_factory.mktemp("watch") / "ledger.db", extractor=extractor) as led:
        yield led


def test_parse_interval():
    assert [parse_interval(v) for v in ("30s", "15m", "2h", "1d", "45", "1.5m")] == [30, 900, 7200, 86400, 45, 90]
    for bad in ("", "soon", "15 minutes", "0s", "-5m", "5w"):
        with pytest.raises(UsageError):
            parse_interval(bad)


def test_state_path_next_to_sqlite_only(tmp_path):
    assert state_path_for(str(tmp_path / "l.db")) == tmp_path / "l.db.watch.json"
    assert state_path_for("postgresql://localhost/test") is None


def test_watch_ingests_a_changing_feed_across_rounds(server, ledger, tmp_path):
    state = tmp_path / "state.json"
    server.routes["/wire.xml"] = Route(
        rss(["dam", "strike"], teaser_link=server.url("/story/blast")), content_type=FEED_TYPE, etag='"v1"'
    )
    server.routes["/story/blast"] = Route(TEASER_PAGE)
    changes = iter(
        [
            None,  # round 2: unchanged
            Route(
                rss(["talks", "dam", "strike"], teaser_link=server.url("/story/blast")),
                content_type=FEED_TYPE,
                etag='"v2"',
                last_modified="Wed, 04 Dec 2024 10:00:00 GMT",
            ),  # round 3: one new entry
        ]
    )
    sleeps = []

    def between_rounds(seconds):  # the feed changes while the watcher sleeps
        sleeps.append(seconds)
        change = next(changes)
        if change:
            server.routes["/wire.xml"] = change

    events = []
    report = watch(
        ledger,
        [server.url("/wire.xml")],
        every_seconds=60,
        allow_private={"127.0.0.1"},
        rounds=3,
        on_event=events.append,
        state_path=state,
        sleep=between_rounds,
    )
    assert report.rounds == 3 and len(sleeps) == 2 and all(0 < s <= 60 for s in sleeps)
    assert [e.kind for e in events] == ["ingested", "not_modified", "ingested"], events
    assert [e.added for e in events] == [3, 0, 1]
    assert events[2].skipped == 3 and report.failed == 0
    # 3 feed requests, the 2nd and 3rd conditional; the teaser's page fetched once only
    assert server.hits["/wire.xml"] == 3 and server.conditional["/wire.xml"] == 2
    assert server.hits["/story/blast"] == 1
    titles = sorted(a["title"] for a in ledger.articles(include_duplicates=True))
    assert titles == [
        "Ceasefire talks resume in Geneva",
        "Dock workers strike in Porto Alegre",
        "Flood defences breached in Vellmar",
        "Port blast injures workers",
    ]
    blast = next(a for a in ledger.articles(include_duplicates=True) if a["title"].startswith("Port blast"))
    assert blast["url"] == server.url("/story/blast") and blast["published"] == "2024-12-06"
    assert ledger.events(type="PROTEST") or ledger.figures(about="workers")  # extraction ran

    # The state survives: a new watcher sends the last validators and ingests nothing new.
    saved = json.loads(state.read_text())["feeds"][server.url("/wire.xml")]
    assert saved["etag"] == '"v2"' and len(saved["seen"]) == 4
    again = watch(ledger, [server.url("/wire.xml")], every_seconds=1, allow_private=True, rounds=1, state_path=state)
    assert [e.kind for e in again.events] == ["not_modified"]
    assert server.conditional["/wire.xml"] == 3 and ledger.stats()["articles"] == 4


def test_feed_without_validators_is_not_ingested_twice(server, ledger):
    server.routes["/plain.xml"] = Route(rss(["strike", "talks"]), content_type=FEED_TYPE)
    before = ledger.stats()["articles"]
    report = watch(
        ledger,
        [server.url("/plain.xml")],
        every_seconds=1,
        allow_private=True,
        rounds=2,
        state_path=None,
        sleep=lambda s: None,
    )
    assert server.hits["/plain.xml"] == 2 and server.conditional["/plain.xml"] == 0
    # both stories were stored by the previous test (same text, same content hash): nothing added
    assert report.added == 0 and ledger.stats()["articles"] == before
    assert [e.skipped for e in report.events] == [2, 2]


def test_failing_feeds_are_reported_and_the_others_ingest(server, tmp_path, extractor):
    server.routes["/down.xml"] = Route(b"internal error", status=500, content_type="text/plain")
    server.routes["/garbage.xml"] = Route(bytes(range(256)) * 4, content_type=FEED_TYPE)
    server.routes["/notfeed.xml"] = Route(b"<html><body><p>Not a feed</p></body></html>")
    server.routes["/good.xml"] = Route(rss(["dam"]), content_type=FEED_TYPE)
    feeds = [server.url(p) for p in ("/down.xml", "/garbage.xml", "/notfeed.xml", "/good.xml")]
    feeds.append("http://10.0.0.1/feed.xml")  # refused (allowed is only 127.0.0.1), never contacted
    events = []
    with Ledger(tmp_path / "l.db", extractor=extractor) as led:
        report = watch(led, feeds, every_seconds=1, allow_private={"127.0.0.1"}, rounds=1, on_event=events.append)
        assert led.stats()["articles"] == 1
    by_feed = {e.feed: e for e in events}
    assert by_feed[feeds[0]].kind == "failed" and "HTTP 500" in by_feed[feeds[0]].message
    assert by_feed[feeds[1]].kind == "failed" and by_feed[feeds[2]].kind == "failed"
    assert by_feed[feeds[3]].kind == "ingested" and by_feed[feeds[3]].added == 1
    assert by_feed[feeds[4]].kind == "failed" and "private address" in by_feed[feeds[4]].message
    assert report.failed == 4 and report.added == 1
    assert (tmp_path / "l.db.watch.json").exists()  # "auto": the state file next to the ledger


def test_teaser_whose_page_fails_falls_back_to_the_entry(server, tmp_path, extractor):
    server.routes["/teasers.xml"] = Route(rss([], teaser_link=server.url("/gone")), content_type=FEED_TYPE)
    with Ledger(tmp_path / "l.db", extractor=extractor) as led:
        report = watch(led, [server.url("/teasers.xml")], every_seconds=1, allow_private=True, rounds=1)
        texts = [a["title"] for a in led.articles(include_duplicates=True)]
    kinds = [e.kind for e in report.events]
    assert kinds == ["entry_failed", "ingested"] and "HTTP 404" in report.events[0].message
    assert texts == ["Port blast injures workers"]


def test_watch_needs_feeds(ledger):
    with pytest.raises(UsageError):
        watch(ledger, [], every_seconds=1, rounds=1)


def test_damaged_state_file_means_a_full_poll(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{not json")
    assert WatchState(path).feeds == {}
