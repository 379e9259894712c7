"""Reading the cross-article ledger: merged events with their reports, figure series."""

from __future__ import annotations

from sqlalchemy import or_, select

from ..store import ledger_tables, queries, schema
from ..store.conditions import where
from ..store.filters import date_bound, page
from . import relay, series


def merged_events(
    store,
    *,
    type=None,
    country=None,
    since=None,
    until=None,
    min_reports: int = 1,
    min_outlets: int = 1,
    limit=50,
    offset=0,
    id=None,
    sort=None,
) -> list[dict]:
    """One row per real-world event: its profile, counts (reports = distinct articles, since the
    reports of one article count once; outlets with their names; independent sources), first/last
    reported, and every report with its article, event, statement, span and reason.
    id: a merged event's id, or an id it was folded from (merged_redirects). sort: a key of
    newsledger.store.listing.SORTS["merged_events"] (`-reports`: descending); ties in the list's order."""
    from ..store.listing import read_sort

    order = read_sort("merged_events", sort)
    limit, offset = page(limit, offset)
    me, er, a = ledger_tables.merged_events, ledger_tables.event_reports, schema.articles
    q = select(me).where(me.c.n_articles >= int(min_reports))
    if int(min_outlets) > 1:
        q = q.where(me.c.n_outlets >= int(min_outlets))
    if id is not None:
        q = q.where(me.c.id == resolve(store, int(id)))
    if type:
        q = q.where(me.c.type == type.upper())
    if country:
        q = q.where(or_(me.c.actor_country == country.upper(), me.c.recipient_country == country.upper()))
    if since:
        q = q.where(me.c.last_date >= date_bound(since, upper=False))
    if until:
        q = q.where(me.c.first_date <= date_bound(until, upper=True))
    own: tuple = (me.c.n_articles.desc(), me.c.last_date.desc().nulls_last(), me.c.id)
    if order is not None:
        first = me.c[order.column].desc() if order.descending else me.c[order.column].asc()
        own = (first.nulls_last(), *own)
    q = q.order_by(*own).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        heads = [dict(m) for m in conn.execute(q).mappings()]
        ids = [h["id"] for h in heads]
        reps = (
            conn.execute(
                select(er, a.c.outlet, a.c.published, a.c.title)
                .join(a, a.c.id == er.c.article_id)
                .where(er.c.merged_id.in_(ids))
                .order_by(a.c.published, er.c.article_id, er.c.event_id)
            )
            .mappings()
            .all()
            if ids
            else []
        )
    by_id: dict[int, list[dict]] = {i: [] for i in ids}
    for r in reps:
        by_id[r["merged_id"]].append(dict(r))
    # The page's reports all at once (an extracted event is a report of one merged event only).
    details = {(r["article_id"], r["event_id"]): r for rows in by_id.values() for r in rows}
    for ev, statements in _events_of(store, details):
        details[(ev["article_id"], ev["id"])].update(
            trigger=ev["trigger"],
            statement=ev.get("statement"),
            source_text=ev.get("source_text"),
            chain=relay.chain(ev.get("statement"), statements),
        )
    out = []
    for h in heads:
        rows = by_id[h["id"]]
        published = [r["published"] for r in rows if r["published"]]
        out.append(
            {
                "id": h["id"],
                "type": h["type"],
                "mode": h["mode"],
                "actor_country": h["actor_country"],
                "recipient_country": h["recipient_country"],
                "place": h["place_name"],
                "lat": h["lat"],
                "lon": h["lon"],
                "first_date": h["first_date"],
                "last_date": h["last_date"],
                "first_reported": min(published, default=None),
                "last_reported": max(published, default=None),
                "reports": len({r["article_id"] for r in rows}),
                "mentions": len(rows),
                "articles": len({r["article_id"] for r in rows}),
                "outlets": len({r["outlet"] for r in rows if r["outlet"]}),
                "outlet_names": sorted({r["outlet"] for r in rows if r["outlet"]}),
                "independent_sources": len({r["origin"] for r in rows}),
                "origins": sorted({r["origin"] for r in rows}),
                "report_list": [
                    {
                        k: r.get(k)
                        for k in (
                            "article_id",
                            "event_id",
                            "outlet",
                            "published",
                            "title",
                            "trigger",
                            "statement",
                            "source_text",
                            "chain",
                            "origin",
                            "reason",
                        )
                    }
                    for r in rows
                ],
            }
        )
    return out


def resolve(store, merged_id: int) -> int:
    """The id a merged event lives under now: itself, or the event it was folded into."""
    rd = ledger_tables.merged_redirects
    with store.engine.connect() as conn:
        new = conn.execute(select(rd.c.new_id).where(rd.c.old_id == merged_id)).scalar()
    return new if new is not None else merged_id


def _events_of(store, details: dict) -> list[tuple[dict, dict]]:
    """The reported events with their article's statements (for the relay chain).

    One query per kind for all the articles, not two per article: a page of merged events
    names many articles, and each query costs a round trip (and a plan, in PostgreSQL).
    """
    aids = sorted({k[0] for k in details})
    if not aids:
        return []
    statements = _statements_of(store, aids)
    return [
        (e, statements[e["article_id"]])
        for e in store.events(article=aids, include_duplicates=True, limit=None)
        if (e["article_id"], e["id"]) in details
    ]


def _statements_of(store, aids: list[str]) -> dict[str, dict]:
    """Each article's statements by id, duplicates' included, in one query."""
    out: dict[str, dict] = {aid: {} for aid in aids}
    for s in store.statements(article=aids, include_duplicates=True, limit=None):
        out[s["article_id"]][s["id"]] = s
    return out


def figure_series(
    store, *, about=None, actor=None, country=None, since=None, until=None, text=None, include_duplicates=False
) -> list[dict]:
    """Figures about the same thing grouped into series (see series.group)."""
    # `about` may name the kind ("killed"), which is read from the text around the figure, so it is
    # matched after the kinds are known, not in SQL.
    rows = store.figures(since=since, until=until, include_duplicates=include_duplicates, limit=None)
    arts = {r["article_id"] for r in rows}
    context = _article_context(store, arts)
    items = []
    for r in rows:
        ctx = context[r["article_id"]]
        ev = ctx["event_of_figure"].get(r["id"], {})
        items.append(
            series.Item(
                row=r,
                kind=series.kind(ctx["text"], r["start"], r["end"], r.get("counted")),
                place=ev.get("place_name") or ctx["place"],
                lat=ev.get("place_lat") or ctx["lat"],
                lon=ev.get("place_lon") or ctx["lon"],
                origin=relay.origin(r.get("statement"), ctx["statements"], ctx["outlet"], ctx["actors"]),
                chain=relay.chain(r.get("statement"), ctx["statements"]),
                merged=ctx["merged"].get(ev.get("id")),
            )
        )
    if about:  # the measure ("killed") or what is counted ("soldiers")
        needle = about.lower()
        items = [
            i
            for i in items
            if needle in i.kind
            or needle in (i.row.get("counted") or "").lower()
            or needle in (i.row.get("text") or "").lower()
        ]
    if text:
        needle = text.lower()
        items = [
            i
            for i in items
            if needle in (i.row.get("text") or "").lower() or needle in (i.row.get("title") or "").lower()
        ]
    out = series.group(items)
    # Subject filters apply to the series, so a value whose actor was not extracted still shows in
    # the series of its event. actor: a name or a country code ("PRK", "North Korea").
    if actor:
        needle = actor.lower()
        out = [
            s
            for s in out
            if s["actor"]
            and (
                needle == s["actor"].lower()
                or needle in " ".join((v.get("actor_name") or "").lower() for v in s["values"])
            )
        ]
    if country:
        out = [s for s in out if (s["actor"] or "").upper() == country.upper()]
    return out


# Articles read per query: an IN list of every article with a figure overflows PostgreSQL's 65,535
# bound parameters at 100k articles, and one query per article costs a round trip each.
CHUNK = 500


def _article_context(store, ids: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), CHUNK):
        out.update(_context_of(store, ordered[i : i + CHUNK]))
    return out


def _context_of(store, ids: list[str]) -> dict[str, dict]:
    """What figure_series needs of these articles: text, outlet, statements, events by figure,
    actors, merged ids and the most mentioned specific place (with coordinates)."""
    a = schema.articles
    with store.engine.connect() as conn:
        texts = {r.id: r for r in conn.execute(select(a.c.id, a.c.text, a.c.outlet).where(a.c.id.in_(ids)))}
        ac = schema.actors
        actors: dict[str, dict] = {}
        for row in conn.execute(
            select(ac.c.article_id, ac.c.id, ac.c.name, ac.c.country, ac.c.sector, ac.c.kind).where(
                ac.c.article_id.in_(ids)
            )
        ).mappings():
            actors.setdefault(row["article_id"], {})[row["id"]] = dict(row)
        dups = dict(
            conn.execute(
                select(ledger_tables.duplicates.c.article_id, ledger_tables.duplicates.c.canonical_id).where(
                    ledger_tables.duplicates.c.article_id.in_(ids)
                )
            ).all()
        )
        er = ledger_tables.event_reports
        merged: dict[str, dict[str, str]] = {}
        for aid, eid, mid in conn.execute(
            select(er.c.article_id, er.c.event_id, er.c.merged_id).where(er.c.article_id.in_(ids))
        ):
            merged.setdefault(aid, {})[eid] = mid
        canon = sorted(set(dups.values()))
        canon_outlets = dict(conn.execute(select(a.c.id, a.c.outlet).where(a.c.id.in_(canon))).all()) if canon else {}
        places = _top_places(conn, store, ids)
    events: dict[str, list[dict]] = {aid: [] for aid in ids}
    for e in store.events(article=ids, include_duplicates=True, limit=None):
        events[e["article_id"]].append(e)
    statements = _statements_of(store, ids)
    out = {}
    for aid in ids:
        top = places.get(aid)
        out[aid] = {
            "text": texts[aid].text,
            "outlet": canon_outlets.get(dups.get(aid)) or texts[aid].outlet,
            "statements": statements[aid],
            "event_of_figure": {f: e for e in events[aid] for f in (e.get("figures") or [])},
            "actors": actors.get(aid, {}),
            "merged": merged.get(aid, {}),
            "place": top and top["name"],
            "lat": top and top["lat"],
            "lon": top and top["lon"],
        }
    return out


def _top_places(conn, store, ids: list[str]) -> dict[str, dict]:
    """Each article's most mentioned place finer than a country with coordinates: the places list of
    that one article (the same filters and order) read for all the articles in one query."""
    pl = schema.places
    keys = tuple(pl.c[k] for k in ("name", "country", "geonameid", "lat", "lon", "kind"))
    conds = where(store._filters("places", None, {"article": ids}), pl)
    q = queries.aggregate(pl, (pl.c.article_id, *keys), conds)
    top: dict[str, dict] = {}
    for row in conn.execute(q).mappings():
        aid = row["article_id"]
        if aid not in top and row["kind"] not in ("country", None) and row["lat"] is not None:
            top[aid] = dict(row)
    return top
