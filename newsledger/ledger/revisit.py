"""Revisiting merged events: a report that joins one merged event can show that another is the same.

Merging is incremental, so what merges depends on the order reports arrive: a report compared with
a merged event before that event held the report naming their shared person stays apart. When a
report joins merged event `a`, every other candidate `b` it was compared with (one type, the date
window, a shared story, participant or place) is folded into `a` when one of b's own reports, compared
with the grown `a` as a whole, is the same event on positive evidence (merge.compare) and every
report of b is compatible with a (merge.compatible: no conflicting place, date, person or offence):
the answer an arrival in another order would have given. Pure functions, no database.
"""

from __future__ import annotations

from .merge import Cluster, Report, compare, compatible


def grown(a: Cluster, r: Report) -> Cluster:
    """The merged event a with the report r that just joined it."""
    return Cluster(a.id, a.type, a.mode, a.first, a.last, [*a.reports, r])


def same_event(a: Cluster, b: Cluster) -> bool:
    """One of b's reports is a's event on a's positive evidence, and nothing in b conflicts with a."""
    if b.id == a.id or b.type != a.type:
        return False
    return any(compare(o, a) is not None for o in b.reports) and compatible(a, b)


def also_same(a: Cluster, r: Report, candidates: list[Cluster], found: list[Cluster]) -> list[Cluster]:
    """The candidates (besides those already found) that are a's event once r has joined a."""
    seen = {c.id for c in found} | {a.id}
    whole = grown(a, r)
    return [c for c in candidates if c.id not in seen and same_event(whole, c)]
