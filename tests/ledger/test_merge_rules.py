"""The merge rules on hand-built reports: positive evidence merges (shared participants by role, the
same specific place, in one story; stronger evidence across stories), a type and shared words never
do, conflicts rule out, a merged event is compared as a whole (no chaining drift), and folding."""

from __future__ import annotations

import datetime as dt

from newsledger.ledger import merge
from newsledger.ledger.merge import Cluster, Report

MOSUL = dict(place_name="Mosul", lat=36.34, lon=43.13, place_kind="city")


def _report(article: str, **kw) -> Report:
    base = dict(
        event_id="e1",
        type="ASSAULT",
        mode="actual",
        date=dt.date(2025, 4, 7),
        dated=False,
        keywords={"car", "bomb", "market"},
        sentence=4,
        story="s1",
    )
    base.update(kw)
    return Report(article_id=article, **base)


def _cluster(*reports: Report, id: int = 1) -> Cluster:
    dates = [r.date for r in reports if r.date]
    return Cluster(id, reports[0].type, reports[0].mode, min(dates), max(dates), list(reports))


def test_a_shared_participant_in_one_story_merges_and_says_so():
    c = _cluster(_report("a", participants=["A:o:islamic state", "R:p:ahmed"]))
    found = merge.compare(_report("b", participants=["A:o:islamic state"]), c)
    assert found and "same participants A:o:islamic state" in found[1] and "same story" in found[1]


def test_the_same_specific_place_in_one_story_merges():
    c = _cluster(_report("a", **MOSUL))
    found = merge.compare(_report("b", place_name="Mosul old city", lat=36.35, lon=43.14, place_kind="district"), c)
    assert found and "same place Mosul old city" in found[1]


def test_a_type_and_shared_words_never_merge():
    c = _cluster(_report("a", keywords={"police", "shot", "man"}))
    assert merge.compare(_report("b", keywords={"police", "shot", "man"}), c) is None


def test_a_shared_country_is_no_evidence():
    c = _cluster(
        _report(
            "a", actor_country="IRQ", place_country="IQ", place_name="Iraq", place_kind="country", lat=33.0, lon=44.0
        )
    )
    assert (
        merge.compare(
            _report(
                "b",
                actor_country="IRQ",
                place_country="IQ",
                place_name="Iraq",
                place_kind="country",
                lat=33.0,
                lon=44.0,
            ),
            c,
        )
        is None
    )


def test_across_stories_only_strong_evidence_merges():
    c = _cluster(_report("a", participants=["A:o:islamic state"], **MOSUL))
    assert merge.compare(_report("b", story="s2", participants=["A:o:islamic state"]), c) is None
    assert merge.compare(_report("b", story="s2", **MOSUL), c) is None
    both = merge.compare(_report("b", story="s2", participants=["A:o:islamic state"], **MOSUL), c)
    assert both and "another story" in both[1]
    two = _cluster(_report("a", participants=["A:o:islamic state", "R:o:iraqi army"]))
    assert merge.compare(_report("b", story="s2", participants=["A:o:islamic state", "R:o:iraqi army"]), two)
    forces = _cluster(_report("a", participants=["A:f:RUS:MIL", "R:f:UKR:MIL"]))  # forces are not named parties
    assert merge.compare(_report("b", story="s2", participants=["A:f:RUS:MIL", "R:f:UKR:MIL"]), forces) is None


def test_conflicts_rule_out_even_with_evidence():
    c = _cluster(_report("a", participants=["A:o:islamic state", "A:p:ahmed"], **MOSUL))
    same = dict(participants=["A:o:islamic state"])
    assert merge.compare(_report("b", type="PROTEST", **same), c) is None
    assert merge.compare(_report("b", mode="planned", **same), c) is None
    assert merge.compare(_report("b", place_name="Erbil", lat=36.19, lon=44.01, place_kind="city", **same), c) is None
    assert merge.compare(_report("b", date=dt.date(2025, 4, 20), **same), c) is None
    # Both name who did it, and no one in common: two events, whatever else they share.
    assert merge.compare(_report("b", participants=["A:o:islamic state", "A:p:karim"]), c) is None
    assert merge.compare(_report("b", participants=["A:p:karim"], **MOSUL), c) is None


def test_a_stand_in_place_rules_out_but_never_merges():
    inferred = dict(MOSUL, place_kind="city (the article's)")
    c = _cluster(_report("a", **inferred))
    assert merge.compare(_report("b", **inferred), c) is None
    assert merge.compare(_report("b", **MOSUL), c) is None
    erbil = dict(place_name="Erbil", lat=36.19, lon=44.01, place_kind="city (the article's)")
    d = _cluster(_report("a", participants=["A:o:islamic state"], **MOSUL))
    assert merge.compare(_report("b", participants=["A:o:islamic state"], **erbil), d) is None


def test_a_report_is_compared_with_the_merged_event_as_a_whole():
    # Three articles name Islamic State; one of them also names a militia. A report sharing only
    # the militia does not join: it is not what the merged event is about (no chaining drift).
    c = _cluster(
        _report("a", participants=["A:o:islamic state"]),
        _report("b", participants=["A:o:islamic state"]),
        _report("c", participants=["A:o:islamic state", "R:o:sinjar militia"]),
    )
    assert merge.compare(_report("d", participants=["R:o:sinjar militia"]), c) is None
    assert merge.compare(_report("d", participants=["A:o:islamic state"]), c) is not None


def test_events_of_one_article_merge_within_a_window_not_a_chain():
    first = _report("a", sentence=0, keywords=set(), story="s9")
    c = _cluster(first, _report("a", event_id="e2", sentence=2, story="s9"))
    near = merge.compare(_report("a", event_id="e3", sentence=1, story="s9"), c)
    assert near and "same article" in near[1]
    assert merge.compare(_report("a", event_id="e4", sentence=4, story="s9"), c) is None  # 2 past e2, 4 past e1
    same = merge.compare(_report("a", event_id="e5", sentence=2, story="s9"), c)
    assert same and "same sentence" in same[1]


def test_the_lead_events_of_two_articles_of_one_story_merge():
    c = _cluster(_report("a", sentence=0))
    found = merge.compare(_report("b", sentence=1), c)
    assert found and "lead event of both articles" in found[1]
    assert merge.compare(_report("b", sentence=1, story="s2"), c) is None
    assert merge.compare(_report("b", sentence=5), c) is None


def test_blocking_keys_are_positive_evidence_within_the_date_window():
    stored = set(merge.stored_keys(_report("a", participants=["A:o:islamic state"], **MOSUL)))
    assert stored & set(
        merge.block_keys(
            _report("b", story="s2", participants=["A:o:islamic state"], date=dt.date(2025, 4, 9)), lookup=True
        )
    )
    assert stored & set(
        merge.block_keys(
            _report("b", story="s2", place_name="Mosul", lat=36.6, lon=43.3, place_kind="city"), lookup=True
        )
    )  # a neighbouring cell
    assert not stored & set(merge.block_keys(_report("b", story="s2"), lookup=True))  # nothing shared
    assert not stored & set(
        merge.block_keys(_report("b", participants=["A:o:islamic state"], date=dt.date(2025, 6, 1)), lookup=True)
    )


def test_a_report_matching_two_merged_events_folds_them_only_on_evidence():
    r = _report("x", sentence=0, participants=["A:o:islamic state"], **MOSUL)
    a = _cluster(_report("a", participants=["A:o:islamic state"], **MOSUL), id=1)
    own = _cluster(_report("x", event_id="e0", sentence=0), id=2)  # the same sentence, this article only
    other = _cluster(_report("b", participants=["A:o:islamic state"], **MOSUL), id=3)
    unrelated = _cluster(_report("c", story="s1", sentence=0), id=4)  # matched only as a lead
    best, _, also = merge.choose(r, [a, own, other, unrelated])
    assert best.id in (1, 3) and {c.id for c in also} >= {2} and 4 not in {c.id for c in also}
    far = _cluster(
        _report("d", participants=["A:o:islamic state"], place_name="Erbil", lat=36.19, lon=44.01, place_kind="city"),
        id=5,
    )
    assert not merge.foldable(r, a, far, "ASSAULT; same participants A:o:islamic state; same story")
