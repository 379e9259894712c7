"""A batch is written whole or not at all; two processes adding overlapping batches store each article once."""

from __future__ import annotations

import multiprocessing as mp

import pytest

from newsledger.errors import StoreError
from newsledger.store import open_store
from tests.store import samples


def test_failing_producer_mid_batch_stores_nothing(store):
    def batch():
        yield samples.shelling()
        yield samples.talks()
        raise RuntimeError("the extractor died")

    with pytest.raises(RuntimeError):
        store.add(batch())
    assert store.stats()["articles"] == 0 and store.stats()["events"] == 0


def test_database_failure_mid_batch_rolls_back_the_whole_batch(store):
    bad_article, bad_result = samples.sighting()
    bad_result.events[0].acled = {"event_type": object()}  # cannot be written as JSON
    # sorted by id, art-shelling and art-sighting go in before art-talks: they must vanish with it
    with pytest.raises(StoreError, match="nothing of this batch was stored"):
        store.add([samples.shelling(), samples.talks(), (bad_article, bad_result)])
    stats = store.stats()
    assert (stats["articles"], stats["actors"], stats["events"]) == (0, 0, 0)
    assert store.add(samples.all_pairs()) == 3  # and the store still works


def test_result_for_another_article_is_refused(store):
    article, _ = samples.shelling()
    _, other = samples.talks()
    with pytest.raises(StoreError, match="does not match"):
        store.add([(article, other)])
    assert store.known_ids([article.id]) == set()


def _add_in_process(url: str, numbers: list[int], barrier, results) -> None:
    store = open_store(url)  # both open a fresh file at once: migration races too
    barrier.wait(timeout=60)
    added = 0
    for i in range(0, len(numbers), 5):  # several transactions, interleaving with the other writer
        added += store.add([samples.numbered(n) for n in numbers[i : i + 5]])
    store.close()
    results.put(added)


def _run_two_writers(url: str) -> list[int]:
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    first = list(range(0, 60))
    second = list(reversed(range(20, 80)))  # 40 shared articles, added in the opposite order
    procs = [ctx.Process(target=_add_in_process, args=(url, nums, barrier, results)) for nums in (first, second)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert all(p.exitcode == 0 for p in procs), [p.exitcode for p in procs]
    return [results.get(timeout=5) for _ in procs]


def test_two_processes_with_overlapping_batches(ledger_url):
    counts = _run_two_writers(ledger_url)
    assert sum(counts) == 80
    store = open_store(ledger_url)
    try:
        stats = store.stats()
        assert (stats["articles"], stats["events"], stats["figures"], stats["actors"]) == (80, 80, 80, 80)
        assert len(store.events(limit=None)) == 80
        assert len({(r["article_id"], r["id"]) for r in store.events(limit=None)}) == 80
    finally:
        store.close()
