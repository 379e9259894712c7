"""The ledger across articles: duplicates (MinHash/LSH), merged events, figure series, relays.

link(store, ids) is called after each ingest batch; it is incremental and idempotent.
merged_events(store, ...) and figure_series(store, ...) read the result.
"""
from .update import link
from .views import figure_series, merged_events

__all__ = ["figure_series", "link", "merged_events"]
