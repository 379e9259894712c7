"""Feed watching: poll RSS/Atom feeds, ingest their new entries, survive feeds that fail.

Each round fetches every feed conditionally (If-None-Match / If-Modified-Since with the ETag and
Last-Modified of the last answer); a 304 costs nothing more. A changed feed is read by
newsledger.ingest's feed reader. Entries are remembered by link (or content hash when they have
none), so an entry seen before is not fetched or extracted again. An entry with little text
(a title and a teaser: under MIN_ENTRY_CHARS) has its linked page fetched and read like any HTML
page; when that fails the entry's own text is ingested and the failure reported. Articles go
through Ledger.ingest_items, so one already stored (same content hash) is skipped.

State (per feed: etag, last_modified, seen entry keys) is kept in memory and, for a SQLite ledger,
in a JSON file next to it (`<db>.watch.json`), so a restarted watch resumes where it stopped.
A failing feed (network error, HTTP error, not a feed) is reported and the others go on.
Feeds are fetched concurrently, each within its own deadline (Watcher), so a slow feed holds up
no other.
"""

from __future__ import annotations

import io
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import feedparser

from .errors import InputError, UsageError
from .fetch import AllowPrivate, FetchResult, fetch
from .fetch_deadline import Deadline
from .ingest.dispatch import read_stream
from .ingest.feeds import read_feed, strip_doctype
from .records import Article

MIN_ENTRY_CHARS = 500  # below this an entry is a teaser: its linked page holds the article
MAX_SEEN = 5000  # entry keys remembered per feed (feeds list the latest few dozen)
MAX_PARALLEL_FEEDS = 8  # feeds fetched at once in a round
PAGE_BUDGET_FACTOR = 4  # a feed's linked pages may take at most this many fetch timeouts per round
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: str) -> float:
    """'30s', '15m', '2h', '1d' or plain seconds -> seconds (at least 1)."""
    m = _INTERVAL.match(str(value))
    if not m:
        raise UsageError(f"interval {value!r} is not a number with an optional unit s, m, h or d (e.g. 15m)")
    seconds = float(m.group(1)) * _UNIT_SECONDS[m.group(2).lower()]
    if seconds < 1:
        raise UsageError(f"interval {value!r} is shorter than one second")
    return seconds


@dataclass
class FeedEvent:
    """What happened to one feed in one round (given to `on_event`)."""

    round: int
    feed: str
    kind: str  # "not_modified" | "ingested" | "failed" | "entry_failed"
    message: str = ""
    added: int = 0
    skipped: int = 0


@dataclass
class WatchReport:
    rounds: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0  # feed fetches/parses that failed, plus entries that failed
    events: list[FeedEvent] = field(default_factory=list)


def state_path_for(db: str) -> Path | None:
    """Where a ledger keeps its watch state: next to a SQLite file; None for a database URL."""
    if "://" in db:
        return None
    return Path(db).with_name(Path(db).name + ".watch.json")


class WatchState:
    """Per-feed ETag, Last-Modified and seen entry keys, optionally persisted as JSON."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.feeds: dict[str, dict] = {}
        if path and path.exists():
            try:
                self.feeds = json.loads(path.read_text(encoding="utf-8")).get("feeds", {})
            except (OSError, ValueError, AttributeError):
                self.feeds = {}  # a damaged state file only costs one full re-poll

    def feed(self, url: str) -> dict:
        return self.feeds.setdefault(url, {"etag": None, "last_modified": None, "seen": []})

    def save(self) -> None:
        if not self.path:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps({"feeds": self.feeds}, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)  # atomic: an interrupted save leaves the old state


def _entry_links(content: bytes) -> list[str | None]:
    """The link of each entry, by position (the feed reader drops it for entries without text)."""
    try:
        parsed = feedparser.parse(io.BytesIO(strip_doctype(content)), resolve_relative_uris=False, sanitize_html=True)
    except Exception:
        return []
    return [(e.get("link") or "").strip() or None for e in parsed.get("entries") or []]


def _page_article(url: str, entry: Article | None, allow_private: AllowPrivate, timeout: float) -> Article:
    """The article of an entry's linked page, with the entry's title/date/outlet where it lacks them."""
    got = fetch(url, allow_private=allow_private, timeout=timeout)
    for item in read_stream(io.BytesIO(got.content), url):
        if isinstance(item, InputError):
            raise item
        item.url = item.url or got.url
        if entry is not None:
            item.title = item.title or entry.title
            item.published = item.published or entry.published
            item.outlet = item.outlet or entry.outlet
        return item
    raise InputError(url, "the linked page holds no article")


@dataclass
class _Polled:
    """One feed's round, as fetched in a worker thread: what the main thread stores and reports."""

    got: FetchResult
    articles: list[Article | InputError] = field(default_factory=list)
    new_keys: list[str] = field(default_factory=list)
    skipped: int = 0
    deferred: int = 0  # teaser entries left for the next round: the feed's budget was spent
    events: list[tuple[str, str]] = field(default_factory=list)  # (kind, message) to emit


class Watcher:
    """Polls feeds into a ledger; one `poll_round()` per interval.

    Feeds are fetched concurrently (at most `parallel` at once), each within its own deadline:
    `timeout` seconds for the feed document and for each linked page, and at most
    PAGE_BUDGET_FACTOR * `timeout` for all of its pages in a round (teaser entries beyond that
    wait for the next round). Extraction and storing stay in the calling thread, feed by feed as
    their fetches finish, so a slow feed holds up neither the others' fetching nor their storing."""

    def __init__(
        self,
        ledger,
        feeds: Sequence[str],
        *,
        allow_private: AllowPrivate = False,
        state_path: Path | None = None,
        on_event: Callable[[FeedEvent], None] | None = None,
        timeout: float = 30.0,
        parallel: int = MAX_PARALLEL_FEEDS,
    ):
        self.ledger = ledger
        self.feeds = list(dict.fromkeys(feeds))
        self.allow_private = allow_private
        self.state = WatchState(state_path)
        self.on_event = on_event
        self.timeout = timeout
        self.parallel = max(1, parallel)
        self.report = WatchReport()

    def _emit(self, event: FeedEvent) -> None:
        self.report.events.append(event)
        if event.kind in ("failed", "entry_failed"):
            self.report.failed += 1
        if self.on_event:
            self.on_event(event)

    def poll_round(self) -> None:
        self.report.rounds += 1
        rnd = self.report.rounds
        states = {feed: self.state.feed(feed) for feed in self.feeds}  # created here, read by the workers
        with ThreadPoolExecutor(max_workers=min(self.parallel, len(self.feeds)), thread_name_prefix="watch") as pool:
            jobs = {pool.submit(self._fetch_feed, feed, dict(states[feed])): feed for feed in self.feeds}
            for job in as_completed(jobs):
                feed = jobs[job]
                try:
                    self._store(feed, job.result(), rnd)
                except InputError as exc:
                    self._emit(FeedEvent(rnd, feed, "failed", exc.reason))
                except Exception as exc:  # a watch runs for days: one odd feed must not end it
                    self._emit(FeedEvent(rnd, feed, "failed", f"{type(exc).__name__}: {exc}"))

    def _fetch_feed(self, feed: str, st: dict) -> _Polled:
        """Fetch one feed and the pages of its new teaser entries (in a worker thread: no ledger here)."""
        got = fetch(
            feed,
            allow_private=self.allow_private,
            timeout=self.timeout,
            etag=st["etag"],
            last_modified=st["last_modified"],
        )
        polled = _Polled(got)
        if got.not_modified:
            return polled
        items = list(read_feed(got.content, feed))
        if len(items) == 1 and isinstance(items[0], InputError) and items[0].input == feed:
            raise items[0]  # the feed itself is broken (not one bad entry)
        links = [urljoin(got.url, link) if link else None for link in _entry_links(got.content)]
        seen = set(st["seen"])
        budget = Deadline(self.timeout * PAGE_BUDGET_FACTOR)
        for n, item in enumerate(items):
            link = links[n] if n < len(links) else None
            key = link or (item.id if isinstance(item, Article) else item.input)
            if key in seen or key in polled.new_keys:
                polled.skipped += 1
                continue
            if self._needs_page(item, link) and budget.left() <= 0:
                polled.deferred += 1
                continue
            polled.new_keys.append(key)
            polled.articles.append(self._resolve_entry(item, link, polled, budget))
        if polled.deferred:
            message = (
                f"{polled.deferred} entries left for the next round: the feed's time budget of "
                f"{budget.seconds:g} s for linked pages is spent"
            )
            polled.events.append(("entry_failed", message))
        return polled

    def _store(self, feed: str, polled: _Polled, rnd: int) -> None:
        """Ingest one fetched feed's new entries and remember them (in the calling thread)."""
        for kind, message in polled.events:
            self._emit(FeedEvent(rnd, feed, kind, message))
        if polled.got.not_modified:
            self._emit(FeedEvent(rnd, feed, "not_modified", "HTTP 304"))
            return
        st = self.state.feed(feed)
        errors: list[InputError] = []
        summary = self.ledger.ingest_items(polled.articles, on_error=errors.append)
        for e in errors:
            self._emit(FeedEvent(rnd, feed, "entry_failed", str(e)))
        # Remember entries and validators only once their articles are stored; with entries
        # deferred, no validators, so the next round gets the whole feed again.
        st["seen"] = (st["seen"] + polled.new_keys)[-MAX_SEEN:]
        if not polled.deferred:
            st["etag"], st["last_modified"] = polled.got.etag, polled.got.last_modified
        self.state.save()
        skipped = summary.skipped + polled.skipped
        self.report.added += summary.added
        self.report.skipped += skipped
        self._emit(
            FeedEvent(rnd, feed, "ingested", f"{summary.added} added, {skipped} already seen", summary.added, skipped)
        )

    @staticmethod
    def _needs_page(item: Article | InputError, link: str | None) -> bool:
        return bool(link) and not (isinstance(item, Article) and len(item.text) >= MIN_ENTRY_CHARS)

    def _resolve_entry(
        self, item: Article | InputError, link: str | None, polled: _Polled, budget: Deadline
    ) -> Article | InputError:
        """An entry as an Article: its own text, or its linked page when the text is a teaser."""
        entry = item if isinstance(item, Article) else None
        if link is None or not self._needs_page(item, link):
            return item
        try:
            return _page_article(link, entry, self.allow_private, min(self.timeout, max(budget.left(), 0.001)))
        except InputError as exc:
            if entry is None:
                return InputError(link, f"entry without text, and its page failed: {exc.reason}")
            polled.events.append(("entry_failed", f"{link}: page not fetched ({exc.reason}); the entry's text is used"))
            return entry


def watch(
    ledger,
    feeds: Iterable[str],
    *,
    every_seconds: float,
    allow_private: AllowPrivate = False,
    rounds: int | None = None,
    on_event: Callable[[FeedEvent], None] | None = None,
    state_path: Path | str | None = "auto",
    sleep: Callable[[float], None] = time.sleep,
    timeout: float = 30.0,
    parallel: int = MAX_PARALLEL_FEEDS,
) -> WatchReport:
    """Poll `feeds` every `every_seconds` and ingest new entries into `ledger`, for `rounds`
    rounds (None: until interrupted). `state_path` "auto" keeps the state next to a SQLite
    ledger (see state_path_for); None keeps it in memory only."""
    feeds = list(feeds)
    if not feeds:
        raise UsageError("no feed URLs given")
    if state_path == "auto":
        state_path = state_path_for(ledger.db)
    watcher = Watcher(
        ledger,
        feeds,
        allow_private=allow_private,
        state_path=Path(state_path) if state_path else None,
        on_event=on_event,
        timeout=timeout,
        parallel=parallel,
    )
    n = 0
    while rounds is None or n < rounds:
        started = time.monotonic()
        watcher.poll_round()
        n += 1
        if rounds is None or n < rounds:
            sleep(max(0.0, every_seconds - (time.monotonic() - started)))
    return watcher.report
