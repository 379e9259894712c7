"""The ledger database: open_store(path_or_url) -> Store (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import SCHEMA_VERSION

if TYPE_CHECKING:
    from .store import Store, open_store

__all__ = ["SCHEMA_VERSION", "Store", "open_store"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: the filter table (newsledger.store.filters), which the CLI reads to build
    # its options, does not need SQLAlchemy.
    if name in ("Store", "open_store"):
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
