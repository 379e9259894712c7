"""Extraction engines: where Ledger.ingest runs the NLP.

`inprocess` (workers=1) uses the Ledger's own Extractor; `local` is a process pool on one
machine; `ray` is a pool of Ray actors, on this machine or on a cluster (optional extra).
Every engine maps a list of Articles to (Article, ArticleResult) pairs, in order.
"""
from __future__ import annotations

from ..errors import UsageError

ENGINES = ("local", "ray")


def make_engine(engine: str = "local", *, workers: int = 1, model: str | None = None,
                address: str | None = None):
    """An engine object with `.extract(articles, published) -> list of pairs`, `.submit(...)`
    (the same, started now: returns a function that waits for the pairs) and `.close()`,
    or None when extraction should stay in this process (local engine with one worker).
    `address` is the Ray cluster to join (default: RAY_ADDRESS, else a local Ray instance)."""
    if engine == "local":
        if workers <= 1:
            return None
        from .local import LocalEngine

        return LocalEngine(workers=workers, model=model)
    if engine == "ray":
        from .ray import RayEngine

        return RayEngine(workers=workers, model=model, address=address)
    raise UsageError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
