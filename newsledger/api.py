"""The public Python API: extract results from articles, and ingest inputs into a ledger.

    >>> from newsledger import extract
    >>> [result] = extract(["North Korea sent troops to Russia, officials said."], published="2024-12-23")

    >>> from newsledger import Ledger
    >>> with Ledger("ledger.db") as ledger:
    ...     summary = ledger.ingest(["articles/"])
    ...     rows = ledger.events(type="ASSAULT")
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import InputError, UsageError
from .nlp.pipeline import COMPONENTS, Settings, build_nlp
from .records import Article, ArticleResult

DEFAULT_DB = "ledger.db"
# spaCy's default limit; longer texts are reported as failed inputs rather than parsed.
MAX_ARTICLE_CHARS = 1_000_000


def parse_date(value: str | None, what: str = "date") -> dt.date | None:
    """A YYYY-MM-DD string (a longer ISO timestamp is cut to its date) as a date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise UsageError(f"{what} {value!r} is not a date in the form YYYY-MM-DD") from None


def doc_to_result(doc, article: Article) -> ArticleResult:
    """Collect what the components wrote on the Doc into the record of the JSON contract."""
    return ArticleResult(
        id=article.id,
        published=article.published,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        actors=list(doc._.actors or []),
        places=list(doc._.places or []),
        times=list(doc._.times or []),
        figures=list(doc._.figures or []),
        statements=list(doc._.statements or []),
        events=list(doc._.events or []),
    )


class Extractor:
    """The spaCy pipeline with newsledger's components, loaded once and reused."""

    def __init__(self, model: str | None = None, components: tuple[str, ...] = COMPONENTS,
                 batch_size: int = 16):
        self.nlp = build_nlp(Settings(model=model, components=components))
        self.batch_size = batch_size
        self.nlp("Officials in Paris said on Monday that 3 people were hurt.")  # load lazy tables now

    def pipe(self, articles: Iterable[Article], published: str | None = None
             ) -> Iterator[tuple[Article, ArticleResult]]:
        """Extract from each article, in order. `published` is the date used where an article has none."""
        default = parse_date(published, "--published")

        def docs():
            for article in articles:
                if not article.published and default:
                    article.published = default.isoformat()
                doc = self.nlp.make_doc(article.text)
                doc._.published = _article_date(article) or default
                yield doc, article

        for doc, article in self.nlp.pipe(docs(), as_tuples=True, batch_size=self.batch_size):
            yield article, doc_to_result(doc, article)


def _article_date(article: Article) -> dt.date | None:
    try:
        return parse_date(article.published)
    except UsageError:
        return None  # a malformed date from a source is treated as no date, not a failure


def extract(items: Iterable[str | Article], *, published: str | None = None,
            model: str | None = None) -> list[ArticleResult]:
    """Extract the ledger records of each text or Article (texts get ids "1", "2", ...)."""
    articles = [it if isinstance(it, Article) else Article(text=it, id=str(i))
                for i, it in enumerate(items, 1)]
    return [result for _, result in Extractor(model=model).pipe(articles, published=published)]


@dataclass
class IngestSummary:
    inputs: int = 0              # articles read plus inputs that failed
    articles_read: int = 0
    added: int = 0
    skipped: int = 0             # already in the ledger, or repeated within this run
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    undated: int = 0             # stored articles without a publication date
    started: str = ""
    finished: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def new_article_batches(items: Iterable[Article | InputError], summary: IngestSummary, batch_size: int,
                        on_error: Callable[[InputError], None] | None = None,
                        seen: set[str] | None = None) -> Iterator[list[Article]]:
    """The Articles among `items` in batches of `batch_size`, each id once; counts every item in
    `summary` (inputs, articles read, failures, repeats) and reports bad inputs through `on_error`.
    `seen`: ids to skip as already stored elsewhere (it grows with the ids yielded)."""
    seen = set() if seen is None else seen
    batch: list[Article] = []
    for item in items:
        summary.inputs += 1
        if isinstance(item, Article):
            item = too_long(item) or item
        if isinstance(item, InputError):
            summary.failed += 1
            summary.failures.append(str(item))
            if on_error:
                on_error(item)
            continue
        summary.articles_read += 1
        if item.id in seen:
            summary.skipped += 1
            continue
        seen.add(item.id)
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def too_long(article: Article) -> InputError | None:
    """The error for an article over MAX_ARTICLE_CHARS (refused whole, not cut into parts: a cut
    could split the very sentence a record comes from), or None. Shared by ingest and extract."""
    if len(article.text) <= MAX_ARTICLE_CHARS:
        return None
    return InputError(article.source or article.id, f"article text too long ({len(article.text):,} "
                                                    f"characters; the limit is {MAX_ARTICLE_CHARS:,})")


def default_db() -> str:
    return os.environ.get("NEWSLEDGER_DB") or DEFAULT_DB


class Ledger:
    """A ledger database plus the extractor that fills it."""

    def __init__(self, db: str | Path | None = None, *, model: str | None = None):
        from .store import open_store  # imported here so `extract` works without a database

        self.db = str(db or default_db())
        self.store = open_store(self.db)
        self.model = model
        self._extractor: Extractor | None = None
        self._engine = None  # set by ingest_items when extraction runs in worker processes

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor(model=self.model)
        return self._extractor

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(self, paths: Iterable[str | Path], *, stdin: BinaryIO | None = None,
               published: str | None = None, batch_size: int = 32,
               on_error: Callable[[InputError], None] | None = None,
               on_progress: Callable[[int], None] | None = None,
               allow_private=False, workers: int = 1, engine: str = "local") -> IngestSummary:
        """Read, extract and store every article in `paths`; one transaction per batch.

        Already stored articles (same content hash) are skipped before extraction, so an
        interrupted run can simply be run again. Bad inputs are reported through `on_error`
        and counted; they never stop the run. http(s) URLs among `paths` are fetched
        (newsledger.fetch); `allow_private` lets them reach private/loopback addresses.
        `workers` > 1 extracts in that many processes (newsledger.engines, `engine`).
        """
        from .ingest import read_inputs

        items = read_inputs([str(p) for p in paths], stdin=stdin, allow_private=allow_private)
        return self.ingest_items(items, published=published, batch_size=batch_size,
                                 on_error=on_error, on_progress=on_progress,
                                 workers=workers, engine=engine)

    def ingest_items(self, items: Iterable[Article | InputError], *, published: str | None = None,
                     batch_size: int = 32, on_error: Callable[[InputError], None] | None = None,
                     on_progress: Callable[[int], None] | None = None,
                     workers: int = 1, engine: str = "local") -> IngestSummary:
        """Extract and store Articles already read (InputErrors among them are reported and
        counted), exactly as `ingest` does; used by feed watching (newsledger.watch)."""
        from .engines import make_engine

        parse_date(published, "--published")  # fail early on a bad default date
        self._engine = make_engine(engine, workers=workers, model=self.model)
        try:
            return self._ingest_items(items, published, batch_size, on_error, on_progress)
        finally:
            if self._engine is not None:
                self._engine.close()
            self._engine = None

    def _ingest_items(self, items, published, batch_size, on_error, on_progress) -> IngestSummary:
        summary = IngestSummary(started=_now())
        pending = None   # the batch being extracted while the one before it is stored
        for batch in new_article_batches(items, summary, batch_size, on_error):
            pending = self._next_batch(pending, batch, published, summary, on_progress)
        if pending is not None:
            self._finish_batch(pending, summary, on_progress)
        summary.finished = _now()
        self.store.record_ingest(summary.to_dict())
        return summary

    def _next_batch(self, pending, batch: list[Article], published: str | None,
                    summary: IngestSummary, on_progress) -> tuple:
        """Start extracting `batch`, then store the batch before it: with worker processes or
        Ray actors, extraction of one batch overlaps the storing and linking of the previous."""
        started = self._start_batch(batch, published, summary)
        if pending is not None:
            self._finish_batch(pending, summary, on_progress)
        return started

    def _start_batch(self, batch: list[Article], published: str | None, summary: IngestSummary) -> tuple:
        known = self.store.known_ids(a.id for a in batch)
        new = [a for a in batch if a.id not in known]
        summary.skipped += len(batch) - len(new)
        if not new:
            return batch, list
        if self._engine is not None:
            return batch, self._engine.submit(new, published)
        return batch, lambda: list(self.extractor.pipe(new, published=published))   # in this process: lazily

    def _finish_batch(self, started: tuple, summary: IngestSummary,
                      on_progress: Callable[[int], None] | None) -> None:
        batch, results = started
        pairs = results()
        if pairs:   # counted from what the database did: another process may have stored some first
            stored = self.store.add_batch(pairs)
            inserted = set(stored.inserted)
            summary.added += len(inserted)
            summary.skipped += len(stored.already)
            summary.undated += sum(1 for a, _ in pairs if a.id in inserted and not a.published)
        from .ledger import link   # cross-article links (duplicates, merged events) of this batch

        link(self.store, [a.id for a in batch])
        if on_progress:
            on_progress(len(batch))

    def load(self, directory: str | Path, *, on_error: Callable[[InputError], None] | None = None,
             on_progress: Callable[[int], None] | None = None) -> IngestSummary:
        """Import the Parquet shards of `directory` (written by `ingest --shards`, newsledger.shards).

        Idempotent: stored articles are skipped. A damaged shard is reported through `on_error`
        and counted as failed; the other shards still load.
        """
        from .shards import load_shards

        return load_shards(self, directory, on_error=on_error, on_progress=on_progress)

    # Queries: thin pass-throughs to the store, so library users need only the Ledger. Filters by
    # keyword (events(type="ASSAULT", country="RUS", since="2024-12")) or one Filters value; the
    # filters of each kind are the table in newsledger.store.filters.
    def articles(self, filters=None, /, **options) -> list[dict]:
        return self.store.articles(filters, **options)

    def events(self, filters=None, /, **options) -> list[dict]:
        return self.store.events(filters, **options)

    def statements(self, filters=None, /, **options) -> list[dict]:
        return self.store.statements(filters, **options)

    def figures(self, filters=None, /, **options) -> list[dict]:
        return self.store.figures(filters, **options)

    def actors(self, filters=None, /, **options) -> list[dict]:
        return self.store.actors(filters, **options)

    def places(self, filters=None, /, **options) -> list[dict]:
        return self.store.places(filters, **options)

    def times(self, filters=None, /, **options) -> list[dict]:
        return self.store.times(filters, **options)

    def stats(self) -> dict:
        return self.store.stats()

    def merged_events(self, filters=None, /, *, limit=50, offset=0, **given) -> list[dict]:
        from .ledger import merged_events
        from .store.filters import read

        return merged_events(self.store, **read("merged_events", filters, **given).values, limit=limit, offset=offset)

    def figure_series(self, filters=None, /, **given) -> list[dict]:
        from .ledger import figure_series
        from .store.filters import read

        return figure_series(self.store, **read("figure_series", filters, **given).values)

    def relink(self) -> dict:
        """Link every stored article not linked yet (e.g. a ledger made before schema version 2)."""
        from .ledger import link

        return link(self.store)

    def export(self, fmt: str, out, **options) -> int:
        from .export import export

        return export(self.store, fmt, out, **options)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
