"""Series geometry: bounds become vertical bars, a wide value range switches to a log scale."""

import itertools

from newsledger.web.series import group, plot


def row(source, published, value=None, low=None, high=None, bound="=", approx=False):
    return {
        "source_text": source,
        "published": published,
        "value": value,
        "low": low,
        "high": high,
        "bound": bound,
        "approx": approx,
        "text": f"{value}",
        "article_id": "a",
    }


def test_group_skips_undated_and_orders_points():
    groups = group(
        [
            row("A", "2024-12-05", 10),
            row("A", "2024-12-01", 5),
            row("B", None, 3),
            row(None, "2024-12-02", low=200, high=900),
        ]
    )
    assert [g["source"] for g in groups] == ["A", "(unattributed)"]
    assert [p["published"] for p in groups[0]["points"]] == ["2024-12-01", "2024-12-05"]
    assert groups[1]["points"][0]["value"] == 550  # a range is drawn at its middle


def test_plot_bars_for_ranges_and_open_bounds():
    groups = group(
        [
            row("A", "2024-12-01", low=200, high=900),
            row("B", "2024-12-03", 1100, bound=">"),
            row("C", "2024-12-04", 300, bound="~", approx=True),
        ]
    )
    p = plot(groups)
    by_tip = {m["tip"].split(":")[0]: m for m in p["marks"]}
    low_y, high_y = by_tip["A"]["bar"]
    assert low_y > high_y  # SVG y grows downwards
    assert by_tip["B"]["bar"][1] == p["top"]  # "more than" opens to the top
    assert by_tip["C"]["bar"] is None and by_tip["C"]["open"]
    assert not p["log"]
    assert plot(group([row("A", "2024-01-01", 3), row("A", "2024-02-01", 30000)]))["log"]
    assert plot([]) is None


def test_axes_have_round_evenly_spaced_ticks_and_calendar_dates():
    lin = plot(group([row("A", "2024-09-10", 70), row("B", "2024-12-20", 1100)]))
    assert [t["label"] for t in lin["yticks"]][:2] == ["0", "500"] and len(lin["yticks"]) >= 3
    assert [t["label"] for t in lin["xticks"]] == ["Oct 2024", "Nov 2024", "Dec 2024"]
    log = plot(group([row("A", "2024-01-01", 60), row("A", "2024-02-01", 30000)]))
    ys = [t["y"] for t in log["yticks"]]
    gaps = {round(b - a, 1) for a, b in itertools.pairwise(ys)}
    assert len(gaps) == 1  # powers of ten evenly spaced on a log scale
    assert [t["label"] for t in log["yticks"]] == ["10", "100", "1,000", "10,000", "100,000"]
