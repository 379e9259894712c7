"""The article's publication date as components read it (doc._.published)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc


def publication_date(doc: Doc) -> dt.date | None:
    """doc._.published as a date: it may be set as a date, a datetime or an ISO string; None when
    absent or not a date."""
    p = doc._.published
    if isinstance(p, dt.datetime):
        return p.date()
    if isinstance(p, dt.date):
        return p
    if isinstance(p, str):
        try:
            return dt.date.fromisoformat(p[:10])
        except ValueError:
            return None
    return None
