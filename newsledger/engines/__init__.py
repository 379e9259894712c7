"""Extraction engines: where the ingest loop (engines/loop.py) runs the NLP.

`local` with workers=1 extracts in this process with one Extractor (inprocess.py); with more
workers it is a process pool on one machine (local.py); `ray` is a pool of Ray actors, on this
machine or on a cluster (optional extra). Every engine maps a list of Articles to
(Article, ArticleResult) pairs, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..nlp.extractor import Extractor

ENGINES = ("local", "ray")


def make_engine(
    engine: str = "local",
    *,
    workers: int = 1,
    model: str | None = None,
    address: str | None = None,
    get_extractor: Callable[[], Extractor] | None = None,
):
    """An engine object with `.submit(articles, published)` (starts extracting; returns a function
    that waits for the pairs), `.extract(...)` (the same, waited for) and `.close()`; also a
    context manager. With the local engine and one worker, extraction stays in this process and
    uses `get_extractor()` (default: an Extractor for `model`, built on first use).
    `address` is the Ray cluster to join (default: RAY_ADDRESS, else a local Ray instance)."""
    if engine == "local":
        if workers <= 1:
            from ..nlp.extractor import Extractor
            from .inprocess import InProcessEngine

            return InProcessEngine(get_extractor or cache(lambda: Extractor(model=model)))
        from .local import LocalEngine

        return LocalEngine(workers=workers, model=model)
    if engine == "ray":
        from .ray import RayEngine

        return RayEngine(workers=workers, model=model, address=address)
    raise UsageError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
