"""Reading the cross-article ledger: merged events with their reports, figure series."""

from __future__ import annotations

from sqlalchemy import or_, select

from ..store import ledger_tables, queries, schema
from ..store.filters import date_bound, page
from ..store.rows import descending
from . import relay, series, series_context, series_filter


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


def figure_series(store, **filters) -> list[dict]:
    """Figures about the same thing grouped into series (see series.group); the filters are
    newest_figure_series'.

    narrow=False reads every figure of the dates, matches the filters in Python only and compares each
    figure with every series of its measure: the same series, slower (series_filter and series.group
    say why; the tests compare the two)."""
    return newest_figure_series(store, None, **filters)[0]


def newest_figure_series(
    store,
    most: int | None,
    *,
    about=None,
    actor=None,
    country=None,
    since=None,
    until=None,
    text=None,
    include_duplicates=False,
    narrow: bool = True,
) -> tuple[list[dict], bool]:
    """(figure_series of the newest `most` figures that can be in the series asked for, whether there
    were more): what a page can afford when the filters leave many figures (None: every figure)."""
    rows = _series_rows(store, about, actor, country, since, until, text, include_duplicates, narrow, most)
    truncated = most is not None and len(rows) > most
    rows = rows[:most] if truncated else rows
    figures: dict[str, set[str]] = {}
    for r in rows:
        figures.setdefault(r["article_id"], set()).add(r["id"])
    context = series_context.of_articles(store, figures)
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
    # `about` may name the kind ("killed"), which is read from the text around the figure, so it is
    # matched here, after the kinds are known; SQL only narrowed the rows (series_filter.about).
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
    out = series.group(items, prune=narrow)
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
    return out, truncated


def _series_rows(store, about, actor, country, since, until, text, include_duplicates, narrow, most=None) -> list:
    """The figure rows (as store.figures gives them) that can be in the series asked for: with
    narrow, only those the filters can keep (series_filter), found in SQL; else every one. most: only
    the newest most + 1 (so the caller sees if there were more)."""
    f = store._filters("figures", None, {"since": since, "until": until, "include_duplicates": include_duplicates})
    q, shape = queries.figures(f)
    with store.engine.connect() as conn:  # one snapshot for the narrowing and the read
        parts = [q]
        if narrow:
            fig, a = schema.figures, schema.articles
            act = queries._alias(schema.actors, "actor")  # the figure's actor, joined by queries.figures
            conds: list = [series_filter.counted_values(fig)]
            if about:
                conds.append(series_filter.about(about, fig.c.counted, fig.c.text, a.c.text))
            if text:
                conds.append(series_filter.contains(text, [fig.c.text, a.c.title]))
            q = q.where(*(c for c in conds if c is not None))
            parts = [q]
            if (country or actor) and not _any(conn, q.where(series_filter.subject_unset(fig, act.c.name))):
                # Every figure has a subject: each series holds one subject's (series_filter.subjects).
                spellings = series_filter.spelt_upper(country.upper()) if country else None
                if spellings:
                    # The spellings used, so that the list is short (one, as a rule) and its index is used.
                    used = select(fig.c.actor_country).where(fig.c.actor_country.in_(spellings)).distinct()
                    codes = set(conn.execute(used).scalars())
                    parts = [q.where(c) for c in series_filter.of_country(fig, act.c.name, codes, spellings)]
                elif actor:
                    pairs = [tuple(p) for p in conn.execute(_pairs(q, fig, act))]
                    found = series_filter.subjects(pairs, country=country, actor=actor)
                    if found is not None:
                        parts = [q.where(series_filter.of_subjects(fig, act.c.name, *found))]
        if most is None:
            return [shape(r) for part in parts for r in conn.execute(part.order_by(None)).mappings()]
        newest = [r for part in parts for r in conn.execute(part.limit(most + 1)).mappings()]
    if len(parts) > 1:  # each part in the list's order (newest first): merged so
        newest.sort(key=lambda r: (r["published"] is None, descending(r["published"]), r["article_id"], r["ord"]))
    return [shape(r) for r in newest[: most + 1]]


def _any(conn, q) -> bool:
    return conn.execute(q.with_only_columns(schema.figures.c.ord).order_by(None).limit(1)).first() is not None


def _pairs(q, fig, act):
    """The distinct (actor country, actor name) of the figures of q."""
    return q.with_only_columns(fig.c.actor_country, act.c.name).order_by(None).distinct()
