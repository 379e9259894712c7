"""The attack table as a gate: benchmarks/attack.py's hostile corpus and web attack list against
SQLite and PostgreSQL (left out, with a message, when no server answers) must show 0 broken."""

from __future__ import annotations

import pytest

from tests.conftest import load_benchmark

pytestmark = pytest.mark.gate


def test_every_attack_holds_on_both_backends():
    attack = load_benchmark("attack")
    results = attack.run_all(["sqlite", "postgresql"])
    report = attack.table(results)
    print(report)
    assert {"fetch", "ingest sqlite", "web sqlite"} <= set(results), report
    broke = [(group, name, detail) for group, rows in results.items() for name, held, detail in rows if not held]
    assert broke == [], report
    assert sum(len(rows) for rows in results.values()) >= 150, report  # the whole list ran
