"""The Ray engine: a pool of Ray actors, each loading the spaCy pipeline once.

Ray (an optional extra) schedules the actors on this machine or on a cluster. Locally,
`ray.init(num_cpus=workers)` starts a private Ray instance that `close()` shuts down; with an
address (`--ray-address` / RAY_ADDRESS, e.g. "ray://head:10001" or "auto") it joins a running
cluster, whose nodes need newsledger and the spaCy model installed. A Ray instance already
started by the caller (tests, notebooks) is used as it is and left running.
Batches are split into chunks queued on the actors in turn (so they go on working while the
caller stores the previous batch); the results come back in input order, so the ledger is
exactly the one the in-process path builds.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable

from ..errors import UsageError
from ..nlp.extractor import Extractor
from ..records import Article, ArticleResult

INSTALL_HINT = "the Ray engine needs Ray, an optional extra: pip install 'newsledger[ray]'"
CHUNKS_PER_WORKER = 4  # smaller chunks than one per actor let fast actors take over slow ones' work


def _import_ray():
    try:
        import ray
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    return ray


class _Worker:
    """One Ray actor: builds the Extractor once, then extracts chunk after chunk."""

    def __init__(self, model: str | None):
        self.extractor, self.failure = None, None
        try:
            self.extractor = Extractor(model=model, resident=True)  # one per actor process
        except Exception as exc:  # kept and handed back by ready(): its type and message reach the caller
            self.failure = exc

    def ready(self) -> BaseException | None:
        return self.failure

    def extract(self, articles: list[Article], published: str | None) -> list[tuple[Article, ArticleResult]]:
        assert self.extractor is not None, "extract() after ready() reported a failure"
        return list(self.extractor.pipe(articles, published=published))


class RayEngine:
    """`extract(articles, published)` -> (Article, ArticleResult) pairs in order; `close()`."""

    def __init__(self, workers: int = 1, model: str | None = None, address: str | None = None):
        ray = _import_ray()
        self.ray = ray
        self.workers = max(1, workers)
        self.owns_ray = not ray.is_initialized()
        if self.owns_ray:
            address = address or os.environ.get("RAY_ADDRESS") or None
            quiet = dict(logging_level=logging.ERROR, log_to_driver=False)  # Ray's logs stay out of ours
            if address:  # a cluster: its own resources count, not ours
                try:
                    ray.init(address=address, **quiet)
                except Exception as e:
                    raise UsageError(f"cannot join the Ray cluster at {address!r}: {e}") from None
            else:
                ray.init(num_cpus=self.workers, include_dashboard=False, **quiet)
        self.actors = []
        try:
            cpus = ray.cluster_resources().get("CPU", 0)
            if cpus < self.workers:  # the extra actors would wait for a free CPU forever
                raise UsageError(
                    f"{self.workers} Ray workers need {self.workers} CPUs; the Ray cluster "
                    f"has {cpus:g}: pass --workers {int(cpus) or 1} or add nodes"
                )
            remote = ray.remote(num_cpus=1)(_Worker)
            self.actors = [remote.remote(model) for _ in range(self.workers)]
            # load the model in every actor now, so a bad model name fails here, not mid-run
            for failure in ray.get([a.ready.remote() for a in self.actors]):
                if failure is not None:
                    raise failure
        except BaseException:
            self.close()
            raise
        self._turn = 0  # the next actor to queue a chunk on

    def submit(
        self, articles: list[Article], published: str | None = None
    ) -> Callable[[], list[tuple[Article, ArticleResult]]]:
        """Queue the chunks on the actors in turn; the returned function waits for the pairs,
        in input order. Queued work lets actors go on while the caller stores a batch."""
        if not articles:
            return list
        size = max(1, math.ceil(len(articles) / (self.workers * CHUNKS_PER_WORKER)))
        refs = []
        for i in range(0, len(articles), size):
            actor = self.actors[self._turn % len(self.actors)]
            self._turn += 1
            refs.append(actor.extract.remote(articles[i : i + size], published))
        return lambda: [pair for chunk in self.ray.get(refs) for pair in chunk]

    def extract(self, articles: list[Article], published: str | None = None) -> list[tuple[Article, ArticleResult]]:
        return self.submit(articles, published)()

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)  # frees the CPUs they hold for the next engine on this Ray instance
        self.actors = []
        if self.owns_ray and self.ray.is_initialized():
            self.ray.shutdown()
        self.owns_ray = False

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
