"""Request limits shared by the API and the pages."""

MAX_LIMIT = 500  # rows per page
DEFAULT_LIMIT = 50
MAX_OFFSET = 10_000_000
MAX_PARAM = 200  # characters in one text filter
MAX_BODY = 5 * 1024 * 1024  # bytes in one request body (the ingest endpoint)
MAP_ROWS = 5000  # newest events placed on the map
