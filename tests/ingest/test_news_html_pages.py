"""Real news pages from ../shared/data/news-html against their gold article bodies (skips when absent)."""

import json
import re
from collections import Counter

from newsledger.ingest import read_inputs
from newsledger.records import Article
from tests.conftest import shared_path

_TOKEN = re.compile(r"\w+")
PAGES = 12


def _f1(gold: str, pred: str) -> float:
    g, p = Counter(_TOKEN.findall(gold.lower())), Counter(_TOKEN.findall(pred.lower()))
    tp = sum((g & p).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def test_real_pages_are_close_to_gold_bodies():
    folder = shared_path("news-html")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:PAGES]
    items = list(read_inputs([folder / "html" / f"{key}.html.gz" for key in keys]))
    assert len(items) == len(keys) and all(isinstance(a, Article) for a in items)
    scores = [_f1(truth[key]["articleBody"], art.text) for key, art in zip(keys, items)]
    assert all(art.text.strip() and art.kind == "html" for art in items)
    assert min(scores) > 0.7, scores
    assert sum(scores) / len(scores) > 0.9, scores
