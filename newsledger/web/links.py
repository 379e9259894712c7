"""Links the pages build: query strings that keep the filters given, and hrefs safe to follow."""

from __future__ import annotations

from urllib.parse import urlencode


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become hrefs: a javascript: or data: URL from a source stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def query_string(params: dict, **changes) -> str:
    """`?a=1&b=2` of params with changes applied; a change to None or "" drops that parameter."""
    kept = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else ""
