"""Schema version 4: events keep their coordinated parties; a v3 ledger gains the columns and
reads its old events back with none."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from newsledger.store import SCHEMA_VERSION, open_store
from newsledger.store.backend import to_url
from tests.store import samples


def test_coordinated_parties_are_stored_and_read_back(store):
    store.add([samples.sighting()])
    ((_, result),) = store.result_dicts(article="art-sighting")
    assert result["events"][0]["co_actors"] == ["a2"] and result["events"][0]["co_recipients"] == []
    rebels = store.actors(name="rebels", limit=None)[0]
    assert rebels["events"] == 1  # a co-actor counts as one of the events naming it


def test_a_v3_ledger_gains_the_columns_and_keeps_its_events(ledger_url):
    with open_store(ledger_url) as store:  # a ledger as version 3 left it: no co-party columns
        store.add([samples.shelling()])
    engine = create_engine(to_url(ledger_url))
    with engine.begin() as conn:
        for column in ("co_actors", "co_recipients"):
            conn.execute(text(f"ALTER TABLE events DROP COLUMN {column}"))
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))
    engine.dispose()
    with open_store(ledger_url) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION >= 4
        ((_, result),) = migrated.result_dicts(article="art-shelling")
        assert [(e["id"], e["co_actors"], e["co_recipients"]) for e in result["events"]] == [
            ("e1", [], []),
            ("e2", [], []),
        ]
        migrated.add([samples.sighting()])  # and new events keep theirs
        ((_, result),) = migrated.result_dicts(article="art-sighting")
        assert result["events"][0]["co_actors"] == ["a2"]
