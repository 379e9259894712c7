"""The public Python API: extract results from articles, and ingest inputs into a ledger.

>>> from newsledger import extract
>>> [result] = extract(["North Korea sent troops to Russia, officials said."], published="2024-12-23")

>>> from newsledger import Ledger
>>> with Ledger("ledger.db") as ledger:
...     summary = ledger.ingest(["articles/"])
...     rows = ledger.events(type="ASSAULT")
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from .engines import make_engine
from .engines.loop import MAX_ARTICLE_CHARS, IngestSummary, StoreSink, new_article_batches, run, too_long
from .errors import InputError
from .nlp.extractor import Extractor, doc_to_result, parse_date
from .records import Article, ArticleResult

__all__ = [
    "DEFAULT_DB",
    "MAX_ARTICLE_CHARS",
    "Extractor",
    "IngestSummary",
    "Ledger",
    "default_db",
    "doc_to_result",
    "extract",
    "new_article_batches",
    "parse_date",
    "too_long",
]

DEFAULT_DB = "ledger.db"


def extract(
    items: Iterable[str | Article],
    *,
    published: str | None = None,
    model: str | None = None,
    extractor: Extractor | None = None,
) -> list[ArticleResult]:
    """Extract the ledger records of each text or Article (texts get ids "1", "2", ...).
    `extractor`: an Extractor already built (else one is built for `model`)."""
    articles = [it if isinstance(it, Article) else Article(text=it, id=str(i)) for i, it in enumerate(items, 1)]
    extractor = extractor or Extractor(model=model)
    return [result for _, result in extractor.pipe(articles, published=published)]


def default_db() -> str:
    return os.environ.get("NEWSLEDGER_DB") or DEFAULT_DB


class Ledger:
    """A ledger database plus the extractor that fills it.

    `extractor`: an Extractor already built, used for in-process extraction (building one takes
    seconds; share one between Ledgers), or a function returning one, called when something is
    first extracted. Without it, an Extractor is built for `model` when first needed. Worker
    processes and Ray actors (`workers` > 1) build their own for `model` (default: the given
    extractor's model).
    """

    def __init__(
        self,
        db: str | Path | None = None,
        *,
        model: str | None = None,
        extractor: Extractor | Callable[[], Extractor] | None = None,
    ):
        from .store import open_store  # imported here so `extract` works without a database

        self.db = str(db or default_db())
        self.store = open_store(self.db)
        self._extractor: Extractor | None = None
        self._make_extractor: Callable[[], Extractor] | None = None
        if isinstance(extractor, Extractor):
            self.model = extractor.model if model is None else model
            self._extractor = extractor
        else:  # a factory, or None: built on first use
            self.model = model
            self._make_extractor = extractor

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = self._make_extractor() if self._make_extractor else Extractor(model=self.model)
        return self._extractor

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        stdin: BinaryIO | None = None,
        published: str | None = None,
        batch_size: int = 32,
        on_error: Callable[[InputError], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        allow_private=False,
        workers: int = 1,
        engine: str = "local",
    ) -> IngestSummary:
        """Read, extract and store every article in `paths`; one transaction per batch.

        Already stored articles (same content hash) are skipped before extraction, so an
        interrupted run can simply be run again. Bad inputs are reported through `on_error`
        and counted; they never stop the run. http(s) URLs among `paths` are fetched
        (newsledger.fetch); `allow_private` lets them reach private/loopback addresses.
        `workers` > 1 extracts in that many processes (newsledger.engines, `engine`).
        """
        from .ingest import read_inputs

        items = read_inputs([str(p) for p in paths], stdin=stdin, allow_private=allow_private)
        return self.ingest_items(
            items,
            published=published,
            batch_size=batch_size,
            on_error=on_error,
            on_progress=on_progress,
            workers=workers,
            engine=engine,
        )

    def ingest_items(
        self,
        items: Iterable[Article | InputError],
        *,
        published: str | None = None,
        batch_size: int = 32,
        on_error: Callable[[InputError], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        workers: int = 1,
        engine: str = "local",
    ) -> IngestSummary:
        """Extract and store Articles already read (InputErrors among them are reported and
        counted), exactly as `ingest` does; used by feed watching (newsledger.watch).
        The loop itself is newsledger.engines.loop.run."""
        parse_date(published, "--published")  # fail early on a bad default date
        with make_engine(engine, workers=workers, model=self.model, get_extractor=lambda: self.extractor) as engine_:
            return run(
                items,
                engine_,
                StoreSink(self.store),
                published=published,
                batch_size=batch_size,
                on_error=on_error,
                on_progress=on_progress,
            )

    def load(
        self,
        directory: str | Path,
        *,
        on_error: Callable[[InputError], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> IngestSummary:
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

    def merged_events(self, filters=None, /, *, limit=50, offset=0, sort=None, **given) -> list[dict]:
        from .ledger import merged_events
        from .store.filters import read

        f = read("merged_events", filters, **given)
        return merged_events(self.store, **f.values, limit=limit, offset=offset, sort=sort)

    def count(self, kind: str, filters=None, /, **given) -> int:
        """The total of a filtered list (also merged_events), not a page: Store.count."""
        return self.store.count(kind, filters, **given)

    def facets(self, kind: str, filters=None, /, *, fields=None, **given) -> dict[str, list[dict]]:
        """The most frequent values of each facet of a filtered list, with counts: Store.facets."""
        return self.store.facets(kind, filters, fields=fields, **given)

    def figure_series(self, filters=None, /, **given) -> list[dict]:
        from .ledger import figure_series
        from .store.filters import read

        return figure_series(self.store, **read("figure_series", filters, **given).values)

    def newest_figure_series(self, most: int, filters=None, /, **given) -> tuple[list[dict], bool]:
        """(the figure series of the newest `most` figures the filters leave, whether there were more)."""
        from .ledger import newest_figure_series
        from .store.filters import read

        return newest_figure_series(self.store, most, **read("figure_series", filters, **given).values)

    def relink(self) -> dict:
        """Link every stored article not linked yet (e.g. a ledger made before schema version 2)."""
        from .ledger import link

        return link(self.store)

    def export(self, fmt: str, out, **options) -> int:
        from .export import export

        return export(self.store, fmt, out, **options)
