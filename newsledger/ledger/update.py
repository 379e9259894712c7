"""Link newly stored articles into the ledger: duplicates, then their events into merged events.

Incremental and idempotent: an article is linked once (its signature row marks it done), in
one transaction with everything it adds, so re-ingesting or re-running changes nothing and an
interrupted run is completed by the next one.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy import Connection, func, select, update
from sqlalchemy import text as sql
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError

from ..store import backend, schema
from . import dedup, relay
from .merge import Cluster, Report, block_keys, choose, stored_keys
from .profile import report as to_report

MAX_REPORTS_COMPARED = 50   # per candidate cluster: its latest reports
_PER_TRANSACTION = 200
_LINK_LOCK = 0x6E6C_6C6B     # PostgreSQL advisory lock: one linker at a time (SQLite: the write lock)


def link(store, ids: Iterable[str] | None = None) -> dict:
    """Link these stored articles (all not yet linked when ids is None); returns counts."""
    sig, art = schema.signatures, schema.articles
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
        order = {r.id: (r.added or "", r.published or "", r.id)
                 for chunk in _chunks(pending)
                 for r in conn.execute(select(art.c.id, art.c.added, art.c.published).where(art.c.id.in_(chunk)))}
    pending.sort(key=lambda i: order[i])
    counts = {"linked": 0, "duplicates": 0, "reports": 0}
    try:
        for chunk in _chunks(pending, _PER_TRANSACTION):   # a whole old ledger: not one endless transaction
            for key, n in _link_all(store, chunk).items():
                counts[key] += n
        return counts
    except SQLAlchemyError as exc:
        raise StoreError(f"could not link articles in the ledger {store.url}: {getattr(exc, 'orig', exc)}; "
                         "run `newsledger link` to complete it") from exc


def _link_all(store, pending: list[str]) -> dict:
    sig, art = schema.signatures, schema.articles
    counts = {"linked": 0, "duplicates": 0, "reports": 0}
    with store.engine.connect().execution_options(**backend.WRITE) as conn, conn.begin():
        if conn.dialect.name == "postgresql":   # two linkers must not both open a cluster for one event
            conn.execute(sql("SELECT pg_advisory_xact_lock(:k)"), {"k": _LINK_LOCK})
        for aid in pending:
            if conn.execute(select(sig.c.article_id).where(sig.c.article_id == aid)).first():
                continue           # linked meanwhile by another process
            a = conn.execute(select(art.c.text, art.c.outlet).where(art.c.id == aid)).first()
            copy_of = _link_duplicate(conn, aid, a.text)
            counts["duplicates"] += copy_of is not None
            counts["reports"] += _link_events(conn, store, aid, a.text, a.outlet, copy_of)
            counts["linked"] += 1
    return counts


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _link_duplicate(conn: Connection, aid: str, text: str) -> str | None:
    """Store the signature and band keys; record and return the canonical id when a copy."""
    values, n = dedup.signature(text)
    keys = dedup.band_keys(values)
    b, sig, dup = schema.lsh_bands, schema.signatures, schema.duplicates
    candidates = list(conn.execute(select(b.c.article_id).where(b.c.band.in_(keys)).distinct()).scalars())
    best, best_sim = None, 0.0
    if candidates:
        for cid, data in conn.execute(select(sig.c.article_id, sig.c.minhash).where(sig.c.article_id.in_(candidates))):
            s = dedup.similarity(values, dedup.from_bytes(data))
            if s > best_sim or (s == best_sim and best is not None and cid < best):
                best, best_sim = cid, s
    conn.execute(sig.insert(), {"article_id": aid, "minhash": dedup.to_bytes(values), "shingles": n})
    conn.execute(backend.insert_ignoring_duplicates(conn, b), [{"band": k, "article_id": aid} for k in keys])
    if best is None or best_sim < dedup.THRESHOLD:
        return None
    canonical = conn.execute(select(dup.c.canonical_id).where(dup.c.article_id == best)).scalar() or best
    conn.execute(dup.insert(), {"article_id": aid, "canonical_id": canonical, "similarity": round(best_sim, 4),
                                "method": "exact" if best_sim >= 1.0 else "near"})
    return canonical


def _link_events(conn: Connection, store, aid: str, text: str, outlet: str | None, copy_of: str | None) -> int:
    rows = store.events(article=aid, include_duplicates=True, limit=None)
    if not rows:
        return 0
    statements = {s["id"]: s for s in store.statements(article=aid, include_duplicates=True, limit=None)}
    if copy_of:   # a wire copy rests on the original's outlet
        outlet = conn.execute(select(schema.articles.c.outlet).where(schema.articles.c.id == copy_of)).scalar()
    for row in rows:
        r = to_report(row, text)
        cluster, reason = choose(r, _candidates(conn, r))
        merged_id = cluster.id if cluster else _new_cluster(conn, r)
        if cluster:
            _widen(conn, cluster, r)
        conn.execute(schema.event_reports.insert(), {
            "article_id": aid, "event_id": r.event_id, "merged_id": merged_id,
            "date": r.date.isoformat() if r.date else None, "dated": r.dated,
            "actor_country": r.actor_country, "recipient_country": r.recipient_country,
            "place_name": r.place_name, "lat": r.lat, "lon": r.lon, "keywords": sorted(r.keywords),
            "sentence": r.sentence,
            "origin": relay.origin(row.get("statement"), statements, outlet), "reason": reason})
        conn.execute(backend.insert_ignoring_duplicates(conn, schema.event_blocks),
                     [{"key": k, "merged_id": merged_id} for k in stored_keys(r)])
    return len(rows)


def _candidates(conn: Connection, r: Report) -> list[Cluster]:
    eb, me, er = schema.event_blocks, schema.merged_events, schema.event_reports
    ids = list(conn.execute(select(eb.c.merged_id).where(eb.c.key.in_(block_keys(r, lookup=True))).distinct()).scalars())
    if not ids:
        return []
    # Each candidate's newest MAX_REPORTS_COMPARED reports in ONE query (a window per cluster),
    # not one query per cluster: on PostgreSQL the round trips were most of the ingest time.
    rank = func.row_number().over(partition_by=er.c.merged_id,
                                  order_by=(er.c.date.desc(), er.c.article_id, er.c.event_id)).label("rank")
    newest = select(er, rank).where(er.c.merged_id.in_(ids)).subquery()
    reports: dict[int, list] = {}
    for x in conn.execute(select(newest).where(newest.c.rank <= MAX_REPORTS_COMPARED)
                          .order_by(newest.c.merged_id, newest.c.rank)).mappings():
        reports.setdefault(x["merged_id"], []).append(x)
    return [Cluster(m["id"], m["type"], m["mode"], _d(m["first_date"]), _d(m["last_date"]),
                    [_stored_report(x, m["type"], m["mode"]) for x in reports.get(m["id"], [])])
            for m in conn.execute(select(me).where(me.c.id.in_(ids))).mappings()]


def _stored_report(x, type_: str, mode: str) -> Report:
    return Report(x["article_id"], x["event_id"], type_, mode, _d(x["date"]), bool(x["dated"]),
                  x["actor_country"], x["recipient_country"], x["place_name"], x["lat"], x["lon"],
                  set(x["keywords"] or []), x["sentence"])


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _new_cluster(conn: Connection, r: Report) -> int:
    day = r.date.isoformat() if r.date else None
    return conn.execute(schema.merged_events.insert().returning(schema.merged_events.c.id), {
        "type": r.type, "mode": r.mode, "actor_country": r.actor_country, "recipient_country": r.recipient_country,
        "place_name": r.place_name, "lat": r.lat, "lon": r.lon, "first_date": day, "last_date": day}).scalar_one()


def _widen(conn: Connection, c: Cluster, r: Report) -> None:
    """Extend the dates and fill what the merged event did not know yet from the new report."""
    me = schema.merged_events
    cur = conn.execute(select(me).where(me.c.id == c.id)).mappings().one()
    values = {}
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
        c.first, c.last = _d(values.get("first_date")) or c.first, _d(values.get("last_date")) or c.last
