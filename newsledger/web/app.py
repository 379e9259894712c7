"""The web application: JSON API under /api, HTML pages at /, static assets at /static."""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..api import Ledger
from ..errors import NewsledgerError, StoreError, UsageError
from ..store.filters import FilterError
from . import api, apidocs, pages, record_pages
from .blanks import DropBlankParams
from .limits import COUNT_CAP, FACET_ROWS
from .security import SecurityMiddleware
from .server_errors import ServerErrors

HERE = Path(__file__).parent


def create_app(
    db: str | os.PathLike | None = None,
    *,
    ledger: Ledger | None = None,
    token: str | None = None,
    count_cap: int = COUNT_CAP,
    facet_rows: int = FACET_ROWS,
) -> FastAPI:
    """The app over a ledger (a path/URL, or an open Ledger). `token` enables POST /api/ingest.
    count_cap, facet_rows: how many rows a list page counts, and counts its facets over (limits.py)."""
    owned = ledger is None  # a ledger opened here is closed with the app

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if owned:
            app.state.ledger.close()

    app = FastAPI(
        title="newsledger",
        version="0.1.0",
        lifespan=lifespan,
        description="Read a source-attributed news ledger: events, statements, figures, actors, places.",
        docs_url=None,
        redoc_url=None,
    )  # Swagger UI loads from a CDN: /docs is rendered here from /openapi.json instead (apidocs)
    app.state.ledger = ledger if ledger is not None else Ledger(db if db is None or isinstance(db, str) else Path(db))
    app.state.token = token or None
    app.state.count_cap, app.state.facet_rows = count_cap, facet_rows  # what a list page counts (limits.py)
    app.add_middleware(ServerErrors)  # innermost: any unexpected error -> JSON / HTML 500
    app.add_middleware(DropBlankParams)
    app.add_middleware(SecurityMiddleware)  # added last = outermost: headers on every response
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(record_pages.router)
    app.include_router(apidocs.router)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(HERE / "static" / "favicon.ico", media_type="image/x-icon")

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError):
        named = {"parameter": exc.name} if isinstance(exc, FilterError) else {}  # the filter at fault
        return _error(request, 400, "bad_parameter", str(exc), **named)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return _error(request, 503, "ledger_unavailable", str(exc))

    @app.exception_handler(NewsledgerError)
    async def other_error(request: Request, exc: NewsledgerError):
        return _error(request, 400, "error", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = [
            f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in exc.errors()
        ]
        return _error(
            request,
            422,
            "invalid_parameter",
            "; ".join(problems),
            detail=[{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()],
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        names = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}
        return _error(
            request,
            exc.status_code,
            names.get(exc.status_code, "error"),
            str(exc.detail),
            headers=getattr(exc, "headers", None),
        )

    return app


def _error(request: Request, status: int, code: str, message: str, headers=None, **extra):
    """JSON for the API; a small HTML page for browsers on the pages."""
    if not request.url.path.startswith("/api") and request.url.path != "/openapi.json":
        return pages.error_page(request, status, message)
    return JSONResponse({"error": code, "message": message, **extra}, status_code=status, headers=headers)
