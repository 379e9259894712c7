"""backend.insert_rows (COPY on PostgreSQL, executemany on SQLite) stores what an INSERT stores."""

from __future__ import annotations

import pytest
from sqlalchemy import String, cast, select

from newsledger.errors import StoreError
from newsledger.store import backend, schema
from tests.store import samples


def _event_row(ord_: int, **values) -> dict:
    row = {c.name: None for c in schema.events.c}
    row.update(
        article_id="art-shelling",
        ord=ord_,
        id=f"e{ord_}",
        type="ASSAULT",
        published="2024-03-05",
        trigger_start=4,
        trigger_end=11,
        trigger_text="shelled",
        figures=["f1"],
        evidence=[],
        confidence=0.25,
    )
    row.update(values)
    return row


def _stored(conn, ord_: int) -> dict:
    e = schema.events
    json_text = [cast(e.c[k], String).label(f"{k}_text") for k in ("acled", "figures", "evidence")]
    row = conn.execute(select(e, *json_text).where(e.c.article_id == "art-shelling", e.c.ord == ord_)).mappings().one()
    return {k: v for k, v in row.items() if k not in ("ord", "id")}


def test_rows_copied_read_back_as_inserted_rows(store):
    store.add([samples.shelling()])
    # A JSON None (stored as JSON null by an INSERT), a whole float in an integer column, a list.
    values = dict(acled=None, trigger_start=4.0, figures=["f1", "f2"], mode="actual", statement="s1")
    with store.engine.connect() as conn, conn.begin():
        backend.insert_rows(conn, schema.events, [_event_row(100, **values), _event_row(101, acled={"a": [1, "x"]})])
        conn.execute(schema.events.insert(), [_event_row(200, **values), _event_row(201, acled={"a": [1, "x"]})])
    with store.engine.connect() as conn:
        copied, inserted = _stored(conn, 100), _stored(conn, 200)
        assert copied == inserted and copied["trigger_start"] == 4 and copied["figures"] == ["f1", "f2"]
        assert _stored(conn, 101) == _stored(conn, 201)
        assert _stored(conn, 101)["acled"] == {"a": [1, "x"]}


def test_records_stored_through_insert_rows_round_trip(store):
    pairs = samples.all_pairs()
    store.add(pairs)
    got = {a.id: r.to_dict() for a, r in store.results()}
    assert got == {a.id: r.to_dict() for a, r in pairs}


def test_a_value_postgresql_cannot_hold_fails_the_whole_batch(pg_url):
    from newsledger.store import open_store

    article, result = samples.sighting()
    result.places[0].geonameid = 2**40  # beyond an INTEGER column: the COPY fails in the server
    with open_store(pg_url) as store:
        with pytest.raises(StoreError, match="nothing of this batch was stored"):
            store.add([samples.shelling(), (article, result)])
        assert store.stats()["articles"] == 0 and store.stats()["places"] == 0
        assert store.add(samples.all_pairs()) == 3  # the connection and the store still work
