"""Activity over time as SVG shapes, computed server-side (no JavaScript, no external library).

Months sit on a real time axis (an empty month is a gap, not skipped), ticks come from timeaxis.
Returns plain numbers and strings; the template draws them with autoescaped attributes.
"""

from __future__ import annotations

from .timeaxis import month_index, month_label, month_ticks, nice_ticks, number_label

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 200, 54, 16, 12, 30


def bars(series: list[tuple[str, int, int]]) -> dict:
    """Events per month as bars on a time axis, with month ticks below and round counts beside."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    base = HEIGHT - BOTTOM
    if not series:
        return {"bars": []}
    first, last = month_index(series[0][0]), month_index(series[-1][0])
    months = last - first + 1
    slot = plot_w / months
    width = max(min(slot * 0.8, 48), 1.5)
    yticks = nice_ticks(max(e for _, _, e in series), 5)
    top = yticks[-1] or 1

    def x_of(m: int) -> float:  # the middle of month m's slot
        return LEFT + (m - first + 0.5) * slot

    out = []
    for month, articles, events in series:
        h = plot_h * events / top
        cx = x_of(month_index(month))
        label = month_label(month_index(month), 1)
        out.append(
            {
                "x": round(cx - width / 2, 1),
                "y": round(base - h, 1),
                "w": round(width, 1),
                "h": round(h, 1),
                "label": label,
                "events": events,
                "articles": articles,
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "base": base,
        "bars": out,
        "xticks": [{"x": round(x_of(m), 1), "label": lab} for m, lab in month_ticks(first, last, plot_w)],
        "yticks": [{"y": round(base - plot_h * v / top, 1), "label": number_label(v)} for v in yticks],
        "first": series[0][0],
        "last": series[-1][0],
    }
