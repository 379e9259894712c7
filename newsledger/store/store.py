"""Store: the ledger database behind one small interface (SQLite or PostgreSQL, same schema)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError, UsageError
from ..records import Article, ArticleResult
from . import backend, lite, migrations, monthly, queries, rows, schema, totals
from .filters import Filters, of_kind, page, read
from .summary import FACET_VALUES, TOTAL, count_query, facet_query

_READ_CHUNK = 500  # articles per round trip in results()


@dataclass
class Added:
    """What one add_batch() call did: article ids it inserted, and ids it found already stored."""

    inserted: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """Use open_store() to get one. All methods are safe to call from several processes."""

    def __init__(self, engine: Engine, schema_version: int):
        self.engine = engine
        self.schema_version = schema_version
        self.url = engine.url.render_as_string(hide_password=True)
        self.dialect = engine.dialect.name  # "sqlite" or "postgresql": the queries' search differs

    # -- writing ---------------------------------------------------------------------------

    def add(self, pairs: Iterable[tuple[Article, ArticleResult]]) -> int:
        """Store a batch in ONE transaction; articles already stored are skipped.

        Returns how many articles were new. If anything fails, nothing of the batch is kept.
        """
        return len(self.add_batch(pairs).inserted)

    def add_batch(self, pairs: Iterable[tuple[Article, ArticleResult]]) -> Added:
        """Like add(), telling exactly which article ids this call inserted and which it found
        already stored (by an earlier run, or by another process that won the race since the
        caller checked known_ids): the database's own answer, not a count made beforehand."""
        added = _now()
        batch = []
        for article, result in pairs:  # consumed before writing: a failing producer writes nothing
            if result.id != article.id:
                raise StoreError(f"result id {result.id!r} does not match article id {article.id!r}")
            batch.append((article, result))
        # A fixed lock order (by id) keeps two PostgreSQL writers with overlapping batches from deadlocking.
        batch.sort(key=lambda pair: pair[0].id)
        if not batch:
            return Added()
        try:
            with self.engine.connect().execution_options(**backend.WRITE) as conn, conn.begin():
                insert_article = backend.insert_ignoring_duplicates(conn, schema.articles).returning(
                    schema.articles.c.id
                )
                article_rows = [rows.article_row(article, result, added) for article, result in batch]
                # ON CONFLICT DO NOTHING RETURNING: only the ids really inserted come back; the others are
                # stored already (maybe just now, by another process), so their records are not written again.
                new_ids = set(conn.execute(insert_article, article_rows).scalars())
                record_rows: dict[str, list[dict]] = {kind: [] for kind in schema.RECORD_TABLES}
                sums = totals.Sums()
                outcome = Added()
                for row, (_, result) in zip(article_rows, batch):
                    if row["id"] not in new_ids:
                        if row["id"] not in outcome.already and row["id"] not in outcome.inserted:
                            outcome.already.append(row["id"])
                        continue
                    new_ids.discard(row["id"])  # a repeat within the batch is not new twice
                    outcome.inserted.append(row["id"])
                    article_records = rows.to_rows(row["id"], result)
                    # What the lists filter, count and sort on:
                    rows.add_copies(article_records, row["published"], row["outlet"], row["title"])
                    for kind, kind_rows in article_records.items():
                        record_rows[kind].extend(kind_rows)
                        if kind in schema.TOTALS_TABLES:
                            sums.add_article(kind, kind_rows)
                for kind, table in schema.RECORD_TABLES.items():
                    backend.insert_rows(conn, table, record_rows[kind])
                sums.write(conn)
                totals.add_counts(
                    conn, {"articles": len(outcome.inserted), **{k: len(v) for k, v in record_rows.items()}}
                )
                return outcome
        except (SQLAlchemyError, TypeError, ValueError) as exc:  # DB errors, and values it cannot hold
            raise StoreError(
                f"could not write to the ledger {self.url}: {exc.__class__.__name__}: "
                f"{getattr(exc, 'orig', exc)}; nothing of this batch was stored"
            ) from exc

    def record_ingest(self, summary: dict) -> None:
        """Keep one ingest run's summary (started, finished, inputs, articles_added, ... failures)."""
        s = dict(summary)
        row: dict[str, Any] = {
            k: s.get(k) for k in ("started", "finished", "inputs", "articles_added", "articles_skipped", "failed")
        }
        for key, alias in (("articles_added", "added"), ("articles_skipped", "skipped")):  # IngestSummary names
            if row[key] is None:
                row[key] = s.get(alias)
        for k in ("started", "finished"):
            if isinstance(row[k], (dt.date, dt.datetime)):
                row[k] = row[k].isoformat()
        row["failures"] = [str(f) for f in s.get("failures") or []]
        if row["failed"] is None:
            row["failed"] = len(row["failures"])
        row["summary"] = rows.jsonable(s)
        self._write(lambda conn: conn.execute(schema.ingests.insert(), row))

    # -- reading ---------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored."""
        wanted = list(dict.fromkeys(rows.clean(str(i)) for i in ids))
        found: set[str] = set()
        with self._read() as conn:
            for i in range(0, len(wanted), _READ_CHUNK):
                chunk = wanted[i : i + _READ_CHUNK]
                found.update(
                    conn.execute(select(schema.articles.c.id).where(schema.articles.c.id.in_(chunk))).scalars()
                )
        return found

    # The record lists. Filters: the table in newsledger.store.filters (by keyword, e.g.
    # events(type="ASSAULT", country="RUS", since="2024-12"), or one Filters from filters.read);
    # include_duplicates=False by default: articles linked as copies of an earlier one are left out.
    def articles(self, filters: Filters | None = None, *, limit=50, offset=0, sort=None, **given) -> list[dict]:
        """Articles newest first; rows carry record counts per kind, not the text."""
        return self._query("articles", filters, given, limit, offset, sort)

    def events(self, filters: Filters | None = None, *, limit=50, offset=0, sort=None, **given) -> list[dict]:
        """Events with their actors', place's, time's and statement's names."""
        return self._query("events", filters, given, limit, offset, sort)

    def statements(self, filters: Filters | None = None, *, limit=50, offset=0, sort=None, **given) -> list[dict]:
        """Statements with their source actor."""
        return self._query("statements", filters, given, limit, offset, sort)

    def figures(self, filters: Filters | None = None, *, limit=50, offset=0, sort=None, **given) -> list[dict]:
        """Figures with their actor and the statement that gives them."""
        return self._query("figures", filters, given, limit, offset, sort)

    def actors(self, filters: Filters | None = None, *, limit=50, offset=0, sort=None, **given) -> list[dict]:
        """Aggregated across articles: name, country, sector, articles, mentions, events."""
        return self._query("actors", filters, given, limit, offset, sort)

    def places(self, filters: Filters | None = None, *, limit=50, offset=0, sort=None, **given) -> list[dict]:
        """Aggregated across articles: name, country, lat, lon, geonameid, kind, articles, mentions, events."""
        return self._query("places", filters, given, limit, offset, sort)

    def times(self, filters: Filters | None = None, *, limit=50, offset=0, sort=None, **given) -> list[dict]:
        """Times; value: a TIMEX3 prefix ("2024-12" finds "2024-12-03")."""
        return self._query("times", filters, given, limit, offset, sort)

    def count(self, kind: str, filters: Filters | None = None, *, cap: int | None = None, **given) -> int:
        """How many rows the list of `kind` (or merged_events) has with these filters: its total, not a page.
        With a cap, counting stops after cap + 1 rows: a result above `cap` means "more than cap" (what the
        web pages show, "10,000+"), at a cost that does not grow with the ledger."""
        _check_cap(cap)
        with self._read() as conn:
            if cap is not None:  # a few thousand rows: no parallel scan of the whole table
                backend.for_one_page(conn)
            q = count_query(kind, self._filters(kind, filters, given), self.dialect, cap)
            return int(conn.execute(q).scalar() or 0)

    def facets(
        self, kind: str, filters: Filters | None = None, *, fields=None, cap: int | None = None, **given
    ) -> dict[str, list[dict]]:
        """Facets of the filtered list: per field (newsledger.store.listing.FACETS; `fields` a list or
        "a,b", default all of the kind's), its most frequent values [{"value", "n"}], most first
        (then by value), at most summary.FACET_VALUES of them. One query for all of them.
        With a cap: counted over the first `cap` rows of the list (newest first), not all of them."""
        _check_cap(cap)
        return self._facets(kind, self._filters(kind, filters, given), fields, cap, False)[0]

    def count_and_facets(
        self, kind: str, filters: Filters | None = None, *, cap: int, facet_rows: int, fields=None, **given
    ) -> tuple[int, dict[str, list[dict]]]:
        """What a list page shows around its rows: count(cap=cap) and facets(cap=facet_rows), the same
        numbers; in one query when the list has fewer than facet_rows rows (the facets then count all
        of them, and how many they counted is the total), else with a capped count after it."""
        _check_cap(cap)
        _check_cap(facet_rows)
        f = self._filters(kind, filters, given)
        facets, counted = self._facets(kind, f, fields, facet_rows, True)
        if counted < facet_rows:
            return min(counted, cap + 1), facets
        return self.count(kind, f, cap=cap), facets

    def _facets(self, kind: str, f: Filters, fields, cap: int | None, total: bool) -> tuple[dict, int]:
        q, names = facet_query(kind, f, fields, self.dialect, cap, total)
        counts: dict[str, dict] = {name: {} for name in names}
        counted = 0
        with self._read() as conn:
            backend.for_one_page(conn)
            for facet, value, n in conn.execute(q):
                if facet == TOTAL and total:
                    counted = int(n)
                    continue
                counts[facet][value] = counts[facet].get(value, 0) + int(n)
        facets = {
            name: [
                {"value": v, "n": n}
                for v, n in sorted(values.items(), key=lambda vn: (-vn[1], str(vn[0])))[:FACET_VALUES]
            ]
            for name, values in counts.items()
        }
        return facets, counted

    def monthly(self) -> list[tuple[str, int, int]]:
        """(YYYY-MM, articles, events) per month of publication, in month order; every article and
        event, duplicates included: the overview's activity chart."""
        with self._read() as conn:
            return monthly.monthly(conn)

    def listed(self, kind: str, filters: Filters | None = None, *, sort=None, **given) -> Iterator[dict]:
        """Every row of the list of `kind` with these filters (and the lists' defaults), in its order: what
        a download of the filtered list holds. Streamed."""
        return self._stream(*queries.build(kind, self._filters(kind, filters, given), sort, self.dialect))

    def rows(self, kind: str, filters: Filters | None = None, *, sort=None, **given) -> Iterator[dict]:
        """All rows of one kind (as the query methods return them), streamed; only the filters given
        (no defaults: duplicates included unless include_duplicates=False)."""
        return self._stream(*queries.build(kind, read(kind, filters, **given), sort, self.dialect))

    def _stream(self, q, shape) -> Iterator[dict]:
        # Built by the caller: a bad kind or filter is a UsageError now, not mid-iteration.

        def stream() -> Iterator[dict]:
            with self._read() as conn:
                for r in conn.execution_options(yield_per=_READ_CHUNK).execute(q).mappings():
                    yield shape(r)

        return stream()

    def results(self, *, article=None, **article_filters) -> Iterator[tuple[Article, ArticleResult]]:
        """(Article, ArticleResult) pairs exactly as add() got them; newest first.

        Takes one article id, or the filters of articles() (text, outlet, since, until).
        """
        pairs = self.result_dicts(article=article, **article_filters)
        return ((Article(**art), ArticleResult.from_dict(result)) for art, result in pairs)

    def result_dicts(self, *, article=None, **article_filters) -> Iterator[tuple[dict, dict]]:
        """Like results(), as plain dicts (Article fields; ArticleResult.to_dict() shape): faster for export."""
        # A bad filter fails now, not when the pairs are read.
        q, _ = queries.build("articles", {"article": article, **article_filters}, dialect=self.dialect)
        ids = [r.id for r in self._execute(q)]
        return (pair for i in range(0, len(ids), _READ_CHUNK) for pair in self._load(ids[i : i + _READ_CHUNK]))

    def _load(self, ids: list[str]) -> list[tuple[dict, dict]]:
        """Articles and all their records, in one round trip per table."""
        a = schema.articles
        with self._read() as conn:
            arts = {r["id"]: r for r in conn.execute(select(a).where(a.c.id.in_(ids))).mappings()}
            recs: dict[str, dict[str, list]] = {i: {k: [] for k in schema.RECORD_TABLES} for i in ids}
            for kind, table in schema.RECORD_TABLES.items():
                q = select(table).where(table.c.article_id.in_(ids)).order_by(table.c.article_id, table.c.ord)
                shape = rows.RECORD_DICT[kind]
                for r in conn.execute(q).mappings():
                    recs[r["article_id"]][kind].append(shape(r))
        out = []
        for aid in ids:
            if aid not in arts:
                continue
            art = {f: arts[aid][f] for f in rows.ARTICLE_FIELDS}
            out.append(
                (
                    art,
                    {
                        "id": aid,
                        "published": art["published"],
                        "title": art["title"],
                        "url": art["url"],
                        "outlet": art["outlet"],
                        **recs[aid],
                    },
                )
            )
        return out

    def stats(self) -> dict:
        """Counts per record kind, and the last ingest run (with its failures) or None."""
        with self._read() as conn:
            c = schema.record_counts  # kept by add(): counting every row grows with the ledger
            counts = dict(conn.execute(select(c.c.kind, c.c.n)).all())
            ing = schema.ingests
            last = conn.execute(select(ing).order_by(ing.c.n.desc()).limit(1)).mappings().first()
        return lite.stats_of(counts, last)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r}, schema_version={self.schema_version})"

    # -- plumbing --------------------------------------------------------------------------

    @staticmethod
    def _filters(kind: str, filters: Filters | None, given: dict) -> Filters:
        """The filters given, and the lists' defaults (include_duplicates=False) for those not given."""
        f = read(kind, filters, **given)
        defaults = {x.name: x.default for x in of_kind(kind) if x.default is not None and x.name not in f.given}
        return read(kind, f, **defaults) if defaults else f

    def _query(self, kind: str, filters: Filters | None, given: dict, limit, offset, sort=None) -> list[dict]:
        limit, offset = page(limit, offset)
        f = self._filters(kind, filters, given)
        q, shape = queries.build(kind, f, sort, self.dialect)
        if limit is None:
            with self._read() as conn:
                if "article" in f and kind in queries.PAGE_FIRST and kind != "articles" and sort is None:
                    # The records of a few articles, by key, put in the list's order here: ordered in
                    # SQL, SQLite walks the whole newest-first index instead (0.6 s at 100k articles).
                    backend.keep_join_order(conn)  # from the articles' records by key: the written order
                    few = list(conn.execute(q.order_by(None)).mappings())
                    few.sort(
                        key=lambda r: (
                            r["published"] is None,
                            rows.descending(r["published"]),
                            r["article_id"],
                            r["ord"],
                        )
                    )
                    return [shape(r) for r in few[offset:]]
                return [shape(r) for r in conn.execute(q.offset(offset)).mappings()]
        with self._read() as conn:  # one transaction: both steps see the same ledger
            backend.for_one_page(conn)
            if kind not in queries.PAGE_FIRST:
                return [shape(r) for r in conn.execute(q.limit(limit).offset(offset)).mappings()]
            keys_of_page, rows_of = queries.page_first(kind, q)
            keys = conn.execute(keys_of_page.limit(limit).offset(offset)).all()
            if not keys:
                return []
            backend.keep_join_order(conn)
            names = queries.page_keys(kind)
            found = {tuple(r[n] for n in names): r for r in conn.execute(rows_of(keys)).mappings()}
            return [shape(found[tuple(k)]) for k in keys]

    def _execute(self, q) -> list:
        with self._read() as conn:
            return list(conn.execute(q).mappings())

    def _read(self):
        try:
            return _Guard(self.engine.connect(), self.url)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not read the ledger {self.url}: {getattr(exc, 'orig', exc)}") from exc

    def _write(self, fn) -> None:
        try:
            with self.engine.connect().execution_options(**backend.WRITE) as conn, conn.begin():
                fn(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not write to the ledger {self.url}: {getattr(exc, 'orig', exc)}") from exc


def _check_cap(cap) -> None:
    if cap is not None and (isinstance(cap, bool) or not isinstance(cap, int) or cap < 0):
        raise UsageError(f"a cap must be a whole number, 0 or more, not {cap!r}")


class _Guard:
    """A connection context that turns database errors into StoreError."""

    def __init__(self, conn, url: str):
        self.conn, self.url = conn, url

    def __enter__(self):
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        self.conn.close()
        if exc is not None and isinstance(exc, SQLAlchemyError):
            raise StoreError(f"could not read the ledger {self.url}: {getattr(exc, 'orig', exc)}") from exc
        return False


def open_store(url_or_path: str | os.PathLike) -> Store:
    """Open (creating or migrating as needed) the ledger at a path, sqlite:// or postgresql:// URL."""
    engine = backend.open_engine(url_or_path)
    try:
        version = migrations.migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(
            f"cannot open the ledger {url_or_path}: {getattr(exc, 'orig', exc)}; "
            f"check that it is a newsledger database and the location is writable"
        ) from exc
    return Store(engine, version)
