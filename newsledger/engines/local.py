"""The local engine: a process pool where each worker loads the spaCy pipeline once.

spaCy releases little of the GIL, so processes (not threads) give parallel extraction.
The "spawn" context is used because forking a process that holds a loaded model, open
database connections or threads is unsafe. Articles and results are picklable dataclasses.
As with any "spawn" pool, a script calling `Ledger.ingest(..., workers=N)` needs the
`if __name__ == "__main__":` guard.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from ..nlp.extractor import Extractor
from ..records import Article, ArticleResult

_extractor = None  # one per worker process, built by _init
_failure: BaseException | None = None  # why it could not be built (e.g. ModelNotFound)


def _init(model: str | None) -> None:
    # An exception raised here would only break the pool; kept, it reaches the parent through
    # _warm with its own type and message (e.g. the `pip install` hint of ModelNotFound).
    global _extractor, _failure
    try:
        _extractor = Extractor(model=model, resident=True)  # one per worker process
    except Exception as exc:
        _failure = exc


def _extract(articles: list[Article], published: str | None) -> list[tuple[Article, ArticleResult]]:
    assert _extractor is not None, "_extract() in a worker whose _init failed (_warm reports it first)"
    return list(_extractor.pipe(articles, published=published))


def _warm(_: int) -> bool:
    if _failure is not None:
        raise _failure
    return True


class LocalEngine:
    """Splits each batch into one chunk per worker and gathers the results in input order."""

    def __init__(self, workers: int = 2, model: str | None = None):
        self.workers = workers
        self.model = model
        self.pool: ProcessPoolExecutor | None = None  # started by the first batch with new articles

    def _started(self) -> ProcessPoolExecutor:
        """The pool, started on first use: a run whose articles are all stored already (a re-run)
        starts no process. Every worker loads the model before the first chunk is queued, so a
        bad model name fails before anything is extracted."""
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=mp.get_context("spawn"), initializer=_init, initargs=(self.model,)
            )
            try:
                list(self.pool.map(_warm, range(self.workers)))
            except BaseException:
                self.close()
                raise
        return self.pool

    def submit(
        self, articles: list[Article], published: str | None = None
    ) -> Callable[[], list[tuple[Article, ArticleResult]]]:
        """Start extracting; the returned function waits for the pairs, in input order."""
        if not articles:
            return list
        size = -(-len(articles) // self.workers)
        chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
        pool = self._started()
        futures = [pool.submit(_extract, chunk, published) for chunk in chunks]
        return lambda: [pair for f in futures for pair in f.result()]

    def extract(self, articles: list[Article], published: str | None = None) -> list[tuple[Article, ArticleResult]]:
        return self.submit(articles, published)()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
