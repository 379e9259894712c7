"""The local process-pool engine gives exactly the ledger the in-process path gives."""

from __future__ import annotations

import json

import pytest

from newsledger.api import Ledger
from newsledger.errors import UsageError
from newsledger.store import open_store

# Invented reports, written for this test.
TEXTS = [
    "Rebels attacked a convoy near Goma on Monday, killing three soldiers, the army said.",
    "The European Union imposed new sanctions on Iran, officials in Brussels said on Friday.",
    "Police in Nairobi arrested about 40 protesters, according to a spokesman for the interior ministry.",
    "Ukraine said Russian forces shelled Kharkiv overnight, wounding at least 12 civilians.",
    "Japan and Australia agreed to expand military cooperation, the two defence ministers announced.",
    "Thousands of farmers marched in Paris to protest against fuel taxes, organisers said.",
    "The United Nations sent 200 tonnes of food aid to Sudan, a UN official told reporters.",
    "Israel warned Hezbollah that it would respond to further rocket fire, the prime minister said.",
    "China denied accusations by the Philippines that its coast guard rammed a supply boat.",
    "Brazil's president met Argentina's foreign minister in Brasilia to discuss trade, his office said.",
]


@pytest.fixture(scope="module")
def articles_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("engines") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(TEXTS):
            f.write(json.dumps({"text": text, "published": f"2024-05-{i + 1:02d}", "outlet": f"outlet{i % 3}"}) + "\n")
    return path


def _ledger(db, path, workers, batch_size=4, extractor=None):
    with Ledger(db, extractor=extractor) as ledger:
        summary = ledger.ingest([str(path)], workers=workers, batch_size=batch_size)
    with open_store(db) as store:
        results = sorted(store.result_dicts(), key=lambda pair: pair[0]["id"])
        stats = store.stats()
    return summary, results, stats


def _comparable(stats: dict) -> dict:
    return {k: v for k, v in stats.items() if "ingest" not in k}


@pytest.fixture(scope="module")
def both(articles_file, tmp_path_factory, extractor):
    tmp = tmp_path_factory.mktemp("ledgers")
    one = _ledger(str(tmp / "one.db"), articles_file, workers=1, extractor=extractor)
    two = _ledger(str(tmp / "two.db"), articles_file, workers=2)
    return one, two, tmp


def test_two_workers_give_the_same_ledger(both):
    (s1, r1, st1), (s2, r2, st2), _ = both
    assert s1.added == s2.added == len(TEXTS)
    assert s2.failed == 0
    assert _comparable(st1) == _comparable(st2)
    assert [a["id"] for a, _ in r1] == [a["id"] for a, _ in r2]
    for (a1, res1), (a2, res2) in zip(r1, r2):
        assert a1 == a2 or {k: v for k, v in a1.items() if k != "added"} == {
            k: v for k, v in a2.items() if k != "added"
        }
        assert res1 == res2
    # the fixture has real content, so the comparison above is not between empty ledgers
    assert sum(len(res["events"]) for _, res in r2) >= 5
    assert sum(len(res["figures"]) for _, res in r2) >= 3


def test_parallel_reingest_skips_everything(both, articles_file):
    _, _, tmp = both
    with Ledger(str(tmp / "two.db")) as ledger:
        summary = ledger.ingest([str(articles_file)], workers=2)
    assert summary.added == 0 and summary.skipped == len(TEXTS)


def test_unknown_engine_is_a_usage_error(tmp_path, articles_file):
    with Ledger(str(tmp_path / "x.db")) as ledger, pytest.raises(UsageError, match="unknown engine"):
        ledger.ingest([str(articles_file)], engine="nope")


def _cli(*args):
    from ..cli_run import run_cli  # in this process; the worker processes are real

    return run_cli(*args)


def test_cli_workers_with_a_missing_model_says_what_to_do(tmp_path, articles_file):
    proc = _cli(
        "ingest", "--db", str(tmp_path / "x.db"), "--workers", "2", "--model", "no_such_spacy_model", str(articles_file)
    )
    assert proc.returncode == 2, proc.stderr.decode()
    assert "pip install" in proc.stderr.decode()


def test_cli_unknown_engine_exits_2(tmp_path, articles_file):
    proc = _cli("ingest", "--db", str(tmp_path / "x.db"), "--engine", "nope", str(articles_file))
    assert proc.returncode == 2
    assert "unknown engine" in proc.stderr.decode()
