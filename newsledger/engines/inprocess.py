"""The in-process engine: extraction in this process with one Extractor (workers=1).

The Extractor is asked for only when a batch has new articles, so a run that stores nothing
new (a re-run) never loads the model; extraction itself happens when the loop waits for the
results, which keeps the in-process path strictly sequential.
"""

from __future__ import annotations

from collections.abc import Callable

from ..nlp.extractor import Extractor
from ..records import Article, ArticleResult

Pairs = list[tuple[Article, ArticleResult]]


class InProcessEngine:
    def __init__(self, get_extractor: Callable[[], Extractor]):
        self.get_extractor = get_extractor

    def submit(self, articles: list[Article], published: str | None = None) -> Callable[[], Pairs]:
        """The returned function extracts the articles (in order) when called."""
        if not articles:
            return list
        return lambda: list(self.get_extractor().pipe(articles, published=published))

    def extract(self, articles: list[Article], published: str | None = None) -> Pairs:
        return self.submit(articles, published)()

    def close(self) -> None:
        """Nothing to release: the Extractor belongs to whoever handed it over."""

    def __enter__(self) -> InProcessEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
