"""Request limits shared by the API and the pages."""

MAX_LIMIT = 500  # rows per page
DEFAULT_LIMIT = 50
MAX_OFFSET = 10_000_000
MAX_PARAM = 200  # characters in one text filter
MAX_BODY = 5 * 1024 * 1024  # bytes in one request body (the ingest endpoint)
MAP_ROWS = 5000  # newest events placed on the map
# A list page counts at most this many rows (above: "10,000+") and its facets count the newest
# FACET_ROWS rows of the list: the cost of a page stops growing with the ledger (benchmarks/queries.py).
COUNT_CAP = 10_000
FACET_ROWS = 2_000
# A figure series page (and /api/figures/series) groups at most the newest SERIES_FIGURES figures its
# filters leave (above: "only the newest figures are drawn"): every figure costs its article's context.
SERIES_FIGURES = 2_000
