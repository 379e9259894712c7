"""The overview chart: months on a real time axis, ticks that do not overlap, a y axis with round steps."""

from __future__ import annotations

import itertools

from newsledger.web import chart
from newsledger.web.timeaxis import LABEL_PX, month_index, month_ticks, nice_ticks


def test_months_are_spaced_by_time_not_as_categories():
    c = chart.bars([("2010-10", 1, 2), ("2010-11", 1, 3), ("2014-06", 1, 4)])
    a, b, far = (bar["x"] for bar in c["bars"])
    # 2010-11 is one month after 2010-10; 2014-06 is 44 months after 2010-10
    assert abs((far - a) / (b - a) - 44) < 0.5  # as categories it would be 2


def test_tick_labels_never_overlap_and_follow_the_calendar():
    for first, last in [("2024-01", "2024-03"), ("2010-10", "2024-06"), ("1990-01", "2024-12")]:
        c = chart.bars([(first, 1, 1), (last, 1, 5)])
        xs = [t["x"] for t in c["xticks"]]
        assert len(xs) >= 2
        assert all(b - a >= LABEL_PX - 0.5 for a, b in itertools.pairwise(xs))  # each label has its room
        assert len({t["label"] for t in c["xticks"]}) == len(xs)


def test_short_spans_tick_every_month_with_month_names():
    ticks = month_ticks(month_index("2024-09"), month_index("2024-12"), 580)
    assert [label for _, label in ticks] == ["Sep 2024", "Oct 2024", "Nov 2024", "Dec 2024"]


def test_long_spans_tick_on_years():
    ticks = month_ticks(month_index("2010-10"), month_index("2024-06"), 580)
    labels = [label for _, label in ticks]
    assert all(label.isdigit() for label in labels) and len(labels) >= 2


def test_y_axis_has_several_round_ticks():
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(100) == [0, 25, 50, 75, 100] or nice_ticks(100) == [0, 50, 100]
    assert nice_ticks(1) == [0, 1]
    assert nice_ticks(1234)[-1] >= 1234 and 3 <= len(nice_ticks(1234)) <= 7
    c = chart.bars([("2024-01", 3, 7), ("2024-02", 2, 3)])
    assert len(c["yticks"]) >= 3
    tallest = max(c["bars"], key=lambda b: b["h"])
    assert tallest["events"] == 7 and tallest["y"] >= c["yticks"][-1]["y"]


def test_no_dated_rows_no_bars():
    assert chart.bars([])["bars"] == []
