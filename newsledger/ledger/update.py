"""Link newly stored articles into the ledger: duplicates, then their events into merged events.

Incremental and idempotent: an article is linked once (its signature row marks it done), in
one transaction with everything it adds, so re-ingesting or re-running changes nothing and an
interrupted run is completed by the next one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy import text as sql
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..store import backend, ledger_tables, schema
from ..store.rows import place_role
from . import dedup, identity, relay
from .cluster_cache import TRIGGER_MARK, ClusterCache, to_date
from .merge import Cluster, Report, choose, compatible, stored_keys
from .profile import report as to_report
from .revisit import also_same
from .story_index import StoryIndex

_PER_TRANSACTION = 200
_LINK_LOCK = 0x6E6C_6C6B  # PostgreSQL advisory lock: one linker at a time (SQLite: the write lock)


def link(store, ids: Iterable[str] | None = None) -> dict:
    """Link these stored articles (all not yet linked when ids is None); returns counts."""
    sig, art = ledger_tables.signatures, schema.articles
    with store.engine.connect() as conn:
        q = select(art.c.id).where(~select(sig.c.article_id).where(sig.c.article_id == art.c.id).exists())
        if ids is not None:
            wanted = list(dict.fromkeys(ids))
            pending = [i for chunk in _chunks(wanted) for i in conn.execute(q.where(art.c.id.in_(chunk))).scalars()]
        else:
            pending = list(conn.execute(q).scalars())
        if not pending:
            return {"linked": 0, "duplicates": 0, "reports": 0}
        # The first stored is canonical: link in storing order.
        order = {
            r.id: (r.added or "", r.published or "", r.id)
            for chunk in _chunks(pending)
            for r in conn.execute(select(art.c.id, art.c.added, art.c.published).where(art.c.id.in_(chunk)))
        }
    pending.sort(key=lambda i: order[i])
    counts = {"linked": 0, "duplicates": 0, "reports": 0}
    try:
        for chunk in _chunks(pending, _PER_TRANSACTION):  # a whole old ledger: not one endless transaction
            for key, n in _link_all(store, chunk).items():
                counts[key] += n
        return counts
    except SQLAlchemyError as exc:
        raise StoreError(
            f"could not link articles in the ledger {store.url}: {getattr(exc, 'orig', exc)}; "
            "run `newsledger link` to complete it"
        ) from exc


def _link_all(store, pending: list[str]) -> dict:
    sig = ledger_tables.signatures
    counts = {"linked": 0, "duplicates": 0, "reports": 0}
    # What linking reads of an article never changes once it is stored (text, outlet, records):
    # read for the whole chunk in three queries, not three per article (round trips are most of
    # the linking time on PostgreSQL).
    texts, events, statements, actors, places = _read_chunk(store, pending)
    with store.engine.connect().execution_options(**backend.WRITE) as conn, conn.begin():
        lock_ledger(conn)
        # Under the lock (SQLite: the write lock), so no other linker can link one of these meanwhile.
        done = set(conn.execute(select(sig.c.article_id).where(sig.c.article_id.in_(pending))).scalars())
        clusters = ClusterCache()
        story_index = StoryIndex(conn)
        touched: set[int] = set()
        for aid in pending:
            if aid in done or aid not in texts:
                continue  # linked meanwhile by another process
            text, outlet = texts[aid]
            copy_of = _link_duplicate(conn, aid, text)
            story, _, _ = story_index.assign(aid, text, copy_of)
            counts["duplicates"] += copy_of is not None
            context = {"actors": actors.get(aid, {}), "places": places.get(aid, {}), "story": story}
            counts["reports"] += _link_events(
                conn,
                clusters,
                aid,
                text,
                outlet,
                copy_of,
                events.get(aid, []),
                statements.get(aid, []),
                context,
                touched,
            )
            counts["linked"] += 1
        story_index.flush()
        _recount(conn, touched)
    return counts


def lock_ledger(conn: Connection) -> None:
    """One linker per ledger until the transaction ends: two must not both open a cluster for one event.

    PostgreSQL: an advisory lock whose second key is this ledger's merged_events table, so ledgers
    in other schemas of the database do not wait for each other. SQLite: the write lock does it.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(
            sql("SELECT pg_advisory_xact_lock(:k, ('merged_events'::regclass::oid::bigint % 2147483647)::int)"),
            {"k": _LINK_LOCK},
        )


def _read_chunk(store, ids: list[str]) -> tuple[dict, dict, dict, dict, dict]:
    """(id -> (text, outlet), id -> its event rows, id -> its statement rows, id -> its actor rows
    by local id, id -> its place rows by local id), rows as the Store's queries return them."""
    art = schema.articles
    with store.engine.connect() as conn:
        texts = {
            r.id: (r.text, r.outlet)
            for r in conn.execute(select(art.c.id, art.c.text, art.c.outlet).where(art.c.id.in_(ids)))
        }
    grouped = []
    for rows in (
        store.events(article=ids, include_duplicates=True, limit=None),
        store.statements(article=ids, include_duplicates=True, limit=None),
    ):
        by_article: dict[str, list[dict]] = {}
        for row in rows:
            by_article.setdefault(row["article_id"], []).append(row)
        grouped.append(by_article)
    by_local = []
    with store.engine.connect() as conn:
        for t, cols in (
            (schema.actors, ("name", "country", "sector", "kind", "mentions")),
            (schema.places, ("name", "country", "lat", "lon", "kind", "n_mentions", "mentions")),
        ):
            local: dict[str, dict[str, dict]] = {}
            for row in conn.execute(
                select(t.c.article_id, t.c.id, *(t.c[c] for c in cols)).where(t.c.article_id.in_(ids))
            ).mappings():
                if t is schema.places:
                    # where events happen: a place named only as an actor ("Moscow said") or a modifier
                    # ("a Kyiv-based analyst") is neither the article's place nor a reason to drop an actor
                    if place_role(row["mentions"] or []) != "location":
                        continue
                    row = {k: v for k, v in row.items() if k != "mentions"}
                local.setdefault(row["article_id"], {})[row["id"]] = dict(row)
            by_local.append(local)
    return texts, grouped[0], grouped[1], by_local[0], by_local[1]


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _link_duplicate(conn: Connection, aid: str, text: str) -> str | None:
    """Store the signature and band keys; record and return the canonical id when a copy."""
    values, n = dedup.signature(text)
    keys = dedup.band_keys(values)
    b, sig, dup = ledger_tables.lsh_bands, ledger_tables.signatures, ledger_tables.duplicates
    candidates = list(conn.execute(select(b.c.article_id).where(b.c.band.in_(keys)).distinct()).scalars())
    best, best_sim = None, 0.0
    if candidates:
        for cid, data in conn.execute(select(sig.c.article_id, sig.c.minhash).where(sig.c.article_id.in_(candidates))):
            s = dedup.similarity(values, dedup.from_bytes(data))
            if s > best_sim or (s == best_sim and best is not None and cid < best):
                best, best_sim = cid, s
    conn.execute(sig.insert(), {"article_id": aid, "minhash": dedup.to_bytes(values), "shingles": n})
    backend.insert_many_ignoring_duplicates(conn, b, [{"band": k, "article_id": aid} for k in keys])
    if best is None or best_sim < dedup.THRESHOLD:
        return None
    canonical = conn.execute(select(dup.c.canonical_id).where(dup.c.article_id == best)).scalar() or best
    conn.execute(
        dup.insert(),
        {
            "article_id": aid,
            "canonical_id": canonical,
            "similarity": round(best_sim, 4),
            "method": "exact" if best_sim >= 1.0 else "near",
        },
    )
    return canonical


def _link_events(
    conn: Connection,
    clusters: ClusterCache,
    aid: str,
    text: str,
    outlet: str | None,
    copy_of: str | None,
    rows: list[dict],
    statement_rows: list[dict],
    context: dict,
    touched: set[int],
) -> int:
    """Match each event row of the article (Store.events rows) to a merged event, or open one.
    context: the article's actor and place rows by local id, and its story."""
    if not rows:
        return 0
    statements = {s["id"]: s for s in statement_rows}
    if copy_of:  # a wire copy rests on the original's outlet
        outlet = conn.execute(select(schema.articles.c.outlet).where(schema.articles.c.id == copy_of)).scalar()
    who = identity.ArticleActors(context["actors"], context["places"], text)  # once for all its events
    for row in rows:
        r = to_report(row, text, outlet=outlet, who=who, **context)
        candidates, merged = clusters.candidates(conn, r)
        cluster, reason, also = choose(r, candidates)
        merged_id = cluster.id if cluster else _new_cluster(conn, r)
        if cluster:
            _widen(conn, cluster, r, merged[cluster.id])
            clusters.changed(cluster.id)
        conn.execute(
            ledger_tables.event_reports.insert(),
            {
                "article_id": aid,
                "event_id": r.event_id,
                "merged_id": merged_id,
                "date": r.date.isoformat() if r.date else None,
                "dated": r.dated,
                "actor_country": r.actor_country,
                "recipient_country": r.recipient_country,
                "place_name": r.place_name,
                "lat": r.lat,
                "lon": r.lon,
                "keywords": sorted(r.keywords) + ([TRIGGER_MARK + r.trigger] if r.trigger else []),
                "sentence": r.sentence,
                "participants": r.participants,
                "place_kind": r.place_kind,
                "place_country": r.place_country,
                "story": r.story,
                "outlet": outlet,
                "origin": relay.origin(row.get("statement"), statements, outlet, context["actors"]),
                "reason": reason,
            },
        )
        backend.insert_many_ignoring_duplicates(
            conn, ledger_tables.event_blocks, [{"key": k, "merged_id": merged_id} for k in stored_keys(r)]
        )
        touched.add(merged_id)
        if cluster:
            why = {o.id: f"report {aid[:12]}/{r.event_id} matched both: {reason}" for o in also}
            revisited = also_same(cluster, r, candidates, also)  # what an arrival in another order would merge
            why |= {
                o.id: f"revisited when report {aid[:12]}/{r.event_id} joined: a report of it is its event"
                for o in revisited
            }
            for other in also + revisited:  # the report shows two merged events are one: fold them
                if other.id != cluster.id and compatible(cluster, other):
                    fold(conn, other.id, cluster.id, why[other.id])
                    clusters.changed(other.id)
                    clusters.changed(cluster.id)
                    touched.discard(other.id)
    return len(rows)


def fold(conn: Connection, old: int, new: int, reason: str) -> None:
    """Merged event `old` is the same as `new`: its reports and keys move to `new`, its id redirects
    there (and every id that redirected to it), and it is deleted."""
    me, er, eb, rd = (
        ledger_tables.merged_events,
        ledger_tables.event_reports,
        ledger_tables.event_blocks,
        ledger_tables.merged_redirects,
    )
    conn.execute(update(er).where(er.c.merged_id == old).values(merged_id=new))
    keys = list(conn.execute(select(eb.c.key).where(eb.c.merged_id == old)).scalars())
    if keys:
        backend.insert_many_ignoring_duplicates(conn, eb, [{"key": k, "merged_id": new} for k in keys])
    conn.execute(eb.delete().where(eb.c.merged_id == old))
    row = conn.execute(select(me.c.first_date, me.c.last_date).where(me.c.id == old)).first()
    cur = conn.execute(select(me.c.first_date, me.c.last_date).where(me.c.id == new)).first()
    if row and cur:
        firsts = [d for d in (row.first_date, cur.first_date) if d]
        lasts = [d for d in (row.last_date, cur.last_date) if d]
        conn.execute(
            update(me)
            .where(me.c.id == new)
            .values(first_date=min(firsts, default=None), last_date=max(lasts, default=None))
        )
    conn.execute(update(rd).where(rd.c.new_id == old).values(new_id=new))
    conn.execute(rd.insert(), {"old_id": old, "new_id": new, "reason": reason})
    conn.execute(me.delete().where(me.c.id == old))
    _recount(conn, {new})


def _recount(conn: Connection, ids: set[int]) -> None:
    """Distinct articles and outlets per merged event (reports of one article count once)."""
    if not ids:
        return
    er, me = ledger_tables.event_reports, ledger_tables.merged_events
    seen: dict[int, tuple[set, set]] = {i: (set(), set()) for i in ids}
    for mid, aid, outlet in conn.execute(
        select(er.c.merged_id, er.c.article_id, er.c.outlet).where(er.c.merged_id.in_(list(ids)))
    ):
        seen[mid][0].add(aid)
        if outlet:
            seen[mid][1].add(outlet)
    # one executemany, not a statement per merged event (PostgreSQL: pipelined, no wait for each)
    conn.execute(
        update(me)
        .where(me.c.id == bindparam("mid"))
        .values(
            n_articles=bindparam("n_a"), n_outlets=bindparam("n_o"), outlets=bindparam("outs", type_=me.c.outlets.type)
        ),
        [
            {"mid": mid, "n_a": len(arts), "n_o": len(outlets), "outs": sorted(outlets)}
            for mid, (arts, outlets) in sorted(seen.items())
        ],
    )


def _new_cluster(conn: Connection, r: Report) -> int:
    day = r.date.isoformat() if r.date else None
    me, rd = ledger_tables.merged_events, ledger_tables.merged_redirects
    new = conn.execute(
        me.insert().returning(me.c.id),
        {
            "type": r.type,
            "mode": r.mode,
            "actor_country": r.actor_country,
            "recipient_country": r.recipient_country,
            "place_name": r.place_name,
            "lat": r.lat,
            "lon": r.lon,
            "first_date": day,
            "last_date": day,
        },
    ).scalar_one()
    # SQLite hands out the largest rowid again once its row is deleted (a folded merged event); a
    # folded id redirects, so it must never name a new merged event: move the new one past it.
    if conn.dialect.name == "sqlite" and conn.execute(select(rd.c.old_id).where(rd.c.old_id == new)).first():
        top = max(
            conn.execute(select(func.max(me.c.id))).scalar() or 0,
            conn.execute(select(func.max(rd.c.old_id))).scalar() or 0,
        )
        conn.execute(update(me).where(me.c.id == new).values(id=top + 1))
        new = top + 1
    return new


def _widen(conn: Connection, c: Cluster, r: Report, cur: dict) -> None:
    """Extend the dates and fill what the merged event did not know yet from the new report.

    cur: the merged event's row as read in this transaction (by ClusterCache.candidates)."""
    me = ledger_tables.merged_events
    values: dict[str, Any] = {}
    if r.date:
        day = r.date.isoformat()
        if cur["first_date"] is None or day < cur["first_date"]:
            values["first_date"] = day
        if cur["last_date"] is None or day > cur["last_date"]:
            values["last_date"] = day
    for key, new in (("actor_country", r.actor_country), ("recipient_country", r.recipient_country)):
        if cur[key] is None and new:
            values[key] = new
    if cur["place_name"] is None and r.place_name:
        values.update(place_name=r.place_name, lat=r.lat, lon=r.lon)
    if values:
        conn.execute(update(me).where(me.c.id == c.id).values(**values))
        c.first, c.last = to_date(values.get("first_date")) or c.first, to_date(values.get("last_date")) or c.last
