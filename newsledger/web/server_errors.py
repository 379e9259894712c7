"""Any unexpected server error answered like every other error: JSON under /api, an HTML page
elsewhere, inside the security middleware (so with its headers), and the connection kept usable.

Starlette's own last-resort handler sits outside every user middleware: its 500 is text/plain,
carries none of the security headers, and it re-raises, so the server drops the keep-alive
connection. This middleware sits inside SecurityMiddleware and answers instead.
"""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse

log = logging.getLogger("newsledger.web")
MESSAGE = "internal error: the request could not be answered; the server log has the details"


def _response(path: str, request: Request):
    if path.startswith("/api") or path == "/openapi.json":
        return JSONResponse({"error": "internal_error", "message": MESSAGE}, status_code=500)
    from .pages import error_page

    try:
        return error_page(request, 500, MESSAGE)
    except Exception:  # the page template itself failed: a bare page, still HTML
        return HTMLResponse(f"<!doctype html><title>500</title><p>{MESSAGE}</p>", status_code=500)


class ServerErrors:
    """Pure ASGI: an exception that reaches here becomes a 500 in the API's or the pages' format."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("server error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # half an answer is out: nothing sound can follow it on this connection
                raise
            response = _response(scope.get("path", ""), Request(scope, receive))
            await response(scope, receive, send)
