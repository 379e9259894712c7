"""Axis ticks for the server-side charts: months spaced by time, and round numbers on the y axis.

A tick step is picked so labels never overlap: each label needs LABEL_PX pixels, so at most
width / LABEL_PX ticks are drawn, on calendar boundaries (every month, quarter, half-year, year, ...).
"""

from __future__ import annotations

import math

from .humantime import MONTHS

LABEL_PX = 90  # room for one "Nov 2024" label, also at the larger font phones get (style.css)
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)


def month_index(yyyymm: str) -> int:
    """'2024-11' -> a month count (year * 12 + month - 1), so months subtract as numbers."""
    return int(yyyymm[:4]) * 12 + int(yyyymm[5:7]) - 1


def month_label(index: int, step: int) -> str:
    year, month = divmod(index, 12)
    return str(year) if step >= 12 else f"{MONTHS[month][:3]} {year}"


def month_ticks(first: int, last: int, width: float) -> list[tuple[int, str]]:
    """(month index, label) ticks between two month indexes, at most one per LABEL_PX pixels."""
    span = max(last - first, 0) + 1
    room = max(int(width // LABEL_PX), 2)
    step = next((s for s in MONTH_STEPS if span / s <= room), MONTH_STEPS[-1])
    start = math.ceil(first / step) * step  # calendar-aligned: January for yearly steps
    return [(m, month_label(m, step)) for m in range(start, last + 1, step)]


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 up to at least `top` (0, 5, 10, 15 ...), about `count` of them.

    Steps are 1, 2 or 5 times a power of ten; counts of things never get a fractional step.
    """
    if top <= 0:
        return [0.0, 1.0]
    raw = top / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if top >= 1:
        step = max(step, 1)
    n = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(n + 1)]


def number_label(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2g}"
