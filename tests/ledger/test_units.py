"""Unit tests of the pure parts: signatures, figure kinds, scoring (merge rules: test_merge_rules.py)."""

from __future__ import annotations

from newsledger.ledger import dedup, series
from newsledger.ledger.evaluate import pairwise

BODY = (
    "The port city's council voted on Thursday to close the old harbour to cargo ships from next spring, "
    "ending two centuries of trade at the site. Fishermen protested outside the town hall, saying the "
    "decision would cost hundreds of jobs. The mayor said the harbour would become a marina and a park."
)


def test_signature_similarity_separates_copies_from_other_texts():
    a, _ = dedup.signature(BODY)
    edited, _ = dedup.signature(BODY.replace("Thursday", "Friday").replace("hundreds", "dozens"))
    other, _ = dedup.signature(
        "Heavy rain flooded three villages in the valley overnight, and rescuers "
        "used boats to reach families stranded on rooftops, the regional governor said."
    )
    assert dedup.similarity(a, edited) >= dedup.THRESHOLD > dedup.similarity(a, other)
    assert dedup.similarity(a, dedup.from_bytes(dedup.to_bytes(a))) == 1.0  # stored bytes round-trip
    assert set(dedup.band_keys(a)) & set(dedup.band_keys(edited))  # an LSH candidate
    assert not set(dedup.band_keys(a)) & set(dedup.band_keys(other))


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
