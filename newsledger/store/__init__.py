"""The ledger database: open_store(path_or_url) -> Store (SQLite by default, PostgreSQL by URL)."""
from .migrations import SCHEMA_VERSION
from .store import Store, open_store

__all__ = ["SCHEMA_VERSION", "Store", "open_store"]
