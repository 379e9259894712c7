"""The merged events a linking transaction compares reports with: read once, read again when changed.

ClusterCache.candidates gives the merged events sharing a blocking key with a report, each with its
newest MAX_REPORTS_COMPARED reports (newsledger.ledger.update links with it).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from sqlalchemy import Connection, bindparam, func, select

from ..store import ledger_tables
from .merge import Cluster, Report, block_keys

MAX_REPORTS_COMPARED = 50  # per candidate cluster: its latest reports
TRIGGER_MARK = "t:"  # the trigger's stem is stored among a report's keywords with this mark

_MERGED = (
    "id",
    "type",
    "mode",
    "actor_country",
    "recipient_country",
    "place_name",
    "lat",
    "lon",
    "first_date",
    "last_date",
)


class ClusterCache:
    """The candidate clusters read in one linking transaction, each read once until it changes.

    Under the link lock nobody else writes merged events, so a cluster read for one report is
    still what the database holds for the next, unless this transaction added a report to it
    (then it is read again: its newest reports, in the database's order). A wire story's copies
    and a busy day's reports share most candidates: this saves most of the rows and Reports."""

    def __init__(self):
        self.read: dict[int, tuple[Cluster, dict]] = {}  # id -> (cluster, its merged_events row)

    def candidates(self, conn: Connection, r: Report) -> tuple[list[Cluster], dict[int, dict]]:
        """(the merged events sharing a blocking key with the report, their merged_events rows by
        id), each with its newest MAX_REPORTS_COMPARED reports. A merged event without reports
        could match nothing (compare() needs a report); the order does not matter (choose() breaks
        ties by id)."""
        ids_of, reports_of = _candidate_queries()
        ids = list(conn.execute(ids_of, {"keys": block_keys(r, lookup=True)}).scalars())
        missing = [i for i in ids if i not in self.read]
        if missing:
            self._read(conn, reports_of, missing)
        found = [self.read[i] for i in ids if i in self.read]
        return [c for c, _ in found], {c.id: row for c, row in found}

    def changed(self, merged_id: int) -> None:
        self.read.pop(merged_id, None)

    def _read(self, conn: Connection, reports_of, ids: list[int]) -> None:
        rows: dict[int, dict] = {}
        reports: dict[int, list] = {}
        for x in conn.execute(reports_of, {"ids": ids}).mappings():
            mid = x["merged_id"]
            if mid not in rows:
                rows[mid] = {k: x[f"m_{k}"] for k in _MERGED}
            reports.setdefault(mid, []).append(x)
        for mid, m in rows.items():
            cluster = Cluster(
                m["id"],
                m["type"],
                m["mode"],
                to_date(m["first_date"]),
                to_date(m["last_date"]),
                [_stored_report(x, m["type"], m["mode"]) for x in reports[mid]],
            )
            self.read[mid] = (cluster, m)


@lru_cache(maxsize=1)
def _candidate_queries():
    """The two statements of ClusterCache.candidates, built once (with expanding IN parameters):
    building a windowed subquery's columns took ten times longer in Python than running it."""
    eb, me, er = ledger_tables.event_blocks, ledger_tables.merged_events, ledger_tables.event_reports
    ids_of = select(eb.c.merged_id).where(eb.c.key.in_(bindparam("keys", expanding=True))).distinct()
    # The ids as literal lists on both tables: PostgreSQL's estimates for a subquery (or a join) on a
    # table being filled, without statistics yet, led it to scan the whole table; index lookups by
    # the ids do not depend on them.
    rank = (
        func.row_number()
        .over(partition_by=er.c.merged_id, order_by=(er.c.date.desc(), er.c.article_id, er.c.event_id))
        .label("rank")
    )
    newest = select(er, rank).where(er.c.merged_id.in_(bindparam("ids", expanding=True))).subquery()
    reports_of = (
        select(newest, *(me.c[k].label(f"m_{k}") for k in _MERGED))
        .join(me, me.c.id == newest.c.merged_id)
        .where(newest.c.rank <= MAX_REPORTS_COMPARED, me.c.id.in_(bindparam("ids", expanding=True)))
        .order_by(newest.c.merged_id, newest.c.rank)
    )
    return ids_of, reports_of


def _stored_report(x, type_: str, mode: str) -> Report:
    words = set(x["keywords"] or [])
    trigger = next((w for w in words if w.startswith(TRIGGER_MARK)), "")
    return Report(
        x["article_id"],
        x["event_id"],
        type_,
        mode,
        to_date(x["date"]),
        bool(x["dated"]),
        x["actor_country"],
        x["recipient_country"],
        x["place_name"],
        x["lat"],
        x["lon"],
        words - {trigger},
        x["sentence"],
        list(x["participants"] or []),
        x["place_kind"],
        x["place_country"],
        x["story"],
        x["outlet"],
        trigger.removeprefix(TRIGGER_MARK),
    )


def to_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
