"""Pairwise precision and recall of a clustering against gold labels (merging and dedup quality)."""

from __future__ import annotations

from collections.abc import Hashable
from itertools import combinations


def pairwise(predicted: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> dict:
    """Items -> cluster ids. Scored over the items both know: pairs put together vs pairs that belong together."""
    items = sorted(set(predicted) & set(gold), key=str)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_pred, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "items": len(items),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
    }
