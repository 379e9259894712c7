"""A throwaway PostgreSQL schema: for the store tests (conftest.py) and benchmarks/attack.py."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def schema_url(admin: Any, url: str, prefix: str) -> Iterator[str]:
    """The URL of a new, empty schema named `prefix` + a random part in the database at `url`.

    `admin`: an autocommit psycopg connection to that database; the schema is dropped and the
    connection closed on exit."""
    name = prefix + uuid.uuid4().hex[:12]
    admin.execute(f'CREATE SCHEMA "{name}"')
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{name}"
    finally:
        admin.execute(f'DROP SCHEMA "{name}" CASCADE')
        admin.close()
