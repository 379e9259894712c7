"""Unit tests of the pure parts: signatures, blocking, merge decisions, relays, figure kinds, scoring."""
from __future__ import annotations

import datetime as dt

from newsledger.ledger import dedup, merge, relay, series
from newsledger.ledger.evaluate import pairwise
from newsledger.ledger.merge import Cluster, Report

BODY = ("The port city's council voted on Thursday to close the old harbour to cargo ships from next spring, "
        "ending two centuries of trade at the site. Fishermen protested outside the town hall, saying the "
        "decision would cost hundreds of jobs. The mayor said the harbour would become a marina and a park.")


def test_signature_similarity_separates_copies_from_other_texts():
    a, _ = dedup.signature(BODY)
    edited, _ = dedup.signature(BODY.replace("Thursday", "Friday").replace("hundreds", "dozens"))
    other, _ = dedup.signature("Heavy rain flooded three villages in the valley overnight, and rescuers "
                               "used boats to reach families stranded on rooftops, the regional governor said.")
    assert dedup.similarity(a, edited) >= dedup.THRESHOLD > dedup.similarity(a, other)
    assert dedup.similarity(a, dedup.from_bytes(dedup.to_bytes(a))) == 1.0       # stored bytes round-trip
    assert set(dedup.band_keys(a)) & set(dedup.band_keys(edited))               # an LSH candidate
    assert not set(dedup.band_keys(a)) & set(dedup.band_keys(other))


def _report(article, **kw) -> Report:
    base = dict(event_id="e1", type="ASSAULT", mode="actual", date=dt.date(2025, 4, 7), dated=True,
                place_name="Mosul", lat=36.34, lon=43.13, keywords={"car", "bomb", "market", "crowd", "stall"})
    base.update(kw)
    return Report(article_id=article, **base)


def _cluster(*reports) -> Cluster:
    return Cluster(1, reports[0].type, reports[0].mode, min(r.date for r in reports),
                   max(r.date for r in reports), list(reports))


def test_same_event_merges_with_a_reason():
    c = _cluster(_report("a"))
    found = merge.compare(_report("b", keywords={"car", "bomb", "market", "vegetable"}), c)
    assert found is not None and "same place Mosul" in found[1] and "bomb" in found[1]


def test_other_attack_in_the_same_city_on_the_same_day_does_not_merge():
    c = _cluster(_report("a"))
    assert merge.compare(_report("b", keywords={"gunmen", "checkpoint", "officer", "pickup"}), c) is None


def test_hard_constraints_rule_out_type_country_distance_and_date():
    c = _cluster(_report("a", actor_country="IRQ"))
    assert merge.compare(_report("b", type="PROTEST"), c) is None
    assert merge.compare(_report("b", actor_country="SYR"), c) is None
    assert merge.compare(_report("b", place_name="Erbil", lat=36.19, lon=44.01), c) is None     # ~80 km
    assert merge.compare(_report("b", date=dt.date(2025, 4, 20)), c) is None
    assert merge.compare(_report("b", mode="planned"), c) is None
    assert merge.compare(_report("b", place_name="Mosul old city", lat=36.35, lon=43.14), c) is not None


def test_blocking_keys_of_a_new_report_reach_the_stored_keys_of_its_event():
    stored = set(merge.stored_keys(_report("a", actor_country="IRQ")))
    assert stored & set(merge.block_keys(_report("b", actor_country="IRQ", date=dt.date(2025, 4, 9)), lookup=True))
    assert stored & set(merge.block_keys(_report("b", date=dt.date(2025, 4, 9)), lookup=True))   # no country
    assert not stored & set(merge.block_keys(_report("b", actor_country="IRQ", date=dt.date(2025, 6, 1)),
                                             lookup=True))


def test_relay_chain_ends_at_the_origin():
    statements = {"s1": {"source": {"text": "South Korea's military"}, "via": "s2"},
                  "s2": {"source": {"text": "Yonhap News Agency"}, "via": None}}
    assert relay.chain("s1", statements) == ["South Korea's military", "Yonhap News Agency"]
    assert relay.origin("s1", statements, "Daily Paper") == "yonhap news agency"
    assert relay.origin(None, statements, "The Daily Paper") == "daily paper"


def test_figure_kind_comes_from_the_nearest_cue():
    text = "Militants attacked the village, killing 15 people and wounding 21, officials said."
    i = text.index("15 people")
    assert series.kind(text, i, i + 9, "people") == "killed"
    j = text.index("21")
    assert series.kind(text, j, j + 2, None) == "wounded"
    text2 = "The death toll from the attack has risen to 23, officials said."
    k = text2.index("23")
    assert series.kind(text2, k, k + 2, None) == "killed"


def test_pairwise_scores():
    gold = {1: "x", 2: "x", 3: "y"}
    assert pairwise({1: "a", 2: "a", 3: "b"}, gold)["precision"] == 1.0
    s = pairwise({1: "a", 2: "a", 3: "a"}, gold)
    assert s["precision"] == 0.3333 and s["recall"] == 1.0


def test_events_of_one_article_merge_only_when_close_or_related():
    first = _report("a", sentence=0)
    c = _cluster(first)
    near = _report("a", event_id="e2", sentence=2, keywords={"shopper", "hospital"})
    far = _report("a", event_id="e3", sentence=6, keywords={"ministry", "military", "target"})
    related = _report("a", event_id="e4", sentence=6, keywords={"market", "ministry"})
    assert merge.compare(near, c) is not None
    assert merge.compare(far, c) is None
    assert "shares market" in merge.compare(related, c)[1]
