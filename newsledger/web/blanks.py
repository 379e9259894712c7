"""Empty query parameters (`?mode=&actor=` from a submitted form) mean "no filter", not "equals ''"."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode


class DropBlankParams:
    """Pure ASGI: rewrites the query string without empty values before routing sees it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("query_string"):
            raw = scope["query_string"].decode("latin-1")
            pairs = parse_qsl(raw, keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip() != ""]
            if len(kept) != len(pairs):
                scope = dict(scope, query_string=urlencode(kept).encode("latin-1"))
        await self.app(scope, receive, send)
