"""What a figure series needs to know of the articles of its figures, read for many articles at once:
text (for the figure's measure), outlet, statements (for the claim's origin and relay chain), actors,
the event each figure belongs to (its place and merged event) and the article's main place.

Only the columns those need, one query per kind for a chunk of articles: the record lists' queries
(store.events, store.statements) join and decode far more, which at thousands of figures was most of
the time of a series page.
"""

from __future__ import annotations

from sqlalchemy import String, any_, literal, select
from sqlalchemy.dialects.postgresql import ARRAY

from ..store import backend, ledger_tables, rows, schema

# Articles read per query. SQLite: an IN list of bound parameters, which older SQLite caps at 999 (and
# in-process queries cost little each). PostgreSQL: one array parameter (`= ANY`), since each query
# costs a round trip and a plan, and an IN list of every article with a figure would overflow its
# 65,535 bound parameters at 100k articles.
CHUNK = {"sqlite": 500, "postgresql": 20_000}


def of_articles(store, figures: dict[str, set[str]]) -> dict[str, dict]:
    """The context of each article, given the ids of its figures in the series."""
    out: dict[str, dict] = {}
    ordered = sorted(figures)
    size = CHUNK.get(store.engine.dialect.name, 500)
    for i in range(0, len(ordered), size):
        out.update(_context_of(store, {aid: figures[aid] for aid in ordered[i : i + size]}))
    return out


def _among(column, ids: list[str], dialect: str):
    """column IN ids, as one array parameter on PostgreSQL."""
    if dialect == "postgresql":
        return column == any_(literal(ids, ARRAY(String)))
    return column.in_(ids)


def _context_of(store, figures: dict[str, set[str]]) -> dict[str, dict]:
    """What figure_series needs of these articles: text, outlet, statements, events by figure,
    actors, merged ids and the specific place most often named as a location (with coordinates),
    which stands in for the place of a figure without an event placed (so it is read only for the
    articles that have one)."""
    ids = list(figures)
    a = schema.articles
    dialect = store.engine.dialect.name
    with store.engine.connect() as conn:
        backend.by_keys(conn)
        texts = {
            r.id: r for r in conn.execute(select(a.c.id, a.c.text, a.c.outlet).where(_among(a.c.id, ids, dialect)))
        }
        ac = schema.actors
        actors: dict[str, dict] = {}
        for row in conn.execute(
            select(ac.c.article_id, ac.c.id, ac.c.name, ac.c.country, ac.c.sector, ac.c.kind).where(
                _among(ac.c.article_id, ids, dialect)
            )
        ).mappings():
            actors.setdefault(row["article_id"], {})[row["id"]] = dict(row)
        dups = dict(
            conn.execute(
                select(ledger_tables.duplicates.c.article_id, ledger_tables.duplicates.c.canonical_id).where(
                    _among(ledger_tables.duplicates.c.article_id, ids, dialect)
                )
            ).all()
        )
        er = ledger_tables.event_reports
        merged: dict[str, dict[str, str]] = {}
        for aid, eid, mid in conn.execute(
            select(er.c.article_id, er.c.event_id, er.c.merged_id).where(_among(er.c.article_id, ids, dialect))
        ):
            merged.setdefault(aid, {})[eid] = mid
        canon = sorted(set(dups.values()))
        canon_outlets = (
            dict(conn.execute(select(a.c.id, a.c.outlet).where(_among(a.c.id, canon, dialect))).all()) if canon else {}
        )
        events = _events_of(conn, ids, dialect)
        of_figure = {aid: {f: e for e in events.get(aid, ()) for f in (e["figures"] or [])} for aid in ids}
        unplaced = [aid for aid in ids if any(not _placed(of_figure[aid].get(f)) for f in figures[aid])]
        places = _top_places(conn, unplaced, dialect) if unplaced else {}
        statements = _statements_of(conn, ids, dialect, actors)
    out = {}
    for aid in ids:
        top = places.get(aid)
        out[aid] = {
            "text": texts[aid].text,
            "outlet": canon_outlets.get(dups.get(aid)) or texts[aid].outlet,
            "statements": statements.get(aid, {}),
            "event_of_figure": of_figure[aid],
            "actors": actors.get(aid, {}),
            "merged": merged.get(aid, {}),
            "place": top and top["name"],
            "lat": top and top["lat"],
            "lon": top and top["lon"],
        }
    return out


def _placed(event: dict | None) -> bool:
    """Whether figure_series takes the figure's place from this event alone (a name and coordinates)."""
    return bool(event and event["place_name"] and event["place_lat"] and event["place_lon"])


def _events_of(conn, ids: list[str], dialect: str) -> dict[str, list[dict]]:
    """Each article's events in record order (a figure named by two events belongs to the later), with
    the figures they name and their place (store.events' place_name, place_lat, place_lon). The places
    are looked up here, not joined: for a few thousand events PostgreSQL hashes every place instead."""
    e, pl = schema.events, schema.places
    places: dict[tuple[str, str], tuple] = {
        (r.article_id, r.id): (r.name, r.lat, r.lon)
        for r in conn.execute(
            select(pl.c.article_id, pl.c.id, pl.c.name, pl.c.lat, pl.c.lon).where(_among(pl.c.article_id, ids, dialect))
        )
    }
    q = (
        select(e.c.article_id, e.c.id, e.c.figures, e.c.place)
        .where(_among(e.c.article_id, ids, dialect))
        .order_by(e.c.article_id, e.c.ord)
    )
    out: dict[str, list[dict]] = {}
    for r in conn.execute(q):
        name, lat, lon = places.get((r.article_id, r.place), (None, None, None))
        out.setdefault(r.article_id, []).append(
            {"id": r.id, "figures": r.figures, "place_name": name, "place_lat": lat, "place_lon": lon}
        )
    return out


def _statements_of(conn, ids: list[str], dialect: str, actors: dict[str, dict]) -> dict[str, dict[str, dict]]:
    """Each article's statements by id, with what relay.origin and relay.chain read of them (the
    fields of store.statements they use: source, source_actor_name, via); the source's actor is
    looked up among the article's actors, read already."""
    s = schema.statements
    q = (
        select(s.c.article_id, s.c.id, s.c.source_start, s.c.source_end, s.c.source_text, s.c.source_actor, s.c.via)
        .where(_among(s.c.article_id, ids, dialect))
        .order_by(s.c.article_id, s.c.ord)
    )
    out: dict[str, dict[str, dict]] = {}
    for r in conn.execute(q).mappings():
        source = rows._span_dict(r, "source")
        if source is not None:
            source["actor"] = r["source_actor"]
        actor = actors.get(r["article_id"], {}).get(r["source_actor"]) if r["source_actor"] is not None else None
        out.setdefault(r["article_id"], {})[r["id"]] = {
            "id": r["id"],
            "source": source,
            "via": r["via"],
            "source_actor_name": actor["name"] if actor else None,
        }
    return out


def _top_places(conn, ids: list[str], dialect: str) -> dict[str, dict]:
    """Each article's place finer than a country, with coordinates, named most often as a location
    (a mention whose role is "location": something is or happens there). A capital that only stands
    for its government ("Pyongyang deployed ...") or only describes something ("a Kyiv-based analyst")
    is not where the article's figures happen, however often it is named."""
    pl = schema.places
    q = select(pl.c.article_id, pl.c.name, pl.c.lat, pl.c.lon, pl.c.mentions).where(
        _among(pl.c.article_id, ids, dialect), pl.c.kind.is_not(None), pl.c.kind != "country", pl.c.lat.is_not(None)
    )
    best: dict[str, tuple[tuple[int, str], dict]] = {}
    for row in conn.execute(q).mappings():
        located = sum(m.get("role", "location") == "location" for m in row["mentions"] or [])
        rank = (-located, row["name"])  # most located mentions first, then by name for a stable choice
        aid = row["article_id"]
        if located and (aid not in best or rank < best[aid][0]):
            best[aid] = (rank, dict(row))
    return {aid: place for aid, (_rank, place) in best.items()}
