"""The one ingest loop: inputs -> batches -> an engine -> a sink, counted in one IngestSummary.

Every way of filling a ledger or a shard directory runs through `run`:
  Ledger.ingest / ingest_items   engine: in process, worker processes or Ray;  sink: StoreSink
  extract_to_shards              the same engines;                             sink: shards.ShardSink
  load_shards                    items are Extracted (results read back);      sink: StoreSink
While one batch is stored, the next is already being extracted (worker processes, Ray actors).

Counting (every input lands in exactly one of added / skipped / failed):
  inputs = articles_read + failed;  articles_read = added + skipped.
  skipped: an id repeated within the run, already in the sink before extraction
  (`sink.known_ids`), or stored meanwhile by another writer (`sink.add` added fewer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from ..errors import InputError, NotAnArticle
from ..records import Article, ArticleResult

# spaCy's default limit; longer texts are reported as failed inputs rather than parsed.
MAX_ARTICLE_CHARS = 1_000_000

Pairs = list[tuple[Article, ArticleResult]]


class Extracted(NamedTuple):
    """An article whose result is already known (read back from a shard): the engine is skipped."""

    article: Article
    result: ArticleResult


Item = Article | InputError | Extracted


@dataclass
class IngestSummary:
    inputs: int = 0  # articles read plus inputs that failed
    articles_read: int = 0
    added: int = 0
    skipped: int = 0  # already in the ledger, or repeated within this run
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    undated: int = 0  # stored articles without a publication date
    not_articles: list[str] = field(default_factory=list)  # files of a folder skipped: what each is
    started: str = ""
    finished: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)


class Engine(Protocol):
    def submit(self, articles: list[Article], published: str | None = None) -> Callable[[], Pairs]:
        """Start extracting; the returned function waits for the pairs, in input order."""


class Sink(Protocol):
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of `ids` already held (they are skipped before extraction)."""

    def add(self, pairs: Pairs) -> Collection[str]:
        """Keep the pairs; returns the ids of the articles this call stored (not those found
        stored already, e.g. by another process that won the race)."""

    def batch_done(self, articles: list[Article]) -> None:
        """Called once per batch after `add`, with every article of the batch."""

    def finish(self, summary: IngestSummary) -> None:
        """Called once at the end of a run that was not interrupted."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _article(item: Article | Extracted) -> Article:
    return item.article if isinstance(item, Extracted) else item


def too_long(article: Article) -> InputError | None:
    """The error for an article over MAX_ARTICLE_CHARS (refused whole, not cut into parts: a cut
    could split the very sentence a record comes from), or None. Shared by ingest and extract."""
    if len(article.text) <= MAX_ARTICLE_CHARS:
        return None
    return InputError(
        article.source or article.id,
        f"article text too long ({len(article.text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})",
    )


def new_article_batches(
    items: Iterable[Item],
    summary: IngestSummary,
    batch_size: int,
    on_error: Callable[[InputError], None] | None = None,
    seen: set[str] | None = None,
) -> Iterator[list[Article | Extracted]]:
    """The articles among `items` in batches of `batch_size`, each id once; counts every item in
    `summary` (inputs, articles read, failures, repeats) and reports bad inputs through `on_error`.
    `seen`: ids to skip as already stored elsewhere (it grows with the ids yielded)."""
    seen = set() if seen is None else seen
    batch: list[Article | Extracted] = []
    for item in items:
        if isinstance(item, NotAnArticle):  # a licence or readme in a folder: neither read nor failed
            summary.not_articles.append(str(item))
            continue
        summary.inputs += 1
        if isinstance(item, (Article, Extracted)):
            item = too_long(_article(item)) or item
        if isinstance(item, InputError):
            summary.failed += 1
            summary.failures.append(str(item))
            if on_error:
                on_error(item)
            continue
        summary.articles_read += 1
        article_id = _article(item).id
        if article_id in seen:
            summary.skipped += 1
            continue
        seen.add(article_id)
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    items: Iterable[Item],
    engine: Engine | None,
    sink: Sink,
    *,
    published: str | None = None,
    batch_size: int = 32,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Extract the new articles among `items` with `engine` and hand them to `sink`, batch by
    batch; returns the run's IngestSummary (also handed to `sink.finish`). `engine` may be None
    when every item is Extracted."""
    summary = IngestSummary(started=now())
    pending: tuple | None = None  # the batch being extracted while the one before it is stored
    for batch in new_article_batches(items, summary, batch_size, on_error):
        started = _start(batch, engine, sink, published, summary)
        if pending is not None:
            _finish(pending, sink, summary, on_progress)
        pending = started
    if pending is not None:
        _finish(pending, sink, summary, on_progress)
    summary.finished = now()
    sink.finish(summary)
    return summary


def _start(
    batch: list[Article | Extracted], engine: Engine | None, sink: Sink, published: str | None, summary: IngestSummary
) -> tuple[list[Article], Callable[[], Pairs]]:
    """Skip what the sink holds already and start extracting the rest."""
    articles = [_article(item) for item in batch]
    known = sink.known_ids(a.id for a in articles)
    new = [item for item in batch if _article(item).id not in known]
    summary.skipped += len(batch) - len(new)
    to_extract = [item for item in new if isinstance(item, Article)]
    if to_extract and engine is None:
        raise ValueError("articles to extract but no engine given")
    waiting = engine.submit(to_extract, published) if to_extract and engine is not None else list

    def pairs() -> Pairs:
        extracted = iter(waiting())
        return [(item.article, item.result) if isinstance(item, Extracted) else next(extracted) for item in new]

    return articles, pairs


def _finish(
    started: tuple[list[Article], Callable[[], Pairs]],
    sink: Sink,
    summary: IngestSummary,
    on_progress: Callable[[int], None] | None,
) -> None:
    articles, results = started
    pairs = results()
    if pairs:  # counted from what the sink did: another writer may have stored some first
        stored = set(sink.add(pairs))
        summary.added += len(stored)
        summary.skipped += len(pairs) - len(stored)
        summary.undated += sum(1 for a, _ in pairs if a.id in stored and not a.published)
    sink.batch_done(articles)
    if on_progress:
        on_progress(len(articles))


class StoreSink:
    """A ledger's Store as the sink: one transaction per batch, cross-article links after each
    batch (duplicates, merged events), the run recorded at the end (`newsledger stats`)."""

    def __init__(self, store) -> None:
        self.store = store

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return self.store.known_ids(ids)

    def add(self, pairs: Pairs) -> list[str]:
        # The ids the database itself inserted: another writer may have stored some of them first.
        return list(self.store.add_batch(pairs).inserted)

    def batch_done(self, articles: list[Article]) -> None:
        from ..ledger import link  # here, not at the top: extraction to shards needs no database code

        link(self.store, [a.id for a in articles])

    def finish(self, summary: IngestSummary) -> None:
        self.store.record_ingest(summary.to_dict())
