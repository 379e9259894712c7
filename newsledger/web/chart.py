"""Activity over time as SVG shapes, computed server-side (no JavaScript, no external library).

Returns plain numbers and strings; the template draws them with autoescaped attributes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

WIDTH, HEIGHT, PAD = 640, 180, 28


def monthly(rows: Iterable[dict]) -> list[tuple[str, int, int]]:
    """(YYYY-MM, articles, events) per month from article rows (which carry an `events` count)."""
    arts: Counter = Counter()
    evs: Counter = Counter()
    for r in rows:
        month = (r.get("published") or "")[:7]
        if len(month) == 7:
            arts[month] += 1
            evs[month] += int(r.get("events") or 0)
    return [(m, arts[m], evs[m]) for m in sorted(arts)]


def bars(series: list[tuple[str, int, int]]) -> dict:
    """Bar geometry: events per month as bars, with month labels and the maximum for the axis."""
    top = max((e for _, _, e in series), default=0) or 1
    n = max(len(series), 1)
    slot = (WIDTH - 2 * PAD) / n
    width = max(min(slot * 0.7, 60), 2)
    out = []
    for i, (month, articles, events) in enumerate(series):
        h = (HEIGHT - 2 * PAD) * events / top
        x = PAD + i * slot + (slot - width) / 2
        out.append(
            {
                "x": round(x, 1),
                "y": round(HEIGHT - PAD - h, 1),
                "w": round(width, 1),
                "h": round(h, 1),
                "label": month,
                "lx": round(x + width / 2, 1),
                "events": events,
                "articles": articles,
                "show_label": n <= 12 or i % max(n // 12, 1) == 0,
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "pad": PAD,
        "top": top,
        "bars": out,
        "base": HEIGHT - PAD,
        "right": WIDTH - PAD,
    }
