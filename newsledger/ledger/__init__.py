"""The ledger across articles: duplicates (MinHash/LSH), stories (TF-IDF), merged events on positive
evidence (merge.py), figure series by measure (series.py), claim origins (relay.py, identity.py).

link(store, ids) is called after each ingest batch; it is incremental and idempotent.
merged_events(store, ...) and figure_series(store, ...) read the result.
"""

from .update import link
from .views import figure_series, merged_events, newest_figure_series

__all__ = ["figure_series", "link", "merged_events", "newest_figure_series"]
