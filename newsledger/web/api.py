"""JSON API routes: thin wrappers over the Store query methods, with validated filters and paging."""

from __future__ import annotations

import io
import threading
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request

from ..store.filters import Filters
from .filter_params import query_filters
from .limits import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_PARAM

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
# The filters of each kind, as query parameters (the table in newsledger.store.filters).
QUERY_FILTERS = {
    kind: query_filters(kind)
    for kind in ("articles", "events", "statements", "figures", "actors", "places", "merged_events", "figure_series")
}


def store(request: Request):
    return request.app.state.ledger.store


def paged(rows: list[dict], limit: int, offset: int) -> dict:
    return {
        "items": rows,
        "count": len(rows),
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(rows) == limit else None,
    }


@router.get("/articles", summary="Articles (without their text), newest first")
def articles(
    s=Depends(store), f: Filters = Depends(QUERY_FILTERS["articles"]), limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict:
    return paged(s.articles(f, limit=limit, offset=offset), limit, offset)


@router.get("/articles/{article_id}", summary="One article: its text and every record (the JSON contract)")
def article(article_id: Annotated[str, Path(max_length=MAX_PARAM)], s=Depends(store)) -> dict:
    return load_article(s, article_id)


def load_article(s, article_id: str) -> dict:
    if len(article_id) > MAX_PARAM:
        raise HTTPException(404, f"no article {article_id[:40]!r}...")
    pairs = list(s.result_dicts(article=article_id))
    if not pairs:
        raise HTTPException(404, f"no article with id {article_id!r} in this ledger")
    art, result = pairs[0]
    return {"article": art, "result": result}


@router.get("/events", summary="Events (PLOVER type, mode, actor, recipient, place, time, who says so)")
def events(
    s=Depends(store), f: Filters = Depends(QUERY_FILTERS["events"]), limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict:
    return paged(s.events(f, limit=limit, offset=offset), limit, offset)


@router.get("/events/{article_id}/{event_id}", summary="One event, with its article's title")
def event(
    article_id: Annotated[str, Path(max_length=MAX_PARAM)],
    event_id: Annotated[str, Path(max_length=MAX_PARAM)],
    s=Depends(store),
) -> dict:
    return find_event(s, article_id, event_id)


def find_event(s, article_id: str, event_id: str) -> dict:
    if len(article_id) <= MAX_PARAM:
        # An article linked as a copy of another still has its own event pages.
        for row in s.events(article=article_id, limit=None, include_duplicates=True):
            if row["id"] == event_id:
                return row
    raise HTTPException(404, f"no event {event_id[:40]!r} in article {article_id[:40]!r}")


@router.get("/merged-events", summary="Merged events: one row per real-world event, with every report of it")
def merged_events(
    request: Request,
    f: Filters = Depends(QUERY_FILTERS["merged_events"]),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    return paged(request.app.state.ledger.merged_events(f, limit=limit, offset=offset), limit, offset)


@router.get(
    "/merged-events/{merged_id}",
    summary="One merged event: every report (article, outlet, date, source, evidence, why merged), relays",
)
def merged_event(merged_id: Annotated[int, Path(ge=1, le=2**31 - 1)], s=Depends(store)) -> dict:
    from .merged import load_merged

    return load_merged(s, merged_id)


@router.get("/statements", summary="Statements: who says what, how sure")
def statements(
    s=Depends(store),
    f: Filters = Depends(QUERY_FILTERS["statements"]),
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    return paged(s.statements(f, limit=limit, offset=offset), limit, offset)


@router.get("/figures", summary="Figures: how many, of what, according to whom")
def figures(
    s=Depends(store), f: Filters = Depends(QUERY_FILTERS["figures"]), limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict:
    return paged(s.figures(f, limit=limit, offset=offset), limit, offset)


@router.get("/figures/series", summary="Figures grouped by who reports them, ordered by date (for plotting)")
def figure_series(request: Request, f: Filters = Depends(QUERY_FILTERS["figure_series"])) -> dict:
    # The same series as `newsledger figures --series` and the series page (newsledger.ledger.series).
    return {"series": request.app.state.ledger.figure_series(f), "truncated": False}


@router.get("/actors", summary="Actors aggregated across articles")
def actors(
    s=Depends(store), f: Filters = Depends(QUERY_FILTERS["actors"]), limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict:
    return paged(s.actors(f, limit=limit, offset=offset), limit, offset)


@router.get("/places", summary="Places aggregated across articles")
def places(
    s=Depends(store), f: Filters = Depends(QUERY_FILTERS["places"]), limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> dict:
    return paged(s.places(f, limit=limit, offset=offset), limit, offset)


@router.get("/search", summary="Text search over articles, events, statements, figures, actors and places")
def search(
    q: Annotated[str, Query(min_length=1, max_length=MAX_PARAM)],
    s=Depends(store),
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict:
    return run_search(s, q, limit)


def run_search(s, q: str, limit: int) -> dict:
    return {
        "query": q,
        "articles": s.articles(text=q, limit=limit),
        "events": s.events(text=q, limit=limit),
        "statements": s.statements(text=q, limit=limit),
        "figures": s.figures(text=q, limit=limit),
        "actors": s.actors(name=q, limit=limit),
        "places": s.places(name=q, limit=limit),
    }


@router.get("/stats", summary="Counts per record kind and the last ingest run")
def stats(s=Depends(store)) -> dict:
    return s.stats()


_ingest_lock = threading.Lock()  # one extraction at a time: the pipeline is large and not shared-safe


@router.post(
    "/ingest",
    summary="Add articles (JSON Lines body); only when the server was started with a token",
    responses={401: {"description": "missing or wrong token"}, 403: {"description": "ingest disabled"}},
)
async def ingest(request: Request, authorization: Annotated[str | None, Header(max_length=MAX_PARAM)] = None) -> dict:
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "ingest is disabled: start the server with --token (or NEWSLEDGER_TOKEN)")
    import hmac

    given = (authorization or "").removeprefix("Bearer ").strip() if (authorization or "").startswith("Bearer ") else ""
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "send the server's token as 'Authorization: Bearer TOKEN'")
    body = await request.body()
    if not body.strip():
        raise HTTPException(400, "the body is empty: send JSON Lines, one article object per line")
    ledger = request.app.state.ledger

    def run():
        with _ingest_lock:
            return ledger.ingest(["-"], stdin=io.BytesIO(body))

    from starlette.concurrency import run_in_threadpool

    summary = await run_in_threadpool(run)
    return summary.to_dict()
