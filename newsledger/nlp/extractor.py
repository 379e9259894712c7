"""Extractor: the spaCy pipeline with newsledger's components, loaded once and reused.

The pipeline (and with it spaCy and the gazetteer) is imported when an Extractor is built, not
when this module is imported: `newsledger.api`, the CLI's query commands and `parse_date`
import this module and must stay quick to start.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from ..errors import UsageError
from ..records import Article, ArticleResult

WARM_UP_TEXT = "Officials in Paris said on Monday that 3 people were hurt."


def parse_date(value: str | None, what: str = "date") -> dt.date | None:
    """A YYYY-MM-DD string (a longer ISO timestamp is cut to its date) as a date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise UsageError(f"{what} {value!r} is not a date in the form YYYY-MM-DD") from None


def article_date(article: Article) -> dt.date | None:
    """The article's own publication date; a malformed date from a source counts as none."""
    try:
        return parse_date(article.published)
    except UsageError:
        return None


def doc_to_result(doc: Any, article: Article) -> ArticleResult:
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
    """The spaCy pipeline with newsledger's components, loaded once and reused.

    Building one takes seconds (model, lexicons, gazetteer); build it once and hand it to
    every Ledger (`Ledger(db, extractor=...)`) and `extract_to_shards` of the process.
    """

    _shared: ClassVar[dict[tuple[str | None, tuple[str, ...] | None], Extractor]] = {}
    _shared_lock = threading.Lock()

    def __init__(
        self,
        model: str | None = None,
        components: tuple[str, ...] | None = None,
        batch_size: int = 16,
        resident: bool = False,
    ):
        """resident: this Extractor lives as long as the process (the CLI's, a worker's): once
        built, it is moved out of the collector's sight (gc.freeze), so the full passes during
        extraction do not scan its 100,000-odd objects again (about 2% of an extract run's CPU).
        Not for an Extractor that may be dropped: frozen reference cycles are never freed."""
        self.model = model
        self.batch_size = batch_size
        # The collector's full passes while the pipeline is built find nothing to free (0.2 s of a
        # cold start). (A threshold of 0 turns automatic collection off: spaCy's model loader
        # re-enables gc.)
        thresholds = gc.get_threshold()
        gc.set_threshold(0)
        try:
            from .pipeline import COMPONENTS, Settings, build_nlp

            self.components = tuple(components or COMPONENTS)
            self.nlp = build_nlp(Settings(model=model, components=self.components))
            self.nlp(WARM_UP_TEXT)  # load lazy tables now, not inside the first batch
        finally:
            gc.set_threshold(*thresholds)
        if resident:
            gc.freeze()

    @classmethod
    def shared(cls, model: str | None = None, components: tuple[str, ...] | None = None) -> Extractor:
        """The one Extractor of this process for `model` (built on first use). The CLI uses it, so
        a command run in-process many times (tests, notebooks) loads the pipeline once."""
        key = (model, tuple(components) if components else None)
        with cls._shared_lock:
            if key not in cls._shared:
                cls._shared[key] = cls(model=model, components=components, resident=True)
            return cls._shared[key]

    def pipe(
        self, articles: Iterable[Article], published: str | None = None
    ) -> Iterator[tuple[Article, ArticleResult]]:
        """Extract from each article, in order. `published` is the date used where an article has none."""
        default = parse_date(published, "--published")

        def docs():
            for article in articles:
                if not article.published and default:
                    article.published = default.isoformat()
                doc = self.nlp.make_doc(article.text)
                doc._.published = article_date(article) or default
                yield doc, article

        for doc, article in self.nlp.pipe(docs(), as_tuples=True, batch_size=self.batch_size):
            yield article, doc_to_result(doc, article)
