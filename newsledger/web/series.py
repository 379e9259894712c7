"""Figure series: each source's reported values over time, with bounds, as SVG geometry.

Values come from the figures query; a series is one source (who says so). Drawn server-side
so the page needs no script; a log scale is used when values span more than two orders of magnitude.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from .timeaxis import month_ticks, nice_ticks, number_label

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 720, 300, 64, 48, 16, 36
PALETTE = 8  # CSS classes s0..s7


def group(rows: list[dict]) -> list[dict]:
    """Figures with a date and a number -> [{source, points: [...]}], biggest series first."""
    by_source: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        value = r.get("value")
        low, high = r.get("low"), r.get("high")
        if value is None and low is not None and high is not None:
            value = (low + high) / 2
        if value is None or not r.get("published"):
            continue
        source = (r.get("source_text") or "(unattributed)").strip()
        by_source[source].append(
            {
                "published": r["published"][:10],
                "value": value,
                "low": low,
                "high": high,
                "bound": r.get("bound"),
                "approx": r.get("approx"),
                "text": r.get("text"),
                "counted": r.get("counted"),
                "article_id": r.get("article_id"),
                "title": r.get("title"),
            }
        )
    out: list[dict[str, Any]] = [
        {"source": s, "points": sorted(p, key=lambda x: x["published"])} for s, p in by_source.items()
    ]
    return sorted(out, key=lambda s: (-len(s["points"]), s["source"]))


def from_ledger(found: list[dict]) -> list[dict]:
    """The ledger's series (newsledger.ledger.figure_series: one measure of one subject) as plot
    groups: one group per series and claimed origin, so the page draws what the CLI and API list."""
    out: list[dict[str, Any]] = []
    for s in found:
        by_origin: dict[str, list[dict]] = defaultdict(list)
        for v in s["values"]:
            value = v["value"]
            if value is None and v["low"] is not None and v["high"] is not None:
                value = (v["low"] + v["high"]) / 2
            if value is None or not v.get("date"):
                continue
            by_origin[v["origin"]].append(
                {
                    "published": v["date"][:10],
                    "value": value,
                    "low": v["low"],
                    "high": v["high"],
                    "bound": v["bound"],
                    "approx": v["approx"],
                    "text": v["text"],
                    "article_id": v["article_id"],
                }
            )
        label = f"{s['measure']} · {s.get('subject') or '?'}"
        out += [
            {"source": f"{label} — {origin}", "points": sorted(p, key=lambda x: x["published"])}
            for origin, p in by_origin.items()
        ]
    return out


def plot(series: list[dict]) -> dict | None:
    points = [p for s in series for p in s["points"]]
    if not points:
        return None
    days = [dt.date.fromisoformat(p["published"]).toordinal() for p in points]
    d0, d1 = min(days), max(days)
    if d0 == d1:
        d0, d1 = d0 - 1, d1 + 1
    values = [v for p in points for v in (p["value"], p["low"], p["high"]) if v is not None and v > 0]
    lo, hi = (min(values), max(values)) if values else (1, 10)
    log = hi / lo > 100
    y0: float
    y1: float
    if log:
        f = lambda v: math.log10(max(v, lo))  # noqa: E731 - the scale function
        y0, y1 = math.floor(f(lo)), math.ceil(f(hi))
    else:
        f = float
        y0, y1 = 0.0, float(nice_ticks(hi, 5)[-1])  # the top tick: a round number above every value
    if y1 == y0:
        y1 = y0 + 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: int) -> float:
        return round(LEFT + plot_w * (day - d0) / (d1 - d0), 1)

    def y(v: float) -> float:
        return round(TOP + plot_h * (1 - (f(v) - y0) / (y1 - y0)), 1)

    marks = []
    for i, s in enumerate(series):
        cls = f"s{i % PALETTE}"
        s["css"] = cls
        for p in s["points"]:
            px, py = x(dt.date.fromisoformat(p["published"]).toordinal()), y(p["value"])
            bar = None
            if p["low"] is not None and p["high"] is not None:
                bar = (y(p["low"]), y(p["high"]))
            elif p["bound"] in (">", ">="):
                bar = (py, TOP)  # at least: open upwards
            elif p["bound"] in ("<", "<="):
                bar = (HEIGHT - BOTTOM, py)  # at most: open downwards
            marks.append(
                {
                    "x": px,
                    "y": py,
                    "bar": bar,
                    "css": cls,
                    "open": bool(p["approx"]),
                    "tip": f"{s['source']}: {p['text']} ({p['published']})",
                }
            )
    if log:
        steps = [y0 + k for k in range(int(y1 - y0) + 1)]  # one tick per power of ten
        ticks = [
            {"y": round(TOP + plot_h * (1 - (v - y0) / (y1 - y0)), 1), "label": number_label(10**v)} for v in steps
        ]
    else:
        ticks = [{"y": y(v), "label": number_label(v)} for v in nice_ticks(hi, 5)]
    xticks = _time_ticks(d0, d1, x, plot_w)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "base": HEIGHT - BOTTOM,
        "marks": marks,
        "yticks": ticks,
        "xticks": xticks,
        "log": log,
    }


def _time_ticks(d0: int, d1: int, x: Callable[[int], float], width: float) -> list[dict]:
    """Ticks on the first day of calendar months (or years), spaced so labels do not overlap."""
    a, b = dt.date.fromordinal(d0), dt.date.fromordinal(d1)
    first, last = a.year * 12 + a.month - 1, b.year * 12 + b.month - 1
    out = []
    for m, label in month_ticks(first, last, width):
        day = dt.date(m // 12, m % 12 + 1, 1).toordinal()
        if d0 <= day <= d1:
            out.append({"x": x(day), "label": label})
    if not out:  # all points within one month: label the span's ends by day
        out = [{"x": x(d), "label": dt.date.fromordinal(d).strftime("%-d %b %Y")} for d in (d0, d1)]
    return out
