"""The pages of one record: an event (its evidence highlighted, the trigger brought into view), an
article (every record highlighted and linked from the side lists), and a merged event (every report)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse

from . import highlight, merged
from .api import find_event, load_article, store
from .limits import MAX_PARAM
from .pages import render

router = APIRouter(include_in_schema=False)
Id = Annotated[str, PathParam(max_length=MAX_PARAM)]


def _short(text: str | None, n: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


@router.get("/events/{article_id}/{event_id}", response_class=HTMLResponse)
def event(request: Request, article_id: Id, event_id: Id, s=Depends(store)):
    row = find_event(s, article_id, event_id)
    data = load_article(s, article_id)
    result, text = data["result"], data["article"]["text"]
    by_id = {x["id"]: x for x in result["statements"]}
    statement = by_id.get(row["statement"]) if row["statement"] else None
    figures = [f for f in result["figures"] if f["id"] in (row["figures"] or [])]
    time = next((t for t in result["times"] if t["id"] == row.get("time")), None)
    segs = highlight.segments(text, highlight.event_marks(row, result, text))
    trigger = (row.get("trigger") or {}).get("text") or ""
    title = f"{row['type']} event {row['id']}" + (f" “{_short(trigger, 30)}”" if trigger else "")
    return render(
        request,
        "event.html",
        e=row,
        article=data["article"],
        statement=statement,
        relays=highlight.relay_chain(statement, by_id),
        figures=figures,
        time=time,
        segments=segs,
        shown=highlight.kinds_shown(segs),
        merged=merged.merged_of(s, article_id, event_id),
        title=f"{title} — {_short(data['article'].get('title') or article_id)}",
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Id, s=Depends(store)):
    data = load_article(s, article_id)
    result, text = data["result"], data["article"]["text"]
    segs = highlight.segments(text, highlight.article_marks(result))
    names = {a["id"]: a["name"] for a in result["actors"]}
    by_id = {x["id"]: x for x in result["statements"]}
    relays = {x["id"]: highlight.relay_chain(x, by_id) for x in result["statements"]}
    return render(
        request,
        "article.html",
        article=data["article"],
        r=result,
        segments=segs,
        shown=highlight.kinds_shown(segs),
        names=names,
        relays=relays,
        title=_short(data["article"].get("title") or article_id, 90),
    )


@router.get("/merged-events/{merged_id}", response_class=HTMLResponse)
def merged_event(request: Request, merged_id: Annotated[int, PathParam(ge=1, le=2**31 - 1)], s=Depends(store)):
    m = merged.load_merged(s, merged_id)
    where = f" at {m['place']}" if m.get("place") else ""
    return render(
        request,
        "merged_event.html",
        m=m,
        reports=list(zip(m["report_list"], merged.excerpts(s, m))),
        title=f"{m['type']} merged event #{m['id']}{where}",
    )
