"""Store.monthly: the overview chart's articles and events per month, counted in SQL, on every backend."""

from __future__ import annotations

from collections import Counter

from newsledger.ledger import link
from tests.store import samples


def test_monthly_counts_every_dated_article_and_its_events(store):
    store.add(samples.all_pairs())  # one article without a date (sighting)
    store.add([samples.numbered(i) for i in range(40)])  # 2023-01-01 .. 2023-01-28, wrapping
    link(store)  # near-duplicates count too: the chart counts everything stored
    articles: Counter = Counter()
    events: Counter = Counter()
    for art, result in store.results(include_duplicates=True):
        if art.published:
            articles[art.published[:7]] += 1
            events[art.published[:7]] += len(result.events)
    expected = [(m, articles[m], events[m]) for m in sorted(articles)]
    assert store.monthly() == expected
    assert [m for m, _, _ in expected] == ["2023-01", "2024-03", "2024-06"]
    assert expected[0][1] == 40 and expected[0][2] == 40


def test_an_empty_ledger_has_no_months(store):
    assert store.monthly() == []
